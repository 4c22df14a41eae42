import { type Insertable, sql, type Updateable } from "kysely";
import type { DbContext } from "../db/database";
import type { EnterpriseRow, EnterpriseTable, ScaleStatus } from "../db/tables/enterprises";
import type { FigureTable } from "../db/tables/figures";

/** Lists longer than this are split: keeps every statement under both dialects' parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

export async function findEnterprisesByCreditCodes(
  db: DbContext,
  districtId: string,
  creditCodes: readonly string[],
): Promise<EnterpriseRow[]> {
  const rows: EnterpriseRow[] = [];
  for (const part of chunks(creditCodes)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("enterprises")
        .selectAll()
        .where("district_id", "=", districtId)
        .where("credit_code", "in", part)
        .execute()),
    );
  }
  return rows;
}

export interface CurrentFigure {
  id: number;
  enterprise_id: number;
  year: number;
  month: number;
  metric: string;
  /** Decimal string (fen for money, a count otherwise). */
  value: string;
}

/**
 * The official values in force (not superseded) of these enterprises, metrics and years.
 * The enterprise ids come from the district's own register, so the query does not name the
 * district: that keeps both planners on the (enterprise_id, metric, year, month) index instead of
 * scanning the district's whole year, which grows with every batch of a large import.
 */
export async function findCurrentOfficialFigures(
  db: DbContext,
  enterpriseIds: readonly number[],
  metrics: readonly string[],
  years: readonly number[],
): Promise<CurrentFigure[]> {
  const rows: CurrentFigure[] = [];
  if (years.length === 0 || metrics.length === 0) return rows;
  for (const part of chunks(enterpriseIds)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("figures")
        .select(["id", "enterprise_id", "year", "month", "metric", "value"])
        .where("enterprise_id", "in", part)
        .where("metric", "in", [...metrics])
        .where("year", "in", [...years])
        .where("official", "=", 1)
        .where("superseded_by", "is", null)
        .execute()),
    );
  }
  return rows;
}

/** What the rows of one import share. */
export interface FigureImportSource {
  districtId: string;
  /** The file name. */
  sourceRef: string;
  recordedAt: string;
  recordedBy: number | null;
}

/** A new official value: the enterprise, the period (month 0 = the year), the metric and the value. */
export interface NewFigure {
  enterpriseId: number;
  year: number;
  month: number;
  metric: string;
  /** Fen for money, a count otherwise; within BIGINT. */
  value: bigint;
}

const FIGURES_PER_STATEMENT = 5000;

/**
 * Inserts new imported figures (values that had no official value before). The rows travel as one
 * JSON parameter a statement, expanded by the database (json_each / jsonb_array_elements): a large
 * import then costs a few statements instead of a parameter per value. Values go as decimal
 * strings and are cast to BIGINT by the database, so they stay exact.
 */
export async function insertImportedFigures(
  db: DbContext,
  source: FigureImportSource,
  figures: readonly NewFigure[],
): Promise<void> {
  for (const part of chunks(figures, FIGURES_PER_STATEMENT)) {
    if (part.length === 0) continue;
    const payload = JSON.stringify(
      part.map((figure) => [figure.enterpriseId, figure.year, figure.month, figure.metric, figure.value.toString()]),
    );
    const { districtId, sourceRef, recordedAt, recordedBy } = source;
    if (db.dialect === "postgres") {
      await sql`
        insert into figures (district_id, enterprise_id, year, month, metric, value, source_kind, source_ref, official, recorded_at, recorded_by)
        select ${districtId}, (r->>0)::integer, (r->>1)::integer, (r->>2)::integer, r->>3, (r->>4)::bigint,
               'import', ${sourceRef}, 1, ${recordedAt}, ${recordedBy}::integer
        from jsonb_array_elements(${payload}::jsonb) as r`.execute(db.kysely);
    } else {
      await sql`
        insert into figures (district_id, enterprise_id, year, month, metric, value, source_kind, source_ref, official, recorded_at, recorded_by)
        select ${districtId}, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
               json_extract(j.value, '$[3]'), cast(json_extract(j.value, '$[4]') as integer),
               'import', ${sourceRef}, 1, ${recordedAt}, ${recordedBy}
        from json_each(${payload}) as j`.execute(db.kysely);
    }
  }
}

/** Inserts the correcting row and points the old one at it: the old value stays, marked superseded. */
export async function insertCorrection(
  db: DbContext,
  supersededId: number,
  row: Insertable<FigureTable>,
): Promise<number> {
  const inserted = await db.kysely.insertInto("figures").values(row).returning("id").executeTakeFirstOrThrow();
  await db.kysely.updateTable("figures").set({ superseded_by: inserted.id }).where("id", "=", supersededId).execute();
  return inserted.id;
}

export interface TownUnit {
  id: number;
  name: string;
  editable: number;
}

/** The district's units, for matching the register's 所属乡镇（街道） by name. */
export async function findUnitsForTownMatching(db: DbContext, districtId: string): Promise<TownUnit[]> {
  return db.kysely
    .selectFrom("units")
    .select(["id", "name", "editable"])
    .where("district_id", "=", districtId)
    .where("active", "=", 1)
    .execute();
}

export async function insertEnterprise(db: DbContext, row: Insertable<EnterpriseTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("enterprises").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEnterprise(db: DbContext, id: number, patch: Updateable<EnterpriseTable>): Promise<void> {
  await db.kysely.updateTable("enterprises").set(patch).where("id", "=", id).execute();
}

export interface ScaleYear {
  enterprise_id: number;
  year: number;
  status: ScaleStatus;
}

export async function findScaleYears(db: DbContext, enterpriseIds: readonly number[]): Promise<ScaleYear[]> {
  const rows: ScaleYear[] = [];
  for (const part of chunks(enterpriseIds)) {
    if (part.length === 0) continue;
    rows.push(
      ...(await db.kysely
        .selectFrom("enterprise_scale_years")
        .select(["enterprise_id", "year", "status"])
        .where("enterprise_id", "in", part)
        .execute()),
    );
  }
  return rows;
}

export async function insertScaleYear(db: DbContext, row: ScaleYear): Promise<void> {
  await db.kysely.insertInto("enterprise_scale_years").values(row).execute();
}

export async function updateScaleYear(db: DbContext, row: ScaleYear): Promise<void> {
  await db.kysely
    .updateTable("enterprise_scale_years")
    .set({ status: row.status })
    .where("enterprise_id", "=", row.enterprise_id)
    .where("year", "=", row.year)
    .execute();
}

/** The districts a database holds (the CLI imports into the only one unless told which). */
export async function listDistricts(db: DbContext): Promise<{ id: string; name: string }[]> {
  return db.kysely.selectFrom("districts").select(["id", "name"]).orderBy("id").execute();
}
