/**
 * One-time activation codes of enterprise accounts the office creates in bulk from the register. Only a salted
 * hash of each code is kept, with its expiry; a code is spent when used (used_at) and void when the office issues
 * another or resets the password (revoked_at). Frozen in time like every migration: it imports nothing from the
 * application.
 */
import { type Kysely, SqliteAdapter } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("account_activations")
    .addColumn("id", "integer", (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by", "integer")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema
    .createIndex("account_activations_user_idx")
    .on("account_activations")
    .columns(["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("account_activations_district_idx")
    .on("account_activations")
    .column("district_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("account_activations").execute();
}
