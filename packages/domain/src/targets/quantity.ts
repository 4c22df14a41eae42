/**
 * A target's value, actual or path point, held exactly: money in fen, counts as integers, shares
 * as an exact ratio (with millionths for display and paths). Comparisons never use floats.
 */
import { parseYuan } from "../money";

export type QuantityUnit = "yuan" | "count" | "share";

/** Millionths in one whole, the display scale of a share. */
export const SHARE_SCALE = 1_000_000n;

export interface Quantity {
  unit: QuantityUnit;
  /** fen for yuan, the count for count, millionths (rounded half-up) for share. */
  value: bigint;
  /** A share's exact ratio, when it comes from data; comparisons use it. */
  ratio?: { numerator: bigint; denominator: bigint };
}

export function money(fen: bigint): Quantity {
  return { unit: "yuan", value: fen };
}

export function count(n: number | bigint): Quantity {
  return { unit: "count", value: BigInt(n) };
}

/** A share numerator/denominator; null when the denominator is zero (nothing to divide by). */
export function share(numerator: bigint, denominator: bigint): Quantity | null {
  if (denominator <= 0n) return null;
  return { unit: "share", value: roundDiv(numerator * SHARE_SCALE, denominator), ratio: { numerator, denominator } };
}

/** A share given in millionths (a path point): exact at that scale. */
export function shareMillionths(millionths: bigint): Quantity {
  return { unit: "share", value: millionths };
}

/** The plan's units of measure reduce to three: money, counts (also persons, events) and shares. */
export function quantityUnitOf(planUnit: string): QuantityUnit {
  if (planUnit === "yuan") return "yuan";
  if (planUnit === "share") return "share";
  return "count";
}

/**
 * Parses a target's decimal string in its unit: yuan → fen, a count → integer, a share ("0.5",
 * "1") → its exact ratio.
 */
export function parseTargetValue(text: string, unit: QuantityUnit): Quantity {
  if (unit === "yuan") return money(parseYuan(text));
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`目标值不是十进制数字：${JSON.stringify(text)}`);
  const whole = match[1] as string;
  const fraction = match[2] ?? "";
  if (unit === "count") {
    if (/[1-9]/.test(fraction)) throw new Error(`个数目标必须是整数：${text}`);
    return count(BigInt(whole));
  }
  const denominator = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole) * denominator + BigInt(fraction || "0");
  return share(numerator, denominator) as Quantity;
}

/** a − b, as a plain difference in base units (a share difference in millionths). */
export function subtract(a: Quantity, b: Quantity): Quantity {
  if (a.unit === "share" && a.ratio && b.ratio) {
    const numerator = a.ratio.numerator * b.ratio.denominator - b.ratio.numerator * a.ratio.denominator;
    const denominator = a.ratio.denominator * b.ratio.denominator;
    return { unit: "share", value: roundDiv(numerator * SHARE_SCALE, denominator) };
  }
  return { unit: a.unit, value: a.value - b.value };
}

/** Exact three-way comparison: −1, 0 or 1. Shares compare their ratios by cross-multiplication. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  let left: bigint;
  let right: bigint;
  if (a.unit === "share") {
    const ra = a.ratio ?? { numerator: a.value, denominator: SHARE_SCALE };
    const rb = b.ratio ?? { numerator: b.value, denominator: SHARE_SCALE };
    left = ra.numerator * rb.denominator;
    right = rb.numerator * ra.denominator;
  } else {
    left = a.value;
    right = b.value;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether `actual` meets `target` under the comparison: gt strictly greater, gte greater or equal. */
export function meets(actual: Quantity, target: Quantity, comparison: "gt" | "gte"): boolean {
  const order = compareQuantities(actual, target);
  return comparison === "gt" ? order > 0 : order >= 0;
}

/** A float in display units (yuan, count, share as a fraction): for charts and forecasts only. */
export function toNumber(quantity: Quantity): number {
  if (quantity.unit === "yuan") return Number(quantity.value) / 100;
  if (quantity.unit === "share") {
    if (quantity.ratio) return Number(quantity.ratio.numerator) / Number(quantity.ratio.denominator);
    return Number(quantity.value) / Number(SHARE_SCALE);
  }
  return Number(quantity.value);
}

/** A float in display units back to base units, rounded: yuan → fen rounded to the yuan, counts and shares to their unit. */
export function fromNumber(value: number, unit: QuantityUnit): Quantity {
  if (!Number.isFinite(value)) throw new Error(`不是有限数值：${value}`);
  if (unit === "yuan") return money(BigInt(Math.round(value)) * 100n);
  if (unit === "share") return shareMillionths(BigInt(Math.round(value * Number(SHARE_SCALE))));
  return count(Math.round(value));
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
