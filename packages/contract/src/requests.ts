/**
 * Enterprise requests (企业诉求直通车, /api/enterprise-requests*, their attached files) and service days
 * (企业服务日, /api/service-days*). A request's statuses, channels, ratings and lights are the domain's; its
 * categories are the district plan's (`requestCategories`), so a category here is only an id of the right form,
 * checked against the plan by the server; the kinds of step on its timeline are fixed here.
 */
import { REQUEST_LIGHTS } from "@beizeng/domain/requests/categories";
import { REQUEST_CHANNELS, REQUEST_RATINGS, REQUEST_STATUSES } from "@beizeng/domain/requests/view";
import { z } from "zod";
import { DateText, pageOf, pageQueryFields, Timestamp } from "./common";

export type { RequestLight } from "@beizeng/domain/requests/categories";
export {
  REQUEST_STATUSES,
  type RequestChannel,
  type RequestRating,
  type RequestStatus,
} from "@beizeng/domain/requests/view";

/** The steps on a request's timeline. */
export const REQUEST_EVENT_KINDS = [
  "submit",
  "assign",
  "accept",
  "progress",
  /** The instruction (批示) of the leader assigned to the enterprise. */
  "instruct",
  "answer",
  "rate",
  "reopen",
  "close",
  /** An overdue warning sent by the hourly run. */
  "escalate",
  "attach",
  "detach",
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

// ---------------------------------------------------------------- requests

const id = z.coerce.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD 格式");
const text = (max: number, label: string) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .optional();

/** A category's id in the plan; whether the district's plan has it is the server's check. */
const category = z
  .string({ error: "请选择诉求类别" })
  .trim()
  .min(1, "请选择诉求类别")
  .max(40, "诉求类别编号不能超过 40 个字符")
  .regex(/^[a-z][a-z0-9-]*$/, "诉求类别编号应为小写字母开头的字母、数字或连字符");

export const SubmitRequestSchema = z
  .object({
    enterpriseId: id.optional(),
    category,
    title: text(100, "诉求标题"),
    content: text(4000, "诉求内容"),
    contactName: text(50, "联系人"),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, "联系电话格式不正确"),
    serviceDayId: id.optional(),
  })
  .strict();
export type SubmitRequestReq = z.input<typeof SubmitRequestSchema>;

export const RequestQuerySchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  category: category.optional(),
  unit: id.optional(),
  enterprise: id.optional(),
  serviceDay: id.optional(),
  overdue: flag,
  unsatisfied: flag,
  mine: flag,
  q: z.string().trim().max(100).optional(),
});
export type RequestQueryReq = z.infer<typeof RequestQuerySchema>;

export const RequestListQuerySchema = RequestQuerySchema.extend(pageQueryFields);

