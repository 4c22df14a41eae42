/**
 * The list of fees charged to enterprises (涉企收费清单, M11): its items kept by the unit the plan gives the duty
 * keepFeeList, the numbered versions it publishes (/api/fees*, and without login /api/public/fees), complaints by
 * enterprises about a charge off the list or above its standard (filed as enterprise requests of the plan's fee
 * category, so they are assigned, timed and escalated as requests are), and inspections (监督检查) with their
 * accountability outcomes (问责).
 */
import {
  FEE_ACCOUNTABILITY_KINDS,
  FEE_COMPLAINT_KINDS,
  FEE_INSPECTION_RESULTS,
  FEE_ITEM_STATUSES,
} from "@beizeng/domain/fees/vocabulary";
import { REQUEST_LIGHTS } from "@beizeng/domain/requests/categories";
import { REQUEST_STATUSES } from "@beizeng/domain/requests/view";
import { z } from "zod";
import { DateText, FenText, Timestamp } from "./common";

export {
  FEE_ACCOUNTABILITY_KINDS,
  FEE_COMPLAINT_KINDS,
  FEE_INSPECTION_RESULTS,
  FEE_ITEM_STATUSES,
  type FeeAccountabilityKind,
  type FeeComplaintKind,
  type FeeInspectionResult,
  type FeeItemStatus,
} from "@beizeng/domain/fees/vocabulary";

