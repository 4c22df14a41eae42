import { App, Button, Card, Select, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useErrorText } from "../../../shared/api/error-text";
import { ExportButton } from "../../../shared/components/export-button";
import { QueryBoundary } from "../../../shared/components/status-results";
import { useDateText } from "../../../shared/format/dates";
import { useCodeLabel, useT } from "../../../shared/i18n/i18n";
import { useCurrentUser } from "../../auth";
import { useUnitName } from "../../units";
import { type Task, type TaskColor, type TaskFilters, useRunReminders, useSeedTasks, useTasks } from "../api/tasks-api";
import { TaskColorTag } from "./task-color";
import { useTaskTitle } from "./task-title";
import { WebhookSettingsModal } from "./webhook-settings-modal";

const measures = ["M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12", "M13"];

export function TasksPage() {
  const t = useT();
  const unitName = useUnitName();
  const taskTitle = useTaskTitle();
  const dateText = useDateText();
  const codeLabel = useCodeLabel();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const [filters, setFilters] = useState<TaskFilters>({});
  const tasks = useTasks(filters);
  const seed = useSeedTasks();
  const reminders = useRunReminders();
  const [webhookOpen, setWebhookOpen] = useState(false);
  const role = currentUser.data?.role;
  const isOffice = role === "office";

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("tasks.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {role === "unit" && currentUser.data?.unit
          ? t("tasks.unitScope", { unit: unitName(currentUser.data.unit) })
          : t("tasks.intro")}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t("tasks.filterColor")}
          placeholder={t("tasks.filterColor")}
          allowClear
          style={{ width: 140 }}
          options={(["red", "yellow", "green"] as TaskColor[]).map((color) => ({
            value: color,
            label: t(`tasks.color.${color}`),
          }))}
          onChange={(color?: TaskColor) => setFilters((previous) => ({ ...previous, color }))}
        />
        <Select
          aria-label={t("tasks.filterMeasure")}
          placeholder={t("tasks.filterMeasure")}
          allowClear
          style={{ width: 140 }}
          options={measures.map((measure) => ({ value: measure, label: measure }))}
          onChange={(measure?: string) => setFilters((previous) => ({ ...previous, measure }))}
        />
        <ExportButton path="/api/tasks/export" params={{ ...filters }} fileName="任务督办.xlsx" />
        {isOffice ? (
          <>
            <Button
              onClick={() =>
                seed.mutate(undefined, {
                  onSuccess: (result) => void message.success(t("tasks.seeded", { created: result.created })),
                  onError: (error) => void message.error(errorText(error)),
                })
              }
              loading={seed.isPending}
            >
              {t("tasks.seed")}
            </Button>
            <Button
              onClick={() =>
                reminders.mutate(undefined, {
                  onSuccess: (result) => void message.success(t("tasks.remindersDone", { created: result.created })),
                  onError: (error) => void message.error(errorText(error)),
                })
              }
              loading={reminders.isPending}
            >
              {t("tasks.runReminders")}
            </Button>
            <Button onClick={() => setWebhookOpen(true)}>{t("tasks.webhook")}</Button>
          </>
        ) : null}
      </Space>
      <QueryBoundary isPending={tasks.isPending} error={tasks.error}>
        {() => (
          <>
            <Space size="large" style={{ display: "flex", marginBottom: 16 }}>
              <Statistic
                title={t("tasks.color.red")}
                value={tasks.data?.counts.red ?? 0}
                valueStyle={{ color: "#cf1322" }}
              />
              <Statistic
                title={t("tasks.color.yellow")}
                value={tasks.data?.counts.yellow ?? 0}
                valueStyle={{ color: "#d48806" }}
              />
              <Statistic
                title={t("tasks.color.green")}
                value={tasks.data?.counts.green ?? 0}
                valueStyle={{ color: "#389e0d" }}
              />
              <Typography.Text type="secondary">
                {t("tasks.asOf", { date: dateText(tasks.data?.asOf) })}
              </Typography.Text>
            </Space>
            <Table<Task>
              rowKey="id"
              size="middle"
              dataSource={tasks.data?.items}
              pagination={{ pageSize: 20, showTotal: (total) => t("common.total", { total }) }}
              locale={{ emptyText: isOffice ? t("tasks.emptyOffice") : t("tasks.empty") }}
              scroll={{ x: 1000 }}
              columns={[
                { title: t("tasks.clause"), dataIndex: "measureId", width: 70 },
                {
                  title: t("tasks.task"),
                  dataIndex: "title",
                  render: (_title: string, task) => <Link to={`/tasks/${task.id}`}>{taskTitle(task)}</Link>,
                },
                { title: t("tasks.owner"), key: "owner", width: 150, render: (_, task) => unitName(task.ownerUnit) },
                {
                  title: t("tasks.cycle"),
                  dataIndex: "cycle",
                  width: 90,
                  render: (cycle: string) => codeLabel("tasks.cycles", cycle),
                },
                {
                  title: t("tasks.progress"),
                  key: "progress",
                  width: 120,
                  render: (_, task) => `${task.health.reportedPeriods} / ${task.health.duePeriods}`,
                },
                {
                  title: t("tasks.nextDeadline"),
                  key: "next",
                  width: 120,
                  render: (_, task) => dateText(task.health.nextDeadline),
                },
                {
                  title: t("tasks.status"),
                  key: "color",
                  width: 90,
                  render: (_, task) => <TaskColorTag color={task.health.color} reasons={task.health.reasons} />,
                },
              ]}
            />
          </>
        )}
      </QueryBoundary>
      <WebhookSettingsModal open={webhookOpen} onClose={() => setWebhookOpen(false)} />
    </Card>
  );
}
