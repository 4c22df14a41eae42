import { divideToDecimalString } from "@beizeng/domain/money";
import { chainOfEnterprise } from "@beizeng/domain/register/chains";
import { Alert, Card, Col, Collapse, DatePicker, Descriptions, Row, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ClauseSource } from "../../../shared/components/clause-source";
import { RefreshingNotice } from "../../../shared/components/refreshing-notice";
import { QueryBoundary } from "../../../shared/components/status-results";
import { type ColumnUnit, columnUnitOf, formatFenForDisplay, formatFenInColumn } from "../../../shared/format/numbers";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useMessageText, useNoteTexts } from "../../../shared/i18n/note-texts";
import { useCurrentUser } from "../../auth";
import { formatQuantity, percent, type RecordRequest, RecordsDrawer, STATUS_COLORS } from "../../dashboard";
import { usePlan } from "../../plan";
import { useUnitNameByCode } from "../../units";
import {
  type GroupChange,
  type Outlook,
  type TargetDetail,
  type TargetsResponse,
  useTargets,
} from "../api/targets-api";
import { TargetInputsCard } from "./target-inputs-card";
import { TargetPathChart } from "./target-path-chart";
import { type TargetResult, targetResult } from "./target-result";
import { TargetsAnchor, targetSectionId } from "./targets-anchor";

/** A growth rate (0.0734) as a percentage with one decimal; display only. */
function rate(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}

type ForecastDetail = NonNullable<TargetDetail["forecast"]>["detail"];

/**
 * The forecast's measured error in plain words: at the running month when the year is running,
 * otherwise at the quarter ends a reader plans by (3, 6, 9 months).
 */
function measuredErrors(detail: ForecastDetail) {
  if (detail?.kind !== "revenue") return [];
  const months = detail.base?.throughMonth ? [detail.base.throughMonth] : [3, 6, 9];
  return detail.measuredError.filter((row) => months.includes(row.throughMonth));
}

/** Which seasonal profile the running year's estimate follows, and whether it carries the estimate alone. */
function SeasonalProfileText({ detail }: { detail: ForecastDetail }) {
  const t = useT();
  const localized = useLocalizedText();
  const profile = detail?.kind === "revenue" ? detail.seasonalProfile : null;
  if (!profile) return null;
  return (
    <div>
      <Typography.Text type="secondary">
        {t(profile.carries ? "targets.seasonalCarries" : "targets.seasonalReference", {
          name: localized(profile.name, profile.nameEn),
          source: localized(profile.source, profile.sourceEn),
          named: profile.origin === "plan" ? t("targets.seasonalNamedByPlan") : "",
        })}
      </Typography.Text>
    </div>
  );
}

/** Every target in detail: path chart, clause text, status, forecast and what it takes. */
export function TargetsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get("asOf") ?? undefined;
  const targets = useTargets(asOf);
  const user = useCurrentUser().data;
  const [drill, setDrill] = useState<RecordRequest | null>(null);
  const noteTexts = useNoteTexts();

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row justify="space-between" align="middle">
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("targets.title")}
          </Typography.Title>
        </Col>
        <Col>
          <Space>
            <Typography.Text>{t("dash.asOf")}</Typography.Text>
            <DatePicker
              picker="month"
              allowClear
              placeholder={t("dash.latest")}
              aria-label={t("dash.asOf")}
              value={asOf ? dayjs(`${asOf}-01`) : null}
              onChange={(value) => {
                const next = new URLSearchParams(search);
                if (value) next.set("asOf", value.format("YYYY-MM"));
                else next.delete("asOf");
                setSearch(next, { replace: true });
              }}
            />
          </Space>
        </Col>
      </Row>
      <QueryBoundary isPending={targets.isPending} error={targets.error}>
        {() =>
          targets.data ? (
            <>
              <RefreshingNotice refreshing={targets.data.refreshing} />
              {noteTexts(targets.data).map((note) => (
                <Alert key={note} type="warning" showIcon title={note} />
              ))}
              <TargetsAnchor targets={targets.data.targets} />
              {targets.data.targets.map((target) => (
                <TargetSection
                  key={target.targetId}
                  target={target}
                  data={targets.data as TargetsResponse}
                  onDrill={(year) => setDrill({ source: "target", targetId: target.targetId, year, asOf })}
                />
              ))}
            </>
          ) : null
        }
      </QueryBoundary>
      {user?.role === "office" ? <TargetInputsCard /> : null}
      <RecordsDrawer request={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}

