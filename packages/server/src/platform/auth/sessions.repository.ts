import type { Insertable } from "kysely";
import type { DbContext } from "../db/database";
import type { SessionRow, SessionTable } from "./sessions.table";
import type { UserRow } from "./users.table";

export async function insertSession(db: DbContext, values: Insertable<SessionTable>): Promise<void> {
  await db.kysely.insertInto("sessions").values(values).execute();
}

export async function findSessionWithUser(
  db: DbContext,
  id: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const session = await db.kysely.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.kysely.selectFrom("users").selectAll().where("id", "=", session.user_id).executeTakeFirst();
  return user ? { session, user } : undefined;
}

export async function touchSession(db: DbContext, id: string, at: string): Promise<void> {
  await db.kysely.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
}

export async function deleteSession(db: DbContext, id: string): Promise<void> {
  await db.kysely.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user, except the one given (the caller's own, after a password change). */
export async function deleteSessionsOfUser(db: DbContext, userId: number, exceptId?: string): Promise<void> {
  let query = db.kysely.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) query = query.where("id", "!=", exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: DbContext, now: string, idleBefore: string): Promise<void> {
  await db.kysely
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
    .execute();
}

/**
 * Ends the oldest sessions of a user beyond the `keep` most recent ones (by start, then last use); the
 * session just started (`newestId`) always stays.
 */
export async function deleteSessionsBeyond(
  db: DbContext,
  userId: number,
  keep: number,
  newestId: string,
): Promise<void> {
  const older = await db.kysely
    .selectFrom("sessions")
    .select("id")
    .where("user_id", "=", userId)
    .where("id", "!=", newestId)
    .orderBy("created_at", "desc")
    .orderBy("last_seen_at", "desc")
    .orderBy("id")
    .execute();
  const surplus = older.slice(Math.max(0, keep - 1)).map((row) => row.id);
  if (surplus.length > 0) await db.kysely.deleteFrom("sessions").where("id", "in", surplus).execute();
}

/** Ends a user's sessions that have expired (absolutely, or idle since before `idleBefore`). */
export async function deleteExpiredSessionsOfUser(
  db: DbContext,
  userId: number,
  now: string,
  idleBefore: string,
): Promise<void> {
  await db.kysely
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
    .execute();
}

/** Which of its region's districts a region account's session reads from now on. */
export async function setViewedDistrict(db: DbContext, id: string, districtId: string): Promise<void> {
  await db.kysely.updateTable("sessions").set({ viewed_district_id: districtId }).where("id", "=", id).execute();
}
