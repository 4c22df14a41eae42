/**
 * Policy simulation (政策测算): a scenario is the active plan with a set of changes to its reward rules — an
 * amount, a tier, a rate, a threshold, a parameter, a rule added or removed. The changed plan is validated as the
 * loader validates a plan file and compiled by the same engine as the batches; the difference between the
 * baseline's entitlements and the scenario's is then read per enterprise, rule and year.
 */
import { PlanValidationError, validatePlan } from "../plan/load";
import type { PlanFile } from "../plan/schema";
import { type CompiledRewardPlan, compileRewardPlan, evaluateRewards, RewardPlanError } from "./engine";
import { FormulaRuleError } from "./language/rule";
import type { RewardInput } from "./types";

export type ScenarioValue = string | number | boolean | null | ScenarioValue[] | { [key: string]: ScenarioValue };

/** One change of a scenario. `path` in `set` is the field inside the rule, dotted, indices as numbers: `tiers.steps.3.amount`. */
export type ScenarioChange =
  | { op: "set"; ruleId: string; path: string; value: ScenarioValue }
  | { op: "parameter"; parameterId: string; value: string | boolean }
  | { op: "addRule"; rule: { [key: string]: ScenarioValue } }
  | { op: "removeRule"; ruleId: string };

/** A problem of a scenario's changes: `path` names the change (`changes[1].value`), the message says where in the plan. */
export interface ScenarioProblem {
  path: string;
  message: string;
}

export class ScenarioChangeError extends Error {
  readonly problems: ScenarioProblem[];
  constructor(problems: ScenarioProblem[]) {
    super(
      `测算方案的调整未通过校验（${problems.length} 处）：${problems.map((problem) => problem.message).join("；")}`,
    );
    this.name = "ScenarioChangeError";
    this.problems = problems;
  }
}

export interface AppliedScenario {
  plan: PlanFile;
  compiled: CompiledRewardPlan;
}

const SCENARIO_FILE = "测算方案";

/** A deep copy of JSON data (a plan is plain JSON-serialisable data). */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function segmentsOf(path: string): (string | number)[] {
  return path
    .split(".")
    .filter((segment) => segment !== "")
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** `tiers.steps.3.amount` as the loader writes paths: `tiers.steps[3].amount`. */
export function displayRulePath(path: string): string {
  let text = "";
  for (const segment of segmentsOf(path)) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text ? `.${segment}` : segment;
  }
  return text;
}

/**
 * The plan with the changes applied, validated as a plan file is and compiled by the engine. Throws
 * ScenarioChangeError naming each faulty change and the plan path in Chinese.
 */
