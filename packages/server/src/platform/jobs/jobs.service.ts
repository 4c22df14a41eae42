/**
 * Asking for long work and following it: a capability inserts a job (joining the one already queued or running
 * for the same work), dispatches it once committed, and shows its progress and place in line.
 */
import { randomUUID } from "node:crypto";
import type { DbContext } from "../db/database";
import { InProcessJobRunner } from "./in-process-runner";
import type { JobDefinition, JobLog } from "./job-definitions";
import type { JobDispatcher } from "./job-executor";
import {
  countAheadInLine,
  findActiveJob,
  findBackgroundJob,
  findJobsToRecover,
  insertBackgroundJob,
} from "./jobs.repository";
import type { BackgroundJobRow } from "./jobs.table";

const dispatchers = new WeakMap<object, JobDispatcher>();

/** Jobs asked for on this database go to `dispatcher` (the server sets the PostgreSQL queue or its runner). */
export function useJobDispatcher(db: DbContext, dispatcher: JobDispatcher): void {
  dispatchers.set(db.kysely, dispatcher);
}

/** Where this database's jobs go; without a queue set up (tests, the command line) they run in this process. */
export function jobDispatcherFor(db: DbContext): JobDispatcher {
  let dispatcher = dispatchers.get(db.kysely);
  if (!dispatcher) {
    dispatcher = new InProcessJobRunner(db);
    dispatchers.set(db.kysely, dispatcher);
  }
  return dispatcher;
}

export interface JobRequest<Payload> {
  definition: JobDefinition<Payload>;
  districtId: string | null;
  createdBy: number | null;
  /** Jobs of one line run one at a time, first asked first (e.g. one district's imports). */
  lineKey?: string;
  /** The same work asked for again joins the job queued or running under this key. */
  dedupeKey?: string;
  payload: Payload;
}

/** The same work is already queued or running: `dedupeKey` finds it once the caller's transaction is over. */
export class DuplicateJobError extends Error {
  constructor(readonly dedupeKey: string) {
    super(`job ${dedupeKey} is already queued or running`);
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

let lastAskedAt = 0;

/**
 * When a job is asked for, strictly later than the one asked before it in this process: a line serves the first
 * asked first, and two jobs asked within one millisecond would otherwise fall back to their random ids' order.
 */
function askedAt(): string {
  lastAskedAt = Math.max(Date.now(), lastAskedAt + 1);
  return new Date(lastAskedAt).toISOString();
}

/**
 * Writes the job (queued), in the caller's transaction if any; send it with `dispatchJob` once committed.
 * Throws DuplicateJobError when the same work is queued or running: the unique active key, not a prior read,
 * decides, so two processes asking at once get one job.
 */
export async function insertJob<Payload>(db: DbContext, request: JobRequest<Payload>): Promise<BackgroundJobRow> {
  const row: BackgroundJobRow = {
    id: randomUUID(),
    kind: request.definition.kind,
    district_id: request.districtId,
    created_by: request.createdBy,
    line_key: request.lineKey ?? null,
    dedupe_key: request.dedupeKey ?? null,
    active_key: request.dedupeKey ?? null,
    status: "queued",
    payload_json: JSON.stringify(request.payload),
    result_json: null,
    error_message: null,
    progress_done: 0,
    progress_total: 0,
    attempts: 0,
    created_at: askedAt(),
    started_at: null,
    heartbeat_at: null,
    finished_at: null,
  };
  try {
    await insertBackgroundJob(db, row);
  } catch (error) {
    if (request.dedupeKey && isUniqueViolation(error)) throw new DuplicateJobError(request.dedupeKey);
    throw error;
  }
  return row;
}

export async function dispatchJob(db: DbContext, job: Pick<BackgroundJobRow, "id">): Promise<void> {
  await jobDispatcherFor(db).dispatch(job);
}

/** Asks for the work and sends it; when the same work is already asked for, answers that job (`joined`). */
export async function submitJob<Payload>(
  db: DbContext,
  request: JobRequest<Payload>,
): Promise<{ job: BackgroundJobRow; joined: boolean }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const job = await insertJob(db, request);
      await dispatchJob(db, job);
      return { job, joined: false };
    } catch (error) {
      if (!(error instanceof DuplicateJobError)) throw error;
      const active = await findActiveJob(db, error.dedupeKey);
      if (active) return { job: active, joined: true };
      // It finished between the insert and the read: ask again (once).
      if (attempt > 0) throw error;
    }
  }
}

export { findActiveJob, findBackgroundJob };

/** A job as pages follow it: its state, progress and how many jobs of its line are ahead of it. */
export interface JobProgress {
  id: string;
  status: BackgroundJobRow["status"];
  done: number;
  total: number;
  /** Jobs of the same line ahead of this one while it waits; null once it runs or has finished. */
  ahead: number | null;
  error: string | null;
}

export async function jobProgress(db: DbContext, job: BackgroundJobRow): Promise<JobProgress> {
  const ahead =
    job.status === "queued" && job.line_key ? await countAheadInLine(db, job.line_key, job.created_at, job.id) : null;
  return {
    id: job.id,
    status: job.status,
    done: job.progress_done,
    total: job.progress_total,
    ahead,
    error: job.error_message,
  };
}

/** Waits until the job has finished (read from the database: it may run in any process) or `timeoutMs` passed. */
export async function waitForJob(
  db: DbContext,
  id: string,
  timeoutMs = 120_000,
): Promise<BackgroundJobRow | undefined> {
  const until = Date.now() + timeoutMs;
  let pause = 20;
  for (;;) {
    const job = await findBackgroundJob(db, id);
    if (!job || job.status === "done" || job.status === "failed" || Date.now() >= until) return job;
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 250);
  }
}

/** Sends again the jobs that lost their process or were never picked up (each is claimed once). */
export async function recoverJobs(db: DbContext, staleBefore: string, log?: JobLog): Promise<number> {
  const jobs = await findJobsToRecover(db, staleBefore);
  for (const job of jobs) {
    await dispatchJob(db, job).catch((error: unknown) => log?.warn({ err: error, job: job.id }, "job not sent"));
  }
  return jobs.length;
}
