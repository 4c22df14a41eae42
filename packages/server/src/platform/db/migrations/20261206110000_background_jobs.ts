/**
 * Background jobs and scheduled runs. A job row is the product's record of long work (a reward batch, an import):
 * its progress, its place in line and its outcome, read by every app process. `active_key` holds the job's
 * dedupe key while it is queued or running and is unique, so a second request for the same work finds the job
 * that is already there instead of starting another. A scheduled run is claimed by its name and time slot, so
 * each hourly run happens once however many processes are up.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type Kysely, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("background_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("district_id", "text", (c) => c.references("districts.id"))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("line_key", "text")
    .addColumn("dedupe_key", "text")
    .addColumn("active_key", "text", (c) => c.unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("payload_json", "text", (c) => c.notNull())
    .addColumn("result_json", "text")
    .addColumn("error_message", "text")
    .addColumn("progress_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("progress_total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("heartbeat_at", "text")
    .addColumn("finished_at", "text")
    .addCheckConstraint("background_jobs_status_check", sql`status in ('queued', 'running', 'done', 'failed')`)
    .execute();
  await db.schema
    .createIndex("background_jobs_line_idx")
    .on("background_jobs")
    .columns(["line_key", "status", "created_at"])
    .execute();
  await db.schema.createIndex("background_jobs_dedupe_idx").on("background_jobs").columns(["dedupe_key"]).execute();
  await db.schema.createIndex("background_jobs_status_idx").on("background_jobs").columns(["status"]).execute();

  await db.schema
    .createTable("scheduled_runs")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slot", "text", (c) => c.notNull())
    .addColumn("host", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error_message", "text")
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addPrimaryKeyConstraint("scheduled_runs_pk", ["name", "slot"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("scheduled_runs").execute();
  await db.schema.dropTable("background_jobs").execute();
}
