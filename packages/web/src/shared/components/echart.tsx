import { BarChart, CustomChart, FunnelChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type RefObject, useEffect, useRef } from "react";

// Only the pieces the dashboard, the boards and the targets draw, to keep their chunk small.
echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** What a click on a chart element tells: the series, the category and the data index. */
export interface ChartClick {
  seriesIndex: number;
  seriesName: string;
  dataIndex: number;
  name: string;
}

export interface ChartHandle {
  /** The chart as a PNG data URL (twice the screen resolution, on its own background). */
  pngDataUrl(): string | null;
}

/** An ECharts chart in a div; redrawn when the option changes, resized with the window. */
export function EChart({
  option,
  height = 300,
  label,
  onClick,
  handle,
  background = "#ffffff",
  testId,
  pixelRatio,
}: {
  option: ChartOption;
  height?: number | string;
  label: string;
  onClick?: (click: ChartClick) => void;
  handle?: RefObject<ChartHandle | null>;
  background?: string;
  testId?: string;
  /** Canvas pixels per CSS pixel, for a chart drawn inside a scaled board (sharp on a 4K screen); the screen's by default. */
  pixelRatio?: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  // A chart drawn again at another pixel ratio starts from the option it last showed.
  const latestOption = useRef<ChartOption | null>(null);
  clickRef.current = onClick;

  useEffect(() => {
    if (!container.current) return;
    const instance = echarts.init(container.current, undefined, pixelRatio ? { devicePixelRatio: pixelRatio } : {});
    if (latestOption.current) instance.setOption(latestOption.current, { notMerge: true });
    chart.current = instance;
    instance.on("click", (params) => {
      const p = params as { seriesIndex?: number; seriesName?: string; dataIndex?: number; name?: string };
      clickRef.current?.({
        seriesIndex: p.seriesIndex ?? 0,
        seriesName: p.seriesName ?? "",
        dataIndex: p.dataIndex ?? 0,
        name: p.name ?? "",
      });
    });
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [pixelRatio]);

  useEffect(() => {
    latestOption.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    if (!handle) return;
    handle.current = {
      pngDataUrl: () => chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: background }) ?? null,
    };
  }, [handle, background]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined }}
    />
  );
}

/** Saves a data URL as a file. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
