import { dateRangeLabel } from "@beizeng/domain/calendar/date-range-label";
import { App, Button, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  type Bulletin,
  defaultYear,
  periodOf,
  useBulletinPreview,
  useBulletins,
  useIssueBulletin,
} from "../api/supervision-api";
import { PeriodPicker } from "./period-picker";
import { RankingView } from "./ranking-view";

/** Issued bulletins, and (for the commission) generating the next one from live data. */
export function BulletinsTab({ years }: { years: number[] }) {
  const t = useT();
  const { language } = useLanguage();
  const dateText = useDateText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const mayIssue = currentUser.data?.role === "inspector";
  const bulletins = useBulletins();
  const [year, setYear] = useState(defaultYear(years));
  const [quarter, setQuarter] = useState(4);
  const [generated, setGenerated] = useState(false);
  const period = periodOf(year, quarter);
  const preview = useBulletinPreview(generated ? period : null);
  const issue = useIssueBulletin();
  const query = `from=${period.from}&to=${period.to}`;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap>
        <PeriodPicker
          year={year}
          quarter={quarter}
          years={years}
          onChange={(y, q) => {
            setYear(y);
            setQuarter(q);
            setGenerated(false);
          }}
        />
        <Button type="primary" onClick={() => setGenerated(true)}>
          {t("supervision.generate")}
        </Button>
        {generated ? (
          <>
            <Button href={`/api/bulletins/draft.docx?${query}`}>{t("supervision.downloadDraft")}</Button>
            <Button href={`/api/bulletins/draft.pdf?${query}`}>{t("supervision.downloadDraftPdf")}</Button>
          </>
        ) : null}
        {generated && mayIssue ? (
          <Popconfirm
            title={t("supervision.issueConfirm", { number: preview.data?.nextNumber ?? "" })}
            okText={t("supervision.issue")}
            cancelText={t("common.cancel")}
            onConfirm={() =>
              issue.mutate(period, {
                onSuccess: (result) => void message.success(t("supervision.issued", { number: result.number })),
                onError: (error) => void message.error(errorText(error)),
              })
            }
          >
            <Button danger loading={issue.isPending} disabled={!preview.data}>
              {t("supervision.issue")}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      {generated ? (
        <QueryBoundary isPending={preview.isPending} error={preview.error}>
          {() =>
            preview.data ? (
              <>
                <Typography.Title level={4} style={{ textAlign: "center" }}>
                  {preview.data.title}
                </Typography.Title>
                <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
                  {t("supervision.nextNumber", {
                    number: preview.data.nextNumber,
                    asOf: dateText(preview.data.dataThrough),
                  })}
                </Typography.Paragraph>
                <RankingView ranking={preview.data} />
              </>
            ) : null
          }
        </QueryBoundary>
      ) : null}
      <Typography.Title level={4}>{t("supervision.issuedList")}</Typography.Title>
      <QueryBoundary isPending={bulletins.isPending} error={bulletins.error}>
        {() => (
          <Table<Bulletin>
            rowKey="id"
            size="middle"
            dataSource={bulletins.data?.items}
            pagination={false}
            locale={{ emptyText: t("supervision.noBulletins") }}
            scroll={{ x: 760 }}
            columns={[
              { title: t("supervision.number"), dataIndex: "number", width: 170 },
              { title: t("supervision.bulletinTitle"), dataIndex: "title" },
              {
                title: t("supervision.period"),
                key: "period",
                width: 150,
                render: (_, bulletin) => dateRangeLabel(bulletin.periodStart, bulletin.periodEnd, language),
              },
              {
                title: t("supervision.issuedAt"),
                dataIndex: "issuedAt",
                width: 120,
                render: (at: string) => dateText(at),
              },
              {
                title: t("common.actions"),
                key: "download",
                width: 170,
                render: (_, bulletin) => (
                  <Space size="middle" wrap>
                    <a href={`/api/bulletins/${bulletin.id}/docx`} title={`SHA-256 ${bulletin.sha256}`}>
                      {t("supervision.download")}
                    </a>
                    {bulletin.hasPdf ? (
                      <a href={`/api/bulletins/${bulletin.id}/pdf`}>{t("supervision.downloadPdf")}</a>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Space>
  );
}
