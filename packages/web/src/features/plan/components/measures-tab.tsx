import type { Measure, PlanFile } from "@beizeng/domain/plan/schema";
import { Card, Space, Tag, Typography } from "antd";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { ClauseText } from "./clause-text";
import { groupInOrder, type PlanLookup } from "./plan-lookup";

function UnitTags({ unitIds, lookup, color }: { unitIds: string[]; lookup: PlanLookup; color?: string }) {
  const t = useT();
  const localized = useLocalizedText();
  if (unitIds.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {unitIds.map((id) => {
        const unit = lookup.unit(id);
        return (
          <Tag key={id} color={color} title={id}>
            {unit ? localized(unit.name, unit.nameEn) : id}
          </Tag>
        );
      })}
    </Space>
  );
}

function MeasureCard({ measure, lookup }: { measure: Measure; lookup: PlanLookup }) {
  const t = useT();
  const localized = useLocalizedText();
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Tag color="geekblue">{measure.id}</Tag>
          <span>{localized(measure.title, measure.titleEn)}</span>
        </Space>
      }
      extra={<Tag>{t("plan.clause", { clause: measure.clause })}</Tag>}
    >
      <Space orientation="vertical" size="small" style={{ width: "100%" }}>
        <div>
          <Typography.Text type="secondary">
            {t("plan.leadUnits")}
            {t("common.colon")}
          </Typography.Text>
          <UnitTags unitIds={measure.lead} lookup={lookup} color="blue" />
        </div>
        <div>
          <Typography.Text type="secondary">
            {t("plan.responsibleUnits")}
            {t("common.colon")}
          </Typography.Text>
          <UnitTags unitIds={measure.responsible} lookup={lookup} />
        </div>
        {measure.tracks.length > 0 ? (
          <div>
            <Typography.Text type="secondary">
              {t("plan.tracks")}
              {t("common.colon")}
            </Typography.Text>
            <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
              {measure.tracks.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {measure.tasks.length > 0 ? (
          <div>
            <Typography.Text type="secondary">
              {t("plan.tasks")}
              {t("common.colon")}
            </Typography.Text>
            <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
              {measure.tasks.map((task) => (
                <li key={task.id}>
                  {task.title} <Tag>{t(`cycle.${task.cycle}`)}</Tag>
                  {task.quantityTarget
                    ? `${task.quantityTarget}${task.quantityUnit ? ` ${t(`measure.${task.quantityUnit}`)}` : ""}`
                    : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Space>
      <ClauseText clause={lookup.clause(measure.clause)} clauseId={measure.clause} />
    </Card>
  );
}

export function MeasuresTab({ plan, lookup }: { plan: PlanFile; lookup: PlanLookup }) {
  const t = useT();
  const measures = plan.measures.filter((measure) => measure.kind === "measure");
  const safeguards = plan.measures.filter((measure) => measure.kind === "safeguard");

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {groupInOrder(measures, (measure) => measure.group).map(([group, members]) => (
        <section key={group}>
          <Typography.Title level={4}>{group}</Typography.Title>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            {members.map((measure) => (
              <MeasureCard key={measure.id} measure={measure} lookup={lookup} />
            ))}
          </Space>
        </section>
      ))}
      {safeguards.length > 0 ? (
        <section>
          <Typography.Title level={4}>{t("plan.safeguards")}</Typography.Title>
          <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
            {safeguards.map((measure) => (
              <MeasureCard key={measure.id} measure={measure} lookup={lookup} />
            ))}
          </Space>
        </section>
      ) : null}
    </Space>
  );
}
