/**
 * A reward rule written in the rule language (`kind: formula`, decision 010), compiled once per
 * batch into an evaluator of the engine: what one award is for, the event, the conditions, how
 * the amount is found (fixed, by category, by tiers or bands, a percentage, case by case), the
 * cap, the rounding, the one-time key and stacking. Amounts are bigint fen and rates exact
 * fractions; explanations and why-nots are written from the rule's structure (./words.ts).
 */
import { type Fen, formatYuan } from "../../money";
import type { FormulaReward } from "../../plan/schema";
import { canonicalDecimal, parseRate, type Rate, rateLabel } from "../format";
import {
  type EnterpriseRuleEvaluator,
  entitlementKey,
  explanationRecord,
  HAS_GRANTS,
  HAS_LISTED_MOVE,
  HAS_LISTING,
  HAS_NEW_SCALE,
  HAS_TECH_PROJECTS,
  HAS_TOP500,
  KEY_ENTERPRISE,
  KEY_PROJECT,
  KEY_SUBJECT,
  KEY_TIER,
  KEY_YEAR,
  KEY_YEAR_TIER,
  type KeyShape,
  NO_FACTS,
  type ProjectRuleEvaluator,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  type WhyNotFigures,
} from "../internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplainedYearField,
  ExplanationParameter,
  ExplanationWording,
  InvestmentProject,
  NonPaymentReason,
  PriorGrant,
  SupportGrant,
  TechProject,
  WhyNotWording,
} from "../types";
import type { DeclaredFactLookup } from "./declared-facts";
import {
  type CompiledExpression,
  compileExpression,
  type FormulaScope,
  type FormulaSubject,
  type YearFlagTest,
  yearBefore,
} from "./expressions";
import { type MarginalPart, marginalAmount } from "./marginal";
import { MOST_GENERATED_STEPS, stepsUpToCap } from "./stepped";
import { FormulaExplanationRecord, type FormulaWords, formulaWords } from "./words";

type ParameterValue = string | boolean | number;

/** What compiling a formula rule needs from the plan: its meta and its parameters (overrides applied). */
export interface FormulaTools {
  meta(parameters: ExplanationParameter[]): RuleMeta;
  parameter(id: string): { value: ParameterValue; shown: ExplanationParameter };
  choice<T extends string>(id: string, allowed: readonly T[]): { value: T; shown: ExplanationParameter };
  flag(id: string): { value: boolean; shown: ExplanationParameter };
  money(field: string, text: string): Fen;
  /** The facts the plan declares, which `fact("id")` may read (none when absent). */
  declaredFacts?: DeclaredFactLookup;
}

/** One tier or band of a compiled rule, ascending. */
export interface CompiledStep {
  /** The threshold in fen (a money figure) or as an exact rate (growth). */
  threshold: bigint;
  thresholdRate: Rate | null;
  /** The entitlement's tier: the threshold in yuan, the rate ("0.05"), or null. */
  label: string | null;
  /** The threshold as shown: yuan text or the rate as written. */
  shown: string;
  amount: Fen | null;
  rate: Rate | null;
  rateText: string | null;
  ruleId: string;
  category: string | null;
}

export interface CompiledCategory {
  is: string;
  /** The category in words (default: `is`). */
  zh: string;
  en: string;
  amount: Fen | null;
  rate: Rate | null;
  rateText: string | null;
  /** Not paid once this category was paid, unless the parameter said both are paid. */
  notAfter: string | null;
}

/** The compiled structure of a formula rule, shared by its evaluator and its words. */
export interface CompiledFormula {
  readonly rule: FormulaReward;
  readonly meta: RuleMeta;
  readonly per: FormulaSubject;
  readonly event: CompiledExpression<boolean> | null;
  readonly when: readonly CompiledExpression<boolean>[];
  readonly paidYear: CompiledExpression<bigint> | null;
  readonly planYearsOnly: boolean;
  readonly fixed: Fen | null;
  readonly caseByCase: boolean;
  readonly percentOf: CompiledExpression<bigint> | null;
  readonly rate: Rate | null;
  /** The rule's rate as written in words ("1%"), compiled once. */
  readonly rateText: string | null;
  readonly category: CompiledExpression<string> | null;
  readonly categories: ReadonlyMap<string, CompiledCategory>;
  readonly categoryFirstTime: boolean;
  readonly categoryTierIsRate: boolean;
  readonly tiersOf: CompiledExpression<bigint> | null;
  readonly growthOf: "revenue" | "tax" | null;
  readonly steps: readonly CompiledStep[];
  readonly strict: boolean;
  readonly payEach: boolean;
  readonly tiersFirstTime: boolean;
  /** Each step's rate applies to the part of the figure (or of the increase) in its band (./marginal.ts). */
  readonly marginal: boolean;
  readonly cap: Fen | null;
  readonly rounding: "halfUp" | "down" | "up";
  readonly keyShape: KeyShape;
  /** `once: enterprise` counts any earlier grant of the rule to the enterprise. */
  readonly oncePerEnterprise: boolean;
  /**
   * The same key can come up twice in one run (an enterprise's second event, a grant listed in two
   * years): paid keys are kept. Not for a key per year, nor a first-time tier or category.
   */
  readonly repeatable: boolean;
}

/** What a formula rule gives the compiled plan. */
export interface FormulaRuleCompiled {
  enterprise: EnterpriseRuleEvaluator | null;
  project: ProjectRuleEvaluator | null;
  /** Every rule id its entitlements carry (the steps' own ids, else the rule's). */
  outputRuleIds: string[];
  /** The key of a prior grant of this rule (or of one of its output ids). */
  priorKey(prior: Exclude<PriorGrant, string>): string;
}

/** A rule that cannot be compiled: the message names the field (Chinese). */
export class FormulaRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function expressionOf<T>(
  source: string,
  per: FormulaSubject,
  type: "int" | "bool" | "string",
  field: string,
  declared: DeclaredFactLookup | undefined,
): CompiledExpression<T> {
  try {
    return compileExpression<T>(source, per, type, declared);
  } catch (error) {
    throw new FormulaRuleError(field, error instanceof Error ? error.message : String(error));
  }
}

