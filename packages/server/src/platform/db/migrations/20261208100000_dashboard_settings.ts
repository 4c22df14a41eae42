/**
 * The office's settings of its dashboards: how much of the above-scale directory must have reported a month before
 * the dashboards read up to that month (in thousandths). Frozen in time like every migration: it imports nothing
 * from the application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("dashboard_settings")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("month_coverage_permille", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("dashboard_settings").execute();
}
