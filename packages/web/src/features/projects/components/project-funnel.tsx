import { FunnelChart } from "echarts/charts";
import { LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useCodeLabel } from "../../../shared/i18n/i18n";
import type { ProjectStats } from "../api/projects-api";

echarts.use([FunnelChart, TooltipComponent, LegendComponent, CanvasRenderer]);

/** The pipeline as a funnel: projects per stage, with their planned investment in the tooltip. */
export function ProjectFunnel({ funnel, label }: { funnel: ProjectStats["funnel"]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const codeLabel = useCodeLabel();

  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current);
    const investment = new Map(funnel.map((entry) => [codeLabel("stage", entry.stage), entry.plannedInvestmentFen]));
    chart.setOption({
      tooltip: {
        trigger: "item",
        formatter: (params: { name: string; value: number }) =>
          `${params.name}：${params.value} · ${formatFenForDisplay(investment.get(params.name) ?? "0")}`,
      },
      series: [
        {
          type: "funnel",
          name: label,
          sort: "none",
          left: "10%",
          width: "80%",
          minSize: "20%",
          label: {
            show: true,
            position: "inside",
            formatter: (params: { name: string; value: number }) =>
              `${params.name}  ${params.value}｜${formatFenForDisplay(investment.get(params.name) ?? "0")}`,
          },
          data: funnel.map((entry) => ({ name: codeLabel("stage", entry.stage), value: entry.count })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [funnel, label, codeLabel]);

  return <div ref={container} role="img" aria-label={label} style={{ width: "100%", height: 320 }} />;
}
