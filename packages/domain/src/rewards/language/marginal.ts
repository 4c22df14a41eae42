/**
 * Marginal (累进) rates of a tiered rule: each band's rate applies only to the part of the figure that
 * lies in that band ("60%(含)以下的增量部分按1%、60%以上的增量部分按1.2%"). With bands of a money
 * figure the parts are of the figure itself; with bands of growth they are parts of the increase, a
 * band's bounds being its growth rate times the previous year's figure. Exact: every part is a fraction
 * of bigints, the total is rounded once, as the rule says.
 */
import { type Fen, formatYuan } from "../../money";
import type { Rate } from "../format";
import { ratePercent } from "../format";

export type Rounding = "halfUp" | "down" | "up";

/** One band of a marginal rule: where it starts (fen, or a growth rate) and its rate. */
export interface MarginalBand {
  threshold: Fen;
  thresholdRate: Rate | null;
  rate: Rate;
}

/** The part of the figure in one band and what it earns (before the total is rounded). */
export interface MarginalPart {
  band: number;
  /** The part, in fen, as an exact fraction. */
  portion: Rate;
  rate: Rate;
}

export interface MarginalResult {
  amount: Fen;
  parts: MarginalPart[];
}

/** A non-negative fraction rounded to whole fen. */
export function roundFraction(value: Rate, rounding: Rounding): Fen {
  const { numerator, denominator } = value;
  if (rounding === "halfUp") return (numerator * 2n + denominator) / (denominator * 2n);
  if (rounding === "down") return numerator / denominator;
  return (numerator + denominator - 1n) / denominator;
}

const fraction = (numerator: bigint, denominator = 1n): Rate => ({ numerator, denominator });
const less = (a: Rate, b: Rate) => a.numerator * b.denominator < b.numerator * a.denominator;
const minus = (a: Rate, b: Rate): Rate =>
  fraction(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);

/**
 * The marginal amount of `figure` (bands of a money figure) or of the increase `figure − previous`
 * (bands of growth, `previous` given), over the bands up to and including `reached`.
 */
export function marginalAmount(
  bands: readonly MarginalBand[],
  reached: number,
  figure: Fen,
  previous: Fen | null,
  rounding: Rounding,
): MarginalResult {
  const growth = previous !== null;
  const whole = fraction(growth ? figure - previous : figure);
  const bound = (index: number): Rate => {
    const band = bands[index]!;
    if (!growth) return fraction(band.threshold);
    const rate = band.thresholdRate!;
    return fraction(rate.numerator * previous, rate.denominator);
  };
  const parts: MarginalPart[] = [];
  let totalNumerator = 0n;
  let totalDenominator = 1n;
  for (let index = 0; index <= reached && index < bands.length; index++) {
    const lower = bound(index);
    if (!less(lower, whole)) break;
    const upper = index + 1 < bands.length ? bound(index + 1) : null;
    const top = upper !== null && less(upper, whole) ? upper : whole;
    const portion = minus(top, lower);
    const rate = bands[index]!.rate;
    parts.push({ band: index, portion, rate });
    // total += portion × rate
    const numerator = portion.numerator * rate.numerator;
    const denominator = portion.denominator * rate.denominator;
    totalNumerator = totalNumerator * denominator + numerator * totalDenominator;
    totalDenominator *= denominator;
  }
  return { amount: roundFraction(fraction(totalNumerator, totalDenominator), rounding), parts };
}

/** The parts as arithmetic ("1,000,000.00 × 1% + 250,000.00 × 1.2%"), each part rounded half-up to the fen for display. */
export function marginalArithmetic(parts: readonly MarginalPart[]): string {
  return parts
    .map((part) => `${formatYuan(roundFraction(part.portion, "halfUp"))} × ${ratePercent(part.rate)}%`)
    .join(" + ");
}
