/**
 * The checks of an aggregate (metric: aggregate, of a target or of an assessment indicator) that its schema cannot
 * make: what it aggregates exists and fits the unit, the chains and towns it filters by are the plan's, and only an
 * indicator names the assessed unit.
 */
import {
  type AggregateFilter,
  ASSESSED_UNIT,
  type AssessmentIndicator,
  type PlanFile,
  type Target,
  type TargetAggregate,
} from "../plan/schema";
import { AGGREGATE_FIGURES } from "./aggregate";
import type { QuantityUnit } from "./quantity";

/** What of a plan an aggregate's checks read (a plan as written or as loaded). */
type PlanParts = Pick<PlanFile, "facts" | "chains" | "units">;

export interface AggregateProblem {
  path: PropertyKey[];
  message: string;
}

/** The register's figures an aggregate may read, and whether each is money. */
const FIGURE_IS_MONEY: Record<(typeof AGGREGATE_FIGURES)[number], boolean> = {
  revenue: true,
  tax: true,
  output: true,
  fixed_asset_investment: true,
  employees: false,
};

type Measure = "money" | "count" | "quantity" | "category";

/** money, count or quantity: what one value of the aggregated item measures; null when it is unknown. */
function measureOf(plan: PlanParts, of: string): Measure | null {
  const declared = plan.facts.find((fact) => fact.id === of);
  if (declared) return declared.measure;
  if (of in FIGURE_IS_MONEY) return FIGURE_IS_MONEY[of as keyof typeof FIGURE_IS_MONEY] ? "money" : "count";
  return null;
}

/**
 * The unit an aggregate's value comes in: a share for share and growth, a count of enterprises, else the unit of
 * what it sums (money or a count); null when it cannot be one (unknown item, a category, a sum of quantities).
 */
export function aggregateUnit(plan: PlanParts, aggregate: TargetAggregate): QuantityUnit | null {
  if (aggregate.op === "share" || aggregate.op === "growth") return "share";
  if (aggregate.op === "count" || aggregate.of === undefined) return "count";
  const measure = measureOf(plan, aggregate.of);
  if (measure === "money") return "yuan";
  if (measure === "count") return "count";
  return null;
}

function filterProblems(
  plan: PlanParts,
  filter: AggregateFilter,
  at: PropertyKey[],
  forIndicator: boolean,
): AggregateProblem[] {
  const problems: AggregateProblem[] = [];
  if (filter.chains === ASSESSED_UNIT) {
    if (!forIndicator)
      problems.push({ path: [...at, "chains"], message: "chains: assessed 只用于考核指标（被考核单位牵头的产业链）" });
    else if (!plan.chains.some((chain) => (chain.leadUnits ?? []).length > 0))
      problems.push({
        path: [...at, "chains"],
        message: "chains: assessed 读取产业链的牵头单位，但方案的 chains 均未写 leadUnits",
      });
  } else
    filter.chains?.forEach((chain, index) => {
      if (!plan.chains.some((known) => known.id === chain))
        problems.push({ path: [...at, "chains", index], message: `产业链“${chain}”不在方案的 chains 中` });
    });
  if (filter.towns === ASSESSED_UNIT) {
    if (!forIndicator)
      problems.push({ path: [...at, "towns"], message: "towns: assessed 只用于考核指标（被考核的乡镇、街道本身）" });
  } else
    filter.towns?.forEach((town, index) => {
      const unit = plan.units.find((known) => known.id === town);
      if (!unit) problems.push({ path: [...at, "towns", index], message: `单位“${town}”不在方案的 units 中` });
      else if (unit.kind !== "town" && unit.kind !== "street")
        problems.push({
          path: [...at, "towns", index],
          message: `单位“${town}”不是乡镇或街道（kind: ${unit.kind}）`,
        });
    });
  return problems;
}

/**
 * The problems of one aggregate. `unit` is a target's unit (checked against what the aggregate yields); an
 * indicator has none: its unit is the aggregate's own (aggregateUnit).
 */
