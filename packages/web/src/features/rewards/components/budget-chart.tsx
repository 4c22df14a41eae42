import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartSeries {
  name: string;
  /** 万元 as decimal strings (exact); turned into numbers only to be drawn. */
  values: (string | null)[];
  kind: "bar" | "line";
  stack?: string;
  color?: string;
}

/** Stacked bars (paid, approved, pending, forecast) with the budget as a line, in 万元. */
export function BudgetChart({
  categories,
  series,
  label,
}: {
  categories: string[];
  series: ChartSeries[];
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current);
    chart.setOption({
      grid: { left: 72, right: 24, top: 48, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: (value: unknown) => `${String(value ?? "—")} 万元` },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value", name: "万元" },
      series: series.map((item) => ({
        type: item.kind,
        name: item.name,
        stack: item.stack,
        data: item.values.map((value) => (value === null ? null : Number(value))),
        ...(item.color ? { itemStyle: { color: item.color } } : {}),
        ...(item.kind === "line" ? { symbolSize: 8 } : { barMaxWidth: 48 }),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={container} role="img" aria-label={label} style={{ width: "100%", height: 320 }} />;
}