export function applyScenario(plan: PlanFile, changes: readonly ScenarioChange[]): AppliedScenario {
  const draft = jsonCopy(plan) as unknown as {
    rewards: Record<string, unknown>[];
    parameters: Record<string, unknown>[];
  };
  const problems: ScenarioProblem[] = [];
  /** The last change touching each rule id: the plan's complaints about that rule are laid at its door. */
  const changeOfRule = new Map<string, number>();
  const changeOfParameter = new Map<string, number>();
  changes.forEach((change, index) => {
    const at = `changes[${index}]`;
    switch (change.op) {
      case "set": {
        const rule = draft.rewards.find((candidate) => candidate.id === change.ruleId);
        if (!rule) {
          problems.push({
            path: `${at}.ruleId`,
            message: `第 ${index + 1} 项调整：方案中没有奖励规则 ${change.ruleId}`,
          });
          return;
        }
        const segments = segmentsOf(change.path);
        if (segments.length === 0 || segments[0] === "id" || segments[0] === "kind") {
          problems.push({
            path: `${at}.path`,
            message: `第 ${index + 1} 项调整：奖励规则 ${change.ruleId} 的字段“${change.path}”不能调整`,
          });
          return;
        }
        let parent: unknown = rule;
        for (const segment of segments.slice(0, -1)) {
          parent =
            Array.isArray(parent) || isRecord(parent)
              ? (parent as Record<string | number, unknown>)[segment]
              : undefined;
        }
        const last = segments[segments.length - 1] as string | number;
        const fits = typeof last === "number" ? Array.isArray(parent) && last <= parent.length : isRecord(parent);
        if (!fits) {
          problems.push({
            path: `${at}.path`,
            message: `第 ${index + 1} 项调整：奖励规则 ${change.ruleId} 没有字段 ${displayRulePath(change.path)}`,
          });
          return;
        }
        const container = parent as Record<string | number, unknown>;
        if (change.value === null) {
          if (Array.isArray(container) && typeof last === "number") container.splice(last, 1);
          else delete container[last];
        } else container[last] = jsonCopy(change.value);
        changeOfRule.set(change.ruleId, index);
        return;
      }
      case "parameter": {
        const parameter = draft.parameters.find((candidate) => candidate.id === change.parameterId);
        if (!parameter) {
          problems.push({
            path: `${at}.parameterId`,
            message: `第 ${index + 1} 项调整：方案参数中没有 ${change.parameterId}`,
          });
          return;
        }
        parameter.value = change.value;
        changeOfParameter.set(change.parameterId, index);
        return;
      }
      case "addRule": {
        const id = change.rule.id;
        if (typeof id === "string" && draft.rewards.some((candidate) => candidate.id === id)) {
          problems.push({
            path: `${at}.rule.id`,
            message: `第 ${index + 1} 项调整：奖励规则 ${id} 已存在，不能再新增`,
          });
          return;
        }
        draft.rewards.push(jsonCopy(change.rule));
        if (typeof id === "string") changeOfRule.set(id, index);
        return;
      }
      case "removeRule": {
        const position = draft.rewards.findIndex((candidate) => candidate.id === change.ruleId);
        if (position < 0) {
          problems.push({
            path: `${at}.ruleId`,
            message: `第 ${index + 1} 项调整：方案中没有奖励规则 ${change.ruleId}`,
          });
          return;
        }
        draft.rewards.splice(position, 1);
        return;
      }
    }
  });
  if (problems.length > 0) throw new ScenarioChangeError(problems);

  let validated: PlanFile;
  try {
    validated = validatePlan(draft, SCENARIO_FILE).plan;
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    throw new ScenarioChangeError(
      error.issues.map((issue) => {
        const match = /^(rewards|parameters)\[(\d+)\](?:\.(.*))?$/.exec(issue.path);
        const section = match?.[1] === "rewards" ? draft.rewards : match ? draft.parameters : undefined;
        const id = section?.[Number(match?.[2])]?.id;
        if (!match || typeof id !== "string") return { path: "changes", message: `${issue.path}：${issue.message}` };
        const change = match[1] === "rewards" ? changeOfRule.get(id) : changeOfParameter.get(id);
        const field = match[3] ? ` 的 ${match[3]}` : "";
        const where =
          match[1] === "rewards"
            ? `奖励规则 ${id}${issue.clause ? `（条款 ${issue.clause}）` : ""}${field}`
            : `方案参数 ${id}${field}`;
        return change === undefined
          ? { path: "changes", message: `${where}：${issue.message}` }
          : { path: `changes[${change}]`, message: `第 ${change + 1} 项调整：${where}：${issue.message}` };
      }),
    );
  }
  try {
    return { plan: validated, compiled: compileRewardPlan(validated) };
  } catch (error) {
    if (!(error instanceof RewardPlanError) && !(error instanceof FormulaRuleError)) throw error;
    throw new ScenarioChangeError([{ path: "changes", message: error.message }]);
  }
}

// ---------------------------------------------------------------- the rule's values a scenario may change

export type RuleSettingUnit = "yuan" | "rate";

/** A value of a rule a scenario may change, with where it sits and what it is in both languages. */
export interface RuleSetting {
  path: string;
  value: string;
  unit: RuleSettingUnit;
  label: string;
  labelEn: string;
}

const FIELD_WORDS: Record<string, { zh: string; en: string; unit: RuleSettingUnit }> = {
  amount: { zh: "奖励金额", en: "amount", unit: "yuan" },
  rate: { zh: "比例", en: "rate", unit: "rate" },
  cap: { zh: "单笔上限", en: "cap per award", unit: "yuan" },
  capPerYear: { zh: "每户每年上限", en: "cap per enterprise a year", unit: "yuan" },
};

/**
 * The amounts, rates, thresholds and caps of a rule, as the scenario editor shows and changes them. A step whose
 * threshold is a plan parameter's is left out: the parameter is changed instead.
 */
