/**
 * A region (市/省) above its districts (/api/region*): which districts it covers and which of them its session reads,
 * and its districts' targets and key figures side by side, with each one's data completeness and the sums of the
 * targets that are comparable. Figures travel as decimal integer text, as the targets' do.
 */
import { MEASUREMENT_UNITS } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";
import { DataCoverageSchema, TARGET_STATUSES, TargetQuantitySchema, YearMonthSchema } from "./targets";

const DistrictRefSchema = z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() });

/** The caller's region, its districts in order, and the district its session reads now. */
export const RegionViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  districts: z.array(DistrictRefSchema),
  viewingDistrictId: z.string(),
});
export type RegionView = z.infer<typeof RegionViewSchema>;

export const RegionViewingSchema = z.strictObject({
  districtId: z.string().min(1, "请选择区县").max(40),
});
export type RegionViewingReq = z.infer<typeof RegionViewingSchema>;

/** Why a district shows no figures: no plan loaded yet. */
export const REGION_DISTRICT_PROBLEMS = ["no-plan"] as const;

/** Why the sum of the current figures is not given: the districts' figures stand at different years, or one has none. */
export const REGION_SUM_GAPS = ["years-differ", "missing"] as const;

/** One of a district's targets as its own plan states it, with where it stands. */
export const RegionTargetSchema = z.strictObject({
  targetId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  metric: z.string(),
  /** The plan's unit of measure (亩, 人, 家 …); the quantities are in money, counts or shares. */
  planUnit: z.enum(MEASUREMENT_UNITS),
  deadlineYear: z.number().int(),
  aspiration: z.boolean(),
  target: TargetQuantitySchema,
  current: z.strictObject({ year: z.number().int(), month: z.number().int(), value: TargetQuantitySchema }).nullable(),
  status: z.enum(TARGET_STATUSES),
  /** The sum row this target is counted in; null when no other district has a comparable target. */
  sumKey: z.string().nullable(),
});
export type RegionTarget = z.infer<typeof RegionTargetSchema>;

export const RegionDistrictOverviewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  planTitle: z.string().nullable(),
  problem: z.enum(REGION_DISTRICT_PROBLEMS).nullable(),
  /** The month the figures stand at (the latest month enough enterprises reported), and the latest with any figure. */
  asOf: YearMonthSchema.nullable(),
  latest: YearMonthSchema.nullable(),
  coverage: DataCoverageSchema.nullable(),
  targets: z.array(RegionTargetSchema),
});
export type RegionDistrictOverview = z.infer<typeof RegionDistrictOverviewSchema>;

/**
 * The sum of comparable targets: the same metric, the same definition (aggregate, options), the same unit and
 * deadline year, and a quantity that adds up (money or a count, never a share or a growth).
 */
export const RegionSumSchema = z.strictObject({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  metric: z.string(),
  planUnit: z.enum(MEASUREMENT_UNITS),
  deadlineYear: z.number().int(),
  districtIds: z.array(z.string()),
  target: TargetQuantitySchema,
  current: z.strictObject({ year: z.number().int(), value: TargetQuantitySchema }).nullable(),
  currentGap: z.enum(REGION_SUM_GAPS).nullable(),
});
export type RegionSum = z.infer<typeof RegionSumSchema>;

export const RegionOverviewSchema = z.strictObject({
  region: z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string() }),
  districts: z.array(RegionDistrictOverviewSchema),
  sums: z.array(RegionSumSchema),
});
export type RegionOverview = z.infer<typeof RegionOverviewSchema>;
