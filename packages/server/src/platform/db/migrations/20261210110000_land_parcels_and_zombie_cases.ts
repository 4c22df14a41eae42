/**
 * Land of the industrial platform (M1 腾笼换鸟): its parcels with area in hundredths of a mu and their status steps,
 * the zombie-enterprise cases with the criteria met and the disposal, and the office's zombie criteria (months
 * without revenue or tax; absent, the plan's parameters). Frozen in time like every migration: it imports nothing
 * from the application.
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

  await withId(db.schema.createTable("land_parcels"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("town_unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("area_hundredths", "bigint", (c) => c.notNull())
    .addColumn("land_use", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("idle_since", "text")
    .addColumn("recovery_started_on", "text")
    .addColumn("recovered_on", "text")
    .addColumn("relet_on", "text")
    .addColumn("built_on", "text")
    .addColumn("enterprise_id", "integer", (c) => c.references("enterprises.id"))
    .addColumn("project_id", "integer", (c) => c.references("projects.id"))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("land_parcels_code", ["district_id", "code"])
    .addCheckConstraint(
      "land_parcels_status_check",
      sql`status in ('idle', 'recovering', 'recovered', 'relet', 'built')`,
    )
    .addCheckConstraint("land_parcels_area_check", sql`area_hundredths > 0`)
    .execute();
  await db.schema
    .createIndex("land_parcels_recovered")
    .on("land_parcels")
    .columns(["district_id", "recovered_on"])
    .execute();

  await withId(db.schema.createTable("zombie_cases"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("finding", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("confirmed_on", "text", (c) => c.notNull())
    .addColumn("disposal", "text")
    .addColumn("disposal_started_on", "text")
    .addColumn("disposed_on", "text")
    .addColumn("disposal_note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint("zombie_cases_status_check", sql`status in ('confirmed', 'disposing', 'disposed', 'dismissed')`)
    .addCheckConstraint(
      "zombie_cases_disposal_check",
      sql`disposal is null or disposal in ('merger', 'transfer', 'exit', 'revival')`,
    )
    .execute();
  await db.schema
    .createIndex("zombie_cases_enterprise")
    .on("zombie_cases")
    .columns(["district_id", "enterprise_id"])
    .execute();

  await db.schema
    .createTable("zombie_criteria_settings")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("no_revenue_months", "integer", (c) => c.notNull())
    .addColumn("no_tax_months", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("zombie_criteria_settings").execute();
  await db.schema.dropTable("zombie_cases").execute();
  await db.schema.dropTable("land_parcels").execute();
}