/** Compiles the structure of a formula rule (expressions, tiers, categories, parameters resolved). */
export function compileFormulaStructure(rule: FormulaReward, tools: FormulaTools): CompiledFormula {
  const shown: ExplanationParameter[] = [];
  const per = rule.per;
  const expression = <T>(source: string, subject: FormulaSubject, type: "int" | "bool" | "string", field: string) =>
    expressionOf<T>(source, subject, type, field, tools.declaredFacts);
  const amountWays = [
    rule.amount !== undefined,
    rule.caseByCase !== undefined,
    rule.tiers !== undefined,
    rule.byCategory !== undefined,
    rule.percentOf !== undefined && rule.byCategory === undefined && rule.tiers === undefined,
  ].filter(Boolean).length;
  if (amountWays !== 1)
    throw new FormulaRuleError(
      "amount",
      "必须且只能写一种金额：amount（固定金额）、caseByCase（一事一议）、tiers（分档）、byCategory（按类别）或 percentOf + rate（比例）",
    );
  if (
    rule.percentOf !== undefined &&
    rule.byCategory === undefined &&
    rule.tiers === undefined &&
    rule.rate === undefined
  )
    throw new FormulaRuleError("rate", "percentOf 需要 rate（比率）");
  const percentOf = rule.percentOf === undefined ? null : expression<bigint>(rule.percentOf, per, "int", "percentOf");
  const categories = new Map<string, CompiledCategory>();
  let category: CompiledExpression<string> | null = null;
  if (rule.byCategory !== undefined) {
    category = expression<string>(rule.byCategory.of, per, "string", "byCategory.of");
    rule.byCategory.values.forEach((value, index) => {
      const at = `byCategory.values[${index}]`;
      if ((value.amount === undefined) === (value.rate === undefined))
        throw new FormulaRuleError(at, "每个类别必须写 amount（金额）或 rate（比率）之一");
      if (value.rate !== undefined && percentOf === null)
        throw new FormulaRuleError(`${at}.rate`, "按比率计算需要 percentOf（计算基数）");
      if (categories.has(value.is)) throw new FormulaRuleError(`${at}.is`, `类别“${value.is}”重复`);
      let notAfter: string | null = null;
      if (value.notAfter !== undefined) {
        const unless = value.notAfter.unlessParameter === undefined ? null : tools.flag(value.notAfter.unlessParameter);
        // Several categories may name the same parameter: it is listed once.
        if (unless !== null && !shown.some((parameter) => parameter.id === unless.shown.id)) shown.push(unless.shown);
        notAfter = unless?.value === true ? null : value.notAfter.category;
      }
      categories.set(value.is, {
        is: value.is,
        zh: value.zh ?? value.is,
        en: value.en ?? value.is,
        amount: value.amount === undefined ? null : tools.money(`${at}.amount`, value.amount),
        rate: value.rate === undefined ? null : parseRate(value.rate),
        rateText: value.rate === undefined ? null : rateLabel(value.rate),
        notAfter,
      });
    });
  }
  let steps: CompiledStep[] = [];
  let strict = false;
  let payEach = false;
  let tiersOf: CompiledExpression<bigint> | null = null;
  let growthOf: "revenue" | "tax" | null = null;
  const tiers = rule.tiers;
  if (tiers !== undefined) {
    if ((tiers.of === undefined) === (tiers.growthOf === undefined))
      throw new FormulaRuleError("tiers.of", "分档必须写 of（比较的金额表达式）或 growthOf（同比增幅的指标）之一");
    if (tiers.growthOf !== undefined && per === "project")
      throw new FormulaRuleError("tiers.growthOf", "招商项目没有上年数据，不能按增幅分档");
    if (tiers.of !== undefined) tiersOf = expression<bigint>(tiers.of, per, "int", "tiers.of");
    growthOf = tiers.growthOf ?? null;
    const compare =
      typeof tiers.compare === "string" ? tiers.compare : tools.choice(tiers.compare.parameter, ["gt", "gte"] as const);
    if (typeof compare !== "string") shown.push(compare.shown);
    strict = (typeof compare === "string" ? compare : compare.value) === "gt";
    const pay =
      typeof tiers.pay === "string" ? tiers.pay : tools.choice(tiers.pay.parameter, ["each", "highest"] as const);
    if (typeof pay !== "string") shown.push(pay.shown);
    if (tiers.withoutPreviousYear !== undefined) {
      if (growthOf === null)
        throw new FormulaRuleError("tiers.withoutPreviousYear", "只有按增幅分档（growthOf）才有“缺少上年数据”的处理");
      if (typeof tiers.withoutPreviousYear !== "string")
        shown.push(tools.choice(tiers.withoutPreviousYear.parameter, ["none"] as const).shown);
    }
    payEach = (typeof pay === "string" ? pay : pay.value) === "each";
    steps = tiers.steps.map((step, index) => {
      const at = `tiers.steps[${index}]`;
      if (step.amount === undefined && step.rate === undefined && !(rule.amount === undefined && rule.caseByCase))
        throw new FormulaRuleError(at, "每档必须写 amount（金额）或 rate（比率）");
      if (tiers.marginal && (step.rate === undefined || step.amount !== undefined))
        throw new FormulaRuleError(at, "累进计算（marginal）的每档只写 rate（该档部分的比率）");
      if (step.rate !== undefined && percentOf === null && !tiers.marginal)
        throw new FormulaRuleError(`${at}.rate`, "按比率计算需要 percentOf（计算基数）");
      let from = step.from;
      if (step.fromParameter !== undefined) {
        const threshold = tools.parameter(step.fromParameter);
        if (typeof threshold.value !== "string")
          throw new FormulaRuleError(`${at}.fromParameter`, `参数 ${step.fromParameter} 应为十进制字符串`);
        from = threshold.value;
        shown.push(threshold.shown);
      }
      const growth = growthOf !== null;
      const threshold = growth ? 0n : tools.money(`${at}.from`, from);
      const thresholdRate = growth ? parseRate(from) : null;
      const label = tiers.label === "none" ? null : growth ? rateLabel(from) : formatYuan(threshold);
      return {
        threshold,
        thresholdRate,
        label,
        shown: growth ? rateLabel(from) : formatYuan(threshold),
        amount: step.amount === undefined ? null : tools.money(`${at}.amount`, step.amount),
        rate: step.rate === undefined ? null : parseRate(step.rate),
        rateText: step.rate === undefined ? null : rateLabel(step.rate),
        ruleId: step.ruleId ?? rule.id,
        category: step.category ?? null,
      };
    });
    if (tiers.every !== undefined) {
      const last = steps[steps.length - 1]!;
      if (growthOf !== null || tiers.marginal || last.amount === null)
        throw new FormulaRuleError("tiers.every", "逐级递增（every）只用于按金额分档、每档写 amount 的规则");
      if (rule.cap === undefined) throw new FormulaRuleError("tiers.every", "逐级递增（every）必须写封顶金额 cap");
      const by = tools.money("tiers.every.by", tiers.every.by);
      const add = tools.money("tiers.every.add", tiers.every.add);
      if (by <= 0n || add <= 0n) throw new FormulaRuleError("tiers.every", "逐级递增的 by 与 add 必须大于零");
      const generated = stepsUpToCap(last.threshold, last.amount, by, add, tools.money("cap", rule.cap));
      if (generated === null)
        throw new FormulaRuleError(
          "tiers.every",
          `逐级递增到封顶金额需要超过 ${MOST_GENERATED_STEPS} 档：请检查 by、add 与 cap`,
        );
      for (const step of generated)
        steps.push({
          ...last,
          threshold: step.threshold,
          label: tiers.label === "none" ? null : formatYuan(step.threshold),
          shown: formatYuan(step.threshold),
          amount: step.amount,
        });
    }
    if (tiers.marginal && (payEach || tiers.firstTime))
      throw new FormulaRuleError(
        "tiers.marginal",
        "累进计算（marginal）只按达到的最高档计一次：不能与 pay: each 或 firstTime 同用",
      );
    for (let index = 1; index < steps.length; index++) {
      const lower = steps[index - 1]!;
      const upper = steps[index]!;
      const ascending =
        lower.thresholdRate !== null && upper.thresholdRate !== null
          ? lower.thresholdRate.numerator * upper.thresholdRate.denominator <
            upper.thresholdRate.numerator * lower.thresholdRate.denominator
          : lower.threshold < upper.threshold;
      if (!ascending) throw new FormulaRuleError(`tiers.steps[${index}].from`, "各档门槛必须从低到高排列");
    }
  }
  let perYear = false;
  if (rule.oncePerYearParameter !== undefined) {
    const reentry = tools.flag(rule.oncePerYearParameter);
    shown.push(reentry.shown);
    perYear = reentry.value;
  }
  const keyShape: KeyShape = ((): KeyShape => {
    switch (rule.once) {
      case "enterprise":
        return perYear ? KEY_YEAR : KEY_ENTERPRISE;
      case "tier":
        return KEY_TIER;
      case "subject":
        return KEY_SUBJECT;
      case "year":
        return payEach ? KEY_YEAR_TIER : KEY_YEAR;
      case "project":
        return KEY_PROJECT;
    }
  })();
  if (rule.once === "project" && per !== "project")
    throw new FormulaRuleError("once", "once: project 只用于 per: project（招商项目）");
  if (rule.once === "subject" && per !== "grant" && per !== "techProject")
    throw new FormulaRuleError("once", "once: subject 只用于 per: grant 或 techProject");
  if (per === "project" && rule.paidYear === undefined)
    throw new FormulaRuleError("paidYear", "per: project 需要 paidYear（兑现年度，例如 project.productionYear）");
  return {
    rule,
    meta: tools.meta(shown),
    per,
    event: rule.event === undefined ? null : expression<boolean>(rule.event.test, per, "bool", "event.test"),
    when: rule.when.map((condition, index) => expression<boolean>(condition.test, per, "bool", `when[${index}].test`)),
    paidYear: rule.paidYear === undefined ? null : expression<bigint>(rule.paidYear, per, "int", "paidYear"),
    planYearsOnly: rule.years === "plan",
    fixed: rule.amount === undefined ? null : tools.money("amount", rule.amount),
    caseByCase: rule.caseByCase !== undefined,
    percentOf,
    rate: rule.rate === undefined ? null : parseRate(rule.rate),
    rateText: rule.rate === undefined ? null : rateLabel(rule.rate),
    category,
    categories,
    categoryFirstTime: rule.byCategory?.firstTime ?? false,
    categoryTierIsRate: rule.byCategory?.tier === "rate",
    tiersOf,
    growthOf,
    steps,
    strict,
    payEach,
    tiersFirstTime: tiers?.firstTime ?? false,
    marginal: tiers?.marginal ?? false,
    cap: rule.cap === undefined ? null : tools.money("cap", rule.cap),
    rounding: rule.rounding,
    keyShape,
    oncePerEnterprise: rule.once === "enterprise" && !perYear,
    repeatable:
      keyShape === KEY_ENTERPRISE ||
      keyShape === KEY_SUBJECT ||
      keyShape === KEY_PROJECT ||
      (keyShape === KEY_TIER && !(tiers?.firstTime ?? false) && !(rule.byCategory?.firstTime ?? false)) ||
      (keyShape === KEY_YEAR && rule.per !== "year"),
  };
}