export function ruleSettings(rule: PlanFile["rewards"][number]): RuleSetting[] {
  const settings: RuleSetting[] = [];
  const data = rule as unknown as Record<string, unknown>;
  const push = (
    path: string,
    value: unknown,
    words: { zh: string; en: string; unit: RuleSettingUnit },
    zh = "",
    en = "",
  ) => {
    if (typeof value !== "string") return;
    settings.push({
      path,
      value,
      unit: words.unit,
      label: `${zh}${words.zh}`,
      labelEn: en ? `${en} ${words.en}` : words.en,
    });
  };
  for (const field of ["amount", "rate", "cap", "capPerYear"] as const) push(field, data[field], FIELD_WORDS[field]!);
  const budget = data.budgetPerYear;
  if (isRecord(budget))
    push("budgetPerYear.amount", budget.amount, {
      zh: "年度总额（全部企业）",
      en: "yearly budget over all enterprises",
      unit: "yuan",
    });
  const caseByCase = data.caseByCase;
  if (isRecord(caseByCase))
    push("caseByCase.upTo", caseByCase.upTo, { zh: "一事一议上限", en: "case-by-case limit", unit: "yuan" });
  const byCategory = data.byCategory;
  if (isRecord(byCategory) && Array.isArray(byCategory.values)) {
    byCategory.values.forEach((value: unknown, index) => {
      if (!isRecord(value)) return;
      const zh = String(value.zh ?? value.is);
      const en = String(value.en ?? value.is);
      push(`byCategory.values.${index}.amount`, value.amount, FIELD_WORDS.amount!, `${zh} `, en);
      push(`byCategory.values.${index}.rate`, value.rate, FIELD_WORDS.rate!, `${zh} `, en);
    });
  }
  const tiers = data.tiers;
  if (isRecord(tiers) && Array.isArray(tiers.steps)) {
    const thresholdUnit: RuleSettingUnit = tiers.growthOf !== undefined ? "rate" : "yuan";
    tiers.steps.forEach((step: unknown, index) => {
      if (!isRecord(step)) return;
      const zh = `第 ${index + 1} 档 `;
      const en = `Step ${index + 1}`;
      if (step.fromParameter === undefined)
        push(`tiers.steps.${index}.from`, step.from, { zh: "门槛", en: "threshold", unit: thresholdUnit }, zh, en);
      push(`tiers.steps.${index}.amount`, step.amount, FIELD_WORDS.amount!, zh, en);
      push(`tiers.steps.${index}.rate`, step.rate, FIELD_WORDS.rate!, zh, en);
    });
    if (isRecord(tiers.every)) {
      push("tiers.every.by", tiers.every.by, { zh: "每增加", en: "each further", unit: "yuan" });
      push("tiers.every.add", tiers.every.add, { zh: "加奖", en: "adds", unit: "yuan" });
    }
  }
  return settings;
}

// ---------------------------------------------------------------- the difference of two runs

/** One entitlement as the scenario compares it. */
export interface ComparedEntitlement {
  readonly key: string;
  creditCode: string;
  ruleId: string;
  tier: string | null;
  year: number;
  amount: bigint | null;
  subjectId?: string;
}

/** Why an enterprise's rewards differ: one entitlement's amount before and after (null: not paid). */
export interface ScenarioLine {
  ruleId: string;
  year: number;
  baselineTier: string | null;
  scenarioTier: string | null;
  baselineFen: bigint | null;
  scenarioFen: bigint | null;
  differenceFen: bigint;
}

export interface EnterpriseDifference {
  creditCode: string;
  baselineFen: bigint;
  scenarioFen: bigint;
  differenceFen: bigint;
  lines: ScenarioLine[];
}

export interface YearCost {
  year: number;
  baselineFen: bigint;
  scenarioFen: bigint;
}

export interface ScenarioDifference {
  years: YearCost[];
  /** Every enterprise with a reward in either run, its lines only where the two differ. */
  enterprises: EnterpriseDifference[];
}

function fenOf(amount: bigint | null): bigint {
  return amount ?? 0n;
}

/** Each enterprise's entitlements of the years asked, in the order the engine gave them. */
function byEnterprise(entitlements: readonly ComparedEntitlement[], wanted: ReadonlySet<number>) {
  const groups = new Map<string, ComparedEntitlement[]>();
  for (const entitlement of entitlements) {
    if (!wanted.has(entitlement.year)) continue;
    const group = groups.get(entitlement.creditCode);
    if (group) group.push(entitlement);
    else groups.set(entitlement.creditCode, [entitlement]);
  }
  return groups;
}

function same(a: ComparedEntitlement, b: ComparedEntitlement): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.year === b.year &&
    a.tier === b.tier &&
    a.amount === b.amount &&
    a.subjectId === b.subjectId
  );
}

function line(was: ComparedEntitlement | undefined, now: ComparedEntitlement | undefined): ScenarioLine {
  const any = (now ?? was) as ComparedEntitlement;
  return {
    ruleId: any.ruleId,
    year: any.year,
    baselineTier: was?.tier ?? null,
    scenarioTier: now?.tier ?? null,
    baselineFen: was ? fenOf(was.amount) : null,
    scenarioFen: now ? fenOf(now.amount) : null,
    differenceFen: (now ? fenOf(now.amount) : 0n) - (was ? fenOf(was.amount) : 0n),
  };
}

