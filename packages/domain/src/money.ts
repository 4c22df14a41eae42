/**
 * Exact money. An amount is a bigint count of fen (0.01 yuan): no binary floating point
 * ever holds, sums or compares money. Decimal strings in yuan are the exchange format.
 */
export type Fen = bigint;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {}

/**
 * Parses a decimal string of yuan ("3900000000", "1234.56", "-5") into fen.
 * More than two decimal places is an error unless they are zeros: money is never rounded silently.
 */
export function parseYuan(text: string): Fen {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyFormatError(`not a decimal: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > 2) throw new MoneyFormatError(`more than two decimal places (fen): ${text}`);
  const fen = BigInt(whole as string) * 100n + BigInt(significant.padEnd(2, "0"));
  return sign ? -fen : fen;
}

/** Like parseYuan, but for an amount written in a larger unit (万元 = 10000, 千元 = 1000, 亿元 = 1e8). */
export function parseAmountInUnit(text: string, yuanPerUnit: bigint): Fen {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyFormatError(`not a decimal: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ""] = match;
  const scale = 10n ** BigInt(fraction.length);
  const numerator = (BigInt(whole as string) * scale + BigInt(fraction || "0")) * yuanPerUnit * 100n;
  if (numerator % scale !== 0n) throw new MoneyFormatError(`finer than a fen once converted to yuan: ${text}`);
  const fen = numerator / scale;
  return sign ? -fen : fen;
}

/** Formats fen as a decimal string of yuan with no exponent: "100000", "1234.56", "-0.05". */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const cents = abs % 100n;
  const text = cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/**
 * Multiplies an amount by a decimal rate ("0.20", "0.01") and rounds half-up to the fen
 * (half away from zero), as PLAN.md §5 reading 5 requires for R-MATCH and R-TECH.
 */
export function applyRate(fen: Fen, rate: string): Fen {
  const match = DECIMAL.exec(rate.trim());
  if (!match) throw new MoneyFormatError(`not a decimal rate: ${JSON.stringify(rate)}`);
  const [, sign, whole, fraction = ""] = match;
  const scale = 10n ** BigInt(fraction.length);
  const rateScaled = BigInt(whole as string) * scale + BigInt(fraction || "0");
  const product = fen * rateScaled * (sign ? -1n : 1n);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs * 2n + scale) / (scale * 2n);
  return negative ? -rounded : rounded;
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

const WAN = 1_000_000n; // fen in one 万元
const YI = 10_000_000_000n; // fen in one 亿元

/** Shows an amount the way the users read it: in 万元, or in 亿元 from one 亿 up. Display only. */
export function formatForDisplay(fen: Fen, unit: "auto" | "万元" | "亿元" | "元" = "auto", digits = 2): string {
  const abs = fen < 0n ? -fen : fen;
  const chosen = unit === "auto" ? (abs >= YI ? "亿元" : "万元") : unit;
  const divisor = chosen === "亿元" ? YI : chosen === "万元" ? WAN : 100n;
  return `${divideToDecimalString(fen, divisor, digits)} ${chosen}`;
}

/**
 * fen in 万元 or 亿元 (auto: 亿元 from one 亿 up) with as many decimals as it needs to be exact:
 * "2000 万元", "1234.5678 万元", "2.583 亿元".
 */
export function formatExactForDisplay(fen: Fen, unit: "auto" | "万元" | "亿元" = "auto"): string {
  const abs = fen < 0n ? -fen : fen;
  const chosen = unit === "auto" ? (abs >= YI ? "亿元" : "万元") : unit;
  let digits = 0;
  for (let step = chosen === "亿元" ? YI : WAN; step > 1n && fen % step !== 0n; step /= 10n) digits++;
  return formatForDisplay(fen, chosen, digits);
}

/** fen / divisor as a decimal string with the given digits, rounded half-up. */
export function divideToDecimalString(numerator: bigint, divisor: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = numerator < 0n !== divisor < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = divisor < 0n ? -divisor : divisor;
  const scaled = (n * scale * 2n + d) / (d * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, "0");
  const text = digits > 0 ? `${whole}.${fraction}` : whole.toString();
  return negative ? `-${text}` : text;
}
