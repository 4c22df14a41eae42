/**
 * The entitlement workflow, as the district's plan declares it (`awardWorkflow`; without one: confirmed by the
 * enterprise → reviewed by the office → approved and paid by the units holding payRewards). An entitlement waits
 * for one step at a time; whoever the plan has act at that step moves it on, to the status that kind of step
 * leaves and the next step; rejection with a reason by the step's actor. Each step is one conditional update
 * whose WHERE names the status and step it leaves, so of two simultaneous callers exactly one moves it and the
 * other gets a 409; a payment also writes the payment ledger, whose (district, one-time key) is unique: the
 * database refuses a second payment of the same event. After a publicity (公示) nothing moves on before its last
 * day has passed, nor while an objection to it is open. A paid reward may be recovered (追回) in part or whole.
 * Every step is recorded as an entitlement event and in the audit log.
 */
import type {
  AwardWorkflowView,
  CallerAction,
  CorrectionStatus,
  CorrectionView,
  EntitlementAction,
  EntitlementDetail,
  EntitlementList,
  EntitlementStatus,
  ObjectionView,
} from "@beizeng/contract/rewards";
import { amountZh, formatYuan, parseYuan } from "@beizeng/domain/money";
import {
  type AwardStepKind,
  publicityState,
  type ResolvedAwardStep,
  STATUS_AFTER_STEP,
  statusesAwaitingWithoutStoredStep,
  stepAfter,
  stepOfKind,
} from "@beizeng/domain/rewards/workflow";
import type { Updateable } from "kysely";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { allow } from "../../platform/auth/permissions";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readPlanVersion } from "../../platform/plan/plan-reader";
import { renderStoredExplanation, renderStoredExplanations } from "./explanations";
import { reviseRewardsToConfirm } from "./reward-notices";
import {
  addRecovered,
  countOpenObjections,
  type EntitlementListRow,
  findBatch,
  findCorrections,
  findEntitlement,
  findEntitlementEvents,
  findEntitlements,
  findLatestListing,
  findObjections,
  findRecoveries,
  insertEntitlementEvents,
  insertPayment,
  insertRecovery,
  isUniqueViolation,
  moveEntitlement,
  type ObjectionListRow,
  resolveCorrection,
} from "./rewards.repository";
import type { RecoverySettlement, RewardEntitlementTable } from "./rewards.table";
import {
  activePlan,
  actorWords,
  actsAt,
  type Caller,
  callerOf,
  detailView,
  districtToday,
  entitlementView,
  officeWords,
  rejectsAt,
  STATUS_LABELS,
  stepOfRow,
  type WorkflowPlan,
  workflowPlan,
} from "./shared";

