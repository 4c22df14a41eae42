/**
 * The figures kept summarised (`figure_years`: one row per enterprise, metric and year with the value in force of
 * the year and of each month) and the district's data version (`district_data_versions`), raised with every write.
 * Every writer of figures (an entry, a confirmation, an import, the demo) calls `refreshFigureSummaries` in the
 * transaction of its write, so the summary never disagrees with the figures it was made from; the dashboards read
 * the summary, and only the rows changed since the version they hold.
 */
import { sql } from "kysely";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";

const MONTHS = Array.from({ length: 13 }, (_, month) => month);
const SUMMARY_COLUMNS = MONTHS.map((month) => `value_${month}`).join(", ");
const SUMMARY_SLOTS = MONTHS.map((month) => `max(case when month = ${month} then value end)`).join(", ");
/** Enterprises per statement: well under SQLite's limit of bound parameters. */
const ENTERPRISES_PER_STATEMENT = 500;

/** Raises the district's data version and returns the new one (in the caller's transaction). */
async function raiseDataVersion(db: DbContext, districtId: string): Promise<number> {
  const row = await db.kysely
    .insertInto("district_data_versions")
    .values({ district_id: districtId, version: 1 })
    .onConflict((oc) => oc.column("district_id").doUpdateSet({ version: sql`district_data_versions.version + 1` }))
    .returning("version")
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

/** Writes the summary rows of some enterprises (or of the whole district) again from their figures in force. */
async function summarise(db: DbContext, districtId: string, version: number, enterpriseIds: readonly number[] | null) {
  const run = async (ids: readonly number[] | null) => {
    const only = ids ? sql` and enterprise_id in (${sql.join(ids)})` : sql``;
    await sql`delete from figure_years where district_id = ${districtId}${only}`.execute(db.kysely);
    await sql`insert into figure_years (district_id, enterprise_id, metric, year, version, ${sql.raw(SUMMARY_COLUMNS)})
      select district_id, enterprise_id, metric, year, ${sql.lit(version)}, ${sql.raw(SUMMARY_SLOTS)}
      from figures where district_id = ${districtId} and official = 1 and superseded_by is null${only}
      group by district_id, enterprise_id, metric, year`.execute(db.kysely);
  };
  if (enterpriseIds === null) return run(null);
  const unique = [...new Set(enterpriseIds)].sort((a, b) => a - b);
  for (let i = 0; i < unique.length; i += ENTERPRISES_PER_STATEMENT)
    await run(unique.slice(i, i + ENTERPRISES_PER_STATEMENT));
}

/**
 * After writing figures of these enterprises: raises the district's data version and writes their summary rows
 * again from the figures in force, in the caller's transaction (or one of its own).
 */
export async function refreshFigureSummaries(
  db: DbContext,
  districtId: string,
  enterpriseIds: readonly number[],
): Promise<void> {
  if (enterpriseIds.length === 0) return;
  await inTransaction(db, async (tx) => {
    const version = await raiseDataVersion(tx, districtId);
    await summarise(tx, districtId, version, enterpriseIds);
  });
}

/** The whole district's summary written again (after figures were written in bulk outside the application). */
export async function rebuildFigureSummaries(db: DbContext, districtId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const version = await raiseDataVersion(tx, districtId);
    await summarise(tx, districtId, version, null);
  });
}

/** The district's data version of figures (0 before any write). */
export async function figuresDataVersion(db: DbContext, districtId: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("district_data_versions")
    .select("version")
    .where("district_id", "=", districtId)
    .executeTakeFirst();
  return row ? Number(row.version) : 0;
}

export interface FigureYearRow {
  enterprise_id: number;
  metric: string;
  year: number;
  version: number;
  /** Decimal text (fen or a count) per slot: [0] the whole year, [1..12] the months; null where none is in force. */
  values: (string | null)[];
}

/**
 * The summary rows of the metrics named; with `sinceVersion`, only those written after it. A write of figures never
 * removes a row (a value is superseded by another, never withdrawn); deleting an enterprise, which does, is audited.
 */
export async function figureYears(
  db: DbContext,
  districtId: string,
  metrics: readonly string[],
  sinceVersion = 0,
): Promise<FigureYearRow[]> {
  if (metrics.length === 0) return [];
  const rows = await db.kysely
    .selectFrom("figure_years")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("metric", "in", metrics)
    .$if(sinceVersion > 0, (q) => q.where("version", ">", sinceVersion))
    .execute();
  return rows.map((row) => ({
    enterprise_id: row.enterprise_id,
    metric: row.metric,
    year: row.year,
    version: Number(row.version),
    values: [
      row.value_0,
      row.value_1,
      row.value_2,
      row.value_3,
      row.value_4,
      row.value_5,
      row.value_6,
      row.value_7,
      row.value_8,
      row.value_9,
      row.value_10,
      row.value_11,
      row.value_12,
    ],
  }));
}
