/**
 * The publicity step (公示) of the plan's award workflow. The office publishes a batch's rewards that wait for it:
 * the list (enterprise, reward, amount in 万元, clause) is public, without login, from its first day through its
 * last (the plan's days, in the district's calendar). While it runs anyone may object to a listed reward (name
 * optional, a contact, the facts; a few an hour from one address, each a few hundred words). An open objection
 * holds its reward: nothing moves it on until the office upholds it (the reward is rejected with the reason) or
 * dismisses it (the reason is recorded). Each publication, objection and decision is audited.
 */
import { createHash } from "node:crypto";
import type {
  ObjectionReceipt,
  ObjectionStatus,
  ObjectionView,
  PublicityView,
  PublicPublicity,
} from "@beizeng/contract/rewards";
import { amountInUnit } from "@beizeng/domain/money";
import {
  publicityEndsOn,
  publicityState,
  type ResolvedAwardStep,
  STATUS_AFTER_STEP,
  stepAfter,
  stepOfKind,
} from "@beizeng/domain/rewards/workflow";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import {
  countObjectionsFrom,
  findAllEntitlements,
  findBatch,
  findEntitlement,
  findObjections,
  findPublicities,
  findPublicity,
  findPublicityItem,
  findPublicityItems,
  findRunningPublicities,
  insertEntitlementEvents,
  insertObjection,
  insertPublicity,
  insertPublicityItems,
  moveEntitlement,
  type PublicityRowWithCounts,
  resolveObjection,
} from "./rewards.repository";
import type { RewardPublicityRow } from "./rewards.table";
import { districtToday, officeWords, stepOfRow, type WorkflowPlan, workflowPlan } from "./shared";
import { objectionView } from "./workflow";

/** How far ahead a publicity may be scheduled. */
const MAX_DAYS_AHEAD = 60;
/** Objections taken from one address: an hour's and a day's worth. */
const OBJECTIONS_PER_HOUR = 5;
const OBJECTIONS_PER_DAY = 20;
/** Who objects from the public page, in the history and the audit log. */
const PUBLIC_ACTOR: Actor = { userId: null, label: "公众" };

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function publicityStep(context: WorkflowPlan): ResolvedAwardStep {
  const step = stepOfKind(context.workflow, "publicity");
  if (!step) throw conflict("本区奖励兑现流程中没有公示环节（见计划文件 awardWorkflow）");
  return step;
}

function publicityView(row: PublicityRowWithCounts, context: WorkflowPlan, today: string): PublicityView {
  const step = context.workflow.steps.find((candidate) => candidate.id === row.step_id);
  return {
    id: row.id,
    batchId: row.batch_id,
    year: row.year,
    stepId: row.step_id,
    stepName: step?.name ?? "公示",
    stepNameEn: step?.nameEn ?? "Public notice",
    days: row.days,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    state: publicityState(row.starts_on, row.ends_on, today),
    itemCount: row.item_count,
    objectionCount: row.objection_count,
    openObjectionCount: row.open_objection_count,
    publishedBy: row.publisher ?? "",
    publishedAt: row.published_at,
  };
}

export async function listPublicities(db: DbContext, user: AuthUser): Promise<PublicityView[]> {
  const context = await workflowPlan(db, user.districtId);
  const today = districtToday();
  return (await findPublicities(db, user.districtId)).map((row) => publicityView(row, context, today));
}

/**
 * Publishes the rewards of a batch that wait for the publicity step, from `startsOn` (today by default; never
 * before today, at most 60 days ahead) for the step's days. All of them or none. `clock.today` is the demo's
 * own calendar; requests always use the district's today.
 */
