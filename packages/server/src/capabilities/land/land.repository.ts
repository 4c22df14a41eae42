/** The land module's queries: parcels with their town, enterprise and project, zombie cases, the monthly figures read for suggestions. */
import type { Insertable, Updateable } from "kysely";
import { sql } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type {
  LandParcelRow,
  LandParcelTable,
  ZombieCaseRow,
  ZombieCaseTable,
  ZombieCriteriaSettingsTable,
} from "./land.table";

export interface ParcelListRow extends LandParcelRow {
  town_name: string | null;
  enterprise_name: string | null;
  project_name: string | null;
}

function parcelQuery(db: DbContext) {
  return db.kysely
    .selectFrom("land_parcels as p")
    .leftJoin("units as town", "town.id", "p.town_unit_id")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("projects as pr", "pr.id", "p.project_id")
    .selectAll("p")
    .select(["town.name as town_name", "e.name as enterprise_name", "pr.name as project_name"]);
}

export async function findParcels(db: DbContext, districtId: string): Promise<ParcelListRow[]> {
  return parcelQuery(db).where("p.district_id", "=", districtId).orderBy("p.code").execute();
}

export async function findParcel(db: DbContext, id: number): Promise<ParcelListRow | undefined> {
  return parcelQuery(db).where("p.id", "=", id).executeTakeFirst();
}

export async function findParcelByCode(db: DbContext, districtId: string, code: string) {
  return db.kysely
    .selectFrom("land_parcels")
    .select("id")
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function insertParcel(db: DbContext, row: Insertable<LandParcelTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("land_parcels").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateParcelRow(db: DbContext, id: number, patch: Updateable<LandParcelTable>): Promise<void> {
  await db.kysely.updateTable("land_parcels").set(patch).where("id", "=", id).execute();
}

/** Hundredths of a mu of the parcels recovered within [from, to] and not returned to idle since. */
export async function recoveredAreaBetween(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("land_parcels")
    .select(sql<string | number>`coalesce(sum(area_hundredths), 0)`.as("area"))
    .where("district_id", "=", districtId)
    .where("status", "in", ["recovered", "relet", "built"])
    .where("recovered_on", ">=", from)
    .where("recovered_on", "<=", to)
    .executeTakeFirstOrThrow();
  return BigInt(String(row.area));
}

/** A project of the district, for linking a parcel. */
export async function findProjectOfDistrict(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("projects")
    .select(["id", "name"])
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** An enterprise of the district, by id. */
export async function findEnterpriseOfDistrict(db: DbContext, districtId: string, id: number) {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "name", "credit_code"])
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- zombie enterprises

export interface ZombieCaseListRow extends ZombieCaseRow {
  enterprise_name: string;
  unit_name: string | null;
}

function caseQuery(db: DbContext) {
  return db.kysely
    .selectFrom("zombie_cases as z")
    .innerJoin("enterprises as e", "e.id", "z.enterprise_id")
    .leftJoin("units as u", "u.id", "z.unit_id")
    .selectAll("z")
    .select(["e.name as enterprise_name", "u.name as unit_name"]);
}

export async function findZombieCases(db: DbContext, districtId: string): Promise<ZombieCaseListRow[]> {
  return caseQuery(db)
    .where("z.district_id", "=", districtId)
    .orderBy("z.confirmed_on", "desc")
    .orderBy("z.id", "desc")
    .execute();
}

export async function findZombieCase(db: DbContext, id: number): Promise<ZombieCaseListRow | undefined> {
  return caseQuery(db).where("z.id", "=", id).executeTakeFirst();
}

export async function insertZombieCase(db: DbContext, row: Insertable<ZombieCaseTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("zombie_cases").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateZombieCaseRow(db: DbContext, id: number, patch: Updateable<ZombieCaseTable>) {
  await db.kysely.updateTable("zombie_cases").set(patch).where("id", "=", id).execute();
}

/** Cases whose disposal was completed within [from, to]. */
export async function disposedCountBetween(db: DbContext, districtId: string, from: string, to: string) {
  const row = await db.kysely
    .selectFrom("zombie_cases")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where("district_id", "=", districtId)
    .where("status", "=", "disposed")
    .where("disposed_on", ">=", from)
    .where("disposed_on", "<=", to)
    .executeTakeFirstOrThrow();
  return BigInt(String(row.count));
}

export async function findZombieCriteriaSettings(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("zombie_criteria_settings")
    .selectAll()
    .where("district_id", "=", districtId)
    .executeTakeFirst();
}

export async function saveZombieCriteriaSettings(db: DbContext, row: Insertable<ZombieCriteriaSettingsTable>) {
  await db.kysely
    .insertInto("zombie_criteria_settings")
    .values(row)
    .onConflict((oc) =>
      oc.column("district_id").doUpdateSet({
        no_revenue_months: row.no_revenue_months,
        no_tax_months: row.no_tax_months,
        updated_at: row.updated_at,
        updated_by: row.updated_by ?? null,
      }),
    )
    .execute();
}

export interface MonthlyFigure {
  enterprise_id: number;
  enterprise_name: string;
  credit_code: string | null;
  metric: string;
  year: number;
  month: number;
  value: string;
}

/** The current monthly revenue and tax figures of the district's enterprises from `fromYear` on. */
export async function monthlyRevenueAndTax(
  db: DbContext,
  districtId: string,
  fromYear: number,
): Promise<MonthlyFigure[]> {
  const rows = await db.kysely
    .selectFrom("figures as f")
    .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
    .select([
      "f.enterprise_id",
      "e.name as enterprise_name",
      "e.credit_code",
      "f.metric",
      "f.year",
      "f.month",
      "f.value",
    ])
    .where("f.district_id", "=", districtId)
    .where("f.metric", "in", ["revenue", "tax"])
    .where("f.month", ">=", 1)
    .where("f.year", ">=", fromYear)
    .where("f.superseded_by", "is", null)
    .execute();
  return rows.map((row) => ({ ...row, value: String(row.value) }));
}

/** The latest year with monthly revenue or tax figures in the district. */
export async function latestMonthlyFigureYear(db: DbContext, districtId: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom("figures")
    .select((eb) => eb.fn.max("year").as("year"))
    .where("district_id", "=", districtId)
    .where("metric", "in", ["revenue", "tax"])
    .where("month", ">=", 1)
    .executeTakeFirst();
  return row?.year == null ? null : Number(row.year);
}

export async function markLandRecordsAsDemo(db: DbContext, districtId: string): Promise<void> {
  await db.kysely.updateTable("land_parcels").set({ is_demo: 1 }).where("district_id", "=", districtId).execute();
  await db.kysely.updateTable("zombie_cases").set({ is_demo: 1 }).where("district_id", "=", districtId).execute();
}
