/**
 * Rewards (免申即享, /api/rewards*): computation batches, entitlements and their workflow (the plan's steps, e.g.
 * confirm → review → publicity → approve → pay once), publicities and objections (also /api/public/rewards*),
 * recoveries of paid rewards, explanations and why-nots, the budget and its forecast, corrections of paid
 * rewards. The entitlement statuses and the kinds of step are the domain's; the batches', corrections',
 * objections' and history's vocabularies are fixed here.
 */
import {
  AWARD_STEP_ACTORS,
  AWARD_STEP_KINDS,
  ENTITLEMENT_STATUSES,
  type PublicityState,
} from "@beizeng/domain/rewards/workflow";
import { z } from "zod";
import { DateText, FenText, NoteMessageSchema, pageOf, pageQueryFields, Timestamp } from "./common";

export {
  AWARD_STEP_KINDS,
  type AwardStepKind,
  ENTITLEMENT_STATUSES,
  type EntitlementStatus,
  type PublicityState,
} from "@beizeng/domain/rewards/workflow";

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
  "publish",
  "object",
  "dismissObjection",
  "recover",
] as const;
export type EntitlementAction = (typeof ENTITLEMENT_ACTIONS)[number];

/** What the caller may do to an entitlement now (the server decides from the plan's steps and the caller's unit). */
export const CALLER_ACTIONS = [
  "confirm",
  "decline",
  "review",
  "approve",
  "pay",
  "reject",
  "recover",
  "notice",
] as const;
export type CallerAction = (typeof CALLER_ACTIONS)[number];

/** An objection waits for the office (open), which upholds it (the reward is rejected) or dismisses it. */
export const OBJECTION_STATUSES = ["open", "upheld", "dismissed"] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

const PUBLICITY_STATES = ["upcoming", "open", "closed"] as const satisfies readonly PublicityState[];

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
  /** The id of the plan's workflow step the entitlements wait for. */
  step: z.string().trim().max(60).optional(),
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
const dateText = DateText.refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), "日期无效");

/** Publishes a batch's rewards that wait for the publicity step, from `startsOn` (default: today). */
export const PublishSchema = z.object({
  batchId: z.number().int().positive(),
  startsOn: dateText.optional(),
});
export type PublishReq = z.input<typeof PublishSchema>;

export const ObjectionQuerySchema = z.object({
  status: z.enum(OBJECTION_STATUSES).optional(),
  publicityId: z.coerce.number().int().positive().optional(),
});
export const ResolveObjectionSchema = z.object({
  decision: z.enum(["upheld", "dismissed"]),
  reason: z.string().trim().min(2, "请填写处理意见（至少 2 个字）").max(500),
});
export type ResolveObjectionReq = z.input<typeof ResolveObjectionSchema>;

/** How a recovery is settled: repaid by the enterprise, or deducted from its later awards (从以后年度奖励中抵扣). */
export const RECOVERY_SETTLEMENTS = ["repaid", "deduction"] as const;

/** Recovery (追回) of a paid reward: how much, why, when, under which document. */
export const RecoverySchema = z.object({
  amountYuan: yuan,
  reason: z.string().trim().min(2, "请填写追回原因（至少 2 个字）").max(500),
  recoveredOn: dateText,
  documentNo: z.string().trim().min(1, "请填写追回文书编号").max(60),
  /** Repaid by the enterprise (default), or deducted from its later awards where the plan's rules say so. */
  settlement: z.enum(RECOVERY_SETTLEMENTS, { error: "追回方式必须是已退回或从以后年度奖励中抵扣" }).default("repaid"),
});
export type RecoveryReq = z.input<typeof RecoverySchema>;

