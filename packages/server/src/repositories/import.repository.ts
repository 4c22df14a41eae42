import type { Insertable, Updateable } from "kysely";
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

/** Inserts new figures rows (values that had no official value before). */
export async function insertFigures(db: DbContext, rows: readonly Insertable<FigureTable>[]): Promise<void> {
  // 1000 rows × 12 columns stays under SQLite's 32766 and PostgreSQL's 65535 parameters.
  for (const part of chunks(rows, 1000)) {
    if (part.length > 0) await db.kysely.insertInto("figures").values(part).execute();
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
