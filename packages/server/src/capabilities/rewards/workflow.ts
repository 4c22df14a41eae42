/**
 * The entitlement workflow: computed → confirmed (the enterprise, with its bank account) → reviewed
 * (the office) → approved → paid (区财政局, with the voucher number and date); rejection with a reason
 * at each step. Each step is one conditional update (the status it leaves is part of the WHERE), so of
 * two simultaneous callers exactly one moves the entitlement and the other gets a 409; a payment also
 * writes the payment ledger, whose (district, one-time key) is unique: the database refuses a second
 * payment of the same event. Every step is recorded as an entitlement event and in the audit log.
 */
import type {
  CorrectionStatus,
  CorrectionView,
  EntitlementDetail,
  EntitlementList,
  EntitlementStatus,
} from "@beizeng/contract/rewards";
import { parseYuan } from "@beizeng/domain/money";
import type { Updateable } from "kysely";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { allow } from "../../platform/auth/permissions";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { renderStoredExplanation, renderStoredExplanations } from "./explanations";
import {
  type EntitlementListRow,
  findCorrections,
  findEntitlement,
  findEntitlementEvents,
  findEntitlements,
  insertEntitlementEvents,
  insertPayment,
  isUniqueViolation,
  resolveCorrection,
  transitionEntitlement,
} from "./rewards.repository";
import type { RewardEntitlementTable } from "./rewards.table";
import {
  activePlan,
  detailView,
  entitlementView,
  isFinanceStaff,
  requireFinanceStaff,
  ruleCatalog,
  STATUS_LABELS,
} from "./shared";

export interface EntitlementQuery {
  year?: number;
  ruleId?: string;
  status?: string;
  enterpriseId?: number;
  changed?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listEntitlements(
  db: DbContext,
  user: AuthUser,
  query: EntitlementQuery,
): Promise<EntitlementList> {
  // An enterprise account sees its own entitlements only, whatever it asks for.
  const enterpriseId = user.role === "enterprise" ? (user.enterpriseId ?? -1) : query.enterpriseId;
  const { plan } = await activePlan(db, user.districtId);
  const catalog = ruleCatalog(plan);
  const { rows, total } = await findEntitlements(
    db,
    {
      districtId: user.districtId,
      enterpriseId,
      year: query.year,
      ruleId: query.ruleId,
      statuses: query.status ? [query.status] : undefined,
      changedOnly: query.changed,
      q: query.q,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map((row) => entitlementView(row, catalog)), total, page: query.page, pageSize: query.pageSize };
}

async function visibleEntitlement(db: DbContext, user: AuthUser, id: number): Promise<EntitlementListRow> {
  const row = await findEntitlement(db, user.districtId, id);
  if (!row) throw notFound("未找到该奖励");
  if (!allow(user, "rewards.view", { districtId: row.district_id, enterpriseId: row.enterprise_id }))
    throw forbidden("只能查看本企业的奖励");
  return row;
}

export async function getEntitlement(db: DbContext, user: AuthUser, id: number): Promise<EntitlementDetail> {
  const row = await visibleEntitlement(db, user, id);
  const { plan } = await activePlan(db, user.districtId);
  const explanation = await renderStoredExplanation(db, user.districtId, row.explanation_json);
  return detailView(row, ruleCatalog(plan), await findEntitlementEvents(db, id), explanation);
}

const ACTION_LABELS: Record<string, string> = {
  confirm: "确认",
  decline: "放弃",
  review: "审核",
  approve: "审批",
  pay: "登记支付",
  reject: "退回",
};

interface Step {
  action: keyof typeof ACTION_LABELS;
  from: readonly EntitlementStatus[];
  to: EntitlementStatus;
  reason?: string;
  /** Checks the caller may take this step on this row (after the row is found). */
  check?: (row: EntitlementListRow, tx: DbContext) => Promise<void> | void;
  changes?: (row: EntitlementListRow) => Updateable<RewardEntitlementTable>;
  after?: (tx: DbContext, row: EntitlementListRow, now: string) => Promise<void>;
}

async function takeStep(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  step: Step,
): Promise<EntitlementDetail> {
  await inTransaction(db, async (tx) => {
    const row = await visibleEntitlement(tx, user, id);
    await step.check?.(row, tx);
    const now = new Date().toISOString();
    const changes = step.changes?.(row) ?? {};
    const moved = await transitionEntitlement(tx, id, step.from, {
      ...changes,
      status: step.to,
      change_flag: null,
      updated_at: now,
      ...(step.reason !== undefined ? { reason: step.reason } : {}),
    });
    if (!moved) {
      const current = (await findEntitlement(tx, user.districtId, id))?.status ?? row.status;
      throw conflict(
        `该奖励当前状态为“${STATUS_LABELS[current] ?? current}”，不能${ACTION_LABELS[step.action]}（可能已由他人处理，请刷新后查看）`,
      );
    }
    await step.after?.(tx, row, now);
    await insertEntitlementEvents(tx, [
      {
        district_id: user.districtId,
        entitlement_id: id,
        action: step.action,
        from_status: row.status,
        to_status: step.to,
        actor_user_id: actor.userId,
        actor_label: actor.label,
        reason: step.reason ?? null,
        at: now,
      },
    ]);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: step.action,
      entityType: "reward_entitlement",
      entityId: id,
      before: { status: row.status },
      after: { status: step.to, ...changes, ...(step.reason !== undefined ? { reason: step.reason } : {}) },
    });
  });
  return getEntitlement(db, user, id);
}

