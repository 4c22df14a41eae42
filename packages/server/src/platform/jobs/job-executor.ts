/**
 * Runs one background job wherever it is picked up: claims it (one runner per job, one job at a time per line),
 * runs its definition with progress and a heartbeat, records the outcome, then hands the line to the next job.
 * Scheduled runs are claimed by name and hour, so they happen once across processes.
 */
import { hostname } from "node:os";
import type { DbContext } from "../db/database";
import { inTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { type JobContext, type JobLog, jobDefinitionOf, type ScheduledJob } from "./job-definitions";
import {
  claimScheduledRun,
  findBackgroundJob,
  findLiveRunnerOfLine,
  finishScheduledRun,
  lockLine,
  queuedJobsOfLine,
  updateBackgroundJob,
} from "./jobs.repository";
import type { BackgroundJobRow } from "./jobs.table";

/** How often a running job says it is alive. */
const HEARTBEAT_MS = 15_000;
/** A running job silent for this long lost its process: another runner takes it over. */
export const STALE_AFTER_MS = 90_000;
/** Progress is written at most this often (the last step always). */
const PROGRESS_WRITE_MS = 250;

/** Where jobs are sent to run: the PostgreSQL queue, or this process. */
export interface JobDispatcher {
  readonly kind: "postgres-queue" | "in-process";
  dispatch(job: Pick<BackgroundJobRow, "id">): Promise<void>;
  /** Whether it can take jobs now (its workers are up). */
  healthy(): boolean;
}

export const PROCESS_NAME = `${hostname()}:${process.pid}`;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The job's message for the user: a product error's own Chinese words, else a generic one naming the cause. */
export function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return /[\u4e00-\u9fff]/.test(message) ? message : `后台任务失败：${message}`;
}

/** Takes the job to run it; undefined when it is finished, alive elsewhere, or waiting for its line. */
async function claimJob(db: DbContext, id: string): Promise<BackgroundJobRow | undefined> {
  return inTransaction(db, async (tx) => {
    const first = await findBackgroundJob(tx, id);
    if (!first || first.status === "done" || first.status === "failed") return undefined;
    if (first.line_key) await lockLine(tx, first.line_key);
    // Read again under the line's lock: another runner may have taken it meanwhile.
    const job = await findBackgroundJob(tx, id);
    if (!job) return undefined;
    const now = Date.now();
    const staleBefore = iso(now - STALE_AFTER_MS);
    const takeOver = job.status === "running" && (job.heartbeat_at ?? "") < staleBefore;
    if (job.status !== "queued" && !takeOver) return undefined;
    if (job.line_key) {
      if (await findLiveRunnerOfLine(tx, job.line_key, staleBefore, job.id)) return undefined;
      if (!takeOver) {
        const [head] = await queuedJobsOfLine(tx, job.line_key);
        if (head && head.id !== job.id) return undefined;
      }
    }
    const claimed = {
      status: "running" as const,
      started_at: iso(now),
      heartbeat_at: iso(now),
      attempts: job.attempts + 1,
      progress_done: 0,
    };
    await updateBackgroundJob(tx, job.id, claimed);
    return { ...job, ...claimed };
  });
}

/** Runs the job if it is this runner's to run (see claimJob); never throws for the job's own failure. */
export async function executeJob(db: DbContext, id: string, dispatcher: JobDispatcher, log?: JobLog): Promise<void> {
  const job = await claimJob(db, id);
  if (!job) {
    await dispatchHeadOfLine(db, id, dispatcher);
    return;
  }
  const definition = jobDefinitionOf(job.kind);
  const heartbeat = setInterval(() => {
    void updateBackgroundJob(db, job.id, { heartbeat_at: new Date().toISOString() }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let lastWrite = 0;
  let total = job.progress_total;
  const payload = JSON.parse(job.payload_json) as unknown;
  const context: JobContext<unknown> = {
    db,
    job,
    payload,
    log,
    progress: async (done, newTotal) => {
      if (newTotal !== undefined) total = newTotal;
      const now = Date.now();
      if (now - lastWrite < PROGRESS_WRITE_MS && done < total && newTotal === undefined) return;
      lastWrite = now;
      await updateBackgroundJob(db, job.id, {
        progress_done: done,
        progress_total: total,
        heartbeat_at: iso(now),
      });
    },
  };
  try {
    if (!definition) throw new Error(`未知的后台任务类型 ${job.kind}`);
    const result = await definition.run(context);
    await updateBackgroundJob(db, job.id, {
      status: "done",
      active_key: null,
      result_json: result === undefined ? null : JSON.stringify(result),
      progress_done: Math.max(total, 0),
      finished_at: new Date().toISOString(),
    });
  } catch (error) {
    const message = failureMessage(error);
    log?.warn({ err: error, job: job.id, kind: job.kind }, "background job failed");
    await updateBackgroundJob(db, job.id, {
      status: "failed",
      active_key: null,
      error_message: message,
      finished_at: new Date().toISOString(),
    });
    await definition?.failed?.(db, payload, message).catch((failure: unknown) => {
      log?.warn({ err: failure, job: job.id }, "marking a failed job failed");
    });
  } finally {
    clearInterval(heartbeat);
  }
  await dispatchHeadOfLine(db, job.id, dispatcher);
}

/** Sends the first job waiting in this job's line to run, if any. */
async function dispatchHeadOfLine(db: DbContext, id: string, dispatcher: JobDispatcher): Promise<void> {
  const job = await findBackgroundJob(db, id);
  if (!job?.line_key) return;
  const [head] = await queuedJobsOfLine(db, job.line_key);
  if (head && head.id !== id) await dispatcher.dispatch(head);
}

/** The hour a scheduled run belongs to (UTC). */
export function scheduledSlot(at: Date): string {
  return at.toISOString().slice(0, 13);
}

/** Runs the scheduled job for the hour of `at` unless it has run (or runs) for that hour already. */
export async function runScheduledJob(
  db: DbContext,
  scheduled: ScheduledJob,
  at: Date,
  log?: JobLog,
): Promise<"ran" | "failed" | "taken"> {
  const key = { name: scheduled.name, slot: scheduledSlot(at) };
  const claimed = await claimScheduledRun(db, { ...key, host: PROCESS_NAME, startedAt: new Date().toISOString() });
  if (!claimed) return "taken";
  try {
    await scheduled.run(db);
    await finishScheduledRun(db, key, { status: "done", errorMessage: null, finishedAt: new Date().toISOString() });
    return "ran";
  } catch (error) {
    log?.warn({ err: error, scheduled: scheduled.name }, "scheduled job failed");
    await finishScheduledRun(db, key, {
      status: "failed",
      errorMessage: failureMessage(error),
      finishedAt: new Date().toISOString(),
    }).catch(() => undefined);
    return "failed";
  }
}
