import { Link } from "react-router-dom";
import { useT } from "../../../shared/i18n/i18n";

/** The page of the rule an entitlement or a why-not names (a tier's own id opens its rule). */
export function rulePath(ruleId: string): string {
  return `/rules/${encodeURIComponent(ruleId)}`;
}

/** A link to a rule's page, named "查看奖励规则" unless given its own words. */
export function RuleLink({ ruleId, children }: { ruleId: string; children?: React.ReactNode }) {
  const t = useT();
  return (
    <Link to={rulePath(ruleId)} data-testid={`rule-link-${ruleId}`}>
      {children ?? t("rules.openRule")}
    </Link>
  );
}
