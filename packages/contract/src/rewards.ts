/**
 * Rewards (免申即享, /api/rewards*): computation batches, entitlements and their workflow (confirm → review →
 * approve → pay once), explanations and why-nots, the budget and its forecast, corrections of paid rewards.
 * The entitlement statuses are the domain's; the batches', corrections' and workflow steps' vocabularies are
 * fixed here.
 */
import { ENTITLEMENT_STATUSES } from "@beizeng/domain/rewards/workflow";
import { z } from "zod";
import { DateText, FenText, NoteMessageSchema, pageOf, pageQueryFields, Timestamp } from "./common";

export { ENTITLEMENT_STATUSES, type EntitlementStatus } from "@beizeng/domain/rewards/workflow";

/** A batch runs in the background, then is done or failed. */
export const REWARD_BATCH_STATUSES = ["running", "done", "failed"] as const;
export type RewardBatchStatus = (typeof REWARD_BATCH_STATUSES)[number];

/** A correction of a paid reward waits for the office (open), which accepts or dismisses it. */
export const CORRECTION_STATUSES = ["open", "accepted", "dismissed"] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** What a recomputation marks on an entitlement: a new event, or a changed amount. */
export const ENTITLEMENT_CHANGE_FLAGS = ["new", "changed"] as const;
export type EntitlementChangeFlag = (typeof ENTITLEMENT_CHANGE_FLAGS)[number];

/** The steps in an entitlement's history: computed (again), superseded, then the workflow's steps. */
export const ENTITLEMENT_ACTIONS = [
  "compute",
  "recompute",
  "supersede",
  "confirm",
  "decline",
  "review",
  "approve",
  "pay",
  "reject",
] as const;
export type EntitlementAction = (typeof ENTITLEMENT_ACTIONS)[number];

// ---------------------------------------------------------------- requests

const year = z.coerce.number().int().min(1990).max(2100);
const yuan = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "金额应为以元为单位的数字，最多两位小数");

export const StartBatchSchema = z.object({ year });
export type StartBatchReq = z.input<typeof StartBatchSchema>;
export const BatchQuerySchema = z.object({ year: year.optional() });

export const EntitlementQuerySchema = z.object({
  year: year.optional(),
  rule: z.string().trim().max(40).optional(),
  status: z.enum(ENTITLEMENT_STATUSES).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  changed: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
  q: z.string().trim().max(100).optional(),
  ...pageQueryFields,
});

export const ConfirmSchema = z.object({
  accountName: z.string().trim().min(1, "请填写开户名").max(100),
  bankName: z.string().trim().min(1, "请填写开户银行").max(100),
  accountNo: z
    .string()
    .trim()
    .regex(/^[0-9][0-9 -]{5,38}[0-9]$/, "银行账号应为 7 至 40 位数字（可含空格或短横线）")
    .transform((value) => value.replace(/[ -]/g, "")),
});
export type ConfirmReq = z.input<typeof ConfirmSchema>;

export const ReasonSchema = z.object({ reason: z.string().trim().min(2, "请填写原因（至少 2 个字）").max(500) });
export type ReasonReq = z.input<typeof ReasonSchema>;

export const ReviewSchema = z.object({
  amountYuan: yuan.optional(),
  note: z.string().trim().max(500).optional(),
});
export type ReviewReq = z.input<typeof ReviewSchema>;

export const PaySchema = z.object({
  voucherNo: z.string().trim().min(1, "请填写支付凭证号").max(60),
  paidOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "支付日期格式应为 2023-06-30")
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "支付日期无效"),
});
export type PayReq = z.input<typeof PaySchema>;

export const YearParamSchema = z.object({ year });
export const BudgetSchema = z.object({ amountYuan: yuan, note: z.string().trim().max(200).optional() });
export type BudgetReq = z.input<typeof BudgetSchema>;
export const ForecastQuerySchema = z.object({ horizon: z.coerce.number().int().min(1).max(10).default(3) });
export const WhyNotQuerySchema = z.object({ enterpriseId: z.coerce.number().int().positive(), year: year.optional() });
export const CorrectionQuerySchema = z.object({ status: z.enum(CORRECTION_STATUSES).optional() });
export const ResolveCorrectionSchema = z.object({
  decision: z.enum(["accepted", "dismissed"]),
  reason: z.string().trim().min(2, "请填写处理意见（至少 2 个字）").max(500),
});
export type ResolveCorrectionReq = z.input<typeof ResolveCorrectionSchema>;
export const PaymentListQuerySchema = z.object({
  year: year.optional(),
  status: z.enum(ENTITLEMENT_STATUSES).optional(),
});
export const NoticeSchema = z.object({
  enterpriseId: z.number().int().positive(),
  year: z.number().int().min(1990).max(2100),
});
export type NoticeReq = z.input<typeof NoticeSchema>;

