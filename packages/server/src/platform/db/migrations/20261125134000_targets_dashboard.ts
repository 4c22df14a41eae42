/**
 * What the targets read besides the enterprise register: the district's fixed-asset investment per
 * year (T-M5), the enterprise-related service items and whether each is online (T-M9), and whether
 * the office publishes the public target board. Frozen in time like every migration: it imports nothing from the application.
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

  await db.schema
    .createTable("district_investment_years")
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("total_fen", "bigint", (c) => c.notNull())
    .addColumn("manufacturing_fen", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addPrimaryKeyConstraint("district_investment_years_pk", ["district_id", "year"])
    .addCheckConstraint(
      "district_investment_years_check",
      sql`total_fen >= 0 and manufacturing_fen >= 0 and manufacturing_fen <= total_fen`,
    )
    .execute();

  await withId(db.schema.createTable("online_service_items"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("units.id"))
    .addColumn("online", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("online_service_items_district_code_unique", ["district_id", "code"])
    .execute();

  await db.schema
    .createTable("public_boards")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("public_boards").execute();
  await db.schema.dropTable("online_service_items").execute();
  await db.schema.dropTable("district_investment_years").execute();
}
