import { clauseNumber, clausesByDocument } from "@beizeng/domain/plan/lookup";
import type { Clause, PlanFile } from "@beizeng/domain/plan/schema";
import { Collapse, Space, Typography } from "antd";
import { useClauseSourceLabel, useDocumentLines } from "../../../shared/components/clause-source";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../api/plan-api";

/**
 * The clause's original Chinese text, folded until asked for; an article of a further document of the district
 * (its reward measures) is named with that document (条款原文（《…奖励办法》第三条）).
 */
export function ClauseText({ clause, clauseId }: { clause: Clause | undefined; clauseId: string }) {
  const t = useT();
  const plan = usePlan().data;
  const clauseLabel = useClauseSourceLabel();
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: "text",
          label: t("plan.clauseOriginal", { clause: clauseLabel(plan, clauseId) }),
          children: clause ? (
            <Typography.Paragraph lang="zh-CN" style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>
              <Typography.Text type="secondary">
                {clause.section} · {clause.title}
              </Typography.Text>
              <br />
              {clause.text}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t("plan.clauseMissing")}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** A quoted sentence of the document. */
export function ClauseQuote({ quote }: { quote: string }) {
  return (
    <blockquote
      lang="zh-CN"
      style={{ margin: "8px 0", padding: "4px 12px", borderLeft: "3px solid #d9d9d9", color: "rgba(0,0,0,0.65)" }}
    >
      {quote}
    </blockquote>
  );
}

/**
 * Every clause of the plan under the document it belongs to: the plan's own first, then each further document the
 * district runs beside it (its reward measures …) with its number, issuers and dates, each clause with its number,
 * section, title and original text.
 */
export function ClausesByDocument({ plan }: { plan: PlanFile }) {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  const documentLines = useDocumentLines();
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {clausesByDocument(plan).map(({ document, clauses }) => (
        <section key={document.id ?? ""} data-testid={`clauses-of-${document.id ?? "plan"}`}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {localized(document.title, document.titleEn)}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {/* The first line names the document again; the heading already does. */}
            {[
              ...documentLines(document).slice(1),
              ...(document.issuers.length > 0
                ? [`${t("plan.issuers")}${t("common.colon")}${document.issuers.join("、")}`]
                : []),
            ].join(" · ")}
          </Typography.Paragraph>
          {clauses.map((clause) => {
            const number = clauseNumber(clause);
            return (
              <Typography.Paragraph key={clause.id} style={{ marginBottom: 12 }}>
                <Typography.Text strong>
                  {language === "en" ? number.en : number.zh} {localized(clause.title, clause.titleEn)}
                </Typography.Text>{" "}
                <Typography.Text type="secondary">{clause.section}</Typography.Text>
                <br />
                <span lang="zh-CN" style={{ whiteSpace: "pre-wrap" }}>
                  {clause.text}
                </span>
              </Typography.Paragraph>
            );
          })}
        </section>
      ))}
    </Space>
  );
}
