/**
 * The official calendar each district counts working days by: per date a public holiday (放假) or a weekend day worked
 * in exchange (调休上班), under the year of the arrangement, with its name and the notice it comes from; and which of
 * the arrangements a release ships were loaded into the district (so a year the office deleted is not loaded again).
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

  await withId(db.schema.createTable("official_calendar_days"), sqlite)
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("name_en", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("official_calendar_days_date", ["district_id", "day"])
    .addCheckConstraint("official_calendar_days_kind_check", sql`kind in ('holiday', 'workday')`)
    .execute();
  await db.schema
    .createIndex("official_calendar_days_year")
    .on("official_calendar_days")
    .columns(["district_id", "year"])
    .execute();

  await db.schema
    .createTable("official_calendar_shipped_years")
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("loaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("official_calendar_shipped_years_pk", ["district_id", "year"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("official_calendar_shipped_years").execute();
  await db.schema.dropTable("official_calendar_days").execute();
}
