import { Card, List, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { LanguageSwitch } from "../../../shared/components/language-switch";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { usePublicRule, usePublicRules } from "../api/rules-api";
import { RuleView } from "./rule-view";

const districtOf = (value: string | null) => (value !== null && /^\d{6}$/.test(value) ? value : null);

function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <header
        style={{
          background: "#b71c1c",
          color: "#fff",
          padding: "12px 16px",
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 8,
        }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }}>
          {title}
        </Typography.Title>
        <span style={{ background: "#fff", borderRadius: 6 }}>
          <LanguageSwitch />
        </span>
      </header>
      <main style={{ maxWidth: 1100, margin: "0 auto", padding: "12px 12px 32px", boxSizing: "border-box" }}>
        {children}
      </main>
    </div>
  );
}

function NotPublished() {
  const t = useT();
  return (
    <div style={{ textAlign: "center", marginTop: "18vh" }} data-testid="rules-not-published">
      <Typography.Title level={3}>{t("rules.notPublished")}</Typography.Title>
      <Typography.Text type="secondary">{t("rules.notPublishedHint")}</Typography.Text>
    </div>
  );
}

/** The login-free list of the reward rules at /public/rules, when the office publishes them. */
export function PublicRulesPage() {
  const t = useT();
  const [params] = useSearchParams();
  const district = districtOf(params.get("district"));
  const rules = usePublicRules(district);
  const localized = useLocalizedText();
  const { language } = useLanguage();
  const suffix = district === null ? "" : `?district=${district}`;
  return (
    <PublicShell
      title={rules.data ? `${rules.data.district.name} · ${t("rules.publicTitle")}` : t("rules.publicTitle")}
    >
      <QueryBoundary isPending={rules.isPending} error={rules.error}>
        {() =>
          rules.data ? (
            <>
              <Typography.Title level={5}>{localized(rules.data.plan.title, rules.data.plan.titleEn)}</Typography.Title>
              <Typography.Paragraph type="secondary">{t("rules.publicIntro")}</Typography.Paragraph>
              <List
                grid={{ gutter: 12, xs: 1, md: 2 }}
                dataSource={rules.data.rules}
                renderItem={(rule) => (
                  <List.Item>
                    <Card
                      size="small"
                      title={
                        <Link to={`/public/rules/${encodeURIComponent(rule.ruleId)}${suffix}`}>
                          {language === "en" ? rule.nameEn : rule.name}
                        </Link>
                      }
                      extra={<Tag color="blue">{t("rules.clause", { clause: rule.clause })}</Tag>}
                    >
                      {language === "en" ? rule.pays.en : rule.pays.zh}
                    </Card>
                  </List.Item>
                )}
              />
            </>
          ) : (
            <NotPublished />
          )
        }
      </QueryBoundary>
    </PublicShell>
  );
}

/** One rule's login-free page at /public/rules/:ruleId: no enterprise is named, the calculator takes figures only. */
export function PublicRulePage() {
  const t = useT();
  const { ruleId = "" } = useParams();
  const [params] = useSearchParams();
  const district = districtOf(params.get("district"));
  const rule = usePublicRule(ruleId, district);
  const suffix = district === null ? "" : `?district=${district}`;
  return (
    <PublicShell title={rule.data ? `${rule.data.district.name} · ${t("rules.publicTitle")}` : t("rules.publicTitle")}>
      <QueryBoundary isPending={rule.isPending} error={rule.error}>
        {() =>
          rule.data ? (
            <>
              <Link to={`/public/rules${suffix}`}>{t("rules.allRules")}</Link>
              <div style={{ marginTop: 8 }}>
                <RuleView page={rule.data.rule} caller={{ kind: "public", district }} />
              </div>
            </>
          ) : (
            <NotPublished />
          )
        }
      </QueryBoundary>
    </PublicShell>
  );
}
