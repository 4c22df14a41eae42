import { DesktopOutlined, FundOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Switch, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { RefreshingNotice } from "../../../shared/components/refreshing-notice";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useNoteTexts } from "../../../shared/i18n/note-texts";
import { useCurrentUser } from "../../auth";
import { ChainLeadersCard } from "../../enterprises";
import { useUnitNameByCode } from "../../units";
import {
  type Dashboard,
  type RecordRequest,
  useBoardPublication,
  useDashboard,
  usePublishBoard,
} from "../api/dashboard-api";
import { funnelOption, groupOption, LIGHT, revenueByMonthOption, revenueYearsOption } from "./chart-options";
import { ChartPanel } from "./chart-panel";
import { CoverageNotice } from "./coverage";
import { formatGrowth, percent } from "./quantity";
import { RecordsDrawer } from "./records-drawer";
import { TargetCard } from "./target-card";

/** The leaders' dashboard (首页 of office, leaders and inspectors): every figure drills down to its records. */
export function DashboardPage() {
  const t = useT();
  const localized = useLocalizedText();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get("asOf") ?? undefined;
  const dashboard = useDashboard(asOf);
  const navigate = useNavigate();
  const user = useCurrentUser().data;

  const setAsOf = (value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set("asOf", value);
    else next.delete("asOf");
    setSearch(next, { replace: true });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("dash.title")}
          </Typography.Title>
          {dashboard.data ? (
            <Typography.Text type="secondary">
              {localized(dashboard.data.plan.title, dashboard.data.plan.titleEn)}
            </Typography.Text>
          ) : null}
        </Col>
        <Col>
          <Space wrap>
            <Typography.Text>{t("dash.asOf")}</Typography.Text>
            <DatePicker
              picker="month"
              allowClear
              placeholder={t("dash.latest")}
              aria-label={t("dash.asOf")}
              value={asOf ? dayjs(`${asOf}-01`) : null}
              maxDate={
                dashboard.data?.latest
                  ? dayjs(`${dashboard.data.latest.year}-${String(dashboard.data.latest.month).padStart(2, "0")}-01`)
                  : undefined
              }
              onChange={(value) => setAsOf(value ? value.format("YYYY-MM") : null)}
            />
            <Button icon={<FundOutlined />} onClick={() => navigate(`/targets${asOf ? `?asOf=${asOf}` : ""}`)}>
              {t("dash.targetsPage")}
            </Button>
            <Button
              type="primary"
              icon={<DesktopOutlined />}
              onClick={() => navigate(`/board${asOf ? `?asOf=${asOf}` : ""}`)}
            >
              {t("dash.openBoard")}
            </Button>
          </Space>
        </Col>
      </Row>
      {user?.role === "office" ? <PublicationSwitch /> : null}
      <QueryBoundary isPending={dashboard.isPending} error={dashboard.error}>
        {() =>
          dashboard.data ? (
            <>
              <RefreshingNotice refreshing={dashboard.data.refreshing} />
              <CoverageNotice
                coverage={dashboard.data.coverage}
                canEdit={user?.role === "office"}
                onViewPartial={setAsOf}
              />
              <DashboardBody dashboard={dashboard.data} asOf={asOf} />
            </>
          ) : null
        }
      </QueryBoundary>
    </Space>
  );
}

