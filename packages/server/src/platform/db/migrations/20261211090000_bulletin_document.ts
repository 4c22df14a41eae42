/**
 * An issued bulletin keeps its content (the official document's head, body and tail as JSON) beside its .docx, so
 * the same text can be printed again as PDF. Bulletins issued before carry none. Frozen in time like every
 * migration: it imports nothing from the application.
 */
import type { Kysely } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("bulletins").addColumn("document_json", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("bulletins").dropColumn("document_json").execute();
}
