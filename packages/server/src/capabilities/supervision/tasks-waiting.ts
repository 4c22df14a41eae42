/**
 * What of the tasks waits for a caller, read by the to-do list: a unit reports the open periods of its own tasks and
 * those past their deadline without a report; the office, leaders and the commission follow the tasks in red.
 */
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { listTasks } from "./tasks.service";

export interface TasksWaiting {
  kind: "report" | "red";
  /** Tasks concerned. */
  count: number;
  /** Reporting periods past their deadline and not reported (report); none is counted for tasks in red. */
  overdue: number;
}

export async function tasksWaitingFor(db: DbContext, user: AuthUser): Promise<TasksWaiting[]> {
  if (user.role === "enterprise") return [];
  const { items, counts } = await listTasks(db, user, {});
  if (user.role !== "unit") return counts.red > 0 ? [{ kind: "red", count: counts.red, overdue: 0 }] : [];
  let count = 0;
  let overdue = 0;
  for (const task of items) {
    if (task.ownerUnit.id !== user.unitId) continue;
    // A period past its deadline without a report, or one open now (nextDeadline) still to report.
    if (task.health.overduePeriods === 0 && task.health.nextDeadline === null) continue;
    count++;
    overdue += task.health.overduePeriods;
  }
  return count > 0 ? [{ kind: "report", count, overdue }] : [];
}
