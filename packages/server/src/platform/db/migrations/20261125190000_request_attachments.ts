/**
 * Files attached to enterprise requests (a scanned letter, photos, a PDF) by the enterprise, the office, a
 * leader or a handling unit, kept in the database like a report's evidence. Frozen in time like every
 * migration: it imports nothing from the application.
 */
import { type Kysely, SqliteAdapter } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("enterprise_request_attachments")
    .addColumn("id", "integer", (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("request_id", "integer", (c) => c.notNull().references("enterprise_requests.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", sqlite ? "blob" : "bytea", (c) => c.notNull())
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id"))
    .addColumn("uploaded_by_label", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("enterprise_request_attachments_request_idx")
    .on("enterprise_request_attachments")
    .column("request_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("enterprise_request_attachments").execute();
}
