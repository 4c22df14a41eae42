import { App, Button, Card, Popconfirm, Select, Space, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  type Assessment,
  defaultYear,
  useAssessment,
  useAssessmentHistory,
  useFinalizeAssessment,
} from "../api/supervision-api";

/** The year-end weighted score of each unit, the printable report, and the finalised years. */
export function AssessmentTab({ years }: { years: number[] }) {
  const t = useT();
  const dateText = useDateText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const [year, setYear] = useState(defaultYear(years));
  const assessment = useAssessment(year);
  const history = useAssessmentHistory();
  const finalize = useFinalizeAssessment();

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <Select
          aria-label={t("supervision.year")}
          value={year}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: t("supervision.yearLabel", { year: y }) }))}
          onChange={setYear}
        />
        <Button href={`/api/assessment/${year}/report.docx`}>{t("supervision.downloadReport")}</Button>
        <Button href={`/api/assessment/${year}/report.pdf`}>{t("supervision.downloadReportPdf")}</Button>
        {currentUser.data?.role === "office" ? (
          <Popconfirm
            title={t("supervision.finalizeConfirm", { year })}
            okText={t("common.confirm")}
            cancelText={t("common.cancel")}
            onConfirm={() =>
              finalize.mutate(year, {
                onSuccess: () => void message.success(t("supervision.finalized", { year })),
                onError: (error) => void message.error(errorText(error)),
              })
            }
          >
            <Button type="primary" loading={finalize.isPending}>
              {t("supervision.finalize")}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <QueryBoundary isPending={assessment.isPending} error={assessment.error}>
        {() => (assessment.data ? <ScoreTable assessment={assessment.data} /> : null)}
      </QueryBoundary>
      <Typography.Title level={4}>{t("supervision.history")}</Typography.Title>
      <QueryBoundary isPending={history.isPending} error={history.error}>
        {() =>
          (history.data?.years ?? []).length === 0 ? (
            <Typography.Text type="secondary">{t("supervision.noHistory")}</Typography.Text>
          ) : (
            <Space wrap align="start">
              {history.data?.years.map((entry) => (
                <Card
                  key={entry.year}
                  size="small"
                  title={t("supervision.yearLabel", { year: entry.year })}
                  style={{ width: 320 }}
                >
                  <Typography.Text type="secondary">
                    {t("supervision.finalizedAt", { at: dateText(entry.finalizedAt) })}
                  </Typography.Text>
                  <ol style={{ paddingLeft: 20, marginBottom: 0 }}>
                    {entry.rows.slice(0, 10).map((row) => (
                      <li key={row.unitId}>
                        {row.unitName} {row.score ?? "—"}
                      </li>
                    ))}
                  </ol>
                </Card>
              ))}
            </Space>
          )
        }
      </QueryBoundary>
    </Space>
  );
}

function ScoreTable({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const localized = useLocalizedText();
  const missingLines = assessment.rows.flatMap((row) =>
    assessment.indicators
      .filter((indicator) => (row.missing[indicator.id] ?? []).length > 0)
      .map((indicator) => ({
        key: `${row.unitId}-${indicator.id}`,
        text: t("supervision.missingLine", {
          unit: row.unitName,
          indicator: localized(indicator.name, indicator.nameEn),
          names: (row.missing[indicator.id] ?? []).join("、"),
        }),
      })),
  );
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t("supervision.scoring", {
          weights: assessment.indicators.map((i) => `${localized(i.name, i.nameEn)} ${i.weight}`).join("、"),
        })}{" "}
        {t("supervision.cellLegend")}
      </Typography.Paragraph>
      <Table
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={assessment.rows}
        scroll={{ x: 900 }}
        columns={[
          { title: t("supervision.rank"), dataIndex: "rank", width: 70, render: (rank) => rank ?? "—" },
          { title: t("supervision.unit"), dataIndex: "unitName", width: 200 },
          ...assessment.indicators.map((indicator) => ({
            title: localized(indicator.name, indicator.nameEn),
            key: indicator.id,
            width: 130,
            render: (_: unknown, row: Assessment["rows"][number]) => (
              <IndicatorCell
                points={row.points[indicator.id] ?? null}
                value={row.values[indicator.id] ?? null}
                missing={row.missing[indicator.id] ?? []}
              />
            ),
          })),
          {
            title: t("supervision.score"),
            dataIndex: "score",
            width: 110,
            render: (score: string | null) => (score === null ? t("supervision.notScored") : <strong>{score}</strong>),
          },
        ]}
      />
      {missingLines.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t("supervision.missingTitle")}
          </Typography.Title>
          <ul style={{ paddingLeft: 20 }}>
            {missingLines.map((line) => (
              <li key={line.key}>
                <Typography.Text type="secondary">{line.text}</Typography.Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** One unit on one indicator: its points, the value they come from, and how many enterprises it lacks. */
function IndicatorCell({ points, value, missing }: { points: string | null; value: string | null; missing: string[] }) {
  const t = useT();
  return (
    <Space direction="vertical" size={0}>
      <span>{points ?? "—"}</span>
      {value ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {value}
        </Typography.Text>
      ) : null}
      {missing.length > 0 ? (
        <Tooltip title={missing.join("、")}>
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t("supervision.missingCount", { count: missing.length })}
          </Typography.Text>
        </Tooltip>
      ) : null}
    </Space>
  );
}
