/**
 * Checks of a formula rule's numbers against each other and against the plan's other rules, beyond what
 * compiling it finds: a cap (per award or per year) below an amount it caps (the amount could never be paid),
 * a money tier whose threshold is written as a rate (a growth threshold such as "0.05" compared with a money
 * figure), a stacking naming a rule the plan does not have (or the rule itself), limits across awards on a
 * project rule (its awards are not an enterprise's year), and one sum-cap group with two different caps.
 * Each problem names its field.
 */
import { formatYuan, parseYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { budgetProblems } from "./budget";

export interface ConsistencyProblem {
  field: string;
  message: string;
}

function fen(text: string | undefined): bigint | null {
  if (text === undefined) return null;
  try {
    return parseYuan(text);
  } catch {
    return null;
  }
}

export function formulaConsistencyProblems(rule: FormulaReward, plan?: PlanFile): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  for (const [capField, cap] of [
    ["cap", fen(rule.cap)],
    ["capPerYear", fen(rule.capPerYear)],
  ] as const) {
    if (cap === null) continue;
    const capped: { field: string; amount: bigint | null }[] = [
      { field: "amount", amount: fen(rule.amount) },
      ...(rule.tiers?.steps ?? []).map((step, index) => ({
        field: `tiers.steps[${index}].amount`,
        amount: fen(step.amount),
      })),
      ...(rule.byCategory?.values ?? []).map((value, index) => ({
        field: `byCategory.values[${index}].amount`,
        amount: fen(value.amount),
      })),
    ];
    for (const { field, amount } of capped)
      if (amount !== null && amount > cap)
        problems.push({
          field: capField,
          message: `${capField === "cap" ? "封顶金额" : "每年最高金额"} ${formatYuan(cap)} 元低于 ${field} 的金额 ${formatYuan(amount)} 元：该金额永远无法兑现`,
        });
  }
  if (rule.per === "project")
    for (const field of ["capPerYear", "stacking", "sumCap", "payees"] as const)
      if (rule[field] !== undefined)
        problems.push({ field, message: `${field} 限定一家企业的奖励，不能用于 per: project（招商项目）` });
  if (plan !== undefined && rule.stacking !== undefined) {
    const ids = new Set<string>();
    for (const other of plan.rewards) {
      ids.add(other.id);
      for (const step of other.tiers?.steps ?? []) if (step.ruleId) ids.add(step.ruleId);
    }
    const projectRules = new Set(
      plan.rewards
        .filter((other) => other.per === "project")
        .flatMap((other) => [other.id, ...(other.tiers?.steps ?? []).flatMap((step) => step.ruleId ?? [])]),
    );
    rule.stacking.with.forEach((other, index) => {
      if (other === rule.id)
        problems.push({ field: `stacking.with[${index}]`, message: `奖励 ${other} 不能与自身不重复享受` });
      else if (!ids.has(other))
        problems.push({
          field: `stacking.with[${index}]`,
          message: `不重复享受的奖励 ${other} 不在本计划的 rewards 中`,
        });
      else if (projectRules.has(other))
        problems.push({
          field: `stacking.with[${index}]`,
          message: `奖励 ${other} 按招商项目计算，不属于一家企业的年度奖励，不能用于不重复享受`,
        });
    });
  }
  if (rule.payees !== undefined) {
    let numerator = 0n;
    let denominator = 1n;
    for (const payee of rule.payees) {
      const [whole = "0", fraction = ""] = payee.share.split(".");
      const scale = 10n ** BigInt(fraction.length);
      const value = BigInt(whole) * scale + BigInt(fraction || "0");
      numerator = numerator * scale + value * denominator;
      denominator *= scale;
    }
    if (numerator !== denominator)
      problems.push({
        field: "payees",
        message: `各收款方的份额之和必须为 1，实为 ${rule.payees.map((payee) => payee.share).join(" + ")}`,
      });
  }
  if (plan !== undefined && rule.sumCap !== undefined) {
    const sumCap = rule.sumCap;
    const other = plan.rewards.find(
      (each) => each.kind === "formula" && each.sumCap?.group === sumCap.group && each.sumCap.atMost !== sumCap.atMost,
    );
    if (other !== undefined)
      problems.push({
        field: "sumCap.atMost",
        message: `累计上限组“${sumCap.group}”的上限与奖励 ${other.id} 所写的不同：同一组只能有一个上限`,
      });
  }
  if (plan !== undefined) problems.push(...budgetProblems(rule, plan));
  if (rule.tiers?.of !== undefined)
    rule.tiers.steps.forEach((step, index) => {
      if (/^0\.\d+$/.test(step.from) && step.from !== "0.0")
        problems.push({
          field: `tiers.steps[${index}].from`,
          message: `按金额分档（tiers.of）的门槛“${step.from}”像是比率：金额门槛写元，按增幅分档请用 growthOf`,
        });
    });
  return problems;
}
