/**
 * The dashboard's chart options, shared by the leaders' dashboard (light) and the 数据大屏 (dark).
 * Amounts are drawn in 亿元, converted from exact fen only for drawing.
 */

import type { ChartOption } from "../../../shared/components/echart";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import type { Translate } from "../../../shared/i18n/i18n";
import type { Dashboard, TargetCard } from "../api/dashboard-api";
import { fenToYi, quantityNumber } from "./quantity";

export interface ChartTheme {
  text: string;
  axis: string;
  split: string;
  fontSize: number;
}

export const LIGHT: ChartTheme = { text: "#434343", axis: "#8c8c8c", split: "#f0f0f0", fontSize: 12 };
export const DARK: ChartTheme = { text: "#e6f4ff", axis: "#91caff", split: "rgba(145,202,255,0.15)", fontSize: 18 };

const PALETTE = ["#1677ff", "#52c41a", "#fa8c16", "#13c2c2", "#eb2f96", "#722ed1", "#faad14"];

/** A tooltip's value in 亿元 with its unit ("29.49 亿元"), not the bare drawing number. */
function yiTooltipValue(t: Translate) {
  const one = (value: unknown) =>
    typeof value === "number" && Number.isFinite(value)
      ? `${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${t("dash.yi")}`
      : "—";
  // An interval's value is [x, low, high]: its low and high are the amounts.
  return (value: unknown) => (Array.isArray(value) ? `${one(value[1])}—${one(value[2])}` : one(value));
}

function base(theme: ChartTheme, t: Translate) {
  return {
    color: PALETTE,
    textStyle: { color: theme.text, fontSize: theme.fontSize },
    tooltip: { trigger: "axis", valueFormatter: yiTooltipValue(t) },
    legend: { top: 0, textStyle: { color: theme.text, fontSize: theme.fontSize } },
    grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
  };
}

function axis(theme: ChartTheme) {
  return {
    axisLabel: { color: theme.text, fontSize: theme.fontSize },
    axisLine: { lineStyle: { color: theme.axis } },
    splitLine: { lineStyle: { color: theme.split } },
  };
}

/** G1's yearly actuals, its path and the deadline forecast with its interval. */
export function revenueYearsOption(
  dashboard: Dashboard,
  g1: TargetCard | undefined,
  t: Translate,
  theme: ChartTheme,
): ChartOption {
  const years = dashboard.revenueYears.map((row) => row.year);
  const deadline = g1?.deadlineYear;
  if (deadline !== undefined && !years.includes(deadline)) years.push(deadline);
  for (let y = (years[0] ?? 0) + 1; deadline !== undefined && y < deadline; y++) if (!years.includes(y)) years.push(y);
  years.sort((a, b) => a - b);
  const byYear = new Map(dashboard.revenueYears.map((row) => [row.year, row]));
  const forecast = g1?.forecast;
  const deadlineIndex = deadline === undefined ? -1 : years.indexOf(deadline);
  const showForecast = forecast && g1?.statusBasis === "forecast";
  return {
    ...base(theme, t),
    xAxis: { type: "category", data: years.map(String), ...axis(theme) },
    yAxis: { type: "value", ...axis(theme) },
    series: [
      {
        type: "bar",
        name: t("dash.actual"),
        data: years.map((y) => fenToYi(byYear.get(y)?.actual)),
        barMaxWidth: 48,
      },
      {
        type: "line",
        name: t("dash.path"),
        data: years.map((y) => fenToYi(byYear.get(y)?.path ?? (y === deadline ? g1?.target.value : null))),
        lineStyle: { type: "dashed" },
        connectNulls: true,
      },
      ...(showForecast
        ? [
            {
              type: "scatter",
              name: t("dash.forecastSeries"),
              symbolSize: 14,
              data: years.map((_, i) => (i === deadlineIndex ? quantityNumber(forecast.estimate) : null)),
            },
            {
              type: "custom",
              name: t("dash.interval", { level: Math.round(forecast.level * 100) }),
              data: [[deadlineIndex, quantityNumber(forecast.low), quantityNumber(forecast.high)]],
              encode: { x: 0, y: [1, 2] },
              renderItem: intervalBar("#fa8c16"),
              z: 10,
            },
          ]
        : []),
    ],
  };
}

/** A vertical error bar from low to high, for custom series data [x, low, high]. */
function intervalBar(color: string) {
  return (
    _params: unknown,
    api: { value: (i: number) => number; coord: (point: [number, number]) => [number, number] },
  ) => {
    const x = api.value(0);
    const low = api.coord([x, api.value(1)]);
    const high = api.coord([x, api.value(2)]);
    const style = { stroke: color, lineWidth: 3 };
    return {
      type: "group",
      children: [
        { type: "line", shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
        { type: "line", shape: { x1: low[0] - 10, y1: low[1], x2: low[0] + 10, y2: low[1] }, style },
        { type: "line", shape: { x1: high[0] - 10, y1: high[1], x2: high[0] + 10, y2: high[1] }, style },
      ],
    };
  };
}

export function revenueByMonthOption(dashboard: Dashboard, t: Translate, theme: ChartTheme): ChartOption {
  const { months, year } = dashboard.revenueByMonth;
  return {
    ...base(theme, t),
    xAxis: { type: "category", data: months.map((m) => t("dash.month", { month: m.month })), ...axis(theme) },
    yAxis: { type: "value", ...axis(theme) },
    series: [
      { type: "bar", name: `${year}`, data: months.map((m) => fenToYi(m.current)), barMaxWidth: 32 },
      { type: "line", name: `${year - 1}`, data: months.map((m) => fenToYi(m.previous)), symbolSize: 6 },
    ],
  };
}

export function groupOption(
  rows: Dashboard["byChain"],
  t: Translate,
  theme: ChartTheme,
  localized?: (id: string) => string,
): ChartOption {
  const ordered = [...rows].reverse();
  return {
    ...base(theme, t),
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: yiTooltipValue(t) },
    xAxis: { type: "value", ...axis(theme) },
    yAxis: {
      type: "category",
      data: ordered.map((row) => (localized ? localized(row.key) : row.name)),
      ...axis(theme),
    },
    series: [
      { type: "bar", name: t("dash.value"), data: ordered.map((row) => fenToYi(row.current)), barMaxWidth: 24 },
      { type: "bar", name: t("dash.samePeriod"), data: ordered.map((row) => fenToYi(row.previous)), barMaxWidth: 24 },
    ],
  };
}

export function funnelOption(dashboard: Dashboard, t: Translate, theme: ChartTheme): ChartOption {
  return {
    ...base(theme, t),
    tooltip: { trigger: "item", formatter: `{b}: {c} ${t("dash.projectUnit")}` },
    legend: { show: false },
    series: [
      {
        type: "funnel",
        sort: "none",
        left: "8%",
        width: "84%",
        top: 8,
        bottom: 8,
        minSize: "20%",
        label: { show: true, position: "inside", color: "#fff", fontSize: theme.fontSize, formatter: "{b} {c}" },
        data: dashboard.projectFunnel.map((stage) => ({
          name: t(`stage.${stage.stage}` as MessageKey),
          value: stage.count,
        })),
      },
    ],
  };
}
