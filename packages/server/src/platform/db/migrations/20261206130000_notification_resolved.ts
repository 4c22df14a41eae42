/**
 * A notice can be settled by what it was about (e.g. the rewards it asked to confirm were confirmed): it then leaves
 * the reader's list but stays in the table. Frozen in time like every migration: it imports nothing from the
 * application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("notifications").addColumn("resolved_at", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("resolved_at").execute();
}
