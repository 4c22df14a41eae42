/**
 * Exact non-negative ratios for ranking and scoring: a rate such as 7/9 is kept as two bigints and
 * compared by cross-multiplication, so two units with the same rate tie exactly.
 */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

/** The ratio n/d; throws on a zero or negative denominator. */
export function ratio(numerator: bigint | number, denominator: bigint | number = 1n): Ratio {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new Error("ratio: denominator must be positive");
  return { numerator: n, denominator: d };
}

/** Parses a plain decimal string ("0.25", "3") into an exact ratio. */
export function ratioFromDecimal(text: string): Ratio {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`ratioFromDecimal: not a decimal: ${text}`);
  const fraction = match[3] ?? "";
  const scale = 10n ** BigInt(fraction.length);
  const magnitude = BigInt(match[2] ?? "0") * scale + BigInt(fraction || "0");
  return ratio(match[1] === "-" ? -magnitude : magnitude, scale);
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function subtractRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiplyRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** a ÷ b; throws when b is zero. */
export function divideRatio(a: Ratio, b: Ratio): Ratio {
  if (b.numerator === 0n) throw new Error("divideRatio: division by zero");
  const sign = b.numerator < 0n ? -1n : 1n;
  return ratio(a.numerator * b.denominator * sign, a.denominator * b.numerator * sign);
}

/** The ratio as a decimal string with `places` decimals, rounded half away from zero. */
export function formatRatio(value: Ratio, places = 2): string {
  const scale = 10n ** BigInt(places);
  const negative = value.numerator < 0n;
  const magnitude = negative ? -value.numerator : value.numerator;
  const scaled = (magnitude * scale * 2n + value.denominator) / (value.denominator * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, "0");
  const text = places > 0 ? `${whole}.${fraction}` : `${whole}`;
  return negative && scaled !== 0n ? `-${text}` : text;
}

/** The ratio as a percentage string ("77.78"), for display and documents. */
export function formatPercent(value: Ratio, places = 2): string {
  return formatRatio(multiplyRatio(value, ratio(100n)), places);
}
