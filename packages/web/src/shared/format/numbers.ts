/**
 * The web's amounts in the reader's language: thin wrappers over @beizeng/domain/money, which writes
 * every amount (万元/亿元 in Chinese, million and billion yuan in English).
 */
import { divideToDecimalString, formatEnglishForDisplay, formatForDisplay, parseYuan } from "@beizeng/domain/money";

let moneyLanguage: "zh-CN" | "en" = "zh-CN";

/**
 * The language amounts are written in: 万元/亿元 in Chinese; in English million and billion yuan, as English
 * readers count. The language provider sets it before the pages render and whenever the reader switches.
 */
export function setMoneyLanguage(language: "zh-CN" | "en"): void {
  moneyLanguage = language;
}

/** Money from the API arrives as fen, written as a string or a safe integer; never parsed as a float. */
export function toFen(value: string | number | bigint | null | undefined): bigint | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : null;
  return /^-?\d+$/.test(value.trim()) ? BigInt(value.trim()) : null;
}

/** An amount of fen in 万元 (or 亿元 from one 亿 up); "—" when absent. */
export function formatFenForDisplay(
  value: string | number | bigint | null | undefined,
  unit: "auto" | "万元" = "auto",
): string {
  const fen = toFen(value);
  if (fen === null) return "—";
  // English has no 万: a fixed 万元 column reads in million yuan like the rest.
  return moneyLanguage === "en" ? formatEnglishForDisplay(fen) : formatForDisplay(fen, unit);
}

/** The one unit a column of amounts is written in, so its figures compare at a glance. */
export type ColumnUnit = "万元" | "亿元" | "m yuan" | "bn yuan";

const FEN_PER_YI = 10_000_000_000n;
const FEN_PER_MILLION = 100_000_000n;
const FEN_PER_BILLION = 100_000_000_000n;

/** The unit for a column of amounts: the larger one as soon as any amount in it reaches it (亿元; in English bn). */
export function columnUnitOf(values: Iterable<string | number | bigint | null | undefined>): ColumnUnit {
  let largest = 0n;
  for (const value of values) {
    const fen = toFen(value);
    if (fen !== null && (fen < 0n ? -fen : fen) > largest) largest = fen < 0n ? -fen : fen;
  }
  if (moneyLanguage === "en") return largest >= FEN_PER_BILLION ? "bn yuan" : "m yuan";
  return largest >= FEN_PER_YI ? "亿元" : "万元";
}

/** An amount of fen in a column's unit ("0.25 亿元" beside "10.80 亿元"); "—" when absent. */
export function formatFenInColumn(value: string | number | bigint | null | undefined, unit: ColumnUnit): string {
  const fen = toFen(value);
  if (fen === null) return "—";
  if (unit === "万元" || unit === "亿元") return formatForDisplay(fen, unit);
  const divisor = unit === "bn yuan" ? FEN_PER_BILLION : FEN_PER_MILLION;
  return `${divideToDecimalString(fen, divisor, 2)} ${unit === "bn yuan" ? "bn" : "m"} yuan`;
}

/** A plan amount written in yuan ("3000000"), shown in 万元 without needless decimals ("300 万元"). */
export function formatYuanTextInWan(yuan: string): string {
  const fen = parseYuan(yuan);
  if (moneyLanguage === "en") return formatEnglishForDisplay(fen, true);
  return formatForDisplay(fen, "万元", fen % 1_000_000n === 0n ? 0 : 2);
}

/** A plan amount written in yuan, shown in 万元 or 亿元 as the size asks. */
export function formatYuanTextAuto(yuan: string): string {
  const fen = parseYuan(yuan);
  if (moneyLanguage === "en") return formatEnglishForDisplay(fen, true);
  const wholeUnit = fen >= 10_000_000_000n ? 10_000_000_000n : 1_000_000n;
  return formatForDisplay(fen, "auto", fen % wholeUnit === 0n ? 0 : 2);
}

/** A decimal rate string ("0.05") as a percentage ("5%"), by moving the decimal point: exact. */
export function formatRateAsPercent(rate: string): string {
  const [whole = "0", fraction = ""] = rate.split(".");
  const padded = fraction.padEnd(2, "0");
  const integerPart = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(2).replace(/0+$/, "");
  return rest ? `${integerPart}.${rest}%` : `${integerPart}%`;
}
