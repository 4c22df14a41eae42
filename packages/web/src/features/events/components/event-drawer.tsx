import { App, Button, Descriptions, Drawer, Popconfirm, Radio, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import {
  type EventDetail,
  type FeedbackView,
  type Invitation,
  type Registration,
  useEvent,
  useMarkAttendance,
  useWithdraw,
} from "../api/events-api";
import { CancelEventModal, DeclineModal, EventModal, FeedbackModal, InviteModal, RegisterModal } from "./event-forms";
import { PhaseTag } from "./phase-tag";

type Dialog = "edit" | "cancel" | "invite" | "register" | "decline" | "feedback" | null;

/** One event: its facts, and what the caller may do there (hold, invite, mark attendance; register, rate). */
export function EventDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const detail = useEvent(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = detail.data;
  return (
    <Drawer open onClose={onClose} width="min(820px, 100vw)" title={data?.event.topic ?? t("evt.details")}>
      <QueryBoundary isPending={detail.isPending} error={detail.error}>
        {() =>
          data ? (
            <Space direction="vertical" size={16} style={{ width: "100%" }}>
              <Facts data={data} />
              <Actions data={data} open={setDialog} />
              {data.canManage || data.invitations.length > 0 ? <Invitations rows={data.invitations} /> : null}
              <Registrations data={data} />
              {data.feedback.length > 0 ? <Feedback rows={data.feedback} /> : null}
            </Space>
          ) : null
        }
      </QueryBoundary>
      {data && dialog === "edit" ? <EventModal event={data.event} onClose={() => setDialog(null)} /> : null}
      {data && dialog === "cancel" ? <CancelEventModal event={data.event} onClose={() => setDialog(null)} /> : null}
      {data && dialog === "invite" ? <InviteModal event={data.event} onClose={() => setDialog(null)} /> : null}
      {data && dialog === "register" ? <RegisterModal event={data.event} onClose={() => setDialog(null)} /> : null}
      {data && dialog === "decline" ? <DeclineModal event={data.event} onClose={() => setDialog(null)} /> : null}
      {data && dialog === "feedback" ? <FeedbackModal event={data.event} onClose={() => setDialog(null)} /> : null}
    </Drawer>
  );
}

function Facts({ data }: { data: EventDetail }) {
  const t = useT();
  const event = data.event;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
      <Descriptions.Item label={t("evt.kind")}>{t(`evt.kind.${event.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t("evt.phase")}>
        <PhaseTag phase={event.phase} />
      </Descriptions.Item>
      <Descriptions.Item label={t("evt.dates")}>
        {event.startsOn === event.endsOn ? event.startsOn : `${event.startsOn} ~ ${event.endsOn}`}
      </Descriptions.Item>
      <Descriptions.Item label={t("evt.registrationClosesOn")}>{event.registrationClosesOn}</Descriptions.Item>
      <Descriptions.Item label={t("evt.place")}>{event.place}</Descriptions.Item>
      <Descriptions.Item label={t("evt.hostUnit")}>{event.hostUnit.name}</Descriptions.Item>
      <Descriptions.Item label={t("evt.seats")}>{`${event.seatsTaken} / ${event.capacity}`}</Descriptions.Item>
      <Descriptions.Item label={t("evt.invitationOnly")}>
        {event.invitationOnly ? t("evt.invitationOnly") : t("evt.openToAll")}
      </Descriptions.Item>
      <Descriptions.Item label={t("evt.attended")}>{event.attended}</Descriptions.Item>
      <Descriptions.Item label={t("evt.rating")}>{event.averageRating ?? t("evt.noRating")}</Descriptions.Item>
      {event.description ? (
        <Descriptions.Item label={t("evt.description")} span={2}>
          {event.description}
        </Descriptions.Item>
      ) : null}
      {event.phase === "cancelled" ? (
        <Descriptions.Item label={t("evt.cancelReason")} span={2}>
          {event.cancelReason}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function Actions({ data, open }: { data: EventDetail; open: (dialog: Dialog) => void }) {
  const t = useT();
  const event = data.event;
  const mine = event.mine;
  const live = event.phase !== "cancelled" && event.phase !== "ended";
  return (
    <Space wrap>
      {data.canManage && live ? (
        <>
          <Button onClick={() => open("edit")}>{t("evt.edit")}</Button>
          {event.phase === "open" ? (
            <Button type="primary" onClick={() => open("invite")}>
              {t("evt.invite")}
            </Button>
          ) : null}
          <Button danger onClick={() => open("cancel")}>
            {t("evt.cancelEvent")}
          </Button>
        </>
      ) : null}
      {mine?.canRegister ? (
        <Button type="primary" onClick={() => open("register")}>
          {t("evt.register")}
        </Button>
      ) : null}
      {mine?.invitation === "pending" && event.phase === "open" && mine.persons === 0 ? (
        <Button onClick={() => open("decline")}>{t("evt.decline")}</Button>
      ) : null}
      {mine?.canGiveFeedback ? (
        <Button type="primary" onClick={() => open("feedback")}>
          {t("evt.giveFeedback")}
        </Button>
      ) : null}
      <ExportButton
        path={`/api/events/${event.id}/registrations/export`}
        fileName={`${event.topic}报名名单.xlsx`}
        label={t("evt.exportRoster")}
      />
    </Space>
  );
}

function Invitations({ rows }: { rows: Invitation[] }) {
  const t = useT();
  return (
    <div>
      <Typography.Title level={5}>{t("evt.invitations")}</Typography.Title>
      <Table<Invitation>
        rowKey="id"
        size="small"
        scroll={{ x: 560 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={rows}
        locale={{ emptyText: t("evt.none") }}
        columns={[
          { title: t("evt.enterprise"), render: (_, row) => row.enterprise.name },
          {
            title: t("evt.phase"),
            render: (_, row) => (
              <Tag color={row.status === "registered" ? "green" : row.status === "declined" ? "default" : "gold"}>
                {t(`evt.invitation.${row.status}`)}
              </Tag>
            ),
          },
          { title: t("evt.invitedAt"), render: (_, row) => row.invitedAt.slice(0, 10) },
          { title: t("evt.declineReason"), render: (_, row) => row.declineReason || "—" },
        ]}
      />
    </div>
  );
}

type Mark = "present" | "absent";

function Registrations({ data }: { data: EventDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser().data;
  const enterprise = user?.role === "enterprise";
  const mark = useMarkAttendance();
  const withdraw = useWithdraw();
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  const markOf = (row: Registration): Mark | undefined =>
    marks[row.id] ?? (row.attended === null ? undefined : row.attended ? "present" : "absent");
  const changed = data.registrations.filter((row) => marks[row.id] !== undefined);
  const save = async () => {
    try {
      const result = await mark.mutateAsync({
        id: data.event.id,
        input: { marks: changed.map((row) => ({ registrationId: row.id, attended: marks[row.id] === "present" })) },
      });
      setMarks({});
      message.success(t("evt.attendanceSaved", { count: result.changed }));
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <div>
      <Typography.Title level={5}>{t("evt.registrations")}</Typography.Title>
      {data.canMarkAttendance ? (
        <Typography.Paragraph type="secondary">{t("evt.attendanceHint")}</Typography.Paragraph>
      ) : null}
      <Table<Registration>
        rowKey="id"
        size="small"
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={data.registrations}
        locale={{ emptyText: t("evt.none") }}
        columns={[
          ...(enterprise
            ? []
            : [{ title: t("evt.enterprise"), render: (_: unknown, row: Registration) => row.enterprise.name }]),
          { title: t("evt.personName"), dataIndex: "personName" },
          { title: t("evt.personTitle"), render: (_, row) => row.personTitle || "—" },
          { title: t("evt.personPhone"), dataIndex: "personPhone" },
          {
            title: t("evt.attendance"),
            render: (_, row) =>
              data.canMarkAttendance ? (
                <Radio.Group
                  size="small"
                  value={markOf(row)}
                  onChange={(change) => setMarks((current) => ({ ...current, [row.id]: change.target.value as Mark }))}
                  options={[
                    { value: "present", label: t("evt.attendance.present") },
                    { value: "absent", label: t("evt.attendance.absent") },
                  ]}
                  aria-label={`${t("evt.attendance")} ${row.personName}`}
                />
              ) : (
                t(`evt.attendance.${row.attended === null ? "unmarked" : row.attended ? "present" : "absent"}`)
              ),
          },
          ...(enterprise && data.event.phase === "open"
            ? [
                {
                  title: t("evt.actions"),
                  render: (_: unknown, row: Registration) => (
                    <Popconfirm
                      title={t("evt.withdraw")}
                      onConfirm={async () => {
                        try {
                          await withdraw.mutateAsync({ id: data.event.id, registrationId: row.id });
                          message.success(t("evt.withdrawn"));
                        } catch (error) {
                          message.error(errorText(error));
                        }
                      }}
                    >
                      <Button size="small">{t("evt.withdraw")}</Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {data.canMarkAttendance ? (
        <Button
          type="primary"
          style={{ marginTop: 8 }}
          disabled={changed.length === 0}
          loading={mark.isPending}
          onClick={save}
        >
          {t("evt.saveAttendance")}
        </Button>
      ) : null}
    </div>
  );
}

function Feedback({ rows }: { rows: FeedbackView[] }) {
  const t = useT();
  return (
    <div>
      <Typography.Title level={5}>{t("evt.feedback")}</Typography.Title>
      <Table<FeedbackView>
        rowKey={(row) => row.enterprise.id}
        size="small"
        scroll={{ x: 480 }}
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("evt.enterprise"), render: (_, row) => row.enterprise.name },
          { title: t("evt.rating"), dataIndex: "rating" },
          { title: t("evt.feedbackComment"), render: (_, row) => row.comment || "—" },
        ]}
      />
    </div>
  );
}
