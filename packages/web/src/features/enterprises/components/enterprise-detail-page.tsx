import { divideToDecimalString } from "@beizeng/domain/money";
import { Card, Descriptions, Empty, Space, Table, Tabs, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useParams } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFigureValue } from "../../../shared/format/metrics";
import { toFen } from "../../../shared/format/numbers";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan/api/plan-api";
import {
  type EnterpriseDetail,
  enterpriseStatus,
  enterpriseTownName,
  type Figure,
  useEnterprise,
} from "../api/enterprises-api";
import { RevenueChart, type RevenuePoint } from "./revenue-chart";

const statusColors: Record<string, string> = { above: "green", reserve: "gold", other: "default" };

/** The latest valid annual revenue of each year, in 万元 (corrected rows are left out). */
export function annualRevenuePoints(figures: Figure[]): RevenuePoint[] {
  const byYear = new Map<number, bigint>();
  for (const figure of figures) {
    if (figure.metric !== "revenue" || figure.month !== 0 || figure.supersededBy) continue;
    const fen = toFen(figure.value);
    if (fen !== null) byYear.set(figure.year, fen);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, fen]) => ({ year, wan: divideToDecimalString(fen, 1_000_000n, 2) }));
}

function FiguresTable({ figures, monthly }: { figures: Figure[]; monthly: boolean }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const rows = figures
    .filter((figure) => (monthly ? figure.month > 0 : figure.month === 0))
    .sort((a, b) => b.year - a.year || b.month - a.month || a.metric.localeCompare(b.metric));
  return (
    <Table<Figure>
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={rows.length > 24 ? { pageSize: 24, showSizeChanger: false } : false}
      columns={[
        { title: t("figures.year"), dataIndex: "year", width: 80 },
        ...(monthly ? [{ title: t("figures.month"), dataIndex: "month", width: 70 }] : []),
        { title: t("figures.metric"), dataIndex: "metric", render: (metric: string) => codeLabel("metric", metric) },
        {
          title: t("figures.value"),
          key: "value",
          align: "right" as const,
          render: (_: unknown, figure: Figure) => (
            <Typography.Text delete={Boolean(figure.supersededBy)}>
              {formatFigureValue(figure.metric, figure.value)}
            </Typography.Text>
          ),
        },
        {
          title: t("figures.source"),
          key: "source",
          render: (_: unknown, figure: Figure) => (
            <Space size={4}>
              {codeLabel("sourceKind", figure.sourceKind)}
              {figure.official ? <Tag color="blue">{t("figures.official")}</Tag> : null}
              {figure.supersededBy ? <Tag color="default">{t("figures.superseded")}</Tag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function EnterpriseView({ enterprise }: { enterprise: EnterpriseDetail }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const localized = useLocalizedText();
  const plan = usePlan();
  const chain = plan.data?.chains.find((candidate) => candidate.id === enterprise.chainId);
  const status = enterpriseStatus(enterprise) ?? enterprise.scaleHistory.at(-1)?.status ?? null;
  const revenue = useMemo(() => annualRevenuePoints(enterprise.figures), [enterprise.figures]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {enterprise.name} {enterprise.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: "code", label: t("enterprises.creditCode"), children: enterprise.creditCode },
            {
              key: "chain",
              label: t("enterprises.chain"),
              children: chain ? localized(chain.name, chain.nameEn) : codeLabel("chain", enterprise.chainId),
            },
            { key: "town", label: t("enterprises.town"), children: enterpriseTownName(enterprise) ?? "—" },
            { key: "industry", label: t("enterprises.industryCode"), children: enterprise.industryCode ?? "—" },
            {
              key: "status",
              label: t("enterprises.status"),
              children: status ? <Tag color={statusColors[status]}>{t(`scaleStatus.${status}`)}</Tag> : "—",
            },
            {
              key: "listing",
              label: t("enterprises.listingStage"),
              children: codeLabel("listingStage", enterprise.listingStage),
            },
            { key: "key", label: t("enterprises.key"), children: enterprise.isKey ? t("common.yes") : t("common.no") },
          ]}
        />
      </Card>
      <Card title={t("enterprises.scaleHistory")} size="small">
        {enterprise.scaleHistory.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />
        ) : (
          <Space wrap>
            {enterprise.scaleHistory.map((entry) => (
              <Tag key={entry.year} color={statusColors[entry.status]}>
                {entry.year}
                {t("common.colon")}
                {t(`scaleStatus.${entry.status}`)}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      <Card title={t("enterprises.revenueChart")} size="small">
        {revenue.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common.noData")} />
        ) : (
          <RevenueChart points={revenue} axisName={t("money.wan")} label={t("enterprises.revenueChart")} />
        )}
      </Card>
      <Card title={t("enterprises.figures")} size="small">
        <Tabs
          items={[
            {
              key: "annual",
              label: t("figures.annual"),
              children: <FiguresTable figures={enterprise.figures} monthly={false} />,
            },
            {
              key: "monthly",
              label: t("figures.monthly"),
              children: <FiguresTable figures={enterprise.figures} monthly />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

export function EnterpriseDetailPage() {
  const { enterpriseId = "" } = useParams();
  const enterprise = useEnterprise(enterpriseId);
  return (
    <QueryBoundary isPending={enterprise.isPending} error={enterprise.error}>
      {() => (enterprise.data ? <EnterpriseView enterprise={enterprise.data} /> : null)}
    </QueryBoundary>
  );
}
