/**
 * What of the award workflow waits for a caller: per step of the plan's workflow the caller acts at, how many
 * entitlements wait there and their amount (an enterprise: its own, at the confirmation). Read by the to-do list.
 */
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { findOpenEntitlementSteps } from "./rewards.repository";
import { actsAt, callerOf, stepOfRow, workflowPlan } from "./shared";

export interface RewardsWaitingAtStep {
  step: { id: string; kind: string; name: string; nameEn: string };
  count: number;
  fen: bigint;
  undecided: number;
}

/** The steps the caller acts at that have entitlements waiting, in the workflow's order. */
export async function rewardsWaitingFor(db: DbContext, user: AuthUser): Promise<RewardsWaitingAtStep[]> {
  if (user.role !== "office" && user.role !== "unit" && user.role !== "enterprise") return [];
  if (user.role === "enterprise" && user.enterpriseId === null) return [];
  const context = await workflowPlan(db, user.districtId);
  const caller = await callerOf(db, user);
  const mine = context.workflow.steps.filter((step) => actsAt(context.plan, caller, step));
  if (mine.length === 0) return [];
  const rows = await findOpenEntitlementSteps(
    db,
    user.districtId,
    user.role === "enterprise" ? (user.enterpriseId ?? undefined) : undefined,
  );
  const byStep = new Map<string, RewardsWaitingAtStep>();
  for (const row of rows) {
    const step = stepOfRow(context.workflow, row);
    if (!step || !mine.includes(step)) continue;
    const line = byStep.get(step.id) ?? {
      step: { id: step.id, kind: step.kind, name: step.name, nameEn: step.nameEn },
      count: 0,
      fen: 0n,
      undecided: 0,
    };
    line.count++;
    if (row.amount_fen === null) line.undecided++;
    else line.fen += BigInt(row.amount_fen);
    byStep.set(step.id, line);
  }
  return mine.flatMap((step) => byStep.get(step.id) ?? []);
}
