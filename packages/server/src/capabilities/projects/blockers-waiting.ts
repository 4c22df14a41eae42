/**
 * What of the projects' problems (项目直通车) waits for a caller, read by the to-do list: a unit answers the open
 * problems put to it; the office, leaders and the commission follow those past their due date.
 */
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { listBlockers } from "./projects-blockers.service";

export interface BlockersWaiting {
  kind: "answer" | "overdue";
  count: number;
  overdue: number;
}

export async function blockersWaitingFor(db: DbContext, user: AuthUser): Promise<BlockersWaiting[]> {
  if (user.role === "enterprise") return [];
  const mine = user.role === "unit";
  if (mine && user.unitId === null) return [];
  const { items } = await listBlockers(db, user, { status: "open", mine, overdue: false });
  const overdue = items.filter((item) => item.overdue).length;
  if (mine) return items.length > 0 ? [{ kind: "answer", count: items.length, overdue }] : [];
  return overdue > 0 ? [{ kind: "overdue", count: overdue, overdue: 0 }] : [];
}
