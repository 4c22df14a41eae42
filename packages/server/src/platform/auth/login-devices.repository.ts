import type { DbContext } from "../db/database";

/** Whether a browser (its device token's hash) has signed in to the account since `usedSince`. */
export async function isKnownDevice(
  db: DbContext,
  userId: number,
  tokenHash: string,
  usedSince: string,
): Promise<boolean> {
  const row = await db.kysely
    .selectFrom("login_devices")
    .select("id")
    .where("user_id", "=", userId)
    .where("token_hash", "=", tokenHash)
    .where("last_used_at", ">=", usedSince)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records that a browser signed in to the account now (a new row, or the known one's last use). */
export async function recordDeviceUse(db: DbContext, userId: number, tokenHash: string, at: string): Promise<void> {
  await db.kysely
    .insertInto("login_devices")
    .values({ user_id: userId, token_hash: tokenHash, created_at: at, last_used_at: at })
    .onConflict((conflict) => conflict.columns(["user_id", "token_hash"]).doUpdateSet({ last_used_at: at }))
    .execute();
}

/** Forgets the least recently used browsers of an account beyond the `keep` most recent. */
export async function deleteDevicesBeyond(db: DbContext, userId: number, keep: number): Promise<void> {
  const rows = await db.kysely
    .selectFrom("login_devices")
    .select("id")
    .where("user_id", "=", userId)
    .orderBy("last_used_at", "desc")
    .orderBy("id", "desc")
    .execute();
  const surplus = rows.slice(keep).map((row) => row.id);
  if (surplus.length > 0) await db.kysely.deleteFrom("login_devices").where("id", "in", surplus).execute();
}

export async function deleteDevicesUnusedSince(db: DbContext, before: string): Promise<void> {
  await db.kysely.deleteFrom("login_devices").where("last_used_at", "<", before).execute();
}