export const AssignSchema = z
  .object({
    /** By default the unit the plan proposes for the request's category (its first answering unit). */
    unitId: id.optional(),
    coUnitIds: z.array(id).max(10, "协办单位不能超过 10 个").optional(),
    deadline: isoDate.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type AssignReq = z.input<typeof AssignSchema>;

export const NoteSchema = z.object({ note: text(2000, "办理进展") }).strict();
export type NoteReq = z.input<typeof NoteSchema>;
export const AnswerSchema = z.object({ answer: text(4000, "答复内容") }).strict();
export type AnswerReq = z.input<typeof AnswerSchema>;
export const RateSchema = z
  .object({
    rating: z.enum(REQUEST_RATINGS, {
      error: "评价应为 satisfied（满意）、basically（基本满意）或 unsatisfied（不满意）",
    }),
    comment: z.string().trim().max(1000).optional(),
  })
  .strict();
export type RateReq = z.input<typeof RateSchema>;
export const ReopenSchema = z
  .object({
    reason: text(1000, "重新交办的理由"),
    unitId: id.optional(),
    coUnitIds: z.array(id).max(10).optional(),
    deadline: isoDate.optional(),
  })
  .strict();
export type ReopenReq = z.input<typeof ReopenSchema>;
export const CloseSchema = z.object({ note: text(1000, "办结说明") }).strict();
export type CloseReq = z.input<typeof CloseSchema>;

export const ServiceDaySchema = z
  .object({
    heldOn: isoDate,
    theme: text(100, "主题"),
    venue: z.string().trim().max(100).optional(),
    note: z.string().trim().max(2000).optional(),
    unitIds: z.array(id).max(50),
    enterpriseIds: z.array(id).max(200),
  })
  .strict();
export type ServiceDayReq = z.input<typeof ServiceDaySchema>;

// ---------------------------------------------------------------- responses

const rowId = z.number().int();
const count = z.number().int().min(0);
const IdName = z.strictObject({ id: rowId, name: z.string() });

/** A request as every list and page shows it. */
export const RequestViewSchema = z.strictObject({
  id: rowId,
  enterprise: z.strictObject({ id: rowId, name: z.string(), creditCode: z.string() }),
  /** The category's id in the plan; a category the plan no longer has is shown by its plan name, if any. */
  category: z.string(),
  title: z.string(),
  content: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  serviceDay: z.strictObject({ id: rowId, theme: z.string() }).nullable(),
  status: z.enum(REQUEST_STATUSES),
  /** The responsible unit (主办单位); null until assigned. */
  unit: IdName.nullable(),
  /**
   * The unit the plan proposes for the category (its first answering unit), when it is an active unit requests
   * can be assigned to: what the office's assignment starts from.
   */
  proposedUnit: IdName.nullable(),
  coUnits: z.array(IdName),
  /** The day the final answer is due. */
  deadline: DateText.nullable(),
  /** While the unit has not answered; null before assignment and after the answer. */
  light: z.enum(REQUEST_LIGHTS).nullable(),
  overdueDays: count,
  overdue: z.boolean(),
  /** The answer came after the deadline. */
  answeredLate: z.boolean(),
  assignedAt: Timestamp.nullable(),
  acceptedAt: Timestamp.nullable(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  rating: z.enum(REQUEST_RATINGS).nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: Timestamp.nullable(),
  reopenCount: count,
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** The caller is the leader assigned to the enterprise (挂点领导). */
  mineAsLeader: z.boolean(),
});
export type RequestView = z.infer<typeof RequestViewSchema>;

export const RequestListSchema = pageOf(RequestViewSchema);
export type RequestList = z.infer<typeof RequestListSchema>;

/** One step on a request's timeline; `data` holds what the step recorded (unit, deadline, rating, colour…). */
export const RequestTimelineEntrySchema = z.strictObject({
  id: rowId,
  kind: z.enum(REQUEST_EVENT_KINDS),
  at: Timestamp,
  actor: z.string(),
  unit: IdName.nullable(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type RequestTimelineEntry = z.infer<typeof RequestTimelineEntrySchema>;

/** A file attached to a request, downloadable at /api/enterprise-request-attachments/:id. */
export const RequestAttachmentSchema = z.strictObject({
  id: rowId,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: count,
  sha256: z.string(),
  uploadedBy: z.string(),
  unit: IdName.nullable(),
  createdAt: Timestamp,
  /** The caller may remove it: its uploader or the office, while the request is not closed. */
  mayDelete: z.boolean(),
});
export type RequestAttachment = z.infer<typeof RequestAttachmentSchema>;

/** One request with its timeline and its attached files: what every step of the request answers. */
export const RequestDetailSchema = RequestViewSchema.extend({
  timeline: z.array(RequestTimelineEntrySchema),
  attachments: z.array(RequestAttachmentSchema),
});
export type RequestDetail = z.infer<typeof RequestDetailSchema>;

/** The counts over the requests the caller sees that match the list's filters. */
export const RequestStatsSchema = z.strictObject({
  total: count,
  byStatus: z.record(z.enum(REQUEST_STATUSES), count),
  overdue: count,
  red: count,
  /** Rated 不满意 and waiting for the office. */
  unsatisfiedPending: count,
  rated: count,
  satisfied: count,
  byCategory: z.array(z.strictObject({ category: z.string(), count })),
  byUnit: z.array(
    z.strictObject({
      unitId: rowId,
      unitName: z.string(),
      total: count,
      open: count,
      overdue: count,
      answered: count,
      late: count,
      averageAnswerDays: z.number().min(0).nullable(),
    }),
  ),
});
export type RequestStats = z.infer<typeof RequestStatsSchema>;

/** What a run of the overdue warnings did: warnings created, and whether the robot webhook took them. */
export const RequestEscalationRunSchema = z.strictObject({
  created: count,
  webhook: z.strictObject({
    sent: z.boolean(),
    queued: z.boolean().optional(),
    status: z.number().int().optional(),
    error: z.string().optional(),
  }),
  redAfterDays: count,
});
export type RequestEscalationRun = z.infer<typeof RequestEscalationRunSchema>;

/** The file attached. */
export const RequestFileAttachedSchema = z.strictObject({
  id: rowId,
  fileName: z.string(),
  sizeBytes: count,
  sha256: z.string(),
});
export type RequestFileAttached = z.infer<typeof RequestFileAttachedSchema>;

/** What a deletion answers: the id of what is gone. */
export const DeletedSchema = z.strictObject({ id: rowId, deleted: z.literal(true) });
export type Deleted = z.infer<typeof DeletedSchema>;

/** A service day with its units, its enterprises and how many requests were registered there. */
export const ServiceDayViewSchema = z.strictObject({
  id: rowId,
  heldOn: DateText,
  theme: z.string(),
  venue: z.string(),
  note: z.string(),
  units: z.array(IdName),
  enterprises: z.array(IdName),
  requestCount: count,
  closedCount: count,
});
export type ServiceDayView = z.infer<typeof ServiceDayViewSchema>;

export const ServiceDayListSchema = z.strictObject({ items: z.array(ServiceDayViewSchema) });
export type ServiceDayList = z.infer<typeof ServiceDayListSchema>;

/** A service day with the requests collected there (those the caller may see). */
export const ServiceDayDetailSchema = ServiceDayViewSchema.extend({ requests: z.array(RequestViewSchema) });
export type ServiceDayDetail = z.infer<typeof ServiceDayDetailSchema>;
