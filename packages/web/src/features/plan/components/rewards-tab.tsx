import type { PlanFile, PlanParameter, RewardRule } from "@beizeng/domain/plan/schema";
import { Card, Descriptions, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { formatRateAsPercent, formatYuanTextAuto, formatYuanTextInWan } from "../../../shared/format/numbers";
import { type Translate, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { RuleLink } from "../../rules";
import { ClauseQuote, ClauseText } from "./clause-text";
import type { PlanLookup } from "./plan-lookup";

interface AmountRow {
  key: string;
  condition: ReactNode;
  amount: ReactNode;
}

/** What each reward pays, row by row: the condition and the amount in 万元. */
export function rewardAmountRows(
  rule: RewardRule,
  t: Translate,
  localized: (chinese: string, english?: string | null) => string = (chinese) => chinese,
): AmountRow[] {
  return formulaAmountRows(rule, t, localized);
}

/** A rule written in the rule language: its conditions in the plan's own words, then a row per tier or category. */
function formulaAmountRows(
  rule: RewardRule,
  t: Translate,
  localized: (chinese: string, english?: string | null) => string,
): AmountRow[] {
  const words = [rule.event, ...rule.when].flatMap((condition) =>
    condition === undefined ? [] : [localized(condition.zh, condition.en)],
  );
  const condition = words.length > 0 ? words.join(localized("；", "; ")) : localized(rule.name, rule.nameEn);
  const paid = (amount: string | undefined, rate: string | undefined): ReactNode =>
    rule.caseByCase !== undefined
      ? t("reward.caseByCaseAmount")
      : amount !== undefined
        ? formatYuanTextInWan(amount)
        : formatRateAsPercent(rate ?? rule.rate ?? "0");
  if (rule.tiers !== undefined) {
    const growth = rule.tiers.growthOf !== undefined;
    return rule.tiers.steps.map((step) => ({
      key: step.from,
      condition: `${words.length > 0 ? `${condition}${localized("：", ": ")}` : ""}${step.category === undefined ? "" : `“${step.category}” `}${growth ? formatRateAsPercent(step.from) : formatYuanTextAuto(step.from)}`,
      amount: paid(step.amount ?? rule.amount, step.rate),
    }));
  }
  if (rule.byCategory !== undefined)
    return rule.byCategory.values.map((value) => ({
      key: value.is,
      condition: localized(value.zh ?? value.is, value.en),
      amount: paid(value.amount, value.rate),
    }));
  return [{ key: "formula", condition, amount: paid(rule.amount, rule.rate) }];
}

function namedParameters(rule: RewardRule): Set<string> {
  const named = new Set<string>();
  for (const [field, value] of Object.entries(rule)) {
    if (field.endsWith("Parameter") && typeof value === "string") named.add(value);
  }
  return named;
}

/**
 * The parameters (open readings of the document) a rule depends on: those it names, and those of
 * its clause that no rule names (they belong to the clause as a whole).
 */
export function rewardParameters(rule: RewardRule, rules: RewardRule[], parameters: PlanParameter[]): PlanParameter[] {
  const own = namedParameters(rule);
  const namedByAnyRule = new Set(rules.flatMap((candidate) => [...namedParameters(candidate)]));
  return parameters.filter(
    (parameter) => own.has(parameter.id) || (parameter.clause === rule.clause && !namedByAnyRule.has(parameter.id)),
  );
}

/** A parameter holding an amount of yuan (a threshold, an amount) is shown in 万元/亿元; others as written. */
export function formatParameterValue(parameter: Pick<PlanParameter, "id" | "value">): string | null {
  const { id, value } = parameter;
  if (typeof value === "string" && /(threshold|amount|investment)/i.test(id) && /^\d+(\.\d{1,2})?$/.test(value)) {
    return formatYuanTextAuto(value);
  }
  return typeof value === "boolean" ? null : String(value);
}

function ParameterValue({ parameter }: { parameter: PlanParameter }) {
  const t = useT();
  const text = formatParameterValue(parameter);
  if (text === null) {
    return <Tag color={parameter.value ? "green" : "default"}>{t(parameter.value ? "common.yes" : "common.no")}</Tag>;
  }
  return <Tag color="purple">{text}</Tag>;
}

export function RewardsTab({ plan, lookup }: { plan: PlanFile; lookup: PlanLookup }) {
  const t = useT();
  const localized = useLocalizedText();
  if (plan.rewards.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {plan.rewards.map((rule) => {
        const parameters = rewardParameters(rule, plan.rewards, plan.parameters);
        return (
          <Card
            key={rule.id}
            size="small"
            title={
              <Space wrap>
                <Tag color="geekblue">{rule.id}</Tag>
                <span>{localized(rule.name, rule.nameEn)}</span>
              </Space>
            }
            extra={
              <Space wrap>
                <Tag>{t("plan.clause", { clause: rule.clause })}</Tag>
                <RuleLink ruleId={rule.id} />
              </Space>
            }
          >
            <ClauseQuote quote={rule.quote} />
            <Descriptions
              size="small"
              bordered
              column={1}
              styles={{ label: { width: "55%" } }}
              items={rewardAmountRows(rule, t, localized).map((row) => ({
                key: row.key,
                label: row.condition,
                children: row.amount,
              }))}
            />
            {parameters.length > 0 ? (
              <div style={{ marginTop: 12 }}>
                <Typography.Text type="secondary">
                  {t("plan.parameters")}
                  {t("common.colon")}
                </Typography.Text>
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
                  {parameters.map((parameter) => (
                    <li key={parameter.id}>
                      {localized(parameter.description, parameter.descriptionEn)}{" "}
                      <Typography.Text code>{parameter.id}</Typography.Text>
                      {t("common.colon")}
                      <ParameterValue parameter={parameter} />
                      {parameter.allowed ? (
                        <Typography.Text type="secondary">
                          {t("plan.allowedValues", {
                            values: parameter.allowed
                              .map((value) =>
                                typeof value === "boolean" ? t(value ? "common.yes" : "common.no") : String(value),
                              )
                              .join(" / "),
                          })}
                        </Typography.Text>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <ClauseText clause={lookup.clause(rule.clause)} clauseId={rule.clause} />
          </Card>
        );
      })}
    </Space>
  );
}
