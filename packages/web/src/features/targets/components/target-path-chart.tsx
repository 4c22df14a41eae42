import { useMemo } from "react";
import { type ChartClick, EChart } from "../../../shared/components/echart";
import { useT } from "../../../shared/i18n/i18n";
import { quantityNumber } from "../../dashboard";
import type { TargetDetail } from "../api/targets-api";

/** A target's yearly path against its actuals, and at the deadline the forecast with its interval. */
export function TargetPathChart({
  target,
  onYearClick,
}: {
  target: TargetDetail;
  onYearClick?: (year: number) => void;
}) {
  const t = useT();
  const unitLabel = target.unit === "yuan" ? t("dash.yi") : target.unit === "share" ? "%" : "";
  const option = useMemo(() => {
    const years: number[] = [];
    for (let y = target.baselineYear; y <= target.deadlineYear; y++) years.push(y);
    const actual = new Map(target.actuals.map((a) => [a.year, a.value]));
    if (target.baseline) actual.set(target.baselineYear, target.baseline);
    const path = new Map(target.path.map((p) => [p.year, p.value]));
    const forecast = target.forecast;
    const deadlineIndex = years.length - 1;
    const showForecast = forecast && target.statusBasis === "forecast";
    return {
      color: ["#1677ff", "#8c8c8c", "#fa8c16"],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: years.map(String) },
      yAxis: { type: "value", name: unitLabel },
      series: [
        { type: "bar", name: t("dash.actual"), data: years.map((y) => quantityNumber(actual.get(y))), barMaxWidth: 40 },
        {
          type: "line",
          name: t("dash.path"),
          data: years.map((y) => quantityNumber(path.get(y))),
          lineStyle: { type: "dashed" },
          connectNulls: true,
        },
        ...(showForecast
          ? [
              {
                type: "scatter",
                name: t("dash.forecastSeries"),
                symbolSize: 12,
                data: years.map((_, i) => (i === deadlineIndex ? quantityNumber(forecast.estimate) : null)),
              },
              {
                type: "custom",
                name: t("dash.interval", { level: 80 }),
                data: [[deadlineIndex, quantityNumber(forecast.low), quantityNumber(forecast.high)]],
                encode: { x: 0, y: [1, 2] },
                renderItem: (
                  _params: unknown,
                  api: { value: (i: number) => number; coord: (p: [number, number]) => [number, number] },
                ) => {
                  const x = api.value(0);
                  const low = api.coord([x, api.value(1)]);
                  const high = api.coord([x, api.value(2)]);
                  const style = { stroke: "#fa8c16", lineWidth: 3 };
                  return {
                    type: "group",
                    children: [
                      { type: "line", shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
                      { type: "line", shape: { x1: low[0] - 8, y1: low[1], x2: low[0] + 8, y2: low[1] }, style },
                      { type: "line", shape: { x1: high[0] - 8, y1: high[1], x2: high[0] + 8, y2: high[1] }, style },
                    ],
                  };
                },
              },
            ]
          : []),
      ],
    };
  }, [target, t, unitLabel]);
  return (
    <EChart
      option={option}
      height={260}
      label={`${target.targetId} ${t("dash.path")}`}
      onClick={(click: ChartClick) => onYearClick?.(target.baselineYear + click.dataIndex)}
    />
  );
}
