/** Notifications to a unit, the office or one user: written once per dedupe key, listed, marked read. */
import type { DbContext } from "../../platform/db/database";
import type { NotificationRow } from "./notifications.table";

export async function insertNotificationOnce(
  db: DbContext,
  values: {
    district_id: string;
    unit_id: number | null;
    /** A notice to one user (a leader); unit_id is then null. */
    user_id?: number | null;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    dedupe_key: string | null;
    created_at: string;
    /** The message key and JSON parameters the title and body were written from (notifications.service). */
    message_key?: string | null;
    message_params?: string | null;
  },
): Promise<boolean> {
  const result = await db.kysely
    .insertInto("notifications")
    .values({ message_key: null, message_params: null, user_id: null, ...values, read_at: null })
    .onConflict((oc) => oc.columns(["district_id", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Several notifications in one statement; a row whose dedupe key exists is skipped. Gives back how many were written. */
export async function insertNotificationsOnce(
  db: DbContext,
  rows: readonly Parameters<typeof insertNotificationOnce>[1][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.kysely
    .insertInto("notifications")
    .values(
      rows.map((values) => ({ message_key: null, message_params: null, user_id: null, ...values, read_at: null })),
    )
    .onConflict((oc) => oc.columns(["district_id", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

export async function findNotifications(
  db: DbContext,
  filter: { districtId: string; unitId: number | null; officeOnly: boolean; userId?: number; limit: number },
): Promise<NotificationRow[]> {
  let query = db.kysely
    .selectFrom("notifications")
    .selectAll()
    .where("district_id", "=", filter.districtId)
    .where("resolved_at", "is", null);
  // The office's are those addressed to no unit and no single user (a leader's own are addressed to the user).
  if (filter.officeOnly) query = query.where("unit_id", "is", null).where("user_id", "is", null);
  else if (filter.unitId !== null) query = query.where("unit_id", "=", filter.unitId);
  else if (filter.userId !== undefined) query = query.where("user_id", "=", filter.userId);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit).execute();
}

export async function markNotificationRead(db: DbContext, districtId: string, id: number, at: string): Promise<void> {
  await db.kysely
    .updateTable("notifications")
    .set({ read_at: at })
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .where("read_at", "is", null)
    .execute();
}

export async function findNotification(db: DbContext, id: number) {
  return db.kysely.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The unsettled notices of a district whose dedupe key matches a LIKE pattern, newest first. */
export async function findOpenNoticesByKey(db: DbContext, districtId: string, keyPattern: string) {
  return db.kysely
    .selectFrom("notifications")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("dedupe_key", "like", keyPattern)
    .where("resolved_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function markNoticesResolved(db: DbContext, ids: readonly number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.kysely.updateTable("notifications").set({ resolved_at: at }).where("id", "in", ids).execute();
}

/** Rewrites notices' text and message (the same for all the ids), e.g. when fewer rewards wait than they said. */
export async function rewriteNotices(
  db: DbContext,
  ids: readonly number[],
  text: { title: string; body: string; message_key: string; message_params: string },
): Promise<void> {
  if (ids.length === 0) return;
  await db.kysely.updateTable("notifications").set(text).where("id", "in", ids).execute();
}
