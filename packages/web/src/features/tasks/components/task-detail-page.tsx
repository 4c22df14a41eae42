import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { formatBytes } from "../../../shared/api/uploads";
import { ClauseSource } from "../../../shared/components/clause-source";
import { NotFoundResult, QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { usePlan } from "../../plan";
import { useUnitName } from "../../units";
import { type PeriodState, type TaskReport, useReturnReport, useTask } from "../api/tasks-api";
import { usePeriodLabel } from "./period-label";
import { useQuantitySourceName } from "./quantity-source";
import { ReportForm } from "./report-form";
import { TaskColorTag } from "./task-color";
import { TaskEditModal } from "./task-edit-modal";
import { useClauseTitle, useTaskTitle } from "./task-title";

const stateColors: Record<PeriodState["state"], string> = {
  upcoming: "default",
  open: "blue",
  reported: "green",
  reportedLate: "gold",
  returned: "orange",
  overdue: "red",
};

export function TaskDetailPage() {
  const { taskId } = useParams();
  const id = Number(taskId);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  return <TaskDetail id={id} />;
}

function TaskDetail({ id }: { id: number }) {
  const t = useT();
  const unitName = useUnitName();
  const periodLabel = usePeriodLabel();
  const sourceName = useQuantitySourceName();
  const taskTitle = useTaskTitle();
  const clauseTitle = useClauseTitle();
  const plan = usePlan();
  const dateText = useDateText();
  const codeLabel = useCodeLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const detail = useTask(id);
  const returnReport = useReturnReport();
  const [returning, setReturning] = useState<TaskReport | null>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  return (
    <QueryBoundary isPending={detail.isPending} error={detail.error}>
      {() => {
        const data = detail.data;
        if (!data) return null;
        const { task } = data;
        return (
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            <Card>
              <Typography.Paragraph>
                <Link to="/tasks">{t("tasks.back")}</Link>
              </Typography.Paragraph>
              <Space align="center" wrap>
                <Typography.Title level={3} style={{ margin: 0 }}>
                  {taskTitle(task)}
                </Typography.Title>
                <TaskColorTag color={task.health.color} reasons={task.health.reasons} />
                {data.mayReturn ? <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button> : null}
              </Space>
              {task.health.reasons.length > 0 ? (
                <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
                  {task.health.reasons.join("；")}
                </Typography.Paragraph>
              ) : null}
              <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
                <Descriptions.Item label={t("tasks.owner")}>{unitName(task.ownerUnit)}</Descriptions.Item>
                <Descriptions.Item label={t("tasks.sharing")}>
                  {task.sharingUnits.map(unitName).join(t("tasks.unitSeparator")) || "—"}
                </Descriptions.Item>
                <Descriptions.Item label={t("tasks.cycle")}>{codeLabel("tasks.cycles", task.cycle)}</Descriptions.Item>
                <Descriptions.Item label={t("tasks.deadline")}>
                  {task.cycle === "once"
                    ? dateText(task.dueDate)
                    : `${dateText(task.startDate)} — ${dateText(task.endDate)}`}
                </Descriptions.Item>
                <Descriptions.Item label={t("tasks.quantityPlan")}>
                  {task.quantityTarget && task.quantityUnit
                    ? `${task.quantityTarget} ${codeLabel("tasks.units", task.quantityUnit)} / ${codeLabel("tasks.cycles", task.cycle)}`
                    : "—"}
                </Descriptions.Item>
                {task.quantityUnit ? (
                  <Descriptions.Item label={t("tasks.quantityAchieved")}>
                    {task.health.achievedQuantity === null
                      ? "—"
                      : `${task.health.achievedQuantity} ${codeLabel("tasks.units", task.quantityUnit)}`}
                    {task.quantityFrom ? (
                      <Tag color="blue" style={{ marginInlineStart: 8 }} title={sourceName(task.quantityFrom)}>
                        {t("tasks.computed")}
                      </Tag>
                    ) : null}
                  </Descriptions.Item>
                ) : null}
                <Descriptions.Item label={t("tasks.clause")}>
                  <ClauseSource plan={plan.data} clauseId={task.clauseId} />{" "}
                  {clauseTitle(task.clauseId, task.clauseTitle)}
                </Descriptions.Item>
              </Descriptions>
              {task.clauseText ? (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: "pre-wrap" }}>
                  {task.clauseText}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t("tasks.periods")}>
              <Table<PeriodState>
                rowKey="key"
                size="small"
                dataSource={data.periods}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                columns={[
                  { title: t("tasks.period"), dataIndex: "key", render: periodLabel },
                  {
                    title: t("tasks.deadline"),
                    dataIndex: "deadline",
                    width: 150,
                    render: (date: string) => dateText(date),
                  },
                  ...(task.quantityFrom
                    ? [
                        {
                          title: `${t("tasks.quantity")}${t("common.inParentheses", { text: t("tasks.computed") })}`,
                          dataIndex: "computedQuantity",
                          width: 160,
                          render: (quantity: string | null) => quantity ?? "—",
                        },
                      ]
                    : []),
                  {
                    title: t("tasks.status"),
                    dataIndex: "state",
                    width: 160,
                    render: (state: PeriodState["state"], period) => (
                      <Tag color={stateColors[state]}>
                        {t(`tasks.state.${state}`)}
                        {period.overdueDays > 0 ? ` ${t("tasks.daysLate", { days: period.overdueDays })}` : ""}
                      </Tag>
                    ),
                  },
                ]}
              />
            </Card>
            {data.mayReport ? (
              <Card title={t("tasks.fileReport")}>
                <ReportForm task={task} periods={data.periods} />
              </Card>
            ) : null}
            <Card title={t("tasks.reports")}>
              <Table<TaskReport>
                rowKey="id"
                size="small"
                dataSource={[...data.reports].reverse()}
                pagination={false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: t("tasks.noReports") }}
                columns={[
                  { title: t("tasks.period"), dataIndex: "period", width: 150, render: periodLabel },
                  { title: t("tasks.reportContent"), dataIndex: "content" },
                  {
                    title: t("tasks.quantity"),
                    dataIndex: "quantity",
                    width: 110,
                    render: (quantity: string | null, report) =>
                      task.quantityFrom ? (
                        <span title={sourceName(task.quantityFrom)}>
                          {report.computedQuantity ?? "—"}
                          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                            {t("tasks.computed")}
                          </Typography.Text>
                        </span>
                      ) : (
                        (quantity ?? "—")
                      ),
                  },
                  {
                    title: t("tasks.evidence"),
                    key: "files",
                    width: 220,
                    render: (_, report) => (
                      <Space direction="vertical" size={0}>
                        {report.attachments.map((file) => (
                          <a key={file.id} href={`/api/task-attachments/${file.id}`} title={`SHA-256 ${file.sha256}`}>
                            {file.fileName}
                            {t("common.inParentheses", { text: formatBytes(file.sizeBytes) })}
                          </a>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    title: t("tasks.submitted"),
                    key: "submitted",
                    width: 170,
                    render: (_, report) => `${unitName(report.unit)} ${dateText(report.submittedAt)}`,
                  },
                  {
                    title: t("tasks.status"),
                    key: "status",
                    width: 200,
                    render: (_, report) =>
                      report.status === "returned" ? (
                        <Space direction="vertical" size={2}>
                          <Tag color="orange">{t("tasks.reportReturned")}</Tag>
                          <Typography.Text type="secondary">{report.returnedReason}</Typography.Text>
                        </Space>
                      ) : (
                        <Tag color="green">{t("tasks.accepted")}</Tag>
                      ),
                  },
                  // Sending a report back is an action of the row, beside its state rather than in its place.
                  ...(data.mayReturn
                    ? [
                        {
                          title: t("common.actions"),
                          key: "actions",
                          width: 100,
                          render: (_: unknown, report: TaskReport) =>
                            report.status === "submitted" ? (
                              <Button size="small" danger onClick={() => setReturning(report)}>
                                {t("tasks.return")}
                              </Button>
                            ) : null,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Modal
              open={returning !== null}
              title={t("tasks.returnTitle")}
              okText={t("tasks.return")}
              cancelText={t("common.cancel")}
              confirmLoading={returnReport.isPending}
              onCancel={() => setReturning(null)}
              onOk={() => form.submit()}
              destroyOnHidden
            >
              <Form
                form={form}
                layout="vertical"
                onFinish={(values) =>
                  returning &&
                  returnReport.mutate(
                    { id: returning.id, reason: values.reason },
                    {
                      onSuccess: () => {
                        setReturning(null);
                        form.resetFields();
                        void message.success(t("tasks.returned"));
                      },
                      onError: (error) => void message.error(errorText(error)),
                    },
                  )
                }
              >
                <Form.Item
                  name="reason"
                  label={t("tasks.returnReason")}
                  rules={[{ required: true, min: 2, message: t("tasks.returnReasonRequired") }]}
                >
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </Form>
            </Modal>
            {editing ? <TaskEditModal task={task} onClose={() => setEditing(false)} /> : null}
          </Space>
        );
      }}
    </QueryBoundary>
  );
}
