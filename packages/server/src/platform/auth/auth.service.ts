/**
 * Login, sessions and passwords. Sessions, login attempts and known browsers live in the database, so several
 * app processes behind a load balancer share them; the delays owed after failures are computed from
 * login_attempts (rules in login-throttle.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit/audit.service";
import type { DbContext } from "../db/database";
import { inTransaction } from "../db/transaction";
import { AppError, badRequest } from "../errors";
import { regionDistricts } from "../plan/regions.repository";
import {
  attemptsForUsername,
  deleteAttemptsBefore,
  deleteLoginAttempt,
  insertLoginAttempt,
  markAttemptSucceeded,
  unknownBrowserFailuresFromIp,
} from "./login-attempts.repository";
import {
  deleteDevicesBeyond,
  deleteDevicesUnusedSince,
  isKnownDevice,
  recordDeviceUse,
} from "./login-devices.repository";
import { ADDRESS_WINDOW_MS, attemptMustWaitUntil, FAILURE_MEMORY_MS, waitInChinese } from "./login-throttle";
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "./password";
import type { Principal } from "./permissions";
import {
  deleteExpiredSessions,
  deleteExpiredSessionsOfUser,
  deleteSession,
  deleteSessionsBeyond,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from "./sessions.repository";
import { findUserByUsername, findUserProfile, updateUserRow } from "./users.repository";
import type { UserRow } from "./users.table";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const SESSION_IDLE_MS = 2 * 60 * MINUTE;
export const SESSION_ABSOLUTE_MS = 12 * 60 * MINUTE;
/** last_seen_at is written at most this often, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = MINUTE;
/** Live sessions per account; the oldest ends when one more starts. */
export const MAX_SESSIONS_PER_USER = 10;
/** A browser that has not signed in to an account for this long is unknown to it again. */
export const DEVICE_IDLE_MS = 180 * DAY;
/** Known browsers remembered per account; the least recently used is forgotten first. */
export const MAX_DEVICES_PER_USER = 20;

/** The logged-in caller, as routes and services see it. */
export interface AuthUser extends Principal {
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  /** A region account's region; its districtId is then the region's district it reads now. */
  regionId?: string | null;
}

export interface SessionInfo {
  id: string;
  csrfToken: string;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Session and device cookies are 32 random bytes in base64url; anything else is not looked up. */
function isTokenShaped(token: string | null | undefined): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{20,200}$/.test(token);
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
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
    regionId: user.region_id,
  };
}

/**
 * The district a region account's request reads: the one its session chose if the region still covers it, else
 * the region's first. Null when the region covers none (nothing to read, so no session). Never the account's own
 * district_id: a district the region no longer covers is never read through it.
 */