/** fen × rate, rounded as the rule says (amounts are never negative here). */
function applyRate(fen: Fen, rate: Rate, rounding: "halfUp" | "down" | "up"): Fen {
  const { numerator, denominator } = rate;
  if (rounding === "halfUp") return (fen * numerator * 2n + denominator) / (denominator * 2n);
  if (rounding === "down") return (fen * numerator) / denominator;
  return (fen * numerator + denominator - 1n) / denominator;
}

/** The amount of one award and what it rests on; one per evaluator, filled by `awardAmount` for each award. */
class AwardAmount {
  amount: Fen | null = null;
  uncapped: Fen | null = null;
  rate: Rate | null = null;
  rateText: string | null = null;
  marginal: MarginalPart[] | undefined = undefined;
}

/**
 * The amount of one award, into `into`: fixed (a step's, a category's or the rule's), a rate of
 * the base, or none (case by case); capped.
 */
function awardAmount(
  into: AwardAmount,
  rule: CompiledFormula,
  step: CompiledStep | null,
  categoryRule: CompiledCategory | undefined,
  base: Fen | null,
  figure: Fen | null = null,
  previousFigure: Fen | null = null,
): AwardAmount {
  if (rule.marginal && step !== null && figure !== null) {
    const band = rule.steps.indexOf(step);
    const bands = rule.steps.map((each) => ({
      threshold: each.threshold,
      thresholdRate: each.thresholdRate,
      rate: each.rate!,
    }));
    const result = marginalAmount(bands, band, figure, rule.growthOf === null ? null : previousFigure, rule.rounding);
    into.amount = rule.cap !== null && result.amount > rule.cap ? rule.cap : result.amount;
    into.uncapped = result.amount;
    into.rate = null;
    into.rateText = null;
    into.marginal = result.parts;
    return into;
  }
  let amount: Fen | null;
  let rate: Rate | null = null;
  let rateText: string | null = null;
  if (rule.caseByCase) amount = null;
  else if (step?.amount != null) amount = step.amount;
  else if (categoryRule?.amount != null) amount = categoryRule.amount;
  else if (rule.fixed !== null) amount = rule.fixed;
  else {
    rate = step?.rate ?? categoryRule?.rate ?? rule.rate;
    rateText = step?.rateText ?? categoryRule?.rateText ?? rule.rateText;
    amount = applyRate(base!, rate!, rule.rounding);
  }
  into.uncapped = amount;
  into.amount = amount !== null && rule.cap !== null && amount > rule.cap ? rule.cap : amount;
  into.rate = rate;
  into.rateText = rateText;
  into.marginal = undefined;
  return into;
}

/** The year fields an explanation can read back (the stored record keeps these and their sources). */
const STORABLE_YEAR_FIELDS: readonly ExplainedYearField[] = [
  "aboveScale",
  "newlyAboveScale",
  "revenue",
  "tax",
  "listing",
  "listedRegistrationMovedIn",
  "top500SettledIn",
];

/**
 * How an award of an enterprise rule is explained from its record (the enterprise-year, the year
 * before, the grant or tech project, the step paid and reached): the figures, category, base and
 * amount are computed again from them, so a stored record keeps only those.
 */
function recordWording(rule: CompiledFormula, words: FormulaWords): ExplanationWording {
  const read = new Set<string>();
  const readBefore = new Set<ExplainedYearField>();
  for (const compiled of [rule.event, ...rule.when, rule.tiersOf, rule.category, rule.percentOf])
    for (const fact of compiled?.reads ?? []) {
      read.add(fact.name);
      if (fact.name.startsWith("previous.")) readBefore.add(fact.name.slice("previous.".length) as ExplainedYearField);
    }
  if (rule.growthOf !== null) {
    read.add(rule.growthOf);
    readBefore.add(rule.growthOf);
  }
  const plan = { startYear: BigInt(rule.meta.startYear), endYear: BigInt(rule.meta.endYear) };
  return {
    reads: {
      year: STORABLE_YEAR_FIELDS.filter((field) => read.has(field)),
      previousYear: STORABLE_YEAR_FIELDS.filter((field) => readBefore.has(field)),
    },
    rebuildsFacts: true,
    explanation(record) {
      const year = record.year!;
      const grant = rule.per === "grant" ? (record.subject as SupportGrant) : null;
      const techProject = rule.per === "techProject" ? (record.subject as TechProject) : null;
      const history = record.previousYear == null ? [year] : [record.previousYear, year];
      const scope: FormulaScope = { year, grant, techProject, project: null, plan, history, at: history.length - 1 };
      // A record stored by the kinds of earlier plan versions may carry a band where the rule has no tiers.
      const step = record.band < 0 ? null : (rule.steps[record.band] ?? null);
      let figure: Fen | null = null;
      let previousFigure: Fen | null = null;
      if (step !== null) {
        if (rule.growthOf !== null) {
          figure = year[rule.growthOf] ?? null;
          previousFigure = record.previousYear?.[rule.growthOf] ?? null;
        } else figure = rule.tiersOf!.evaluate(scope);
      }
      const category = rule.category === null ? null : rule.category.evaluate(scope);
      const base = rule.percentOf === null ? null : rule.percentOf.evaluate(scope);
      const { amount, uncapped, rate, rateText, marginal } = awardAmount(
        new AwardAmount(),
        rule,
        step,
        category === null ? undefined : rule.categories.get(category),
        base,
        figure,
        previousFigure,
      );
      return words.write({
        year,
        previousYear: record.previousYear,
        grant,
        techProject,
        project: null,
        paidYear: year.year,
        band: record.band,
        reached: record.reached,
        figure,
        previousFigure,
        base,
        category,
        rate,
        rateText,
        uncapped,
        amount,
        ...(marginal === undefined ? {} : { marginal }),
      });
    },
  };
}

/** What one award paid, kept for its explanation (written when shown). */
export interface AwardParts {
  year: EnterpriseYear | null;
  previousYear: EnterpriseYear | null;
  grant: SupportGrant | null;
  techProject: TechProject | null;
  project: InvestmentProject | null;
  paidYear: number;
  /** The step paid and the highest reached (tiers), else −1. */
  band: number;
  reached: number;
  /** The figure compared (tiers) or the base of the percentage. */
  figure: Fen | null;
  previousFigure: Fen | null;
  base: Fen | null;
  category: string | null;
  rate: Rate | null;
  rateText: string | null;
  uncapped: Fen | null;
  amount: Fen | null;
  /** Marginal rates: the part of the figure in each band and its rate. */
  marginal?: readonly MarginalPart[];
}

/** State of one enterprise (or the project run) while a rule evaluates it. */
/** Identities paid kept side by side, compared one by one, before a map takes the rest. */
const FEW_PAID = 16;

