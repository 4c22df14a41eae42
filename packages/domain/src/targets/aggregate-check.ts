/**
 * The checks of a target written as an aggregate (metric: aggregate) that its schema cannot make: what it
 * aggregates exists and fits the target's unit, the chains and towns it filters by are the plan's.
 */
import type { AggregateFilter, PlanFile, Target } from "../plan/schema";
import { AGGREGATE_FIGURES } from "./aggregate";

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

/** money, count or quantity: what one value of the aggregated item measures; null when it is unknown. */
function measureOf(plan: PlanFile, of: string): "money" | "count" | "quantity" | "category" | null {
  const declared = plan.facts.find((fact) => fact.id === of);
  if (declared) return declared.measure;
  if (of in FIGURE_IS_MONEY) return FIGURE_IS_MONEY[of as keyof typeof FIGURE_IS_MONEY] ? "money" : "count";
  return null;
}

function filterProblems(plan: PlanFile, filter: AggregateFilter, at: PropertyKey[]): AggregateProblem[] {
  const problems: AggregateProblem[] = [];
  filter.chains?.forEach((chain, index) => {
    if (!plan.chains.some((known) => known.id === chain))
      problems.push({ path: [...at, "chains", index], message: `产业链“${chain}”不在方案的 chains 中` });
  });
  filter.towns?.forEach((town, index) => {
    const unit = plan.units.find((known) => known.id === town);
    if (!unit) problems.push({ path: [...at, "towns", index], message: `单位“${town}”不在方案的 units 中` });
    else if (unit.kind !== "town" && unit.kind !== "street")
      problems.push({ path: [...at, "towns", index], message: `单位“${town}”不是乡镇或街道（kind: ${unit.kind}）` });
  });
  return problems;
}

export function aggregateProblems(plan: PlanFile, target: Target): AggregateProblem[] {
  const aggregate = target.aggregate;
  if (target.metric !== "aggregate") {
    return aggregate ? [{ path: ["aggregate"], message: "只有 metric: aggregate 的目标才写 aggregate" }] : [];
  }
  if (!aggregate)
    return [{ path: ["aggregate"], message: "metric: aggregate 的目标必须写明 aggregate（op、of、where）" }];
  const problems: AggregateProblem[] = [
    ...filterProblems(plan, aggregate.where, ["aggregate", "where"]),
    ...(aggregate.within ? filterProblems(plan, aggregate.within, ["aggregate", "within"]) : []),
  ];
  if (aggregate.within && aggregate.op !== "share")
    problems.push({ path: ["aggregate", "within"], message: "within 只用于 op: share（占比的总体）" });

  const known = `方案声明的数据项或 ${AGGREGATE_FIGURES.join("、")}`;
  if (aggregate.of === undefined) {
    if (aggregate.op !== "count" && aggregate.op !== "share")
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
  const unitPath = ["unit"];
  if (aggregate.op === "share" || aggregate.op === "growth") {
    if (target.unit !== "share")
      problems.push({
        path: unitPath,
        message: `op: ${aggregate.op} 的结果是比例，unit 必须是 share，实际为 ${target.unit}`,
      });
  } else if (aggregate.op === "count") {
    if (target.unit === "yuan" || target.unit === "share")
      problems.push({ path: unitPath, message: `op: count 的结果是户数，unit 不能是 ${target.unit}` });
  } else if (measure === "quantity") {
    problems.push({
      path: ["aggregate", "op"],
      message: `数量型数据项“${aggregate.of}”只能求占比（share）、增长（growth）或户数（count）：目标值只能是金额、个数或比例`,
    });
  } else if (measure === "money" && target.unit !== "yuan") {
    problems.push({ path: unitPath, message: `“${aggregate.of}”是金额，unit 必须是 yuan，实际为 ${target.unit}` });
  } else if (measure === "count" && (target.unit === "yuan" || target.unit === "share")) {
    problems.push({ path: unitPath, message: `“${aggregate.of}”是个数，unit 不能是 ${target.unit}` });
  }
  return problems;
}
