import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the pieces this chart uses, to keep the page's chunk small.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface RevenuePoint {
  year: number;
  /** The amount in the chart's unit (万元 or 亿元) as a decimal string, computed exactly; a number only to be drawn. */
  value: string;
}

/** Annual revenue as a line, in the unit the axis names (万元 or 亿元). */
export function RevenueChart({ points, axisName, label }: { points: RevenuePoint[]; axisName: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current);
    chart.setOption({
      grid: { left: 64, right: 24, top: 36, bottom: 32 },
      tooltip: { trigger: "axis", valueFormatter: (value: unknown) => `${String(value)} ${axisName}` },
      xAxis: { type: "category", data: points.map((point) => String(point.year)) },
      yAxis: { type: "value", name: axisName, nameTextStyle: { align: "right" } },
      series: [
        { type: "line", name: label, data: points.map((point) => Number(point.value)), smooth: false, symbolSize: 8 },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [points, axisName, label]);

  return <div ref={container} role="img" aria-label={label} style={{ width: "100%", height: 280 }} />;
}
