/**
 * M10 dynamic monitoring of key enterprises: a key enterprise whose monthly revenue falls against the
 * same month of last year by more than the office's configured share raises a warning for its
 * assigned leader and for the units the plan gives the duty monitorEnterprises (区工信局 …). Recomputed
 * whenever figures change, and on demand.
 */
import type { MonitoringSettingsView, WarningList } from "@beizeng/contract/register";
import { divideToDecimalString } from "@beizeng/domain/money";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest } from "../../platform/errors";
import {
  findMonitoredEnterprises,
  findMonitoringSettings,
  findMonthlyOfficial,
  findWarningsOf,
  insertWarning,
  listWarnings,
  putMonitoringSettings,
  updateWarning,
} from "./enterprises-monitoring.repository";

export const DEFAULT_REVENUE_DROP_SHARE = "0.10";
const SHARE_PATTERN = /^0(\.\d{1,4})?$|^1(\.0{1,4})?$/;

/** "0.10" → {numerator: 10n, denominator: 100n}. */
function shareAsFraction(share: string): { numerator: bigint; denominator: bigint } {
  const [whole = "0", fraction = ""] = share.split(".");
  const denominator = 10n ** BigInt(fraction.length);
  return { numerator: BigInt(whole) * denominator + BigInt(fraction || "0"), denominator };
}

/**
 * Whether `current` fell against `previous` by strictly more than `share` (a decimal such as "0.10"),
 * decided exactly by cross-multiplication. No previous value (or zero) means nothing to compare.
 */
export function fellMoreThan(previous: bigint, current: bigint, share: string): boolean {
  if (previous <= 0n) return false;
  const { numerator, denominator } = shareAsFraction(share);
  return (previous - current) * denominator > numerator * previous;
}

/** The fall as a share of last year's value, 4 decimals ("0.1234"). */
export function dropShare(previous: bigint, current: bigint): string {
  return divideToDecimalString(previous - current, previous, 4);
}

export async function getMonitoringSettings(db: DbContext, districtId: string): Promise<MonitoringSettingsView> {
  const row = await findMonitoringSettings(db, districtId);
  return {
    revenueDropShare: row?.revenue_drop_share ?? DEFAULT_REVENUE_DROP_SHARE,
    updatedAt: row?.updated_at ?? null,
  };
}

export async function setMonitoringSettings(db: DbContext, user: AuthUser, share: string, actor: Actor) {
  if (!SHARE_PATTERN.test(share) || shareAsFraction(share).numerator === 0n) {
    throw badRequest("降幅阈值应为 0 到 1 之间的小数（最多 4 位小数），如 0.10 表示 10%", [
      { path: "revenueDropShare", message: "降幅阈值应为 0 到 1 之间的小数" },
    ]);
  }
  return inTransaction(db, async (tx) => {
    const before = await getMonitoringSettings(tx, user.districtId);
    await putMonitoringSettings(tx, user.districtId, share, new Date().toISOString());
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "monitoring_settings",
      entityId: user.districtId,
      before: { revenueDropShare: before.revenueDropShare },
      after: { revenueDropShare: share },
    });
    const result = await recomputeWarnings(tx, user.districtId);
    return { revenueDropShare: share, ...result };
  });
}

/**
 * Brings the warnings of the district's key enterprises (or of the given enterprises) in line with
 * their figures: raises new falls, updates open ones, resolves those that no longer fall.
 */
