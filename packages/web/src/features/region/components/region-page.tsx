import { DesktopOutlined, DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Row, Space, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useNavigate } from "react-router-dom";
import { type ChartOption, EChart } from "../../../shared/components/echart";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { STATUS_COLORS, useCoverageTexts } from "../../dashboard";
import {
  REGION_BOARD_PATH,
  REGION_EXPORT_URL,
  type RegionDistrictOverview,
  type RegionOverview,
  type RegionSum,
  type RegionTarget,
  useRegionOverview,
  useViewDistrict,
} from "../api/region-api";
import { coveragePercent, onTrackPercent, quantityText } from "./region-figures";

/** Each district's data completeness and share of targets on track: figures every district has, whatever its plan. */
function comparisonOption(overview: RegionOverview, names: string[], t: ReturnType<typeof useT>): ChartOption {
  return {
    color: ["#1677ff", "#52c41a"],
    tooltip: { trigger: "axis", valueFormatter: (value: unknown) => (typeof value === "number" ? `${value}%` : "—") },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
    // Many districts' names are slanted so that each stays readable beside the next.
    xAxis: {
      type: "category",
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0, width: 120, overflow: "truncate" },
    },
    yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      { name: t("region.chart.coverage"), type: "bar", data: overview.districts.map(coveragePercent), barMaxWidth: 36 },
      { name: t("region.chart.onTrack"), type: "bar", data: overview.districts.map(onTrackPercent), barMaxWidth: 36 },
    ],
  };
}

