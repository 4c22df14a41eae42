import { NotificationsCard } from "../../tasks";
import { TodoCard } from "./todo-card";

/** The head of every role's home: what waits for the caller (待办), then its notifications. */
export function TodoHome() {
  return (
    <>
      <TodoCard />
      <NotificationsCard />
    </>
  );
}
