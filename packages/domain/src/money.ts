/**
 * Exact money. An amount is a bigint count of fen (0.01 yuan): no binary floating point
 * ever holds, sums or compares money. Decimal strings in yuan are the exchange format.
 *
 * Every way the product writes an amount lives here, for the server, its exports and the web alike:
 * exact yuan (`formatYuan`, `groupedYuan`), exact amounts for reading (`amountZh`, `amountEn`,
 * `formatExactForDisplay`), figures rounded for reading (`figureZh`, `figureEn`, `formatForDisplay`
 * in 万元/亿元, `formatEnglishForDisplay` in million and billion yuan), and the bare number of a unit
 * for a form, a table or a chart (`amountInUnit`).
 *
 * Reward explanations write millions of amounts in a bulk run, so amounts up to FAST_LIMIT fen are
 * written with integer arithmetic on doubles (exact below 2^53); larger ones take the bigint path.
 * Both give the same text.
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

const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

/** A unit amounts are written in, and its size in fen. */
export type MoneyUnit = "元" | "万元" | "亿元";
const FEN_PER_UNIT: Record<MoneyUnit, bigint> = { 元: 100n, 万元: FEN_PER_WAN, 亿元: FEN_PER_YI };
/** The decimals that make an amount in the unit exact to the fen. */
const EXACT_DIGITS: Record<MoneyUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };

/**
 * |fen| up to 2^46 (about 7,036亿 yuan) is formatted as a double: every product below (×100
 * at most, long division remainders ×10) stays under 2^53, so the arithmetic is exact.
 */
export const FAST_LIMIT = 2 ** 46;

function isFast(value: number): boolean {
  return value <= FAST_LIMIT && value >= -FAST_LIMIT;
}

/** Formats fen as a decimal string of yuan with no exponent: "100000", "1234.56", "-0.05". */
export function formatYuan(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) return yuanOfNumber(value);
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const cents = abs % 100n;
  const text = cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** Exact yuan with thousands separators: "1,234,567.89". */
export function groupedYuan(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) return groupedOfNumber(value);
  const text = formatYuan(fen);
  const negative = text.startsWith("-");
  const [whole = "", fraction] = (negative ? text.slice(1) : text).split(".");
  return `${negative ? "-" : ""}${groupThousands(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** An amount paid, exactly: in 万元 when it is a whole number of hundreds of yuan ("10 万元", "2.5 万元"), else in 元. */
export function amountZh(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) {
    // A whole number of hundreds of yuan is an exact count of 0.01 万元.
    if (value % 10_000 === 0) {
      const text = trimmedUnits(value < 0 ? -value / 10_000 : value / 10_000, 100, 2);
      return value < 0 ? `-${text} 万元` : `${text} 万元`;
    }
    return `${groupedOfNumber(value)} 元`;
  }
  if (fen % 10_000n === 0n) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_WAN, 2))} 万元`;
  return `${groupedYuan(fen)} 元`;
}

/** An amount exactly, in yuan with thousands separators and the fen when there are any: "1,234,567.50 yuan". */
export function amountEn(fen: Fen): string {
  return `${groupedYuan(fen)} yuan`;
}

/** A figure compared against a threshold, for reading: "48.2 亿元", "350 万元" (rounded to 0.01 of the unit). */
export function figureZh(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) {
    const abs = value < 0 ? -value : value;
    if (abs >= 10_000_000_000) return `${roundedUnits(value, 10_000_000_000, 100, 2)} 亿元`;
    if (abs >= 1_000_000) return `${roundedUnits(value, 1_000_000, 100, 2)} 万元`;
    return `${yuanOfNumber(value)} 元`;
  }
  const abs = fen < 0n ? -fen : fen;
  if (abs >= FEN_PER_YI) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_YI, 2))} 亿元`;
  if (abs >= FEN_PER_WAN) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_WAN, 2))} 万元`;
  return `${formatYuan(fen)} 元`;
}

/** English figure for reading: "4.82 billion yuan", "3.5 million yuan". */
export function figureEn(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) {
    const abs = value < 0 ? -value : value;
    if (abs >= 100_000_000_000) return `${roundedUnits(value, 100_000_000_000, 1000, 3)} billion yuan`;
    if (abs >= 100_000_000) return `${roundedUnits(value, 100_000_000, 1000, 3)} million yuan`;
    return `${groupedOfNumber(value)} yuan`;
  }
  const abs = fen < 0n ? -fen : fen;
  if (abs >= 100_000_000_000n) return `${trimDecimal(divideToDecimalString(fen, 100_000_000_000n, 3))} billion yuan`;
  if (abs >= 100_000_000n) return `${trimDecimal(divideToDecimalString(fen, 100_000_000n, 3))} million yuan`;
  return amountEn(fen);
}

/** figureZh, but exact in 元 when rounding would make the figure read as the threshold it is compared with. */
export function figureNearZh(value: Fen, reference: Fen): string {
  const shown = figureZh(value);
  return value !== reference && shown === figureZh(reference) ? `${groupedYuan(value)} 元` : shown;
}

