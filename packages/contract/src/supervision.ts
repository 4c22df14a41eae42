/**
 * Supervision: tasks of the plan's measures with their traffic lights, progress reports and evidence files, the
 * robot webhook, bulletins, summons talks, the per-indicator ranking and the year-end assessment: requests,
 * answers and the vocabularies they use.
 */
import { MEASUREMENT_UNITS, type MeasurementUnit, TASK_CYCLES } from "@beizeng/domain/plan/vocabulary";
import { TASK_QUANTITY_SOURCE_IDS } from "@beizeng/domain/supervision/quantity-sources";
import { z } from "zod";
import { DateText, FilePart, Timestamp, UploadedFileSchema } from "./common";
import { TARGET_STATUSES } from "./targets";

// ---- Vocabularies ----

/** How often a task is reported on: the plan's cycles. */
export { TASK_CYCLES, type TaskCycle } from "@beizeng/domain/plan/vocabulary";

/** What a task's planned and reported quantity counts: the plan's measurement units. */
export type QuantityUnit = MeasurementUnit;

/** A task's traffic light. */
export const TASK_COLORS = ["green", "yellow", "red"] as const;
export type TaskColor = (typeof TASK_COLORS)[number];

/** A reporting period's state as of a day. */
export const PERIOD_STATES = ["upcoming", "open", "reported", "reportedLate", "returned", "overdue"] as const;
export type PeriodStateName = (typeof PERIOD_STATES)[number];

/** A progress report: filed, or sent back by the office with a reason. */
export const REPORT_STATUSES = ["submitted", "returned"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The message type of the WeCom/DingTalk robot. */
export const WEBHOOK_FORMATS = ["markdown", "text"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
/** The group robots a district's notices can reach: 企业微信, 钉钉, 飞书. */
export const ROBOT_PLATFORMS = ["wecom", "dingtalk", "feishu"] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];

/** Whether an assessment indicator is better higher or lower. */
export const INDICATOR_DIRECTIONS = ["higher", "lower"] as const;

// ---- Requests ----

const isoDate = z.iso.date("必须是 YYYY-MM-DD 格式的日期");
const decimal = z.string().regex(/^\d+(\.\d{1,4})?$/, "必须是非负十进制数字，例如 12 或 3.5");

export const TaskQuerySchema = z.object({
  unit: z.coerce.number().int().positive().optional(),
  measure: z.string().max(20).optional(),
  color: z.enum(TASK_COLORS).optional(),
  asOf: isoDate.optional(),
});
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

export const TaskPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    ownerUnitId: z.number().int().positive().optional(),
    sharingUnitIds: z.array(z.number().int().positive()).max(60).optional(),
    cycle: z.enum(TASK_CYCLES).optional(),
    dueDate: isoDate.nullable().optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    quantityUnit: z.enum(MEASUREMENT_UNITS).nullable().optional(),
    quantityTarget: decimal.nullable().optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, "至少要修改一个字段");
export type TaskPatch = z.infer<typeof TaskPatchSchema>;

export const AsOfQuerySchema = z.object({ asOf: isoDate.optional() });

export const ReportSchema = z.strictObject({
  period: z.string().trim().min(1).max(20),
  content: z.string().trim().min(2, "进度说明至少 2 个字").max(5000),
  quantity: decimal.nullable().optional(),
  attachments: z.array(UploadedFileSchema).default([]),
});
export type ReportInput = z.input<typeof ReportSchema>;
/** A report's text fields as a multipart form sends them (no nulls: a field left out is absent). */
export const ReportFieldsSchema = ReportSchema.omit({ attachments: true });
/** A report as a multipart form: its fields and its evidence files, each in a part named `attachments`. */
export const ReportFormSchema = ReportFieldsSchema.extend({
  attachments: z
    .array(FilePart.describe("佐证材料：pdf、png、jpg、jpeg、doc、docx、xls、xlsx 或 txt，每个至多 10 MB"))
    .max(5)
    .optional(),
});
export type ReportForm = z.input<typeof ReportFormSchema>;

export const ReturnSchema = z.strictObject({ reason: z.string().trim().min(2, "退回原因至少 2 个字").max(1000) });
export type ReturnInput = z.input<typeof ReturnSchema>;

