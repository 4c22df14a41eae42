import { formatForDisplay, parseYuan } from "@beizeng/domain/money";

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
  return fen === null ? "—" : formatForDisplay(fen, unit);
}

/** A plan amount written in yuan ("3000000"), shown in 万元 without needless decimals ("300 万元"). */
export function formatYuanTextInWan(yuan: string): string {
  const fen = parseYuan(yuan);
  return formatForDisplay(fen, "万元", fen % 1_000_000n === 0n ? 0 : 2);
}

/** A plan amount written in yuan, shown in 万元 or 亿元 as the size asks. */
export function formatYuanTextAuto(yuan: string): string {
  const fen = parseYuan(yuan);
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
