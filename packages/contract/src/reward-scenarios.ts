/**
 * Policy simulation (政策测算, /api/rewards/scenarios*): scenarios of changes to the active plan's reward rules,
 * their results beside the plan as it stands (cost per year against the fund, enterprises that gain or lose and
 * why, the split by chain and town, the effect on the budget forecast), side by side, exported.
 */
import type { ScenarioValue } from "@beizeng/domain/rewards/scenario";
import { z } from "zod";
import { FenText, Timestamp } from "./common";

const id = z.number().int();
const count = z.number().int().min(0);

const ScenarioValueSchema: z.ZodType<ScenarioValue> = z.lazy(() =>
  z.union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(ScenarioValueSchema).max(200),
    z.record(z.string(), ScenarioValueSchema),
  ]),
);

const ruleIdText = z.string().min(1, "请填写奖励编号").max(60);

export const ScenarioChangeSchema = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("set"),
    ruleId: ruleIdText,
    path: z.string().min(1, "请填写调整的字段").max(200),
    value: ScenarioValueSchema,
  }),
  z.strictObject({
    op: z.literal("parameter"),
    parameterId: z.string().min(1, "请填写参数").max(100),
    value: z.union([z.string().max(200), z.boolean()]),
  }),
  z.strictObject({ op: z.literal("addRule"), rule: z.record(z.string(), ScenarioValueSchema) }),
  z.strictObject({ op: z.literal("removeRule"), ruleId: ruleIdText }),
]);
export type ScenarioChangeInput = z.infer<typeof ScenarioChangeSchema>;

/** At most eight years a scenario: the plan's and the forecast's. */
export const SCENARIO_MAX_YEARS = 8;

export const ScenarioInputSchema = z.strictObject({
  name: z.string().trim().min(1, "请填写测算方案名称").max(60, "名称不能超过 60 个字符"),
  description: z.string().trim().max(500, "说明不能超过 500 个字符").default(""),
  changes: z.array(ScenarioChangeSchema).max(100, "一个测算方案最多 100 项调整"),
  years: z
    .array(z.number().int().min(2000).max(2100))
    .min(1, "请至少选择一个年度")
    .max(SCENARIO_MAX_YEARS, `最多选择 ${SCENARIO_MAX_YEARS} 个年度`),
});
export type ScenarioInput = z.infer<typeof ScenarioInputSchema>;

