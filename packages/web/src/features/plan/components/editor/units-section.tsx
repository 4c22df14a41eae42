import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { PlanUnit } from "@beizeng/domain/plan/schema";
import { PLACE_UNIT_KINDS, UNIT_DUTIES, UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { Button, Card, Dropdown, Grid, Space, Table, Tag, Typography } from "antd";
import { useT } from "../../../../shared/i18n/i18n";
import { useUnits } from "../../../units";
import { newPlaceUnit, nextUnitId } from "./draft";
import { usePlanEditor } from "./editor-context";
import { MultiSelectField, SelectField, TextField } from "./fields";

interface Row {
  unit: PlanUnit;
  index: number;
  added: boolean;
}

/**
 * The plan's units: names in both languages, kind and duties; a new town, street or zone added at the end.
 * Units are not removed here: a unit other records still name is retired by a revision only once they moved.
 */
export function UnitsSection() {
  const t = useT();
  const { draft, original, update } = usePlanEditor();
  // Every unit the district ever had, retired ones too, so a new unit never takes an old one's id.
  const units = useUnits();
  const originalIds = new Set(original.units.map((unit) => unit.id));
  const rows: Row[] = draft.units.map((unit, index) => ({ unit, index, added: !originalIds.has(unit.id) }));

  const add = (kind: PlanUnit["kind"]) => {
    const id = nextUnitId(draft, units.data?.map((unit) => unit.code) ?? []);
    update(["units"], [...draft.units, newPlaceUnit(id, kind)]);
  };
  const remove = (index: number) => {
    update(
      ["units"],
      draft.units.filter((_, i) => i !== index),
    );
  };

  // A phone shows each unit as a small card of labelled fields; a wider screen one row per unit.
  const wide = Grid.useBreakpoint().md ?? true;
  const kindOptions = UNIT_KINDS.map((kind) => ({ value: kind, label: t(`planEdit.kind.${kind}`) }));
  const placeOptions = kindOptions.filter((option) => PLACE_UNIT_KINDS.includes(option.value));
  const dutyOptions = UNIT_DUTIES.map((duty) => ({ value: duty, label: t(`unitDuty.${duty}`) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text type="secondary">{t("planEdit.unitsIntro")}</Typography.Text>
        <Dropdown
          menu={{
            items: placeOptions.map((option) => ({ key: option.value, label: option.label })),
            onClick: ({ key }) => add(key as PlanUnit["kind"]),
          }}
        >
          <Button icon={<PlusOutlined />}>{t("planEdit.addUnit")}</Button>
        </Dropdown>
      </Space>
      {wide ? null : (
        <Space orientation="vertical" size="small" style={{ width: "100%" }}>
          {rows.map((row) => (
            <Card
              key={row.unit.id}
              size="small"
              title={row.unit.name || t("planEdit.newUnit")}
              extra={
                row.added ? (
                  <Space size={4}>
                    <Tag color="green">{t("planEdit.newUnit")}</Tag>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t("planEdit.removeNewUnit")}
                      onClick={() => remove(row.index)}
                    />
                  </Space>
                ) : null
              }
            >
              <TextField path={["units", row.index, "name"]} label={t("planEdit.unitName")} maxLength={100} />
              <TextField path={["units", row.index, "nameEn"]} label={t("planEdit.unitNameEn")} />
              <SelectField
                path={["units", row.index, "kind"]}
                label={t("planEdit.unitKind")}
                options={row.added ? placeOptions : kindOptions}
              />
              <MultiSelectField
                path={["units", row.index, "duties"]}
                label={t("planEdit.unitDuties")}
                options={dutyOptions}
              />
            </Card>
          ))}
        </Space>
      )}
      {wide ? (
        <Table<Row>
          size="small"
          rowKey={(row) => row.unit.id}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1060 }}
          columns={[
            {
              title: t("planEdit.unitName"),
              key: "name",
              width: 220,
              render: (_, row) => (
                <Space orientation="vertical" size={0} style={{ width: "100%" }}>
                  <TextField
                    path={["units", row.index, "name"]}
                    label={t("planEdit.unitName")}
                    inline
                    maxLength={100}
                  />
                  {row.added ? <Tag color="green">{t("planEdit.newUnit")}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t("planEdit.unitNameEn"),
              key: "nameEn",
              width: 300,
              render: (_, row) => (
                <TextField path={["units", row.index, "nameEn"]} label={t("planEdit.unitNameEn")} inline />
              ),
            },
            {
              title: t("planEdit.unitKind"),
              key: "kind",
              width: 170,
              render: (_, row) => (
                <SelectField
                  path={["units", row.index, "kind"]}
                  label={t("planEdit.unitKind")}
                  inline
                  options={row.added ? placeOptions : kindOptions}
                />
              ),
            },
            {
              title: t("planEdit.unitDuties"),
              key: "duties",
              render: (_, row) => (
                <MultiSelectField
                  path={["units", row.index, "duties"]}
                  label={t("planEdit.unitDuties")}
                  inline
                  options={dutyOptions}
                />
              ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 90,
              render: (_, row) =>
                row.added ? (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("planEdit.removeNewUnit")}
                    onClick={() => remove(row.index)}
                  />
                ) : null,
            },
          ]}
        />
      ) : null}
    </Space>
  );
}