/**
 * Where one enterprise's two lists differ. Lists of the same awards in the same order (rule, year, subject) differ
 * in their tiers or amounts only, read place by place; others are matched by the entitlements' one-time keys.
 */
function differingLines(before: readonly ComparedEntitlement[], after: readonly ComparedEntitlement[]): ScenarioLine[] {
  const lines: ScenarioLine[] = [];
  let aligned = before.length === after.length;
  for (let index = 0; aligned && index < before.length; index++) {
    const was = before[index] as ComparedEntitlement;
    const now = after[index] as ComparedEntitlement;
    aligned = was.ruleId === now.ruleId && was.year === now.year && was.subjectId === now.subjectId;
  }
  if (aligned) {
    for (let index = 0; index < before.length; index++) {
      const was = before[index] as ComparedEntitlement;
      const now = after[index] as ComparedEntitlement;
      if (!same(was, now)) lines.push(line(was, now));
    }
    return lines.sort((a, b) => a.year - b.year || a.ruleId.localeCompare(b.ruleId));
  }
  const was = new Map(before.map((entitlement) => [entitlement.key, entitlement]));
  const seen = new Set<string>();
  for (const now of after) {
    seen.add(now.key);
    const previous = was.get(now.key);
    if (!previous || !same(previous, now)) lines.push(line(previous, now));
  }
  for (const [key, previous] of was) if (!seen.has(key)) lines.push(line(previous, undefined));
  return lines.sort((a, b) => a.year - b.year || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The two runs' entitlements of the years asked, side by side per enterprise and per year. An enterprise whose
 * entitlements come out the same, one by one in the engine's order, has no lines; only the others are matched by
 * their one-time keys (most enterprises are untouched by a change, and forming keys is the costly part).
 */
export function diffScenario(
  baseline: readonly ComparedEntitlement[],
  scenario: readonly ComparedEntitlement[],
  years: readonly number[],
): ScenarioDifference {
  const wanted = new Set(years);
  const costs = new Map<number, YearCost>(years.map((year) => [year, { year, baselineFen: 0n, scenarioFen: 0n }]));
  for (const entitlement of baseline)
    if (wanted.has(entitlement.year))
      (costs.get(entitlement.year) as YearCost).baselineFen += fenOf(entitlement.amount);
  for (const entitlement of scenario)
    if (wanted.has(entitlement.year))
      (costs.get(entitlement.year) as YearCost).scenarioFen += fenOf(entitlement.amount);
  const before = byEnterprise(baseline, wanted);
  const after = byEnterprise(scenario, wanted);
  const enterprises: EnterpriseDifference[] = [];
  const total = (list: readonly ComparedEntitlement[]) => {
    let sum = 0n;
    for (const entitlement of list) sum += fenOf(entitlement.amount);
    return sum;
  };
  const compare = (creditCode: string, was: readonly ComparedEntitlement[], now: readonly ComparedEntitlement[]) => {
    let alike = was.length === now.length;
    for (let index = 0; alike && index < was.length; index++)
      alike = same(was[index] as ComparedEntitlement, now[index] as ComparedEntitlement);
    const baselineFen = total(was);
    const scenarioFen = total(now);
    enterprises.push({
      creditCode,
      baselineFen,
      scenarioFen,
      differenceFen: scenarioFen - baselineFen,
      lines: alike ? [] : differingLines(was, now),
    });
  };
  for (const [creditCode, was] of before) compare(creditCode, was, after.get(creditCode) ?? []);
  for (const [creditCode, now] of after) if (!before.has(creditCode)) compare(creditCode, [], now);
  return { years: [...costs.values()].sort((a, b) => a.year - b.year), enterprises };
}

export interface SimulatedScenario {
  baseline: ComparedEntitlement[];
  scenario: ComparedEntitlement[];
  difference: ScenarioDifference;
}

/**
 * Runs the plan as it stands and the scenario over the same input (each compiled once, no explanations: a
 * difference is read from the entitlements' keys, tiers and amounts) and compares them over `years`.
 */
export function simulateScenario(
  baseline: CompiledRewardPlan,
  scenario: CompiledRewardPlan,
  input: RewardInput,
  years: readonly number[],
): SimulatedScenario {
  // The engine's entitlements serve as they are: their keys are formed only where two runs differ.
  const before = evaluateRewards(baseline, input, { explain: false }).entitlements;
  const after = evaluateRewards(scenario, input, { explain: false }).entitlements;
  return { baseline: before, scenario: after, difference: diffScenario(before, after, years) };
}
