import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { UnitRow, UnitTable } from "./units.table";

export async function listUnitRows(db: DbContext, districtId: string): Promise<UnitRow[]> {
  return db.kysely.selectFrom("units").selectAll().where("district_id", "=", districtId).orderBy("id").execute();
}

export async function findUnit(db: DbContext, id: number): Promise<UnitRow | undefined> {
  return db.kysely.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findUnitByCode(db: DbContext, districtId: string, code: string): Promise<UnitRow | undefined> {
  return db.kysely
    .selectFrom("units")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .executeTakeFirst();
}

export async function insertUnit(db: DbContext, values: Insertable<UnitTable>): Promise<number> {
  const row = await db.kysely.insertInto("units").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnitRow(db: DbContext, id: number, patch: Updateable<UnitTable>): Promise<void> {
  await db.kysely.updateTable("units").set(patch).where("id", "=", id).execute();
}
