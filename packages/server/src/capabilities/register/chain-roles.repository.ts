/** An enterprise's roles in the plan's chains (链主型, 骨干型) per year. */
import type { Insertable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import type { EnterpriseChainRoleTable } from "./enterprise-register.table";

export async function chainRolesOf(db: DbContext, enterpriseId: number) {
  return db.kysely
    .selectFrom("enterprise_chain_roles")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .orderBy("year", "desc")
    .orderBy("id")
    .execute();
}

export async function findChainRole(db: DbContext, id: number) {
  return db.kysely.selectFrom("enterprise_chain_roles").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findChainRoleOf(db: DbContext, enterpriseId: number, chainId: string, year: number) {
  return db.kysely
    .selectFrom("enterprise_chain_roles")
    .selectAll()
    .where("enterprise_id", "=", enterpriseId)
    .where("chain_id", "=", chainId)
    .where("year", "=", year)
    .executeTakeFirst();
}

export async function insertChainRole(db: DbContext, row: Insertable<EnterpriseChainRoleTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("enterprise_chain_roles")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteChainRole(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("enterprise_chain_roles").where("id", "=", id).execute();
}

/** The district's designations with their enterprises, of one year or of every year. */
export async function findDistrictChainRoles(db: DbContext, districtId: string, year?: number) {
  let query = db.kysely
    .selectFrom("enterprise_chain_roles as r")
    .innerJoin("enterprises as e", "e.id", "r.enterprise_id")
    .selectAll("r")
    .select(["e.name as enterprise_name", "e.credit_code"])
    .where("r.district_id", "=", districtId);
  if (year !== undefined) query = query.where("r.year", "=", year);
  return query.orderBy("r.year", "desc").orderBy("r.chain_id").orderBy("r.role", "desc").orderBy("e.name").execute();
}
export type ChainRoleListRow = Awaited<ReturnType<typeof findDistrictChainRoles>>[number];

/** The years with a designation in the district, newest first. */
export async function chainRoleYears(db: DbContext, districtId: string): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom("enterprise_chain_roles")
    .select("year")
    .distinct()
    .where("district_id", "=", districtId)
    .orderBy("year", "desc")
    .execute();
  return rows.map((row) => Number(row.year));
}

/** Marks the district's designations as demo data. */
export async function markChainRolesAsDemo(db: DbContext, districtId: string): Promise<void> {
  await db.kysely
    .updateTable("enterprise_chain_roles")
    .set({ is_demo: 1 })
    .where("district_id", "=", districtId)
    .execute();
}
