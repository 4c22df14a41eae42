import type { Clause } from "@beizeng/domain/plan/schema";
import { Collapse, Typography } from "antd";
import { useT } from "../../../shared/i18n/i18n";

/** The clause's original Chinese text, folded until asked for. */
export function ClauseText({ clause, clauseId }: { clause: Clause | undefined; clauseId: string }) {
  const t = useT();
  return (
    <Collapse
      size="small"
      ghost
      items={[
        {
          key: "text",
          label: t("plan.clauseOriginal", { clause: clauseId }),
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
