import type { TodoItem } from "@beizeng/contract/todo";
import { Card, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { QueryBoundary } from "../../../shared/components/status-results";
import { formatFenForDisplay } from "../../../shared/format/numbers";
import { useLocalizedText, useT } from "../../../shared/i18n/i18n";
import { useTodo } from "../api/todo-api";

/** One line of the to-do list in the reader's language: what waits, how many, and the money where there is any. */
function useTodoText() {
  const t = useT();
  const localized = useLocalizedText();
  return (item: TodoItem): { title: string; detail: string | null } => {
    const count = { count: item.count };
    const amount = item.amountFen !== null && item.amountFen !== "0" ? formatFenForDisplay(item.amountFen) : null;
    const money =
      amount && item.undecided > 0
        ? t("home.todo.amountWithUndecided", { amount, undecided: item.undecided })
        : amount
          ? t("home.todo.amount", { amount })
          : item.undecided > 0
            ? t("home.todo.undecided", { undecided: item.undecided })
            : null;
    const title =
      item.kind === "rewards.step"
        ? t("home.todo.rewards.step", { ...count, step: localized(item.step?.name ?? "", item.step?.nameEn) })
        : t(`home.todo.${item.kind}`, count);
    return { title, detail: money };
  };
}

/** 待办: what waits for the caller, in the order to take it up, each line leading to the page where it is done. */
export function TodoCard() {
  const t = useT();
  const todo = useTodo();
  const text = useTodoText();
  return (
    <Card size="small" title={t("home.todo.title")} style={{ marginBottom: 16 }}>
      <QueryBoundary isPending={todo.isPending} error={todo.error}>
        {() => (
          <List
            size="small"
            locale={{ emptyText: t("home.todo.empty") }}
            dataSource={todo.data?.items ?? []}
            renderItem={(item, index) => {
              const { title, detail } = text(item);
              return (
                <List.Item>
                  <Space wrap size={[8, 4]}>
                    <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                    <Link to={item.link} style={{ fontWeight: 600 }}>
                      {title}
                    </Link>
                    {detail ? <Typography.Text>{detail}</Typography.Text> : null}
                    {item.overdue > 0 ? (
                      <Tag color="red">
                        {t(item.kind === "tasks.report" ? "home.todo.overdue.periods" : "home.todo.overdue.items", {
                          count: item.overdue,
                        })}
                      </Tag>
                    ) : null}
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </QueryBoundary>
    </Card>
  );
}
