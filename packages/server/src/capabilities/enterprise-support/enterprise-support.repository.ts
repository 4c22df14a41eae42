/**
 * Support grants, technical-transformation projects and reward events of the register, with their
 * corrections (superseded rows are kept) and pending self-reports.
 */
import type { Insertable, Selectable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { EnterpriseEventTable, EnterpriseGrantTable, TechProjectTable } from "../rewards/index";

export type GrantRow = Selectable<EnterpriseGrantTable>;
export type TechProjectRow = Selectable<TechProjectTable>;
export type EventRow = Selectable<EnterpriseEventTable>;
export type SupportTableName = "enterprise_grants" | "tech_projects";

export async function grantsOf(db: DbContext, enterpriseId: number): Promise<GrantRow[]> {
  return db.kysely
    .selectFrom("enterprise_grants")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year", "desc")
    .orderBy("id")
    .execute();
}

export async function techProjectsOf(db: DbContext, enterpriseId: number): Promise<TechProjectRow[]> {
  return db.kysely
    .selectFrom("tech_projects")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year", "desc")
    .orderBy("id")
    .execute();
}

export async function eventsOf(db: DbContext, enterpriseId: number): Promise<EventRow[]> {
  return db.kysely
    .selectFrom("enterprise_events")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year", "desc")
    .orderBy("id")
    .execute();
}

export async function findGrant(db: DbContext, id: number): Promise<GrantRow | undefined> {
  return db.kysely.selectFrom("enterprise_grants").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findTechProject(db: DbContext, id: number): Promise<TechProjectRow | undefined> {
  return db.kysely.selectFrom("tech_projects").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findEvent(db: DbContext, id: number): Promise<EventRow | undefined> {
  return db.kysely.selectFrom("enterprise_events").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The live (not superseded) row of a district holding `code`, if any. */
export async function findLiveByCode(
  db: DbContext,
  table: SupportTableName,
  districtId: string,
  code: string,
): Promise<{ id: number; enterprise_id: number; official: number } | undefined> {
  return db.kysely
    .selectFrom(table)
    .select(["id", "enterprise_id", "official"])
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .where("superseded_by", "is", null)
    .executeTakeFirst();
}

export async function findLiveEvent(db: DbContext, enterpriseId: number, kind: string): Promise<EventRow | undefined> {
  return db.kysely
    .selectFrom("enterprise_events")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .where("kind", "=", kind as EventRow["kind"])
    .where("superseded_by", "is", null)
    .executeTakeFirst();
}

/**
 * Takes a live row out of the live set before its correction is inserted (the unique rules hold among
 * live rows): it points at itself until `pointSupersededTo` names the correcting row. Answers false
 * when another request retired it first, so of two simultaneous corrections only one wins.
 */
export async function retireSupportRow(
  db: DbContext,
  table: SupportTableName | "enterprise_events",
  id: number,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable(table)
    .set({ superseded_by: id })
    .where("id", "=", id)
    .where("superseded_by", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function pointSupersededTo(
  db: DbContext,
  table: SupportTableName | "enterprise_events",
  id: number,
  newId: number,
): Promise<void> {
  await db.kysely.updateTable(table).set({ superseded_by: newId }).where("id", "=", id).execute();
}

export async function insertGrant(db: DbContext, row: Insertable<EnterpriseGrantTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("enterprise_grants")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertTechProject(db: DbContext, row: Insertable<TechProjectTable>): Promise<number> {
  const inserted = await db.kysely.insertInto("tech_projects").values(row).returning("id").executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertEvent(db: DbContext, row: Insertable<EnterpriseEventTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("enterprise_events")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A pending self-report becomes official; false when it was no longer pending. */
export async function markSupportOfficial(db: DbContext, table: SupportTableName, id: number): Promise<boolean> {
  const result = await db.kysely
    .updateTable(table)
    .set({ official: 1 })
    .where("id", "=", id)
    .where("official", "=", 0)
    .where("superseded_by", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Display names of the accounts that recorded rows. */
export async function userNames(db: DbContext, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

/** The code of the caller's unit (the plan's unit id), or null. */
export async function unitOf(db: DbContext, unitId: number): Promise<{ code: string; name: string } | undefined> {
  return db.kysely.selectFrom("units").select(["code", "name"]).where("id", "=", unitId).executeTakeFirst();
}
