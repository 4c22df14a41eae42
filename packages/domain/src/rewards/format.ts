/**
 * Display helpers for reward explanations. Money stays bigint fen; these only write text.
 * Amounts paid are written exactly; figures compared (revenue, tax) are rounded for reading.
 *
 * Explanations format millions of figures in a bulk run, so amounts up to FAST_LIMIT fen are
 * written with integer arithmetic on doubles (exact below 2^53); larger ones take the general
 * bigint path. Both give the same text.
 */
import { divideToDecimalString, type Fen, formatYuan } from "../money";

const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

/**
 * |fen| up to 2^46 (about 7,036亿 yuan) is formatted as a double: every product below (×100
 * at most, long division remainders ×10) stays under 2^53, so the arithmetic is exact.
 */
export const FAST_LIMIT = 2 ** 46;

/** Whether a number (converted from fen) is small enough for the exact double arithmetic here. */
export function isFast(value: number): boolean {
  return value <= FAST_LIMIT && value >= -FAST_LIMIT;
}

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

/** |value| / (half × 2 × factor) rounded half-up, written with `digits` decimals trimmed (value safe). */
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

/** Exact yuan as a decimal string ("1234.56", "100000"): formatYuan, faster for everyday amounts. */
export function yuanText(fen: Fen): string {
  const value = Number(fen);
  return isFast(value) ? yuanOfNumber(value) : formatYuan(fen);
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

/** "10.00" → "10", "2.50" → "2.5", "-0.40" → "-0.4". */
export function trimDecimal(text: string): string {
  if (!text.includes(".")) return text;
  const trimmed = text.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed === "-0" ? "0" : trimmed;
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

function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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

export function amountEn(fen: Fen): string {
  const value = Number(fen);
  if (isFast(value)) return `${groupedOfNumber(value)} yuan`;
  return `${groupedYuan(fen)} yuan`;
}

/** A figure compared against a threshold, for reading: "48.2 亿元", "350 万元" (rounded to 0.01 of the unit). */
export function figureZh(fen: Fen): string {
  return figureZhOfNumber(Number(fen), fen);
}

/** figureZh of `value`, the fen as a number (bigint `fen` used when it is too large). */
export function figureZhOfNumber(value: number, fen: Fen): string {
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
  return figureEnOfNumber(Number(fen), fen);
}

/** figureEn of `value`, the fen as a number (bigint `fen` used when it is too large). */
export function figureEnOfNumber(value: number, fen: Fen): string {
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

/** figureZh, but exact in 元 when rounding would make the figure read as the threshold it is compared with. */
export function figureNearZh(value: Fen, reference: Fen): string {
  const shown = figureZh(value);
  return value !== reference && shown === figureZh(reference) ? `${groupedYuan(value)} 元` : shown;
}

export function figureNearEn(value: Fen, reference: Fen): string {
  const shown = figureEn(value);
  return value !== reference && shown === figureEn(reference) ? amountEn(value) : shown;
}
