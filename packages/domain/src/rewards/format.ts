/**
 * Display helpers for reward explanations. Money stays bigint fen; these only write text.
 * Amounts paid are written exactly; figures compared (revenue, tax) are rounded for reading.
 */
import { divideToDecimalString, type Fen, formatYuan } from "../money";

const FEN_PER_WAN = 1_000_000n;
const FEN_PER_YI = 10_000_000_000n;

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
  const text = formatYuan(fen);
  const negative = text.startsWith("-");
  const [whole = "", fraction] = (negative ? text.slice(1) : text).split(".");
  return `${negative ? "-" : ""}${groupThousands(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** An amount paid, exactly: in 万元 when it is a whole number of hundreds of yuan ("10 万元", "2.5 万元"), else in 元. */
export function amountZh(fen: Fen): string {
  if (fen % 10_000n === 0n) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_WAN, 2))} 万元`;
  return `${groupedYuan(fen)} 元`;
}

export function amountEn(fen: Fen): string {
  return `${groupedYuan(fen)} yuan`;
}

/** A figure compared against a threshold, for reading: "48.2 亿元", "350 万元" (rounded to 0.01 of the unit). */
export function figureZh(fen: Fen): string {
  const abs = fen < 0n ? -fen : fen;
  if (abs >= FEN_PER_YI) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_YI, 2))} 亿元`;
  if (abs >= FEN_PER_WAN) return `${trimDecimal(divideToDecimalString(fen, FEN_PER_WAN, 2))} 万元`;
  return `${formatYuan(fen)} 元`;
}

/** English figure for reading: "4.82 billion yuan", "3.5 million yuan". */
export function figureEn(fen: Fen): string {
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
