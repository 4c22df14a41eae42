/**
 * Starts the jobs of a server process: on PostgreSQL the shared queue (any number of processes), on SQLite the
 * in-process runner (one process). Either way: jobs that lost their process are sent again, and each hourly job
 * runs once per hour — this hour's run is tried at start, so a fresh deployment does not wait an hour.
 */
import { type DbContext, databaseConfigFromEnv } from "../db/database";
import { InProcessJobRunner } from "./in-process-runner";
import type { JobLog, ScheduledJob } from "./job-definitions";
import { type JobDispatcher, runScheduledJob, STALE_AFTER_MS } from "./job-executor";
import { recoverJobs, useJobDispatcher } from "./jobs.service";
import { PostgresJobQueue } from "./postgres-queue";

/** How often each process looks for jobs that lost their process. */
const RECOVERY_INTERVAL_MS = 60_000;

export interface JobsRuntimeOptions {
  /** The PostgreSQL URL the queue connects with (its own small pool: a long job never takes the requests' connections). */
  connectionString?: string;
  schedules: readonly ScheduledJob[];
  log?: JobLog;
}

export interface JobsRuntime {
  dispatcher: JobDispatcher;
  /** This hour's scheduled runs tried at start (tests wait for them). */
  started: Promise<void>;
  stop(): Promise<void>;
}

/** Milliseconds from `now` to the next time the clock shows `minute` past the hour. */
export function untilMinute(minute: number, now: Date): number {
  const next = new Date(now);
  next.setUTCMinutes(minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setUTCHours(next.getUTCHours() + 1);
  return next.getTime() - now.getTime();
}

export async function startJobs(db: DbContext, options: JobsRuntimeOptions): Promise<JobsRuntime> {
  const { schedules, log } = options;
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };
  let dispatcher: JobDispatcher;
  let stopDispatcher: () => Promise<void>;
  const connectionString = options.connectionString ?? databaseConfigFromEnv().url;
  if (db.dialect === "postgres" && connectionString) {
    const queue = await PostgresJobQueue.start(db, { connectionString, schedules, ...(log ? { log } : {}) });
    dispatcher = queue;
    stopDispatcher = () => queue.stop();
    useJobDispatcher(db, dispatcher);
    const recover = () =>
      track(recoverJobs(db, new Date(Date.now() - STALE_AFTER_MS).toISOString(), log)).catch((error: unknown) =>
        log?.warn({ err: error }, "job recovery failed"),
      );
    await recover();
    const timer = setInterval(recover, RECOVERY_INTERVAL_MS);
    timer.unref();
    timers.push(timer);
  } else {
    const runner = new InProcessJobRunner(db, log);
    dispatcher = runner;
    stopDispatcher = () => runner.idle();
    useJobDispatcher(db, dispatcher);
    // One process: whatever was running when it stopped is its own to run again, from the start.
    await db.kysely.updateTable("background_jobs").set({ status: "queued" }).where("status", "=", "running").execute();
    await recoverJobs(db, new Date(Date.now() + 1).toISOString(), log);
    for (const scheduled of schedules) {
      const tick = () => {
        const timer = setTimeout(
          () => {
            void track(runScheduledJob(db, scheduled, new Date(), log));
            tick();
          },
          untilMinute(scheduled.minute, new Date()),
        );
        timer.unref();
        timers[schedules.indexOf(scheduled)] = timer;
      };
      tick();
    }
  }
  const started = track(
    Promise.all(schedules.map((scheduled) => runScheduledJob(db, scheduled, new Date(), log))).then(() => undefined),
  );
  return {
    dispatcher,
    started,
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
      await stopDispatcher();
    },
  };
}
