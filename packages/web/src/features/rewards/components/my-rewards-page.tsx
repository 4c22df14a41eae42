import { Alert, Button, Card, Empty, List, Space, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ClauseSource } from "../../../shared/components/clause-source";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { useEntitlements } from "../api/rewards-api";
import { EntitlementDrawer } from "./entitlement-drawer";
import { AmountText, ChangeTag, StatusTag, StepText } from "./reward-labels";

/** 我的奖励: the enterprise's own entitlements, computed from data — nothing to apply for; confirm with a bank account. */
export function MyRewardsPage() {
  const t = useT();
  const { language } = useLanguage();
  const plan = usePlan();
  const [openId, setOpenId] = useState<number | null>(null);
  const entitlements = useEntitlements({ page: 1, pageSize: 200 });
  const waiting = (entitlements.data?.items ?? []).filter((item) => item.status === "computed").length;
  return (
    <div>
      <Typography.Title level={3}>{t("rw.mineTitle")}</Typography.Title>
      <Typography.Paragraph>
        <Link to="/rules">{t("rules.allRules")}</Link>
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t("rw.mineIntro")} style={{ marginBottom: 16 }} />
      {waiting > 0 && (
        <Alert type="warning" showIcon title={t("rw.mineWaiting", { count: waiting })} style={{ marginBottom: 16 }} />
      )}
      <QueryBoundary isPending={entitlements.isPending} error={entitlements.error}>
        {() =>
          (entitlements.data?.items ?? []).length === 0 ? (
            <Empty description={t("rw.mineEmpty")} />
          ) : (
            <List
              grid={{ gutter: 16, xs: 1, md: 2 }}
              dataSource={entitlements.data?.items ?? []}
              renderItem={(item) => (
                <List.Item>
                  <Card
                    title={
                      <Space>
                        {item.year}
                        {language === "en" ? item.ruleNameEn : item.ruleName}
                      </Space>
                    }
                    extra={<StatusTag status={item.status} />}
                  >
                    <Typography.Title level={4} style={{ marginTop: 0 }}>
                      <AmountText fen={item.amountFen} /> <ChangeTag flag={item.changeFlag} />
                    </Typography.Title>
                    <Typography.Paragraph type="secondary">
                      {t("rw.clause")} <ClauseSource plan={plan.data} clauseId={item.clause} />
                      {item.reason ? ` · ${item.reason}` : ""}
                    </Typography.Paragraph>
                    {item.awaitingStep && (
                      <Typography.Paragraph>
                        {t("rw.currentStep")}
                        {t("common.colon")}
                        <StepText step={item.awaitingStep} />
                      </Typography.Paragraph>
                    )}
                    <Button
                      type={item.status === "computed" ? "primary" : "default"}
                      onClick={() => setOpenId(item.id)}
                    >
                      {item.status === "computed" ? t("rw.viewAndConfirm") : t("rw.open")}
                    </Button>
                  </Card>
                </List.Item>
              )}
            />
          )
        }
      </QueryBoundary>
      <EntitlementDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