export function figureNearEn(value: Fen, reference: Fen): string {
  const shown = figureEn(value);
  return value !== reference && shown === figureEn(reference) ? amountEn(value) : shown;
}

/**
 * The amount as a bare decimal number of the unit, for a form field, a table whose header names the
 * unit, or a chart: rounded half-up to `digits` decimals ("1234.57"), or, without `digits`, exact to
 * the fen with no needless zeros ("1234.5678", "300").
 */
export function amountInUnit(fen: Fen, unit: MoneyUnit, digits?: number): string {
  if (digits !== undefined) return divideToDecimalString(fen, FEN_PER_UNIT[unit], digits);
  return trimDecimal(divideToDecimalString(fen, FEN_PER_UNIT[unit], EXACT_DIGITS[unit]));
}

/** Shows an amount the way the users read it: in 万元, or in 亿元 from one 亿 up. Display only. */
export function formatForDisplay(fen: Fen, unit: "auto" | MoneyUnit = "auto", digits = 2): string {
  const chosen = unit === "auto" ? autoUnit(fen) : unit;
  return `${amountInUnit(fen, chosen, digits)} ${chosen}`;
}

/**
 * fen in 万元 or 亿元 (auto: 亿元 from one 亿 up) with as many decimals as it needs to be exact:
 * "2000 万元", "1234.5678 万元", "2.583 亿元".
 */
export function formatExactForDisplay(fen: Fen, unit: "auto" | "万元" | "亿元" = "auto"): string {
  const chosen = unit === "auto" ? autoUnit(fen) : unit;
  return `${amountInUnit(fen, chosen)} ${chosen}`;
}

function autoUnit(fen: Fen): "万元" | "亿元" {
  return (fen < 0n ? -fen : fen) >= FEN_PER_YI ? "亿元" : "万元";
}

const MILLION_YUAN = 100_000_000n; // fen
const BILLION_YUAN = 100_000_000_000n; // fen

/**
 * An amount for English readers, who count in millions: "25.83 bn yuan", "16.87 m yuan", below a
 * million "30,000 yuan" (with the fen when there are any). `trimZeros` drops zero decimals ("3 m yuan").
 */
export function formatEnglishForDisplay(fen: Fen, trimZeros = false): string {
  const abs = fen < 0n ? -fen : fen;
  const [divisor, word] =
    abs >= BILLION_YUAN ? [BILLION_YUAN, " bn"] : abs >= MILLION_YUAN ? [MILLION_YUAN, " m"] : [100n, ""];
  const [whole = "", fraction = ""] = divideToDecimalString(fen, divisor, 2).split(".");
  const shownFraction = trimZeros || (word === "" && fraction === "00") ? fraction.replace(/0+$/, "") : fraction;
  const grouped = word === "" ? groupThousands(whole) : whole;
  return `${grouped}${shownFraction ? `.${shownFraction}` : ""}${word} yuan`;
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

/** "10.00" → "10", "2.50" → "2.5", "-0.40" → "-0.4". */
export function trimDecimal(text: string): string {
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" ? "0" : trimmed;
}

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// Exact arithmetic on doubles for |fen| ≤ FAST_LIMIT (see the top of the file).

/** An integer count of units as a decimal with up to `digits` decimals, trailing zeros dropped. */
function trimmedUnits(scaled: number, factor: number, digits: number): string {
  const whole = Math.floor(scaled / factor);
  let fraction = scaled - whole * factor;
  if (fraction === 0) return `${whole}`;
  let width = digits;
  while (fraction % 10 === 0) {
    fraction /= 10;
    width--;
  }
  const text = `${fraction}`;
  return text.length === width ? `${whole}.${text}` : `${whole}.${"0".repeat(width - text.length)}${text}`;
}

/** |value| / (unit / factor) rounded half-up, written with `digits` decimals trimmed (value safe). */
function roundedUnits(value: number, unit: number, factor: number, digits: number): string {
  const abs = value < 0 ? -value : value;
  const step = unit / factor; // the unit's 0.01 (or 0.001) in fen, a whole number
  const text = trimmedUnits(Math.floor((abs + step / 2) / step), factor, digits);
  return value < 0 ? `-${text}` : text;
}

/** formatYuan for a safe number of fen. */
function yuanOfNumber(value: number): string {
  const abs = value < 0 ? -value : value;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const text = cents === 0 ? `${whole}` : cents < 10 ? `${whole}.0${cents}` : `${whole}.${cents}`;
  return value < 0 ? `-${text}` : text;
}

function groupedWhole(whole: number): string {
  if (whole < 1000) return `${whole}`;
  let text = "";
  let rest = whole;
  while (rest >= 1000) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    text = group < 10 ? `,00${group}${text}` : group < 100 ? `,0${group}${text}` : `,${group}${text}`;
  }
  return `${rest}${text}`;
}

function groupedOfNumber(value: number): string {
  const abs = value < 0 ? -value : value;
  const whole = Math.floor(abs / 100);
  const cents = abs - whole * 100;
  const grouped = groupedWhole(whole);
  const text = cents === 0 ? grouped : cents < 10 ? `${grouped}.0${cents}` : `${grouped}.${cents}`;
  return value < 0 ? `-${text}` : text;
}
