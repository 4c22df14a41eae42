/**
 * Signed checkpoints of the audit log's chain heads (one chain per district). Append-only like the log
 * itself: the database refuses to change or remove a checkpoint. Frozen in time like every migration:
 * it imports nothing from the application.
 */
import { type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("audit_checkpoints")
    .addColumn("id", "integer", (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("from_seq", "integer", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("entry_digests", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    // Two processes signing the same head: the second insert is dropped, not duplicated.
    .addUniqueConstraint("audit_checkpoints_district_seq_unique", ["district_id", "seq"])
    .execute();

  if (sqlite) {
    await sql`create trigger audit_checkpoints_no_update before update on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db);
    await sql`create trigger audit_checkpoints_no_delete before delete on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_checkpoints_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_checkpoints is append-only'; end $$`.execute(db);
    await sql`create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
      for each row execute function audit_checkpoints_refuse_change()`.execute(db);
    await sql`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function audit_checkpoints_refuse_change()`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.dropTable("audit_checkpoints").execute();
  if (!sqlite) await sql`drop function audit_checkpoints_refuse_change()`.execute(db);
}
