/**
 * Checks of a formula rule's numbers against each other, beyond what compiling it finds: a cap below an
 * amount it caps (the amount could never be paid), and a money tier whose threshold is written as a rate
 * (a growth threshold such as "0.05" compared with a money figure). Each problem names its field.
 */
import { formatYuan, parseYuan } from "../../money";
import type { FormulaReward } from "../../plan/schema";

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

export function formulaConsistencyProblems(rule: FormulaReward): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const cap = fen(rule.cap);
  if (cap !== null) {
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
          field: "cap",
          message: `封顶金额 ${formatYuan(cap)} 元低于 ${field} 的金额 ${formatYuan(amount)} 元：该金额永远无法兑现`,
        });
  }
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
