import { type Insertable, sql, type Updateable } from "kysely";
import type { DbContext } from "../db/database";
import type { BackgroundJobRow, BackgroundJobTable, ScheduledRunRow } from "./jobs.table";

export async function insertBackgroundJob(db: DbContext, row: Insertable<BackgroundJobTable>): Promise<void> {
  await db.kysely.insertInto("background_jobs").values(row).execute();
}

export async function findBackgroundJob(db: DbContext, id: string): Promise<BackgroundJobRow | undefined> {
  return db.kysely.selectFrom("background_jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The job queued or running under this dedupe key, if any. */
export async function findActiveJob(db: DbContext, dedupeKey: string): Promise<BackgroundJobRow | undefined> {
  return db.kysely.selectFrom("background_jobs").selectAll().where("active_key", "=", dedupeKey).executeTakeFirst();
}

/** The latest job asked for under this dedupe key, active or finished. */
export async function findLatestJob(db: DbContext, dedupeKey: string): Promise<BackgroundJobRow | undefined> {
  return db.kysely
    .selectFrom("background_jobs")
    .selectAll()
    .where("dedupe_key", "=", dedupeKey)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function updateBackgroundJob(
  db: DbContext,
  id: string,
  patch: Updateable<BackgroundJobTable>,
): Promise<void> {
  await db.kysely.updateTable("background_jobs").set(patch).where("id", "=", id).execute();
}

/** Holds the line until the transaction ends (PostgreSQL; SQLite's write transactions already queue). */
export async function lockLine(db: DbContext, lineKey: string): Promise<void> {
  if (db.dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtext(${lineKey}))`.execute(db.kysely);
}

/** A job of the line that runs now with a live heartbeat, other than `exceptId`. */
export async function findLiveRunnerOfLine(
  db: DbContext,
  lineKey: string,
  staleBefore: string,
  exceptId: string,
): Promise<BackgroundJobRow | undefined> {
  return db.kysely
    .selectFrom("background_jobs")
    .selectAll()
    .where("line_key", "=", lineKey)
    .where("status", "=", "running")
    .where("heartbeat_at", ">=", staleBefore)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
}

/** The queued jobs of a line, first asked first. */
export async function queuedJobsOfLine(db: DbContext, lineKey: string): Promise<BackgroundJobRow[]> {
  return db.kysely
    .selectFrom("background_jobs")
    .selectAll()
    .where("line_key", "=", lineKey)
    .where("status", "=", "queued")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** How many jobs of the line are ahead of one asked for at `createdAt` (queued before it, or running). */
export async function countAheadInLine(db: DbContext, lineKey: string, createdAt: string, id: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("background_jobs")
    .select((eb) => eb.fn.countAll<number>().as("ahead"))
    .where("line_key", "=", lineKey)
    .where("id", "!=", id)
    .where((eb) =>
      eb.or([
        eb("status", "=", "running"),
        eb.and([
          eb("status", "=", "queued"),
          eb.or([eb("created_at", "<", createdAt), eb.and([eb("created_at", "=", createdAt), eb("id", "<", id)])]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.ahead);
}

/** Jobs that lost their process (running without a heartbeat since `staleBefore`) or were never picked up. */
export async function findJobsToRecover(db: DbContext, staleBefore: string): Promise<BackgroundJobRow[]> {
  return db.kysely
    .selectFrom("background_jobs")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "running"), eb("heartbeat_at", "<", staleBefore)]),
        eb.and([eb("status", "=", "queued"), eb("created_at", "<", staleBefore)]),
      ]),
    )
    .orderBy("created_at")
    .execute();
}

export async function countJobsByStatus(db: DbContext): Promise<Record<string, number>> {
  const rows = await db.kysely
    .selectFrom("background_jobs")
    .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("status", "in", ["queued", "running"])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

/** Claims a scheduled run; false when another process (or an earlier start) already has it. */
export async function claimScheduledRun(
  db: DbContext,
  run: { name: string; slot: string; host: string; startedAt: string },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto("scheduled_runs")
    .values({ name: run.name, slot: run.slot, host: run.host, status: "running", started_at: run.startedAt })
    .onConflict((conflict) => conflict.columns(["name", "slot"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function finishScheduledRun(
  db: DbContext,
  key: { name: string; slot: string },
  outcome: { status: "done" | "failed"; errorMessage: string | null; finishedAt: string },
): Promise<void> {
  await db.kysely
    .updateTable("scheduled_runs")
    .set({ status: outcome.status, error_message: outcome.errorMessage, finished_at: outcome.finishedAt })
    .where("name", "=", key.name)
    .where("slot", "=", key.slot)
    .execute();
}

/** The latest run of each scheduled job. */
export async function lastScheduledRuns(db: DbContext): Promise<ScheduledRunRow[]> {
  const latest = db.kysely
    .selectFrom("scheduled_runs")
    .select(["name", (eb) => eb.fn.max("slot").as("slot")])
    .groupBy("name")
    .as("latest");
  return db.kysely
    .selectFrom("scheduled_runs as r")
    .innerJoin(latest, (join) => join.onRef("latest.name", "=", "r.name").onRef("latest.slot", "=", "r.slot"))
    .selectAll("r")
    .orderBy("r.name")
    .execute();
}

export async function scheduledRunsOf(db: DbContext, name: string): Promise<ScheduledRunRow[]> {
  return db.kysely.selectFrom("scheduled_runs").selectAll().where("name", "=", name).orderBy("slot").execute();
}
