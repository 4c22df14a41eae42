import type { DbContext } from "../db/database";
import type { DistrictRow } from "./districts.table";
import type { PlanRow } from "./plans.table";

export async function findDistrict(db: DbContext, id: string): Promise<DistrictRow | undefined> {
  return db.kysely.selectFrom("districts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function firstDistrict(db: DbContext): Promise<DistrictRow | undefined> {
  return db.kysely.selectFrom("districts").selectAll().orderBy("created_at").orderBy("id").limit(1).executeTakeFirst();
}

export async function insertDistrict(db: DbContext, district: DistrictRow): Promise<void> {
  await db.kysely.insertInto("districts").values(district).execute();
}

export async function updateDistrictName(db: DbContext, id: string, name: string): Promise<void> {
  await db.kysely.updateTable("districts").set({ name }).where("id", "=", id).execute();
}

export async function findActivePlan(db: DbContext, districtId: string): Promise<PlanRow | undefined> {
  return db.kysely
    .selectFrom("plans")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("is_active", "=", 1)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findPlanVersion(
  db: DbContext,
  districtId: string,
  planId: string,
  version: number,
): Promise<PlanRow | undefined> {
  return db.kysely
    .selectFrom("plans")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("plan_id", "=", planId)
    .where("version", "=", version)
    .executeTakeFirst();
}

export async function deactivatePlans(db: DbContext, districtId: string): Promise<void> {
  await db.kysely.updateTable("plans").set({ is_active: 0 }).where("district_id", "=", districtId).execute();
}

export async function insertPlan(
  db: DbContext,
  plan: { district_id: string; plan_id: string; version: number; title: string; content: string; loaded_at: string },
): Promise<number> {
  const row = await db.kysely
    .insertInto("plans")
    .values({ ...plan, is_active: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function activatePlan(
  db: DbContext,
  id: number,
  content: string,
  title: string,
  at: string,
): Promise<void> {
  await db.kysely
    .updateTable("plans")
    .set({ is_active: 1, content, title, loaded_at: at })
    .where("id", "=", id)
    .execute();
}

/** Whether the district holds demonstration data (enterprises or projects marked is_demo). */
export async function districtHasDemoData(db: DbContext, districtId: string): Promise<boolean> {
  const enterprise = await db.kysely
    .selectFrom("enterprises")
    .select("id")
    .where("district_id", "=", districtId)
    .where("is_demo", "=", 1)
    .limit(1)
    .executeTakeFirst();
  if (enterprise) return true;
  const project = await db.kysely
    .selectFrom("projects")
    .select("id")
    .where("district_id", "=", districtId)
    .where("is_demo", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return project !== undefined;
}
