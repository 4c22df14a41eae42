/**
 * The enterprise register's write side: designations, listing events, leaders' visit log and
 * 一企一策 notes, enterprise contact profiles, monitoring settings and warnings, and import jobs.
 * Frozen in time: imports nothing from the application; runs unchanged on SQLite and PostgreSQL.
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

export async function up(db: AnyDb): Promise<void> {
  const sqlite = isSqlite(db);

  await withId(db.schema.createTable("enterprise_designations"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enterprise_designations_unique", ["enterprise_id", "kind", "level", "year"])
    .addCheckConstraint(
      "enterprise_designations_kind_check",
      sql`kind in ('specialized', 'little_giant', 'single_champion', 'integration')`,
    )
    .addCheckConstraint("enterprise_designations_level_check", sql`level in ('national', 'provincial', 'municipal')`)
    .execute();
  await db.schema
    .createIndex("enterprise_designations_district_idx")
    .on("enterprise_designations")
    .columns(["district_id", "kind"])
    .execute();

  await withId(db.schema.createTable("enterprise_listing_events"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "enterprise_listing_events_stage_check",
      sql`stage in ('display', 'shareholding', 'neeq', 'domestic', 'overseas')`,
    )
    .execute();
  await db.schema
    .createIndex("enterprise_listing_events_enterprise_idx")
    .on("enterprise_listing_events")
    .columns(["enterprise_id", "event_date"])
    .execute();

  await withId(db.schema.createTable("enterprise_service_notes"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("author_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("noted_on", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("enterprise_service_notes_kind_check", sql`kind in ('visit', 'policy')`)
    .execute();
  await db.schema
    .createIndex("enterprise_service_notes_enterprise_idx")
    .on("enterprise_service_notes")
    .columns(["enterprise_id", "noted_on"])
    .execute();

  await db.schema
    .createTable("enterprise_profiles")
    .addColumn("enterprise_id", "integer", (c) => c.primaryKey().references("enterprises.id").onDelete("cascade"))
    .addColumn("contact_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact_email", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("business_scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("monitoring_settings")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("revenue_drop_share", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable("monitoring_warnings"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("leader_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("month", "integer", (c) => c.notNull())
    .addColumn("current_fen", "bigint", (c) => c.notNull())
    .addColumn("previous_fen", "bigint", (c) => c.notNull())
    .addColumn("drop_share", "text", (c) => c.notNull())
    .addColumn("threshold_share", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("raised_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addUniqueConstraint("monitoring_warnings_unique", ["enterprise_id", "metric", "year", "month"])
    .addCheckConstraint("monitoring_warnings_status_check", sql`status in ('open', 'resolved')`)
    .execute();
  await db.schema
    .createIndex("monitoring_warnings_district_idx")
    .on("monitoring_warnings")
    .columns(["district_id", "status", "year", "month"])
    .execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("money_unit", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_size", "integer", (c) => c.notNull())
    // The uploaded workbook (base64) until it is applied, so any app process can apply it.
    .addColumn("file_base64", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("rows_read", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("result_json", "text")
    .addColumn("error_message", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "import_jobs_status_check",
      sql`status in ('previewing', 'previewed', 'applying', 'applied', 'rejected', 'failed')`,
    )
    .execute();
  await db.schema
    .createIndex("import_jobs_district_idx")
    .on("import_jobs")
    .columns(["district_id", "created_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "import_jobs",
    "monitoring_warnings",
    "monitoring_settings",
    "enterprise_profiles",
    "enterprise_service_notes",
    "enterprise_listing_events",
    "enterprise_designations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