export const WebhookSchema = z.strictObject({
  platform: z.enum(ROBOT_PLATFORMS, { error: "机器人平台须为企业微信、钉钉或飞书" }).default("wecom"),
  url: z.url({ protocol: /^https?$/, error: "必须是 http 或 https 地址" }).max(500),
  format: z.enum(WEBHOOK_FORMATS),
  enabled: z.boolean().default(true),
  /** The signing secret (钉钉 加签, 飞书 签名校验): left out keeps the kept one, empty removes it. */
  secret: z.string().trim().max(200, "签名密钥不能超过 200 个字符").optional(),
});
export type WebhookInput = z.input<typeof WebhookSchema>;

/** A period of days, both ends included. */
export const PeriodSchema = z.object({ from: isoDate, to: isoDate });
export type Period = z.infer<typeof PeriodSchema>;

export const SummonsSchema = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  bulletinId: z.number().int().positive().nullable().optional(),
  indicatorId: z.string().trim().min(1).max(60),
  unitId: z.number().int().positive(),
  talkDate: isoDate,
  heldBy: z.string().trim().min(1, "请填写约谈人").max(200),
  attendees: z.string().trim().min(1, "请填写被约谈人").max(500),
  outcome: z.string().trim().min(2, "请填写约谈情况").max(5000),
});
export type SummonsInput = z.input<typeof SummonsSchema>;

export const YearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2200).optional() });

export const AssessmentYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2200) });

// ---- Tasks ----

const UnitRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const TaskHealthSchema = z.object({
  color: z.enum(TASK_COLORS),
  /** Why, in Chinese (empty for green). */
  reasons: z.array(z.string()),
  duePeriods: z.number().int(),
  reportedPeriods: z.number().int(),
  onTimePeriods: z.number().int(),
  overduePeriods: z.number().int(),
  /** The earliest deadline still to report. */
  nextDeadline: DateText.nullable(),
  /** Decimal text: the quantity achieved so far (reported, or computed from records); null when none is counted. */
  achievedQuantity: z.string().nullable(),
});
export type TaskHealth = z.infer<typeof TaskHealthSchema>;

export const TaskViewSchema = z.object({
  id: z.number().int(),
  /** The plan's task this one was seeded from; null for a task the office added. */
  planTaskId: z.string().nullable(),
  measureId: z.string(),
  clauseId: z.string(),
  clauseTitle: z.string().nullable(),
  clauseText: z.string().nullable(),
  title: z.string(),
  ownerUnit: UnitRefSchema,
  sharingUnits: z.array(UnitRefSchema),
  cycle: z.enum(TASK_CYCLES),
  startDate: DateText,
  endDate: DateText,
  dueDate: DateText.nullable(),
  quantityUnit: z.enum(MEASUREMENT_UNITS).nullable(),
  /** Decimal text: the quantity planned per reporting period. */
  quantityTarget: z.string().nullable(),
  /** The records the quantity is computed from (the plan task's quantityFrom); null when units type it into reports. */
  quantityFrom: z.enum(TASK_QUANTITY_SOURCE_IDS).nullable(),
  note: z.string(),
  health: TaskHealthSchema,
});
export type TaskView = z.infer<typeof TaskViewSchema>;

export const TaskListSchema = z.object({
  items: z.array(TaskViewSchema),
  total: z.number().int(),
  /** Every task the user may see by colour, before the colour filter. */
  counts: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  asOf: DateText,
});
export type TaskList = z.infer<typeof TaskListSchema>;

