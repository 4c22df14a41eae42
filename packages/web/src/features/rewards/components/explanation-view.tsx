import { Alert, Descriptions, Table, Typography } from "antd";
import { ClauseSource } from "../../../shared/components/clause-source";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import type { Explanation } from "../api/rewards-api";
import { arithmeticForDisplay, parameterForDisplay, thresholdForDisplay, yuanTextForDisplay } from "./reward-labels";

const MONEY_FACTS = new Set([
  "revenue",
  "tax",
  "previousRevenue",
  "maxRevenue",
  "maxTax",
  "grant",
  "investment",
  "equipmentInvoices",
  "plannedInvestment",
]);

/** A fact as read: money in 万元/亿元, flags as 是/否. */
export function factValue(name: string, value: string | null, yes: string, no: string): string {
  if (value === null) return "—";
  if (value === "true") return yes;
  if (value === "false") return no;
  if (MONEY_FACTS.has(name) || /^\d+\.\d{2}$/.test(value)) return yuanTextForDisplay(value);
  return value;
}

/** Why an entitlement is paid: the sentence, the facts and thresholds used, the arithmetic, the parameters, the clause. */
export function ExplanationView({ explanation, quote }: { explanation: Explanation | null; quote: string }) {
  const t = useT();
  const { language } = useLanguage();
  const english = language === "en";
  const plan = usePlan();
  if (!explanation) return <Typography.Text type="secondary">{t("rw.noExplanation")}</Typography.Text>;
  return (
    <div>
      <Alert type="info" showIcon title={english ? explanation.en : explanation.zh} style={{ marginBottom: 12 }} />
      <Typography.Title level={5}>{t("rw.facts")}</Typography.Title>
      <Table
        size="small"
        rowKey={(fact) => `${fact.name}-${fact.year}-${fact.label}`}
        pagination={false}
        dataSource={explanation.facts}
        columns={[
          { title: t("rw.fact"), render: (_, fact) => (english ? fact.labelEn : fact.label) },
          { title: t("rw.year"), dataIndex: "year", width: 70 },
          {
            title: t("rw.value"),
            render: (_, fact) => factValue(fact.name, fact.value, t("common.yes"), t("common.no")),
          },
          { title: t("rw.source"), dataIndex: "source", render: (source?: string) => source ?? "—" },
        ]}
      />
      {explanation.thresholds.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t("rw.thresholds")}
          </Typography.Title>
          <Descriptions size="small" column={1} bordered>
            {explanation.thresholds.map((threshold) => (
              <Descriptions.Item key={threshold.label} label={english ? threshold.labelEn : threshold.label}>
                {thresholdForDisplay(threshold.value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t("rw.arithmetic")}
      </Typography.Title>
      <Typography.Paragraph code>{arithmeticForDisplay(explanation.arithmetic, language)}</Typography.Paragraph>
      {explanation.nextTier && (
        <Typography.Paragraph type="secondary">
          {english ? explanation.nextTier.en : explanation.nextTier.zh}
        </Typography.Paragraph>
      )}
      {explanation.parameters.length > 0 && (
        <>
          <Typography.Title level={5}>{t("rw.parameters")}</Typography.Title>
          <ul style={{ paddingLeft: 20 }}>
            {explanation.parameters.map((parameter) => (
              <li key={parameter.id}>
                {english ? parameter.descriptionEn : parameter.description}
                {english ? ": " : "："}
                <b>{parameterForDisplay(parameter.value, t("rw.parameterNone"))}</b>
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography.Title level={5}>
        {t("rw.clause")} <ClauseSource plan={plan.data} clauseId={explanation.clause} />
      </Typography.Title>
      <blockquote style={{ margin: 0, paddingLeft: 12, borderLeft: "3px solid #d9d9d9", color: "#555" }}>
        {quote || explanation.quote}
      </blockquote>
    </div>
  );
}