/** An objection from anyone (no login): to one listed reward, with a way to be answered. */
export const PublicObjectionSchema = z.object({
  itemId: z.number().int().positive(),
  name: z.string().trim().max(50, "姓名不能超过 50 个字").optional(),
  contact: z.string().trim().min(5, "请填写联系方式（电话或邮箱）").max(100, "联系方式不能超过 100 个字"),
  content: z.string().trim().min(10, "请写明异议的事实和理由（至少 10 个字）").max(1000, "异议不能超过 1000 个字"),
});
export type PublicObjectionReq = z.input<typeof PublicObjectionSchema>;
export const PublicPublicityQuerySchema = z.object({
  district: z
    .string()
    .regex(/^\d{6}$/, "行政区划代码应为 6 位数字")
    .optional(),
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
  /** Batches of the district ahead of this one while it waits its turn (one runs at a time); null once it runs. */
  ahead: count.nullable(),
  summary: z
    .strictObject({
      entitlements: count,
      totalFen: FenText,
      created: count,
      changed: count,
      superseded: count,
      unchanged: count,
      corrections: count,
      /**
       * Each rule's (or group's) yearly budget of the year as the batch shared it: all the awards asked, what paid
       * awards kept, and what the others asked and shared (the ratio available ÷ openAsked when asked > budget).
       * Absent from batches computed before it was stored.
       */
      budgets: z
        .array(
          z.strictObject({
            budget: z.string(),
            year: z.number().int(),
            budgetFen: FenText,
            askedFen: FenText,
            paidFen: FenText,
            openAskedFen: FenText,
            availableFen: FenText,
          }),
        )
        .optional(),
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
  /** The plan's step it waits for and who acts there; null once paid, rejected or superseded. */
  awaitingStep: z
    .strictObject({
      id: z.string(),
      kind: z.enum(AWARD_STEP_KINDS),
      name: z.string(),
      nameEn: z.string(),
      actor: z.string(),
      actorEn: z.string(),
    })
    .nullable(),
  /** Recovered (追回) of a paid reward. */
  recoveredFen: FenText,
});
export type EntitlementView = z.infer<typeof EntitlementViewSchema>;

export const EntitlementListSchema = pageOf(EntitlementViewSchema);
export type EntitlementList = z.infer<typeof EntitlementListSchema>;

/** One entitlement with its explanation (null when none can be written), its clause's quote and its history. */
export const PublicityStateSchema = z.enum(PUBLICITY_STATES);

/** A recovery of (part of) a paid reward. */
export const RecoveryViewSchema = z.strictObject({
  id,
  amountFen: FenText,
  reason: z.string(),
  recoveredOn: DateText,
  documentNo: z.string(),
  settlement: z.enum(RECOVERY_SETTLEMENTS),
  recordedBy: z.string(),
  recordedAt: Timestamp,
});
export type RecoveryView = z.infer<typeof RecoveryViewSchema>;

/**
 * An objection as staff see it; the objector's name and contact only for the office, which answers them. The
 * reward as it was listed.
 */
export const ObjectionViewSchema = z.strictObject({
  id,
  publicityId: id,
  itemId: id,
  entitlementId: id,
  enterpriseName: z.string(),
  ruleName: z.string(),
  ruleNameEn: z.string(),
  amountFen: FenText.nullable(),
  clause: z.string(),
  entitlementStatus: z.enum(ENTITLEMENT_STATUSES),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  content: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  filedAt: Timestamp,
  resolution: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
});
export type ObjectionView = z.infer<typeof ObjectionViewSchema>;
export const ObjectionListSchema = z.strictObject({ items: z.array(ObjectionViewSchema) });
export type ObjectionList = z.infer<typeof ObjectionListSchema>;

export const EntitlementDetailSchema = EntitlementViewSchema.extend({
  explanation: ExplanationSchema.nullable(),
  /** The version of the plan the entitlement was computed under: its amounts and readings are that version's. */
  computedUnder: z.strictObject({ planId: z.string(), version: z.number().int(), title: z.string() }).nullable(),
  quote: z.string(),
  /** What the caller may do now. */
  actions: z.array(z.enum(CALLER_ACTIONS)),
  /** The publicity that listed it last, if any. */
  publicity: z.strictObject({ id, startsOn: DateText, endsOn: DateText, state: PublicityStateSchema }).nullable(),
  /** Objections to it (none shown to the enterprise). */
  objections: z.array(ObjectionViewSchema),
  recoveries: z.array(RecoveryViewSchema),
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

/**
 * An award of a rule with a yearly budget over all enterprises, on a page that ran one enterprise (the why-not page,
 * the rule calculator): its amount is the one before the budget; this says so, names the budget and the rules
 * sharing it, and — once the year's batch is computed — the year's ratio and what the amount becomes at it.
 */
export const AwardBudgetNoteSchema = z.strictObject({
  amountBeforeFen: FenText,
  budgetFen: FenText.nullable(),
  /** The group's name when rules share the budget. */
  group: z.string().nullable(),
  sharedWith: z.array(z.strictObject({ ruleId: z.string(), name: z.string(), nameEn: z.string() })),
  /** The year of the award, and whether its batch was computed (the ratio known). */
  year: z.number().int(),
  batchComputed: z.boolean(),
  /** What the amount becomes at the year's ratio (its floor share); null before the year's batch. */
  keptFen: FenText.nullable(),
  zh: z.string(),
  en: z.string(),
});
export type AwardBudgetNote = z.infer<typeof AwardBudgetNoteSchema>;

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
      /** For a rule with a yearly budget: `amountFen` is before it, told here. */
      budget: AwardBudgetNoteSchema.optional(),
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
  /** Where the budget comes from: the office set it, or the plan's yearly fund (its sources' sum); null: none. */
  budgetFrom: z.enum(["office", "plan"]).nullable(),
  note: z.string(),
  /** Paid less what has come back of it — repaid, or deducted from later awards so far: what the budget bears. */
  paidFen: FenText,
  /** What has come back of the rewards paid: repaid in cash and deducted from later awards so far. */
  recoveredFen: FenText,
  /** Recovered and repaid by the enterprise (已退回). */
  repaidFen: FenText,
  /** Recovered by deduction, so far: what later awards (of batches that stand, not rejected) were reduced by. */
  deductedFen: FenText,
  /** Recovered by deduction and not yet deducted: carried to later awards. */
  toDeductFen: FenText,
  approvedFen: FenText,
  pendingFen: FenText,
  /** Budget less paid (net of recoveries), approved and pending; null without a budget. */
  remainingFen: FenText.nullable(),
  byRule: z.array(
    z.strictObject({
      ruleId: z.string(),
      ruleName: z.string(),
      paidFen: FenText,
      recoveredFen: FenText,
      repaidFen: FenText,
      deductedFen: FenText,
      toDeductFen: FenText,
      approvedFen: FenText,
      pendingFen: FenText,
      count,
    }),
  ),
  /**
   * The plan's fund sources (S15), each bearing its share of the year's spending in proportion to what it
   * provides; empty when the plan states no fund.
   */
  sources: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      nameEn: z.string(),
      amountFen: FenText,
      /** Its share of what was paid (net of recoveries). */
      paidFen: FenText,
      /** Its share of what is approved or on its way. */
      committedFen: FenText,
      remainingFen: FenText,
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

/** The plan's award workflow as the caller sees it: each step, who acts there in words, and whether it is the caller. */
export const AwardWorkflowViewSchema = z.strictObject({
  /** False when the plan declares none and the product's default applies. */
  declared: z.boolean(),
  steps: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.enum(AWARD_STEP_KINDS),
      name: z.string(),
      nameEn: z.string(),
      by: z.enum(AWARD_STEP_ACTORS),
      days: z.number().int().nullable(),
      actor: z.string(),
      actorEn: z.string(),
      mine: z.boolean(),
    }),
  ),
});
export type AwardWorkflowView = z.infer<typeof AwardWorkflowViewSchema>;

/** A publicity (公示) of a batch's rewards, as the staff list it. */
export const PublicityViewSchema = z.strictObject({
  id,
  batchId: id,
  year: z.number().int(),
  stepId: z.string(),
  stepName: z.string(),
  stepNameEn: z.string(),
  days: z.number().int(),
  startsOn: DateText,
  endsOn: DateText,
  state: PublicityStateSchema,
  itemCount: count,
  objectionCount: count,
  openObjectionCount: count,
  publishedBy: z.string(),
  publishedAt: Timestamp,
});
export type PublicityView = z.infer<typeof PublicityViewSchema>;
export const PublicityListSchema = z.strictObject({ items: z.array(PublicityViewSchema) });
export type PublicityList = z.infer<typeof PublicityListSchema>;

/** One reward as the public list shows it: enterprise, reward, amount (exact fen and 万元), clause. */
export const PublicEntrySchema = z.strictObject({
  itemId: id,
  enterpriseName: z.string(),
  ruleName: z.string(),
  ruleNameEn: z.string(),
  amountFen: FenText.nullable(),
  /** The amount in 万元, exact decimal text; null for a reward decided case by case not yet decided. */
  amountWan: z.string().nullable(),
  clause: z.string(),
});
export type PublicEntry = z.infer<typeof PublicEntrySchema>;

/** A publicity as anyone may read it (no login); its list only while it runs. */
export const PublicPublicitySchema = z.strictObject({
  id,
  district: z.strictObject({ name: z.string(), nameEn: z.string().nullable() }),
  planTitle: z.string(),
  planTitleEn: z.string(),
  year: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  days: z.number().int(),
  startsOn: DateText,
  endsOn: DateText,
  state: PublicityStateSchema,
  /** Who handles objections (the plan's office). */
  handledBy: z.string(),
  handledByEn: z.string(),
  entryCount: count,
  entries: z.array(PublicEntrySchema),
});
export type PublicPublicity = z.infer<typeof PublicPublicitySchema>;
export const PublicPublicityListSchema = z.strictObject({ items: z.array(PublicPublicitySchema) });
export type PublicPublicityList = z.infer<typeof PublicPublicityListSchema>;

/** What the objector gets back: the objection is recorded, with its number. */
export const ObjectionReceiptSchema = z.strictObject({ id, publicityId: id, filedAt: Timestamp });
export type ObjectionReceipt = z.infer<typeof ObjectionReceiptSchema>;