function definitionProblems(
  plan: PlanParts,
  aggregate: TargetAggregate,
  unit: string | null,
  forIndicator: boolean,
): AggregateProblem[] {
  const problems: AggregateProblem[] = [
    ...filterProblems(plan, aggregate.where, ["aggregate", "where"], forIndicator),
    ...(aggregate.within ? filterProblems(plan, aggregate.within, ["aggregate", "within"], forIndicator) : []),
  ];
  if (aggregate.within && aggregate.op !== "share")
    problems.push({ path: ["aggregate", "within"], message: "within 只用于 op: share（占比的总体）" });

  const known = `方案声明的数据项或 ${AGGREGATE_FIGURES.join("、")}`;
  if (aggregate.of === undefined) {
    if (aggregate.op !== "count" && aggregate.op !== "share" && aggregate.op !== "increase")
      problems.push({ path: ["aggregate", "of"], message: `op: ${aggregate.op} 必须写明 of（${known}）` });
  }
  const measure = aggregate.of === undefined ? "count" : measureOf(plan, aggregate.of);
  if (measure === null) {
    problems.push({ path: ["aggregate", "of"], message: `未知的数据项“${aggregate.of}”（允许：${known}）` });
    return problems;
  }
  if (measure === "category") {
    problems.push({ path: ["aggregate", "of"], message: `类别型数据项“${aggregate.of}”不能合计，请改用数值型数据项` });
    return problems;
  }
  const summed = aggregate.op === "sum" || aggregate.op === "average" || aggregate.op === "increase";
  if (summed && measure === "quantity") {
    problems.push({
      path: ["aggregate", "op"],
      message: `数量型数据项“${aggregate.of}”只能求占比（share）、增长（growth）或户数（count）：结果只能是金额、个数或比例`,
    });
    return problems;
  }
  if (unit === null) return problems;
  const unitPath = ["unit"];
  if (aggregate.op === "share" || aggregate.op === "growth") {
    if (unit !== "share")
      problems.push({ path: unitPath, message: `op: ${aggregate.op} 的结果是比例，unit 必须是 share，实际为 ${unit}` });
  } else if (aggregate.op === "count" || aggregate.of === undefined) {
    if (unit === "yuan" || unit === "share")
      problems.push({ path: unitPath, message: `op: ${aggregate.op} 的结果是户数，unit 不能是 ${unit}` });
  } else if (measure === "money" && unit !== "yuan") {
    problems.push({ path: unitPath, message: `“${aggregate.of}”是金额，unit 必须是 yuan，实际为 ${unit}` });
  } else if (measure === "count" && (unit === "yuan" || unit === "share")) {
    problems.push({ path: unitPath, message: `“${aggregate.of}”是个数，unit 不能是 ${unit}` });
  }
  return problems;
}

export function aggregateProblems(plan: PlanParts, target: Target): AggregateProblem[] {
  const aggregate = target.aggregate;
  if (target.metric !== "aggregate") {
    return aggregate ? [{ path: ["aggregate"], message: "只有 metric: aggregate 的目标才写 aggregate" }] : [];
  }
  if (!aggregate)
    return [{ path: ["aggregate"], message: "metric: aggregate 的目标必须写明 aggregate（op、of、where）" }];
  return definitionProblems(plan, aggregate, target.unit, false);
}

/** The problems of an assessment indicator's aggregate (paths relative to the indicator). */
export function indicatorAggregateProblems(plan: PlanParts, indicator: AssessmentIndicator): AggregateProblem[] {
  const aggregate = indicator.aggregate;
  if (indicator.metric !== "aggregate") {
    return aggregate ? [{ path: ["aggregate"], message: "只有 metric: aggregate 的考核指标才写 aggregate" }] : [];
  }
  if (!aggregate)
    return [{ path: ["aggregate"], message: "metric: aggregate 的考核指标必须写明 aggregate（op、of、where）" }];
  return definitionProblems(plan, aggregate, null, true);
}