export interface BankAccount {
  accountName: string;
  bankName: string;
  accountNo: string;
}

/** The enterprise confirms its entitlement and gives the bank account to pay into (again, to correct it). */
export async function confirmEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number, bank: BankAccount) {
  return takeStep(db, user, actor, id, {
    action: "confirm",
    from: ["computed", "confirmed"],
    to: "confirmed",
    check: (row) => {
      if (user.role !== "enterprise" || row.enterprise_id !== user.enterpriseId)
        throw forbidden("只有获奖企业本身可以确认奖励");
    },
    changes: () => ({ bank_account_name: bank.accountName, bank_name: bank.bankName, bank_account_no: bank.accountNo }),
  });
}

/** The enterprise declines its entitlement, with its reason. */
export async function declineEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number, reason: string) {
  return takeStep(db, user, actor, id, {
    action: "decline",
    from: ["computed", "confirmed"],
    to: "rejected",
    reason: `企业放弃：${reason}`,
    check: (row) => {
      if (user.role !== "enterprise" || row.enterprise_id !== user.enterpriseId)
        throw forbidden("只有获奖企业本身可以放弃奖励");
    },
  });
}

/**
 * The office reviews a confirmed entitlement. For R-500 (decided case by case) the office records
 * the decided amount here; it is required before review.
 */
export async function reviewEntitlement(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  input: { amountYuan?: string; note?: string },
) {
  let decided: string | undefined;
  if (input.amountYuan !== undefined) {
    try {
      decided = parseYuan(input.amountYuan).toString();
    } catch {
      throw badRequest(`决定金额不是有效的金额：${input.amountYuan}`, [
        { path: "amountYuan", message: "金额应为元，最多两位小数" },
      ]);
    }
  }
  return takeStep(db, user, actor, id, {
    action: "review",
    from: ["confirmed"],
    to: "reviewed",
    ...(input.note ? { reason: input.note } : {}),
    check: (row) => {
      if (row.amount_fen === null && decided === undefined)
        throw badRequest("该奖励实行“一企一策、一事一议”，审核时须录入决定的奖励金额", [
          { path: "amountYuan", message: "请录入决定金额（元）" },
        ]);
      if (row.amount_fen !== null && decided !== undefined)
        throw badRequest("该奖励的金额由规则计算，不能在审核时修改", [
          { path: "amountYuan", message: "只有一事一议的奖励可录入金额" },
        ]);
    },
    changes: () => (decided !== undefined ? { amount_fen: decided } : {}),
  });
}

