import { amountInUnit } from "@beizeng/domain/money";
import { type NoteParams, renderNote } from "@beizeng/domain/notes/messages";
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { usePlan } from "../../plan";
import {
  type BudgetYear,
  type Correction,
  type Forecast,
  useBudget,
  useCorrections,
  useForecast,
  useResolveCorrection,
  useSetBudget,
} from "../api/rewards-api";
import { BudgetChart, type ChartSeries } from "./budget-chart";

const wan = (fen: string | null) => (fen === null ? null : amountInUnit(BigInt(fen), "万元", 2));

/** The forecast's method in the chosen language: from its message when the server sent one this version knows. */
function methodText(
  forecast: (Forecast & { methodMessage?: { key: string; params: NoteParams } }) | undefined,
  language: "zh-CN" | "en",
): string | undefined {
  if (!forecast) return undefined;
  return (forecast.methodMessage && renderNote(forecast.methodMessage, language)) ?? forecast.method;
}

/** A reward rule's name in the chosen language: the plan's English name of a rule; as sent otherwise. */
function useRuleName(): (rule: { ruleId: string; ruleName: string }) => string {
  const localized = useLocalizedText();
  const plan = usePlan();
  return (rule) => {
    const planned = plan.data?.rewards.find((candidate) => candidate.id === rule.ruleId);
    return planned ? localized(planned.name, planned.nameEn) : rule.ruleName;
  };
}

