import { Card, Empty, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { type ChainLeaders, useChainLeaders } from "../api/chain-roles-api";

type ChainRow = ChainLeaders["chains"][number];

/** The leader dashboard's card: each chain of the plan with its leader (链主型) and backbone (骨干型) enterprises. */
export function ChainLeadersCard() {
  const t = useT();
  const localized = useLocalizedText();
  const [year, setYear] = useState<number | undefined>(undefined);
  const leaders = useChainLeaders(year);
  const data = leaders.data;
  return (
    <Card
      size="small"
      title={t("chainRole.leadersTitle")}
      extra={
        <Space wrap>
          {data && data.years.length > 0 ? (
            <Select<number>
              size="small"
              aria-label={t("chainRole.year")}
              value={data.year ?? undefined}
              onChange={setYear}
              options={data.years.map((value) => ({ value, label: t("chainRole.yearLabel", { year: value }) }))}
            />
          ) : null}
          <ExportButton
            path="/api/chain-leaders/export"
            params={data?.year ? { year: data.year } : {}}
            fileName="产业链链主型骨干型企业.xlsx"
            label={t("chainRole.export")}
          />
        </Space>
      }
    >
      <QueryBoundary isPending={leaders.isPending} error={leaders.error}>
        {() =>
          !data || data.year === null ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("chainRole.noneYet")} />
          ) : (
            <Space direction="vertical" style={{ width: "100%" }}>
              <Table<ChainRow>
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: 480 }}
                dataSource={data.chains}
                columns={[
                  { title: t("chainRole.chain"), render: (_, row) => localized(row.name, row.nameEn), width: 110 },
                  {
                    title: t("chainRole.role.leader"),
                    render: (_, row) =>
                      row.leaders.length === 0
                        ? "—"
                        : row.leaders.map((leader) => (
                            <Tag key={leader.id} color="gold">
                              <Link to={`/enterprises/${leader.id}`}>{leader.name}</Link>
                            </Tag>
                          )),
                  },
                  {
                    title: t("chainRole.role.backbone"),
                    render: (_, row) =>
                      row.backbones.length === 0
                        ? "—"
                        : row.backbones.map((backbone) => (
                            <Tag key={backbone.id}>
                              <Link to={`/enterprises/${backbone.id}`}>{backbone.name}</Link>
                            </Tag>
                          )),
                  },
                ]}
              />
              <Typography.Text type="secondary">
                {t("chainRole.designatedBy", { units: data.designators.join("、") })}{" "}
                <Link to="/enterprises?chainRole=leader">{t("chainRole.inRegister")}</Link>
              </Typography.Text>
            </Space>
          )
        }
      </QueryBoundary>
    </Card>
  );
}