function PublicationSwitch() {
  const t = useT();
  const publication = useBoardPublication();
  const publish = usePublishBoard();
  const published = publication.data?.published ?? false;
  const { modal } = App.useApp();
  const publicUrl = `${window.location.origin}/public/board`;
  // Publishing is read back first: what becomes public, and where; taking it down needs no second thought.
  const change = (checked: boolean) => {
    if (!checked) return publish.mutate(false);
    modal.confirm({
      title: t("dash.publishConfirm.title"),
      content: t("dash.publishConfirm.body", { url: publicUrl }),
      okText: t("dash.publishConfirm.ok"),
      cancelText: t("common.cancel"),
      onOk: () => publish.mutateAsync(true),
    });
  };
  return (
    <Space wrap>
      <Typography.Text>{t("dash.publishBoard")}</Typography.Text>
      <Switch
        checked={published}
        loading={publication.isPending || publish.isPending}
        onChange={change}
        aria-label={t("dash.publishBoard")}
        checkedChildren={t("dash.published")}
        unCheckedChildren={t("dash.unpublished")}
      />
      {published ? (
        <Typography.Text type="secondary" copyable={{ text: `${window.location.origin}/public/board` }}>
          {t("dash.publicLink", { url: `${window.location.origin}/public/board` })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

function DashboardBody({ dashboard, asOf }: { dashboard: Dashboard; asOf: string | undefined }) {
  const t = useT();
  const noteTexts = useNoteTexts();
  const localized = useLocalizedText();
  const [drill, setDrill] = useState<RecordRequest | null>(null);
  const g1 = dashboard.cards.find((card) => card.metric === "aboveScaleRevenue");
  const years = useMemo(() => revenueYearsOption(dashboard, g1, t, LIGHT), [dashboard, g1, t]);
  const months = useMemo(() => revenueByMonthOption(dashboard, t, LIGHT), [dashboard, t]);
  const chains = useMemo(
    () =>
      // The groups are the plan's chains, which the dashboard sends with their names in both languages.
      groupOption(dashboard.byChain, t, LIGHT, (id) => {
        const chain = dashboard.chains.find((c) => c.id === id);
        return chain
          ? localized(chain.name, chain.nameEn)
          : (dashboard.byChain.find((row) => row.key === id)?.name ?? "—");
      }),
    [dashboard, t, localized],
  );
  const unitNameByCode = useUnitNameByCode();
  const towns = useMemo(
    () =>
      groupOption(dashboard.byTown, t, LIGHT, (code) =>
        unitNameByCode(code, dashboard.byTown.find((row) => row.key === code)?.name ?? code),
      ),
    [dashboard, t, unitNameByCode],
  );
  const funnel = useMemo(() => funnelOption(dashboard, t, LIGHT), [dashboard, t]);
  const { revenueByMonth } = dashboard;
  const period = t("dash.period", { year: revenueByMonth.year, month: revenueByMonth.throughMonth });

  const drillTarget = (targetId: string, year: number) => setDrill({ source: "target", targetId, year, asOf });
  const drillDashboard = (request: Omit<Extract<RecordRequest, { source: "dashboard" }>, "source" | "asOf">) =>
    setDrill({ source: "dashboard", asOf, ...request });

  return (
    <>
      {noteTexts(dashboard).map((note) => (
        <Alert key={note} type="warning" showIcon title={note} />
      ))}
      <Typography.Text type="secondary">{t("dash.clickHint")}</Typography.Text>
      <Row gutter={[12, 12]}>
        {dashboard.cards.map((card) => (
          <Col key={card.targetId} xs={24} sm={12} lg={8} xxl={6}>
            <TargetCard
              card={card}
              onDrill={
                card.current ? () => drillTarget(card.targetId, card.current?.year ?? revenueByMonth.year) : undefined
              }
            />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={t("dash.revenueYears")}
            chart="revenueYears"
            asOf={asOf}
            option={years}
            onClick={(click) => {
              const year = Number((years.xAxis as { data: string[] }).data[click.dataIndex]);
              if (g1 && click.seriesIndex === 0) drillTarget(g1.targetId, year);
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={t("dash.revenueByMonth")}
            chart="revenueByMonth"
            asOf={asOf}
            option={months}
            onClick={(click) =>
              drillDashboard({
                figure: "monthRevenue",
                month: click.dataIndex + 1,
                year: click.seriesIndex === 0 ? revenueByMonth.year : revenueByMonth.year - 1,
              })
            }
            footer={
              <Typography.Link
                data-testid="ytd-total"
                onClick={() => drillDashboard({ figure: "periodRevenue", year: revenueByMonth.year })}
              >
                {t("dash.ytd", {
                  month: revenueByMonth.throughMonth,
                  value: formatFenForDisplay(revenueByMonth.yearToDate),
                  growth: formatGrowth(revenueByMonth.growthMillionths),
                  comparable: revenueByMonth.comparable.enterprises,
                  count: revenueByMonth.enterprises,
                })}
              </Typography.Link>
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={`${t("dash.byChain")} · ${period}`}
            chart="byChain"
            asOf={asOf}
            option={chains}
            onClick={(click) => {
              const row = [...dashboard.byChain].reverse()[click.dataIndex];
              if (row)
                drillDashboard({
                  figure: "periodRevenue",
                  chain: row.key,
                  year: click.seriesIndex === 0 ? revenueByMonth.year : revenueByMonth.year - 1,
                });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChainLeadersCard />
        </Col>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={`${t("dash.byTown")} · ${period}`}
            chart="byTown"
            asOf={asOf}
            option={towns}
            height={Math.max(300, dashboard.byTown.length * 36)}
            onClick={(click) => {
              const row = [...dashboard.byTown].reverse()[click.dataIndex];
              if (row)
                drillDashboard({
                  figure: "periodRevenue",
                  town: row.key,
                  year: click.seriesIndex === 0 ? revenueByMonth.year : revenueByMonth.year - 1,
                });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartPanel
            title={t("dash.projectFunnel")}
            chart="projectFunnel"
            asOf={asOf}
            option={funnel}
            onClick={(click) => {
              const stage = dashboard.projectFunnel[click.dataIndex]?.stage;
              if (stage) drillDashboard({ figure: "projects", stage });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ReservePoolCard dashboard={dashboard} asOf={asOf} onDrill={() => drillDashboard({ figure: "reserve" })} />
        </Col>
      </Row>
      <RecordsDrawer request={drill} onClose={() => setDrill(null)} />
    </>
  );
}

function ReservePoolCard({
  dashboard,
  asOf,
  onDrill,
}: {
  dashboard: Dashboard;
  asOf: string | undefined;
  onDrill: () => void;
}) {
  const t = useT();
  const pool = dashboard.reservePool;
  return (
    <Card
      size="small"
      title={t("dash.reservePool")}
      extra={
        <Space>
          <Button size="small" href={`/api/dashboard/export?chart=reservePool${asOf ? `&asOf=${asOf}` : ""}`}>
            {t("dash.exportXlsx")}
          </Button>
          <Button size="small" onClick={onDrill}>
            {t("dash.drill")}
          </Button>
        </Space>
      }
    >
      <Typography.Link onClick={onDrill} data-testid="reserve-summary">
        {pool.settledYear !== null
          ? t("dash.reserveSettled", { count: pool.count, year: pool.settledYear })
          : pool.top.some((row) => row.probabilityAtDeadline !== null)
            ? t("dash.reserveSummary", { count: pool.count, likely: pool.likelyByDeadline })
            : t("dash.reserveCount", { count: pool.count })}
      </Typography.Link>
      <Table
        size="small"
        rowKey="enterpriseId"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={pool.top}
        columns={[
          {
            title: t("dash.enterprise"),
            dataIndex: "name",
            render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
          },
          {
            title: t("dash.revenueLastYear"),
            dataIndex: "revenueLastYear",
            align: "right",
            render: (value: string | null) => formatFenForDisplay(value),
          },
          {
            title: t("dash.probability"),
            dataIndex: "probabilityAtDeadline",
            align: "right",
            render: (value: number | null) =>
              pool.settledYear !== null && value === null ? t("dash.settledNotEntered") : percent(value),
          },
          {
            title: t("dash.likelyYear"),
            dataIndex: "likelyYear",
            render: (y: number | null) => y ?? (pool.settledYear !== null ? t("dash.notWithinPlan") : "—"),
          },
        ]}
      />
    </Card>
  );
}
