/**
 * Land of the industrial platform (M1 腾笼换鸟): parcels kept by the units the plan gives keepLandParcels, with
 * their area in 亩 (exact, two places), use, owner, status steps and dates; zombie enterprises suggested from the
 * monthly figures by the criteria the office sets (defaults from the plan), confirmed or dismissed by the units the
 * plan gives handleZombieEnterprises, and their disposal.
 */
import {
  PARCEL_STATUSES,
  PARCEL_USES,
  ZOMBIE_CASE_STATUSES,
  ZOMBIE_CRITERIA,
  ZOMBIE_DISPOSALS,
} from "@beizeng/domain/land/vocabulary";
import { z } from "zod";
import { DateText, Timestamp } from "./common";

export {
  PARCEL_STATUSES,
  PARCEL_USES,
  type ParcelStatus,
  type ParcelUse,
  ZOMBIE_CASE_STATUSES,
  ZOMBIE_CRITERIA,
  ZOMBIE_DISPOSALS,
  type ZombieCaseStatus,
  type ZombieCriterion,
  type ZombieDisposal,
} from "@beizeng/domain/land/vocabulary";

const text = (max: number, label: string) =>
  z
    .string({ error: `${label}：请填写` })
    .trim()
    .min(1, `${label}：请填写`)
    .max(max, `${label}：不能超过 ${max} 个字`);