export async function publishPublicity(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  input: { batchId: number; startsOn?: string | undefined },
  clock: { today?: string } = {},
): Promise<PublicityView> {
  const context = await workflowPlan(db, user.districtId);
  const step = publicityStep(context);
  const days = step.days ?? 1;
  const today = clock.today ?? districtToday();
  const startsOn = input.startsOn ?? today;
  if (startsOn < today)
    throw badRequest(`公示开始日期 ${startsOn} 不能早于今天（${today}）`, [
      { path: "startsOn", message: "公示开始日期不能早于今天" },
    ]);
  if (startsOn > addDays(today, MAX_DAYS_AHEAD))
    throw badRequest(`公示开始日期最多可定在 ${MAX_DAYS_AHEAD} 天之后`, [
      { path: "startsOn", message: `最迟 ${addDays(today, MAX_DAYS_AHEAD)}` },
    ]);
  const endsOn = publicityEndsOn(startsOn, days);
  const id = await inTransaction(db, async (tx) => {
    const batch = await findBatch(tx, user.districtId, input.batchId);
    if (!batch) throw notFound("未找到该测算批次");
    if (batch.status !== "done") throw conflict("该批次尚未测算完成，不能公示");
    const rows = (await findAllEntitlements(tx, { districtId: user.districtId, batchId: batch.id })).filter(
      (row) => stepOfRow(context.workflow, row)?.id === step.id,
    );
    if (rows.length === 0) {
      const before = context.workflow.steps.slice(0, context.workflow.steps.indexOf(step));
      throw conflict(
        `该批次没有等待公示的奖励（公示前须完成：${before.map((earlier) => earlier.name).join("、")}；或已公示过）`,
      );
    }
    const now = new Date().toISOString();
    const publicityId = await insertPublicity(tx, {
      district_id: user.districtId,
      batch_id: batch.id,
      year: batch.year,
      step_id: step.id,
      days,
      starts_on: startsOn,
      ends_on: endsOn,
      published_by: user.id,
      published_at: now,
    });
    const next = stepAfter(context.workflow, step)?.id ?? null;
    for (const row of rows) {
      const moved = await moveEntitlement(
        tx,
        row.id,
        { status: row.status, workflowStep: row.workflow_step },
        { status: STATUS_AFTER_STEP.publicity, workflow_step: next, change_flag: null, updated_at: now },
      );
      if (!moved) throw conflict("发布过程中有奖励已被他人办理，公示未发布，请刷新后重试");
    }
    await insertPublicityItems(
      tx,
      rows.map((row) => {
        const rule = context.catalog.get(row.rule_id);
        return {
          district_id: user.districtId,
          publicity_id: publicityId,
          entitlement_id: row.id,
          enterprise_name: row.enterprise_name ?? row.credit_code,
          rule_name: rule?.name ?? row.rule_id,
          rule_name_en: rule?.nameEn ?? row.rule_id,
          amount_fen: row.amount_fen,
          clause: row.clause,
        };
      }),
    );
    await insertEntitlementEvents(
      tx,
      rows.map((row) => ({
        district_id: user.districtId,
        entitlement_id: row.id,
        action: "publish",
        from_status: row.status,
        to_status: STATUS_AFTER_STEP.publicity,
        actor_user_id: actor.userId,
        actor_label: actor.label,
        reason: `${step.name}：${startsOn} 至 ${endsOn}`,
        at: now,
      })),
    );
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "publish",
      entityType: "reward_publicity",
      entityId: publicityId,
      after: {
        batchId: batch.id,
        year: batch.year,
        step: step.id,
        startsOn,
        endsOn,
        entitlements: rows.map((r) => r.id),
      },
    });
    return publicityId;
  });
  const row = await findPublicity(db, id, user.districtId);
  if (!row) throw notFound("未找到该公示");
  return publicityView(row, context, districtToday());
}

// ---------------------------------------------------------------- the public page