export interface EntitlementQuery {
  year?: number;
  ruleId?: string;
  status?: string;
  step?: string;
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
  const context = await workflowPlan(db, user.districtId);
  let step: { id: string; knownStepIds: string[]; statusesWithoutStoredStep: EntitlementStatus[] } | undefined;
  if (query.step !== undefined) {
    const ids = context.workflow.steps.map((candidate) => candidate.id);
    if (!ids.includes(query.step))
      throw badRequest(`本区奖励兑现流程中没有环节“${query.step}”`, [
        { path: "step", message: `环节应为 ${ids.join("、")} 之一` },
      ]);
    step = {
      id: query.step,
      knownStepIds: ids,
      statusesWithoutStoredStep: statusesAwaitingWithoutStoredStep(context.workflow, query.step),
    };
  }
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
      step,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: rows.map((row) => entitlementView(row, context)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function visibleEntitlement(db: DbContext, user: AuthUser, id: number): Promise<EntitlementListRow> {
  const row = await findEntitlement(db, user.districtId, id);
  if (!row) throw notFound("未找到该奖励");
  if (!allow(user, "rewards.view", { districtId: row.district_id, enterpriseId: row.enterprise_id }))
    throw forbidden("只能查看本企业的奖励");
  return row;
}

/** An objection as a staff member sees it: the objector's name and contact for the office only, which answers. */
export function objectionView(row: ObjectionListRow, user: AuthUser): ObjectionView {
  const office = user.role === "office";
  return {
    id: row.id,
    publicityId: row.publicity_id,
    itemId: row.item_id,
    entitlementId: row.entitlement_id,
    enterpriseName: row.enterprise_name,
    ruleName: row.rule_name,
    ruleNameEn: row.rule_name_en,
    amountFen: row.amount_fen === null ? null : String(row.amount_fen),
    clause: row.clause,
    entitlementStatus: row.entitlement_status,
    name: office ? row.objector_name : null,
    contact: office ? row.contact : null,
    content: row.content,
    status: row.status,
    filedAt: row.filed_at,
    resolution: row.resolution,
    resolvedAt: row.resolved_at,
  };
}

/** Why an entitlement that leaves its publicity cannot move yet, or null: the publicity runs, or an objection is open. */
async function publicityHold(tx: DbContext, row: EntitlementListRow, today: string): Promise<string | null> {
  if (row.status === "publicized") {
    const listing = await findLatestListing(tx, row.id);
    if (listing && publicityState(listing.starts_on, listing.ends_on, today) !== "closed")
      return `该奖励正在公示（${listing.starts_on} 至 ${listing.ends_on}），公示期满后才能办理下一环节`;
  }
  const open = await countOpenObjections(tx, row.id);
  if (open > 0) return `该奖励有 ${open} 条公示异议尚未处理，须由办公室处理后才能继续办理`;
  return null;
}

/** "该奖励当前状态为“已审核”，待公示（领导小组办公室）" */
function whereItStands(row: { status: EntitlementStatus }, step: ResolvedAwardStep | null, context: WorkflowPlan) {
  const label = STATUS_LABELS[row.status] ?? row.status;
  const waiting = step ? `，待${step.name}（${actorWords(context.plan, step).actor}）` : "";
  return `该奖励当前状态为“${label}”${waiting}`;
}

/** The confirmation may be given again (to correct the account) until the step after it is taken. */
function mayConfirm(context: WorkflowPlan, row: EntitlementListRow, step: ResolvedAwardStep | null): boolean {
  if (step === null) return false;
  if (step.kind === "confirm") return true;
  const confirm = stepOfKind(context.workflow, "confirm");
  return row.status === "confirmed" && confirm !== undefined && stepAfter(context.workflow, confirm)?.id === step.id;
}

function isOwner(user: AuthUser, row: EntitlementListRow): boolean {
  return user.role === "enterprise" && row.enterprise_id !== null && row.enterprise_id === user.enterpriseId;
}

/** Who may issue the approval notice: the office, and the units acting at the approval or the payment. */
export function mayIssueNotice(context: WorkflowPlan, caller: Caller): boolean {
  return (
    caller.user.role === "office" ||
    context.workflow.steps.some(
      (step) => (step.kind === "approve" || step.kind === "pay") && actsAt(context.plan, caller, step),
    )
  );
}

const STEP_ACTIONS: readonly AwardStepKind[] = ["review", "approve", "pay"];

async function callerActions(
  tx: DbContext,
  context: WorkflowPlan,
  caller: Caller,
  row: EntitlementListRow,
): Promise<CallerAction[]> {
  const step = stepOfRow(context.workflow, row);
  const actions: CallerAction[] = [];
  if (isOwner(caller.user, row) && mayConfirm(context, row, step)) actions.push("confirm", "decline");
  if (step && STEP_ACTIONS.includes(step.kind) && actsAt(context.plan, caller, step)) {
    const hold = await publicityHold(tx, row, districtToday());
    if (hold === null) actions.push(step.kind as CallerAction);
  }
  if (step && caller.user.role !== "enterprise" && rejectsAt(context.plan, caller, step)) actions.push("reject");
  const amount = row.amount_fen === null ? 0n : BigInt(row.amount_fen);
  if (caller.user.role === "office" && row.status === "paid" && BigInt(row.recovered_fen ?? "0") < amount)
    actions.push("recover");
  if ((row.status === "approved" || row.status === "paid") && mayIssueNotice(context, caller)) actions.push("notice");
  return actions;
}

export async function getEntitlement(db: DbContext, user: AuthUser, id: number): Promise<EntitlementDetail> {
  const row = await visibleEntitlement(db, user, id);
  const context = await workflowPlan(db, user.districtId);
  const caller = await callerOf(db, user);
  const explanation = await renderStoredExplanation(db, user.districtId, row.explanation_json);
  const listing = await findLatestListing(db, id);
  // An enterprise does not see who objected to its reward, nor what was said: the office handles it.
  const objections = user.role === "enterprise" ? [] : await findObjections(db, user.districtId, { entitlementId: id });
  const recoveries = await findRecoveries(db, id);
  const batch = await findBatch(db, user.districtId, row.batch_id);
  const computedWith = batch
    ? await readPlanVersion(db, user.districtId, batch.plan_id, batch.plan_version)
    : undefined;
  return detailView(row, context, await findEntitlementEvents(db, id), explanation, {
    computedUnder:
      batch && computedWith
        ? { planId: batch.plan_id, version: batch.plan_version, title: computedWith.plan.title }
        : null,
    actions: await callerActions(db, context, caller, row),
    publicity: listing
      ? {
          id: listing.id,
          startsOn: listing.starts_on,
          endsOn: listing.ends_on,
          state: publicityState(listing.starts_on, listing.ends_on, districtToday()),
        }
      : null,
    objections: objections.map((objection) => objectionView(objection, user)),
    recoveries: recoveries.map((recovery) => ({
      id: recovery.id,
      amountFen: String(recovery.amount_fen),
      reason: recovery.reason,
      recoveredOn: recovery.recovered_on,
      documentNo: recovery.document_no,
      settlement: recovery.settlement,
      recordedBy: recovery.recorder ?? "",
      recordedAt: recovery.recorded_at,
    })),
  });
}

/** The plan's workflow with who acts at each step, and whether it is the caller. */
export async function workflowView(db: DbContext, user: AuthUser): Promise<AwardWorkflowView> {
  const context = await workflowPlan(db, user.districtId);
  const caller = await callerOf(db, user);
  return {
    declared: context.workflow.declared,
    steps: context.workflow.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      name: step.name,
      nameEn: step.nameEn,
      by: step.by,
      days: step.days ?? null,
      ...actorWords(context.plan, step),
      mine: actsAt(context.plan, caller, step),
    })),
  };
}