function TargetSection({
  target,
  data,
  onDrill,
}: {
  target: TargetDetail;
  data: TargetsResponse;
  onDrill: (year: number) => void;
}) {
  const t = useT();
  const plan = usePlan();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const noteTexts = useNoteTexts();
  // The target's own notes, then its forecast's (defaults the model fell back on, what it leaves out).
  const notes = [...new Set([...noteTexts(target), ...noteTexts(target.forecast?.detail)])];
  const format = (q: TargetDetail["target"] | null | undefined) => formatQuantity(q, target.metric, language);
  const forecast = target.forecast;
  const level = forecast?.detail ? Math.round(forecast.detail.level * 100) : 80;
  // Past its deadline with the final figure in, a target reports its result; a forecast is for the years ahead.
  const result = targetResult(target);
  // Amounts in one column share one unit; counts and shares keep theirs.
  const yearlyUnit =
    target.unit === "yuan" ? columnUnitOf(target.yearly.flatMap((row) => [row.target.value, row.actual?.value])) : null;
  const inColumn = (q: TargetDetail["target"] | null | undefined) => (
    <span style={{ whiteSpace: "nowrap" }}>{yearlyUnit && q ? formatFenInColumn(q.value, yearlyUnit) : format(q)}</span>
  );
  return (
    <Card
      id={targetSectionId(target.targetId)}
      data-testid={`target-section-${target.targetId}`}
      style={{ borderLeft: `4px solid ${STATUS_COLORS[target.status]}` }}
      title={
        <Space wrap>
          <Tag color="geekblue">{target.targetId}</Tag>
          <span style={{ whiteSpace: "normal" }}>{localized(target.name, target.nameEn)}</span>
          <Tag color={STATUS_COLORS[target.status]}>{t(`dash.status.${target.status}`)}</Tag>
          {target.aspiration ? <Tag color="gold">{t("dash.aspiration")}</Tag> : null}
        </Space>
      }
      extra={<Typography.Text type="secondary">{t(`dash.basis.${target.statusBasis}`)}</Typography.Text>}
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={10}>
          <Typography.Paragraph lang="zh-CN" italic>
            “{target.quote}”
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t("clauseSource.label")}
            {t("common.colon")}
            <ClauseSource plan={plan.data} clauseId={target.clause} />
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t("dash.target")}>
              {format(target.target)}
              {target.upperValue ? `—${format(target.upperValue)}` : ""} · {target.deadlineYear}
            </Descriptions.Item>
            <Descriptions.Item
              label={`${t("dash.baseline")}${t("common.inParentheses", { text: String(target.baselineYear) })}`}
            >
              {format(target.baseline)}
            </Descriptions.Item>
            <Descriptions.Item label={t("dash.current")}>
              {target.current ? (
                <Typography.Link onClick={() => onDrill(target.current?.year ?? target.deadlineYear)}>
                  {format(target.current.value)}
                  {t("common.inParentheses", {
                    text: t("dash.upTo", { year: target.current.year, month: target.current.month }),
                  })}
                </Typography.Link>
              ) : (
                "—"
              )}
            </Descriptions.Item>
            {result ? (
              <Descriptions.Item label={t("targets.result")}>
                <ResultText result={result} metric={target.metric} />
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t("dash.gap")}>{format(target.gap)}</Descriptions.Item>
            )}
            {forecast && !result ? (
              <Descriptions.Item label={t("dash.forecast", { year: target.deadlineYear })}>
                <strong>{format(forecast.estimate)}</strong>{" "}
                {t("targets.forecastDetail", { level, low: format(forecast.low), high: format(forecast.high) })}
                {forecast.detail?.kind === "revenue" && forecast.detail.probabilityMet !== null
                  ? ` · ${t("dash.probabilityMet", { value: percent(forecast.detail.probabilityMet) })}`
                  : ""}
                <SeasonalProfileText detail={forecast.detail} />
                {measuredErrors(forecast.detail).map((row) => (
                  <div key={row.throughMonth}>
                    <Typography.Text type="secondary">
                      {t("targets.measuredError", {
                        month: row.throughMonth,
                        value: rate(row.meanAbsolutePercentageError),
                      })}
                    </Typography.Text>
                  </div>
                ))}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {target.yearly.length > 0 ? (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey="year"
              pagination={false}
              title={() => t("targets.yearly")}
              dataSource={target.yearly}
              columns={[
                { title: t("targets.year"), dataIndex: "year" },
                { title: t("dash.target"), dataIndex: "target", align: "right", render: inColumn },
                { title: t("dash.actual"), dataIndex: "actual", align: "right", render: inColumn },
                {
                  title: t("dash.status"),
                  dataIndex: "met",
                  render: (met: boolean | null) =>
                    met === null ? "—" : met ? t("targets.yearlyMet") : t("targets.yearlyMissed"),
                },
              ]}
            />
          ) : null}
        </Col>
        <Col xs={24} lg={14}>
          <TargetPathChart target={target} onYearClick={onDrill} />
        </Col>
      </Row>
      <WhatItTakes target={target} data={data} finished={result !== null} />
      {notes.length > 0 ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          title={t("targets.notes")}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {notes.map((note) => (
                <li key={note}>{note.length > 300 ? `${note.slice(0, 300)}…` : note}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {target.clauseText ? (
        <Collapse
          size="small"
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: "clause",
              label: t("targets.clauseText", { clause: target.clause }),
              children: (
                <Typography.Paragraph lang="zh-CN" style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
                  {target.clauseText}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/** The result in one sentence: met or not, the actual against the target, and by how much. */
function ResultText({ result, metric }: { result: TargetResult; metric: string }) {
  const t = useT();
  const { language } = useLanguage();
  const format = (q: TargetResult["actual"]) => formatQuantity(q, metric, language);
  // A share's distance is in percentage points, not a percentage of it.
  const difference =
    result.difference.unit === "share"
      ? t("targets.points", { value: divideToDecimalString(BigInt(result.difference.value), 10_000n, 1) })
      : format(result.difference);
  const values = { year: result.year, actual: format(result.actual), target: format(result.target), difference };
  return (
    <Typography.Text strong type={result.met ? "success" : "danger"} data-testid="target-result">
      {result.met
        ? result.difference.value === "0"
          ? t("targets.resultExact", values)
          : t("targets.resultMet", values)
        : `${t("targets.resultMissed", values)}${result.reached ? t("targets.reached", { value: result.reached }) : ""}`}
    </Typography.Text>
  );
}

function WhatItTakes({
  target,
  data,
  finished,
}: {
  target: TargetDetail;
  data: TargetsResponse;
  /** The deadline has passed: what it would take is moot, where the change came from still tells. */
  finished: boolean;
}) {
  const t = useT();
  const localized = useLocalizedText();
  const plan = usePlan();
  const unitNameByCode = useUnitNameByCode();
  const growth = finished ? null : target.requiredGrowth;
  const contribution = target.contribution;
  const detail = target.forecast?.detail;
  // Who may fall or enter is for the years ahead; once finished only the change's sources are told.
  const risks = finished ? null : target.fallRisks;
  const outlook = !finished && detail?.kind === "aboveScale" ? detail : null;
  if (!growth && !contribution && !risks && !outlook) return null;
  const money = contribution?.metric === "revenue";
  // One unit for every change of the analysis, so its tables compare at a glance.
  const changeUnit = columnUnitOf([
    ...(contribution?.byChain ?? []).map((row) => row.change),
    ...(contribution?.byTown ?? []).map((row) => row.change),
    ...(contribution?.topContributors ?? []).map((row) => row.change),
    ...(contribution?.largestDeclines ?? []).map((row) => row.change),
  ]);
  const changeText = (value: string) => (
    <span style={{ whiteSpace: "nowrap" }}>
      {money ? formatFenInColumn(value, changeUnit) : `${Number(value) > 0 ? "+" : ""}${value}`}
    </span>
  );
  const riskUnit: ColumnUnit = columnUnitOf(
    (risks ?? []).map((row) => (money ? row.revenue : row.marginOverThreshold)),
  );
  // The plan names the chains; until it is read, the names the targets were sent with (Chinese).
  const chainName = (key: string) => {
    if (!plan.data) return data.chains.find((c) => c.id === key)?.name ?? "—";
    const chain = chainOfEnterprise(plan.data, key);
    return localized(chain.name, chain.nameEn);
  };
  const townName = (key: string) =>
    unitNameByCode(key, data.towns.find((town) => town.code === key)?.name ?? (key || "—"));
  const groupTable = (rows: GroupChange[], label: string, name: (key: string) => string) => (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: label, dataIndex: "key", render: name },
        { title: t("targets.change"), dataIndex: "change", align: "right", render: changeText },
      ]}
    />
  );
  return (
    <Card
      size="small"
      type="inner"
      title={finished ? t("targets.whereFrom") : t("targets.whatItTakes")}
      style={{ marginTop: 12 }}
    >
      {growth ? (
        <Space orientation="vertical" size={2}>
          <Typography.Text>
            {t("targets.neededValue", { year: growth.deadlineYear, value: formatFenForDisplay(growth.neededValue) })}
          </Typography.Text>
          {growth.annualRate !== null ? (
            <Typography.Text>
              {t("targets.requiredAnnual", {
                from: growth.fromYear,
                value: formatFenForDisplay(growth.fromValue),
                rate: rate(growth.annualRate),
                monthly: rate(growth.monthlyRate),
              })}
            </Typography.Text>
          ) : null}
          {growth.remaining ? (
            <Typography.Text>
              {t("targets.remaining", {
                year: growth.remaining.year,
                months: growth.remaining.remainingMonths,
                needed: formatFenForDisplay(growth.remaining.neededInRemaining),
                perMonth: formatFenForDisplay(growth.remaining.perMonth),
                growth: rate(growth.remaining.growthOverSamePeriod),
              })}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      {contribution ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t("targets.contribution", { from: contribution.fromYear, to: contribution.toYear })}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12} xl={6}>
              {groupTable(contribution.byChain, t("targets.byChain"), chainName)}
            </Col>
            <Col xs={24} md={12} xl={6}>
              {groupTable(contribution.byTown, t("targets.byTown"), townName)}
            </Col>
            <Col xs={24} md={12} xl={6}>
              <EnterpriseList
                title={t("targets.topContributors")}
                rows={contribution.topContributors}
                value={changeText}
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <EnterpriseList title={t("targets.declines")} rows={contribution.largestDeclines} value={changeText} />
            </Col>
          </Row>
        </>
      ) : null}
      {risks && risks.length > 0 ? (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="enterpriseId"
          pagination={false}
          title={() => t("targets.fallRisks")}
          dataSource={risks.slice(0, 10)}
          columns={[
            {
              title: t("dash.enterprise"),
              dataIndex: "name",
              render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
            },
            {
              title: money ? t("dash.value") : t("targets.margin"),
              dataIndex: money ? "revenue" : "marginOverThreshold",
              align: "right",
              render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{formatFenInColumn(v, riskUnit)}</span>,
            },
            {
              title: t("targets.share"),
              dataIndex: "shareMillionths",
              align: "right",
              render: (v: string) => `${(Number(v) / 10_000).toFixed(1)}%`,
            },
            {
              title: t("targets.metWithout"),
              dataIndex: "targetMetWithout",
              render: (v: boolean | null) => (v === null ? "—" : v ? t("common.yes") : t("common.no")),
            },
          ]}
        />
      ) : null}
      {outlook ? (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <OutlookTable title={t("targets.candidates")} rows={outlook.candidates} />
          </Col>
          <Col xs={24} lg={12}>
            <OutlookTable title={t("targets.exitRisks")} rows={outlook.exitRisks} />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}

function EnterpriseList({
  title,
  rows,
  value,
}: {
  title: string;
  rows: { enterpriseId: number; name: string; change: string }[];
  value: (v: string) => ReactNode;
}) {
  return (
    <Table
      size="small"
      rowKey="enterpriseId"
      pagination={false}
      title={() => title}
      dataSource={rows.slice(0, 8)}
      columns={[
        {
          dataIndex: "name",
          render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
        },
        { dataIndex: "change", align: "right", render: value },
      ]}
      showHeader={false}
    />
  );
}

function OutlookTable({ title, rows }: { title: string; rows: Outlook[] }) {
  const t = useT();
  const messageText = useMessageText();
  const shown = rows.slice(0, 10);
  const revenueUnit = columnUnitOf(shown.map((row) => row.baseRevenue));
  return (
    <Table
      size="small"
      rowKey="enterpriseId"
      pagination={false}
      title={() => title}
      dataSource={shown}
      columns={[
        {
          title: t("dash.enterprise"),
          dataIndex: "name",
          render: (name: string, row) => <Link to={`/enterprises/${row.enterpriseId}`}>{name}</Link>,
        },
        {
          title: t("dash.revenueLastYear"),
          dataIndex: "baseRevenue",
          align: "right",
          render: (v: string | null) => (
            <span style={{ whiteSpace: "nowrap" }}>{formatFenInColumn(v, revenueUnit)}</span>
          ),
        },
        { title: t("dash.probability"), dataIndex: "probabilityAtDeadline", align: "right", render: percent },
        { title: t("dash.likelyYear"), dataIndex: "likelyYear", render: (y: number | null) => y ?? "—" },
        // Only when some enterprise's outlook has a reason worth saying.
        ...(rows.some((row) => row.note)
          ? [
              {
                title: t("dash.outlookNote"),
                key: "note",
                render: (_: unknown, row: Outlook) => (row.note ? messageText(row.note, row.noteMessage) : "—"),
              },
            ]
          : []),
      ]}
    />
  );
}