const id = z.coerce.number().int().positive();
const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();
const date = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`);
const yuan = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, `${label}应为以元为单位的数字，最多两位小数`);

// ---------------------------------------------------------------- items

export const FeeItemInputSchema = z
  .object({
    name: text(100, "收费项目名称"),
    chargingUnit: text(100, "收费单位"),
    legalBasis: text(500, "收费依据"),
    standard: text(300, "收费标准"),
    effectiveFrom: date("生效日期"),
    effectiveTo: date("失效日期").nullable().optional(),
    status: z.enum(FEE_ITEM_STATUSES, { error: "收费项目状态应为在用、暂停或取消" }),
  })
  .strict()
  .superRefine((item, context) => {
    if (item.effectiveTo != null && item.effectiveTo < item.effectiveFrom)
      context.addIssue({ code: "custom", path: ["effectiveTo"], message: "失效日期不能早于生效日期" });
  });
export type FeeItemInput = z.input<typeof FeeItemInputSchema>;

const feeItemFields = {
  name: z.string(),
  chargingUnit: z.string(),
  legalBasis: z.string(),
  standard: z.string(),
  effectiveFrom: DateText,
  effectiveTo: DateText.nullable(),
};

export const FeeItemSchema = z.strictObject({
  id: z.number().int(),
  ...feeItemFields,
  status: z.enum(FEE_ITEM_STATUSES),
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type FeeItem = z.infer<typeof FeeItemSchema>;

export const FeeItemListSchema = z.strictObject({
  items: z.array(FeeItemSchema),
  /** Whether the caller keeps the list (the office, or a unit the plan gives keepFeeList). */
  canManage: z.boolean(),
  /** The units the plan gives keepFeeList, by name. */
  keepers: z.array(z.string()),
});
export type FeeItemList = z.infer<typeof FeeItemListSchema>;

// ---------------------------------------------------------------- published versions

/** What the version changes, said to enterprises beside the list ("取消 2 项，调整污水处理费标准"). */
export const PublishFeeListSchema = z.object({ note: text(200, "发布说明") }).strict();
export type PublishFeeListReq = z.input<typeof PublishFeeListSchema>;

export const FeeListVersionSummarySchema = z.strictObject({
  number: z.number().int(),
  /** The day it was published, as the district reads its calendar. */
  publishedOn: DateText,
  publishedAt: Timestamp,
  note: z.string(),
  itemCount: z.number().int(),
  isDemo: z.boolean(),
});
export type FeeListVersionSummary = z.infer<typeof FeeListVersionSummarySchema>;

export const FeeListVersionListSchema = z.strictObject({ versions: z.array(FeeListVersionSummarySchema) });
export type FeeListVersionList = z.infer<typeof FeeListVersionListSchema>;

/** A fee as published; `itemId` names the kept item it was published from, for a complaint to refer to. */
export const PublishedFeeSchema = z.strictObject({
  position: z.number().int(),
  itemId: z.number().int().nullable(),
  ...feeItemFields,
});
export type PublishedFee = z.infer<typeof PublishedFeeSchema>;

/** A version chosen by its number, or the one in force on a day; neither: the latest. */
export const PublicFeeQuerySchema = z.object({
  district: z
    .string()
    .regex(/^\d{6}$/, "行政区划代码应为 6 位数字")
    .optional(),
  version: id.optional(),
  date: date("查询日期").optional(),
});
export type PublicFeeQuery = z.input<typeof PublicFeeQuerySchema>;

export const PublicFeeListSchema = z.strictObject({
  district: z.strictObject({ id: z.string(), name: z.string() }),
  /** The version shown; null when none was published by the day asked (or ever). */
  version: FeeListVersionSummarySchema.nullable(),
  items: z.array(PublishedFeeSchema),
  /** Every published version, newest first, to choose a past list from. */
  versions: z.array(FeeListVersionSummarySchema),
  /** The units that keep the list, to name on the page. */
  keepers: z.array(z.string()),
});
export type PublicFeeList = z.infer<typeof PublicFeeListSchema>;

// ---------------------------------------------------------------- complaints

export const FeeComplaintInputSchema = z
  .object({
    kind: z.enum(FEE_COMPLAINT_KINDS, { error: "请选择投诉类型（清单外收费或超标准收费）" }),
    /** The item of the list charged above its standard; absent for a charge off the list. */
    feeItemId: id.optional(),
    feeName: text(100, "收费名称"),
    chargedBy: text(100, "收费单位"),
    amountYuan: yuan("收费金额"),
    chargedOn: date("收费日期"),
    content: text(2000, "投诉内容"),
    contactName: text(50, "联系人"),
    contactPhone: z
      .string({ error: "请填写联系电话" })
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, "联系电话格式不正确"),
  })
  .strict()
  .superRefine((complaint, context) => {
    if (complaint.kind === "aboveStandard" && complaint.feeItemId === undefined)
      context.addIssue({ code: "custom", path: ["feeItemId"], message: "超标准收费请选择清单中的收费项目" });
  });
export type FeeComplaintInput = z.input<typeof FeeComplaintInputSchema>;

export const FeeComplaintSchema = z.strictObject({
  id: z.number().int(),
  /** The enterprise request it is handled as (assigned, answered, escalated there). */
  requestId: z.number().int(),
  enterprise: z.strictObject({ id: z.number().int(), name: z.string() }),
  kind: z.enum(FEE_COMPLAINT_KINDS),
  feeItem: z.strictObject({ id: z.number().int(), name: z.string(), standard: z.string() }).nullable(),
  feeName: z.string(),
  chargedBy: z.string(),
  amountFen: FenText,
  chargedOn: DateText,
  content: z.string(),
  filedAt: Timestamp,
  status: z.enum(REQUEST_STATUSES),
  unit: z.string().nullable(),
  deadline: DateText.nullable(),
  light: z.enum(REQUEST_LIGHTS).nullable(),
  overdueDays: z.number().int(),
  answer: z.string().nullable(),
  isDemo: z.boolean(),
});
export type FeeComplaint = z.infer<typeof FeeComplaintSchema>;

export const FeeComplaintListSchema = z.strictObject({
  items: z.array(FeeComplaintSchema),
  /** Whether the district's plan has a category for fee complaints (without it none can be filed). */
  acceptsComplaints: z.boolean(),
  /** That category's time limit, for the form to say. */
  limit: z.strictObject({ days: z.number().int(), working: z.boolean() }).nullable(),
});
export type FeeComplaintList = z.infer<typeof FeeComplaintListSchema>;

// ---------------------------------------------------------------- inspections and accountability

export const FeeInspectionInputSchema = z
  .object({
    inspectedOn: date("检查日期"),
    inspectedUnit: text(100, "被检查单位"),
    scope: text(500, "检查内容"),
    result: z.enum(FEE_INSPECTION_RESULTS, { error: "请选择检查结论（合规或发现违规）" }),
    findings: optionalText(2000, "检查发现"),
    complaintId: id.nullable().optional(),
    accountability: z
      .enum(FEE_ACCOUNTABILITY_KINDS, { error: "问责方式应为约谈、通报批评、责令退费或移送纪检监察" })
      .nullable()
      .optional(),
    accountabilityOn: date("问责日期").nullable().optional(),
    accountabilityNote: optionalText(1000, "问责情况"),
    refundYuan: yuan("退还金额").nullable().optional(),
  })
  .strict()
  .superRefine((inspection, context) => {
    const accountable = inspection.accountability != null;
    if (accountable && inspection.result !== "violation")
      context.addIssue({ code: "custom", path: ["accountability"], message: "检查结论为合规时不能记录问责" });
    if (accountable && inspection.accountabilityOn == null)
      context.addIssue({ code: "custom", path: ["accountabilityOn"], message: "请填写问责日期" });
    if (accountable && inspection.accountabilityOn != null && inspection.accountabilityOn < inspection.inspectedOn)
      context.addIssue({ code: "custom", path: ["accountabilityOn"], message: "问责日期不能早于检查日期" });
    if (!accountable && inspection.accountabilityOn != null)
      context.addIssue({ code: "custom", path: ["accountability"], message: "请选择问责方式" });
  });
export type FeeInspectionInput = z.input<typeof FeeInspectionInputSchema>;

export const FeeInspectionSchema = z.strictObject({
  id: z.number().int(),
  inspectedOn: DateText,
  inspectedUnit: z.string(),
  scope: z.string(),
  result: z.enum(FEE_INSPECTION_RESULTS),
  findings: z.string(),
  complaintId: z.number().int().nullable(),
  accountability: z.enum(FEE_ACCOUNTABILITY_KINDS).nullable(),
  accountabilityOn: DateText.nullable(),
  accountabilityNote: z.string(),
  refundFen: FenText.nullable(),
  recordedBy: z.string(),
  isDemo: z.boolean(),
});
export type FeeInspection = z.infer<typeof FeeInspectionSchema>;

export const FeeInspectionListSchema = z.strictObject({
  items: z.array(FeeInspectionSchema),
  canRecord: z.boolean(),
});
export type FeeInspectionList = z.infer<typeof FeeInspectionListSchema>;

/** Per year: inspections, violations, each accountability outcome, refunds; complaints filed, answered, overdue. */
export const FeeReportSchema = z.strictObject({
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      inspections: z.number().int(),
      violations: z.number().int(),
      accountability: z.array(z.strictObject({ kind: z.enum(FEE_ACCOUNTABILITY_KINDS), count: z.number().int() })),
      refundFen: FenText,
      complaints: z.number().int(),
      complaintsAnswered: z.number().int(),
      complaintsOverdue: z.number().int(),
    }),
  ),
});
export type FeeReport = z.infer<typeof FeeReportSchema>;
