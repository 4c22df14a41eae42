import { Breadcrumb } from "antd";
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useRulePage } from "../api/rules-api";
import { type CalculatorCaller, RuleView } from "./rule-view";

/** A reward rule's page at /rules/:ruleId for every logged-in role; an enterprise tries it on its own figures only. */
export function RulePageView() {
  const t = useT();
  const localized = useLocalizedText();
  const { ruleId = "" } = useParams();
  const page = useRulePage(ruleId);
  // Opened from a list further down another page: the rule starts at its top.
  useEffect(() => {
    if (ruleId !== "") window.scrollTo(0, 0);
  }, [ruleId]);
  const user = useCurrentUser().data;
  const caller: CalculatorCaller =
    user?.role === "enterprise" && user.enterprise
      ? { kind: "enterprise", enterpriseId: user.enterprise.id, name: user.enterprise.name }
      : user?.role === "enterprise"
        ? { kind: "public", district: null }
        : { kind: "staff" };
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/rules">{t("rules.allRules")}</Link> },
          { title: page.data ? localized(page.data.name, page.data.nameEn) : "" },
        ]}
      />
      <QueryBoundary isPending={page.isPending} error={page.error}>
        {() => (page.data ? <RuleView page={page.data} caller={caller} /> : null)}
      </QueryBoundary>
    </div>
  );
}
