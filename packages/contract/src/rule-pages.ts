/**
 * Reward rule pages (/api/rules*, and /api/public/rules* when the office publishes them): every rule of the plan
 * with its clause verbatim, what it pays in plain words (written from its structure), its conditions, tiers,
 * categories, parameters with their readings and the facts it reads; worked examples from the district's latest
 * computed year; and the try-it calculator, run by the rewards engine itself.
 */
import { z } from "zod";
import { FenText, Timestamp } from "./common";
import { AwardBudgetNoteSchema, ExplanationSchema } from "./rewards";

export const RULE_FACT_KINDS = ["money", "flag", "category", "year", "count", "quantity"] as const;
export const RULE_SUBJECTS = ["year", "grant", "techProject", "project"] as const;

const WordsSchema = z.strictObject({ zh: z.string(), en: z.string() });
export type RuleWords = z.infer<typeof WordsSchema>;

export const RuleFactSchema = z.strictObject({
  /** As the rule reads it ("revenue", "previous.revenue", "grant.amount", "before.revenue"): the calculator's key. */
  name: z.string(),
  zh: z.string(),
  en: z.string(),
  kind: z.enum(RULE_FACT_KINDS),
  unitZh: z.string().nullable(),
  unitEn: z.string().nullable(),
  options: z.array(z.strictObject({ id: z.string(), zh: z.string(), en: z.string() })),
  /** Years before the year assessed (0: that year); null for an investment project's own facts. */
  yearsBack: z.number().int().nullable(),
});
export type RuleFact = z.infer<typeof RuleFactSchema>;

export const RuleSummarySchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  name: z.string(),
  nameEn: z.string(),
  subject: z.enum(RULE_SUBJECTS),
  /** The rule ids its entitlements carry (a tier with its own id, or the rule's). */
  outputRuleIds: z.array(z.string()),
  /** What it pays, in one line (the plain description's amount). */
  pays: WordsSchema,
});
export type RuleSummary = z.infer<typeof RuleSummarySchema>;

/** An enterprise that got the reward, or that narrowly did not, in the latest computed year. */
export const WorkedExampleSchema = z.strictObject({
  year: z.number().int().nullable(),
  /** Null on the public page (no enterprise is named there) and for an enterprise reading another's. */
  enterprise: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  /** Fen text; null for a reward decided case by case and for one not paid. */
  amountFen: FenText.nullable(),
  /** The explanation or the why-not, as the engine wrote it. */
  text: WordsSchema,
  arithmetic: z.string().nullable(),
  /** The figures the example rests on, as stored. */
  facts: z.array(
    z.strictObject({
      label: z.string(),
      labelEn: z.string(),
      year: z.number().int().nullable(),
      value: z.string().nullable(),
    }),
  ),
});
export type WorkedExample = z.infer<typeof WorkedExampleSchema>;

export const RulePageSchema = RuleSummarySchema.extend({
  /** The clause's sentence stating the reward, verbatim. */
  quote: z.string(),
  /** The document the clause belongs to, when it is not the plan itself. */
  document: z
    .strictObject({ title: z.string(), titleEn: z.string().nullable(), number: z.string().nullable() })
    .nullable(),
  description: z.array(WordsSchema),
  conditions: z.array(WordsSchema),
  tiers: z.array(
    z.strictObject({ ruleId: z.string(), category: z.string().nullable(), threshold: WordsSchema, pays: WordsSchema }),
  ),
  categories: z.array(z.strictObject({ id: z.string(), zh: z.string(), en: z.string(), pays: WordsSchema })),
  parameters: z.array(
    z.strictObject({
      id: z.string(),
      value: WordsSchema,
      description: z.string(),
      descriptionEn: z.string(),
      reading: WordsSchema,
    }),
  ),
  facts: z.array(RuleFactSchema),
  calculable: z.boolean(),
  examples: z.strictObject({
    /** The latest year the district computed; null before any. */
    year: z.number().int().nullable(),
    paid: WorkedExampleSchema.nullable(),
    /** The enterprise closest to the reward without it (smallest gap), else one that failed a condition. */
    notPaid: WorkedExampleSchema.nullable(),
  }),
  /** The plan's years, for the calculator's year. */
  period: z.strictObject({ startYear: z.number().int(), endYear: z.number().int() }),
});
export type RulePage = z.infer<typeof RulePageSchema>;

