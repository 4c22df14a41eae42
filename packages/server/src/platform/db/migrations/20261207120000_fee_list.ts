/**
 * The list of fees charged to enterprises (涉企收费清单): its items as kept now, each published version with the
 * items as they stood (a past list stays readable), complaints about charges (each handled as an enterprise
 * request) and inspections with their accountability outcomes. Frozen in time like every migration: it imports
 * nothing from the application.
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

  await withId(db.schema.createTable("fee_items"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("charging_unit", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("standard", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("effective_to", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint("fee_items_status_check", sql`status in ('active', 'suspended', 'abolished')`)
    .execute();
  await db.schema.createIndex("fee_items_district").on("fee_items").column("district_id").execute();

  await withId(db.schema.createTable("fee_list_versions"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("published_on", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("users.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("fee_list_versions_number", ["district_id", "number"])
    .execute();

  await db.schema
    .createTable("fee_list_entries")
    .addColumn("version_id", "integer", (c) => c.notNull().references("fee_list_versions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("item_id", "integer", (c) => c.references("fee_items.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("charging_unit", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addColumn("standard", "text", (c) => c.notNull())
    .addColumn("effective_from", "text", (c) => c.notNull())
    .addColumn("effective_to", "text")
    .addPrimaryKeyConstraint("fee_list_entries_pk", ["version_id", "position"])
    .execute();

  await withId(db.schema.createTable("fee_complaints"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("request_id", "integer", (c) => c.notNull().unique().references("enterprise_requests.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("fee_item_id", "integer", (c) => c.references("fee_items.id"))
    .addColumn("fee_name", "text", (c) => c.notNull())
    .addColumn("charged_by", "text", (c) => c.notNull())
    .addColumn("amount_fen", "bigint", (c) => c.notNull())
    .addColumn("charged_on", "text", (c) => c.notNull())
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("fee_complaints_kind_check", sql`kind in ('unlisted', 'aboveStandard')`)
    .execute();

  await withId(db.schema.createTable("fee_inspections"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("inspected_on", "text", (c) => c.notNull())
    .addColumn("inspected_unit", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("findings", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("complaint_id", "integer", (c) => c.references("fee_complaints.id"))
    .addColumn("accountability", "text")
    .addColumn("accountability_on", "text")
    .addColumn("accountability_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("refund_fen", "bigint")
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("fee_inspections_result_check", sql`result in ('compliant', 'violation')`)
    .addCheckConstraint(
      "fee_inspections_accountability_check",
      sql`accountability is null or accountability in ('talk', 'criticism', 'refund', 'referral')`,
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("fee_inspections").execute();
  await db.schema.dropTable("fee_complaints").execute();
  await db.schema.dropTable("fee_list_entries").execute();
  await db.schema.dropTable("fee_list_versions").execute();
  await db.schema.dropTable("fee_items").execute();
}
