/**
 * The notice an enterprise gets of its rewards to confirm (免申即享) follows them: when it confirms or declines one,
 * or the office sends one back, the notice says how many still wait, and leaves once none does.
 */
import { amountEn, amountZh } from "@beizeng/domain/money";
import type { NotificationMessage } from "@beizeng/domain/notifications/messages";
import type { DbContext } from "../../platform/db/database";
import { reviseNotices } from "../notifications/index";
import { findLiveEntitlementsOfEnterprise } from "./rewards.repository";
import { stepOfRow, type WorkflowPlan } from "./shared";

export interface RewardsToConfirm {
  count: number;
  fen: bigint;
  /** Rewards decided case by case whose amount is not yet set. */
  undecided: number;
}

/** The message of an enterprise's rewards of a year to confirm. */
export function rewardsToConfirmMessage(year: number, line: RewardsToConfirm): NotificationMessage {
  return {
    key: line.undecided > 0 ? "rewards.toConfirm.withUndecided" : "rewards.toConfirm",
    params: {
      year,
      count: line.count,
      amount: amountZh(line.fen),
      amountEn: amountEn(line.fen),
      undecided: line.undecided,
    },
  };
}

/** The dedupe key of the notice of a batch to one enterprise (each account's copy adds `|user|<id>`). */
export function rewardsToConfirmKey(year: number, batchId: number | "%", enterpriseId: number): string {
  return `rewards|${year}|batch|${batchId}|enterprise|${enterpriseId}`;
}

/** Rewrites or settles an enterprise's notices of a year's rewards to confirm after one of them moved. */
export async function reviseRewardsToConfirm(
  tx: DbContext,
  context: WorkflowPlan,
  districtId: string,
  enterpriseId: number,
  year: number,
): Promise<void> {
  const waiting: RewardsToConfirm = { count: 0, fen: 0n, undecided: 0 };
  for (const row of await findLiveEntitlementsOfEnterprise(tx, districtId, enterpriseId, year)) {
    if (stepOfRow(context.workflow, row)?.kind !== "confirm") continue;
    waiting.count++;
    if (row.amount_fen === null) waiting.undecided++;
    else waiting.fen += BigInt(row.amount_fen);
  }
  await reviseNotices(
    tx,
    districtId,
    `${rewardsToConfirmKey(year, "%", enterpriseId)}|user|%`,
    waiting.count === 0 ? null : rewardsToConfirmMessage(year, waiting),
  );
}