export const RulesIndexSchema = z.strictObject({
  plan: z.strictObject({ title: z.string(), titleEn: z.string() }),
  rules: z.array(RuleSummarySchema),
  /** Whether the office publishes the rule pages (readable without login). */
  published: z.boolean(),
});
export type RulesIndex = z.infer<typeof RulesIndexSchema>;

export const RuleParamsSchema = z.object({ ruleId: z.string().min(1).max(80) });

const FigureValue = z.union([z.string().max(40), z.boolean()]);

/** POST /api/rules/:ruleId/try: an enterprise's real figures of a year, or the figures entered. */
export const RuleTrySchema = z.strictObject({
  year: z
    .number({ error: "年度应为整数" })
    .int("年度应为整数")
    .min(1949, "年度不早于 1949 年")
    .max(2200, "年度不晚于 2200 年"),
  /** Start from this enterprise's figures (an enterprise account: its own only). */
  enterpriseId: z.number().int().positive().optional(),
  /** Keyed by the facts the rule reads; money in fen (integer text), counts and quantities in their unit. */
  figures: z.record(z.string().max(80), FigureValue).optional(),
});
export type RuleTryInput = z.input<typeof RuleTrySchema>;

export const RuleTryResultSchema = z.strictObject({
  ruleId: z.string(),
  year: z.number().int(),
  enterprise: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  /** The sum of the awards, fen text ("0" when none). */
  amountFen: FenText,
  /** An award's amount is decided case by case (not in the sum). */
  caseByCase: z.boolean(),
  awards: z.array(
    z.strictObject({
      ruleId: z.string(),
      tier: z.string().nullable(),
      subjectId: z.string().nullable(),
      amountFen: FenText.nullable(),
      explanation: ExplanationSchema,
      /** For a rule with a yearly budget: `amountFen` is before it, told here. */
      budget: AwardBudgetNoteSchema.optional(),
    }),
  ),
  whyNots: z.array(
    z.strictObject({ reason: z.string(), subjectId: z.string().nullable(), zh: z.string(), en: z.string() }),
  ),
  /** The figures computed from, keyed as the request's (an enterprise's real ones when it started from them). */
  figures: z.record(z.string(), FigureValue),
});
export type RuleTryResult = z.infer<typeof RuleTryResultSchema>;

export const RulesPublicationSchema = z.strictObject({ published: z.boolean() });
export const RulesPublicationViewSchema = z.strictObject({ published: z.boolean(), updatedAt: Timestamp.nullable() });
export type RulesPublicationView = z.infer<typeof RulesPublicationViewSchema>;

export const PublicRulesQuerySchema = z.object({ district: z.string().max(40).optional() });

const PublicDistrict = z.strictObject({ id: z.string(), name: z.string() });

/** GET /api/public/rules: the rules when the office publishes them; otherwise a plain "not published" (not an error). */
export const PublicRulesAnswerSchema = z.union([
  z.strictObject({
    published: z.literal(true),
    district: PublicDistrict,
    plan: z.strictObject({ title: z.string(), titleEn: z.string() }),
    rules: z.array(RuleSummarySchema),
  }),
  z.strictObject({ published: z.literal(false) }),
]);
export type PublicRulesAnswer = z.infer<typeof PublicRulesAnswerSchema>;

export const PublicRuleAnswerSchema = z.union([
  z.strictObject({ published: z.literal(true), district: PublicDistrict, rule: RulePageSchema }),
  z.strictObject({ published: z.literal(false) }),
]);
export type PublicRuleAnswer = z.infer<typeof PublicRuleAnswerSchema>;

/** The public calculator takes figures only (no enterprise's data). */
export const PublicRuleTrySchema = RuleTrySchema.omit({ enterpriseId: true });

export const PublicRuleTryAnswerSchema = z.union([
  z.strictObject({ published: z.literal(true), result: RuleTryResultSchema }),
  z.strictObject({ published: z.literal(false) }),
]);
export type PublicRuleTryAnswer = z.infer<typeof PublicRuleTryAnswerSchema>;