const VERBS = {
  confirm: "确认",
  decline: "放弃",
  review: "审核",
  approve: "审批",
  pay: "登记支付",
  reject: "退回",
} as const satisfies Partial<Record<EntitlementAction, string>>;
type MoveAction = keyof typeof VERBS;

interface Found {
  tx: DbContext;
  row: EntitlementListRow;
  step: ResolvedAwardStep | null;
  context: WorkflowPlan;
  caller: Caller;
}

interface Target {
  to: EntitlementStatus;
  /** The step it waits for next (null once done). */
  nextStep: string | null;
  reason?: string;
  changes?: Updateable<RewardEntitlementTable>;
}

interface Move {
  action: MoveAction;
  /** Whether the caller may make this move now and where it leads; throws 403, 409 or 400 when not. */
  decide: (found: Found) => Promise<Target> | Target;
  after?: (tx: DbContext, row: EntitlementListRow, now: string) => Promise<void>;
}

async function takeStep(db: DbContext, user: AuthUser, actor: Actor, id: number, move: Move) {
  await inTransaction(db, async (tx) => {
    const row = await visibleEntitlement(tx, user, id);
    const context = await workflowPlan(tx, user.districtId);
    const caller = await callerOf(tx, user);
    const step = stepOfRow(context.workflow, row);
    const target = await move.decide({ tx, row, step, context, caller });
    const now = new Date().toISOString();
    const changes = target.changes ?? {};
    const moved = await moveEntitlement(
      tx,
      id,
      { status: row.status, workflowStep: row.workflow_step },
      {
        ...changes,
        status: target.to,
        workflow_step: target.nextStep,
        change_flag: null,
        updated_at: now,
        ...(target.reason !== undefined ? { reason: target.reason } : {}),
      },
    );
    if (!moved) {
      const current = (await findEntitlement(tx, user.districtId, id)) ?? row;
      throw conflict(
        `${whereItStands(current, stepOfRow(context.workflow, current), context)}，不能${VERBS[move.action]}（可能已由他人处理，请刷新后查看）`,
      );
    }
    await move.after?.(tx, row, now);
    if (row.enterprise_id !== null && step?.kind === "confirm")
      await reviseRewardsToConfirm(tx, context, user.districtId, row.enterprise_id, row.year);
    await insertEntitlementEvents(tx, [
      {
        district_id: user.districtId,
        entitlement_id: id,
        action: move.action,
        from_status: row.status,
        to_status: target.to,
        actor_user_id: actor.userId,
        actor_label: actor.label,
        reason: target.reason ?? null,
        at: now,
      },
    ]);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: move.action,
      entityType: "reward_entitlement",
      entityId: id,
      before: { status: row.status, step: step?.id ?? null },
      after: {
        status: target.to,
        step: target.nextStep,
        ...changes,
        ...(target.reason !== undefined ? { reason: target.reason } : {}),
      },
    });
  });
  return getEntitlement(db, user, id);
}

/**
 * Takes the awaited step of a kind: refused (403) to a caller who acts at no step of that kind, (409) when the
 * entitlement waits for another step or another actor, or is held by its publicity.
 */
