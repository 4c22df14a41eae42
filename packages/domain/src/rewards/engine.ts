/**
 * The rewards engine (免申即享): evaluates every reward rule of a plan over enterprise
 * histories and investment projects, and says for each entitlement why it is paid and for
 * each enterprise × rule that pays nothing why not. Rules are data (plan file); this module
 * turns each rule into an evaluator once (thresholds in fen, rates as fractions, parameters
 * resolved), then runs them over the enterprises.
 */

import { type Fen, parseYuan } from "../money";
import type { PlanFile, PlanParameter, RewardRule } from "../plan/schema";
import { yearRangeZh } from "./format";
import { GrantedIndex } from "./granted";
import { type EnterpriseRuleEvaluator, eventsOf, type ProjectRuleEvaluator, type RuleMeta, type Run } from "./internal";
import { declaredFactLookup } from "./language/declared-facts";
import { type AwardFinalizer, compileAwardFinalizer } from "./language/finalize";
import { type AwardLimits, compileAwardLimits } from "./language/limits";
import { compileFormulaRule, FormulaRuleError } from "./language/rule";
import type {
  EnterpriseYear,
  EvaluateOptions,
  ExplanationParameter,
  PriorGrant,
  RewardInput,
  RewardResult,
} from "./types";

/** A plan rule the engine cannot run (a parameter missing or of the wrong value). */
export class RewardPlanError extends Error {}

type ParameterValue = string | boolean | number;

export interface CompiledRewardPlan {
  readonly planId: string;
  readonly startYear: number;
  readonly endYear: number;
  readonly enterpriseRules: readonly EnterpriseRuleEvaluator[];
  readonly projectRules: readonly ProjectRuleEvaluator[];
  /** Every rule id an entitlement can carry, in plan order (R-PROJ-50, R-PROJ-20, R-500, …). */
  readonly outputRuleIds: readonly string[];
  /** Limits across one enterprise's awards (per year, 就高不重复, a cap on their sum); null when the plan has none. */
  readonly awardLimits?: AwardLimits | null;
  /** The rules' yearly budgets over all enterprises and the shortfalls deducted, after a run; null when none. */
  readonly awardFinalizer?: AwardFinalizer | null;
  /** The entitlement key of a prior grant, or null when it names no rule of this plan. */
  priorGrantKey(prior: PriorGrant): string | null;
}

/**
 * Prepares a plan's reward rules for evaluation: thresholds to fen, rates to fractions,
 * parameters resolved (with `parameterOverrides` taking precedence over the plan's values).
 * Throws RewardPlanError naming the rule and parameter when the plan cannot be run.
 */
export function compileRewardPlan(
  plan: PlanFile,
  parameterOverrides: Readonly<Record<string, ParameterValue>> = {},
): CompiledRewardPlan {
  const parametersById = new Map<string, PlanParameter>(plan.parameters.map((parameter) => [parameter.id, parameter]));
  const enterpriseRules: EnterpriseRuleEvaluator[] = [];
  const projectRules: ProjectRuleEvaluator[] = [];
  const outputRuleIds: string[] = [];
  const priorKeyBuilders = new Map<string, (prior: Exclude<PriorGrant, string>) => string>();

  const parameter = (rule: RewardRule, id: string): { value: ParameterValue; shown: ExplanationParameter } => {
    const declared = parametersById.get(id);
    if (declared === undefined)
      throw new RewardPlanError(`奖励规则 ${rule.id}（条款 ${rule.clause}）引用的参数 ${id} 在方案参数中不存在`);
    const value = Object.hasOwn(parameterOverrides, id) ? (parameterOverrides[id] as ParameterValue) : declared.value;
    return {
      value,
      shown: { id, value, description: declared.description, descriptionEn: declared.descriptionEn },
    };
  };
  const choice = <T extends string>(rule: RewardRule, id: string, allowed: readonly T[]) => {
    const { value, shown } = parameter(rule, id);
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value))
      throw new RewardPlanError(
        `奖励规则 ${rule.id} 的参数 ${id} 取值 ${JSON.stringify(value)} 无效（允许：${allowed.join("、")}）`,
      );
    return { value: value as T, shown };
  };
  const flag = (rule: RewardRule, id: string) => {
    const { value, shown } = parameter(rule, id);
    if (typeof value === "boolean") return { value, shown };
    if (value === "true" || value === "false") return { value: value === "true", shown };
    throw new RewardPlanError(`奖励规则 ${rule.id} 的参数 ${id} 应为 true 或 false，实为 ${JSON.stringify(value)}`);
  };
  const money = (rule: RewardRule, field: string, text: string): Fen => {
    try {
      return parseYuan(text);
    } catch {
      throw new RewardPlanError(`奖励规则 ${rule.id} 的 ${field} 不是金额：${text}`);
    }
  };
  const { startYear, endYear } = plan.period;
  const yearsZh = yearRangeZh(startYear, endYear);
  const yearsEn = `${startYear}–${endYear}`;
  const meta = (rule: RewardRule, parameters: ExplanationParameter[]): RuleMeta => ({
    id: rule.id,
    clause: rule.clause,
    quote: rule.quote,
    parameters,
    startYear,
    endYear,
    yearsZh,
    yearsEn,
  });
  const declaredFacts = declaredFactLookup(plan.facts);

  // Every rule is in the rule language (decision 010): the loader expands the shorthand kinds of earlier versions.
  for (const rule of plan.rewards) {
    let formula: ReturnType<typeof compileFormulaRule>;
    try {
      formula = compileFormulaRule(rule, {
        declaredFacts,
        meta: (shown) => meta(rule, shown),
        parameter: (id) => parameter(rule, id),
        choice: (id, allowed) => choice(rule, id, allowed),
        flag: (id) => flag(rule, id),
        money: (field, text) => money(rule, field, text),
      });
    } catch (error) {
      if (error instanceof FormulaRuleError)
        throw new RewardPlanError(`奖励规则 ${rule.id}（条款 ${rule.clause}）的 ${error.field}：${error.message}`);
      throw error;
    }
    if (formula.enterprise !== null) enterpriseRules.push(formula.enterprise);
    if (formula.project !== null) projectRules.push(formula.project);
    outputRuleIds.push(...formula.outputRuleIds);
    for (const id of new Set([rule.id, ...formula.outputRuleIds])) priorKeyBuilders.set(id, formula.priorKey);
  }

  return {
    planId: plan.id,
    awardLimits: compileAwardLimits(plan, (id) => enterpriseRules.find((rule) => rule.meta.id === id)?.meta),
    awardFinalizer: compileAwardFinalizer(
      plan,
      { parameter, money },
      (id) => [...enterpriseRules, ...projectRules].find((rule) => rule.meta.id === id)?.meta,
    ),
    startYear: plan.period.startYear,
    endYear: plan.period.endYear,
    enterpriseRules,
    projectRules,
    outputRuleIds,
    priorGrantKey(prior: PriorGrant): string | null {
      if (typeof prior === "string") return prior;
      const build = priorKeyBuilders.get(prior.ruleId);
      return build ? build(prior) : null;
    },
  };
}

