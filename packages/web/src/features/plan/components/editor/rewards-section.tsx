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

/** The numbers of one reward rule, by its kind: amounts, thresholds, tiers, rates. Its wording stays as issued. */
function RuleFields({ rule, index }: { rule: RewardRule; index: number }) {
  const t = useT();
  const { draft } = usePlanEditor();
  const at = (...rest: (string | number)[]) => ["rewards", index, ...rest];
  const parameterName = (id: string | undefined) => {
    const parameter = draft.parameters.find((candidate) => candidate.id === id);
    return parameter ? t("planEdit.linkedParameter") : undefined;
  };
  switch (rule.kind) {
    case "projectProduction":
      return (
        <>
          {rule.categories.map((category, i) => (
            <Group key={category.ruleId} title={t("planEdit.projectCategory", { category: category.category })}>
              <Cell>
                <YuanField
                  path={at("categories", i, "minInvestment")}
                  label={t("planEdit.minInvestment")}
                  extra={parameterName(category.minInvestmentParameter)}
                />
              </Cell>
              <Cell>
                <YuanField path={at("categories", i, "amount")} label={t("planEdit.rewardAmount")} />
              </Cell>
            </Group>
          ))}
        </>
      );
    case "caseByCase":
      return <Typography.Text type="secondary">{t("reward.caseByCaseAmount")}</Typography.Text>;
    case "eventOnce":
    case "newAboveScale":
      return (
        <Row gutter={16}>
          <Cell>
            <YuanField path={at("amount")} label={t("planEdit.rewardAmount")} />
          </Cell>
        </Row>
      );
    case "firstCrossing":
      return (
        <>
          {rule.tiers.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, never reordered
            <Group key={i} title={t("planEdit.tier", { tier: i + 1 })}>
              <Cell>
                <YuanField
                  path={at("tiers", i, "threshold")}
                  label={t("planEdit.crossingThreshold", { metric: t(`metric.${rule.metric}`) })}
                />
              </Cell>
              <Cell>
                <YuanField path={at("tiers", i, "amount")} label={t("planEdit.rewardAmount")} />
              </Cell>
            </Group>
          ))}
        </>
      );
    case "growthBands":
      return (
        <>
          {rule.tiers.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tiers are edited in place, never reordered
            <Group key={i} title={t("planEdit.tier", { tier: i + 1 })}>
              <Cell>
                <PercentField
                  path={at("tiers", i, "rate")}
                  label={t("planEdit.growthRate", { comparison: t(`comparison.${rule.comparison}`) })}
                />
              </Cell>
              <Cell>
                <YuanField path={at("tiers", i, "amount")} label={t("planEdit.rewardAmount")} />
              </Cell>
            </Group>
          ))}
        </>
      );
    case "grantMatch":
      return (
        <Row gutter={16}>
          {rule.rates.map((rate, i) => (
            <Cell key={rate.level}>
              <PercentField
                path={at("rates", i, "rate")}
                label={t("planEdit.matchRate", { level: t(`grantLevel.${rate.level}`) })}
              />
            </Cell>
          ))}
        </Row>
      );
    case "listing":
      return (
        <Row gutter={16}>
          {rule.kinds.map((kind, i) => (
            <Cell key={kind.listing}>
              <YuanField
                path={at("kinds", i, "amount")}
                label={t("planEdit.listingAmount", { listing: t(`listing.${kind.listing}`) })}
              />
            </Cell>
          ))}
        </Row>
      );
    case "techTransformation":
      return (
        <Row gutter={16}>
          <Cell>
            <YuanField path={at("minInvestment")} label={t("planEdit.techMinInvestment")} />
          </Cell>
          <Cell>
            <PercentField path={at("rate")} label={t("planEdit.invoiceRate")} />
          </Cell>
        </Row>
      );
    case "formula":
      return <FormulaFields rule={rule} index={index} />;
  }
}

/** A rule in the rule language: its amount, rate and cap, each tier's threshold and amount or rate, each category's. */
function FormulaFields({ rule, index }: { rule: Extract<RewardRule, { kind: "formula" }>; index: number }) {
  const t = useT();
  const localized = useLocalizedText();
  const at = (...rest: (string | number)[]) => ["rewards", index, ...rest];
  const growth = rule.tiers?.growthOf !== undefined;
  const hasOwn = rule.amount !== undefined || rule.rate !== undefined || rule.cap !== undefined;
  return (
    <>
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