function advance(
  kind: AwardStepKind,
  extra?: (found: Found, step: ResolvedAwardStep) => Omit<Target, "to" | "nextStep"> | undefined,
): Move["decide"] {
  const verb = VERBS[kind as MoveAction];
  return async (found) => {
    const { row, step, context, caller, tx } = found;
    const candidates = context.workflow.steps.filter((candidate) => candidate.kind === kind);
    if (candidates.length === 0) throw conflict(`本区奖励兑现流程中没有${verb}环节`);
    if (!candidates.some((candidate) => actsAt(context.plan, caller, candidate))) {
      const who = candidates.map((candidate) => actorWords(context.plan, candidate).actor).join("或");
      throw forbidden(`只有${who}可以${verb}奖励`);
    }
    if (step === null || step.kind !== kind || !actsAt(context.plan, caller, step))
      throw conflict(`${whereItStands(row, step, context)}，不能${verb}（可能已由他人处理，请刷新后查看）`);
    const hold = await publicityHold(tx, row, districtToday());
    if (hold !== null) throw conflict(hold);
    const more = extra?.(found, step) ?? {};
    return { ...more, to: STATUS_AFTER_STEP[kind], nextStep: stepAfter(context.workflow, step)?.id ?? null };
  };
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
    decide: ({ row, step, context }) => {
      if (!isOwner(user, row)) throw forbidden("只有获奖企业本身可以确认奖励");
      if (step === null || !mayConfirm(context, row, step))
        throw conflict(`${whereItStands(row, step, context)}，不能再确认（可能已由他人处理，请刷新后查看）`);
      const nextStep = step.kind === "confirm" ? (stepAfter(context.workflow, step)?.id ?? null) : step.id;
      return {
        to: "confirmed",
        nextStep,
        changes: { bank_account_name: bank.accountName, bank_name: bank.bankName, bank_account_no: bank.accountNo },
      };
    },
  });
}

/** The enterprise declines its entitlement, with its reason, while it may still confirm it. */
export async function declineEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number, reason: string) {
  return takeStep(db, user, actor, id, {
    action: "decline",
    decide: ({ row, step, context }) => {
      if (!isOwner(user, row)) throw forbidden("只有获奖企业本身可以放弃奖励");
      if (step === null || !mayConfirm(context, row, step))
        throw conflict(`${whereItStands(row, step, context)}，不能放弃（可能已由他人处理，请刷新后查看）`);
      return { to: "rejected", nextStep: null, reason: `企业放弃：${reason}` };
    },
  });
}

/**
 * A review step of the plan's workflow, by whoever it names. For R-500 (decided case by case) the amount
 * decided is recorded at the first review; it is required there.
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
    decide: advance("review", ({ row }) => {
      if (row.amount_fen === null && decided === undefined)
        throw badRequest("该奖励实行“一企一策、一事一议”，审核时须录入决定的奖励金额", [
          { path: "amountYuan", message: "请录入决定金额（元）" },
        ]);
      if (row.amount_fen !== null && decided !== undefined)
        throw badRequest("该奖励的金额已由规则计算或已经决定，不能在审核时修改", [
          { path: "amountYuan", message: "只有尚未决定金额的一事一议奖励可录入金额" },
        ]);
      return {
        ...(input.note ? { reason: input.note } : {}),
        ...(decided !== undefined ? { changes: { amount_fen: decided } } : {}),
      };
    }),
  });
}

/** The approval step, by whoever the plan names (the office, or the units of a duty). */
export async function approveEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number) {
  return takeStep(db, user, actor, id, { action: "approve", decide: advance("approve") });
}

/**
 * The units holding payRewards record the payment of an entitlement that waits for it: voucher number and
 * date. Paid exactly once.
 */
