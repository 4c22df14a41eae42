/**
 * The figures kept summarised, so that the dashboards never read every monthly row of a district:
 *
 * - `figure_years`: one row per enterprise, metric and year with the current official value of the whole year
 *   (`value_0`) and of each month (`value_1` … `value_12`), null where none is in force; `version` is the
 *   district's data version of the write that last changed the row.
 * - `district_data_versions`: a counter per district, raised in the same transaction as every write of figures,
 *   so that a cached computation knows whether the figures changed (and which rows since).
 *
 * Both are kept by the one function every writer of figures calls; this migration fills them for the figures
 * already written (version 1). Frozen in time like every migration: it imports nothing from the application.
 */
import { type Kysely, sql } from "kysely";

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

const MONTHS = Array.from({ length: 13 }, (_, month) => month);

export async function up(db: AnyDb): Promise<void> {
  let table = db.schema
    .createTable("figure_years")
    .addColumn("district_id", "text", (c) => c.notNull().references("districts.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("enterprises.id").onDelete("cascade"))
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull());
  for (const month of MONTHS) table = table.addColumn(`value_${month}`, "bigint");
  await table.addPrimaryKeyConstraint("figure_years_pk", ["enterprise_id", "metric", "year"]).execute();
  await db.schema
    .createIndex("figure_years_district_idx")
    .on("figure_years")
    .columns(["district_id", "metric", "version"])
    .execute();
  await db.schema
    .createTable("district_data_versions")
    .addColumn("district_id", "text", (c) => c.primaryKey().references("districts.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();

  const columns = MONTHS.map((month) => `value_${month}`).join(", ");
  const slots = MONTHS.map((month) => `max(case when month = ${month} then value end)`).join(", ");
  await sql
    .raw(
      `insert into figure_years (district_id, enterprise_id, metric, year, version, ${columns})
       select district_id, enterprise_id, metric, year, 1, ${slots}
       from figures where official = 1 and superseded_by is null
       group by district_id, enterprise_id, metric, year`,
    )
    .execute(db);
  await sql`insert into district_data_versions (district_id, version) select id, 1 from districts`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("district_data_versions").execute();
  await db.schema.dropTable("figure_years").execute();
}
