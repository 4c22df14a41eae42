/**
 * Computing a year's entitlements for the whole district in one action (免申即享): a batch row
 * records progress (polled by the UI); the engine runs over the register in chunks; the result is
 * applied in one transaction against the entitlements already stored:
 * - a new event becomes a `computed` entitlement (flagged `new` when the year was computed before);
 * - an unpaid entitlement whose amount or year changed is superseded by a new one flagged `changed`;
 * - an unpaid entitlement no longer due is superseded, with the reason;
 * - a paid entitlement is never altered: a difference becomes a correction entry for review;
 * - a rejected entitlement stays rejected (the decision stands).
 */
import type { BatchSummary, BatchView } from "@beizeng/contract/rewards";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { CompiledRewardPlan } from "@beizeng/domain/rewards/engine";
import { evaluateRewards } from "@beizeng/domain/rewards/engine";
import type { Entitlement, PriorGrant, Shortfall } from "@beizeng/domain/rewards/types";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { findEnterpriseAccounts } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { defineJob } from "../../platform/jobs/job-definitions";
import {
  DuplicateJobError,
  dispatchJob,
  findActiveJob,
  insertJob,
  jobProgress,
  waitForJob,
} from "../../platform/jobs/jobs.service";
import type { BackgroundJobRow } from "../../platform/jobs/jobs.table";
import { declaredFactValuesOfDistrict } from "../figures/index";
import { notifyUsersInBulk, type UsersNotice } from "../notifications/index";
import { findRunningBatches } from "./batch-jobs.repository";
import { batchBudgetShares } from "./budget-shares";
import { buildRewardInput } from "./engine-input";
import { compiledPlanVersion, storedExplanation } from "./explanations";
import { rewardsToConfirmKey, rewardsToConfirmMessage } from "./reward-notices";
import {
  countFinishedBatches,
  findBatch,
  findLiveEntitlements,
  findOpenCorrection,
  findRecoveriesByDeduction,
  insertBatch,
  insertCorrection,
  insertEntitlementEvents,
  insertEntitlements,
  listBatches,
  loadRewardRegister,
  refreshEntitlements,
  replaceOpenCorrection,
  transitionEntitlement,
  updateBatch,
} from "./rewards.repository";
import type { RewardBatchRow, RewardEntitlementRow } from "./rewards.table";
import { planInForce } from "./shared";

/** Enterprises evaluated between two looks at the event loop (and perhaps a progress update). */
const CHUNK_SIZE = 200;
/** The batch's progress is written at most this often: a chunk takes milliseconds, the page polls every second or so. */
const PROGRESS_WRITE_MS = 250;
/** Unpaid entitlements still in the workflow: a recompute may replace them (a publicized one is listed again). */
const REPLACEABLE = ["computed", "confirmed", "reviewed", "publicized", "approved"] as const;

/** `ahead`: the batches of the district ahead of this one while it waits its turn. */
export function batchView(row: RewardBatchRow, ahead: number | null = null): BatchView {
  return {
    id: row.id,
    year: row.year,
    planId: row.plan_id,
    planVersion: row.plan_version,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total },
    ahead,
    summary: row.summary_json === null ? null : (JSON.parse(row.summary_json) as BatchSummary),
    errorMessage: row.error_message,
    computedBy: row.computed_by,
    computedAt: row.computed_at,
    finishedAt: row.finished_at,
  };
}

export async function getBatch(db: DbContext, user: AuthUser, id: number): Promise<BatchView> {
  const row = await findBatch(db, user.districtId, id);
  if (!row) throw notFound("未找到该测算批次");
  const job = row.status === "running" ? await findActiveJob(db, batchJobKey(row.district_id, row.year)) : undefined;
  return batchView(row, job ? (await jobProgress(db, job)).ahead : null);
}

export async function listRewardBatches(db: DbContext, user: AuthUser, year?: number): Promise<BatchView[]> {
  return (await listBatches(db, user.districtId, year)).map((row) => batchView(row));
}

/** What a batch's job carries: enough to run it in any process. */
interface RewardBatchPayload {
  districtId: string;
  batchId: number;
  actor: Actor;
}