/** 区财政局 approves a reviewed entitlement. */
export async function approveEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number) {
  return takeStep(db, user, actor, id, {
    action: "approve",
    from: ["reviewed"],
    to: "approved",
    check: (_row, tx) => requireFinanceStaff(tx, user),
  });
}

/** 区财政局 records the payment of an approved entitlement: voucher number and date. Paid exactly once. */
export async function payEntitlement(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  payment: { voucherNo: string; paidOn: string },
) {
  return takeStep(db, user, actor, id, {
    action: "pay",
    from: ["approved"],
    to: "paid",
    check: (_row, tx) => requireFinanceStaff(tx, user),
    changes: () => ({ voucher_no: payment.voucherNo, paid_on: payment.paidOn }),
    after: async (tx, row, now) => {
      try {
        await insertPayment(tx, {
          district_id: row.district_id,
          entitlement_id: row.id,
          one_time_key: row.one_time_key,
          amount_fen: String(row.amount_fen ?? "0"),
          voucher_no: payment.voucherNo,
          paid_on: payment.paidOn,
          recorded_by: user.id,
          recorded_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`该一次性奖励（${row.one_time_key}）已支付过，不能重复支付`);
        throw error;
      }
    },
  });
}

/**
 * Rejects an entitlement with a reason: the office at its review step (computed, confirmed),
 * 区财政局 at approval or before payment (reviewed, approved).
 */
export async function rejectEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number, reason: string) {
  const finance = await isFinanceStaff(db, user);
  if (user.role !== "office" && !finance) {
    // Lookup first: a missing entitlement is a 404 for every staff member.
    await visibleEntitlement(db, user, id);
    throw forbidden("只有领导小组办公室或区财政局可以退回奖励");
  }
  const from: EntitlementStatus[] = user.role === "office" ? ["computed", "confirmed"] : ["reviewed", "approved"];
  return takeStep(db, user, actor, id, {
    action: "reject",
    from,
    to: "rejected",
    reason: `${user.role === "office" ? "办公室审核退回" : "区财政局退回"}：${reason}`,
  });
}

export async function listCorrections(
  db: DbContext,
  user: AuthUser,
  status?: CorrectionStatus,
): Promise<CorrectionView[]> {
  const rows = await findCorrections(db, user.districtId, status);
  const explanations = await renderStoredExplanations(
    db,
    user.districtId,
    rows.map((row) => row.explanation_json),
  );
  return rows.map((row, index) => ({
    id: row.id,
    entitlementId: row.entitlement_id,
    enterpriseName: row.enterprise_name,
    creditCode: row.credit_code,
    ruleId: row.rule_id,
    year: row.year,
    oneTimeKey: row.one_time_key,
    paidAmountFen: String(row.paid_amount_fen),
    recomputedAmountFen: row.recomputed_amount_fen === null ? null : String(row.recomputed_amount_fen),
    differenceFen: String(row.difference_fen),
    explanation: explanations[index] ?? null,
    status: row.status,
    reason: row.reason,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  }));
}

/**
 * The office decides on a correction entry: accepted (the difference is to be settled outside the
 * paid entitlement, which stays as paid) or dismissed, with its reason.
 */
export async function resolveRewardCorrection(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  input: { decision: "accepted" | "dismissed"; reason: string },
): Promise<CorrectionView[]> {
  await inTransaction(db, async (tx) => {
    const resolved = await resolveCorrection(tx, user.districtId, id, {
      status: input.decision,
      reason: input.reason,
      resolved_at: new Date().toISOString(),
      resolved_by: user.id,
    });
    if (!resolved) throw conflict("该更正记录不存在或已处理");
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: input.decision === "accepted" ? "accept" : "dismiss",
      entityType: "reward_correction",
      entityId: id,
      after: input,
    });
  });
  return listCorrections(db, user);
}
