import { DownloadOutlined } from "@ant-design/icons";
import { rewardOutputs } from "@beizeng/domain/rewards/language/outline";
import { App, Button, Card, Input, Progress, Select, Space, Switch, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import type { MessageKey } from "../../../shared/i18n/dictionary";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import {
  ENTITLEMENT_STATUSES,
  type Entitlement,
  type EntitlementFilters,
  paymentListUrl,
  useAwardWorkflow,
  useBatch,
  useEntitlements,
  useStartBatch,
} from "../api/rewards-api";
import { EntitlementDrawer } from "./entitlement-drawer";
import { PublicityPanel } from "./publicity-panel";
import { AmountText, ChangeTag, StatusTag } from "./reward-labels";

type Filters = Omit<EntitlementFilters, "page" | "pageSize">;

/**
 * The office computes a year; everyone on staff lists, filters and opens entitlements; each acts at the steps the
 * plan's workflow gives it (a unit starts on the entitlements waiting for its first step).
 */
export function RewardsPage() {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const user = useCurrentUser().data;
  const plan = usePlan();
  const workflow = useAwardWorkflow();
  const steps = workflow.data?.steps ?? [];
  const defaults = useMemo<Filters>(() => {
    if (user?.role !== "unit") return {};
    const mine = steps.find((step) => step.mine && step.kind !== "confirm");
    return mine ? { step: mine.id } : {};
  }, [steps, user?.role]);
  const [chosen, setFilters] = useState<Filters | null>(null);
  const filters = chosen ?? defaults;
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const entitlements = useEntitlements({ ...filters, page, pageSize: 20 });
  const change = (patch: Partial<Filters>) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  const publicity = steps.find((step) => step.kind === "publicity");
  const period = plan.data?.period;
  const years: number[] = [];
  if (period) for (let year = period.startYear; year <= period.endYear + 2; year++) years.push(year);
  // Each rule id an entitlement can carry: a tier with its own id is named by its rule and category.
  const rules = (plan.data?.rewards ?? []).flatMap((rule) =>
    rewardOutputs(rule).map((output) => {
      const name = language === "en" ? rule.nameEn : rule.name;
      return { id: output.ruleId, name: output.category === null ? name : `${name}（${output.category}）` };
    }),
  );

  return (
    <div>
      <Typography.Title level={3}>{t("rw.title")}</Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="rewards-intro">
        {steps.length > 0
          ? t("rw.introSteps", {
              steps: steps
                .map((step) =>
                  t("rw.stepBy", {
                    step: localized(step.name, step.nameEn),
                    actor: localized(step.actor, step.actorEn),
                  }),
                )
                .join(" → "),
            })
          : t("rw.intro")}
      </Typography.Paragraph>
      {user?.role === "office" && <ComputePanel years={years} />}
      {publicity && <PublicityPanel step={publicity} isOffice={user?.role === "office"} onOpen={setOpenId} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t("rw.search")}
            placeholder={t("rw.search")}
            allowClear
            onSearch={(value) => change({ q: value.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t("rw.year")}
            placeholder={t("rw.year")}
            allowClear
            value={filters.year}
            options={years.map((year) => ({ value: year, label: `${year}` }))}
            onChange={(value?: number) => change({ year: value })}
            style={{ width: 100 }}
          />
          <Select
            aria-label={t("rw.rule")}
            placeholder={t("rw.rule")}
            allowClear
            value={filters.rule}
            options={rules.map((rule) => ({ value: rule.id, label: `${rule.id} ${rule.name}` }))}
            onChange={(value?: string) => change({ rule: value })}
            style={{ width: 260 }}
          />
          <Select
            aria-label={t("rw.status")}
            placeholder={t("rw.status")}
            allowClear
            value={filters.status}
            options={ENTITLEMENT_STATUSES.map((status) => ({
              value: status,
              label: t(`rw.status.${status}` as MessageKey),
            }))}
            onChange={(value?: string) => change({ status: value })}
            style={{ width: 130 }}
          />
          <Select
            aria-label={t("rw.step")}
            placeholder={t("rw.step")}
            allowClear
            value={filters.step}
            options={steps.map((step) => ({
              value: step.id,
              label: t("rw.awaiting", { step: localized(step.name, step.nameEn) }),
            }))}
            onChange={(value?: string) => change({ step: value })}
            style={{ width: 200 }}
          />
          <Space>
            <Switch
              aria-label={t("rw.changedOnly")}
              checked={filters.changed === true}
              onChange={(checked) => change({ changed: checked || undefined })}
            />
            {t("rw.changedOnly")}
          </Space>
          <Button icon={<DownloadOutlined />} href={paymentListUrl({ year: filters.year })}>
            {t("rw.paymentList")}
          </Button>
          {user?.role === "office" && <Link to="/rewards/why-not">{t("rw.whyNotLink")}</Link>}
          <Link to="/rewards/budget">{t("rw.budgetLink")}</Link>
          {(user?.role === "office" || user?.role === "leader") && <Link to="/rewards/scenarios">{t("scn.link")}</Link>}
          <Link to="/rules">{t("rules.allRules")}</Link>
        </Space>
        <QueryBoundary isPending={entitlements.isPending} error={entitlements.error}>
          {() => (
            <Table<Entitlement>
              rowKey="id"
              size="middle"
              dataSource={entitlements.data?.items ?? []}
              onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: "pointer" } })}
              pagination={{
                current: page,
                pageSize: 20,
                total: entitlements.data?.total ?? 0,
                onChange: setPage,
                showTotal: (total) => t("common.total", { total }),
              }}
              columns={[
                { title: t("rw.year"), dataIndex: "year", width: 70 },
                {
                  title: t("rw.enterprise"),
                  render: (_, row) => (
                    <div>
                      <div>{row.enterpriseName}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {row.creditCode}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  title: t("rw.rule"),
                  render: (_, row) => (
                    <span>
                      {language === "en" ? row.ruleNameEn : row.ruleName}
                      <Typography.Text type="secondary"> {row.clause}</Typography.Text>
                    </span>
                  ),
                },
                {
                  title: t("rw.amount"),
                  align: "right",
                  render: (_, row) => <AmountText fen={row.amountFen} />,
                },
                {
                  title: t("rw.status"),
                  render: (_, row) => (
                    <Space size={4} wrap>
                      <StatusTag status={row.status} />
                      <ChangeTag flag={row.changeFlag} />
                      {row.awaitingStep && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t("rw.awaiting", { step: localized(row.awaitingStep.name, row.awaitingStep.nameEn) })}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t("common.actions"),
                  render: (_, row) => (
                    <Button type="link" onClick={() => setOpenId(row.id)}>
                      {t("rw.open")}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      <EntitlementDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}

/** Computing a year for the whole district: one action, with progress polled from the batch row. */
function ComputePanel({ years }: { years: number[] }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [batchId, setBatchId] = useState<number | null>(null);
  const start = useStartBatch();
  const batch = useBatch(batchId);
  const data = batch.data;
  const percent = data && data.progress.total > 0 ? Math.round((data.progress.done * 100) / data.progress.total) : 0;
  return (
    <Card title={t("rw.compute")} style={{ marginBottom: 16 }}>
      <Space wrap align="center">
        <Select
          aria-label={t("rw.computeYear")}
          placeholder={t("rw.computeYear")}
          value={year}
          options={years.map((value) => ({ value, label: `${value}` }))}
          onChange={setYear}
          style={{ width: 140 }}
        />
        <Button
          type="primary"
          disabled={year === undefined || data?.status === "running"}
          loading={start.isPending}
          onClick={async () => {
            if (year === undefined) return;
            try {
              const started = await start.mutateAsync(year);
              setBatchId(started.id);
            } catch (error) {
              message.error(errorText(error));
            }
          }}
        >
          {t("rw.computeStart")}
        </Button>
        {data && (
          <div style={{ minWidth: 320 }}>
            <Progress
              percent={data.status === "done" ? 100 : percent}
              status={data.status === "failed" ? "exception" : data.status === "running" ? "active" : "success"}
              aria-label={t("rw.progress")}
            />
            {data.status === "running" && data.ahead ? (
              <Typography.Text type="secondary">{t("rw.waiting", { count: data.ahead })}</Typography.Text>
            ) : null}
          </div>
        )}
      </Space>
      {data?.status === "done" && data.summary && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="batch-summary">
          {t("rw.computeDone", {
            year: data.year,
            count: data.summary.entitlements,
            total: formatFenForDisplay(data.summary.totalFen),
            created: data.summary.created,
            changed: data.summary.changed,
            superseded: data.summary.superseded,
            corrections: data.summary.corrections,
          })}
        </Typography.Paragraph>
      )}
      {data?.status === "failed" && <Typography.Text type="danger">{data.errorMessage}</Typography.Text>}
    </Card>
  );
}
