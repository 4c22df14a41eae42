import { DownloadOutlined, PictureOutlined } from "@ant-design/icons";
import { Button, Card, Space, Tooltip } from "antd";
import { type ReactNode, useRef } from "react";
import {
  type ChartClick,
  type ChartHandle,
  type ChartOption,
  downloadDataUrl,
  EChart,
} from "../../../shared/components/echart";
import { useT } from "../../../shared/i18n/i18n";
import { chartExportUrl } from "../api/dashboard-api";

/** A chart in a card, with its PNG and spreadsheet exports; clicks drill down. */
export function ChartPanel({
  title,
  chart,
  asOf,
  option,
  height = 300,
  onClick,
  footer,
}: {
  title: string;
  /** The chart's id for the spreadsheet export (/api/dashboard/export?chart=…). */
  chart: string;
  asOf: string | undefined;
  option: ChartOption;
  height?: number;
  onClick?: (click: ChartClick) => void;
  footer?: ReactNode;
}) {
  const t = useT();
  const handle = useRef<ChartHandle | null>(null);
  const savePng = () => {
    const url = handle.current?.pngDataUrl();
    if (url) downloadDataUrl(url, `${title}.png`);
  };
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space size={4}>
          <Tooltip title={t("dash.exportPng")}>
            <Button
              size="small"
              type="text"
              icon={<PictureOutlined />}
              onClick={savePng}
              aria-label={`${title} ${t("dash.exportPng")}`}
            />
          </Tooltip>
          <Tooltip title={t("dash.exportXlsx")}>
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              href={chartExportUrl(chart, asOf)}
              aria-label={`${title} ${t("dash.exportXlsx")}`}
            />
          </Tooltip>
        </Space>
      }
    >
      <EChart
        option={option}
        height={height}
        label={title}
        onClick={onClick}
        handle={handle}
        testId={`chart-${chart}`}
      />
      {footer}
    </Card>
  );
}
