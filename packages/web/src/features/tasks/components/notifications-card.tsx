import { renderNotification } from "@beizeng/domain/notifications/messages";
import { Badge, Button, Card, List, Typography } from "antd";
import { useCallback } from "react";
import { Link } from "react-router-dom";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { type Notification, useNotifications, useReadNotification } from "../api/tasks-api";
import { useTaskTitle } from "./task-title";

/**
 * A notification's title and body in the chosen language: rendered from its message where the server stored one
 * this version knows, as stored (Chinese) otherwise.
 */
export function useNotificationText(): (notification: Notification) => { title: string; body: string } {
  const { language } = useLanguage();
  const taskTitle = useTaskTitle();
  return useCallback(
    (notification) => {
      const stored = { title: notification.title, body: notification.body };
      const message = notification.message;
      if (!message) return stored;
      const { task, planTaskId } = message.params;
      // A task seeded from the plan and not retitled has the plan's English title.
      const params =
        typeof task === "string"
          ? {
              ...message.params,
              taskEn: taskTitle({ planTaskId: typeof planTaskId === "string" ? planTaskId : null, title: task }),
            }
          : message.params;
      return renderNotification({ key: message.key, params }, language) ?? stored;
    },
    [language, taskTitle],
  );
}

/** The caller's notifications: reminders, warnings and returned reports. */
export function NotificationsCard() {
  const t = useT();
  const text = useNotificationText();
  const notifications = useNotifications();
  const read = useReadNotification();
  const items = notifications.data?.items ?? [];
  const unread = items.filter((n) => !n.read).length;
  return (
    <Card
      size="small"
      title={
        <>
          {t("tasks.notifications")} <Badge count={unread} />
        </>
      }
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        locale={{ emptyText: t("tasks.noNotifications") }}
        dataSource={items.slice(0, 5)}
        renderItem={(item) => {
          const { title, body } = text(item);
          return (
            <List.Item
              actions={
                item.read
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => read.mutate(item.id)}>
                        {t("tasks.markRead")}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!item.read}>
                    {item.link ? <Link to={item.link}>{title}</Link> : title}
                  </Typography.Text>
                }
                description={body}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
