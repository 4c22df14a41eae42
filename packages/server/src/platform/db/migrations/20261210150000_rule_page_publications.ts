/**
 * Whether the office publishes the district's reward rule pages (readable, with their calculator, without login).
 * Frozen in time like every migration: it imports nothing from the application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("rule_page_publications")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("rule_page_publications").execute();
}
