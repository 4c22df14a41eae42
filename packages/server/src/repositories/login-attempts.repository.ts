import type { DbContext } from "../db/database";

export async function insertLoginAttempt(
  db: DbContext,
  attempt: { username: string; ip: string; at: string; succeeded: boolean },
): Promise<void> {
  await db.kysely
    .insertInto("login_attempts")
    .values({ ...attempt, succeeded: attempt.succeeded ? 1 : 0 })
    .execute();
}

/** Attempts for a username since a moment, oldest first. */
export async function attemptsForUsername(
  db: DbContext,
  username: string,
  since: string,
): Promise<{ at: string; succeeded: number }[]> {
  return db.kysely
    .selectFrom("login_attempts")
    .select(["at", "succeeded"])
    .where("username", "=", username)
    .where("at", ">=", since)
    .orderBy("at")
    .orderBy("id")
    .execute();
}

export async function countFailuresFromIp(db: DbContext, ip: string, since: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll().as("failures"))
    .where("ip", "=", ip)
    .where("at", ">=", since)
    .where("succeeded", "=", 0)
    .executeTakeFirst();
  return Number(row?.failures ?? 0);
}

export async function deleteAttemptsBefore(db: DbContext, before: string): Promise<void> {
  await db.kysely.deleteFrom("login_attempts").where("at", "<", before).execute();
}
