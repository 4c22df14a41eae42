import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../db/database";
import type { UserRow, UserTable } from "./users.table";

export interface UserProfileRow extends UserRow {
  unit_code: string | null;
  unit_name: string | null;
  unit_kind: string | null;
  enterprise_name: string | null;
  enterprise_credit_code: string | null;
}

function profileQuery(db: DbContext) {
  return db.kysely
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .leftJoin("enterprises", "enterprises.id", "users.enterprise_id")
    .selectAll("users")
    .select([
      "units.code as unit_code",
      "units.name as unit_name",
      "units.kind as unit_kind",
      "enterprises.name as enterprise_name",
      "enterprises.credit_code as enterprise_credit_code",
    ]);
}

/** An account's unit as its powers are read: its id in the plan (code), its name and district. */
export async function findUnitOfAccount(
  db: DbContext,
  unitId: number,
): Promise<{ code: string; name: string; district_id: string } | undefined> {
  return db.kysely
    .selectFrom("units")
    .select(["code", "name", "district_id"])
    .where("id", "=", unitId)
    .executeTakeFirst();
}

export async function findUserByUsername(db: DbContext, username: string): Promise<UserRow | undefined> {
  return db.kysely.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserProfile(db: DbContext, id: number): Promise<UserProfileRow | undefined> {
  return profileQuery(db).where("users.id", "=", id).executeTakeFirst();
}

export async function listUserProfiles(db: DbContext, districtId: string): Promise<UserProfileRow[]> {
  // A region's accounts belong to the region, not to the district they were made in.
  return profileQuery(db)
    .where("users.district_id", "=", districtId)
    .where("users.region_id", "is", null)
    .orderBy("users.id")
    .execute();
}

export async function insertUser(db: DbContext, values: Insertable<UserTable>): Promise<number> {
  const row = await db.kysely.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(db: DbContext, id: number, patch: Updateable<UserTable>): Promise<void> {
  await db.kysely.updateTable("users").set(patch).where("id", "=", id).execute();
}

/** The active accounts of the given enterprises (a notice to an enterprise goes to each of them). */
export async function findEnterpriseAccounts(
  db: DbContext,
  districtId: string,
  enterpriseIds: readonly number[],
): Promise<{ id: number; enterprise_id: number }[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db.kysely
    .selectFrom("users")
    .select(["id", "enterprise_id"])
    .where("district_id", "=", districtId)
    .where("role", "=", "enterprise")
    .where("disabled", "=", 0)
    .where("enterprise_id", "in", [...enterpriseIds])
    .orderBy("id")
    .execute();
  return rows.flatMap((row) => (row.enterprise_id === null ? [] : [{ id: row.id, enterprise_id: row.enterprise_id }]));
}
