/**
 * The PostgreSQL job queue (graphile-worker, decision 009): every app process runs a worker on the same database,
 * so a job asked for on one process may run on any; the hourly jobs are triggered by its crontab, which schedules
 * each tick once across all processes. The product's own records (background_jobs, scheduled_runs) stay the
 * source of truth for progress, lines and outcomes; the queue only says who runs what, and when.
 */
import { Logger, parseCronItems, type Runner, run } from "graphile-worker";
import { sql } from "kysely";
import type { DbContext } from "../db/database";
import type { JobLog, ScheduledJob } from "./job-definitions";
import { executeJob, type JobDispatcher, runScheduledJob } from "./job-executor";

const JOB_TASK = "beizeng_job";
const SCHEDULED_TASK = "beizeng_scheduled";

export interface PostgresQueueOptions {
  connectionString: string;
  schedules: readonly ScheduledJob[];
  log?: JobLog;
  /** Jobs one process runs at once (default 2: the work is mostly the database's). */
  concurrency?: number;
}

/**
 * The queue's own schema: graphile_worker beside the application's tables in `public`; next to a named schema
 * (a test's scratch schema) `<schema>_graphile_worker`, so that databases sharing a server never share a queue.
 */
export async function queueSchemaFor(db: DbContext): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]?.schema ?? "public";
  return schema === "public" ? "graphile_worker" : `${schema}_graphile_worker`;
}

export class PostgresJobQueue implements JobDispatcher {
  readonly kind = "postgres-queue" as const;
  private stopped = false;

  private constructor(private readonly runner: Runner) {
    void runner.promise.finally(() => {
      this.stopped = true;
    });
  }

  static async start(db: DbContext, options: PostgresQueueOptions): Promise<PostgresJobQueue> {
    const { log } = options;
    const byName = new Map(options.schedules.map((scheduled) => [scheduled.name, scheduled]));
    let queue: PostgresJobQueue | undefined;
    const runner = await run({
      connectionString: options.connectionString,
      schema: await queueSchemaFor(db),
      concurrency: options.concurrency ?? 2,
      // The server stops the queue itself when it stops.
      noHandleSignals: true,
      logger: new Logger(() => (level, message) => {
        if (level === "error" || level === "warning") log?.warn({ queue: "graphile-worker" }, message);
      }),
      taskList: {
        [JOB_TASK]: async (payload) => {
          const { id } = payload as { id: string };
          if (!queue) throw new Error("job queue not ready");
          await executeJob(db, id, queue, log);
        },
        [SCHEDULED_TASK]: async (payload) => {
          const { name, _cron } = payload as { name: string; _cron?: { ts?: string } };
          const scheduled = byName.get(name);
          if (!scheduled) return;
          await runScheduledJob(db, scheduled, _cron?.ts ? new Date(_cron.ts) : new Date(), log);
        },
      },
      parsedCronItems: parseCronItems(
        options.schedules.map((scheduled) => ({
          task: SCHEDULED_TASK,
          match: `${scheduled.minute} * * * *`,
          identifier: `beizeng_${scheduled.name}`,
          payload: { name: scheduled.name },
        })),
      ),
    });
    queue = new PostgresJobQueue(runner);
    return queue;
  }

  async dispatch(job: { id: string }): Promise<void> {
    // One queue entry per job (a job recovered after a lost process is sent again under the same key).
    await this.runner.addJob(
      JOB_TASK,
      { id: job.id },
      { jobKey: `${JOB_TASK}:${job.id}`, jobKeyMode: "preserve_run_at", maxAttempts: 10 },
    );
  }

  healthy(): boolean {
    return !this.stopped;
  }

  /** Lets running jobs finish (their line goes on in another process otherwise) and stops taking new ones. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.runner.stop();
  }
}