export async function payEntitlement(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  payment: { voucherNo: string; paidOn: string },
) {
  return takeStep(db, user, actor, id, {
    action: "pay",
    decide: advance("pay", ({ row }) => {
      if (row.amount_fen === null) throw conflict("该奖励的金额尚未决定，不能登记支付");
      return { changes: { voucher_no: payment.voucherNo, paid_on: payment.paidOn } };
    }),
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
 * Sends an entitlement back with a reason: the actor of the step it waits for (the office while it waits for
 * the enterprise's confirmation or for its publicity).
 */
export async function rejectEntitlement(db: DbContext, user: AuthUser, actor: Actor, id: number, reason: string) {
  return takeStep(db, user, actor, id, {
    action: "reject",
    decide: ({ row, step, context, caller }) => {
      const rejecting = context.workflow.steps.filter((candidate) => rejectsAt(context.plan, caller, candidate));
      if (caller.user.role === "enterprise" || rejecting.length === 0) {
        const who = [
          ...new Set(
            context.workflow.steps
              .filter((candidate) => candidate.kind !== "confirm")
              .map((candidate) => actorWords(context.plan, candidate).actor),
          ),
        ].join("、");
        throw forbidden(`只有${who}可以退回奖励`);
      }
      if (step === null || !rejectsAt(context.plan, caller, step))
        throw conflict(`${whereItStands(row, step, context)}，不能由你退回（可能已由他人处理，请刷新后查看）`);
      return { to: "rejected", nextStep: null, reason: `${step.name}退回：${reason}` };
    },
  });
}

/**
 * The office records the recovery (追回) of (part of) a paid reward: amount (at most what is left of what was
 * paid), reason, date and document. The paid entitlement stays paid; the budget counts it net.
 */
export async function recoverEntitlement(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  input: {
    amountYuan: string;
    reason: string;
    recoveredOn: string;
    documentNo: string;
    settlement?: RecoverySettlement;
  },
): Promise<EntitlementDetail> {
  if (user.role !== "office") {
    const { plan } = await workflowPlan(db, user.districtId);
    throw forbidden(`只有${officeWords(plan).actor}可以登记追回`);
  }
  let amount: bigint;
  try {
    amount = parseYuan(input.amountYuan);
  } catch {
    throw badRequest(`追回金额不是有效的金额：${input.amountYuan}`, [
      { path: "amountYuan", message: "金额应为元，最多两位小数" },
    ]);
  }
  if (amount <= 0n) throw badRequest("追回金额必须大于零", [{ path: "amountYuan", message: "追回金额必须大于零" }]);
  if (input.recoveredOn > districtToday())
    throw badRequest("追回日期不能晚于今天", [{ path: "recoveredOn", message: "追回日期不能晚于今天" }]);
  const settlement = input.settlement ?? "repaid";
  if (settlement === "deduction") {
    // Deducted from later awards only where the plan's rules say so (deductShortfalls).
    const { plan } = await activePlan(db, user.districtId);
    if (!plan.rewards.some((rule) => rule.kind === "formula" && rule.deductShortfalls === true))
      throw badRequest("计划的奖励规则没有规定从以后年度奖励中抵扣，追回方式只能是已退回", [
        { path: "settlement", message: "计划中没有从以后年度奖励中抵扣的奖励规则" },
      ]);
  }
  await inTransaction(db, async (tx) => {
    const row = await visibleEntitlement(tx, user, id);
    if (row.status !== "paid")
      throw conflict(`只有已支付的奖励可以追回，该奖励当前状态为“${STATUS_LABELS[row.status]}”`);
    if (row.paid_on !== null && input.recoveredOn < row.paid_on)
      throw badRequest(`追回日期不能早于支付日期 ${row.paid_on}`, [
        { path: "recoveredOn", message: `追回日期不能早于支付日期 ${row.paid_on}` },
      ]);
    const now = new Date().toISOString();
    if (!(await addRecovered(tx, id, amount.toString(), now))) {
      const current = (await findEntitlement(tx, user.districtId, id)) ?? row;
      const left = BigInt(current.amount_fen ?? "0") - BigInt(current.recovered_fen ?? "0");
      throw badRequest(`追回金额不能超过尚未追回的已付金额（尚可追回 ${formatYuan(left)} 元）`, [
        { path: "amountYuan", message: `最多 ${formatYuan(left)} 元` },
      ]);
    }
    const recoveryId = await insertRecovery(tx, {
      district_id: user.districtId,
      entitlement_id: id,
      amount_fen: amount.toString(),
      reason: input.reason,
      recovered_on: input.recoveredOn,
      document_no: input.documentNo,
      settlement,
      recorded_by: user.id,
      recorded_at: now,
    });
    await insertEntitlementEvents(tx, [
      {
        district_id: user.districtId,
        entitlement_id: id,
        action: "recover",
        from_status: "paid",
        to_status: "paid",
        actor_user_id: actor.userId,
        actor_label: actor.label,
        reason: `追回 ${amountZh(amount)}（${input.recoveredOn}，${input.documentNo}${settlement === "deduction" ? "，从以后年度奖励中抵扣" : ""}）：${input.reason}`,
        at: now,
      },
    ]);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "recover",
      entityType: "reward_entitlement",
      entityId: id,
      before: { recoveredFen: String(row.recovered_fen ?? "0") },
      after: {
        recoveryId,
        amountFen: amount.toString(),
        reason: input.reason,
        recoveredOn: input.recoveredOn,
        documentNo: input.documentNo,
        settlement,
      },
    });
  });
  return getEntitlement(db, user, id);
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
 * paid entitlement, which stays as paid; money returned is recorded as a recovery) or dismissed, with its reason.
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
