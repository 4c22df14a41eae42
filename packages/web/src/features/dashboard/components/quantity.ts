import { amountInUnit, divideToDecimalString } from "@beizeng/domain/money";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import type { QuantityJson, TargetStatus } from "../api/dashboard-api";

function toBigInt(value: string | null | undefined): bigint | null {
  if (value === null || value === undefined || !/^-?\d+$/.test(value)) return null;
  return BigInt(value);
}

/** What a count target counts, for its unit word (in English singular for one, plural otherwise). */
export function countWord(metric: string, language: "zh-CN" | "en", count?: bigint | number): string {
  if (language === "en") {
    const one = count !== undefined && BigInt(count) === 1n;
    if (metric === "introducedProjects") return one ? "project" : "projects";
    return one ? "enterprise" : "enterprises";
  }
  return metric === "introducedProjects" ? "个" : "家";
}

/** A target value as people read it: 亿元/万元, a percentage, or a count with its word. Exact (no float). */
export function formatQuantity(
  quantity: QuantityJson | null | undefined,
  metric: string,
  language: "zh-CN" | "en" = "zh-CN",
): string {
  const value = toBigInt(quantity?.value);
  if (!quantity || value === null) return "—";
  if (quantity.unit === "yuan") return formatFenForDisplay(value);
  if (quantity.unit === "share") return `${divideToDecimalString(value, 10_000n, 1)}%`;
  return `${value} ${countWord(metric, language, value)}`;
}

/** fen → 亿元 as a number, for drawing only. */
export function fenToYi(value: string | null | undefined): number | null {
  const fen = toBigInt(value);
  return fen === null ? null : Number(amountInUnit(fen, "亿元", 4));
}

/** A quantity as a number in its display unit (亿元, %, count), for drawing only. */
export function quantityNumber(quantity: QuantityJson | null | undefined): number | null {
  if (!quantity) return null;
  if (quantity.unit === "yuan") return fenToYi(quantity.value);
  const value = toBigInt(quantity.value);
  if (value === null) return null;
  if (quantity.unit === "share") return Number(divideToDecimalString(value, 10_000n, 2));
  return Number(value);
}

/** Growth in millionths ("123456" = 12.35 %) as a signed percentage. */
export function formatGrowth(millionths: string | null | undefined): string {
  const value = toBigInt(millionths);
  if (value === null) return "—";
  const text = divideToDecimalString(value, 10_000n, 1);
  return `${value > 0n ? "+" : ""}${text}%`;
}

/** Growth of current over previous (both fen strings) as a percentage; "—" without a base. */
export function growthText(current: string | null, previous: string | null): string {
  const c = toBigInt(current);
  const p = toBigInt(previous);
  if (c === null || p === null || p === 0n) return "—";
  return formatGrowth((((c - p) * 1_000_000n) / p).toString());
}

export const STATUS_COLORS: Record<TargetStatus, string> = {
  green: "#52c41a",
  yellow: "#faad14",
  red: "#f5222d",
  "aspiration-behind": "#1677ff",
  "no-data": "#8c8c8c",
};

/** A probability (0..1) as a whole percentage. */
export function percent(probability: number | null | undefined): string {
  return probability === null || probability === undefined ? "—" : `${Math.round(probability * 100)}%`;
}