class RuleState {
  crossed = 0;
  highest: Fen | undefined = undefined;
  readonly reachedCategories = new Map<string, number>();
  readonly paidCategories = new Set<string>();
  /**
   * What was paid in this run, by the part of its key that varies (see #consider), with the year
   * paid: side by side while few (an enterprise's grants), in a map beyond (the project rule's run).
   */
  readonly #paidIdentities: (string | number)[] = [];
  readonly #paidYears: number[] = [];
  #paidCount = 0;
  readonly #paidMore = new Map<string | number, number>();
  paid = false;
  explained = false;
  sawEvent = false;
  /** First-time tiers: the highest figure in a plan year, for the why-not when nothing was crossed. */
  planFigure: Fen | undefined = undefined;
  /** The year of that figure. */
  planFigureYear: EnterpriseYear | null = null;

  /** Something was put in the collections since the last reset: most enterprises put nothing. */
  #filled = false;

  reachedCategory(category: string, year: number): void {
    this.reachedCategories.set(category, year);
    this.#filled = true;
  }

  paidCategory(category: string): void {
    this.paidCategories.add(category);
    this.#filled = true;
  }

  paidKey(identity: string | number, year: number): void {
    if (this.#paidCount < FEW_PAID) {
      this.#paidIdentities[this.#paidCount] = identity;
      this.#paidYears[this.#paidCount] = year;
      this.#paidCount++;
      return;
    }
    this.#paidMore.set(identity, year);
    this.#filled = true;
  }

  /** The year `identity` was paid in this run, or undefined. */
  paidYearOf(identity: string | number): number | undefined {
    const count = this.#paidCount;
    for (let index = 0; index < count; index++)
      if (this.#paidIdentities[index] === identity) return this.#paidYears[index];
    return count < FEW_PAID ? undefined : this.#paidMore.get(identity);
  }

  reset(): void {
    this.crossed = 0;
    this.highest = undefined;
    this.#paidCount = 0;
    if (this.#filled) {
      this.reachedCategories.clear();
      this.paidCategories.clear();
      this.#paidMore.clear();
      this.#filled = false;
    }
    this.paid = false;
    this.explained = false;
    this.sawEvent = false;
    this.planFigure = undefined;
    this.planFigureYear = null;
  }
}

/**
 * The kind of yearly event without which the rule pays nothing (HAS_* bits): the engine skips an
 * enterprise without it when no why-nots are asked for. Only when that is certain: the award is
 * for a grant or tech project, or the event is one fact that an empty year does not satisfy.
 */
function eventNeeded(rule: CompiledFormula): number {
  if (rule.per === "grant") return HAS_GRANTS;
  if (rule.per === "techProject") return HAS_TECH_PROJECTS;
  const event = rule.event;
  if (event === null || event.reads.length !== 1) return 0;
  const bit = EVENT_BITS[event.reads[0]!.name];
  if (bit === undefined) return 0;
  const empty: FormulaScope = {
    year: { year: rule.meta.startYear },
    grant: null,
    techProject: null,
    project: null,
    plan: { startYear: 0n, endYear: 0n },
  };
  return event.missing(empty) === null && event.evaluate(empty) === false ? bit : 0;
}

const EVENT_BITS: Record<string, number> = {
  newlyAboveScale: HAS_NEW_SCALE,
  listedRegistrationMovedIn: HAS_LISTED_MOVE,
  top500SettledIn: HAS_TOP500,
  listing: HAS_LISTING,
};

/** Compiles a formula rule into the engine's evaluator. */
export function compileFormulaRule(rule: FormulaReward, tools: FormulaTools): FormulaRuleCompiled {
  const compiled = compileFormulaStructure(rule, tools);
  const words = formulaWords(compiled);
  const evaluator = new FormulaEvaluator(compiled, words);
  const outputRuleIds = [...new Set(compiled.steps.length > 0 ? compiled.steps.map((step) => step.ruleId) : [rule.id])];
  const id = rule.id;
  const perYear = compiled.keyShape === KEY_YEAR && rule.once === "enterprise";
  const priorKey = (prior: Exclude<PriorGrant, string>): string => {
    const code = prior.creditCode ?? "";
    switch (compiled.keyShape) {
      case KEY_ENTERPRISE:
        return `${id}|${code}`;
      case KEY_YEAR:
        return perYear && prior.year === undefined ? `${id}|${code}` : `${id}|${code}|${prior.year ?? ""}`;
      case KEY_YEAR_TIER:
        return `${id}|${code}|${prior.year ?? ""}|${canonicalDecimal(prior.tier ?? "")}`;
      case KEY_TIER:
        return `${id}|${code}|${canonicalDecimal(prior.tier ?? "")}`;
      case KEY_SUBJECT:
        return `${id}|${code}|${prior.subjectId ?? ""}`;
      default:
        return `${id}|${prior.subjectId ?? ""}`;
    }
  };
  if (compiled.per === "project")
    return { enterprise: null, project: evaluator.projectEvaluator(outputRuleIds), outputRuleIds, priorKey };
  return { enterprise: evaluator.enterpriseEvaluator(), project: null, outputRuleIds, priorKey };
}

/** A yes/no condition of the year read by name: 1 it holds, 0 it does not, −1 the fact is unknown. */
function flagHolds(year: EnterpriseYear, test: YearFlagTest): number {
  let value: boolean | undefined;
  switch (test.flag) {
    case "aboveScale":
      value = year.aboveScale;
      break;
    case "newlyAboveScale":
      value = year.newlyAboveScale;
      break;
    case "listedRegistrationMovedIn":
      value = year.listedRegistrationMovedIn;
      break;
    default:
      value = year.top500SettledIn;
  }
  if (value === undefined) {
    if (test.unknownWhenAbsent) return -1;
    value = false;
  }
  return value !== test.negated ? 1 : 0;
}

class FormulaEvaluator {
  readonly #rule: CompiledFormula;
  readonly #words: FormulaWords;
  readonly #scope: FormulaScope;
  readonly #state = new RuleState();
  readonly #award = new AwardAmount();
  /** Enterprise rules keep records and write them when shown; the project rule writes its own. */
  readonly #recordWording: ExplanationWording | null;
  readonly #beforeMetric: "revenue" | "tax" | null;
  /** Categories another is not paid after (stacking), checked against prior grants. */
  readonly #notAfter: readonly string[];
  /** An expression reads the year before (`previous.revenue`): its record keeps that year. */
  readonly #readsPrevious: boolean;
  /** A yearly rule with no event nor first-time tracking reads only the years that can pay. */
  readonly #planOnlyYears: boolean;
  /** The denominator every growth band's rate shares (written with as many decimals), else null. */
  readonly #growthDenominator: bigint | null;
  /** The growth bands' rates, numerators and denominators apart (empty without growth bands). */
  readonly #bandNumerators: readonly bigint[];
  readonly #bandDenominators: readonly bigint[];
  /** A rule of an event, a grant or a tech project without tiers, evaluated by #evaluateAwards when no why-nots are asked for. */
  readonly #awards: boolean;
  /** A rule of the yearly figures alone, evaluated by #evaluateYearly when no why-nots are asked for. */
  readonly #yearly: boolean;

