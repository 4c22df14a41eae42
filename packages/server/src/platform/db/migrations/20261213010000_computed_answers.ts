/**
 * The dashboards' answers kept by the database (`computed_answers`): one row per district, answer (the dashboard,
 * the targets page, the public board) and month asked for, holding the answer's JSON as sent and the two counters
 * of the district's data version it was computed at. A process started afresh answers from it at once while the
 * data has not moved, and every process of a district shares it. `compute_ms` is how long the computation took,
 * which tells a large district (served its last answer while a newer one is computed) from a small one.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("computed_answers")
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("audit_seq", "integer", (c) => c.notNull())
    .addColumn("figures_version", "integer", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("compute_ms", "integer", (c) => c.notNull())
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("computed_answers_pk", ["district_id", "name", "as_of"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("computed_answers").execute();
}
