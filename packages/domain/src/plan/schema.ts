/**
 * The plan file, as a schema. A plan is data: another district's plan must load through this
 * schema without a code change. Validation messages name the field; the loader adds the file
 * and the clause. See docs/plan-format.md.
 */
import { z } from "zod";

/** A decimal string of yuan: exact, never a binary float. */
export const yuanSchema = z
  .string({ error: "must be a decimal string of yuan, e.g. \"3000000\"" })
  .regex(/^\d+(\.\d{1,2})?$/, "must be a decimal string of yuan with at most two decimals (no exponent, no separators)");

/** A decimal rate or share, "0.05" for 5 %. */
export const rateSchema = z
  .string({ error: "must be a decimal string, e.g. \"0.05\"" })
  .regex(/^\d+(\.\d+)?$/, "must be a decimal string such as \"0.05\"");

export const clauseIdSchema = z.string().regex(/^[A-Z][A-Z0-9-]*$/, "must be a clause id such as M4 or S16");
export const unitIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a unit id in kebab-case");

export const measurementUnitSchema = z.enum(["yuan", "count", "share", "mu", "person", "event"], {
  error: "unknown unit of measure (allowed: yuan, count, share, mu, person, event)",
});

export const comparisonSchema = z.enum(["gt", "gte"], { error: "comparison must be gt (超过/突破) or gte (以上含)" });

export const clauseSchema = z.strictObject({
  id: clauseIdSchema,
  /** The section of the document: 总体思路, 发展目标, an action group of the measures, 保障措施. */
  section: z.string().min(1),
  title: z.string().min(1),
  /** The clause's original Chinese text, copied from the issued document. */
  text: z.string().min(1),
});

export const unitSchema = z.strictObject({
  id: unitIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(["leadership", "office", "department", "town", "street", "discipline"]),
  /** A unit the office may edit (towns and streets); departments named by the plan are fixed. */
  editable: z.boolean().default(false),
});

export const chainSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  role: z.enum(["leading", "supporting", "other"]),
  /** GB/T 4754-2017 codes (division, group or class) that fall in this chain. */
  industryCodes: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
});

export const targetSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Za-z0-9-]*$/),
  clause: clauseIdSchema,
  /** The sentence of the clause that states this target, verbatim. */
  quote: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** What is counted or summed; the targets module knows how to compute each metric. */
  metric: z.string().min(1),
  unit: measurementUnitSchema,
  comparison: comparisonSchema,
  value: z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal string"),
  baselineYear: z.number().int(),
  deadline: z.iso.date({ error: "must be a date written YYYY-MM-DD" }),
  /** 力争: an aspiration, whose status never reads as a breach. */
  aspiration: z.boolean().default(false),
  /** Yearly milestones where the document gives them (e.g. two "20 projects" every year). */
  yearly: z.array(z.strictObject({ year: z.number().int(), value: z.string() })).default([]),
  /** For a target measured against another figure (a share), or per category. */
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
});

export const measureSchema = z.strictObject({
  id: clauseIdSchema,
  clause: clauseIdSchema,
  kind: z.enum(["measure", "safeguard"]),
  group: z.string().min(1),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  lead: z.array(unitIdSchema).default([]),
  responsible: z.array(unitIdSchema).default([]),
  /** What the system tracks for this measure, in plain words. */
  tracks: z.array(z.string()).default([]),
  /** Seed tasks for the supervision module: measurable deliverables where the measure has them. */
  tasks: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        title: z.string().min(1),
        cycle: z.enum(["once", "monthly", "quarterly", "yearly"]),
        quantityUnit: measurementUnitSchema.optional(),
        quantityTarget: z.string().optional(),
      }),
    )
    .default([]),
});

export const parameterSchema = z.strictObject({
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "must be a camelCase parameter id"),
  clause: clauseIdSchema,
  description: z.string().min(1),
  descriptionEn: z.string().min(1),
  value: z.union([z.string(), z.boolean(), z.number()]),
  /** The values allowed for a choice; absent for free values such as thresholds. */
  allowed: z.array(z.union([z.string(), z.boolean()])).optional(),
});