async function publicView(db: DbContext, row: RewardPublicityRow, today: string): Promise<PublicPublicity> {
  const { plan } = await requireActivePlan(db, row.district_id);
  const state = publicityState(row.starts_on, row.ends_on, today);
  const items = await findPublicityItems(db, row.id);
  const office = officeWords(plan);
  const districtEn = plan.district.nameEn ?? plan.district.name;
  return {
    id: row.id,
    district: { name: plan.district.name, nameEn: plan.district.nameEn ?? null },
    planTitle: plan.title,
    planTitleEn: plan.titleEn,
    year: row.year,
    title: `${plan.district.name}${row.year}年度奖励兑现公示`,
    titleEn: `${districtEn}: public notice of the rewards of ${row.year}`,
    days: row.days,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    state,
    handledBy: office.actor,
    handledByEn: office.actorEn,
    entryCount: items.length,
    // The list is public only while the publicity runs.
    entries:
      state === "open"
        ? items.map((item) => ({
            itemId: item.id,
            enterpriseName: item.enterprise_name,
            ruleName: item.rule_name,
            ruleNameEn: item.rule_name_en,
            amountFen: item.amount_fen === null ? null : String(item.amount_fen),
            amountWan: item.amount_fen === null ? null : amountInUnit(BigInt(item.amount_fen), "万元"),
            clause: item.clause,
          }))
        : [],
  };
}

/** The publicities running today, of one district (its code) or of every district this server holds. */
export async function runningPublicities(db: DbContext, district: string | undefined): Promise<PublicPublicity[]> {
  const today = districtToday();
  const rows = await findRunningPublicities(db, today, district);
  return Promise.all(rows.map((row) => publicView(db, row, today)));
}

/** One publicity as the public sees it: its list while it runs, its dates before and after. */
export async function publicPublicity(db: DbContext, id: number): Promise<PublicPublicity> {
  const row = await findPublicity(db, id);
  if (!row) throw notFound("未找到该公示");
  return publicView(db, row, districtToday());
}

/** Where an objection comes from, as a digest: enough to count, not the address itself. */
function sourceKey(address: string): string {
  return createHash("sha256").update(`reward-objection|${address}`).digest("hex");
}

/** Anyone files an objection against one listed reward while its publicity runs. */
export async function fileObjection(
  db: DbContext,
  publicityId: number,
  input: { itemId: number; name?: string | undefined; contact: string; content: string },
  source: { address: string },
): Promise<ObjectionReceipt> {
  const publicity = await findPublicity(db, publicityId);
  if (!publicity) throw notFound("未找到该公示");
  const state = publicityState(publicity.starts_on, publicity.ends_on, districtToday());
  if (state !== "open")
    throw conflict(
      state === "upcoming"
        ? `该公示 ${publicity.starts_on} 开始，届时方可提出异议`
        : `该公示已于 ${publicity.ends_on} 结束，不再受理异议`,
    );
  const item = await findPublicityItem(db, publicityId, input.itemId);
  if (!item) throw badRequest("公示名单中没有该项奖励", [{ path: "itemId", message: "请从公示名单中选择" }]);
  const key = sourceKey(source.address);
  const now = new Date();
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000).toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  if (
    (await countObjectionsFrom(db, key, hourAgo)) >= OBJECTIONS_PER_HOUR ||
    (await countObjectionsFrom(db, key, dayAgo)) >= OBJECTIONS_PER_DAY
  )
    throw new AppError(429, "rate_limited", "提交异议过于频繁，请一小时后再试；如有急事请直接联系受理单位", undefined, {
      retryAfterSeconds: 3600,
    });
  const filedAt = now.toISOString();
  const name = input.name?.trim() ? input.name.trim() : null;
  const id = await inTransaction(db, async (tx) => {
    const objectionId = await insertObjection(tx, {
      district_id: publicity.district_id,
      publicity_id: publicityId,
      item_id: item.id,
      entitlement_id: item.entitlement_id,
      objector_name: name,
      contact: input.contact,
      content: input.content,
      status: "open",
      source_key: key,
      filed_at: filedAt,
      resolution: null,
      resolved_by: null,
      resolved_at: null,
    });
    const entitlement = await findEntitlement(tx, publicity.district_id, item.entitlement_id);
    // The history says an objection came in, not what it says nor who said it: the enterprise reads its history.
    await insertEntitlementEvents(tx, [
      {
        district_id: publicity.district_id,
        entitlement_id: item.entitlement_id,
        action: "object",
        from_status: entitlement?.status ?? "publicized",
        to_status: entitlement?.status ?? "publicized",
        actor_user_id: null,
        actor_label: PUBLIC_ACTOR.label,
        reason: `收到公示异议（第 ${objectionId} 号），待办公室处理`,
        at: filedAt,
      },
    ]);
    await recordAudit(tx, {
      districtId: publicity.district_id,
      actor: PUBLIC_ACTOR,
      action: "object",
      entityType: "reward_objection",
      entityId: objectionId,
      after: {
        publicityId,
        itemId: item.id,
        entitlementId: item.entitlement_id,
        named: name !== null,
        content: input.content,
      },
    });
    return objectionId;
  });
  return { id, publicityId, filedAt };
}

