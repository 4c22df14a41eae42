/**
 * Display helpers for reward explanations: rates, tiers, decimals compared as text, ordinals.
 * Amounts of money are written by ../money (amountZh, figureZh, …).
 */
import { divideToDecimalString, trimDecimal } from "../money";

/**
 * round-half-up(n × 10^digits / d) as a decimal with exactly `digits` decimals, by long
 * division; n ≥ 0, d > 0, n, 10 × d and the result × 10^digits below 2^53. Equals
 * divideToDecimalString(n, d, digits).
 */
export function fixedQuotient(n: number, d: number, digits: number): string {
  let scaled = Math.floor(n / d);
  let remainder = n - scaled * d;
  let factor = 1;
  for (let index = 0; index < digits; index++) {
    remainder *= 10;
    const digit = Math.floor(remainder / d);
    remainder -= digit * d;
    scaled = scaled * 10 + digit;
    factor *= 10;
  }
  if (remainder * 2 >= d) scaled++;
  if (digits === 0) return `${scaled}`;
  const whole = Math.floor(scaled / factor);
  const fraction = `${scaled - whole * factor}`;
  return fraction.length === digits
    ? `${whole}.${fraction}`
    : `${whole}.${"0".repeat(digits - fraction.length)}${fraction}`;
}

/** A decimal rate as an exact fraction: "0.125" → 125/1000. */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

export function parseRate(text: string): Rate {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`not a decimal rate: ${JSON.stringify(text)}`);
  const fraction = match[2] ?? "";
  const denominator = 10n ** BigInt(fraction.length);
  return { numerator: BigInt(match[1] as string) * denominator + BigInt(fraction || "0"), denominator };
}

/** A rate written with at least two decimals, the way tiers are named: "0.1" → "0.10", "0.125" stays. */
export function rateLabel(text: string): string {
  const [whole, fraction = ""] = text.trim().split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** Canonical form of a decimal string for comparing tier names: "5000000000.00" → "5000000000", "0.10" → "0.1". */
export function canonicalDecimal(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const wholeTrimmed = whole.replace(/^0+(?=\d)/, "");
  const fractionTrimmed = fraction.replace(/0+$/, "");
  const body = fractionTrimmed ? `${wholeTrimmed}.${fractionTrimmed}` : wholeTrimmed;
  return negative && body !== "0" ? `-${body}` : body;
}

/** Compares two decimal strings numerically (exactly, no float). */
export function compareDecimalStrings(left: string, right: string): number {
  const a = canonicalDecimal(left);
  const b = canonicalDecimal(right);
  const negativeA = a.startsWith("-");
  const negativeB = b.startsWith("-");
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const sign = negativeA ? -1 : 1;
  const [wholeA = "", fractionA = ""] = (negativeA ? a.slice(1) : a).split(".");
  const [wholeB = "", fractionB = ""] = (negativeB ? b.slice(1) : b).split(".");
  if (wholeA.length !== wholeB.length) return sign * (wholeA.length - wholeB.length);
  if (wholeA !== wholeB) return sign * (wholeA < wholeB ? -1 : 1);
  const width = Math.max(fractionA.length, fractionB.length);
  const paddedA = fractionA.padEnd(width, "0");
  const paddedB = fractionB.padEnd(width, "0");
  if (paddedA === paddedB) return 0;
  return sign * (paddedA < paddedB ? -1 : 1);
}

/** A rate as a percentage: 8/100 → "8", 125/1000 → "12.5". */
export function ratePercent(rate: Rate): string {
  return trimDecimal(divideToDecimalString(rate.numerator * 100n, rate.denominator, 6));
}

/** numerator/denominator as a percentage with the given decimals (half-up): growth 0.1245 → "12.5". */
export function percentOf(numerator: bigint, denominator: bigint, digits: number): string {
  return divideToDecimalString(numerator * 100n, denominator, digits);
}

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 第三档 for index 2. */
export function tierOrdinalZh(index: number): string {
  return `第${CHINESE_ORDINALS[index] ?? String(index + 1)}档`;
}

export function yearRangeZh(startYear: number, endYear: number): string {
  return startYear === endYear ? `${startYear}年` : `${startYear}—${endYear}年`;
}