export async function recomputeWarnings(
  db: DbContext,
  districtId: string,
  options: { enterpriseIds?: readonly number[] } = {},
): Promise<{ raised: number; resolved: number; open: number }> {
  return inTransaction(db, async (tx) => {
    const share = (await getMonitoringSettings(tx, districtId)).revenueDropShare;
    const enterprises = await findMonitoredEnterprises(tx, districtId, options.enterpriseIds);
    const keyIds = enterprises.filter((e) => e.is_key === 1).map((e) => e.id);
    const leaderOf = new Map(enterprises.map((e) => [e.id, e.leader_user_id]));
    const values = new Map<string, bigint>();
    for (const figure of await findMonthlyOfficial(tx, keyIds, "revenue")) {
      values.set(`${figure.enterprise_id}|${figure.year}|${figure.month}`, BigInt(figure.value));
    }
    const falling = new Map<
      string,
      { enterpriseId: number; year: number; month: number; current: bigint; previous: bigint }
    >();
    for (const [key, current] of values) {
      const [enterpriseId, year, month] = key.split("|").map(Number) as [number, number, number];
      const previous = values.get(`${enterpriseId}|${year - 1}|${month}`);
      if (previous !== undefined && fellMoreThan(previous, current, share)) {
        falling.set(key, { enterpriseId, year, month, current, previous });
      }
    }
    const now = new Date().toISOString();
    let raised = 0;
    let resolved = 0;
    const existing = await findWarningsOf(
      tx,
      enterprises.map((e) => e.id),
    );
    const seen = new Set<string>();
    for (const warning of existing.filter((w) => w.metric === "revenue")) {
      const key = `${warning.enterprise_id}|${warning.year}|${warning.month}`;
      seen.add(key);
      const fall = falling.get(key);
      if (!fall) {
        if (warning.status === "open") {
          await updateWarning(tx, warning.id, { status: "resolved", resolved_at: now });
          resolved++;
        }
        continue;
      }
      await updateWarning(tx, warning.id, {
        status: "open",
        resolved_at: null,
        current_fen: fall.current,
        previous_fen: fall.previous,
        drop_share: dropShare(fall.previous, fall.current),
        threshold_share: share,
        leader_user_id: leaderOf.get(fall.enterpriseId) ?? null,
        ...(warning.status === "resolved" ? { raised_at: now } : {}),
      });
      if (warning.status === "resolved") raised++;
    }
    for (const [key, fall] of falling) {
      if (seen.has(key)) continue;
      await insertWarning(tx, {
        district_id: districtId,
        enterprise_id: fall.enterpriseId,
        leader_user_id: leaderOf.get(fall.enterpriseId) ?? null,
        metric: "revenue",
        year: fall.year,
        month: fall.month,
        current_fen: fall.current,
        previous_fen: fall.previous,
        drop_share: dropShare(fall.previous, fall.current),
        threshold_share: share,
        status: "open",
        raised_at: now,
        resolved_at: null,
      });
      raised++;
    }
    return { raised, resolved, open: falling.size };
  });
}

/**
 * The warnings the caller receives: a leader those of the enterprises assigned to them; the office,
 * the inspector and the units the plan gives monitorEnterprises all; other units none (monitoring is not their data).
 */
export async function warningsFor(
  db: DbContext,
  user: AuthUser,
  query: { status?: "open" | "resolved"; enterpriseId?: number },
): Promise<WarningList> {
  let leaderUserId: number | undefined;
  if (user.role === "leader") leaderUserId = user.id;
  if (user.role === "unit" && (await unitWithDuty(db, user, "monitorEnterprises")) === null) {
    return { items: [], total: 0 };
  }
  const rows = await listWarnings(db, { districtId: user.districtId, ...query, leaderUserId });
  return {
    items: rows.map((row) => ({
      id: row.id,
      enterprise: { id: row.enterprise_id, name: row.enterprise_name, creditCode: row.credit_code },
      leader: row.leader_user_id === null ? null : { id: row.leader_user_id, name: row.leader_name ?? "" },
      metric: row.metric,
      year: row.year,
      month: row.month,
      currentFen: String(row.current_fen),
      previousFen: String(row.previous_fen),
      dropShare: row.drop_share,
      thresholdShare: row.threshold_share,
      status: row.status,
      raisedAt: row.raised_at,
      resolvedAt: row.resolved_at,
    })),
    total: rows.length,
  };
}
