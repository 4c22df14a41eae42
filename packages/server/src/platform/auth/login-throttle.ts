/**
 * The rules that hold back password guessing, as pure functions over the recorded attempts. No rule ever
 * locks an account outright: after a few failures in a scope, each next attempt in that scope waits a delay
 * that doubles with every further failure, up to a cap. The scopes:
 * - a browser that has signed in to the account before (a known device): only its own failures count, so
 *   nobody guessing from elsewhere can keep the owner out on it;
 * - an unknown browser: the failures of this username from this address, of this username from any
 *   unknown browser, and of any username from this address (behind a proxy that is not trusted, every
 *   user shares one address; known devices are not held back by that).
 */
import type { AttemptRecord } from "./login-attempts.table";

export type { AttemptRecord };

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export interface ThrottlePolicy {
  /** Failures allowed without any wait. */
  free: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** A username from one address, from unknown browsers. */
export const PAIR_POLICY: ThrottlePolicy = { free: 3, firstDelayMs: 15 * SECOND, maxDelayMs: 15 * MINUTE };
/** A username from every unknown browser together (guessing spread over many addresses). */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 10, firstDelayMs: 15 * SECOND, maxDelayMs: 15 * MINUTE };
/** One known browser of the account. */
export const KNOWN_DEVICE_POLICY: ThrottlePolicy = { free: 5, firstDelayMs: 15 * SECOND, maxDelayMs: 15 * MINUTE };
/** Any usernames from one address, from unknown browsers, counted over ADDRESS_WINDOW_MS. */
export const ADDRESS_POLICY: ThrottlePolicy = { free: 30, firstDelayMs: 15 * SECOND, maxDelayMs: 15 * MINUTE };
export const ADDRESS_WINDOW_MS = 15 * MINUTE;
/** How long failures are remembered for an account (the hourly purge removes older attempts). */
export const FAILURE_MEMORY_MS = 24 * 60 * MINUTE;

/** The wait owed after `failures` failures in a scope. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  const doublings = Math.min(failures - policy.free, 30);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/** The moment the next attempt in a scope may be made, given its failure count and latest failure (ms). */
export function nextAttemptAt(failures: number, latestFailureAt: number | null, policy: ThrottlePolicy): number {
  if (latestFailureAt === null) return 0;
  return latestFailureAt + delayAfter(failures, policy);
}

/**
 * The failures that count in a scope: those after the scope's latest success and after `notBefore` (the
 * account's last password change), attempts oldest first.
 */
export function countedFailures(
  attempts: readonly AttemptRecord[],
  inScope: (attempt: AttemptRecord) => boolean,
  notBefore: string | null,
): { count: number; latestAt: number | null } {
  let count = 0;
  let latestAt: number | null = null;
  for (const attempt of attempts) {
    if (!inScope(attempt) || (notBefore !== null && attempt.at < notBefore)) continue;
    if (attempt.succeeded === 1) {
      count = 0;
      latestAt = null;
    } else {
      count += 1;
      latestAt = Date.parse(attempt.at);
    }
  }
  return { count, latestAt };
}

export interface AttemptOrigin {
  ip: string;
  /** The known browser's key, or null for an unknown browser. */
  deviceKey: string | null;
}

/**
 * Until when an attempt must wait given the account's earlier attempts (oldest first) and, for an unknown
 * browser, the failures from its address within ADDRESS_WINDOW_MS. Null when it may go ahead now.
 */
export function attemptMustWaitUntil(input: {
  origin: AttemptOrigin;
  attempts: readonly AttemptRecord[];
  addressFailures: { count: number; latestAt: number | null };
  notBefore: string | null;
  now: number;
}): number | null {
  const { origin, attempts, notBefore } = input;
  let until = 0;
  if (origin.deviceKey !== null) {
    const device = countedFailures(attempts, (a) => a.device_key === origin.deviceKey, notBefore);
    until = nextAttemptAt(device.count, device.latestAt, KNOWN_DEVICE_POLICY);
  } else {
    const pair = countedFailures(attempts, (a) => a.device_key === null && a.ip === origin.ip, notBefore);
    const account = countedFailures(attempts, (a) => a.device_key === null, notBefore);
    const address = input.addressFailures;
    until = Math.max(
      nextAttemptAt(pair.count, pair.latestAt, PAIR_POLICY),
      nextAttemptAt(account.count, account.latestAt, ACCOUNT_POLICY),
      nextAttemptAt(address.count, address.latestAt, ADDRESS_POLICY),
    );
  }
  return until > input.now ? until : null;
}

export interface LoginRestriction {
  /** Failures remembered for the account since its last password change (what clearing removes). */
  failures: number;
  /** While some browser or address must wait before trying this account again: until when (ISO). */
  delayedUntil: string | null;
}

/**
 * What the office sees of an account's login restrictions: its remembered failures and the latest moment
 * any scope of the account is held back to. Null when there is nothing to clear.
 */
export function loginRestrictionOf(
  attempts: readonly AttemptRecord[],
  notBefore: string | null,
  now: number,
): LoginRestriction | null {
  const relevant = attempts.filter((a) => notBefore === null || a.at >= notBefore);
  const failures = relevant.filter((a) => a.succeeded === 0).length;
  if (failures === 0) return null;
  let until = 0;
  const account = countedFailures(relevant, (a) => a.device_key === null, null);
  until = Math.max(until, nextAttemptAt(account.count, account.latestAt, ACCOUNT_POLICY));
  for (const ip of new Set(relevant.filter((a) => a.device_key === null).map((a) => a.ip))) {
    const pair = countedFailures(relevant, (a) => a.device_key === null && a.ip === ip, null);
    until = Math.max(until, nextAttemptAt(pair.count, pair.latestAt, PAIR_POLICY));
  }
  for (const key of new Set(relevant.flatMap((a) => (a.device_key === null ? [] : [a.device_key])))) {
    const device = countedFailures(relevant, (a) => a.device_key === key, null);
    until = Math.max(until, nextAttemptAt(device.count, device.latestAt, KNOWN_DEVICE_POLICY));
  }
  return { failures, delayedUntil: until > now ? new Date(until).toISOString() : null };
}

/** "15 秒", "3 分钟": how long to wait, in the words of the refusal. */
export function waitInChinese(milliseconds: number): string {
  const seconds = Math.max(1, Math.ceil(milliseconds / SECOND));
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
