import { Breadcrumb } from "antd";
import { Link, useParams } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useRulePage } from "../api/rules-api";
import { type CalculatorCaller, RuleView } from "./rule-view";

/** A reward rule's page at /rules/:ruleId for every logged-in role; an enterprise tries it on its own figures only. */
export function RulePageView() {
  const t = useT();
  const { ruleId = "" } = useParams();
  const page = useRulePage(ruleId);
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
        items={[{ title: <Link to="/rules">{t("rules.allRules")}</Link> }, { title: ruleId }]}
      />
      <QueryBoundary isPending={page.isPending} error={page.error}>
        {() => (page.data ? <RuleView page={page.data} caller={caller} /> : null)}
      </QueryBoundary>
    </div>
  );
}