/** S15: each year's budget beside paid, approved and pending rewards, the forecast, and corrections to review. */
export function RewardsBudgetPage() {
  const t = useT();
  const { language } = useLanguage();
  const ruleName = useRuleName();
  const user = useCurrentUser().data;
  const budget = useBudget();
  const forecast = useForecast();
  const [editing, setEditing] = useState<BudgetYear | null>(null);
  const isOffice = user?.role === "office";

  const chart = useMemo(() => {
    const years = budget.data?.years ?? [];
    const future = (forecast.data?.years ?? []).filter((item) => !years.some((y) => y.year === item.year));
    const categories = [
      ...years.map((y) => String(y.year)),
      ...future.map((y) => `${y.year}${t("rw.forecastSuffix")}`),
    ];
    const pad = (values: (string | null)[], before: number) => [...Array(before).fill(null), ...values];
    const forecastByYear = new Map((forecast.data?.years ?? []).map((y) => [y.year, y.totalFen]));
    const series: ChartSeries[] = [
      {
        name: t("rw.paid"),
        kind: "bar",
        stack: "cost",
        color: "#52c41a",
        values: [...years.map((y) => wan(y.paidFen)), ...future.map(() => null)],
      },
      {
        name: t("rw.approved"),
        kind: "bar",
        stack: "cost",
        color: "#faad14",
        values: [...years.map((y) => wan(y.approvedFen)), ...future.map(() => null)],
      },
      {
        name: t("rw.pending"),
        kind: "bar",
        stack: "cost",
        color: "#1677ff",
        values: [...years.map((y) => wan(y.pendingFen)), ...future.map(() => null)],
      },
      {
        name: t("rw.forecast"),
        kind: "bar",
        stack: "cost",
        color: "#bfbfbf",
        values: pad(
          future.map((y) => wan(forecastByYear.get(y.year) ?? "0")),
          years.length,
        ),
      },
      {
        name: t("rw.budget"),
        kind: "line",
        color: "#cf1322",
        values: [...years.map((y) => wan(y.budgetFen)), ...future.map(() => null)],
      },
    ];
    return { categories, series };
  }, [budget.data, forecast.data, t]);

  return (
    <div>
      <Typography.Title level={3}>{t("rw.budgetTitle")}</Typography.Title>
      <QueryBoundary isPending={budget.isPending} error={budget.error}>
        {() => (
          <>
            <Card style={{ marginBottom: 16 }}>
              <BudgetChart categories={chart.categories} series={chart.series} label={t("rw.budgetChart")} />
            </Card>
            <Card title={t("rw.budgetTable")} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary">{t("rw.recoveryHint")}</Typography.Paragraph>
              <Table<BudgetYear>
                rowKey="year"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={budget.data?.years ?? []}
                expandable={{
                  expandedRowRender: (row) => (
                    <>
                      {row.sources.length > 0 ? <FundSourcesTable sources={row.sources} /> : null}
                      <Table
                        size="small"
                        rowKey="ruleId"
                        pagination={false}
                        dataSource={row.byRule}
                        columns={[
                          { title: t("rw.rule"), render: (_, r) => ruleName(r) },
                          { title: t("rw.count"), dataIndex: "count" },
                          { title: t("rw.paidNet"), align: "right", render: (_, r) => formatFenForDisplay(r.paidFen) },
                          {
                            title: t("rw.recoveredRepaid"),
                            align: "right",
                            render: (_, r) => formatFenForDisplay(r.repaidFen, "万元"),
                          },
                          {
                            title: t("rw.recoveredDeducted"),
                            align: "right",
                            render: (_, r) => formatFenForDisplay(r.deductedFen, "万元"),
                          },
                          {
                            title: t("rw.toDeduct"),
                            align: "right",
                            render: (_, r) => formatFenForDisplay(r.toDeductFen, "万元"),
                          },
                          {
                            title: t("rw.approved"),
                            align: "right",
                            render: (_, r) => formatFenForDisplay(r.approvedFen),
                          },
                          {
                            title: t("rw.pending"),
                            align: "right",
                            render: (_, r) => formatFenForDisplay(r.pendingFen),
                          },
                        ]}
                      />
                    </>
                  ),
                }}
                columns={[
                  { title: t("rw.year"), dataIndex: "year" },
                  {
                    title: t("rw.budget"),
                    align: "right",
                    render: (_, r) => (
                      <>
                        {formatFenForDisplay(r.budgetFen)}
                        {r.budgetFrom === "plan" ? (
                          <Tag style={{ marginInlineStart: 6 }}>{t("rw.fundFromPlan")}</Tag>
                        ) : null}
                      </>
                    ),
                  },
                  { title: t("rw.paidNet"), align: "right", render: (_, r) => formatFenForDisplay(r.paidFen) },
                  {
                    title: t("rw.recovery"),
                    children: [
                      {
                        title: t("rw.recoveredRepaid"),
                        align: "right",
                        render: (_: unknown, r: BudgetYear) => formatFenForDisplay(r.repaidFen, "万元"),
                      },
                      {
                        title: t("rw.recoveredDeducted"),
                        align: "right",
                        render: (_: unknown, r: BudgetYear) => formatFenForDisplay(r.deductedFen, "万元"),
                      },
                      {
                        title: t("rw.toDeduct"),
                        align: "right",
                        render: (_: unknown, r: BudgetYear) => formatFenForDisplay(r.toDeductFen, "万元"),
                      },
                    ],
                  },
                  { title: t("rw.approved"), align: "right", render: (_, r) => formatFenForDisplay(r.approvedFen) },
                  { title: t("rw.pending"), align: "right", render: (_, r) => formatFenForDisplay(r.pendingFen) },
                  {
                    title: t("rw.remaining"),
                    align: "right",
                    render: (_, r) =>
                      r.remainingFen === null ? (
                        "—"
                      ) : (
                        <Typography.Text type={r.remainingFen.startsWith("-") ? "danger" : undefined}>
                          {formatFenForDisplay(r.remainingFen)}
                        </Typography.Text>
                      ),
                  },
                  ...(isOffice
                    ? [
                        {
                          title: t("common.actions"),
                          render: (_: unknown, r: BudgetYear) => (
                            <Button type="link" onClick={() => setEditing(r)}>
                              {t("rw.setBudget")}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </>
        )}
      </QueryBoundary>
      <Card title={t("rw.forecastTitle")} style={{ marginBottom: 16 }}>
        <QueryBoundary isPending={forecast.isPending} error={forecast.error}>
          {() => (
            <>
              <Typography.Paragraph type="secondary">{methodText(forecast.data, language)}</Typography.Paragraph>
              <Typography.Paragraph>
                {t("rw.outstanding", { amount: formatFenForDisplay(forecast.data?.outstandingFen ?? "0") })}
              </Typography.Paragraph>
              <Table
                rowKey="year"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={forecast.data?.years ?? []}
                columns={[
                  {
                    title: t("rw.year"),
                    render: (_, y) => (
                      <Space>
                        {y.year}
                        {!y.withinPlan && <Tag>{t("rw.policyContinues")}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t("rw.forecast"), align: "right", render: (_, y) => formatFenForDisplay(y.totalFen) },
                  {
                    title: t("rw.byRule"),
                    render: (_, y) =>
                      y.byRule
                        .map((r) =>
                          t("rw.byRuleItem", {
                            rule: ruleName(r),
                            count: r.count,
                            amount: formatFenForDisplay(r.totalFen),
                          }),
                        )
                        .join(t("rw.byRuleSeparator")) || "—",
                  },
                ]}
              />
            </>
          )}
        </QueryBoundary>
      </Card>
      <CorrectionsCard canResolve={isOffice} />
      <BudgetModal year={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

function BudgetModal({ year, onClose }: { year: BudgetYear | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const setBudget = useSetBudget();
  const [form] = Form.useForm();
  return (
    <Modal
      open={year !== null}
      title={t("rw.setBudgetFor", { year: year?.year ?? "" })}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={setBudget.isPending}
      destroyOnHidden
      onOk={async () => {
        const values = await form.validateFields();
        try {
          // Entered in 万元; sent as yuan text, exactly (no float arithmetic on the amount).
          const [whole = "0", fraction = ""] = String(values.amountWan).split(".");
          const yuan = `${whole}${fraction.padEnd(4, "0").slice(0, 4)}`.replace(/^0+(?=\d)/, "");
          await setBudget.mutateAsync({ year: year!.year, amountYuan: yuan, note: values.note });
          message.success(t("common.saved"));
          onClose();
        } catch (error) {
          message.error(errorText(error));
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="amountWan" label={t("rw.budgetWan")} rules={[{ required: true, message: t("rw.required") }]}>
          <InputNumber min={0} precision={4} stringMode style={{ width: "100%" }} addonAfter="万元" />
        </Form.Item>
        <Form.Item name="note" label={t("rw.note")}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CorrectionsCard({ canResolve }: { canResolve: boolean }) {
  const t = useT();
  const ruleName = useRuleName();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const corrections = useCorrections();
  const resolve = useResolveCorrection();
  const act = async (row: Correction, decision: "accepted" | "dismissed") => {
    const reason = window.prompt(t("rw.resolveReason"));
    if (!reason) return;
    try {
      await resolve.mutateAsync({ id: row.id, decision, reason });
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Card title={t("rw.corrections")}>
      <Typography.Paragraph type="secondary">{t("rw.correctionsHint")}</Typography.Paragraph>
      <QueryBoundary isPending={corrections.isPending} error={corrections.error}>
        {() => (
          <Table<Correction>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={corrections.data ?? []}
            columns={[
              { title: t("rw.enterprise"), render: (_, r) => r.enterpriseName ?? r.creditCode },
              { title: t("rw.rule"), render: (_, r) => ruleName({ ruleId: r.ruleId, ruleName: r.ruleId }) },
              { title: t("rw.year"), dataIndex: "year" },
              { title: t("rw.paidAmount"), align: "right", render: (_, r) => formatFenForDisplay(r.paidAmountFen) },
              {
                title: t("rw.recomputed"),
                align: "right",
                render: (_, r) => formatFenForDisplay(r.recomputedAmountFen ?? "0"),
              },
              { title: t("rw.difference"), align: "right", render: (_, r) => formatFenForDisplay(r.differenceFen) },
              { title: t("rw.status"), render: (_, r) => t(`rw.correction.${r.status}`) },
              ...(canResolve
                ? [
                    {
                      title: t("common.actions"),
                      render: (_: unknown, r: Correction) =>
                        r.status === "open" ? (
                          <Space>
                            <Button size="small" onClick={() => act(r, "accepted")}>
                              {t("rw.accept")}
                            </Button>
                            <Button size="small" onClick={() => act(r, "dismissed")}>
                              {t("rw.dismiss")}
                            </Button>
                          </Space>
                        ) : (
                          r.reason
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}

/** The plan's fund sources of a year, each bearing its share of what is spent (S15). */
function FundSourcesTable({ sources }: { sources: BudgetYear["sources"] }) {
  const t = useT();
  const localized = useLocalizedText();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      style={{ marginBottom: 12 }}
      title={() => t("rw.fundSources")}
      dataSource={sources}
      columns={[
        { title: t("rw.fundSource"), render: (_, source) => localized(source.name, source.nameEn) },
        { title: t("rw.fundAmount"), align: "right", render: (_, source) => formatFenForDisplay(source.amountFen) },
        { title: t("rw.fundPaid"), align: "right", render: (_, source) => formatFenForDisplay(source.paidFen) },
        {
          title: t("rw.fundCommitted"),
          align: "right",
          render: (_, source) => formatFenForDisplay(source.committedFen),
        },
        {
          title: t("rw.remaining"),
          align: "right",
          render: (_, source) => (
            <Typography.Text type={source.remainingFen.startsWith("-") ? "danger" : undefined}>
              {formatFenForDisplay(source.remainingFen)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
