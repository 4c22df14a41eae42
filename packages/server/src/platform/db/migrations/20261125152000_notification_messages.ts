/**
 * Notifications keep the message they were written from (a key and its parameters, JSON) beside the Chinese
 * title and body, so that each reader can show them in its own language. Rows written before, and rows whose
 * writer gives no key, have both columns null and are shown as stored.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("notifications").addColumn("message_key", "text").execute();
  await db.schema.alterTable("notifications").addColumn("message_params", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("notifications").dropColumn("message_params").execute();
  await db.schema.alterTable("notifications").dropColumn("message_key").execute();
}
