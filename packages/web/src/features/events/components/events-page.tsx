import { Button, Card, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { type EventReport, type EventSummary, useEventReport, useEvents } from "../api/events-api";
import { EventDrawer } from "./event-drawer";
import { EventModal } from "./event-forms";
import { PhaseTag } from "./phase-tag";

/** The years the page offers: this year, the next, and back to the plans' usual start. */
function yearChoices(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2019 }, (_, index) => now + 1 - index);
}

/**
 * 培训与沙龙 (M12): the events of a year with their seats, attendance and rating; the holders add, edit, cancel and
 * invite, an enterprise sees its invitations and registers; the yearly counts below for staff.
 */
export function EventsPage() {
  const t = useT();
  const user = useCurrentUser().data;
  const enterprise = user?.role === "enterprise";
  const [year, setYear] = useState<number | undefined>(undefined);
  const events = useEvents(year);
  const report = useEventReport(!enterprise);
  const [opened, setOpened] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const holders = events.data?.holders.join("、") ?? "";
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("evt.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {enterprise ? t("evt.introEnterprise") : t("evt.intro", { holders: holders || "—" })}
        </Typography.Paragraph>
      </Card>
      <Card styles={{ body: { padding: 12 } }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<number | "all">
            aria-label={t("evt.year")}
            style={{ minWidth: 120 }}
            value={year ?? "all"}
            onChange={(value) => setYear(value === "all" ? undefined : value)}
            options={[
              { value: "all", label: t("evt.allYears") },
              ...yearChoices().map((value) => ({ value, label: String(value) })),
            ]}
          />
          {events.data?.canManage ? (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t("evt.add")}
            </Button>
          ) : null}
          {enterprise ? null : (
            <ExportButton
              path="/api/events/export"
              params={year === undefined ? {} : { year }}
              fileName="企业家培训与沙龙.xlsx"
              label={t("evt.export")}
            />
          )}
        </Space>
        <QueryBoundary isPending={events.isPending} error={events.error}>
          {() => (
            <Table<EventSummary>
              rowKey="id"
              size="small"
              scroll={{ x: 1020 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={events.data?.items ?? []}
              locale={{ emptyText: t("evt.none") }}
              columns={[
                {
                  title: t("evt.topic"),
                  width: 260,
                  render: (_, row) => (
                    <Space size={4} wrap>
                      <Tag color={row.kind === "training" ? "blue" : "purple"}>{t(`evt.kind.${row.kind}`)}</Tag>
                      <Typography.Link onClick={() => setOpened(row.id)}>{row.topic}</Typography.Link>
                      {row.isDemo ? <Tag color="orange">{t("common.demo")}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  title: t("evt.dates"),
                  render: (_, row) => (row.startsOn === row.endsOn ? row.startsOn : `${row.startsOn} ~ ${row.endsOn}`),
                },
                { title: t("evt.place"), dataIndex: "place", ellipsis: true },
                { title: t("evt.hostUnit"), render: (_, row) => row.hostUnit.name },
                { title: t("evt.seats"), render: (_, row) => `${row.seatsTaken} / ${row.capacity}` },
                { title: t("evt.phase"), render: (_, row) => <PhaseTag phase={row.phase} /> },
                enterprise
                  ? { title: t("evt.mine"), render: (_, row) => <MineText event={row} /> }
                  : {
                      title: t("evt.attended"),
                      render: (_, row) => row.attended,
                    },
                {
                  title: t("evt.rating"),
                  render: (_, row) => row.averageRating ?? "—",
                },
                {
                  title: t("evt.actions"),
                  render: (_, row) => (
                    <Button size="small" onClick={() => setOpened(row.id)}>
                      {t("evt.open")}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      {enterprise ? null : <ReportCard report={report.data} pending={report.isPending} error={report.error} />}
      {opened !== null ? <EventDrawer id={opened} onClose={() => setOpened(null)} /> : null}
      {adding ? <EventModal event={null} onClose={() => setAdding(false)} /> : null}
    </Space>
  );
}

function MineText({ event }: { event: EventSummary }) {
  const t = useT();
  const mine = event.mine;
  if (!mine) return null;
  if (mine.persons > 0) return <>{t("evt.mine.registered", { count: mine.persons })}</>;
  if (mine.invitation === "pending") return <Tag color="gold">{t("evt.mine.invited")}</Tag>;
  if (mine.invitation === "declined") return <>{t("evt.mine.declined")}</>;
  return <>{t("evt.mine.none")}</>;
}

function ReportCard({ report, pending, error }: { report: EventReport | undefined; pending: boolean; error: unknown }) {
  const t = useT();
  return (
    <Card styles={{ body: { padding: 12 } }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("evt.report")}
        </Typography.Title>
        <ExportButton
          path="/api/events/report/export"
          fileName="企业家培训与沙龙年度统计.xlsx"
          label={t("evt.export")}
        />
      </Space>
      <Typography.Paragraph type="secondary">{t("evt.report.hint")}</Typography.Paragraph>
      <QueryBoundary isPending={pending} error={error}>
        {() => (
          <Table<EventReport["years"][number]>
            rowKey="year"
            size="small"
            scroll={{ x: 720 }}
            pagination={false}
            dataSource={report?.years ?? []}
            locale={{ emptyText: t("evt.none") }}
            columns={[
              { title: t("evt.year"), dataIndex: "year" },
              { title: t("evt.report.trainings"), dataIndex: "trainings" },
              { title: t("evt.report.trainingAttendees"), dataIndex: "trainingAttendees" },
              { title: t("evt.report.salons"), dataIndex: "salons" },
              { title: t("evt.report.salonAttendees"), dataIndex: "salonAttendees" },
              { title: t("evt.report.enterprisesReached"), dataIndex: "enterprisesReached" },
              {
                title: t("evt.report.averageRating"),
                render: (_, row) => row.averageRating ?? "—",
              },
            ]}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