// ---------------------------------------------------------------- responses

const id = z.number().int();
const count = z.number().int().min(0);

/** A computation batch with its progress (polled while it runs) and, once done, what it changed. */
export const BatchViewSchema = z.strictObject({
  id,
  year: z.number().int(),
  planId: z.string(),
  planVersion: z.number().int(),
  status: z.enum(REWARD_BATCH_STATUSES),
  progress: z.strictObject({ done: count, total: count }),
  summary: z
    .strictObject({
      entitlements: count,
      totalFen: FenText,
      created: count,
      changed: count,
      superseded: count,
      unchanged: count,
      corrections: count,
    })
    .nullable(),
  errorMessage: z.string().nullable(),
  computedBy: id.nullable(),
  computedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
});
export type BatchView = z.infer<typeof BatchViewSchema>;
export type BatchSummary = NonNullable<BatchView["summary"]>;

export const BatchListSchema = z.strictObject({ items: z.array(BatchViewSchema) });
export type BatchList = z.infer<typeof BatchListSchema>;

/** A figure an explanation rests on; money as decimal yuan text, flags "true"/"false". */
export const ExplanationFactSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  labelEn: z.string(),
  year: z.number().int().nullable(),
  value: z.string().nullable(),
  source: z.string().optional(),
});
export type ExplanationFact = z.infer<typeof ExplanationFactSchema>;

/** A plan parameter a rule used. */
export const ExplanationParameterSchema = z.strictObject({
  id: z.string(),
  value: z.union([z.string(), z.boolean(), z.number()]),
  description: z.string(),
  descriptionEn: z.string(),
});
export type ExplanationParameter = z.infer<typeof ExplanationParameterSchema>;

