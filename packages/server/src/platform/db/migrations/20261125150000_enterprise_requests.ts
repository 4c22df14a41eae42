/**
 * Enterprise requests (企业诉求直通车, M10): a request an enterprise files (or the office or a leader registers
 * for it, e.g. at a 企业服务日), assigned to a responsible unit with co-units and a deadline, accepted, answered,
 * rated by the enterprise and possibly reopened; every step is a row of its timeline. Service days (企业服务日)
 * record the units attending and the enterprises served, and the requests collected link to them.
 * Frozen in time like every migration: it imports nothing from the application.
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

  await withId(db.schema.createTable("service_days"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("venue", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createTable("service_day_units")
    .addColumn("service_day_id", "integer", (c) => c.notNull().references("service_days.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addPrimaryKeyConstraint("service_day_units_pk", ["service_day_id", "unit_id"])
    .execute();
  await db.schema
    .createTable("service_day_enterprises")
    .addColumn("service_day_id", "integer", (c) => c.notNull().references("service_days.id").onDelete("cascade"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addPrimaryKeyConstraint("service_day_enterprises_pk", ["service_day_id", "enterprise_id"])
    .execute();

  await withId(db.schema.createTable("enterprise_requests"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("service_day_id", "integer", (c) => c.references("service_days.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("deadline", "text")
    .addColumn("assigned_at", "text")
    .addColumn("accepted_at", "text")
    .addColumn("answer", "text")
    .addColumn("answered_at", "text")
    .addColumn("answered_by", "integer", (c) => c.references("users.id"))
    .addColumn("rating", "text")
    .addColumn("rating_comment", "text")
    .addColumn("rated_at", "text")
    .addColumn("reopen_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("closed_at", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "enterprise_requests_status_check",
      sql`status in ('submitted', 'assigned', 'accepted', 'answered', 'closed')`,
    )
    .addCheckConstraint(
      "enterprise_requests_channel_check",
      sql`channel in ('enterprise', 'office', 'leader', 'service_day')`,
    )
    .addCheckConstraint(
      "enterprise_requests_rating_check",
      sql`rating is null or rating in ('satisfied', 'basically', 'unsatisfied')`,
    )
    .execute();
  await db.schema
    .createIndex("enterprise_requests_district_idx")
    .on("enterprise_requests")
    .columns(["district_id", "status", "created_at"])
    .execute();
  await db.schema
    .createIndex("enterprise_requests_enterprise_idx")
    .on("enterprise_requests")
    .columns(["enterprise_id"])
    .execute();
  await db.schema.createIndex("enterprise_requests_unit_idx").on("enterprise_requests").columns(["unit_id"]).execute();

  await db.schema
    .createTable("enterprise_request_co_units")
    .addColumn("request_id", "integer", (c) => c.notNull().references("enterprise_requests.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addPrimaryKeyConstraint("enterprise_request_co_units_pk", ["request_id", "unit_id"])
    .execute();

  await withId(db.schema.createTable("enterprise_request_events"), sqlite)
    .addColumn("request_id", "integer", (c) => c.notNull().references("enterprise_requests.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("data_json", "text")
    .execute();
  await db.schema
    .createIndex("enterprise_request_events_request_idx")
    .on("enterprise_request_events")
    .columns(["request_id", "at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("enterprise_request_events").execute();
  await db.schema.dropTable("enterprise_request_co_units").execute();
  await db.schema.dropTable("enterprise_requests").execute();
  await db.schema.dropTable("service_day_enterprises").execute();
  await db.schema.dropTable("service_day_units").execute();
  await db.schema.dropTable("service_days").execute();
}
