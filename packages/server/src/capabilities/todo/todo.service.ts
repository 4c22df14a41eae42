/**
 * The caller's to-do list (待办), gathered from what each capability says waits for the caller, in the order the
 * work should be taken up: first what others wait on (an enterprise's rewards to confirm, a request to assign or
 * accept), then the answers and the award steps, then the reporting, and last what leaders and the commission
 * follow. Nothing is stored: the list is always what the data says now.
 */
import type { TodoItem, TodoKind, TodoList } from "@beizeng/contract/todo";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { eventsWaitingFor } from "../events/index";
import { listNotifications } from "../notifications/index";
import { blockersWaitingFor } from "../projects/index";
import { requestsWaitingFor } from "../requests/index";
import { rewardsWaitingFor } from "../rewards/index";
import { tasksWaitingFor } from "../supervision/index";

const ORDER: readonly TodoKind[] = [
  "rewards.confirm",
  "requests.rate",
  "events.answer",
  "events.feedback",
  "requests.assign",
  "requests.accept",
  "requests.unsatisfied",
  "requests.answer",
  "blockers.answer",
  "events.attendance",
  "rewards.step",
  "tasks.report",
  "requests.overdue",
  "blockers.overdue",
  "tasks.red",
];

const line = (kind: TodoKind, count: number, link: string, more: Partial<TodoItem> = {}): TodoItem => ({
  kind,
  count,
  overdue: 0,
  amountFen: null,
  undecided: 0,
  step: null,
  link,
  ...more,
});

export async function todoOf(db: DbContext, user: AuthUser): Promise<TodoList> {
  const [rewards, requests, blockers, tasks, notifications, events] = await Promise.all([
    rewardsWaitingFor(db, user),
    requestsWaitingFor(db, user),
    blockersWaitingFor(db, user),
    tasksWaitingFor(db, user),
    listNotifications(db, user),
    eventsWaitingFor(db, user),
  ]);
  const items: TodoItem[] = [];
  for (const waiting of rewards) {
    const money = { amountFen: waiting.fen.toString(), undecided: waiting.undecided };
    if (user.role === "enterprise") items.push(line("rewards.confirm", waiting.count, "/my-rewards", money));
    else
      items.push(
        line("rewards.step", waiting.count, "/rewards", {
          ...money,
          step: { id: waiting.step.id, name: waiting.step.name, nameEn: waiting.step.nameEn },
        }),
      );
  }
  for (const waiting of requests)
    items.push(line(`requests.${waiting.kind}`, waiting.count, "/requests", { overdue: waiting.overdue }));
  for (const waiting of blockers)
    items.push(line(`blockers.${waiting.kind}`, waiting.count, "/projects", { overdue: waiting.overdue }));
  for (const waiting of tasks)
    items.push(
      line(waiting.kind === "report" ? "tasks.report" : "tasks.red", waiting.count, "/tasks", {
        overdue: waiting.overdue,
      }),
    );
  for (const waiting of events) items.push(line(`events.${waiting.kind}`, waiting.count, "/events"));
  // A stable sort: the award steps keep the workflow's order among themselves.
  items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return { items, unreadNotifications: notifications.items.filter((item) => !item.read).length };
}
