import type { PlanParameter } from "@beizeng/domain/plan/schema";
import { Card, Select, Space, Tag, Typography } from "antd";
import { useLanguage, useLocalizedText, useT } from "../../../../shared/i18n/i18n";
import { choiceLabel } from "../parameter-words";
import { type FieldPath, parameterLinks } from "./draft";
import { usePlanEditor } from "./editor-context";
import { DecimalField, FieldItem, NumberField, PercentField, TextField, useField, YuanField } from "./fields";

/** A choice parameter: one of its allowed values, each shown by what it means (yes/no for a boolean). */
function ChoiceField({ path, parameter, label }: { path: FieldPath; parameter: PlanParameter; label: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { editor, id, value: current, error } = useField(path);
  const allowed: (string | boolean)[] =
    parameter.allowed ?? (typeof parameter.value === "boolean" ? [true, false] : [String(parameter.value)]);
  const yesNo = (value: boolean) => t(value ? "common.yes" : "common.no");
  // A Select keeps string values; JSON tells a boolean from the same word as text.
  return (
    <FieldItem path={path} label={label} required error={error}>
      <Select<string>
        id={id}
        value={JSON.stringify(current)}
        onChange={(next) => editor.update(path, JSON.parse(next) as string | boolean)}
        style={{ width: "100%", maxWidth: 560 }}
        options={allowed.map((value) => ({
          value: JSON.stringify(value),
          label: choiceLabel(parameter, value, language === "en", yesNo),
        }))}
      />
    </FieldItem>
  );
}

/** The value of a free parameter in its unit: yuan as an amount, a share as a percentage, else as written. */
function FreeField({ path, parameter, label }: { path: FieldPath; parameter: PlanParameter; label: string }) {
  const t = useT();
  if (typeof parameter.value === "boolean") return <ChoiceField path={path} parameter={parameter} label={label} />;
  if (typeof parameter.value === "number") return <NumberField path={path} label={label} />;
  if (parameter.unit === "yuan") return <YuanField path={path} label={label} />;
  if (parameter.unit === "share") return <PercentField path={path} label={label} />;
  if (parameter.unit) return <DecimalField path={path} label={label} suffix={t(`measure.${parameter.unit}`)} />;
  return <TextField path={path} label={label} />;
}

/** The plan's open readings (口径参数): each with the description that states what it decides. */
export function ParametersSection() {
  const t = useT();
  const localized = useLocalizedText();
  const { draft } = usePlanEditor();
  if (draft.parameters.length === 0) {
    return <Typography.Text type="secondary">{t("planEdit.noParameters")}</Typography.Text>;
  }
  const targetName = (id: string) => {
    const target = draft.targets.find((candidate) => candidate.id === id);
    return target ? localized(target.name, target.nameEn) : id;
  };
  const rewardName = (id: string) => {
    const rule = draft.rewards.find((candidate) => candidate.id === id);
    return rule ? localized(rule.name, rule.nameEn) : id;
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("planEdit.parametersIntro")}</Typography.Text>
      {draft.parameters.map((parameter, index) => {
        const path: FieldPath = ["parameters", index, "value"];
        const links = parameterLinks(draft, parameter.id);
        const label = t("planEdit.parameterValue");
        return (
          <Card key={parameter.id} size="small" data-testid="parameter-card">
            <Space align="start" style={{ marginBottom: 8 }}>
              <Tag>{t("plan.clause", { clause: parameter.clause })}</Tag>
              <Typography.Text>{localized(parameter.description, parameter.descriptionEn)}</Typography.Text>
            </Space>
            {parameter.allowed || typeof parameter.value === "boolean" ? (
              <ChoiceField path={path} parameter={parameter} label={label} />
            ) : (
              <FreeField path={path} parameter={parameter} label={label} />
            )}
            {links.targets.length > 0 ? (
              <Typography.Text type="secondary">
                {t("planEdit.linkedTargets", { targets: links.targets.map(targetName).join(t("planEdit.listJoin")) })}
              </Typography.Text>
            ) : null}
            {links.rewards.length > 0 ? (
              <Typography.Text type="secondary">
                {t("planEdit.linkedRewards", { rewards: links.rewards.map(rewardName).join(t("planEdit.listJoin")) })}
              </Typography.Text>
            ) : null}
          </Card>
        );
      })}
    </Space>
  );
}