function DistrictCard({ district }: { district: RegionDistrictOverview }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const coverageTexts = useCoverageTexts();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const view = useViewDistrict();
  const open = (path: string) =>
    view.mutate(district.id, {
      onSuccess: () => navigate(path),
      onError: (error) => message.error(error.message || t("region.switchFailed")),
    });
  const coverage = district.coverage ? coverageTexts(district.coverage) : null;
  const name = localized(district.name, district.nameEn);
  return (
    <Card
      size="small"
      title={name}
      data-testid={`region-card-${district.id}`}
      extra={
        <Space size={4} wrap>
          <Button size="small" type="primary" onClick={() => open("/dashboard")} loading={view.isPending}>
            {t("region.open.dashboard")}
          </Button>
          <Button size="small" onClick={() => open("/targets")}>
            {t("region.open.targets")}
          </Button>
          <Button size="small" onClick={() => open("/enterprises")}>
            {t("region.open.enterprises")}
          </Button>
        </Space>
      }
    >
      {district.problem === "no-plan" ? (
        <Alert type="info" showIcon title={t("region.noPlan")} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: "100%" }}>
          <Typography.Text type="secondary">{district.planTitle}</Typography.Text>
          <Space wrap size="small">
            <Typography.Text>
              {t("region.latest")}
              {district.latest ? t("region.month", district.latest) : t("common.noData")}
            </Typography.Text>
          </Space>
          {coverage ? (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong data-testid="region-coverage">
                {coverage.line}
              </Typography.Text>
              {coverage.below ? <Typography.Text type="warning">{coverage.below}</Typography.Text> : null}
              {coverage.partialShort ? (
                <Typography.Text type="secondary">{coverage.partialShort}</Typography.Text>
              ) : null}
            </Space>
          ) : null}
          <Table<RegionTarget>
            size="small"
            rowKey="targetId"
            pagination={false}
            dataSource={district.targets}
            scroll={{ x: 520 }}
            columns={[
              {
                title: t("region.target"),
                key: "name",
                render: (_, target) => (
                  <Space size={4} wrap>
                    <span>{localized(target.name, target.nameEn)}</span>
                    {target.sumKey ? <Tag>{t("region.inSum")}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t("region.goal"),
                key: "goal",
                width: 150,
                render: (_, target) =>
                  `${quantityText(target.target, target.planUnit, target.metric, language)}${t("common.inParentheses", { text: String(target.deadlineYear) })}`,
              },
              {
                title: t("region.current"),
                key: "current",
                width: 150,
                render: (_, target) =>
                  target.current ? (
                    <Space orientation="vertical" size={0}>
                      <span>{quantityText(target.current.value, target.planUnit, target.metric, language)}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t("region.month", { year: target.current.year, month: target.current.month })}
                      </Typography.Text>
                    </Space>
                  ) : (
                    "—"
                  ),
              },
              {
                title: t("dash.status"),
                key: "status",
                width: 110,
                render: (_, target) => (
                  <Tag color={STATUS_COLORS[target.status]}>{t(`dash.status.${target.status}`)}</Tag>
                ),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

function SumsCard({ overview }: { overview: RegionOverview }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const names = new Map(overview.districts.map((district) => [district.id, localized(district.name, district.nameEn)]));
  return (
    <Card size="small" title={t("region.sums")} data-testid="region-sums">
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        <Typography.Text type="secondary">{t("region.sumsRule")}</Typography.Text>
        {overview.sums.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("region.noSums")} />
        ) : (
          <Table<RegionSum>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={overview.sums}
            scroll={{ x: 640 }}
            columns={[
              { title: t("region.target"), key: "name", render: (_, sum) => localized(sum.name, sum.nameEn) },
              {
                title: t("region.districts"),
                key: "districts",
                render: (_, sum) =>
                  sum.districtIds.map((id) => names.get(id) ?? "").join(language === "en" ? ", " : "、"),
              },
              {
                title: t("region.goalSum"),
                key: "goal",
                render: (_, sum) =>
                  `${quantityText(sum.target, sum.planUnit, sum.metric, language)}${t("common.inParentheses", { text: String(sum.deadlineYear) })}`,
              },
              {
                title: t("region.currentSum"),
                key: "current",
                render: (_, sum) =>
                  sum.current ? (
                    `${quantityText(sum.current.value, sum.planUnit, sum.metric, language)}${t("common.inParentheses", { text: String(sum.current.year) })}`
                  ) : (
                    <Typography.Text type="secondary">
                      {t(sum.currentGap === "years-differ" ? "region.gap.yearsDiffer" : "region.gap.missing")}
                    </Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

/** 区域首页: the region's districts side by side, each opening its own pages read only. */
export function RegionPage() {
  const t = useT();
  const navigate = useNavigate();
  const localized = useLocalizedText();
  const overview = useRegionOverview();
  const names = useMemo(
    () => overview.data?.districts.map((district) => localized(district.name, district.nameEn)) ?? [],
    [overview.data, localized],
  );
  return (
    <QueryBoundary isPending={overview.isPending} error={overview.error}>
      {() =>
        overview.data ? (
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            <Card>
              <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
                <Space orientation="vertical" size={0}>
                  <Typography.Title level={3} style={{ margin: 0 }}>
                    {t("region.title", { name: localized(overview.data.region.name, overview.data.region.nameEn) })}
                  </Typography.Title>
                  <Typography.Text type="secondary">{t("region.readOnly")}</Typography.Text>
                </Space>
                <Space wrap>
                  <Button icon={<DownloadOutlined />} href={REGION_EXPORT_URL}>
                    {t("region.export")}
                  </Button>
                  <Button type="primary" icon={<DesktopOutlined />} onClick={() => navigate(REGION_BOARD_PATH)}>
                    {t("dash.openBoard")}
                  </Button>
                </Space>
              </Space>
            </Card>
            <Card size="small" title={t("region.chart.title")}>
              <EChart
                option={comparisonOption(overview.data, names, t)}
                height={260}
                label={t("region.chart.title")}
                testId="region-chart"
              />
            </Card>
            <SumsCard overview={overview.data} />
            <Row gutter={[16, 16]}>
              {overview.data.districts.map((district) => (
                <Col key={district.id} xs={24} xxl={12}>
                  <DistrictCard district={district} />
                </Col>
              ))}
            </Row>
          </Space>
        ) : null
      }
    </QueryBoundary>
  );
}