export const ScenarioViewSchema = z.strictObject({
  id,
  name: z.string(),
  description: z.string(),
  changes: z.array(ScenarioChangeSchema),
  years: z.array(z.number().int()),
  /** The plan version the scenario was written against; its results always start from the active version. */
  planId: z.string(),
  planVersion: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ScenarioView = z.infer<typeof ScenarioViewSchema>;

export const ScenarioListSchema = z.strictObject({ items: z.array(ScenarioViewSchema) });
export type ScenarioList = z.infer<typeof ScenarioListSchema>;

/** What the editor needs: each rule's values as they stand, the parameters, the years that may be chosen. */
export const ScenarioEditorSchema = z.strictObject({
  planId: z.string(),
  planVersion: z.number().int(),
  rules: z.array(
    z.strictObject({
      id: z.string(),
      clause: z.string(),
      name: z.string(),
      nameEn: z.string(),
      quote: z.string(),
      settings: z.array(
        z.strictObject({
          path: z.string(),
          value: z.string(),
          unit: z.enum(["yuan", "rate"]),
          label: z.string(),
          labelEn: z.string(),
        }),
      ),
    }),
  ),
  parameters: z.array(
    z.strictObject({
      id: z.string(),
      description: z.string(),
      descriptionEn: z.string(),
      value: z.union([z.string(), z.boolean(), z.number()]),
      allowed: z.array(z.union([z.string(), z.boolean()])).nullable(),
    }),
  ),
  /** The years a scenario may cover; after `lastActualYear` they are projections. */
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  lastActualYear: z.number().int().nullable(),
});
export type ScenarioEditor = z.infer<typeof ScenarioEditorSchema>;

const Totals = {
  baselineFen: FenText,
  scenarioFen: FenText,
  differenceFen: FenText,
};

const SplitRow = z.strictObject({
  id: z.string().nullable(),
  name: z.string(),
  nameEn: z.string(),
  ...Totals,
  gainers: count,
  losers: count,
});

export const ScenarioLineSchema = z.strictObject({
  ruleId: z.string(),
  ruleName: z.string(),
  ruleNameEn: z.string(),
  year: z.number().int(),
  baselineTier: z.string().nullable(),
  scenarioTier: z.string().nullable(),
  /** Null: not paid in that run. */
  baselineFen: FenText.nullable(),
  scenarioFen: FenText.nullable(),
  differenceFen: FenText,
});
export type ScenarioLine = z.infer<typeof ScenarioLineSchema>;

export const ScenarioEnterpriseSchema = z.strictObject({
  creditCode: z.string(),
  name: z.string(),
  chain: z.string().nullable(),
  chainEn: z.string().nullable(),
  town: z.string().nullable(),
  townEn: z.string().nullable(),
  ...Totals,
  lines: z.array(ScenarioLineSchema),
});
export type ScenarioEnterprise = z.infer<typeof ScenarioEnterpriseSchema>;

export const ScenarioYearSchema = z.strictObject({
  year: z.number().int(),
  /** Computed on projected figures (after the last year with actual figures). */
  projected: z.boolean(),
  /** After the plan's last year: the figure assumes the policy continues. */
  withinPlan: z.boolean(),
  ...Totals,
  /** The year's budget: the office's figure, else the plan's yearly fund; null when neither exists. */
  budgetFen: FenText.nullable(),
  budgetFrom: z.enum(["office", "plan"]).nullable(),
  /** The scenario's cost split over the plan's fund sources in proportion to their yearly amounts. */
  sources: z.array(
    z.strictObject({ id: z.string(), name: z.string(), nameEn: z.string(), amountFen: FenText, costFen: FenText }),
  ),
});
export type ScenarioYear = z.infer<typeof ScenarioYearSchema>;

/** The most enterprises an answer lists (largest differences first); the .xlsx export lists them all. */
export const SCENARIO_LISTED_ENTERPRISES = 500;

export const ScenarioResultSchema = z.strictObject({
  scenario: ScenarioViewSchema,
  /** The active plan version the scenario was applied to. */
  planVersion: z.number().int(),
  lastActualYear: z.number().int().nullable(),
  years: z.array(ScenarioYearSchema),
  total: z.strictObject(Totals),
  counts: z.strictObject({ gainers: count, losers: count, unchanged: count, evaluated: count }),
  /** Gainers and losers, the largest differences first, at most SCENARIO_LISTED_ENTERPRISES. */
  enterprises: z.array(ScenarioEnterpriseSchema),
  byRule: z.array(z.strictObject({ ruleId: z.string(), ruleName: z.string(), ruleNameEn: z.string(), ...Totals })),
  byChain: z.array(SplitRow),
  byTown: z.array(SplitRow),
  /** The budget forecast's years (after the last actual year), under the plan and under the scenario. */
  forecast: z.strictObject({
    years: z.array(z.strictObject({ year: z.number().int(), ...Totals, budgetFen: FenText.nullable() })),
    ...Totals,
  }),
  computedMs: z.number().int().min(0),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const ScenarioCompareQuerySchema = z.strictObject({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, "请用逗号分隔测算方案编号")
    .transform((text) => [...new Set(text.split(",").map(Number))])
    .pipe(z.array(z.number().int().positive()).min(1, "请至少选择一个测算方案").max(6, "最多比较 6 个测算方案")),
});

/** Two or more scenarios beside the plan as it stands, year by year. */
export const ScenarioComparisonSchema = z.strictObject({
  planVersion: z.number().int(),
  lastActualYear: z.number().int().nullable(),
  years: z.array(
    z.strictObject({
      year: z.number().int(),
      projected: z.boolean(),
      baselineFen: FenText,
      budgetFen: FenText.nullable(),
      /** One per scenario, in the order asked; null when the scenario does not cover the year. */
      scenarios: z.array(FenText.nullable()),
    }),
  ),
  scenarios: z.array(
    z.strictObject({
      id,
      name: z.string(),
      changes: count,
      ...Totals,
      gainers: count,
      losers: count,
      forecastDifferenceFen: FenText,
    }),
  ),
  computedMs: z.number().int().min(0),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;
