/**
 * A base amount plus an amount for each further step, capped ("净增额在1亿元以上的奖励5万元,净增额每递增
 * 1000万元给予奖励增加0.5万元,单个企业最高奖励不超过50万元"): written as the last tier and `every`, it is
 * the tiers that follow, generated once when the rule compiles, up to the tier whose amount reaches the cap.
 */
import type { Fen } from "../../money";

/** The most tiers a rule may generate (a cap far above its base by tiny steps is a writing mistake). */
export const MOST_GENERATED_STEPS = 2000;

export interface GeneratedStep {
  threshold: Fen;
  amount: Fen;
}

/**
 * The tiers after the last written one (`from`, `amount`): every `by` more adds `add`, until the amount
 * reaches `cap` (that tier pays the cap). Null when that would take more than MOST_GENERATED_STEPS.
 */
export function stepsUpToCap(from: Fen, amount: Fen, by: Fen, add: Fen, cap: Fen): GeneratedStep[] | null {
  if (amount >= cap) return [];
  const count = (cap - amount + add - 1n) / add;
  if (count > BigInt(MOST_GENERATED_STEPS)) return null;
  const steps: GeneratedStep[] = [];
  for (let index = 1n; index <= count; index++) {
    const next = amount + index * add;
    steps.push({ threshold: from + index * by, amount: next > cap ? cap : next });
  }
  return steps;
}
