/**
 * Entrepreneurs' trainings and salons (企业家培训、企业家沙龙, M12) at /api/events*: the events the unit the plan gives
 * holdEntrepreneurEvents holds, the enterprises it invites, the named persons enterprises register within the
 * event's capacity, the attendance the host unit marks, each enterprise's feedback after the event, and the
 * counts per year that feed M12's tasks.
 */
import { EVENT_KINDS, INVITATION_STATUSES } from "@beizeng/domain/events/vocabulary";
import { z } from "zod";
import { DateText, Timestamp } from "./common";

export {
  EVENT_KINDS,
  type EventKind,
  INVITATION_STATUSES,
  type InvitationStatus,
} from "@beizeng/domain/events/vocabulary";

/** Where an event stands today: open for registration, closed to it, under way or over, or cancelled. */
export const EVENT_PHASES = ["open", "closed", "ongoing", "ended", "cancelled"] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];

const id = z.coerce.number().int().positive();
const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const date = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`);

// ---------------------------------------------------------------- requests

export const EventInputSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: "请选择活动类型（培训或企业家沙龙）" }),
    topic: text(100, "活动主题"),
    startsOn: date("开始日期"),
    endsOn: date("结束日期"),
    place: text(200, "活动地点"),
    hostUnitId: z.number({ error: "请选择承办单位" }).int().positive("请选择承办单位"),
    capacity: z
      .number({ error: "请填写名额" })
      .int("名额应为整数")
      .min(1, "名额至少为 1 人")
      .max(10_000, "名额不能超过 10000 人"),
    invitationOnly: z.boolean({ error: "请选择是否仅限受邀企业报名" }),
    registrationClosesOn: date("报名截止日期"),
    description: z.string().trim().max(2000, "活动说明不能超过 2000 个字").optional(),
  })
  .strict()
  .superRefine((event, context) => {
    if (event.endsOn < event.startsOn)
      context.addIssue({ code: "custom", path: ["endsOn"], message: "结束日期不能早于开始日期" });
    if (event.registrationClosesOn > event.startsOn)
      context.addIssue({ code: "custom", path: ["registrationClosesOn"], message: "报名截止日期不能晚于开始日期" });
  });
export type EventInput = z.input<typeof EventInputSchema>;

export const EventQuerySchema = z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() });
export type EventQuery = z.input<typeof EventQuerySchema>;

export const CancelEventSchema = z.object({ reason: text(500, "取消原因") }).strict();
export type CancelEventReq = z.input<typeof CancelEventSchema>;

export const InviteSchema = z
  .object({
    enterpriseIds: z
      .array(id, { error: "请选择要邀请的企业" })
      .min(1, "请至少选择一家企业")
      .max(1000, "一次最多邀请 1000 家企业"),
  })
  .strict();
export type InviteReq = z.input<typeof InviteSchema>;

export const DeclineSchema = z
  .object({ reason: z.string().trim().max(500, "不参加的原因不能超过 500 个字").optional() })
  .strict();
export type DeclineReq = z.input<typeof DeclineSchema>;

export const PersonInputSchema = z
  .object({
    name: text(50, "参加人姓名"),
    title: z.string().trim().max(50, "职务不能超过 50 个字").optional(),
    phone: z
      .string({ error: "请填写参加人联系电话" })
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, "参加人联系电话格式不正确"),
  })
  .strict();

export const RegisterSchema = z
  .object({
    persons: z
      .array(PersonInputSchema, { error: "请填写参加人" })
      .min(1, "请至少填写一名参加人")
      .max(50, "一次最多报名 50 人")
      .superRefine((persons, context) => {
        const seen = new Set<string>();
        persons.forEach((person, index) => {
          if (seen.has(person.name))
            context.addIssue({ code: "custom", path: [index, "name"], message: `参加人“${person.name}”填写了两次` });
          seen.add(person.name);
        });
      }),
  })
  .strict();
export type RegisterReq = z.input<typeof RegisterSchema>;

export const RegistrationParamsSchema = z.object({ id, registrationId: id });

export const AttendanceSchema = z
  .object({
    marks: z
      .array(z.strictObject({ registrationId: id, attended: z.boolean({ error: "请标记是否出席" }) }), {
        error: "请标记出席情况",
      })
      .min(1, "请至少标记一人的出席情况"),
  })
  .strict();
export type AttendanceReq = z.input<typeof AttendanceSchema>;

export const FeedbackSchema = z
  .object({
    rating: z
      .number({ error: "请选择评分（1–5 分）" })
      .int("评分应为 1–5 的整数")
      .min(1, "评分应为 1–5 分")
      .max(5, "评分应为 1–5 分"),
    comment: z.string().trim().max(1000, "意见建议不能超过 1000 个字").optional(),
  })
  .strict();
export type FeedbackReq = z.input<typeof FeedbackSchema>;

// ---------------------------------------------------------------- answers

const named = z.strictObject({ id: z.number().int(), name: z.string() });

export const EventSummarySchema = z.strictObject({
  id: z.number().int(),
  kind: z.enum(EVENT_KINDS),
  topic: z.string(),
  startsOn: DateText,
  endsOn: DateText,
  place: z.string(),
  hostUnit: named,
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  invitationOnly: z.boolean(),
  registrationClosesOn: DateText,
  description: z.string(),
  phase: z.enum(EVENT_PHASES),
  cancelReason: z.string(),
  invited: z.number().int(),
  /** Persons whose attendance the host unit marked present. */
  attended: z.number().int(),
  /** Whether every registered person's attendance is marked. */
  attendanceComplete: z.boolean(),
  feedbackCount: z.number().int(),
  /** Average rating to one decimal ("4.5"); null without feedback. */
  averageRating: z.string().nullable(),
  /** The caller's enterprise: its invitation's status (null: not invited), persons registered, feedback given. */
  mine: z
    .strictObject({
      invitation: z.enum(INVITATION_STATUSES).nullable(),
      persons: z.number().int(),
      attended: z.number().int(),
      feedbackGiven: z.boolean(),
      canRegister: z.boolean(),
      canGiveFeedback: z.boolean(),
    })
    .nullable(),
  isDemo: z.boolean(),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const EventListSchema = z.strictObject({
  items: z.array(EventSummarySchema),
  /** Whether the caller holds events (the office, or a unit the plan gives holdEntrepreneurEvents). */
  canManage: z.boolean(),
  /** The units the plan gives holdEntrepreneurEvents, by name. */
  holders: z.array(z.string()),
});
export type EventList = z.infer<typeof EventListSchema>;

export const InvitationSchema = z.strictObject({
  id: z.number().int(),
  enterprise: named,
  status: z.enum(INVITATION_STATUSES),
  invitedAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  declineReason: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const RegistrationSchema = z.strictObject({
  id: z.number().int(),
  enterprise: named,
  personName: z.string(),
  personTitle: z.string(),
  personPhone: z.string(),
  registeredAt: Timestamp,
  /** null until the host unit marks it. */
  attended: z.boolean().nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const FeedbackViewSchema = z.strictObject({
  enterprise: named,
  rating: z.number().int(),
  comment: z.string(),
  submittedAt: Timestamp,
});
export type FeedbackView = z.infer<typeof FeedbackViewSchema>;

/** One event with its invitations, registrations and feedback (an enterprise sees only its own). */
export const EventDetailSchema = z.strictObject({
  event: EventSummarySchema,
  invitations: z.array(InvitationSchema),
  registrations: z.array(RegistrationSchema),
  feedback: z.array(FeedbackViewSchema),
  canManage: z.boolean(),
  /** Whether the caller marks attendance (the host unit, the holders, the office) — from the first day on. */
  canMarkAttendance: z.boolean(),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export const InvitedSchema = z.strictObject({ invited: z.number().int(), alreadyInvited: z.number().int() });
export type Invited = z.infer<typeof InvitedSchema>;

export const RegisteredSchema = z.strictObject({ registered: z.number().int(), seatsLeft: z.number().int() });
export type Registered = z.infer<typeof RegisteredSchema>;

/** Per year, counting events under way or over (not cancelled) by the year they start. */
export const EventReportSchema = z.strictObject({
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      trainings: z.number().int(),
      salons: z.number().int(),
      trainingAttendees: z.number().int(),
      salonAttendees: z.number().int(),
      /** Enterprises with at least one person present. */
      enterprisesReached: z.number().int(),
      averageRating: z.string().nullable(),
    }),
  ),
});
export type EventReport = z.infer<typeof EventReportSchema>;