/** One batch per district and year at a time: a second request for the same year joins the running one. */
function batchJobKey(districtId: string, year: number): string {
  return `rewards-batch|${districtId}|${year}`;
}

/** A district's batches run one after the other: each applies against the entitlements the previous one left. */
function batchLineKey(districtId: string): string {
  return `rewards-batch|${districtId}`;
}

const rewardBatchJob = defineJob<RewardBatchPayload>({
  kind: "rewards.batch",
  run: ({ db, payload, progress }) =>
    runRewardBatch(db, payload.districtId, payload.batchId, payload.actor, (done, total) => progress(done, total)),
  failed: async (db, payload, message) => {
    await updateBatch(db, payload.batchId, {
      status: "failed",
      error_message: message.startsWith("测算失败") ? message : `测算失败：${message}`,
      finished_at: new Date().toISOString(),
    });
  },
});

/**
 * Starts computing `year` for the caller's district: creates the batch and its job and answers at once; the job
 * runs in whichever app process picks it up, after the district's batches asked for before it (`done` resolves
 * when it has finished, successfully or not). A request for a year already being computed joins that batch
 * (`joined`). A caller inside a transaction (loading the demo) computes in it and waits.
 */
export async function startRewardBatch(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  year: number,
): Promise<{ batch: BatchView; done: Promise<BatchView>; joined: boolean }> {
  // A year is computed under the version of the plan in force that year (a revision taking effect later
  // leaves the earlier years' rewards as they were promised).
  const { plan, version } = await planInForce(db, user.districtId, year);
  const { startYear, endYear } = plan.period;
  // R-PROJ is paid in the production year, which may come after the plan's last year.
  if (year < startYear || year > endYear + 5)
    throw badRequest(`年度 ${year} 不在可测算范围内（${startYear}—${endYear + 5} 年）`, [
      { path: "year", message: `年度应在 ${startYear} 至 ${endYear + 5} 之间` },
    ]);
  const inline = db.inTransaction === true;
  const key = batchJobKey(user.districtId, year);
  let started: { batchId: number; job: BackgroundJobRow | null; joined: boolean };
  try {
    started = await inTransaction(db, async (tx) => {
      const same = inline ? undefined : await findActiveJob(tx, key);
      if (same)
        return { batchId: (JSON.parse(same.payload_json) as RewardBatchPayload).batchId, job: same, joined: true };
      const now = new Date().toISOString();
      for (const running of await findRunningBatches(tx, user.districtId)) {
        if (isAbandoned(running, now)) {
          // The process that ran it stopped (a restart mid-batch): release the district for a new batch.
          await updateBatch(tx, running.id, {
            status: "failed",
            error_message: "测算中断（服务在测算过程中停止），请重新测算",
            finished_at: now,
          });
        } else if (inline || !(await findActiveJob(tx, batchJobKey(user.districtId, running.year)))) {
          // Computed by a caller in its own transaction: nothing to wait in line behind.
          throw conflict(`${running.year} 年度的奖励正在测算中（批次 ${running.id}），请等待完成后再试`);
        }
      }
      const id = await insertBatch(tx, {
        district_id: user.districtId,
        year,
        plan_id: plan.id,
        plan_version: version,
        status: "running",
        progress_done: 0,
        progress_total: 0,
        summary_json: null,
        error_message: null,
        computed_by: user.id,
        computed_at: now,
        finished_at: null,
      });
      await recordAudit(tx, {
        districtId: user.districtId,
        actor,
        action: "start",
        entityType: "reward_batch",
        entityId: id,
        after: { year, plan: plan.id, planVersion: version },
      });
      const job = inline
        ? null
        : await insertJob(tx, {
            definition: rewardBatchJob,
            districtId: user.districtId,
            createdBy: user.id,
            lineKey: batchLineKey(user.districtId),
            dedupeKey: key,
            payload: { districtId: user.districtId, batchId: id, actor },
          });
      return { batchId: id, job, joined: false };
    });
  } catch (error) {
    if (!(error instanceof DuplicateJobError)) throw error;
    // Another process asked for the same year at the same moment, and won: follow its batch.
    const winner = await findActiveJob(db, key);
    if (!winner) throw conflict(`${year} 年度的奖励刚刚测算完成，请刷新后查看结果`);
    started = { batchId: (JSON.parse(winner.payload_json) as RewardBatchPayload).batchId, job: winner, joined: true };
  }
  const { batchId, job, joined } = started;
  if (job && !joined) await dispatchJob(db, job);
  const batch = await getBatch(db, user, batchId);
  const settle = () => getBatch(db, user, batchId).catch(() => batch);
  const done = job
    ? // Nobody may wait for it (the answer went out at once): a follow that fails, e.g. on shutdown, says the batch as it was.
      waitForJob(db, job.id, 60 * 60_000).then(settle, () => batch)
    : runRewardBatch(db, user.districtId, batchId, actor).then(settle, async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        await updateBatch(db, batchId, {
          status: "failed",
          error_message: `测算失败：${message}`,
          finished_at: new Date().toISOString(),
        }).catch(() => undefined);
        return settle();
      });
  return { batch, done, joined };
}

