/**
 * An enterprise activates its account without signing in: its username (or credit code), the one-time code the
 * office handed out, and a password of its own. Wrong codes count as failed sign-ins of the account (the same
 * throttling), a code works once and only until it expires, and the account then signs in like any other.
 */
import type { ActivateAccountReq } from "@beizeng/contract/accounts";
import { recordAudit } from "../../platform/audit/audit.service";
import { verifyActivationAgainstDummy, verifyActivationCode } from "../../platform/auth/activation-codes";
import { normaliseUsername } from "../../platform/auth/auth.service";
import { beginCredentialAttempt, credentialAttemptSucceeded } from "../../platform/auth/credential-attempts";
import { hashPassword, passwordProblem } from "../../platform/auth/password";
import { deleteSessionsOfUser } from "../../platform/auth/sessions.repository";
import { findUserByUsername, updateUserRow } from "../../platform/auth/users.repository";
import type { UserRow } from "../../platform/auth/users.table";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest } from "../../platform/errors";
import { latestActivation, spendActivation, waitingAccountsByCreditCode } from "./account-activations.repository";

// One answer for an unknown account, a wrong code and a voided one: the page tells a guesser nothing.
const wrongCode = () => new AppError(401, "invalid_activation", "用户名或激活码错误");

/**
 * The account named: the account of that username when it waits for activation, else the one account waiting
 * for activation of the enterprise with that credit code (an enterprise knows its credit code by heart; its
 * username may carry a suffix, and the code may be another account's username), else whatever account has that
 * username (so that its failures are counted against it).
 */
async function accountNamed(db: DbContext, typed: string): Promise<UserRow | undefined> {
  const byName = await findUserByUsername(db, normaliseUsername(typed));
  if (byName) {
    const activation = await latestActivation(db, byName.id);
    if (activation && activation.used_at === null && activation.revoked_at === null) return byName;
  }
  const creditCode = typed.trim().toUpperCase();
  if (/^[0-9A-Z]{18}$/.test(creditCode)) {
    const waiting = await waitingAccountsByCreditCode(db, creditCode);
    if (waiting.length === 1) return waiting[0];
  }
  return byName;
}

export interface ActivationInput extends ActivateAccountReq {
  ip: string;
}

export async function activateAccount(
  db: DbContext,
  input: ActivationInput,
  now = new Date(),
): Promise<{ username: string }> {
  // The password is checked first: a refusal for its form costs no attempt.
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest(`字段 newPassword：${problem}`, [{ path: "newPassword", message: problem }]);

  const user = await accountNamed(db, input.username);
  const attemptId = await beginCredentialAttempt(db, {
    username: user?.username ?? normaliseUsername(input.username),
    ip: input.ip,
    notBefore: user?.password_changed_at ?? null,
    now,
  });
  const activation = user ? await latestActivation(db, user.id) : undefined;
  if (!user || !activation || activation.revoked_at !== null) {
    await verifyActivationAgainstDummy(input.activationCode);
    throw wrongCode();
  }
  if (!(await verifyActivationCode(activation.code_hash, input.activationCode))) throw wrongCode();
  // The right code, but no longer usable: said plainly, since whoever typed it holds the letter.
  if (activation.used_at !== null) {
    throw new AppError(409, "activation_used", "此激活码已使用过，账号已激活，请直接登录");
  }
  if (activation.expires_at <= now.toISOString()) {
    throw new AppError(410, "activation_expired", "激活码已过期，请联系管理员重新发放激活码");
  }
  if (user.disabled === 1) {
    await credentialAttemptSucceeded(db, attemptId);
    throw new AppError(403, "disabled", "账号已停用，请联系管理员");
  }

  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    const at = new Date().toISOString();
    // Two uses of one code at the same moment: only the first spends it.
    if (!(await spendActivation(tx, activation.id, at))) {
      throw new AppError(409, "activation_used", "此激活码已使用过，账号已激活，请直接登录");
    }
    await updateUserRow(tx, user.id, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: at,
      updated_at: at,
    });
    await deleteSessionsOfUser(tx, user.id);
    await credentialAttemptSucceeded(tx, attemptId);
    await recordAudit(tx, {
      districtId: user.district_id,
      actor: { userId: user.id, label: user.username },
      action: "activate",
      entityType: "user",
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { username: user.username };
}
