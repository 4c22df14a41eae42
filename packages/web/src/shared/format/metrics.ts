import { formatFenForDisplay, toFen } from "./numbers";

// Metrics whose values are money (fen); the others are counts.
const moneyMetrics = new Set([
  "revenue",
  "tax",
  "output",
  "fixed_asset_investment",
  "investment",
  "grants_received",
  "tech_investment",
  "equipment_invoices",
]);

export function isMoneyMetric(metric: string): boolean {
  return moneyMetrics.has(metric);
}

/** A figure's value for display: money in 万元/亿元, counts as whole numbers. */
export function formatFigureValue(metric: string, value: string | number): string {
  if (isMoneyMetric(metric)) return formatFenForDisplay(value);
  const count = toFen(value);
  return count === null ? String(value) : count.toLocaleString("zh-CN");
}
