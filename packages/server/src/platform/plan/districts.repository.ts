import { createHash } from "node:crypto";
import type { DbContext } from "../db/database";
import type { DistrictRow } from "./districts.table";
import type { PlanRow } from "./plans.table";

/**
 * Holds the district's row until the transaction ends, so that changes that must follow one another in a
 * district (a new plan version, a bulletin's number) are made one after the other on PostgreSQL; SQLite's
 * write transactions already queue. A district not stored yet has no row to hold.
 */
export async function lockDistrict(db: DbContext, districtId: string): Promise<void> {
  if (db.dialect !== "postgres") return;
  await db.kysely.selectFrom("districts").select("id").where("id", "=", districtId).forUpdate().execute();
}

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

/** What tells a stored version apart without its text: row, plan, version and the content's digest. */
export type PlanStamp = Pick<PlanRow, "id" | "district_id" | "plan_id" | "version" | "content_sha256">;

const STAMP_COLUMNS = ["id", "district_id", "plan_id", "version", "content_sha256"] as const;

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

/** The current version's stamp, without its text. */
export async function findActivePlanStamp(db: DbContext, districtId: string): Promise<PlanStamp | undefined> {
  return db.kysely
    .selectFrom("plans")
    .select(STAMP_COLUMNS)
    .where("district_id", "=", districtId)
    .where("is_active", "=", 1)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * The stamp of the version in force in a year: the latest confirmed version taking effect in or before it;
 * for a year before every version's first year, the earliest version.
 */
export async function findPlanStampInForce(
  db: DbContext,
  districtId: string,
  year: number,
): Promise<PlanStamp | undefined> {
  const inForce = await db.kysely
    .selectFrom("plans")
    .select(STAMP_COLUMNS)
    .where("district_id", "=", districtId)
    .where("effective_year", "<=", year)
    .orderBy("effective_year", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (inForce) return inForce;
  return db.kysely
    .selectFrom("plans")
    .select(STAMP_COLUMNS)
    .where("district_id", "=", districtId)
    .orderBy("effective_year")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
}

export async function findPlanStamp(
  db: DbContext,
  districtId: string,
  planId: string,
  version: number,
): Promise<PlanStamp | undefined> {
  return db.kysely
    .selectFrom("plans")
    .select(STAMP_COLUMNS)
    .where("district_id", "=", districtId)
    .where("plan_id", "=", planId)
    .where("version", "=", version)
    .executeTakeFirst();
}

export async function findPlanContent(db: DbContext, id: number): Promise<string | undefined> {
  const row = await db.kysely.selectFrom("plans").select("content").where("id", "=", id).executeTakeFirst();
  return row?.content;
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

/** Every stored version of the district's plans, newest first, without their texts. */
export async function listPlanVersions(db: DbContext, districtId: string): Promise<Omit<PlanRow, "content">[]> {
  return db.kysely
    .selectFrom("plans")
    .select([
      "id",
      "district_id",
      "plan_id",
      "version",
      "title",
      "loaded_at",
      "is_active",
      "effective_year",
      "reason",
      "loaded_by",
      "content_sha256",
    ])
    .where("district_id", "=", districtId)
    .orderBy("id", "desc")
    .execute();
}

export async function deactivatePlans(db: DbContext, districtId: string): Promise<void> {
  await db.kysely.updateTable("plans").set({ is_active: 0 }).where("district_id", "=", districtId).execute();
}

/** Stores a new version as the current one; a stored version's text is never rewritten afterwards. */
export async function insertPlan(
  db: DbContext,
  plan: Pick<
    PlanRow,
    | "district_id"
    | "plan_id"
    | "version"
    | "title"
    | "content"
    | "loaded_at"
    | "effective_year"
    | "reason"
    | "loaded_by"
  >,
): Promise<number> {
  const row = await db.kysely
    .insertInto("plans")
    .values({ ...plan, content_sha256: contentDigest(plan.content), is_active: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function contentDigest(content: string): string {
  return createHash("sha256").update(content).digest("hex");
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
