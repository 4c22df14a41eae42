import type { DbContext } from "../db/database";
import type { AttemptRecord } from "./login-attempts.table";

/** Records an attempt; returns its id (attempts are ordered by id, which follows the order they began). */
export async function insertLoginAttempt(
  db: DbContext,
  attempt: { username: string; ip: string; at: string; succeeded: boolean; deviceKey: string | null },
): Promise<number> {
  const row = await db.kysely
    .insertInto("login_attempts")
    .values({
      username: attempt.username,
      ip: attempt.ip,
      at: attempt.at,
      succeeded: attempt.succeeded ? 1 : 0,
      device_key: attempt.deviceKey,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markAttemptSucceeded(db: DbContext, id: number): Promise<void> {
  await db.kysely.updateTable("login_attempts").set({ succeeded: 1 }).where("id", "=", id).execute();
}

export async function deleteLoginAttempt(db: DbContext, id: number): Promise<void> {
  await db.kysely.deleteFrom("login_attempts").where("id", "=", id).execute();
}

/** Attempts for a username since a moment, begun before attempt `beforeId` when given; oldest first. */
export async function attemptsForUsername(
  db: DbContext,
  username: string,
  since: string,
  beforeId?: number,
): Promise<AttemptRecord[]> {
  let query = db.kysely
    .selectFrom("login_attempts")
    .select(["id", "at", "ip", "succeeded", "device_key"])
    .where("username", "=", username)
    .where("at", ">=", since);
  if (beforeId !== undefined) query = query.where("id", "<", beforeId);
  return query.orderBy("id").execute();
}

/** Attempts for several usernames since a moment, oldest first, grouped by username. */
export async function attemptsForUsernames(
  db: DbContext,
  usernames: readonly string[],
  since: string,
): Promise<Map<string, AttemptRecord[]>> {
  const byUsername = new Map<string, AttemptRecord[]>();
  if (usernames.length === 0) return byUsername;
  const rows = await db.kysely
    .selectFrom("login_attempts")
    .select(["id", "username", "at", "ip", "succeeded", "device_key"])
    .where("username", "in", [...usernames])
    .where("at", ">=", since)
    .orderBy("id")
    .execute();
  for (const { username, ...attempt } of rows) {
    const list = byUsername.get(username) ?? [];
    list.push(attempt);
    byUsername.set(username, list);
  }
  return byUsername;
}

/** Failures from unknown browsers at an address since a moment (before attempt `beforeId`): how many, and the latest. */
export async function unknownBrowserFailuresFromIp(
  db: DbContext,
  ip: string,
  since: string,
  beforeId: number,
): Promise<{ count: number; latestAt: number | null }> {
  const row = await db.kysely
    .selectFrom("login_attempts")
    .select((eb) => [eb.fn.countAll().as("failures"), eb.fn.max("at").as("latest")])
    .where("ip", "=", ip)
    .where("at", ">=", since)
    .where("succeeded", "=", 0)
    .where("device_key", "is", null)
    .where("id", "<", beforeId)
    .executeTakeFirst();
  const latest = row?.latest ?? null;
  return { count: Number(row?.failures ?? 0), latestAt: latest === null ? null : Date.parse(latest) };
}

/** Removes every recorded attempt for a username (the office clears its login restrictions); returns the failures removed. */
export async function deleteAttemptsForUsername(db: DbContext, username: string): Promise<number> {
  const failures = await db.kysely
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll().as("failures"))
    .where("username", "=", username)
    .where("succeeded", "=", 0)
    .executeTakeFirst();
  await db.kysely.deleteFrom("login_attempts").where("username", "=", username).execute();
  return Number(failures?.failures ?? 0);
}

export async function deleteAttemptsBefore(db: DbContext, before: string): Promise<void> {
  await db.kysely.deleteFrom("login_attempts").where("at", "<", before).execute();
}
