import { Alert, Card, Empty, List, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { api } from "../../../shared/api/client";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { RuleLink } from "../../rules";
import { useWhyNot } from "../api/rewards-api";
import { factValue } from "./explanation-view";

interface EnterpriseOption {
  id: number;
  name: string;
  creditCode: string;
}

/** For one enterprise: what each rule pays it, and for every rule that pays nothing, why not. */
export function WhyNotPage() {
  const t = useT();
  const { language } = useLanguage();
  const plan = usePlan();
  const [options, setOptions] = useState<EnterpriseOption[]>([]);
  const [enterpriseId, setEnterpriseId] = useState<number | null>(null);
  const [year, setYear] = useState<number | undefined>(undefined);
  const result = useWhyNot(enterpriseId, year);
  const period = plan.data?.period;
  const years: number[] = [];
  if (period) for (let value = period.startYear; value <= period.endYear; value++) years.push(value);

  // The plan's name of a rule in the reader's language; the engine's name as sent otherwise.
  const ruleNameOf = (ruleId: string, sent: string) => {
    const planned = plan.data?.rewards.find((rule) => rule.id === ruleId);
    return language === "en" && planned ? planned.nameEn : sent;
  };
  const search = async (q: string) => {
    const page = await api.get<{ items: EnterpriseOption[] }>("/api/enterprises", { q, pageSize: 20 });
    setOptions(page.items);
  };

  return (
    <div>
      <Typography.Title level={3}>{t("rw.whyNotTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("rw.whyNotIntro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          aria-label={t("rw.enterprise")}
          placeholder={t("rw.searchEnterprise")}
          style={{ width: 360 }}
          onFocus={() => options.length === 0 && search("")}
          options={options.map((option) => ({ value: option.id, label: `${option.name}（${option.creditCode}）` }))}
          onChange={(value: number) => setEnterpriseId(value)}
        />
        <Select
          aria-label={t("rw.year")}
          placeholder={t("rw.allYears")}
          allowClear
          options={years.map((value) => ({ value, label: `${value}` }))}
          onChange={(value?: number) => setYear(value)}
          style={{ width: 120 }}
        />
      </Space>
      {enterpriseId === null ? (
        <Empty description={t("rw.pickEnterprise")} />
      ) : (
        <QueryBoundary isPending={result.isPending} error={result.error}>
          {() => (
            <>
              <Card title={t("rw.entitledTo")} style={{ marginBottom: 16 }}>
                <List
                  dataSource={result.data?.entitlements ?? []}
                  locale={{ emptyText: t("rw.nothingEntitled") }}
                  renderItem={(item) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <Tag color="green">{item.year}</Tag>
                            <RuleLink ruleId={item.ruleId}>{ruleNameOf(item.ruleId, item.ruleName)}</RuleLink>
                            <b>{item.amountFen === null ? t("rw.caseByCase") : formatFenForDisplay(item.amountFen)}</b>
                            {item.budget && <Tag color="orange">{t("rw.beforeBudget")}</Tag>}
                            {item.budget?.keptFen != null && (
                              <Tag color="blue">
                                {t("rw.atYearRatio", { amount: formatFenForDisplay(item.budget.keptFen) })}
                              </Tag>
                            )}
                          </Space>
                        }
                        description={
                          <>
                            {language === "en" ? item.explanation?.en : item.explanation?.zh}
                            {item.budget && (
                              <Alert
                                type="warning"
                                showIcon
                                data-testid="why-not-budget"
                                style={{ marginTop: 8 }}
                                message={language === "en" ? item.budget.en : item.budget.zh}
                              />
                            )}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
              <Card title={t("rw.notEntitled")}>
                <Table
                  size="small"
                  rowKey={(row) => `${row.ruleId}-${row.year}-${row.subjectId ?? ""}-${row.reason}`}
                  pagination={false}
                  dataSource={result.data?.nonPayments ?? []}
                  columns={[
                    {
                      title: t("rw.rule"),
                      render: (_, row) => (
                        <RuleLink ruleId={row.ruleId}>{ruleNameOf(row.ruleId, row.ruleName)}</RuleLink>
                      ),
                      width: 240,
                    },
                    { title: t("rw.year"), dataIndex: "year", width: 70, render: (value) => value ?? "—" },
                    { title: t("rw.whyNot"), render: (_, row) => (language === "en" ? row.en : row.zh) },
                    {
                      title: t("rw.facts"),
                      render: (_, row) =>
                        row.facts
                          .map(
                            (fact) =>
                              `${language === "en" ? fact.labelEn : fact.label} ${fact.year ?? ""} ${factValue(fact.name, fact.value, t("common.yes"), t("common.no"))}`,
                          )
                          .join("；"),
                    },
                  ]}
                />
              </Card>
            </>
          )}
        </QueryBoundary>
      )}
    </div>
  );
}
