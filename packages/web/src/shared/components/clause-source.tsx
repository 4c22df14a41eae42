import { type ClauseDocument, clauseNumber, documentOfClause, findClause } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { Tooltip } from "antd";
import { useCallback } from "react";
import { useDateText } from "../format/dates";
import { useLanguage, useLocalizedText, useT } from "../i18n/i18n";

/**
 * How a clause is named in the chosen language: a clause of the plan itself by its id (M2), an article of a further
 * document of the district by that document's title and the article (《…奖励办法》第三条, Article 3, “…”). The
 * clause id until the plan is read, or for a clause the plan no longer has.
 */
export function useClauseSourceLabel(): (plan: PlanFile | undefined, clauseId: string) => string {
  const t = useT();
  const { language } = useLanguage();
  const localized = useLocalizedText();
  return useCallback(
    (plan, clauseId) => {
      const clause = plan && findClause(plan, clauseId);
      const document = plan && documentOfClause(plan, clauseId);
      if (!clause || !document || document.id === null) return clauseId;
      const number = clauseNumber(clause);
      return t("clauseSource.article", {
        title: localized(document.title, document.titleEn),
        article: language === "en" ? number.en : number.zh,
      });
    },
    [t, language, localized],
  );
}

/** A document's title, number and dates, one line each, for a tooltip or a heading's details. */
export function useDocumentLines(): (document: ClauseDocument) => string[] {
  const t = useT();
  const localized = useLocalizedText();
  const dateText = useDateText();
  return useCallback(
    (document) =>
      [
        t("clauseSource.from", { title: localized(document.title, document.titleEn) }),
        document.number ? t("clauseSource.number", { number: document.number }) : null,
        document.issued ? t("clauseSource.issued", { date: dateText(document.issued) }) : null,
        document.revised ? t("clauseSource.revised", { date: dateText(document.revised) }) : null,
      ].filter((line): line is string => line !== null),
    [t, localized, dateText],
  );
}

/**
 * Which of the district's documents a target, task or reward comes from, the same on every page: the clause named
 * as `useClauseSourceLabel` names it, with the document's title, number and dates on hover.
 */
export function ClauseSource({ plan, clauseId }: { plan: PlanFile | undefined; clauseId: string }) {
  const label = useClauseSourceLabel();
  const documentLines = useDocumentLines();
  const document = plan && documentOfClause(plan, clauseId);
  if (!document) return <span>{clauseId}</span>;
  return (
    <Tooltip
      title={
        <div>
          {documentLines(document).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      }
    >
      <span data-testid="clause-source" style={{ borderBottom: "1px dotted currentColor", cursor: "help" }}>
        {label(plan, clauseId)}
      </span>
    </Tooltip>
  );
}
