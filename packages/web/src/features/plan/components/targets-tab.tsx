import type { PlanFile, Target } from "@beizeng/domain/plan/schema";
import { Card, Space, Tag, Typography } from "antd";
import { formatRateAsPercent, formatYuanTextAuto } from "../../../shared/format/numbers";
import { type Translate, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { ClauseQuote, ClauseText } from "./clause-text";
import type { PlanLookup } from "./plan-lookup";

/** A target's value in its unit of measure: money in 万元/亿元, shares as percentages. */
export function formatTargetValue(target: Pick<Target, "unit" | "value">, t: Translate): string {
  switch (target.unit) {
    case "yuan":
      return formatYuanTextAuto(target.value);
    case "share":
      return formatRateAsPercent(target.value);
    default:
      return `${target.value} ${t(`measure.${target.unit}`)}`;
  }
}

export function TargetsTab({ plan, lookup }: { plan: PlanFile; lookup: PlanLookup }) {
  const t = useT();
  const localized = useLocalizedText();
  if (plan.targets.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {plan.targets.map((target) => (
        <Card
          key={target.id}
          size="small"
          title={
            <Space wrap>
              <Tag color="geekblue">{target.id}</Tag>
              <span>{localized(target.name, target.nameEn)}</span>
              {target.aspiration ? <Tag color="gold">{t("plan.aspiration")}</Tag> : null}
            </Space>
          }
          extra={<Tag>{t("plan.clause", { clause: target.clause })}</Tag>}
        >
          <Space size="large" wrap>
            <span>
              <Typography.Text type="secondary">
                {t("plan.targetValue")}
                {t("common.colon")}
              </Typography.Text>
              <Typography.Text strong>
                {t(`comparison.${target.comparison}`)} {formatTargetValue(target, t)}
              </Typography.Text>
            </span>
            <span>
              <Typography.Text type="secondary">
                {t("plan.deadline")}
                {t("common.colon")}
              </Typography.Text>
              {target.deadline}
            </span>
            <span>
              <Typography.Text type="secondary">
                {t("plan.baselineYear")}
                {t("common.colon")}
              </Typography.Text>
              {target.baselineYear}
            </span>
            {target.yearly.length > 0 ? (
              <span>
                <Typography.Text type="secondary">
                  {t("plan.yearly")}
                  {t("common.colon")}
                </Typography.Text>
                {target.yearly
                  .map(
                    (milestone) =>
                      `${milestone.year}: ${formatTargetValue({ unit: target.unit, value: milestone.value }, t)}`,
                  )
                  .join("；")}
              </span>
            ) : null}
          </Space>
          <ClauseQuote quote={target.quote} />
          <ClauseText clause={lookup.clause(target.clause)} clauseId={target.clause} />
        </Card>
      ))}
    </Space>
  );
}
