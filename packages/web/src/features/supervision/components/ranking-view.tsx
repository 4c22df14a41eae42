import { Alert, Card, Col, Empty, List, Row, Table, Tag, Tooltip, Typography } from "antd";
import { useCodeLabel, useLocalizedText, useT } from "../../../shared/i18n/i18n";
import type { IndicatorRanking, Ranking, TargetLine, UnitFigures } from "../api/supervision-api";

const statusColors: Record<string, string> = {
  green: "green",
  yellow: "gold",
  red: "red",
  "aspiration-behind": "blue",
  "no-data": "default",
};

/** Targets, task figures per unit, the ranking on each indicator and the summons list of a period. */
export function RankingView({ ranking }: { ranking: Ranking }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const withTasks = ranking.units.filter((u) => u.tasks > 0);
  return (
    <>
      <Card size="small" title={t("supervision.summons")} style={{ marginBottom: 16 }}>
        {ranking.summons.length === 0 ? (
          <Typography.Text>{t("supervision.noSummons")}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={ranking.summons}
            renderItem={(entry) => (
              <List.Item>
                <Typography.Text strong>{entry.unitName}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                  {entry.reason}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t("supervision.targets")} style={{ marginBottom: 16 }}>
        {ranking.targets ? (
          <Table<TargetLine>
            rowKey="targetId"
            size="small"
            pagination={false}
            dataSource={ranking.targets}
            columns={[
              { title: t("tasks.clause"), dataIndex: "clause", width: 70 },
              {
                title: t("supervision.target"),
                dataIndex: "name",
                render: (name: string, line) =>
                  line.aspiration ? `${name}${t("common.inParentheses", { text: t("supervision.aspiration") })}` : name,
              },
              { title: t("supervision.targetValue"), dataIndex: "target", width: 130 },
              { title: t("supervision.current"), dataIndex: "current", width: 130, render: (v) => v ?? "—" },
              {
                title: t("tasks.status"),
                dataIndex: "status",
                width: 130,
                render: (status: string) => (
                  <Tag color={statusColors[status]}>{codeLabel("supervision.targetStatus", status)}</Tag>
                ),
              },
              {
                title: t("supervision.leadUnits"),
                dataIndex: "leadUnits",
                render: (units: string[]) => units.join("、"),
              },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon message={ranking.targetsGap} />
        )}
      </Card>
      <Card size="small" title={t("supervision.unitFigures")} style={{ marginBottom: 16 }}>
        <Table<UnitFigures>
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={withTasks}
          columns={[
            { title: t("supervision.unit"), dataIndex: "unitName" },
            { title: t("supervision.tasks"), dataIndex: "tasks", width: 90 },
            { title: t("supervision.due"), dataIndex: "duePeriods", width: 100 },
            { title: t("supervision.onTime"), dataIndex: "onTime", width: 100 },
            { title: t("supervision.late"), dataIndex: "late", width: 100 },
            {
              title: t("supervision.overdue"),
              dataIndex: "overdue",
              width: 100,
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        {ranking.indicators.map((indicator) => (
          <Col key={indicator.id} xs={24} lg={12}>
            <IndicatorCard indicator={indicator} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function IndicatorCard({ indicator }: { indicator: IndicatorRanking }) {
  const t = useT();
  const localized = useLocalizedText();
  const name = localized(indicator.name, indicator.nameEn);
  return (
    <Card
      size="small"
      title={`${name}${t("common.inParentheses", { text: `${t("supervision.weight")} ${indicator.weight}` })}`}
      extra={<Typography.Text type="secondary">{t(`supervision.direction.${indicator.direction}`)}</Typography.Text>}
    >
      {indicator.unavailable ? (
        <Alert type="info" showIcon message={indicator.unavailable} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{indicator.explanation}</Typography.Paragraph>
          {indicator.ranked.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table
              rowKey="unitId"
              size="small"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={indicator.ranked}
              columns={[
                {
                  title: t("supervision.rank"),
                  dataIndex: "rank",
                  width: 90,
                  render: (rank: number, entry) =>
                    entry.tied ? `${rank}${t("common.inParentheses", { text: t("supervision.tied") })}` : rank,
                },
                {
                  title: t("supervision.unit"),
                  dataIndex: "unitName",
                  render: (name: string, entry) =>
                    indicator.last.includes(entry.unitId) ? (
                      <>
                        {name} <Tag color="red">{t("supervision.last")}</Tag>
                      </>
                    ) : (
                      name
                    ),
                },
                {
                  title: name,
                  dataIndex: "value",
                  width: 130,
                  render: (value: string, entry) =>
                    entry.missing.length > 0 ? (
                      <Tooltip title={entry.missing.join("、")}>
                        {value}
                        <Typography.Text type="warning" style={{ display: "block", fontSize: 12 }}>
                          {t("supervision.missingCount", { count: entry.missing.length })}
                        </Typography.Text>
                      </Tooltip>
                    ) : (
                      value
                    ),
                },
              ]}
            />
          )}
          {indicator.excluded.length > 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t("supervision.excluded", { count: indicator.excluded.length })}
              {[...new Set(indicator.excluded.map((e) => e.reason))].join("；")}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </Card>
  );
}
