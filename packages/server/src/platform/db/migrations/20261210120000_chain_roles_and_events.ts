/**
 * An enterprise's role in a chain of the plan (链主型 leader, 骨干型 backbone) per year with its source (M4); the
 * entrepreneurs' trainings and salons (M12) with the enterprises invited, the persons registered and whether they
 * attended, and each enterprise's feedback. An event counts its taken seats beside its capacity, so that taking a
 * seat is one conditional update that two registrations cannot both win. Frozen in time like every migration: it
 * imports nothing from the application.
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

  await withId(db.schema.createTable("enterprise_chain_roles"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("chain_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("designated_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("enterprise_chain_roles_once", ["enterprise_id", "chain_id", "year"])
    .addCheckConstraint("enterprise_chain_roles_role_check", sql`role in ('leader', 'backbone')`)
    .execute();
  await db.schema
    .createIndex("enterprise_chain_roles_district_year")
    .on("enterprise_chain_roles")
    .columns(["district_id", "year"])
    .execute();

  await withId(db.schema.createTable("entrepreneur_events"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("host_unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("seats_taken", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("invitation_only", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("registration_closes_on", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("cancelled_at", "text")
    .addColumn("cancel_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("entrepreneur_events_kind_check", sql`kind in ('training', 'salon')`)
    .addCheckConstraint(
      "entrepreneur_events_seats_check",
      sql`capacity > 0 and seats_taken >= 0 and seats_taken <= capacity`,
    )
    .execute();
  await db.schema
    .createIndex("entrepreneur_events_district_day")
    .on("entrepreneur_events")
    .columns(["district_id", "starts_on"])
    .execute();

  await withId(db.schema.createTable("event_invitations"), sqlite)
    .addColumn("event_id", "integer", (c) => c.notNull().references("entrepreneur_events.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("invited_by", "integer", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .addColumn("decline_reason", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("event_invitations_once", ["event_id", "enterprise_id"])
    .addCheckConstraint("event_invitations_status_check", sql`status in ('pending', 'registered', 'declined')`)
    .execute();
  await db.schema
    .createIndex("event_invitations_enterprise")
    .on("event_invitations")
    .columns(["enterprise_id", "status"])
    .execute();

  await withId(db.schema.createTable("event_registrations"), sqlite)
    .addColumn("event_id", "integer", (c) => c.notNull().references("entrepreneur_events.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("person_name", "text", (c) => c.notNull())
    .addColumn("person_title", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("person_phone", "text", (c) => c.notNull())
    .addColumn("registered_at", "text", (c) => c.notNull())
    .addColumn("registered_by", "integer", (c) => c.references("users.id"))
    .addColumn("attended", "integer")
    .addColumn("attendance_marked_at", "text")
    .addColumn("attendance_marked_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("event_registrations_person", ["event_id", "enterprise_id", "person_name"])
    .execute();
  await db.schema
    .createIndex("event_registrations_event")
    .on("event_registrations")
    .columns(["event_id", "enterprise_id"])
    .execute();

  await withId(db.schema.createTable("event_feedback"), sqlite)
    .addColumn("event_id", "integer", (c) => c.notNull().references("entrepreneur_events.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("rating", "integer", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("event_feedback_once", ["event_id", "enterprise_id"])
    .addCheckConstraint("event_feedback_rating_check", sql`rating between 1 and 5`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("event_feedback").execute();
  await db.schema.dropTable("event_registrations").execute();
  await db.schema.dropTable("event_invitations").execute();
  await db.schema.dropTable("entrepreneur_events").execute();
  await db.schema.dropTable("enterprise_chain_roles").execute();
}
