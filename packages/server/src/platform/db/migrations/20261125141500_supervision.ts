/**
 * Tasks and supervision (S16): tasks per unit seeded from the plan's measures, periodic progress
 * reports with evidence files, in-app notifications and the outgoing robot webhook, issued
 * supervision bulletins (immutable, numbered per year), summons talks, and the year-end assessment
 * results kept per year. Frozen in time like every migration: it imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, SqliteAdapter, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

function withId<T extends string>(table: CreateTableBuilder<T, never>, sqlite: boolean) {
  return table.addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
    sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
  );
}

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const bytes = sqlite ? "blob" : "bytea";

  await withId(db.schema.createTable("tasks"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("plan_task_id", "text")
    .addColumn("measure_id", "text", (c) => c.notNull())
    .addColumn("clause_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("cycle", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("quantity_unit", "text")
    .addColumn("quantity_target", "text")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tasks_plan_task_owner_unique", ["district_id", "plan_task_id", "owner_unit_id"])
    .addCheckConstraint("tasks_cycle_check", sql`cycle in ('once', 'monthly', 'quarterly', 'yearly')`)
    .addCheckConstraint(
      "tasks_quantity_unit_check",
      sql`quantity_unit is null or quantity_unit in ('yuan', 'count', 'share', 'mu', 'person', 'event')`,
    )
    .execute();
  await db.schema.createIndex("tasks_owner_idx").on("tasks").columns(["district_id", "owner_unit_id"]).execute();

  await db.schema
    .createTable("task_sharing_units")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addPrimaryKeyConstraint("task_sharing_units_pk", ["task_id", "unit_id"])
    .execute();
  await db.schema.createIndex("task_sharing_units_unit_idx").on("task_sharing_units").column("unit_id").execute();

  await withId(db.schema.createTable("task_reports"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("quantity", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("submitted_by", "integer", (c) => c.references("users.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("returned_reason", "text")
    .addColumn("returned_by", "integer", (c) => c.references("users.id"))
    .addColumn("returned_at", "text")
    .addCheckConstraint("task_reports_status_check", sql`status in ('submitted', 'returned')`)
    .execute();
  await db.schema.createIndex("task_reports_task_idx").on("task_reports").columns(["task_id", "period"]).execute();

  await withId(db.schema.createTable("report_attachments"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("report_id", "integer", (c) => c.notNull().references("task_reports.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", bytes, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("report_attachments_report_idx").on("report_attachments").column("report_id").execute();

  await withId(db.schema.createTable("notifications"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("dedupe_key", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addUniqueConstraint("notifications_dedupe_unique", ["district_id", "dedupe_key"])
    .execute();
  await db.schema
    .createIndex("notifications_unit_idx")
    .on("notifications")
    .columns(["district_id", "unit_id", "created_at"])
    .execute();

  await db.schema
    .createTable("webhook_settings")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint("webhook_settings_format_check", sql`format in ('markdown', 'text')`)
    .execute();

  await withId(db.schema.createTable("bulletins"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("serial", "integer", (c) => c.notNull())
    .addColumn("number_text", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("period_label", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("summary_json", "text", (c) => c.notNull())
    .addColumn("docx", bytes, (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("issued_at", "text", (c) => c.notNull())
    .addColumn("issued_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("bulletins_district_year_serial_unique", ["district_id", "year", "serial"])
    .execute();

  await withId(db.schema.createTable("summons_talks"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("bulletin_id", "integer", (c) => c.references("bulletins.id"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("talk_date", "text", (c) => c.notNull())
    .addColumn("held_by", "text", (c) => c.notNull())
    .addColumn("attendees", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("summons_talks_year_idx").on("summons_talks").columns(["district_id", "year"]).execute();

  await withId(db.schema.createTable("assessment_results"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("score", "text")
    .addColumn("rank", "integer")
    .addColumn("detail_json", "text", (c) => c.notNull())
    .addColumn("finalized_at", "text", (c) => c.notNull())
    .addColumn("finalized_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("assessment_results_unique", ["district_id", "year", "unit_id"])
    .execute();

  // An issued bulletin is a record: the database itself refuses to change or remove it.
  if (sqlite) {
    await sql`create trigger bulletins_no_update before update on bulletins
      begin select raise(abort, 'issued bulletins cannot be changed'); end`.execute(db);
    await sql`create trigger bulletins_no_delete before delete on bulletins
      begin select raise(abort, 'issued bulletins cannot be changed'); end`.execute(db);
  } else {
    await sql`create function bulletins_refuse_change() returns trigger language plpgsql as $$
      begin raise exception 'issued bulletins cannot be changed'; end $$`.execute(db);
    await sql`create trigger bulletins_no_change before update or delete on bulletins
      for each row execute function bulletins_refuse_change()`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.dropTable("assessment_results").execute();
  await db.schema.dropTable("summons_talks").execute();
  await db.schema.dropTable("bulletins").execute();
  if (!sqlite) await sql`drop function bulletins_refuse_change()`.execute(db);
  await db.schema.dropTable("webhook_settings").execute();
  await db.schema.dropTable("notifications").execute();
  await db.schema.dropTable("report_attachments").execute();
  await db.schema.dropTable("task_reports").execute();
  await db.schema.dropTable("task_sharing_units").execute();
  await db.schema.dropTable("tasks").execute();
}