export const PeriodStateSchema = z.object({
  /** "once", "2022", "2022-Q3" or "2022-07". */
  key: z.string(),
  /** The period's Chinese name. */
  label: z.string(),
  start: DateText,
  /** The last day to report on time. */
  deadline: DateText,
  state: z.enum(PERIOD_STATES),
  overdueDays: z.number().int(),
  /** Decimal text: the period's quantity computed from records (a task with quantityFrom, a period begun). */
  computedQuantity: z.string().nullable(),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

export const ReportAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const TaskReportSchema = z.object({
  id: z.number().int(),
  period: z.string(),
  unit: UnitRefSchema,
  content: z.string(),
  quantity: z.string().nullable(),
  /** Decimal text: its period's quantity computed from records, for a task whose quantity comes from them. */
  computedQuantity: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: Timestamp,
  submittedBy: z.string().nullable(),
  returnedReason: z.string().nullable(),
  returnedAt: Timestamp.nullable(),
  attachments: z.array(ReportAttachmentSchema),
});
export type TaskReport = z.infer<typeof TaskReportSchema>;

export const TaskDetailSchema = z.object({
  task: TaskViewSchema,
  periods: z.array(PeriodStateSchema),
  reports: z.array(TaskReportSchema),
  /** Whether the user's unit may file a report on the task. */
  mayReport: z.boolean(),
  /** Whether the user may send a report back (the office). */
  mayReturn: z.boolean(),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

export const TaskUpdatedSchema = z.object({ id: z.number().int() });
export type TaskUpdated = z.infer<typeof TaskUpdatedSchema>;

export const TasksSeededSchema = z.object({ created: z.number().int(), skipped: z.number().int() });
export type TasksSeeded = z.infer<typeof TasksSeededSchema>;

/** What posting to the robot webhook did; never an error of the request itself. */
export const WebhookResultSchema = z.object({
  sent: z.boolean(),
  /** Handed to the background delivery, which tries again while the robot is busy. */
  queued: z.boolean().optional(),
  status: z.number().int().optional(),
  error: z.string().optional(),
});

export const RemindersRunSchema = z.object({ created: z.number().int(), webhook: WebhookResultSchema });
export type RemindersRun = z.infer<typeof RemindersRunSchema>;

// ---- Reports and the webhook ----

export const ReportSubmittedSchema = z.object({
  id: z.number().int(),
  attachments: z.array(
    z.object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
  ),
  /** Filed after the period's deadline. */
  late: z.boolean(),
});
export type ReportSubmitted = z.infer<typeof ReportSubmittedSchema>;

export const ReportReturnedSchema = z.object({ id: z.number().int(), status: z.literal("returned") });
export type ReportReturned = z.infer<typeof ReportReturnedSchema>;

export const WebhookSettingsSchema = z.object({
  platform: z.enum(ROBOT_PLATFORMS),
  url: z.string(),
  format: z.enum(WEBHOOK_FORMATS),
  enabled: z.boolean(),
  /** Whether a signing secret is kept (it is never shown again). */
  hasSecret: z.boolean(),
  updatedAt: Timestamp,
});
export type WebhookSettings = z.infer<typeof WebhookSettingsSchema>;

export const WebhookSettingsViewSchema = z.object({ settings: WebhookSettingsSchema.nullable() });

/** What one delivery to the robot did: arrived or not, after how many tries, the robot's last word. */
export const RobotDeliverySchema = z.object({
  sent: z.boolean(),
  tries: z.number().int(),
  status: z.number().int().optional(),
  error: z.string().optional(),
});
export type RobotDelivery = z.infer<typeof RobotDeliverySchema>;
export type WebhookSettingsView = z.infer<typeof WebhookSettingsViewSchema>;

// ---- Ranking, bulletins, summons ----

export const UnitFiguresSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  kind: z.string(),
  tasks: z.number().int(),
  duePeriods: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
});
export type UnitFigures = z.infer<typeof UnitFiguresSchema>;

export const IndicatorRankingSchema = z.object({
  id: z.string(),
  metric: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Decimal text, e.g. "0.4". */
  weight: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  /** Why the indicator could not be computed at all. */
  unavailable: z.string().nullable(),
  explanation: z.string(),
  ranked: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      rank: z.number().int(),
      tied: z.boolean(),
      /** The value as shown (e.g. "87.50%"). */
      value: z.string(),
      /** An indicator over the enterprises' figures: the enterprises without the figure (the value covers the others). */
      missing: z.array(z.string()),
    }),
  ),
  excluded: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), reason: z.string() })),
  /** The units listed for a summons on this indicator. */
  last: z.array(z.number().int()),
});
export type IndicatorRanking = z.infer<typeof IndicatorRankingSchema>;

export const SummonsEntrySchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  indicatorId: z.string(),
  indicatorName: z.string(),
  reason: z.string(),
});
export type SummonsEntry = z.infer<typeof SummonsEntrySchema>;

