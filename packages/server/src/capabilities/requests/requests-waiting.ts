/**
 * What of the enterprise requests waits for a caller, read by the to-do list: the office assigns new ones and
 * takes up answers the enterprise was not satisfied with; the responsible unit accepts and answers; the enterprise
 * rates answers; a leader follows the late requests of the enterprises assigned to it, the commission every late one.
 */
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { listAllRequests } from "./enterprise-requests.service";

export type RequestsWaitingKind = "assign" | "unsatisfied" | "accept" | "answer" | "rate" | "overdue";

export interface RequestsWaiting {
  kind: RequestsWaitingKind;
  count: number;
  overdue: number;
}

export async function requestsWaitingFor(db: DbContext, user: AuthUser): Promise<RequestsWaiting[]> {
  const requests = await listAllRequests(db, user, {});
  const lines = new Map<RequestsWaitingKind, RequestsWaiting>();
  const add = (kind: RequestsWaitingKind, overdue: boolean) => {
    const line = lines.get(kind) ?? { kind, count: 0, overdue: 0 };
    line.count++;
    if (overdue) line.overdue++;
    lines.set(kind, line);
  };
  for (const request of requests) {
    const responsible = user.role === "unit" && request.unit?.id === user.unitId;
    if (user.role === "office") {
      if (request.status === "submitted") add("assign", request.overdue);
      else if (request.status === "answered" && request.rating === "unsatisfied") add("unsatisfied", request.overdue);
    } else if (responsible && request.status === "assigned") add("accept", request.overdue);
    else if (responsible && request.status === "accepted") add("answer", request.overdue);
    else if (user.role === "enterprise" && request.status === "answered" && request.rating === null) add("rate", false);
    else if (
      request.overdue &&
      (user.role === "inspector" || (user.role === "leader" && request.mineAsLeader)) &&
      (request.status === "assigned" || request.status === "accepted")
    )
      add("overdue", false);
  }
  const order: RequestsWaitingKind[] = ["assign", "unsatisfied", "accept", "answer", "rate", "overdue"];
  return order.flatMap((kind) => lines.get(kind) ?? []);
}
