/**
 * The values of the facts a plan declares (electricity use, land area, a recognition's level …), one row per
 * enterprise, fact and period: kept as exact text (fen, hundredths of a unit, a whole count or a category id),
 * with where it came from and whether the supplying unit confirmed it. Every change is audited. Frozen in time
 * like every migration: it imports nothing from the application.
 */
import { type ColumnDefinitionBuilder, type Kysely, SqliteAdapter } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

export async function up(db: AnyDb): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable("declared_fact_values")
    .addColumn("id", "integer", (column: ColumnDefinitionBuilder) =>
      sqlite ? column.primaryKey().autoIncrement() : column.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id"))
    .addColumn("fact", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    /** 0 for the year itself, 1–4 a quarter, 1–12 a month (the fact's declaration says which). */
    .addColumn("period", "integer", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("source_kind", "text", (c) => c.notNull())
    .addColumn("source_ref", "text")
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("confirmed_at", "text")
    .addColumn("confirmed_by", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("declared_fact_values_period", ["district_id", "enterprise_id", "fact", "year", "period"])
    .execute();
  await db.schema
    .createIndex("declared_fact_values_enterprise")
    .on("declared_fact_values")
    .columns(["district_id", "enterprise_id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("declared_fact_values").execute();
}
