import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Target } from "@beizeng/domain/plan/schema";
import { Button, Card, Col, DatePicker, Row, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useLocalizedText, useT } from "../../../../shared/i18n/i18n";
import type { FieldPath } from "./draft";
import { usePlanEditor } from "./editor-context";
import { DecimalField, FieldItem, PercentField, useField, YuanField } from "./fields";

/** A target's quantity in its own unit: money as an amount, a share as a percentage, else with its unit's word. */
function QuantityField({ path, unit, label }: { path: FieldPath; unit: Target["unit"]; label: string }) {
  const t = useT();
  if (unit === "yuan") return <YuanField path={path} label={label} width={300} />;
  if (unit === "share") return <PercentField path={path} label={label} />;
  return <DecimalField path={path} label={label} suffix={t(`measure.${unit}`)} />;
}

function DeadlineField({ path, startYear, endYear }: { path: FieldPath; startYear: number; endYear: number }) {
  const t = useT();
  const { editor, id, value, error } = useField(path);
  return (
    <FieldItem path={path} label={t("plan.deadline")} required error={error}>
      <DatePicker
        id={id}
        allowClear={false}
        value={typeof value === "string" ? dayjs(value) : null}
        format="YYYY-MM-DD"
        minDate={dayjs(`${startYear}-01-01`)}
        maxDate={dayjs(`${endYear}-12-31`)}
        onChange={(date) => {
          if (date) editor.update(path, date.format("YYYY-MM-DD"));
        }}
      />
    </FieldItem>
  );
}

/** A milestone's year: those of the period up to the deadline that no other milestone of the target has. */
function MilestoneYearField({ targetIndex, index, years }: { targetIndex: number; index: number; years: number[] }) {
  const t = useT();
  const path: FieldPath = ["targets", targetIndex, "yearly", index, "year"];
  const { editor, id, value, error } = useField(path);
  const yearly = editor.draft.targets[targetIndex]?.yearly ?? [];
  const taken = new Set(yearly.filter((_, i) => i !== index).map((milestone) => milestone.year));
  return (
    <FieldItem path={path} label={t("planEdit.milestoneYear")} required error={error}>
      <Select<number>
        id={id}
        value={value as number}
        style={{ width: 140 }}
        options={years
          .filter((year) => !taken.has(year))
          .map((year) => ({ value: year, label: t("planVersions.year", { year }) }))}
        onChange={(year) => {
          // Milestones stay in the order of their years, as the plan format asks.
          const next = yearly.map((milestone, i) => (i === index ? { ...milestone, year } : milestone));
          editor.update(
            ["targets", targetIndex, "yearly"],
            [...next].sort((a, b) => a.year - b.year),
          );
        }}
      />
    </FieldItem>
  );
}

function TargetCard({ target, index }: { target: Target; index: number }) {
  const t = useT();
  const localized = useLocalizedText();
  const { draft, update } = usePlanEditor();
  const { startYear, endYear } = draft.period;
  const deadlineYear = Math.min(Number(target.deadline.slice(0, 4)) || endYear, endYear);
  const years = Array.from({ length: Math.max(0, deadlineYear - startYear + 1) }, (_, i) => startYear + i);
  const used = new Set(target.yearly.map((milestone) => milestone.year));
  const freeYear = years.find((year) => !used.has(year));

  const addMilestone = () => {
    if (freeYear === undefined) return;
    const next = [...target.yearly, { year: freeYear, value: "" }].sort((a, b) => a.year - b.year);
    update(["targets", index, "yearly"], next);
  };
  const removeMilestone = (milestoneIndex: number) => {
    update(
      ["targets", index, "yearly"],
      target.yearly.filter((_, i) => i !== milestoneIndex),
    );
  };

  return (
    <Card
      size="small"
      data-testid="target-card"
      title={<span style={{ whiteSpace: "normal" }}>{localized(target.name, target.nameEn)}</span>}
      extra={
        <Space size={4}>
          {target.aspiration ? <Tag color="gold">{t("plan.aspiration")}</Tag> : null}
          <Tag>{t("plan.clause", { clause: target.clause })}</Tag>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12} xl={8}>
          <QuantityField
            path={["targets", index, "value"]}
            unit={target.unit}
            label={t("planEdit.targetValue", { comparison: t(`comparison.${target.comparison}`) })}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <DeadlineField path={["targets", index, "deadline"]} startYear={startYear} endYear={endYear} />
        </Col>
      </Row>
      <Typography.Text strong>{t("plan.yearly")}</Typography.Text>
      {target.yearly.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t("planEdit.noMilestones")}</Typography.Text>
        </div>
      ) : null}
      {target.yearly.map((milestone, milestoneIndex) => (
        <Row key={milestone.year} gutter={16} align="bottom" wrap>
          <Col flex="none">
            <MilestoneYearField targetIndex={index} index={milestoneIndex} years={years} />
          </Col>
          <Col flex="auto">
            <QuantityField
              path={["targets", index, "yearly", milestoneIndex, "value"]}
              unit={target.unit}
              label={t("planEdit.milestoneValue")}
            />
          </Col>
          <Col flex="none" style={{ paddingBottom: 12 }}>
            <Button
              icon={<DeleteOutlined />}
              aria-label={t("planEdit.removeMilestone", { year: milestone.year })}
              onClick={() => removeMilestone(milestoneIndex)}
            />
          </Col>
        </Row>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={addMilestone}
        disabled={freeYear === undefined}
        style={{ marginTop: 4 }}
      >
        {t("planEdit.addMilestone")}
      </Button>
    </Card>
  );
}

/** The targets' values, deadlines and yearly milestones; their wording and metrics stay as issued. */
export function TargetsSection() {
  const t = useT();
  const { draft } = usePlanEditor();
  if (draft.targets.length === 0) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("planEdit.targetsIntro")}</Typography.Text>
      {draft.targets.map((target, index) => (
        <TargetCard key={target.id} target={target} index={index} />
      ))}
    </Space>
  );
}
