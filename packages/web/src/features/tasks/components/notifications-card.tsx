import { Badge, Button, Card, List, Typography } from "antd";
import { Link } from "react-router-dom";
import { useT } from "../../../shared/i18n/i18n";
import { useNotifications, useReadNotification } from "../api/tasks-api";

/** The caller's notifications: reminders, warnings and returned reports. */
export function NotificationsCard() {
  const t = useT();
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
        renderItem={(item) => (
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
                  {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                </Typography.Text>
              }
              description={item.body}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
