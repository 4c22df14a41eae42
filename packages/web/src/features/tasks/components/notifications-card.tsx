import { renderNotification } from "@beizeng/domain/notifications/messages";
import { Badge, Button, Card, List, Typography } from "antd";
import { useCallback } from "react";
import { Link } from "react-router-dom";
import { useLanguage, useT } from "../../../shared/i18n/i18n";
import { type Notification, useNotifications, useReadNotification } from "../api/tasks-api";

/**
 * A notification's title and body in the chosen language: rendered from its message where the server stored one
 * this version knows, as stored (Chinese) otherwise.
 */
export function useNotificationText(): (notification: Notification) => { title: string; body: string } {
  const { language } = useLanguage();
  return useCallback(
    (notification) =>
      (notification.message && renderNotification(notification.message, language)) ?? {
        title: notification.title,
        body: notification.body,
      },
    [language],
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
