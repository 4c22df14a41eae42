/**
 * Login throttling by growing delays instead of a hard lock: browsers that have signed in to an account
 * (login_devices, the sha256 of a long-lived random cookie), and the known browser an attempt came from
 * (login_attempts.device_key). The users' lock columns go: the delays are computed from login_attempts.
 * Frozen in time like every migration: it imports nothing from the application.
 */
import { type Kysely, SqliteAdapter } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("login_devices")
    .addColumn("id", "integer", (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text", (c) => c.notNull())
    .addUniqueConstraint("login_devices_user_token_unique", ["user_id", "token_hash"])
    .execute();

  await db.schema.alterTable("login_attempts").addColumn("device_key", "text").execute();

  await db.schema.alterTable("users").dropColumn("failed_logins").execute();
  await db.schema.alterTable("users").dropColumn("locked_until").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("users").addColumn("locked_until", "text").execute();
  await db.schema.alterTable("login_attempts").dropColumn("device_key").execute();
  await db.schema.dropTable("login_devices").execute();
}
