/**
 * The first plan year's rewards as the demo district lived them: 2021 computed by the office and taken through
 * the plan's workflow with the rewards services' own rules — most confirmed by their enterprise, reviewed, listed
 * in public for the plan's days in March 2022, approved and paid by 区财政局 from April; a few left at each step so
 * that every role has something waiting, and one sent back. 2022 and 2023 are left for the office to compute.
 *
 * Runs inside the demo's load transaction. Enterprises without a demo account confirm through a stand-in of
 * their own (it is never stored: the steps are recorded under the actor 演示数据).
 */

import {
  approveEntitlement,
  confirmEntitlement,
  listEntitlements,
  payEntitlement,
  publishPublicity,
  rejectEntitlement,
  reviewEntitlement,
  startRewardBatch,
} from "../capabilities/rewards/index";
import type { Actor } from "../platform/audit/audit.service";
import type { AuthUser } from "../platform/auth/auth.service";
import type { DbContext } from "../platform/db/database";
import { addDays } from "./dates";
import type { SeededRandom } from "./random";

/** The plan year whose rewards the demo has already been through. */
export const DEMO_REWARDED_YEAR = 2021;

const BANKS = [
  "中国工商银行景德镇昌江支行",
  "中国建设银行景德镇分行营业部",
  "江西银行景德镇分行",
  "景德镇农村商业银行昌江支行",
] as const;

type Outcome = "paid" | "approved" | "publicized" | "reviewed" | "confirmed" | "rejected";

/** Where an entitlement stops: most are paid; a few wait at each step; the second is sent back. */
function outcomeOf(index: number, protectedEnterprise: boolean): Outcome {
  if (protectedEnterprise) return "paid";
  if (index === 1) return "rejected";
  const rest = index % 12;
  return rest === 3
    ? "confirmed"
    : rest === 5
      ? "reviewed"
      : rest === 7
        ? "publicized"
        : rest === 9
          ? "approved"
          : "paid";
}

/** The demo's publicity of 2021's rewards: the plan's days from this day, over long before the demo is shown. */
const DEMO_PUBLICITY_STARTS = "2022-03-01";

export interface RewardHistoryUsers {
  office: AuthUser;
  finance: AuthUser;
  /** The enterprises with demo accounts: their rewards of that year are all paid (their own pages start clean). */
  accountEnterpriseIds: ReadonlySet<number>;
}

/** Computes the year, then moves each entitlement along the workflow; returns how many ended in each state. */
export async function playRewardHistory(
  tx: DbContext,
  random: SeededRandom,
  users: RewardHistoryUsers,
  actor: Actor,
): Promise<Record<Outcome, number>> {
  const { done } = await startRewardBatch(tx, users.office, actor, DEMO_REWARDED_YEAR);
  const batch = await done;
  if (batch.status !== "done") throw new Error(`demo rewards of ${DEMO_REWARDED_YEAR}: ${batch.errorMessage}`);

  const { items } = await listEntitlements(tx, users.office, {
    year: DEMO_REWARDED_YEAR,
    page: 1,
    pageSize: 10_000,
  });
  const ordered = [...items].sort(
    (a, b) => a.creditCode.localeCompare(b.creditCode) || a.ruleId.localeCompare(b.ruleId) || a.id - b.id,
  );
  const counts: Record<Outcome, number> = {
    paid: 0,
    approved: 0,
    publicized: 0,
    reviewed: 0,
    confirmed: 0,
    rejected: 0,
  };
  const listed: { id: number; outcome: Outcome }[] = [];
  const reviewedAfterwards: number[] = [];
  for (const [index, item] of ordered.entries()) {
    if (item.enterpriseId === null || item.amountFen === null) continue;
    const outcome = outcomeOf(index, users.accountEnterpriseIds.has(item.enterpriseId));
    counts[outcome]++;
    if (outcome === "rejected") {
      await rejectEntitlement(tx, users.office, actor, item.id, "企业统计数据待区统计局核实更正，暂缓兑现");
      continue;
    }
    const enterprise: AuthUser = {
      ...users.office,
      id: 0, // a stand-in: the confirm step reads the role and the enterprise only
      role: "enterprise",
      unitId: null,
      enterpriseId: item.enterpriseId,
      username: `enterprise-${item.enterpriseId}`,
      displayName: item.enterpriseName ?? item.creditCode,
    };
    await confirmEntitlement(tx, enterprise, actor, item.id, {
      accountName: item.enterpriseName ?? item.creditCode,
      bankName: random.pick(BANKS),
      accountNo: `1503${String(random.int(100_000_000, 999_999_999))}${String(random.int(100_000, 999_999))}`,
    });
    if (outcome === "confirmed") continue;
    // Those left waiting for a publicity are reviewed after the list went public.
    if (outcome === "reviewed") {
      reviewedAfterwards.push(item.id);
      continue;
    }
    await reviewEntitlement(tx, users.office, actor, item.id, {});
    listed.push({ id: item.id, outcome });
  }
  if (listed.length > 0)
    await publishPublicity(
      tx,
      users.office,
      actor,
      { batchId: batch.id, startsOn: DEMO_PUBLICITY_STARTS },
      { today: DEMO_PUBLICITY_STARTS },
    );
  for (const id of reviewedAfterwards) await reviewEntitlement(tx, users.office, actor, id, {});
  let voucher = 0;
  for (const { id, outcome } of listed) {
    if (outcome === "publicized") continue;
    await approveEntitlement(tx, users.finance, actor, id);
    if (outcome === "approved") continue;
    voucher++;
    await payEntitlement(tx, users.finance, actor, id, {
      voucherNo: `CZ2022-${String(voucher).padStart(4, "0")}`,
      paidOn: addDays("2022-04-11", Math.floor(voucher / 4) * 7),
    });
  }
  return counts;
}
