/**
 * Login, sessions and passwords. Sessions and login attempts live in the database, so several app
 * processes behind a load balancer share them; the lock-out is computed from login_attempts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { DbContext } from "../db/database";
import type { UserRow } from "../db/tables/users";
import { inTransaction } from "../db/transaction";
import { AppError, badRequest } from "../errors";
import type { Principal } from "../policies/permissions";
import {
  attemptsForUsername,
  countFailuresFromIp,
  deleteAttemptsBefore,
  insertLoginAttempt,
} from "../repositories/login-attempts.repository";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "../repositories/sessions.repository";
import { findUserByUsername, findUserProfile, updateUserRow } from "../repositories/users.repository";
import { recordAudit } from "./audit.service";
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "./password";
import { getUserView, type UserView } from "./users.service";

const MINUTE = 60_000;
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
/** last_seen_at is written at most this often, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = MINUTE;

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * MINUTE;
export const LOCKOUT_DURATION_MS = 15 * MINUTE;
/** Failures from one address (any usernames) within the window before it is throttled. */
export const IP_FAILURE_LIMIT = 30;

/** The logged-in caller, as routes and services see it. */
export interface AuthUser extends Principal {
  username: string;
  displayName: string;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  id: string;
  csrfToken: string;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function toAuthUser(user: UserRow): AuthUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    districtId: user.district_id,
    unitId: user.unit_id,
    enterpriseId: user.enterprise_id,
    mustChangePassword: user.must_change_password === 1,
  };
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * When the account is locked, the moment the lock ends. A lock starts at any failure that is the
 * fifth within 15 minutes (counting only failures after the last success and the last password
 * change) and lasts 15 minutes.
 */
export function lockedUntil(
  attempts: { at: string; succeeded: number }[],
  now: Date,
  notBefore: string | null,
): Date | null {
  const failures: number[] = [];
  for (const attempt of attempts) {
    if (notBefore && attempt.at < notBefore) continue;
    if (attempt.succeeded === 1) failures.length = 0;
    else failures.push(Date.parse(attempt.at));
  }
  let end: number | null = null;
  for (let i = LOCKOUT_FAILURES - 1; i < failures.length; i += 1) {
    const first = failures[i - (LOCKOUT_FAILURES - 1)]!;
    const last = failures[i]!;
    if (last - first <= LOCKOUT_WINDOW_MS) end = Math.max(end ?? 0, last + LOCKOUT_DURATION_MS);
  }
  return end !== null && end > now.getTime() ? new Date(end) : null;
}

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new AppError(423, "locked", `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`, undefined, {
    retryAfterSeconds: seconds,
  });
}

const invalidCredentials = () => new AppError(401, "invalid_credentials", "用户名或密码错误");

async function currentLock(db: DbContext, username: string, user: UserRow | undefined, now: Date) {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS - LOCKOUT_DURATION_MS).toISOString();
  const attempts = await attemptsForUsername(db, username, since);
  return lockedUntil(attempts, now, user?.password_changed_at ?? null);
}

export interface LoginResult {
  /** The cookie value; only its sha256 is stored. */
  token: string;
  csrfToken: string;
  user: UserView;
}

export async function login(
  db: DbContext,
  input: { username: string; password: string; ip: string; userAgent?: string | null },
): Promise<LoginResult> {
  const username = normaliseUsername(input.username);
  const now = new Date();
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  if ((await countFailuresFromIp(db, input.ip, windowStart)) >= IP_FAILURE_LIMIT) {
    throw new AppError(429, "rate_limited", "登录尝试过于频繁，请 15 分钟后再试", undefined, {
      retryAfterSeconds: LOCKOUT_WINDOW_MS / 1000,
    });
  }
  const user = await findUserByUsername(db, username);
  const lock = await currentLock(db, username, user, now);
  if (lock) throw lockedError(lock, now);

  const passwordOk = user ? await verifyPassword(user.password_hash, input.password) : false;
  if (!user) await verifyAgainstDummy(input.password);
  if (!user || !passwordOk) {
    await insertLoginAttempt(db, { username, ip: input.ip, at: new Date().toISOString(), succeeded: false });
    const after = new Date();
    const lockNow = await currentLock(db, username, user, after);
    if (user) {
      const failures = await attemptsForUsername(db, username, windowStart);
      await updateUserRow(db, user.id, {
        failed_logins: failures.filter((a) => a.succeeded === 0).length,
        locked_until: lockNow ? lockNow.toISOString() : user.locked_until,
      });
    }
    if (lockNow) throw lockedError(lockNow, after);
    throw invalidCredentials();
  }
  if (user.disabled === 1) throw new AppError(403, "disabled", "账号已停用，请联系管理员");

  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const at = new Date().toISOString();
  await inTransaction(db, async (tx) => {
    await insertLoginAttempt(tx, { username, ip: input.ip, at, succeeded: true });
    await insertSession(tx, {
      id: hashSessionToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      expires_at: new Date(Date.parse(at) + SESSION_ABSOLUTE_MS).toISOString(),
      last_seen_at: at,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserRow(tx, user.id, { failed_logins: 0, locked_until: null });
    await recordAudit(tx, {
      districtId: user.district_id,
      actor: { userId: user.id, label: user.username },
      action: "login",
      entityType: "session",
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { token, csrfToken, user: await getUserView(db, user.id) };
}

/** The user and session behind a cookie token, or null when absent, expired, idle too long or disabled. */
export async function authenticate(
  db: DbContext,
  token: string,
): Promise<{ user: AuthUser; session: SessionInfo } | null> {
  if (!token || token.length > 200) return null;
  const id = hashSessionToken(token);
  const found = await findSessionWithUser(db, id);
  if (!found) return null;
  const now = Date.now();
  const { session, user } = found;
  const expired = Date.parse(session.expires_at) <= now || Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= now;
  if (expired || user.disabled === 1) {
    await deleteSession(db, id);
    return null;
  }
  if (now - Date.parse(session.last_seen_at) >= TOUCH_INTERVAL_MS) {
    await touchSession(db, id, new Date(now).toISOString());
  }
  return { user: toAuthUser(user), session: { id, csrfToken: session.csrf_token } };
}

export async function logout(db: DbContext, user: AuthUser, sessionId: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor: { userId: user.id, label: user.username },
      action: "logout",
      entityType: "session",
      entityId: user.id,
    });
  });
}

/** Changes the caller's own password; every other session of the account ends. */
export async function changePassword(
  db: DbContext,
  user: AuthUser,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await findUserProfile(db, user.id);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError(400, "wrong_password", "当前密码不正确", [
      { path: "currentPassword", message: "当前密码不正确" },
    ]);
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest(`字段 newPassword：${problem}`, [{ path: "newPassword", message: problem }]);
  if (input.newPassword === input.currentPassword) {
    throw badRequest("字段 newPassword：新密码不能与当前密码相同", [
      { path: "newPassword", message: "新密码不能与当前密码相同" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    await updateUserRow(tx, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: now,
      updated_at: now,
    });
    await deleteSessionsOfUser(tx, user.id, sessionId);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor: { userId: user.id, label: user.username },
      action: "password_change",
      entityType: "user",
      entityId: user.id,
    });
  });
}

/** Removes expired sessions and login attempts too old to matter (kept a day for inspection). */
export async function purgeExpiredAuthData(db: DbContext, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  await deleteAttemptsBefore(db, new Date(now.getTime() - 24 * 60 * MINUTE).toISOString());
}