// ---------------------------------------------------------------- the office's handling

export async function listObjections(
  db: DbContext,
  user: AuthUser,
  filter: { status?: ObjectionStatus | undefined; publicityId?: number | undefined },
): Promise<ObjectionView[]> {
  const rows = await findObjections(db, user.districtId, {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.publicityId !== undefined ? { publicityId: filter.publicityId } : {}),
  });
  return rows.map((row) => objectionView(row, user));
}

/**
 * The office decides on an open objection. Upheld: the reward is rejected with the reason (unless it has left
 * the workflow already: rejected, superseded). Dismissed: the reason is recorded in the reward's history. Either
 * way the reward may move on once no other objection to it is open.
 */
export async function resolveRewardObjection(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  input: { decision: "upheld" | "dismissed"; reason: string },
): Promise<ObjectionView> {
  await inTransaction(db, async (tx) => {
    const [objection] = await findObjections(tx, user.districtId, { id });
    if (!objection) throw notFound("未找到该异议");
    const now = new Date().toISOString();
    const resolved = await resolveObjection(tx, user.districtId, id, {
      status: input.decision,
      resolution: input.reason,
      resolved_by: user.id,
      resolved_at: now,
    });
    if (!resolved) throw conflict("该异议已处理过");
    const entitlement = await findEntitlement(tx, user.districtId, objection.entitlement_id);
    if (!entitlement) throw notFound("未找到该异议所涉奖励");
    const event = {
      district_id: user.districtId,
      entitlement_id: entitlement.id,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      at: now,
    };
    if (input.decision === "upheld") {
      if (entitlement.status === "paid") throw conflict("该奖励已支付，异议成立的须登记追回（不能退回已支付的奖励）");
      if (entitlement.status !== "rejected" && entitlement.status !== "superseded") {
        const reason = `公示异议成立（第 ${id} 号）：${input.reason}`;
        const moved = await moveEntitlement(
          tx,
          entitlement.id,
          { status: entitlement.status, workflowStep: entitlement.workflow_step },
          { status: "rejected", workflow_step: null, change_flag: null, reason, updated_at: now },
        );
        if (!moved) throw conflict("该奖励刚被他人办理，请刷新后重试");
        await insertEntitlementEvents(tx, [
          { ...event, action: "reject", from_status: entitlement.status, to_status: "rejected", reason },
        ]);
      }
    } else {
      await insertEntitlementEvents(tx, [
        {
          ...event,
          action: "dismissObjection",
          from_status: entitlement.status,
          to_status: entitlement.status,
          reason: `公示异议（第 ${id} 号）不成立：${input.reason}`,
        },
      ]);
    }
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: input.decision === "upheld" ? "uphold" : "dismiss",
      entityType: "reward_objection",
      entityId: id,
      before: { status: "open", entitlementStatus: entitlement.status },
      after: { status: input.decision, reason: input.reason, entitlementId: entitlement.id },
    });
  });
  const [row] = await findObjections(db, user.districtId, { id });
  if (!row) throw notFound("未找到该异议");
  return objectionView(row, user);
}
