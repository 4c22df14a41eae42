/**
 * Notifications written from a message (a key and its parameters, packages/domain/src/notifications/messages.ts):
 * stored with their Chinese text, which the robot webhook and older readers use, and with the message, which the
 * web app renders in the reader's language. Writers that have no message yet may still store text alone
 * (insertNotificationOnce); such rows are shown as stored.
 */
import type { Notification, NotificationList, NotificationRead } from "@beizeng/contract/notifications";
import {
  type NotificationMessage,
  type NotificationParams,
  renderNotification,
} from "@beizeng/domain/notifications/messages";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { forbidden, notFound } from "../../platform/errors";
import {
  findNotification,
  findNotifications,
  findOpenNoticesByKey,
  insertNotificationOnce,
  insertNotificationsOnce,
  markNoticesResolved,
  markNotificationRead,
  rewriteNotices,
} from "./notifications.repository";
import type { NotificationRow } from "./notifications.table";

export interface NotifyInput {
  districtId: string;
  /** The unit addressed (all its staff see it); null: the office. */
  unitId: number | null;
  kind: string;
  message: NotificationMessage;
  link: string | null;
  /** One notification per key and district: writing the same key again does nothing. */
  dedupeKey: string | null;
  createdAt?: string;
}

/** Writes a notification unless its dedupe key exists; gives back whether it is new, and its Chinese text. */
export async function notify(
  db: DbContext,
  input: NotifyInput,
): Promise<{ inserted: boolean; title: string; body: string }> {
  return write(db, input, { unit_id: input.unitId, user_id: null });
}

/** A notification to one user (e.g. the leader assigned to an enterprise): only that user sees it. */
export async function notifyUser(
  db: DbContext,
  input: Omit<NotifyInput, "unitId"> & { userId: number },
): Promise<{ inserted: boolean; title: string; body: string }> {
  return write(db, input, { unit_id: null, user_id: input.userId });
}

/** A notice to several users (e.g. every account of an enterprise); each user's copy is deduplicated on `dedupeKey|user|<id>`. */
export interface UsersNotice extends Omit<NotifyInput, "unitId" | "dedupeKey"> {
  userIds: readonly number[];
  dedupeKey: string;
}

/** Rows written by one statement when notices are written in bulk. */
const BULK_ROWS = 500;

/** One notice to several users, written in one statement. Gives back how many copies were new. */
export async function notifyUsers(db: DbContext, notice: UsersNotice): Promise<number> {
  return notifyUsersInBulk(db, [notice]);
}

/** Many notices (e.g. one per enterprise of a reward batch), written a few hundred rows per statement. */
export async function notifyUsersInBulk(db: DbContext, notices: readonly UsersNotice[]): Promise<number> {
  const rows = notices.flatMap((notice) => {
    const text = renderNotification(notice.message, "zh-CN");
    if (!text) throw new Error(`unknown notification message ${notice.message.key}`);
    const params = JSON.stringify(notice.message.params);
    const createdAt = notice.createdAt ?? new Date().toISOString();
    return notice.userIds.map((userId) => ({
      district_id: notice.districtId,
      unit_id: null,
      user_id: userId,
      kind: notice.kind,
      title: text.title,
      body: text.body,
      message_key: notice.message.key,
      message_params: params,
      link: notice.link,
      dedupe_key: `${notice.dedupeKey}|user|${userId}`,
      created_at: createdAt,
    }));
  });
  let written = 0;
  for (let start = 0; start < rows.length; start += BULK_ROWS)
    written += await insertNotificationsOnce(db, rows.slice(start, start + BULK_ROWS));
  return written;
}

async function write(
  db: DbContext,
  input: Omit<NotifyInput, "unitId">,
  addressee: { unit_id: number | null; user_id: number | null },
): Promise<{ inserted: boolean; title: string; body: string }> {
  const text = renderNotification(input.message, "zh-CN");
  if (!text) throw new Error(`unknown notification message ${input.message.key}`);
  const inserted = await insertNotificationOnce(db, {
    district_id: input.districtId,
    ...addressee,
    kind: input.kind,
    title: text.title,
    body: text.body,
    message_key: input.message.key,
    message_params: JSON.stringify(input.message.params),
    link: input.link,
    dedupe_key: input.dedupeKey,
    created_at: input.createdAt ?? new Date().toISOString(),
  });
  return { inserted, ...text };
}

/**
 * Brings the notices whose dedupe key matches `keyPattern` (LIKE, e.g. one enterprise's rewards of a year to confirm)
 * in line with what they are about: with no message, what they asked for is done and they leave their readers'
 * lists; with a message, each addressee keeps its newest notice, rewritten to say what still waits, and the older
 * ones leave. Gives back how many notices were settled.
 */
export async function reviseNotices(
  db: DbContext,
  districtId: string,
  keyPattern: string,
  stillWaiting: NotificationMessage | null,
): Promise<number> {
  const open = await findOpenNoticesByKey(db, districtId, keyPattern);
  const now = new Date().toISOString();
  if (stillWaiting === null) {
    await markNoticesResolved(
      db,
      open.map((row) => row.id),
      now,
    );
    return open.length;
  }
  const text = renderNotification(stillWaiting, "zh-CN");
  if (!text) throw new Error(`unknown notification message ${stillWaiting.key}`);
  const newestOfAddressee = new Set<string>();
  const kept: number[] = [];
  const older: number[] = [];
  for (const row of open) {
    const addressee = `${row.unit_id ?? ""}|${row.user_id ?? ""}`;
    if (newestOfAddressee.has(addressee)) older.push(row.id);
    else {
      newestOfAddressee.add(addressee);
      kept.push(row.id);
    }
  }
  await rewriteNotices(db, kept, {
    ...text,
    message_key: stillWaiting.key,
    message_params: JSON.stringify(stillWaiting.params),
  });
  await markNoticesResolved(db, older, now);
  return older.length;
}

/** A stored notification as the API gives it: the Chinese text, and the message where one was stored. */
export function notificationView(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    message: storedMessage(row),
    link: row.link,
    createdAt: row.created_at,
    read: row.read_at !== null,
  };
}

function storedMessage(row: NotificationRow): { key: string; params: NotificationParams } | null {
  if (row.message_key === null) return null;
  try {
    const params: unknown = JSON.parse(row.message_params ?? "{}");
    if (params === null || typeof params !== "object" || Array.isArray(params)) return null;
    return { key: row.message_key, params: params as NotificationParams };
  } catch {
    return null;
  }
}

/**
 * Notifications addressed to the caller: a unit's staff see their unit's, the office the office's, anyone else
 * (a leader, the commission) those addressed to them alone.
 */
export async function listNotifications(db: DbContext, user: AuthUser): Promise<NotificationList> {
  const rows = await findNotifications(db, {
    districtId: user.districtId,
    unitId: user.role === "unit" ? user.unitId : null,
    officeOnly: user.role === "office",
    userId: user.id,
    limit: 100,
  });
  return { items: rows.map(notificationView) };
}

export async function readNotification(db: DbContext, user: AuthUser, id: number): Promise<NotificationRead> {
  const row = await findNotification(db, id);
  if (!row || row.district_id !== user.districtId) throw notFound("通知不存在");
  const mine =
    row.user_id === user.id ||
    (user.role === "unit"
      ? row.unit_id === user.unitId
      : user.role === "office" && row.unit_id === null && row.user_id === null);
  if (!mine) throw forbidden("这不是发给您的通知");
  await markNotificationRead(db, user.districtId, id, new Date().toISOString());
  return { id, read: true };
}
