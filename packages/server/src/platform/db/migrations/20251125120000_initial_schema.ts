/**
 * The initial schema. Frozen in time: it imports nothing from the application and runs unchanged on
 * SQLite and PostgreSQL (the only branches are the identity column and the trigger syntax).
 * Booleans are 0/1 integers and timestamps ISO text on both dialects; money is BIGINT fen.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function isSqlite(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

function withId<T extends string>(table: CreateTableBuilder<T, never>, sqlite: boolean) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
  );
}

const ROLE_CHECK = sql`role in ('office', 'leader', 'unit', 'inspector', 'enterprise')`;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = isSqlite(db);

  await db.schema
    .createTable("districts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable("plans"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("loaded_at", "text", (c) => c.notNull())
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("plans_district_plan_version_unique", ["district_id", "plan_id", "version"])
    .execute();

  await withId(db.schema.createTable("units"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("editable", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("units_district_code_unique", ["district_id", "code"])
    .execute();

  // users.enterprise_id is added after enterprises exists (the two reference each other).
  await withId(db.schema.createTable("users"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("password_changed_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("users_role_check", ROLE_CHECK)
    .execute();
  await db.schema.createIndex("users_district_idx").on("users").columns(["district_id", "role"]).execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await withId(db.schema.createTable("login_attempts"), sqlite)
    .addColumn("username", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_attempts_username_idx").on("login_attempts").columns(["username", "at"]).execute();
  await db.schema.createIndex("login_attempts_ip_idx").on("login_attempts").columns(["ip", "at"]).execute();

  await withId(db.schema.createTable("audit_log"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addUniqueConstraint("audit_log_district_seq_unique", ["district_id", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["district_id", "entity_type", "entity_id"])
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").columns(["district_id", "at"]).execute();

  await withId(db.schema.createTable("enterprises"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("credit_code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("town_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("chain_id", "text", (c) => c.notNull())
    .addColumn("industry_code", "text")
    .addColumn("is_key", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("leader_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("listing_stage", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enterprises_district_credit_code_unique", ["district_id", "credit_code"])
    .addCheckConstraint(
      "enterprises_chain_check",
      sql`chain_id in ('biomedicine', 'electronics', 'aviation', 'automotive', 'other')`,
    )
    .addCheckConstraint(
      "enterprises_listing_check",
      sql`listing_stage is null or listing_stage in ('display', 'shareholding', 'neeq', 'domestic', 'overseas')`,
    )
    .execute();
  await db.schema.createIndex("enterprises_chain_idx").on("enterprises").columns(["district_id", "chain_id"]).execute();
  await db.schema.createIndex("enterprises_name_idx").on("enterprises").columns(["district_id", "name"]).execute();

  await db.schema
    .alterTable("users")
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .execute();

  await db.schema
    .createTable("enterprise_scale_years")
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("enterprise_scale_years_pk", ["enterprise_id", "year"])
    .addCheckConstraint("enterprise_scale_years_status_check", sql`status in ('above', 'reserve', 'other')`)
    .execute();

  await withId(db.schema.createTable("figures"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("month", "integer", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("value", "bigint", (c) => c.notNull())
    .addColumn("source_kind", "text", (c) => c.notNull())
    .addColumn("source_ref", "text")
    .addColumn("official", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("superseded_by", "integer", (c) => c.references("figures.id"))
    .addCheckConstraint("figures_month_check", sql`month between 0 and 12`)
    .addCheckConstraint("figures_source_check", sql`source_kind in ('import', 'entry', 'self_report', 'demo')`)
    .execute();
  await db.schema
    .createIndex("figures_enterprise_metric_idx")
    .on("figures")
    .columns(["enterprise_id", "metric", "year", "month"])
    .execute();
  await db.schema
    .createIndex("figures_district_idx")
    .on("figures")
    .columns(["district_id", "year", "metric"])
    .execute();

  await withId(db.schema.createTable("projects"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("investor", "text", (c) => c.notNull())
    .addColumn("chain_id", "text", (c) => c.notNull())
    .addColumn("planned_investment_fen", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("completed_investment_fen", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("manufacturing", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("source_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("other"))
    .addColumn("lead_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("leader_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("location", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("introduced_year", "integer")
    .addColumn("production_year", "integer")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("projects_district_code_unique", ["district_id", "code"])
    .addCheckConstraint(
      "projects_stage_check",
      sql`stage in ('planning', 'negotiation', 'signed', 'construction', 'production')`,
    )
    .addCheckConstraint("projects_origin_check", sql`origin in ('top500', 'listed', 'other')`)
    .execute();
  await db.schema.createIndex("projects_district_stage_idx").on("projects").columns(["district_id", "stage"]).execute();

  // The audit log is append-only: the database itself refuses to change or remove an entry.
  if (sqlite) {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_refuse_change()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change()`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const sqlite = isSqlite(db);
  // Reverse order of creation; users.enterprise_id goes first to break the users <-> enterprises cycle.
  await db.schema.dropTable("projects").execute();
  await db.schema.dropTable("figures").execute();
  await db.schema.dropTable("enterprise_scale_years").execute();
  if (sqlite) {
    await db.schema.dropTable("sessions").execute();
    await db.schema.dropTable("audit_log").execute();
    await db.schema.dropTable("login_attempts").execute();
    // SQLite cannot drop a referencing column cheaply; drop users before enterprises with checks off.
    await sql`pragma foreign_keys = off`.execute(db);
    await db.schema.dropTable("users").execute();
    await db.schema.dropTable("enterprises").execute();
    await sql`pragma foreign_keys = on`.execute(db);
  } else {
    await db.schema.alterTable("users").dropColumn("enterprise_id").execute();
    await db.schema.dropTable("enterprises").execute();
    await db.schema.dropTable("sessions").execute();
    await db.schema.dropTable("audit_log").execute();
    await sql`drop function audit_log_refuse_change()`.execute(db);
    await db.schema.dropTable("login_attempts").execute();
    await db.schema.dropTable("users").execute();
  }
  await db.schema.dropTable("units").execute();
  await db.schema.dropTable("plans").execute();
  await db.schema.dropTable("districts").execute();
}
