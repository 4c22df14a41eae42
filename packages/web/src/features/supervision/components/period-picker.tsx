import { Select, Space } from "antd";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";

/** Year and quarter (or the whole year) of a bulletin or ranking. */
export function PeriodPicker({
  year,
  quarter,
  years,
  onChange,
}: {
  year: number;
  quarter: number;
  years: number[];
  onChange: (year: number, quarter: number) => void;
}) {
  const t = useT();
  const codeLabel = useCodeLabel();
  return (
    <Space>
      <Select
        aria-label={t("supervision.year")}
        value={year}
        style={{ width: 110 }}
        options={years.map((y) => ({ value: y, label: t("supervision.yearLabel", { year: y }) }))}
        onChange={(value: number) => onChange(value, quarter)}
      />
      <Select
        aria-label={t("supervision.quarter")}
        value={quarter}
        style={{ width: 130 }}
        options={[0, 1, 2, 3, 4].map((q) => ({ value: q, label: codeLabel("supervision.quarters", String(q)) }))}
        onChange={(value: number) => onChange(year, value)}
      />
    </Space>
  );
}
