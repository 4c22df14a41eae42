import { divideToDecimalString } from "@beizeng/domain/money";
import type { TargetDetail } from "../api/targets-api";

type Quantity = TargetDetail["target"];

/** How a target ended, once its deadline year's figures are final: met or not, and by how much. */
export interface TargetResult {
  year: number;
  met: boolean;
  actual: Quantity;
  target: Quantity;
  /** How far the actual lies from the target, above when met, below when not (never negative). */
  difference: Quantity;
  /** The share of the target reached, one decimal ("64.6%"), for a count or an amount that fell short. */
  reached: string | null;
}

/**
 * The result of a target whose deadline has passed and whose final figure is in (status judged on the final
 * value, not a forecast); null while the target is still running. Exact: the quantities are integers as text.
 */
export function targetResult(target: TargetDetail): TargetResult | null {
  if (target.statusBasis !== "final" || !target.current || target.met === null) return null;
  const actual = target.current.value;
  const actualValue = BigInt(actual.value);
  const targetValue = BigInt(target.target.value);
  const difference = actualValue >= targetValue ? actualValue - targetValue : targetValue - actualValue;
  const reached =
    !target.met && target.target.unit !== "share" && targetValue > 0n && actualValue >= 0n
      ? `${divideToDecimalString(actualValue * 100n, targetValue, 1)}%`
      : null;
  return {
    year: target.current.year,
    met: target.met,
    actual,
    target: target.target,
    difference: { unit: target.target.unit, value: difference.toString() },
    reached,
  };
}
