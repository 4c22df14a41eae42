import type { Insertable } from "kysely";
import type { UserRow } from "../../platform/auth/users.table";
import type { DbContext } from "../../platform/db/database";
import type { AccountActivationRow, AccountActivationTable } from "./account-activations.table";

export async function insertActivation(db: DbContext, values: Insertable<AccountActivationTable>): Promise<number> {
  const row = await db.kysely
    .insertInto("account_activations")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Voids the account's codes not yet used nor voided; returns how many. */
export async function revokeOpenActivations(db: DbContext, userId: number, at: string): Promise<number> {
  const result = await db.kysely
    .updateTable("account_activations")
    .set({ revoked_at: at })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The account's most recently issued code, whatever became of it. */
export async function latestActivation(db: DbContext, userId: number): Promise<AccountActivationRow | undefined> {
  return db.kysely
    .selectFrom("account_activations")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Spends a code that is still open; false when it was spent or voided meanwhile (two uses at once). */
export async function spendActivation(db: DbContext, id: number, at: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable("account_activations")
    .set({ used_at: at })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The district's codes still open (neither used nor voided), one per waiting account. */
export async function openActivationsOfDistrict(db: DbContext, districtId: string): Promise<AccountActivationRow[]> {
  return db.kysely
    .selectFrom("account_activations")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("user_id")
    .execute();
}

/** The usernames of every account (any role, disabled ones too) tied to each of the given enterprises. */
export async function accountsOfEnterprises(
  db: DbContext,
  districtId: string,
  enterpriseIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byEnterprise = new Map<number, string[]>();
  for (const chunk of chunks(enterpriseIds, 1000)) {
    const rows = await db.kysely
      .selectFrom("users")
      .select(["enterprise_id", "username"])
      .where("district_id", "=", districtId)
      .where("enterprise_id", "in", chunk)
      .orderBy("id")
      .execute();
    for (const row of rows) {
      if (row.enterprise_id === null) continue;
      const list = byEnterprise.get(row.enterprise_id) ?? [];
      list.push(row.username);
      byEnterprise.set(row.enterprise_id, list);
    }
  }
  return byEnterprise;
}

/** Which of these usernames some account (of any district) already holds. */
export async function takenUsernames(db: DbContext, usernames: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const chunk of chunks([...new Set(usernames)], 1000)) {
    const rows = await db.kysely.selectFrom("users").select("username").where("username", "in", chunk).execute();
    for (const row of rows) taken.add(row.username);
  }
  return taken;
}

/** Which of these enterprise ids are enterprises of the district's register. */
export async function enterpriseIdsInDistrict(
  db: DbContext,
  districtId: string,
  ids: readonly number[],
): Promise<Set<number>> {
  const found = new Set<number>();
  for (const chunk of chunks([...new Set(ids)], 1000)) {
    const rows = await db.kysely
      .selectFrom("enterprises")
      .select("id")
      .where("district_id", "=", districtId)
      .where("id", "in", chunk)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Enterprise accounts of the enterprise with this credit code (in any district) that wait for activation. */
export async function waitingAccountsByCreditCode(db: DbContext, creditCode: string): Promise<UserRow[]> {
  return db.kysely
    .selectFrom("users")
    .innerJoin("enterprises", "enterprises.id", "users.enterprise_id")
    .selectAll("users")
    .where("enterprises.credit_code", "=", creditCode)
    .where("users.role", "=", "enterprise")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("account_activations as a")
          .select("a.id")
          .whereRef("a.user_id", "=", "users.id")
          .where("a.used_at", "is", null)
          .where("a.revoked_at", "is", null),
      ),
    )
    .orderBy("users.id")
    .execute();
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
