/**
 * Runs jobs inside this process: SQLite's one process, and the integration tests. The same definitions, claims and
 * lines as the PostgreSQL queue; a job is started on the next turn of the event loop, after the request that asked
 * for it has committed.
 */
import type { DbContext } from "../db/database";
import type { JobLog } from "./job-definitions";
import { executeJob, type JobDispatcher } from "./job-executor";

export class InProcessJobRunner implements JobDispatcher {
  readonly kind = "in-process" as const;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: DbContext,
    private readonly log?: JobLog,
  ) {}

  async dispatch(job: { id: string }): Promise<void> {
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => executeJob(this.db, job.id, this, this.log))
      .catch((error: unknown) => this.log?.warn({ err: error, job: job.id }, "background job could not run"));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  healthy(): boolean {
    return true;
  }

  /** Resolves when no job of this process is running (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