/** A district's whole batch takes seconds; one still "running" after this long has lost its process. */
const ABANDONED_AFTER_MS = 30 * 60 * 1000;

function isAbandoned(batch: { computed_at: string }, now: string): boolean {
  return Date.parse(now) - Date.parse(batch.computed_at) > ABANDONED_AFTER_MS;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** One-time rewards granted in other years (paid or approved), so the engine never pays them again. */
function priorGrants(live: readonly RewardEntitlementRow[], year: number): PriorGrant[] {
  return live
    .filter((row) => row.year !== year && (row.status === "paid" || row.status === "approved"))
    .map((row) => row.one_time_key);
}

async function runRewardBatch(
  db: DbContext,
  districtId: string,
  batchId: number,
  actor: Actor,
  /** Told how far the batch is (its job's progress and heartbeat). */
  progress?: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const batch = await findBatch(db, districtId, batchId);
  if (!batch) throw new Error(`batch ${batchId} vanished`);
  const year = batch.year;
  // The plan version the batch names: its explanation records are written with it when read.
  const version = await compiledPlanVersion(db, districtId, { id: batch.plan_id, version: batch.plan_version });
  if (version === undefined) throw new Error(`方案 ${batch.plan_id} 第 ${batch.plan_version} 版不存在`);
  const { plan, compiled } = version;
  const register = await loadRewardRegister(db, districtId);
  const built = buildRewardInput(register, {
    baselineYear: plan.period.baselineYear,
    startYear: plan.period.startYear,
  });
  await declaredFactValuesOfDistrict(db, districtId, plan.facts, built.input.enterprises, built.enterpriseIdByCode);
  const liveBefore = await findLiveEntitlements(db, districtId);
  const alreadyGranted = priorGrants(liveBefore, year);

  const enterprises = built.input.enterprises;
  const projects = built.input.projects ?? [];
  const total = enterprises.length + 1;
  await updateBatch(db, batchId, { progress_total: total, progress_done: 0 });
  await progress?.(0, total);
  const results: Entitlement[] = [];
  let progressWritten = Date.now();
  for (let start = 0; start < enterprises.length || start === 0; start += CHUNK_SIZE) {
    const chunk = enterprises.slice(start, start + CHUNK_SIZE);
    const codes = new Set(chunk.map((enterprise) => enterprise.creditCode));
    const result = evaluateRewards(
      compiled,
      { enterprises: chunk, projects: projects.filter((project) => codes.has(project.creditCode)), alreadyGranted },
      // Why-nots are not stored: the why-not page evaluates its one enterprise again. Budgets and deductions span
      // the chunks: applied once below.
      { explain: true, whyNots: false, finalize: false },
    );
    for (const entitlement of result.entitlements) if (entitlement.year === year) results.push(entitlement);
    const done = Math.min(start + chunk.length, enterprises.length);
    if (Date.now() - progressWritten >= PROGRESS_WRITE_MS || done === enterprises.length) {
      progressWritten = Date.now();
      await updateBatch(db, batchId, { progress_done: done });
      await progress?.(done, total);
    }
    await yieldToEventLoop();
    if (chunk.length === 0) break;
  }

  const finished = finishYear(
    plan,
    compiled,
    results,
    liveBefore,
    await findRecoveriesByDeduction(db, districtId),
    year,
  );
  const summary = await inTransaction(db, (tx) =>
    applyResults(tx, districtId, batch, finished.entitlements, finished.deducted, built, actor),
  );
  // How each yearly budget was shared, kept with the batch: the pages running one enterprise read the ratio here.
  const budgets = batchBudgetShares(plan, results, liveBefore, year);
  await updateBatch(db, batchId, {
    status: "done",
    progress_done: total,
    summary_json: JSON.stringify({ ...summary, budgets }),
    finished_at: new Date().toISOString(),
  });
}

/**
 * The rules' yearly budgets over the whole year and the shortfalls deducted (the domain's `awardFinalizer`), once
 * every chunk ran. Awards of the year already paid keep their amount. A shortfall is what a recovery settled by
 * deduction still owes after what the enterprise's awards of other years deducted (counted against its oldest
 * recoveries first), deducted from awards of the years after the one it recovers.
 */
function finishYear(
  plan: PlanFile,
  compiled: CompiledRewardPlan,
  results: Entitlement[],
  live: readonly RewardEntitlementRow[],
  recoveries: Awaited<ReturnType<typeof findRecoveriesByDeduction>>,
  year: number,
): { entitlements: Entitlement[]; deducted: ReadonlyMap<string, bigint> } {
  const finalizer = compiled.awardFinalizer;
  if (finalizer == null) return { entitlements: results, deducted: new Map() };
  const paid = new Map<string, bigint>();
  const deductedElsewhere = new Map<string, bigint>();
  for (const row of live) {
    if (row.year === year && row.status === "paid" && row.amount_fen !== null)
      paid.set(row.one_time_key, BigInt(row.amount_fen));
    if (row.year !== year && row.status !== "rejected")
      deductedElsewhere.set(
        row.credit_code,
        (deductedElsewhere.get(row.credit_code) ?? 0n) + BigInt(row.deducted_fen ?? "0"),
      );
  }
  const shortfalls: Shortfall[] = [];
  for (const recovery of recoveries) {
    const owed = BigInt(recovery.amount_fen);
    const settled = deductedElsewhere.get(recovery.credit_code) ?? 0n;
    const counted = settled < owed ? settled : owed;
    deductedElsewhere.set(recovery.credit_code, settled - counted);
    if (owed - counted === 0n) continue;
    const rule = plan.rewards.find((each) => each.id === recovery.rule_id);
    shortfalls.push({
      creditCode: recovery.credit_code,
      // Zero-padded so that the domain's order by id is the order of the recoveries.
      id: String(recovery.id).padStart(12, "0"),
      amount: owed - counted,
      fromYear: recovery.year + 1,
      zh: `${recovery.year}年“${rule?.name ?? recovery.rule_id}”奖励追回（${recovery.recovered_on}）`,
      en: `the ${recovery.year} award "${rule?.nameEn ?? recovery.rule_id}" recovered (${recovery.recovered_on})`,
    });
  }
  const finished = finalizer.apply(results, { paid, shortfalls });
  const deducted = new Map<string, bigint>();
  for (const deduction of finished.deductions)
    deducted.set(deduction.key, (deducted.get(deduction.key) ?? 0n) + deduction.amount);
  return { entitlements: finished.entitlements, deducted };
}

async function applyResults(
  tx: DbContext,
  districtId: string,
  batch: RewardBatchRow,
  results: readonly Entitlement[],
  /** Per entitlement key, what was deducted from it for shortfalls. */
  deducted: ReadonlyMap<string, bigint>,
  built: ReturnType<typeof buildRewardInput>,
  actor: Actor,
): Promise<BatchSummary> {
  const now = new Date().toISOString();
  const year = batch.year;
  const planRef = { id: batch.plan_id, version: batch.plan_version };
  // Explanations are stored as records; compared, an entitlement is its key, year and amount, never its text.
  const stored = (entitlement: Entitlement) => storedExplanation(entitlement, planRef);
  const recompute = (await countFinishedBatches(tx, districtId, year)) > 0;
  const live = await findLiveEntitlements(tx, districtId);
  const liveByKey = new Map(live.map((row) => [row.one_time_key, row]));
  const events: Parameters<typeof insertEntitlementEvents>[1] = [];
  // Rows computed anew are written together once every change is known (after the rows they replace were
  // superseded); their events wait in place, in order, for the ids.
  const inserts: Parameters<typeof insertEntitlements>[1][number][] = [];
  const eventsOfInserts: { index: number; key: string }[] = [];
  const refreshes: Parameters<typeof refreshEntitlements>[3][number][] = [];
  const event = (
    entitlement: number | { key: string },
    action: string,
    from: string | null,
    to: string,
    reason: string | null,
  ) => {
    if (typeof entitlement !== "number") eventsOfInserts.push({ index: events.length, key: entitlement.key });
    events.push({
      district_id: districtId,
      entitlement_id: typeof entitlement === "number" ? entitlement : 0,
      action,
      from_status: from,
      to_status: to,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      reason,
      at: now,
    });
  };
  const summary: BatchSummary = {
    entitlements: results.length,
    totalFen: "0",
    created: 0,
    changed: 0,
    superseded: 0,
    unchanged: 0,
    corrections: 0,
  };
  let totalFen = 0n;
  // Per enterprise, the entitlements this batch puts before it to confirm (new, or replacing a changed one).
  const toConfirm = new Map<number, { count: number; fen: bigint; undecided: number }>();

  const insertFrom = (entitlement: Entitlement, flag: "new" | "changed" | null, replaced?: RewardEntitlementRow) => {
    const projectId =
      entitlement.ruleId.startsWith("R-PROJ") && entitlement.subjectId
        ? (built.projectIdByCode.get(entitlement.subjectId) ?? null)
        : null;
    inserts.push({
      district_id: districtId,
      batch_id: batch.id,
      enterprise_id: built.enterpriseIdByCode.get(entitlement.creditCode) ?? null,
      project_id: projectId,
      credit_code: entitlement.creditCode,
      rule_id: entitlement.ruleId,
      tier: entitlement.tier,
      subject_id: entitlement.subjectId ?? null,
      year: entitlement.year,
      amount_fen: entitlement.amount === null ? null : entitlement.amount.toString(),
      deducted_fen: (deducted.get(entitlement.key) ?? 0n).toString(),
      clause: entitlement.clause,
      explanation_json: stored(entitlement),
      status: "computed",
      one_time_key: entitlement.key,
      change_flag: flag,
      previous_amount_fen: replaced?.amount_fen ?? null,
      // The bank account given for the replaced row stays as a suggestion; the enterprise confirms again.
      bank_account_name: replaced?.bank_account_name ?? null,
      bank_name: replaced?.bank_name ?? null,
      bank_account_no: replaced?.bank_account_no ?? null,
      voucher_no: null,
      paid_on: null,
      reason: null,
      created_at: now,
      updated_at: now,
      // Waits for the plan's first step (read from its status).
      workflow_step: null,
    });
    event(entitlement, flag === "changed" ? "recompute" : "compute", null, "computed", null);
    const enterpriseId = built.enterpriseIdByCode.get(entitlement.creditCode);
    if (enterpriseId !== undefined) {
      const line = toConfirm.get(enterpriseId) ?? { count: 0, fen: 0n, undecided: 0 };
      line.count++;
      if (entitlement.amount === null) line.undecided++;
      else line.fen += entitlement.amount;
      toConfirm.set(enterpriseId, line);
    }
  };

  const supersede = async (row: RewardEntitlementRow, reason: string) => {
    const moved = await transitionEntitlement(tx, row.id, REPLACEABLE, {
      status: "superseded",
      workflow_step: null,
      reason,
      updated_at: now,
    });
    if (moved) {
      event(row.id, "supersede", row.status, "superseded", reason);
      summary.superseded++;
    }
    return moved;
  };

  const correction = async (row: RewardEntitlementRow, recomputed: Entitlement | null) => {
    const paid = BigInt(row.amount_fen ?? "0");
    // R-500 is decided case by case: there is no computed amount to compare with.
    if (recomputed !== null && recomputed.amount === null) return;
    const recomputedFen = recomputed?.amount ?? 0n;
    const difference = recomputedFen - paid;
    if (difference === 0n) return;
    const open = await findOpenCorrection(tx, row.id);
    const values = {
      batch_id: batch.id,
      recomputed_amount_fen: recomputed ? recomputedFen.toString() : null,
      difference_fen: difference.toString(),
      explanation_json: recomputed ? stored(recomputed) : null,
    };
    if (open) await replaceOpenCorrection(tx, open.id, values);
    else
      await insertCorrection(tx, {
        district_id: districtId,
        entitlement_id: row.id,
        one_time_key: row.one_time_key,
        paid_amount_fen: paid.toString(),
        status: "open",
        reason: null,
        created_at: now,
        resolved_at: null,
        resolved_by: null,
        ...values,
      });
    summary.corrections++;
  };

  const seen = new Set<string>();
  for (const entitlement of results) {
    seen.add(entitlement.key);
    if (entitlement.amount !== null) totalFen += entitlement.amount;
    const existing = liveByKey.get(entitlement.key);
    if (!existing) {
      insertFrom(entitlement, recompute ? "new" : null);
      summary.created++;
      continue;
    }
    if (existing.status === "paid") {
      if (existing.year === year) await correction(existing, entitlement);
      else summary.unchanged++;
      continue;
    }
    if (existing.status === "rejected") {
      summary.unchanged++;
      continue;
    }
    const sameAmount =
      entitlement.amount === null ||
      (existing.amount_fen !== null && BigInt(existing.amount_fen) === entitlement.amount);
    if (sameAmount && existing.year === entitlement.year) {
      refreshes.push({ id: existing.id, explanation_json: stored(entitlement) });
      summary.unchanged++;
      continue;
    }
    const reason =
      existing.year !== entitlement.year ? `重新计算后该奖励属于 ${entitlement.year} 年度` : "重新计算后金额变化";
    if (await supersede(existing, reason)) {
      insertFrom(entitlement, "changed", existing);
      summary.changed++;
    }
  }

  // Entitlements of this year that the recompute no longer finds.
  for (const row of live) {
    if (row.year !== year || seen.has(row.one_time_key)) continue;
    if (row.status === "paid") await correction(row, null);
    else if (row.status !== "rejected") await supersede(row, "重新计算后不再符合奖励条件");
  }

  await refreshEntitlements(tx, batch.id, now, refreshes);
  const idByKey = await insertEntitlements(tx, inserts);
  for (const { index, key } of eventsOfInserts) {
    const id = idByKey.get(key);
    const waiting = events[index];
    if (id === undefined || waiting === undefined) throw new Error(`entitlement ${key} was not written`);
    waiting.entitlement_id = id;
  }
  await insertEntitlementEvents(tx, events);
  await notifyRewardsToConfirm(tx, districtId, batch, toConfirm);
  summary.totalFen = totalFen.toString();
  await recordAudit(tx, {
    districtId,
    actor,
    action: recompute ? "recompute" : "compute",
    entityType: "reward_batch",
    entityId: batch.id,
    after: { year, ...summary },
  });
  return summary;
}

/**
 * 免申即享: each account of an enterprise the batch gave entitlements to confirm gets one notice for the batch
 * (how many, and their total), written a few hundred rows per statement; enterprises without accounts get none.
 */
async function notifyRewardsToConfirm(
  tx: DbContext,
  districtId: string,
  batch: RewardBatchRow,
  toConfirm: ReadonlyMap<number, { count: number; fen: bigint; undecided: number }>,
): Promise<void> {
  const ids = [...toConfirm.keys()];
  const accounts = new Map<number, number[]>();
  for (let start = 0; start < ids.length; start += 1000) {
    for (const account of await findEnterpriseAccounts(tx, districtId, ids.slice(start, start + 1000))) {
      const list = accounts.get(account.enterprise_id) ?? [];
      list.push(account.id);
      accounts.set(account.enterprise_id, list);
    }
  }
  const notices: UsersNotice[] = [];
  for (const [enterpriseId, userIds] of accounts) {
    const line = toConfirm.get(enterpriseId);
    if (!line) continue;
    const message = rewardsToConfirmMessage(batch.year, line);
    notices.push({
      districtId,
      userIds,
      kind: "rewards-to-confirm",
      message,
      link: "/my-rewards",
      dedupeKey: rewardsToConfirmKey(batch.year, batch.id, enterpriseId),
    });
  }
  await notifyUsersInBulk(tx, notices);
}
