import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay, formatRateAsPercent } from "../../../shared/format/numbers";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { type ProjectCategory, type ProjectStats, useProjectStats } from "../api/projects-api";
import { ProjectFunnel } from "./project-funnel";

const categories: ProjectCategory[] = ["50", "20", "industrial", "other"];

/** Counts toward the targets (T-M2a, T-M2b, G2, T-M5), projects introduced per year, and the funnel. */
export function ProjectStatsPanel() {
  const t = useT();
  const localized = useLocalizedText();
  const [year, setYear] = useState<number | undefined>(undefined);
  const stats = useProjectStats(year);
  const years = stats.data?.introducedByYear.map((entry) => entry.year) ?? [];

  return (
    <QueryBoundary isPending={stats.isPending} error={stats.error}>
      {() => {
        const data = stats.data as ProjectStats;
        return (
          <Space direction="vertical" size={16} style={{ width: "100%" }}>
            <Space>
              <Typography.Text>{t("pj.statsYear")}</Typography.Text>
              <Select
                aria-label={t("pj.statsYear")}
                value={data.year}
                style={{ width: 120 }}
                onChange={setYear}
                options={[...new Set([...years, data.year, data.year + 1])]
                  .sort()
                  .map((value) => ({ value, label: String(value) }))}
              />
            </Space>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data.targets}
              aria-label={t("pj.targetsTable")}
              columns={[
                {
                  title: t("pj.target"),
                  key: "name",
                  render: (_, target) => `${target.id} ${localized(target.name, target.nameEn)}`,
                },
                {
                  title: t("pj.targetValue"),
                  key: "target",
                  width: 110,
                  render: (_, target) => (target.unit === "share" ? formatRateAsPercent(target.target) : target.target),
                },
                {
                  title: t("pj.yearlyTarget", { year: data.year }),
                  dataIndex: "yearlyTarget",
                  width: 120,
                  render: (v) => v ?? "—",
                },
                {
                  title: t("pj.thisYear", { year: data.year }),
                  dataIndex: "thisYear",
                  width: 120,
                  render: (v) => v ?? "—",
                },
                {
                  title: t("pj.actualToDate"),
                  key: "actual",
                  width: 130,
                  render: (_, target) =>
                    target.actual === null
                      ? "—"
                      : target.unit === "share"
                        ? formatRateAsPercent(target.actual)
                        : target.actual,
                },
              ]}
            />
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t("pj.introducedByYear")}>
                  <Table
                    rowKey="year"
                    size="small"
                    pagination={false}
                    dataSource={data.introducedByYear}
                    columns={[
                      { title: t("figures.year"), dataIndex: "year", width: 80 },
                      ...categories.map((category) => ({
                        title: t(`pj.category.${category}` as "pj.category.50"),
                        key: category,
                        render: (_: unknown, row: ProjectStats["introducedByYear"][number]) => row.counts[category],
                      })),
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t("pj.manufacturingShare", { year: data.year })}>
                  <Space size={32} wrap>
                    <Statistic
                      title={t("pj.share")}
                      value={data.manufacturing.share === null ? "—" : formatRateAsPercent(data.manufacturing.share)}
                    />
                    <Statistic
                      title={t("pj.totalFixedAsset")}
                      value={formatFenForDisplay(data.manufacturing.totalFen)}
                    />
                    <Statistic
                      title={t("pj.manufacturingInvestment")}
                      value={formatFenForDisplay(data.manufacturing.manufacturingFen)}
                    />
                  </Space>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    {t("pj.pipelineCompleted", {
                      amount: formatFenForDisplay(data.manufacturing.pipelineCompletedFen),
                    })}
                  </Typography.Paragraph>
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t("pj.funnel")}>
              <ProjectFunnel funnel={data.funnel} label={t("pj.funnel")} />
            </Card>
          </Space>
        );
      }}
    </QueryBoundary>
  );
}
