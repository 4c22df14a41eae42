import { App, Button, Input, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnitName } from "../../units";
import { type Blocker, useBlockers, useHandleBlocker } from "../api/projects-api";

const statusColors: Record<Blocker["status"], string> = { open: "processing", answered: "warning", closed: "success" };

/** The problems of every project (直通车), or those a unit must answer; overdue ones stand out. */
export function BlockersTable({ blockers, showProject }: { blockers: Blocker[]; showProject: boolean }) {
  const t = useT();
  const unitName = useUnitName();
  const dateText = useDateText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser().data;
  const handle = useHandleBlocker();
  const [answering, setAnswering] = useState<Blocker | null>(null);
  const [answer, setAnswer] = useState("");
  const mayHandle = (blocker: Blocker) =>
    blocker.status !== "closed" &&
    (user?.role === "office" || (user?.role === "unit" && user.unit?.id === blocker.unit.id));

  const act = async (blocker: Blocker, action: "answer" | "close", text?: string) => {
    try {
      await handle.mutateAsync({ id: blocker.id, action, ...(text ? { answer: text } : {}) });
      message.success(t("common.saved"));
      setAnswering(null);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <Table<Blocker>
        rowKey="id"
        size="small"
        dataSource={blockers}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          ...(showProject
            ? [
                {
                  title: t("projects.name"),
                  key: "project",
                  render: (_: unknown, blocker: Blocker) => (
                    <Link to={`/projects/${blocker.projectId}`}>{blocker.projectName}</Link>
                  ),
                },
              ]
            : []),
          {
            title: t("pj.blockerCategory"),
            dataIndex: "category",
            width: 100,
            render: (c: string) => t(`pj.blocker.${c}` as "pj.blocker.land"),
          },
          { title: t("pj.blockerDescription"), dataIndex: "description" },
          { title: t("pj.blockerUnit"), key: "unit", width: 140, render: (_, blocker) => unitName(blocker.unit) },
          {
            title: t("pj.dueOn"),
            dataIndex: "dueOn",
            width: 130,
            render: (dueOn: string, blocker) => (
              <Space size={4}>
                {dateText(dueOn)}
                {blocker.overdue ? <Tag color="error">{t("pj.overdue")}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t("pj.blockerStatus"),
            dataIndex: "status",
            width: 90,
            render: (status: Blocker["status"]) => (
              <Tag color={statusColors[status]}>{t(`pj.blockerStatus.${status}`)}</Tag>
            ),
          },
          { title: t("pj.answer"), dataIndex: "answer", render: (text: string | null) => text ?? "—" },
          {
            title: t("common.actions"),
            key: "actions",
            width: 150,
            render: (_, blocker) =>
              mayHandle(blocker) ? (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => {
                      setAnswer(blocker.answer ?? "");
                      setAnswering(blocker);
                    }}
                  >
                    {t("pj.answerAction")}
                  </Button>
                  <Button size="small" onClick={() => act(blocker, "close")} loading={handle.isPending}>
                    {t("pj.closeAction")}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={answering !== null}
        title={t("pj.answerTitle")}
        onCancel={() => setAnswering(null)}
        onOk={() => answering && act(answering, "answer", answer)}
        okButtonProps={{ disabled: !answer.trim() }}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
      >
        <Typography.Paragraph>{answering?.description}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t("pj.answer")}
          rows={4}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
        />
      </Modal>
    </>
  );
}

export function BlockersPanel() {
  const t = useT();
  const user = useCurrentUser().data;
  const [mine, setMine] = useState(user?.role === "unit");
  const [overdue, setOverdue] = useState(false);
  const query = { mine: mine || undefined, overdue: overdue || undefined };
  const blockers = useBlockers(query);
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        {user?.role === "unit" ? (
          <Space>
            <Switch checked={mine} onChange={setMine} aria-label={t("pj.mineBlockers")} />
            {t("pj.mineBlockers")}
          </Space>
        ) : null}
        <Space>
          <Switch checked={overdue} onChange={setOverdue} aria-label={t("pj.onlyOverdue")} />
          {t("pj.onlyOverdue")}
        </Space>
        <ExportButton
          path="/api/project-blockers/export"
          params={query}
          fileName="项目问题.xlsx"
          label={t("pj.exportBlockers")}
        />
      </Space>
      <QueryBoundary isPending={blockers.isPending} error={blockers.error}>
        {() => <BlockersTable blockers={blockers.data?.items ?? []} showProject />}
      </QueryBoundary>
    </Space>
  );
}