/** Why an entitlement is paid, as a clerk reads it: the clause, the figures, thresholds, arithmetic, sentences. */
export const ExplanationSchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  /** The clause's sentence stating the reward, verbatim. */
  quote: z.string(),
  facts: z.array(ExplanationFactSchema),
  thresholds: z.array(z.strictObject({ label: z.string(), labelEn: z.string(), value: z.string() })),
  /** The exact arithmetic done, in yuan. */
  arithmetic: z.string(),
  parameters: z.array(ExplanationParameterSchema),
  zh: z.string(),
  en: z.string(),
  /** For a tiered reward below the top tier: how far the figure is from the next tier. */
  nextTier: z.strictObject({ zh: z.string(), en: z.string() }).optional(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

/** An entitlement as the workflow holds it once computed; amounts as fen text. */
export const EntitlementViewSchema = z.strictObject({
  id,
  batchId: id,
  enterpriseId: id.nullable(),
  enterpriseName: z.string().nullable(),
  creditCode: z.string(),
  projectId: id.nullable(),
  projectName: z.string().nullable(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleNameEn: z.string(),
  clause: z.string(),
  tier: z.string().nullable(),
  subjectId: z.string().nullable(),
  year: z.number().int(),
  /** Null for a reward decided case by case until the office records it. */
  amountFen: FenText.nullable(),
  status: z.enum(ENTITLEMENT_STATUSES),
  oneTimeKey: z.string(),
  changeFlag: z.enum(ENTITLEMENT_CHANGE_FLAGS).nullable(),
  previousAmountFen: FenText.nullable(),
  bankAccount: z.strictObject({ accountName: z.string(), bankName: z.string(), accountNo: z.string() }).nullable(),
  voucherNo: z.string().nullable(),
  paidOn: DateText.nullable(),
  reason: z.string().nullable(),
  updatedAt: Timestamp,
});
export type EntitlementView = z.infer<typeof EntitlementViewSchema>;

export const EntitlementListSchema = pageOf(EntitlementViewSchema);
export type EntitlementList = z.infer<typeof EntitlementListSchema>;

/** One entitlement with its explanation (null when none can be written), its clause's quote and its history. */
export const EntitlementDetailSchema = EntitlementViewSchema.extend({
  explanation: ExplanationSchema.nullable(),
  quote: z.string(),
  events: z.array(
    z.strictObject({
      action: z.enum(ENTITLEMENT_ACTIONS),
      fromStatus: z.enum(ENTITLEMENT_STATUSES).nullable(),
      toStatus: z.enum(ENTITLEMENT_STATUSES),
      actor: z.string(),
      reason: z.string().nullable(),
      at: Timestamp,
    }),
  ),
});
export type EntitlementDetail = z.infer<typeof EntitlementDetailSchema>;

/** What one enterprise is entitled to as its data stands, and for each rule that pays nothing, why not. */
export const WhyNotSchema = z.strictObject({
  enterprise: z.strictObject({ id, name: z.string(), creditCode: z.string() }),
  year: z.number().int().nullable(),
  entitlements: z.array(
    z.strictObject({
      key: z.string(),
      creditCode: z.string(),
      ruleId: z.string(),
      clause: z.string(),
      tier: z.string().nullable(),
      year: z.number().int(),
      subjectId: z.string().optional(),
      amountFen: FenText.nullable(),
      ruleName: z.string(),
      explanation: ExplanationSchema.optional(),
    }),
  ),
  nonPayments: z.array(
    z.strictObject({
      creditCode: z.string(),
      ruleId: z.string(),
      clause: z.string(),
      /** The engine's reason (the sentences zh and en say it). */
      reason: z.string(),
      year: z.number().int().nullable(),
      subjectId: z.string().optional(),
      facts: z.array(ExplanationFactSchema),
      parameters: z.array(ExplanationParameterSchema),
      zh: z.string(),
      en: z.string(),
      ruleName: z.string(),
    }),
  ),
});
export type WhyNot = z.infer<typeof WhyNotSchema>;

/** A year's rewards budget beside what is paid, approved and pending, in all and by rule. */
export const BudgetYearSchema = z.strictObject({
  year: z.number().int(),
  budgetFen: FenText.nullable(),
  note: z.string(),
  paidFen: FenText,
  approvedFen: FenText,
  pendingFen: FenText,
  /** Budget less paid, approved and pending; null without a budget. */
  remainingFen: FenText.nullable(),
  byRule: z.array(
    z.strictObject({
      ruleId: z.string(),
      ruleName: z.string(),
      paidFen: FenText,
      approvedFen: FenText,
      pendingFen: FenText,
      count,
    }),
  ),
});
export type BudgetYear = z.infer<typeof BudgetYearSchema>;

export const BudgetSummarySchema = z.strictObject({ years: z.array(BudgetYearSchema) });
export type BudgetSummary = z.infer<typeof BudgetSummarySchema>;

/** What the rewards will cost in the coming years, and how that is estimated. */
export const RewardForecastSchema = z.strictObject({
  lastActualYear: z.number().int().nullable(),
  /** Computed, confirmed, reviewed and approved entitlements not yet paid. */
  outstandingFen: FenText,
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      /** Inside the plan's years; after them the figure assumes the reward policy continues unchanged. */
      withinPlan: z.boolean(),
      totalFen: FenText,
      byRule: z.array(z.strictObject({ ruleId: z.string(), ruleName: z.string(), totalFen: FenText, count })),
    }),
  ),
  /** The method in Chinese; `methodMessage` renders it in the reader's language. */
  method: z.string(),
  methodMessage: NoteMessageSchema,
});
export type RewardForecast = z.infer<typeof RewardForecastSchema>;

/** A difference a recomputation found for a reward already paid: reviewed, never applied to the paid row. */
export const CorrectionViewSchema = z.strictObject({
  id,
  entitlementId: id,
  enterpriseName: z.string().nullable(),
  creditCode: z.string(),
  ruleId: z.string(),
  year: z.number().int(),
  oneTimeKey: z.string(),
  paidAmountFen: FenText,
  recomputedAmountFen: FenText.nullable(),
  differenceFen: FenText,
  explanation: ExplanationSchema.nullable(),
  status: z.enum(CORRECTION_STATUSES),
  reason: z.string().nullable(),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export type CorrectionView = z.infer<typeof CorrectionViewSchema>;

export const CorrectionListSchema = z.strictObject({ items: z.array(CorrectionViewSchema) });
export type CorrectionList = z.infer<typeof CorrectionListSchema>;