/** A target's line in a bulletin: its figures as shown, in its unit. */
export const TargetLineSchema = z.object({
  targetId: z.string(),
  name: z.string(),
  clause: z.string(),
  aspiration: z.boolean(),
  target: z.string(),
  current: z.string().nullable(),
  status: z.enum(TARGET_STATUSES),
  leadUnits: z.array(z.string()),
});
export type TargetLine = z.infer<typeof TargetLineSchema>;

export const RankingSchema = z.object({
  from: DateText,
  to: DateText,
  /** Exclusive: periods due before this day count. */
  asOf: DateText,
  /** The last day the figures cover. */
  dataThrough: DateText,
  units: z.array(UnitFiguresSchema),
  targets: z.array(TargetLineSchema).nullable(),
  /** Why the targets are missing, when they are. */
  targetsGap: z.string().nullable(),
  summons: z.array(SummonsEntrySchema),
  indicators: z.array(IndicatorRankingSchema),
});
export type Ranking = z.infer<typeof RankingSchema>;

export const BulletinPreviewSchema = RankingSchema.extend({
  title: z.string(),
  periodLabel: z.string(),
  /** The number the bulletin would get if issued now. */
  nextNumber: z.string(),
});
export type BulletinPreview = z.infer<typeof BulletinPreviewSchema>;

export const BulletinSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  serial: z.number().int(),
  /** e.g. 昌纪督通〔2023〕3号 */
  number: z.string(),
  title: z.string(),
  periodLabel: z.string(),
  periodStart: DateText,
  periodEnd: DateText,
  sha256: z.string(),
  sizeBytes: z.number().int(),
  issuedAt: Timestamp,
  /** Whether it prints as PDF too (its content was kept when it was issued). */
  hasPdf: z.boolean(),
});
export type Bulletin = z.infer<typeof BulletinSchema>;

export const BulletinListSchema = z.object({ items: z.array(BulletinSchema) });
export type BulletinList = z.infer<typeof BulletinListSchema>;

export const BulletinIssuedSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  sha256: z.string(),
  title: z.string(),
});
export type BulletinIssued = z.infer<typeof BulletinIssuedSchema>;

export const SummonsTalkSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  bulletinId: z.number().int().nullable(),
  indicatorId: z.string(),
  unit: UnitRefSchema,
  talkDate: DateText,
  heldBy: z.string(),
  attendees: z.string(),
  outcome: z.string(),
  recordedAt: Timestamp,
});
export type SummonsTalk = z.infer<typeof SummonsTalkSchema>;

export const SummonsTalkListSchema = z.object({ items: z.array(SummonsTalkSchema) });
export type SummonsTalkList = z.infer<typeof SummonsTalkListSchema>;

export const SummonsRecordedSchema = z.object({ id: z.number().int() });
export type SummonsRecorded = z.infer<typeof SummonsRecordedSchema>;

// ---- The year-end assessment ----

export const AssessmentSchema = z.object({
  year: z.number().int(),
  asOf: DateText,
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      weight: z.string(),
      direction: z.enum(INDICATOR_DIRECTIONS),
      unavailable: z.string().nullable(),
    }),
  ),
  rows: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      /** Decimal text with two places, 0.00–100.00; null when the unit has no indicator. */
      score: z.string().nullable(),
      rank: z.number().int().nullable(),
      /** Points per indicator id; null where the unit was excluded. */
      points: z.record(z.string(), z.string().nullable()),
      /** Each indicator's value as shown, in its unit ("12.50%", "1.23 亿元", "8 户"); null where excluded. */
      values: z.record(z.string(), z.string().nullable()),
      /** Per indicator id, the enterprises whose figure an aggregate's value lacks. */
      missing: z.record(z.string(), z.array(z.string())),
    }),
  ),
  summons: z.array(SummonsEntrySchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const AssessmentFinalizedSchema = z.object({
  year: z.number().int(),
  finalizedAt: Timestamp,
  units: z.number().int(),
});
export type AssessmentFinalized = z.infer<typeof AssessmentFinalizedSchema>;

export const AssessmentHistorySchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      finalizedAt: Timestamp,
      rows: z.array(
        z.object({
          unitId: z.number().int(),
          unitName: z.string(),
          score: z.string().nullable(),
          rank: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export type AssessmentHistory = z.infer<typeof AssessmentHistorySchema>;