  constructor(rule: CompiledFormula, words: FormulaWords) {
    this.#rule = rule;
    this.#words = words;
    // A record keeps the year and the year before: a rule reading further back writes its words at once.
    const readsFurtherBack = [rule.event, ...rule.when, rule.tiersOf, rule.category, rule.percentOf].some((compiled) =>
      compiled?.reads.some((read) => /^previous([23]\.|\.fact\.)/.test(read.name)),
    );
    this.#recordWording = rule.per === "project" || readsFurtherBack ? null : recordWording(rule, words);
    const metric = rule.tiersOf?.reads.length === 1 ? rule.tiersOf.reads[0]!.name : "";
    // A first-time tier of revenue or tax counts the highest figure before the years given.
    this.#beforeMetric =
      rule.tiersFirstTime && rule.growthOf === null && (metric === "revenue" || metric === "tax") ? metric : null;
    this.#notAfter = [...new Set([...rule.categories.values()].flatMap((category) => category.notAfter ?? []))];
    this.#readsPrevious = [rule.event, ...rule.when, rule.tiersOf, rule.category, rule.percentOf].some((compiled) =>
      compiled?.reads.some((read) => read.name.startsWith("previous.")),
    );
    this.#planOnlyYears = rule.per === "year" && rule.event === null && !rule.tiersFirstTime && !rule.categoryFirstTime;
    const denominators = new Set(rule.steps.map((step) => step.thresholdRate?.denominator ?? null));
    const [only] = denominators;
    this.#growthDenominator = rule.growthOf !== null && denominators.size === 1 && only != null ? only : null;
    const rates = rule.growthOf === null ? [] : rule.steps.map((step) => step.thresholdRate!);
    this.#bandNumerators = rates.map((rate) => rate.numerator);
    this.#bandDenominators = rates.map((rate) => rate.denominator);
    this.#awards =
      (rule.per === "year" || rule.per === "grant" || rule.per === "techProject") &&
      (rule.event === null || rule.event.yearFlag !== null) &&
      rule.steps.length === 0 &&
      !rule.categoryFirstTime &&
      rule.paidYear === null &&
      this.#recordWording !== null;
    this.#yearly =
      rule.per === "year" &&
      rule.event === null &&
      rule.category === null &&
      rule.paidYear === null &&
      rule.percentOf === null &&
      !rule.caseByCase &&
      !rule.marginal &&
      !rule.repeatable &&
      rule.steps.length > 0 &&
      rule.steps.every((step) => step.amount !== null) &&
      this.#recordWording !== null;
    // Every field set from the start: the scope keeps one shape, so the readers' lookups stay fast.
    this.#scope = {
      year: null,
      grant: null,
      techProject: null,
      project: null,
      plan: { startYear: BigInt(rule.meta.startYear), endYear: BigInt(rule.meta.endYear) },
      history: null,
      at: 0,
    };
  }

  enterpriseEvaluator(): EnterpriseRuleEvaluator {
    return {
      meta: this.#rule.meta,
      needs: eventNeeded(this.#rule),
      ...(this.#recordWording === null ? {} : { explanationWording: this.#recordWording }),
      evaluate: this.#yearly
        ? (enterprise, years, run) =>
            run.whyNots
              ? this.#evaluateEnterprise(enterprise, years, run)
              : this.#evaluateYearly(enterprise, years, run)
        : this.#awards
          ? (enterprise, years, run) =>
              run.whyNots
                ? this.#evaluateEnterprise(enterprise, years, run)
                : this.#evaluateAwards(enterprise, years, run)
          : (enterprise, years, run) => this.#evaluateEnterprise(enterprise, years, run),
    };
  }

  projectEvaluator(outputRuleIds: readonly string[]): ProjectRuleEvaluator {
    return {
      meta: this.#rule.meta,
      outputRuleIds,
      evaluateProjects: (projects, enterprises, run) => this.#evaluateProjects(projects, enterprises, run),
    };
  }

  #evaluateProjects(projects: readonly InvestmentProject[], enterprises: readonly EnterpriseHistory[], run: Run): void {
    const state = this.#state;
    const scope = this.#scope;
    state.reset();
    const withProjects = new Set<string>();
    for (const project of projects) {
      withProjects.add(project.creditCode);
      scope.project = project;
      this.#consider(project.creditCode, null, -1, null, project, run);
    }
    scope.project = null;
    if (!run.whyNots) return;
    for (const enterprise of enterprises) {
      if (withProjects.has(enterprise.creditCode)) continue;
      pushNonPayment(
        run,
        this.#rule.meta,
        this.#words.whyNot,
        enterprise.creditCode,
        "noEvent",
        null,
        undefined,
        NO_FACTS,
      );
    }
  }

  #evaluateEnterprise(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
    const rule = this.#rule;
    const state = this.#state;
    const scope = this.#scope;
    const code = enterprise.creditCode;
    state.reset();
    const beforeMetric = this.#beforeMetric;
    if (beforeMetric !== null) {
      const before = enterprise.before;
      const beforeMax = beforeMetric === "revenue" ? before?.maxRevenue : before?.maxTax;
      if (beforeMax !== undefined) {
        state.highest = beforeMax;
        state.crossed = this.#reachedCount(beforeMax, 0);
      }
    }
    if (this.#notAfter.length > 0 && !run.granted.isEmpty)
      for (const category of this.#notAfter)
        if (run.granted.has(`${rule.meta.id}|${code}|${category}`)) state.paidCategory(category);
    const planOnlyYears = this.#planOnlyYears;
    const eventFlag = rule.event?.yearFlag ?? null;
    for (let index = 0; index < years.length; index++) {
      const year = years[index]!;
      if (planOnlyYears && rule.planYearsOnly && (year.year < run.startYear || year.year > run.endYear)) continue;
      // A year without the rule's yes/no event considers nothing (whatever its grants or projects), and says nothing.
      if (eventFlag !== null && flagHolds(year, eventFlag) !== 1) continue;
      scope.year = year;
      scope.history = years;
      scope.at = index;
      if (rule.per === "year") {
        this.#consider(code, years, index, null, null, run);
      } else {
        const items = rule.per === "grant" ? year.grants : year.techProjects;
        if (items === undefined) continue;
        for (const item of items) {
          if (rule.per === "grant") scope.grant = item as SupportGrant;
          else scope.techProject = item as TechProject;
          this.#consider(code, years, index, item, null, run);
        }
        scope.grant = null;
        scope.techProject = null;
      }
    }
    scope.year = null;
    scope.history = null;
    if (!run.whyNots) return;
    if (planOnlyYears && rule.planYearsOnly) this.#missingPlanYears(code, years, run);
    if (state.paid || state.explained) return;
    if (rule.tiersFirstTime && state.sawEvent) {
      const next = rule.steps[state.crossed];
      if (next !== undefined && state.planFigure === undefined) {
        // No plan year gave the figure: it is missing for the plan's years, short of no tier in particular.
        const read = rule.tiersOf?.reads.length === 1 ? rule.tiersOf.reads[0]!.name : null;
        pushNonPayment(run, rule.meta, this.#words.whyNot, code, "missingFigure", null, undefined, NO_FACTS, {
          missing: read,
          nearestTier: next.label ?? next.shown,
        });
        return;
      }
      const figures: WhyNotFigures =
        next === undefined
          ? { figure: state.planFigure ?? null }
          : {
              figure: state.planFigure ?? null,
              nearestTier: next.label ?? next.shown,
              distance: state.planFigure === undefined ? null : next.threshold - state.planFigure,
            };
      // The figure closest to the next tier, in its year, with the facts of that year.
      const figureYear = state.planFigureYear;
      scope.year = figureYear;
      const facts = figureYear === null ? NO_FACTS : this.#words.facts(scope);
      scope.year = null;
      pushNonPayment(
        run,
        rule.meta,
        this.#words.whyNot,
        code,
        next === undefined ? "allTiersCrossedBefore" : "belowNextTier",
        next === undefined ? null : (figureYear?.year ?? null),
        undefined,
        facts,
        figures,
      );
      // A later plan year without the figure leaves the next tier undecided for that year.
      if (next !== undefined) this.#undecidedPlanYears(code, years, next, run);
      return;
    }
    pushNonPayment(run, rule.meta, this.#words.whyNot, code, "noEvent", null, undefined, NO_FACTS);
  }

  /**
   * A rule of the yearly figures alone (tiers of a figure, first time or not, or growth bands, each
   * step a fixed amount; no event, category, base or paid year of its own) when no why-nots are
   * asked for: the decisions of #consider, in its order, without the branches that only write
   * why-nots, and with the state of one enterprise in local variables. Apart from #consider so
   * that the code the engine compiles for it serves these few rules rather than every shape of rule
   * (./yearly-figures.test.ts and bench/rewards/stored-explanations.test.ts compare both ways).
   */
  #evaluateYearly(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
    const rule = this.#rule;
    const scope = this.#scope;
    const code = enterprise.creditCode;
    // The tiers crossed so far: a first-time tier counts the highest figure before the years given.
    let crossed = 0;
    const beforeMetric = this.#beforeMetric;
    if (beforeMetric !== null) {
      const before = enterprise.before;
      const beforeMax = beforeMetric === "revenue" ? before?.maxRevenue : before?.maxTax;
      if (beforeMax !== undefined) crossed = this.#reachedCount(beforeMax, 0);
    }
    const steps = rule.steps;
    const conditions = rule.when;
    const tiersOf = rule.tiersOf;
    const metric = rule.growthOf;
    const firstTime = rule.tiersFirstTime;
    const planYearsOnly = rule.planYearsOnly;
    const cap = rule.cap;
    const wording = this.#recordWording!;
    const figureOf = tiersOf?.valueOrUnknown ?? null;
    scope.history = years;
    for (let index = 0; index < years.length; index++) {
      const year = years[index]!;
      const inPlan = year.year >= run.startYear && year.year <= run.endYear;
      // A first-time tier counts every year the figure is known; other rules read the years that can pay.
      if (!firstTime && planYearsOnly && !inPlan) continue;
      scope.year = year;
      scope.at = index;
      let firstFrom = -1;
      let firstTo = -1;
      if (firstTime) {
        let value: Fen | undefined;
        if (figureOf !== null) {
          value = figureOf(scope);
          if (value === undefined) continue;
        } else {
          if (tiersOf!.missing(scope) !== null) continue;
          value = tiersOf!.evaluate(scope);
        }
        // Most years cross nothing new: the next tier alone decides that.
        const next = steps[crossed];
        if (next === undefined || !(rule.strict ? value > next.threshold : value >= next.threshold)) continue;
        const reached = this.#reachedCount(value, crossed + 1);
        firstFrom = crossed;
        firstTo = reached;
        crossed = reached;
      }
      if (planYearsOnly && !inPlan) continue;
      let met = true;
      for (let position = 0; position < conditions.length; position++) {
        const condition = conditions[position]!;
        const flag = condition.yearFlag;
        if (
          flag !== null ? flagHolds(year, flag) !== 1 : condition.missing(scope) !== null || !condition.evaluate(scope)
        ) {
          met = false;
          break;
        }
      }
      if (!met) continue;
      let from: number;
      let to: number;
      let previousYear: EnterpriseYear | null = null;
      if (firstTime) {
        from = rule.payEach ? firstFrom : firstTo - 1;
        to = firstTo;
      } else if (metric !== null) {
        const revenue = metric === "revenue";
        const current = revenue ? year.revenue : year.tax;
        if (current === undefined) continue;
        previousYear = index > 0 && years[index - 1]!.year === year.year - 1 ? years[index - 1]! : null;
        const previous = previousYear === null ? undefined : revenue ? previousYear.revenue : previousYear.tax;
        if (previous === undefined || previous === 0n) continue;
        const reached = this.#growthBand(current, previous);
        if (reached < 0) continue;
        from = rule.payEach ? 0 : reached;
        to = reached + 1;
      } else {
        if (tiersOf!.missing(scope) !== null) continue;
        const reached = this.#reachedCount(tiersOf!.evaluate(scope), 0);
        if (reached === 0) continue;
        from = rule.payEach ? 0 : reached - 1;
        to = reached;
      }
      const paidYear = year.year;
      for (let band = from; band < to; band++) {
        const step = steps[band]!;
        const amount = cap !== null && step.amount! > cap ? cap : step.amount!;
        if (amount === 0n) continue;
        const tier = step.label;
        if (previousYear === null && this.#readsPrevious) previousYear = yearBefore(scope, 1) ?? null;
        if (!run.granted.isEmpty) {
          const granted = rule.oncePerEnterprise
            ? run.granted.hasAnyForEnterprise(rule.meta.id, code)
            : run.granted.has(entitlementKey(rule.meta.id, rule.keyShape, code, tier, paidYear, undefined));
          if (granted) continue;
        }
        pushEntitlement(
          run,
          rule.meta,
          rule.keyShape,
          code,
          step.ruleId,
          tier,
          paidYear,
          amount,
          undefined,
          run.explain ? explanationRecord(rule.meta, wording, year, previousYear, band, to - 1, null) : undefined,
        );
      }
    }
    scope.year = null;
    scope.history = null;
  }

  /**
   * A rule paying for an event, a grant or a tech project, without tiers (a fixed amount, by
   * category, a percentage, case by case; no first-time category, no paid year of its own), when no
   * why-nots are asked for: the decisions of #consider, in its order, without the branches that
   * only write why-nots. Apart from #consider for the same reason as #evaluateYearly; compared
   * with the full way by bench/rewards/stored-explanations.test.ts and ./yearly-figures.test.ts.
   */
  #evaluateAwards(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
    const rule = this.#rule;
    const state = this.#state;
    const scope = this.#scope;
    const code = enterprise.creditCode;
    state.reset();
    const notAfter = this.#notAfter;
    if (notAfter.length > 0 && !run.granted.isEmpty)
      for (const category of notAfter)
        if (run.granted.has(`${rule.meta.id}|${code}|${category}`)) state.paidCategory(category);
    const per = rule.per;
    const eventFlag = rule.event?.yearFlag ?? null;
    const conditions = rule.when;
    const wording = this.#recordWording!;
    scope.history = years;
    for (let index = 0; index < years.length; index++) {
      const year = years[index]!;
      const paidYear = year.year;
      const inPlan = paidYear >= run.startYear && paidYear <= run.endYear;
      // Only plan years pay: a year outside them, of a rule with no event, is passed over (#planOnlyYears).
      if (rule.planYearsOnly && !inPlan && per === "year" && eventFlag === null) continue;
      if (eventFlag !== null && flagHolds(year, eventFlag) !== 1) continue;
      scope.year = year;
      scope.at = index;
      if (per === "year") this.#awardOne(code, years, index, null, paidYear, inPlan, conditions, wording, run);
      else {
        const items = per === "grant" ? year.grants : year.techProjects;
        if (items === undefined) continue;
        for (let at = 0; at < items.length; at++) {
          const item = items[at]!;
          if (per === "grant") scope.grant = item as SupportGrant;
          else scope.techProject = item as TechProject;
          this.#awardOne(code, years, index, item, paidYear, inPlan, conditions, wording, run);
        }
        scope.grant = null;
        scope.techProject = null;
      }
    }
    scope.year = null;
    scope.history = null;
  }

  /** One subject of #evaluateAwards (the year, a grant or a tech project), in the scope already. */
  #awardOne(
    code: string,
    years: readonly EnterpriseYear[],
    index: number,
    item: SupportGrant | TechProject | null,
    paidYear: number,
    inPlan: boolean,
    conditions: readonly CompiledExpression<boolean>[],
    wording: ExplanationWording,
    run: Run,
  ): void {
    const rule = this.#rule;
    const state = this.#state;
    const scope = this.#scope;
    let category: string | null = null;
    if (rule.category !== null) {
      if (rule.category.missing(scope) !== null) return;
      category = rule.category.evaluate(scope);
    }
    if (rule.planYearsOnly && !inPlan) return;
    for (let position = 0; position < conditions.length; position++) {
      const condition = conditions[position]!;
      const flag = condition.yearFlag;
      if (
        flag !== null
          ? flagHolds(years[index]!, flag) !== 1
          : condition.missing(scope) !== null || !condition.evaluate(scope)
      )
        return;
    }
    let categoryRule: CompiledCategory | undefined;
    if (category !== null) {
      categoryRule = rule.categories.get(category);
      if (categoryRule === undefined) return;
      if (categoryRule.notAfter !== null && state.paidCategories.has(categoryRule.notAfter)) return;
    }
    let base: Fen | null = null;
    if (rule.percentOf !== null) {
      if (rule.percentOf.missing(scope) !== null) return;
      base = rule.percentOf.evaluate(scope);
    }
    const amount = awardAmount(this.#award, rule, null, categoryRule, base).amount;
    const tier = category !== null ? (rule.categoryTierIsRate ? categoryRule!.rateText : category) : null;
    if (amount === 0n) return;
    const subjectId = item?.id;
    if (!run.granted.isEmpty) {
      const granted = rule.oncePerEnterprise
        ? run.granted.hasAnyForEnterprise(rule.meta.id, code)
        : run.granted.has(entitlementKey(rule.meta.id, rule.keyShape, code, tier, paidYear, subjectId));
      if (granted) return;
    }
    if (rule.repeatable) {
      const identity =
        rule.keyShape === KEY_SUBJECT || rule.keyShape === KEY_PROJECT
          ? (subjectId ?? "")
          : rule.keyShape === KEY_TIER
            ? (tier ?? "")
            : rule.keyShape === KEY_YEAR
              ? paidYear
              : "";
      if (state.paidYearOf(identity) !== undefined) return;
      state.paidKey(identity, paidYear);
    }
    if (category !== null && this.#notAfter.length > 0) state.paidCategory(category);
    const previousYear = this.#readsPrevious ? (yearBefore(scope, 1) ?? null) : null;
    pushEntitlement(
      run,
      rule.meta,
      rule.keyShape,
      code,
      rule.meta.id,
      tier,
      paidYear,
      amount,
      subjectId,
      run.explain ? explanationRecord(rule.meta, wording, years[index]!, previousYear, -1, -2, item) : undefined,
    );
  }

  /** A plan year the enterprise has no figures for cannot be assessed: said, year by year. */
  /**
   * First-time tiers: each plan year after the first one with the figure whose figure is missing, with the tier it
   * leaves undecided (years before the enterprise's first figure are before it reported at all).
   */
  #undecidedPlanYears(code: string, years: readonly EnterpriseYear[], next: CompiledStep, run: Run): void {
    const tiersOf = this.#rule.tiersOf!;
    const read = tiersOf.reads.length === 1 ? tiersOf.reads[0]!.name : null;
    const scope = this.#scope;
    let index = 0;
    let reported = false;
    for (let year = run.startYear; year <= run.endYear; year++) {
      while (index < years.length && years[index]!.year < year) index++;
      const row = index < years.length && years[index]!.year === year ? years[index]! : null;
      if (row !== null) {
        scope.year = row;
        scope.at = index;
        const missing = tiersOf.missing(scope);
        scope.year = null;
        if (missing === null) {
          reported = true;
          continue;
        }
      }
      if (!reported) continue;
      pushNonPayment(run, this.#rule.meta, this.#words.whyNot, code, "missingFigure", year, undefined, NO_FACTS, {
        missing: read,
        nearestTier: next.label ?? next.shown,
      });
    }
  }

  #missingPlanYears(code: string, years: readonly EnterpriseYear[], run: Run): void {
    let index = 0;
    for (let year = run.startYear; year <= run.endYear; year++) {
      while (index < years.length && years[index]!.year < year) index++;
      if (index < years.length && years[index]!.year === year) continue;
      this.#state.explained = true;
      pushNonPayment(run, this.#rule.meta, this.#words.whyNot, code, "missingFigure", year, undefined, NO_FACTS, {
        missing: "year",
      });
    }
  }

  /**
   * The highest growth band reached from `previous` to `current` (−1: none), by cross-multiplying:
   * (current − previous) × denominator against numerator × previous, exact in BigInt.
   */
  #growthBand(current: Fen, previous: Fen): number {
    const numerators = this.#bandNumerators;
    const denominators = this.#bandDenominators;
    const strict = this.#rule.strict;
    const diff = current - previous;
    const shared = this.#growthDenominator;
    // Bands sharing a denominator need one product for the increase, not one per band.
    const sharedLeft = shared === null ? 0n : diff * shared;
    for (let band = numerators.length - 1; band >= 0; band--) {
      const left = shared === null ? diff * denominators[band]! : sharedLeft;
      const right = numerators[band]! * previous;
      if (strict ? left > right : left >= right) return band;
    }
    return -1;
  }

  /** The number of steps a figure reaches (steps ascending), from `from` on. */
  #reachedCount(value: Fen, from: number): number {
    const steps = this.#rule.steps;
    const strict = this.#rule.strict;
    let reached = from;
    while (reached < steps.length && (strict ? value > steps[reached]!.threshold : value >= steps[reached]!.threshold))
      reached++;
    return reached;
  }

  #notPaid(
    run: Run,
    code: string,
    reason: NonPaymentReason,
    year: number | null,
    subjectId: string | undefined,
    figures?: WhyNotFigures,
    wording?: WhyNotWording,
  ): void {
    this.#state.explained = true;
    if (!run.whyNots) return;
    pushNonPayment(
      run,
      this.#rule.meta,
      wording ?? this.#words.whyNot,
      code,
      reason,
      year,
      subjectId,
      this.#words.facts(this.#scope),
      figures,
    );
  }

  /**
   * What a subject whose paid year is not known yet (a project not in production) would be paid once it is, from its
   * figures now: null where that is not certain — a condition fails or is missing, the award rests on a category, a
   * first time or a growth, or a figure it needs is missing.
   */
  #amountOnceDue(): Fen | null {
    const rule = this.#rule;
    const scope = this.#scope;
    if (rule.caseByCase || rule.category !== null || rule.tiersFirstTime || rule.growthOf !== null) return null;
    for (const condition of rule.when) if (condition.missing(scope) !== null || !condition.evaluate(scope)) return null;
    let base: Fen | null = null;
    if (rule.percentOf !== null) {
      if (rule.percentOf.missing(scope) !== null) return null;
      base = rule.percentOf.evaluate(scope);
    }
    if (rule.steps.length === 0) return awardAmount(this.#award, rule, null, undefined, base).amount;
    if (rule.tiersOf!.missing(scope) !== null) return null;
    const figure = rule.tiersOf!.evaluate(scope);
    const reached = this.#reachedCount(figure, 0);
    if (reached === 0) return null;
    let total = 0n;
    for (let band = rule.payEach ? 0 : reached - 1; band < reached; band++)
      total += awardAmount(this.#award, rule, rule.steps[band]!, undefined, base, figure).amount ?? 0n;
    return total > 0n ? total : null;
  }

  /** One subject (an enterprise-year, a grant, a tech project or an investment project). */
  #consider(
    code: string,
    years: readonly EnterpriseYear[] | null,
    index: number,
    item: SupportGrant | TechProject | null,
    project: InvestmentProject | null,
    run: Run,
  ): void {
    const rule = this.#rule;
    const state = this.#state;
    const scope = this.#scope;
    const year = index < 0 ? null : years![index]!;
    const subjectId = item?.id ?? project?.id;
    if (rule.event !== null && (rule.event.missing(scope) !== null || !rule.event.evaluate(scope))) return;
    state.sawEvent = true;

    // First time ever: tracked over every year the figure or category is known, paid only when allowed.
    let firstFrom = -1;
    let firstTo = -1;
    let category: string | null = null;
    if (rule.tiersFirstTime) {
      if (rule.tiersOf!.missing(scope) !== null) return;
      const value = rule.tiersOf!.evaluate(scope);
      const inPlanYear = year !== null && year.year >= run.startYear && year.year <= run.endYear;
      if (inPlanYear && (state.planFigure === undefined || value > state.planFigure)) {
        state.planFigure = value;
        state.planFigureYear = year;
      }
      const reached = this.#reachedCount(value, state.crossed);
      if (state.highest === undefined || value > state.highest) state.highest = value;
      if (reached === state.crossed) return;
      firstFrom = state.crossed;
      firstTo = reached;
      state.crossed = reached;
    }
    if (rule.category !== null) {
      if (rule.category.missing(scope) !== null) return;
      category = rule.category.evaluate(scope);
      if (rule.categoryFirstTime) {
        const before = state.reachedCategories.get(category);
        if (before !== undefined) {
          if (year !== null && year.year >= run.startYear && year.year <= run.endYear)
            this.#notPaid(run, code, "reachedBefore", year.year, category, { otherYear: before });
          return;
        }
        state.reachedCategory(category, year?.year ?? 0);
      }
    }

    let paidYear: number;
    if (rule.paidYear !== null) {
      const missing = rule.paidYear.missing(scope);
      if (missing !== null) {
        const amountDue = run.whyNots ? this.#amountOnceDue() : null;
        this.#notPaid(run, code, "missingFigure", year?.year ?? null, subjectId, { missing, amountDue });
        return;
      }
      paidYear = Number(rule.paidYear.evaluate(scope));
    } else paidYear = year!.year;
    if (rule.planYearsOnly && (paidYear < run.startYear || paidYear > run.endYear)) {
      if (rule.event !== null || rule.per !== "year" || firstTo >= 0 || category !== null)
        this.#notPaid(run, code, "outsidePlanPeriod", paidYear, subjectId ?? category ?? undefined);
      return;
    }
    const conditions = rule.when;
    for (let position = 0; position < conditions.length; position++) {
      const condition = conditions[position]!;
      const missing = condition.missing(scope);
      if (missing !== null) {
        this.#notPaid(run, code, "missingFigure", paidYear, subjectId, { missing });
        return;
      }
      if (!condition.evaluate(scope)) {
        this.#notPaid(
          run,
          code,
          "conditionNotMet",
          paidYear,
          subjectId,
          undefined,
          this.#words.conditionWhyNot[position],
        );
        return;
      }
    }

    // The steps paid, and the figures they rest on.
    let from = -1;
    let to = -1;
    let figure: Fen | null = null;
    let previousFigure: Fen | null = null;
    let previousYear: EnterpriseYear | null = null;
    if (rule.steps.length > 0) {
      if (rule.tiersFirstTime) {
        from = rule.payEach ? firstFrom : firstTo - 1;
        to = firstTo;
        figure = rule.tiersOf!.evaluate(scope);
        if (!rule.payEach && run.whyNots)
          for (let lower = firstFrom; lower < firstTo - 1; lower++) {
            const step = rule.steps[lower]!;
            this.#notPaid(run, code, "sameYearLowerTier", paidYear, step.label ?? undefined, { figure });
          }
      } else if (rule.growthOf !== null) {
        const metric = rule.growthOf;
        const current = year![metric];
        if (current === undefined) {
          this.#notPaid(run, code, "missingFigure", paidYear, subjectId, { missing: metric });
          return;
        }
        previousYear = index > 0 && years![index - 1]!.year === year!.year - 1 ? years![index - 1]! : null;
        const previous = previousYear?.[metric];
        if (previous === undefined || previous === 0n) {
          this.#notPaid(
            run,
            code,
            previous === undefined && metric === "revenue"
              ? "previousRevenueMissing"
              : previous === 0n && metric === "revenue"
                ? "previousRevenueZero"
                : "missingFigure",
            paidYear,
            subjectId,
            { figure: current, previousFigure: previous ?? null, missing: `previous.${metric}` },
          );
          return;
        }
        figure = current;
        previousFigure = previous;
        const reached = this.#growthBand(current, previous);
        if (reached < 0) {
          this.#notPaid(run, code, "belowLowestBand", paidYear, subjectId, {
            figure: current,
            previousFigure: previous,
            nearestTier: rule.steps[0]!.label ?? rule.steps[0]!.shown,
          });
          return;
        }
        from = rule.payEach ? 0 : reached;
        to = reached + 1;
      } else {
        const missing = rule.tiersOf!.missing(scope);
        if (missing !== null) {
          this.#notPaid(run, code, "missingFigure", paidYear, subjectId, { missing });
          return;
        }
        figure = rule.tiersOf!.evaluate(scope);
        const reached = this.#reachedCount(figure, 0);
        if (reached === 0) {
          const lowest = rule.steps[0]!;
          this.#notPaid(run, code, "belowLowestBand", paidYear, subjectId, {
            figure,
            nearestTier: lowest.label ?? lowest.shown,
            distance: lowest.threshold - figure,
          });
          return;
        }
        from = rule.payEach ? 0 : reached - 1;
        to = reached;
      }
    }

    let categoryRule: CompiledCategory | undefined;
    if (category !== null) {
      categoryRule = rule.categories.get(category);
      if (categoryRule === undefined) {
        this.#notPaid(run, code, "levelNotCovered", paidYear, subjectId ?? category, { category });
        return;
      }
      if (categoryRule.notAfter !== null && state.paidCategories.has(categoryRule.notAfter)) {
        this.#notPaid(run, code, "stackingExcluded", paidYear, subjectId ?? category, { category });
        return;
      }
    }

    let base: Fen | null = null;
    if (rule.percentOf !== null) {
      const missing = rule.percentOf.missing(scope);
      if (missing !== null) {
        this.#notPaid(run, code, "missingFigure", paidYear, subjectId, { missing });
        return;
      }
      base = rule.percentOf.evaluate(scope);
    }

    const count = to < 0 ? 1 : to - from;
    for (let offset = 0; offset < count; offset++) {
      const band = to < 0 ? -1 : from + offset;
      const step = band < 0 ? null : rule.steps[band]!;
      const { amount, uncapped, rate, rateText, marginal } = awardAmount(
        this.#award,
        rule,
        step,
        categoryRule,
        base,
        figure,
        previousFigure,
      );
      const tier =
        step !== null
          ? step.label
          : category !== null
            ? rule.categoryTierIsRate
              ? categoryRule!.rateText
              : category
            : null;
      if (amount === 0n) {
        this.#notPaid(run, code, "zeroAmount", paidYear, subjectId, { category });
        continue;
      }
      const ruleId = step?.ruleId ?? rule.meta.id;
      if (previousYear === null && this.#readsPrevious) previousYear = yearBefore(scope, 1) ?? null;
      // The key is formed only when a prior grant can stop the award; a repeat in this run is
      // found by the part of the key that can differ within one enterprise (or project run).
      if (!run.granted.isEmpty) {
        const granted = rule.oncePerEnterprise
          ? run.granted.hasAnyForEnterprise(rule.meta.id, code)
          : run.granted.has(entitlementKey(rule.meta.id, rule.keyShape, code, tier, paidYear, subjectId));
        if (granted) {
          this.#notPaid(run, code, "alreadyGranted", paidYear, subjectId ?? tier ?? undefined);
          continue;
        }
      }
      if (rule.repeatable) {
        // The project rule's run spans every enterprise: other than per project, its key is whole.
        const identity =
          rule.per === "project" && rule.keyShape !== KEY_PROJECT
            ? entitlementKey(rule.meta.id, rule.keyShape, code, tier, paidYear, subjectId)
            : rule.keyShape === KEY_SUBJECT || rule.keyShape === KEY_PROJECT
              ? (subjectId ?? "")
              : rule.keyShape === KEY_TIER
                ? (tier ?? "")
                : rule.keyShape === KEY_YEAR
                  ? paidYear
                  : "";
        const paidBefore = state.paidYearOf(identity);
        if (paidBefore !== undefined) {
          this.#notPaid(run, code, "alreadyPaidInPlan", paidYear, subjectId ?? tier ?? undefined, {
            otherYear: paidBefore,
          });
          continue;
        }
        state.paidKey(identity, paidYear);
      }
      // Kept only where a category is not paid after another (不重复享受): nothing else reads them.
      if (category !== null && this.#notAfter.length > 0) state.paidCategory(category);
      state.paid = true;
      pushEntitlement(
        run,
        rule.meta,
        rule.keyShape,
        code,
        ruleId,
        tier,
        paidYear,
        amount,
        subjectId,
        run.explain
          ? this.#recordWording !== null
            ? explanationRecord(rule.meta, this.#recordWording, year!, previousYear, band, to - 1, item)
            : new FormulaExplanationRecord(this.#words, {
                year,
                previousYear,
                grant: null,
                techProject: null,
                project,
                paidYear,
                band,
                reached: to - 1,
                figure,
                previousFigure,
                base,
                category,
                rate,
                rateText,
                uncapped,
                amount,
                ...(marginal === undefined ? {} : { marginal }),
              })
          : undefined,
      );
    }
  }
}