const date = (label: string) =>
  z.string({ error: `${label}：请填写日期` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}：应为 YYYY-MM-DD 格式的日期`);
const optionalDate = (label: string) => date(label).nullable().optional();
/** An area in 亩: a decimal with at most two places, never a float. */
const area = z
  .string({ error: "面积：请填写（以亩计）" })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "面积：不是数字（以亩计，最多两位小数，例如 12.5）")
  .refine((value) => /[1-9]/.test(value), "面积：必须大于 0");
const ref = z.object({ id: z.number().int(), name: z.string() });

// ---------------------------------------------------------------- parcels

const parcelFields = {
  code: text(40, "地块编号"),
  location: text(200, "坐落"),
  townUnitId: z.number({ error: "所在镇街：应为单位编号" }).int().positive().nullable().optional(),
  area,
  use: z.enum(PARCEL_USES, { error: "用途：应为工业、仓储物流、商业服务、基础设施或其他" }),
  owner: text(100, "权利人"),
  idleSince: optionalDate("闲置日期"),
  recoveryStartedOn: optionalDate("开始收回日期"),
  recoveredOn: optionalDate("收回日期"),
  reletOn: optionalDate("再出让日期"),
  builtOn: optionalDate("建设日期"),
  enterpriseId: z.number({ error: "关联企业：应为企业编号" }).int().positive().nullable().optional(),
  projectId: z.number({ error: "关联项目：应为项目编号" }).int().positive().nullable().optional(),
  note: z.string().trim().max(1000, "备注：不能超过 1000 个字").optional(),
};

/** A new parcel, in any status with the dates of the statuses it went through. */
export const ParcelInputSchema = z
  .object({
    ...parcelFields,
    status: z.enum(PARCEL_STATUSES, { error: "状态：应为闲置、收回中、已收回、已再出让或已建设" }),
  })
  .strict();
export type ParcelInput = z.input<typeof ParcelInputSchema>;

/** A parcel's facts corrected; its status changes only by a step. */
export const ParcelUpdateSchema = z.object(parcelFields).strict();
export type ParcelUpdate = z.input<typeof ParcelUpdateSchema>;

/** One step of a parcel's status, on a day; re-letting names the new user. */
export const ParcelStepSchema = z
  .object({
    status: z.enum(PARCEL_STATUSES, { error: "状态：应为闲置、收回中、已收回、已再出让或已建设" }),
    on: date("日期"),
    owner: text(100, "权利人").optional(),
    enterpriseId: z.number().int().positive().nullable().optional(),
    projectId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type ParcelStep = z.input<typeof ParcelStepSchema>;

export const ParcelQuerySchema = z.object({
  status: z.enum(PARCEL_STATUSES).optional(),
  town: z.coerce.number().int().positive().optional(),
});
export type ParcelQuery = z.infer<typeof ParcelQuerySchema>;

export const ParcelSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  location: z.string(),
  town: ref.nullable(),
  /** 亩, decimal text. */
  area: z.string(),
  use: z.enum(PARCEL_USES),
  owner: z.string(),
  status: z.enum(PARCEL_STATUSES),
  idleSince: DateText.nullable(),
  recoveryStartedOn: DateText.nullable(),
  recoveredOn: DateText.nullable(),
  reletOn: DateText.nullable(),
  builtOn: DateText.nullable(),
  enterprise: ref.nullable(),
  project: ref.nullable(),
  note: z.string(),
  /** The statuses it may step to next. */
  nextStatuses: z.array(z.enum(PARCEL_STATUSES)),
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type Parcel = z.infer<typeof ParcelSchema>;

/** Area (亩, decimal text) and number of parcels. */
const AreaCountSchema = z.object({ area: z.string(), count: z.number().int() });

export const ParcelListSchema = z.object({
  items: z.array(ParcelSchema),
  /** Over every parcel of the district (not only those filtered). */
  totals: z.object({
    all: AreaCountSchema,
    byStatus: z.array(z.object({ status: z.enum(PARCEL_STATUSES) }).extend(AreaCountSchema.shape)),
    /** One line per town (null: no town), its area per status. */
    byTown: z.array(
      z.object({
        town: ref.nullable(),
        all: AreaCountSchema,
        byStatus: z.array(z.object({ status: z.enum(PARCEL_STATUSES) }).extend(AreaCountSchema.shape)),
      }),
    ),
  }),
  towns: z.array(ref),
  canManage: z.boolean(),
  /** The units the plan gives keepLandParcels, by name. */
  keepers: z.array(z.string()),
});
export type ParcelList = z.infer<typeof ParcelListSchema>;

export const ParcelImportResultSchema = z.object({ created: z.number().int() });

// ---------------------------------------------------------------- zombie enterprises

export const ZombieCriteriaSchema = z.object({
  /** Months in a row without revenue, without tax; null: the criterion is not set (neither the office nor the plan). */
  noRevenueMonths: z.number().int().nullable(),
  noTaxMonths: z.number().int().nullable(),
  /** Whether the office set them, or they are the plan's parameters, or neither. */
  setBy: z.enum(["office", "plan", "none"]),
  planNoRevenueMonths: z.number().int().nullable(),
  planNoTaxMonths: z.number().int().nullable(),
});
export type ZombieCriteria = z.infer<typeof ZombieCriteriaSchema>;

const months = (label: string) =>
  z
    .number({ error: `${label}：应为月数` })
    .int(`${label}：应为整数月数`)
    .min(1, `${label}：至少 1 个月`)
    .max(60, `${label}：至多 60 个月`);
export const ZombieCriteriaInputSchema = z
  .object({ noRevenueMonths: months("连续无营业收入月数"), noTaxMonths: months("连续无入库税收月数") })
  .strict();
export type ZombieCriteriaInput = z.input<typeof ZombieCriteriaInputSchema>;

export const ZombieSuggestionSchema = z.object({
  enterprise: ref,
  creditCode: z.string().nullable(),
  /** The figure criteria it meets. */
  criteria: z.array(z.enum(ZOMBIE_CRITERIA)),
  /** YYYY-MM: the last month with revenue, when any. */
  lastRevenueMonth: z.string().nullable(),
});
export type ZombieSuggestion = z.infer<typeof ZombieSuggestionSchema>;

export const ZombieCaseSchema = z.object({
  id: z.number().int(),
  enterprise: ref,
  status: z.enum(ZOMBIE_CASE_STATUSES),
  criteria: z.array(z.enum(ZOMBIE_CRITERIA)),
  finding: z.string(),
  unitName: z.string().nullable(),
  confirmedOn: DateText,
  disposal: z.enum(ZOMBIE_DISPOSALS).nullable(),
  disposalStartedOn: DateText.nullable(),
  disposedOn: DateText.nullable(),
  disposalNote: z.string(),
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type ZombieCase = z.infer<typeof ZombieCaseSchema>;

export const ZombieListSchema = z.object({
  cases: z.array(ZombieCaseSchema),
  suggestions: z.array(ZombieSuggestionSchema),
  criteria: ZombieCriteriaSchema,
  /** YYYY-MM: the last month the figures reach, the end of the criteria's window; null without monthly figures. */
  figuresThrough: z.string().nullable(),
  canHandle: z.boolean(),
  canSetCriteria: z.boolean(),
  /** The units the plan gives handleZombieEnterprises, by name. */
  handlers: z.array(z.string()),
});
export type ZombieList = z.infer<typeof ZombieListSchema>;

/** A unit's finding on an enterprise: a zombie (with the criteria met), or not one (dismissed). */
export const ZombieCaseInputSchema = z
  .object({
    enterpriseId: z.number({ error: "企业：请选择" }).int().positive(),
    decision: z.enum(["confirm", "dismiss"], { error: "认定结论：应为认定或排除" }),
    criteria: z
      .array(z.enum(ZOMBIE_CRITERIA, { error: "认定标准：未知的标准" }))
      .max(4)
      .default([]),
    finding: text(1000, "认定情况"),
    on: date("认定日期"),
  })
  .strict()
  .refine((input) => input.decision === "dismiss" || input.criteria.length > 0, {
    path: ["criteria"],
    message: "认定标准：认定为僵尸企业须至少符合一项标准",
  });
export type ZombieCaseInput = z.input<typeof ZombieCaseInputSchema>;

export const ZombieDisposalInputSchema = z
  .object({
    disposal: z.enum(ZOMBIE_DISPOSALS, { error: "处置方式：应为兼并重组、转让、退出或盘活" }),
    startedOn: date("开始处置日期"),
    disposedOn: optionalDate("处置完成日期"),
    note: z.string().trim().max(1000, "处置情况：不能超过 1000 个字").optional(),
  })
  .strict();
export type ZombieDisposalInput = z.input<typeof ZombieDisposalInputSchema>;