function isCompiled(plan: PlanFile | CompiledRewardPlan): plan is CompiledRewardPlan {
  return "enterpriseRules" in plan;
}

function sortedYears(years: readonly EnterpriseYear[]): readonly EnterpriseYear[] {
  for (let index = 1; index < years.length; index++) {
    if (years[index - 1]!.year > years[index]!.year) return [...years].sort((a, b) => a.year - b.year);
  }
  return years;
}

/**
 * Evaluates every reward rule of the plan over the input. Returns the entitlements (one per
 * payable event, each with its explanation unless `options.explain` is false) and, when
 * explaining and `options.whyNots` is not false, a "why not" for every enterprise × rule that
 * paid nothing and for every grant, tech project, investment project or crossing that did not
 * pay. Only plan years produce
 * entitlements, except R-PROJ, paid in the production year. `input.alreadyGranted` lists
 * one-time rewards paid before; those events are not paid again.
 *
 * `plan` may be a compiled plan (compileRewardPlan) to reuse across calls; parameter
 * overrides in `options` then have no effect.
 */
export function evaluateRewards(
  plan: PlanFile | CompiledRewardPlan,
  input: RewardInput,
  options: EvaluateOptions = {},
): RewardResult {
  const compiled = isCompiled(plan) ? plan : compileRewardPlan(plan, options.parameters);
  const granted = new GrantedIndex();
  for (const prior of input.alreadyGranted ?? []) {
    const key = compiled.priorGrantKey(prior);
    if (key !== null) granted.add(key);
  }
  const explain = options.explain !== false;
  const run: Run = {
    explain,
    whyNots: explain && options.whyNots !== false,
    startYear: compiled.startYear,
    endYear: compiled.endYear,
    granted,
    entitlements: [],
    nonPayments: [],
    revenueYuan: [],
    revenueFacts: [],
  };
  const rules = compiled.enterpriseRules;
  const limits = compiled.awardLimits;
  const ruleCount = rules.length;
  const whyNots = run.whyNots;
  for (const enterprise of input.enterprises) {
    const years = sortedYears(enterprise.years);
    // Without why-nots, a rule paying for an event the enterprise never had has nothing to do.
    const events = whyNots ? -1 : eventsOf(years);
    if (explain) {
      // Overwritten rather than truncated: setting an array's length is a slow runtime call.
      const cached = Math.max(run.revenueYuan.length, run.revenueFacts.length);
      for (let index = 0; index < cached; index++) {
        run.revenueYuan[index] = undefined;
        run.revenueFacts[index] = undefined;
      }
    }
    const firstOfEnterprise = run.entitlements.length;
    for (let index = 0; index < ruleCount; index++) {
      const rule = rules[index]!;
      if (rule.needs === 0 || (events & rule.needs) !== 0) rule.evaluate(enterprise, years, run);
    }
    if (limits != null) limits.apply(run, firstOfEnterprise, years);
  }
  const projects = input.projects ?? [];
  for (const rule of compiled.projectRules) rule.evaluateProjects(projects, input.enterprises, run);
  const finalizer = compiled.awardFinalizer;
  if (finalizer != null && options.finalize !== false) {
    const nonPayments = run.whyNots ? run.nonPayments : undefined;
    const finished = finalizer.apply(run.entitlements, { shortfalls: input.shortfalls ?? [], nonPayments });
    return { entitlements: finished.entitlements, nonPayments: run.nonPayments };
  }
  return { entitlements: run.entitlements, nonPayments: run.nonPayments };
}

/**
 * The compiled plan narrowed to one plan rule: what that rule says of each enterprise (its awards before the limits
 * across rules, its why-nots), for reading one rule over a whole district without running the others.
 */
export function compiledRuleOnly(plan: CompiledRewardPlan, ruleId: string): CompiledRewardPlan {
  return {
    ...plan,
    enterpriseRules: plan.enterpriseRules.filter((rule) => rule.meta.id === ruleId),
    projectRules: plan.projectRules.filter((rule) => rule.meta.id === ruleId),
    awardLimits: null,
    awardFinalizer: null,
  };
}
