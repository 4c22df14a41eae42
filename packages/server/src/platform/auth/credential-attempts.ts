/**
 * An attempt to prove a secret other than the password (an activation code) under the login throttling: it is
 * recorded in login_attempts under the account's username, exactly as a login is, so wrong codes and wrong
 * passwords count together in the same scopes (login-throttle.ts) and neither can be guessed faster than the
 * other. The sequence is the login's: record a failure first (guesses sent at once see each other), refuse
 * unchecked while a wait is owed, turn the record into a success only once the secret proved right.
 */
import type { DbContext } from "../db/database";
import { AppError } from "../errors";
import {
  attemptsForUsername,
  deleteLoginAttempt,
  insertLoginAttempt,
  markAttemptSucceeded,
  unknownBrowserFailuresFromIp,
} from "./login-attempts.repository";
import { ADDRESS_WINDOW_MS, attemptMustWaitUntil, FAILURE_MEMORY_MS, waitInChinese } from "./login-throttle";

export interface CredentialAttemptInput {
  /** The account's username (lower case), or what was typed when no account answers to it. */
  username: string;
  ip: string;
  /** Failures before this moment no longer count (the account's last change of credentials). */
  notBefore: string | null;
  now?: Date;
}

/**
 * Records the attempt as a failure and returns its id, or throws 429 rate_limited (and forgets the attempt,
 * which checked nothing) while this address or account must wait. Attempts made here come from no known
 * browser: a code is used before the account has ever signed in.
 */
export async function beginCredentialAttempt(db: DbContext, input: CredentialAttemptInput): Promise<number> {
  const started = input.now ?? new Date();
  const attemptId = await insertLoginAttempt(db, {
    username: input.username,
    ip: input.ip,
    at: started.toISOString(),
    succeeded: false,
    deviceKey: null,
  });
  const attempts = await attemptsForUsername(
    db,
    input.username,
    new Date(started.getTime() - FAILURE_MEMORY_MS).toISOString(),
    attemptId,
  );
  const addressFailures = await unknownBrowserFailuresFromIp(
    db,
    input.ip,
    new Date(started.getTime() - ADDRESS_WINDOW_MS).toISOString(),
    attemptId,
  );
  const waitUntil = attemptMustWaitUntil({
    origin: { ip: input.ip, deviceKey: null },
    attempts,
    addressFailures,
    notBefore: input.notBefore,
    now: started.getTime(),
  });
  if (waitUntil !== null) {
    await deleteLoginAttempt(db, attemptId);
    const wait = waitUntil - started.getTime();
    throw new AppError(429, "rate_limited", `尝试过于频繁，请 ${waitInChinese(wait)}后再试`, undefined, {
      retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)),
    });
  }
  return attemptId;
}

/** The secret proved right: the attempt counts as a success (its scopes start counting again). */
export async function credentialAttemptSucceeded(db: DbContext, attemptId: number): Promise<void> {
  await markAttemptSucceeded(db, attemptId);
}
