/** What the health endpoint reports: the database, the job queue and the last scheduled runs. */
import { sql } from "kysely";
import type { DbContext } from "../db/database";
import { countJobsByStatus, lastScheduledRuns } from "./jobs.repository";
import { jobDispatcherFor } from "./jobs.service";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { ok: boolean; dialect: DbContext["dialect"]; latencyMs: number | null };
  jobs: { runner: "postgres-queue" | "in-process"; ok: boolean; queued: number; running: number };
  scheduled: {
    name: string;
    slot: string;
    status: "running" | "done" | "failed";
    startedAt: string;
    finishedAt: string | null;
  }[];
}

export async function healthReport(db: DbContext): Promise<HealthReport> {
  const dispatcher = jobDispatcherFor(db);
  const started = performance.now();
  try {
    await sql`select 1`.execute(db.kysely);
  } catch {
    return {
      status: "degraded",
      database: { ok: false, dialect: db.dialect, latencyMs: null },
      jobs: { runner: dispatcher.kind, ok: false, queued: 0, running: 0 },
      scheduled: [],
    };
  }
  const latencyMs = Math.round(performance.now() - started);
  const counts = await countJobsByStatus(db);
  const runs = await lastScheduledRuns(db);
  const queueOk = dispatcher.healthy();
  return {
    status: queueOk ? "ok" : "degraded",
    database: { ok: true, dialect: db.dialect, latencyMs },
    jobs: { runner: dispatcher.kind, ok: queueOk, queued: counts.queued ?? 0, running: counts.running ?? 0 },
    scheduled: runs.map((run) => ({
      name: run.name,
      slot: run.slot,
      status: run.status,
      startedAt: run.started_at,
      finishedAt: run.finished_at,
    })),
  };
}
