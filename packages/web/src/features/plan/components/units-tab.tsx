import type { PlanFile, PlanUnit } from "@beizeng/domain/plan/schema";
import { UNIT_KINDS } from "@beizeng/domain/plan/vocabulary";
import { Space, Table, Tag, Typography } from "antd";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";

const kindOrder: readonly PlanUnit["kind"][] = UNIT_KINDS;

export function UnitsTab({ plan }: { plan: PlanFile }) {
  const t = useT();
  const localized = useLocalizedText();

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      {kindOrder.map((kind) => {
        const units = plan.units.filter((unit) => unit.kind === kind);
        if (units.length === 0) return null;
        return (
          <section key={kind}>
            <Typography.Title level={5}>
              {t(`unitKind.${kind}`)} <Tag>{units.length}</Tag>
            </Typography.Title>
            <Table<PlanUnit>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={units}
              columns={[
                { title: t("units.code"), dataIndex: "id", width: 200 },
                { title: t("units.name"), key: "name", render: (_, unit) => localized(unit.name, unit.nameEn) },
                {
                  title: t("units.editable"),
                  dataIndex: "editable",
                  width: 120,
                  render: (editable: boolean) => (editable ? t("common.yes") : t("common.no")),
                },
              ]}
            />
          </section>
        );
      })}
    </Space>
  );
}