const tierAmount = z.strictObject({ threshold: yuanSchema, amount: yuanSchema });
const rateAmount = z.strictObject({ rate: rateSchema, amount: yuanSchema });

const rewardBase = {
  id: z.string().regex(/^R-[A-Z0-9-]+$/, "reward ids look like R-GROWTH"),
  clause: clauseIdSchema,
  /** The sentence(s) of the clause that state this reward, verbatim. */
  quote: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
};

/**
 * The reward-rule families. Each kind is one computation the engine knows; the numbers,
 * tiers and readings are data. The parameter fields name entries of `parameters`.
 */
export const rewardRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      ...rewardBase,
      kind: z.literal("projectProduction"),
      /** One entitlement per project of a category whose production year is known; ruleId per category. */
      categories: z.array(z.strictObject({ category: z.string(), ruleId: z.string(), minInvestment: yuanSchema, amount: yuanSchema })).min(1),
      introducedYearsFromPlan: z.boolean().default(true),
    }),
    z.strictObject({ ...rewardBase, kind: z.literal("caseByCase"), event: z.literal("top500SettledIn") }),
    z.strictObject({ ...rewardBase, kind: z.literal("eventOnce"), event: z.literal("listedRegistrationMovedIn"), amount: yuanSchema }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("newAboveScale"),
      amount: yuanSchema,
      reentryParameter: z.string(),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("firstCrossing"),
      metric: z.enum(["revenue", "tax"]),
      tiers: z.array(tierAmount).min(1),
      comparisonParameter: z.string(),
      sameYearParameter: z.string(),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("growthBands"),
      metric: z.literal("revenue"),
      tiers: z.array(rateAmount).min(1),
      comparison: comparisonSchema,
      requireAboveScale: z.boolean(),
      excludeNewlyAboveScale: z.boolean(),
      payHighestTierOnly: z.boolean(),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("grantMatch"),
      rates: z.array(z.strictObject({ level: z.enum(["national", "provincial", "municipal"]), rate: rateSchema })).min(1),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("listing"),
      kinds: z.array(z.strictObject({ listing: z.enum(["domestic", "overseas", "neeq"]), amount: yuanSchema })).min(1),
      neeqThenListedParameter: z.string(),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("techTransformation"),
      minInvestment: yuanSchema,
      comparison: comparisonSchema,
      rate: rateSchema,
      excludeIfTechFundsReceived: z.boolean(),
    }),
  ],
  { error: "unknown reward kind (projectProduction, caseByCase, eventOnce, newAboveScale, firstCrossing, growthBands, grantMatch, listing, techTransformation)" },
);

export const planFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  title: z.string().min(1),
  titleEn: z.string().min(1),
  document: z.strictObject({
    number: z.string().min(1),
    issuers: z.array(z.string().min(1)).min(1),
    signed: z.iso.date(),
    issued: z.iso.date(),
  }),
  district: z.strictObject({ code: z.string().regex(/^\d{6}$/), name: z.string(), city: z.string(), province: z.string() }),
  period: z.strictObject({ baselineYear: z.number().int(), startYear: z.number().int(), endYear: z.number().int() }),
  /** The above-scale threshold (规模以上): annual main-business revenue, in yuan. */
  aboveScaleThreshold: yuanSchema,
  clauses: z.array(clauseSchema).min(1),
  units: z.array(unitSchema).min(1),
  chains: z.array(chainSchema).min(1),
  targets: z.array(targetSchema),
  measures: z.array(measureSchema),
  parameters: z.array(parameterSchema),
  rewards: z.array(rewardRuleSchema),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type PlanUnit = z.infer<typeof unitSchema>;
export type Chain = z.infer<typeof chainSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type PlanParameter = z.infer<typeof parameterSchema>;
export type RewardRule = z.infer<typeof rewardRuleSchema>;
export type RewardKind = RewardRule["kind"];
