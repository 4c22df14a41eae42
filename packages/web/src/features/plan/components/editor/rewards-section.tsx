import type { RewardRule } from "@beizeng/domain/plan/schema";
import { Card, Col, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useLocalizedText, useT } from "../../../../shared/i18n/i18n";
import { usePlanEditor } from "./editor-context";
import { PercentField, YuanField } from "./fields";

function Group({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 4 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 4 }}>
        {children}
      </Row>
    </div>
  );
}

function Cell({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12} xl={8}>
      {children}
    </Col>
  );
}

/**
 * The numbers of one reward rule: its amount, rate and cap, each tier's threshold and amount or rate, each
 * category's. Its wording stays as issued.
 */
function RuleFields({ rule, index }: { rule: RewardRule; index: number }) {
  const t = useT();
  const localized = useLocalizedText();
  const at = (...rest: (string | number)[]) => ["rewards", index, ...rest];
  const growth = rule.tiers?.growthOf !== undefined;
  const hasOwn = rule.amount !== undefined || rule.rate !== undefined || rule.cap !== undefined;
  return (
    <>
      {rule.caseByCase !== undefined && (
        <Typography.Text type="secondary">{t("reward.caseByCaseAmount")}</Typography.Text>
      )}
      {hasOwn && (
        <Row gutter={16}>
          {rule.amount !== undefined && (
            <Cell>
              <YuanField path={at("amount")} label={t("planEdit.rewardAmount")} />
            </Cell>
          )}
          {rule.rate !== undefined && (
            <Cell>
              <PercentField path={at("rate")} label={t("planEdit.formulaRate")} />
            </Cell>
          )}
          {rule.cap !== undefined && (
            <Cell>
              <YuanField path={at("cap")} label={t("planEdit.formulaCap")} />
            </Cell>
          )}
        </Row>
      )}
      {rule.tiers?.steps.map((step, i) => (
        <Group
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, never reordered
          key={i}
          title={
            step.category === undefined
              ? t("planEdit.tier", { tier: i + 1 })
              : t("planEdit.projectCategory", { category: step.category })
          }
        >
          <Cell>
            {growth ? (
              <PercentField path={at("tiers", "steps", i, "from")} label={t("planEdit.formulaGrowthFrom")} />
            ) : (
              <YuanField
                path={at("tiers", "steps", i, "from")}
                label={t("planEdit.formulaFrom")}
                extra={step.fromParameter === undefined ? undefined : t("planEdit.linkedParameter")}
              />
            )}
          </Cell>
          {step.amount !== undefined && (
            <Cell>
              <YuanField path={at("tiers", "steps", i, "amount")} label={t("planEdit.rewardAmount")} />
            </Cell>
          )}
          {step.rate !== undefined && (
            <Cell>
              <PercentField path={at("tiers", "steps", i, "rate")} label={t("planEdit.formulaRate")} />
            </Cell>
          )}
        </Group>
      ))}
      {rule.byCategory !== undefined && (
        <Row gutter={16}>
          {rule.byCategory.values.map((value, i) => {
            const category = localized(value.zh ?? value.is, value.en ?? value.is);
            return (
              <Cell key={value.is}>
                {value.amount !== undefined ? (
                  <YuanField
                    path={at("byCategory", "values", i, "amount")}
                    label={t("planEdit.listingAmount", { listing: category })}
                  />
                ) : (
                  <PercentField
                    path={at("byCategory", "values", i, "rate")}
                    label={t("planEdit.formulaCategoryRate", { category })}
                  />
                )}
              </Cell>
            );
          })}
        </Row>
      )}
    </>
  );
}

/** The reward rules' amounts, thresholds, tiers and rates; each rule under its name and clause. */
export function RewardsSection() {
  const t = useT();
  const localized = useLocalizedText();
  const { draft } = usePlanEditor();
  if (draft.rewards.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("planEdit.rewardsIntro")}</Typography.Text>
      {draft.rewards.map((rule, index) => (
        <Card
          key={rule.id}
          size="small"
          data-testid="reward-card"
          title={<span style={{ whiteSpace: "normal" }}>{localized(rule.name, rule.nameEn)}</span>}
          extra={<Tag>{t("plan.clause", { clause: rule.clause })}</Tag>}
        >
          <RuleFields rule={rule} index={index} />
        </Card>
      ))}
    </Space>
  );
}