export async function regionReadingDistrict(
  db: DbContext,
  regionId: string | null,
  viewed: string | null,
): Promise<string | null> {
  if (regionId === null) return null;
  const districts = await regionDistricts(db, regionId);
  return districts.find((district) => district.id === viewed)?.id ?? districts[0]?.id ?? null;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function rateLimited(until: number, now: number): AppError {
  const wait = until - now;
  return new AppError(429, "rate_limited", `登录尝试过于频繁，请 ${waitInChinese(wait)}后再试`, undefined, {
    retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
  });
}

const invalidCredentials = () => new AppError(401, "invalid_credentials", "用户名或密码错误");

/**
 * The key of a browser the account knows: its device cookie registered for the account, or else a live
 * session of the account it holds. Null for an unknown browser.
 */
async function knownBrowserKey(
  db: DbContext,
  user: UserRow | undefined,
  deviceToken: string | null | undefined,
  heldSession: { id: string; userId: number } | null | undefined,
  now: Date,
): Promise<string | null> {
  if (!user) return null;
  if (isTokenShaped(deviceToken)) {
    const tokenHash = hashSessionToken(deviceToken);
    const since = new Date(now.getTime() - DEVICE_IDLE_MS).toISOString();
    if (await isKnownDevice(db, user.id, tokenHash, since)) return tokenHash;
  }
  return heldSession && heldSession.userId === user.id ? heldSession.id : null;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string | null;
  /** The browser's device cookie (bz_device), when it sent one. */
  deviceToken?: string | null;
  /** The session the browser held when it asked to sign in (it ends when the new one starts). */
  heldSession?: { id: string; userId: number } | null;
}

export interface LoginResult {
  /** The cookie value; only its sha256 is stored. */
  token: string;
  csrfToken: string;
  /** The browser's device cookie, to set again (kept when it sent a valid one); only its sha256 is stored. */
  deviceToken: string;
  /** The account signed in; the route presents it (the accounts capability's user view). */
  userId: number;
}

export async function login(db: DbContext, input: LoginInput): Promise<LoginResult> {
  const username = normaliseUsername(input.username);
  const started = new Date();
  const user = await findUserByUsername(db, username);
  const deviceKey = await knownBrowserKey(db, user, input.deviceToken, input.heldSession, started);

  // The attempt is recorded as a failure before the password is checked, so that attempts made at the same
  // moment see each other: of many guesses sent at once, only those the rules allow reach the password.
  const attemptId = await insertLoginAttempt(db, {
    username,
    ip: input.ip,
    at: started.toISOString(),
    succeeded: false,
    deviceKey,
  });
  const since = new Date(started.getTime() - FAILURE_MEMORY_MS).toISOString();
  const attempts = await attemptsForUsername(db, username, since, attemptId);
  const addressFailures =
    deviceKey === null
      ? await unknownBrowserFailuresFromIp(
          db,
          input.ip,
          new Date(started.getTime() - ADDRESS_WINDOW_MS).toISOString(),
          attemptId,
        )
      : { count: 0, latestAt: null };
  const waitUntil = attemptMustWaitUntil({
    origin: { ip: input.ip, deviceKey },
    attempts,
    addressFailures,
    notBefore: user?.password_changed_at ?? null,
    now: started.getTime(),
  });
  if (waitUntil !== null) {
    // A refused attempt checked nothing, so it is not remembered as a failure.
    await deleteLoginAttempt(db, attemptId);
    throw rateLimited(waitUntil, started.getTime());
  }

  const passwordOk = user ? await verifyPassword(user.password_hash, input.password) : false;
  if (!user) await verifyAgainstDummy(input.password);
  if (!user || !passwordOk) throw invalidCredentials();
  if (user.disabled === 1) {
    await markAttemptSucceeded(db, attemptId);
    throw new AppError(403, "disabled", "账号已停用，请联系管理员");
  }

  const token = newToken();
  const csrfToken = newToken();
  const deviceToken = isTokenShaped(input.deviceToken) ? input.deviceToken : newToken();
  const at = new Date().toISOString();
  const sessionId = hashSessionToken(token);
  await inTransaction(db, async (tx) => {
    await markAttemptSucceeded(tx, attemptId);
    // The browser's previous session ends with this login, whoever it belonged to.
    if (input.heldSession) await deleteSession(tx, input.heldSession.id);
    await deleteExpiredSessionsOfUser(tx, user.id, at, new Date(Date.parse(at) - SESSION_IDLE_MS).toISOString());
    await insertSession(tx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      expires_at: new Date(Date.parse(at) + SESSION_ABSOLUTE_MS).toISOString(),
      last_seen_at: at,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await deleteSessionsBeyond(tx, user.id, MAX_SESSIONS_PER_USER, sessionId);
    await recordDeviceUse(tx, user.id, hashSessionToken(deviceToken), at);
    await deleteDevicesBeyond(tx, user.id, MAX_DEVICES_PER_USER);
    await recordAudit(tx, {
      districtId: user.district_id,
      actor: { userId: user.id, label: user.username },
      action: "login",
      entityType: "session",
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { token, csrfToken, deviceToken, userId: user.id };
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
  const authUser = toAuthUser(user);
  if (user.role === "region") {
    const reading = await regionReadingDistrict(db, user.region_id, session.viewed_district_id);
    if (reading === null) return null;
    authUser.districtId = reading;
  }
  return { user: authUser, session: { id, csrfToken: session.csrf_token } };
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

/** Removes expired sessions, login attempts older than the failure memory, and browsers long unused. */
export async function purgeExpiredAuthData(db: DbContext, now = new Date()): Promise<void> {
  await deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
  await deleteAttemptsBefore(db, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString());
  await deleteDevicesUnusedSince(db, new Date(now.getTime() - DEVICE_IDLE_MS).toISOString());
}
