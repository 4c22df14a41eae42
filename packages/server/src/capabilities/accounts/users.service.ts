/** Accounts: the office creates and edits them; every change is audited. */
import { randomInt } from "node:crypto";
import type { UserListEntry, UserView } from "@beizeng/contract/accounts";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { UnitKind } from "@beizeng/domain/plan/vocabulary";
import { z } from "zod";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import { attemptsForUsernames, deleteAttemptsForUsername } from "../../platform/auth/login-attempts.repository";
import { FAILURE_MEMORY_MS, loginRestrictionOf } from "../../platform/auth/login-throttle";
import { hashPassword, passwordProblem } from "../../platform/auth/password";
import { deleteSessionsOfUser } from "../../platform/auth/sessions.repository";
import { dutiesOfUnit } from "../../platform/auth/unit-duties";
import {
  findUserByUsername,
  findUserProfile,
  insertUser,
  listUserProfiles,
  type UserProfileRow,
  updateUserRow,
} from "../../platform/auth/users.repository";
import type { Role } from "../../platform/auth/users.table";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan } from "../../platform/plan/plan-reader";
import { regionDistricts } from "../../platform/plan/regions.repository";
import { findEnterprise } from "../register/index";
import { findUnit } from "../units/index";
import { revokeOpenActivations } from "./account-activations.repository";

/** An account as routes show it; its unit's duties are those the district's active plan (`plan`) gives the unit. */
export function toUserView(row: UserProfileRow, plan: PlanFile | undefined): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit:
      row.unit_id !== null && row.unit_code !== null
        ? {
            id: row.unit_id,
            code: row.unit_code,
            name: row.unit_name ?? "",
            // Written only from the plan's unit kinds and the office's places.
            kind: row.unit_kind as UnitKind,
            duties: dutiesOfUnit(plan, row.unit_code),
          }
        : null,
    enterprise:
      row.enterprise_id !== null && row.enterprise_name !== null
        ? { id: row.enterprise_id, name: row.enterprise_name, creditCode: row.enterprise_credit_code ?? "" }
        : null,
    districtId: row.district_id,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,39}$/, "用户名须为 3–40 位小写字母、数字或 _ . -，以字母或数字开头");

export interface CreateUserInput {
  districtId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  enterpriseId?: number | null;
  /** A region account's region (role region only); its districtId must be one of the region's districts. */
  regionId?: string | null;
  password: string;
  /** Defaults to true: an account created by someone else must choose its own password first. */
  mustChangePassword?: boolean;
}

export async function getUserView(db: DbContext, id: number): Promise<UserView> {
  const row = await findUserProfile(db, id);
  if (!row) throw notFound("用户不存在");
  return toUserView(row, (await readActivePlan(db, row.district_id))?.plan);
}

async function checkAffiliation(
  db: DbContext,
  districtId: string,
  role: Role,
  unitId: number | null,
  enterpriseId: number | null,
): Promise<void> {
  if (role === "unit" && unitId === null) throw badRequest("字段 unitId：单位账号必须指定所属单位");
  if (role === "enterprise" && enterpriseId === null) throw badRequest("字段 enterpriseId：企业账号必须指定所属企业");
  if (role !== "enterprise" && enterpriseId !== null) throw badRequest("字段 enterpriseId：只有企业账号可以关联企业");
  if (unitId !== null) {
    const unit = await findUnit(db, unitId);
    if (!unit || unit.district_id !== districtId) throw badRequest(`字段 unitId：单位 ${unitId} 不存在`);
  }
  if (enterpriseId !== null) {
    const enterprise = await findEnterprise(db, enterpriseId);
    if (!enterprise || enterprise.district_id !== districtId) {
      throw badRequest(`字段 enterpriseId：企业 ${enterpriseId} 不存在`);
    }
  }
}

/** Creates an account in a district. Used by the office's routes, the CLI and the demo loader. */
export async function createUser(db: DbContext, input: CreateUserInput, actor: Actor): Promise<UserView> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw badRequest(`字段 username：${username.error.issues[0]?.message ?? "无效"}`);
  const problem = passwordProblem(input.password);
  if (problem) throw badRequest(`字段 password：${problem}`);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    if (await findUserByUsername(tx, username.data)) throw conflict(`用户名 ${username.data} 已被使用`);
    const unitId = input.unitId ?? null;
    const enterpriseId = input.enterpriseId ?? null;
    await checkAffiliation(tx, input.districtId, input.role, unitId, enterpriseId);
    const regionId = input.regionId ?? null;
    if ((input.role === "region") !== (regionId !== null)) {
      throw badRequest("字段 regionId：市级/省级查看账号必须指定所属区域，其他账号不能指定区域");
    }
    if (regionId !== null && !(await regionDistricts(tx, regionId)).some((d) => d.id === input.districtId)) {
      throw badRequest(`字段 regionId：区域 ${regionId} 不存在或不含区县 ${input.districtId}`);
    }
    const now = new Date().toISOString();
    const id = await insertUser(tx, {
      district_id: input.districtId,
      username: username.data,
      display_name: input.displayName.trim(),
      role: input.role,
      unit_id: unitId,
      enterprise_id: enterpriseId,
      // Only a region's account names one: the column is null otherwise (and absent before regions existed).
      ...(regionId !== null ? { region_id: regionId } : {}),
      password_hash: passwordHash,
      must_change_password: input.mustChangePassword === false ? 0 : 1,
      disabled: 0,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    const view = await getUserView(tx, id);
    await recordAudit(tx, {
      districtId: input.districtId,
      actor,
      action: "create",
      entityType: "user",
      entityId: id,
      after: auditableUser(view),
    });
    return view;
  });
}

/** The fields of an account worth keeping in the audit log (never the password hash). */
function auditableUser(view: UserView) {
  return {
    username: view.username,
    displayName: view.displayName,
    role: view.role,
    unitId: view.unit?.id ?? null,
    enterpriseId: view.enterprise?.id ?? null,
    disabled: view.disabled,
  };
}

export async function listUsers(db: DbContext, districtId: string): Promise<UserListEntry[]> {
  const rows = await listUserProfiles(db, districtId);
  const plan = (await readActivePlan(db, districtId))?.plan;
  const now = Date.now();
  const since = new Date(now - FAILURE_MEMORY_MS).toISOString();
  const attempts = await attemptsForUsernames(
    db,
    rows.map((row) => row.username),
    since,
  );
  return rows.map((row) => ({
    ...toUserView(row, plan),
    loginRestriction: loginRestrictionOf(attempts.get(row.username) ?? [], row.password_changed_at, now),
  }));
}

async function userInDistrict(db: DbContext, districtId: string, id: number): Promise<UserView> {
  const row = await findUserProfile(db, id);
  // Another district's account is reported as absent, not as forbidden: it does not exist for this caller.
  // A region's account is the region's, not the district's it was made in: the district's office does not manage it.
  if (!row || row.district_id !== districtId || row.region_id !== null) throw notFound("用户不存在");
  return toUserView(row, (await readActivePlan(db, districtId))?.plan);
}

export interface UpdateUserInput {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  enterpriseId?: number | null;
  disabled?: boolean;
}

export async function updateUser(
  db: DbContext,
  districtId: string,
  id: number,
  patch: UpdateUserInput,
  actor: Actor,
): Promise<UserView> {
  return inTransaction(db, async (tx) => {
    const before = await userInDistrict(tx, districtId, id);
    if (actor.userId === id && (patch.disabled === true || (patch.role && patch.role !== before.role))) {
      throw forbidden("不能停用自己的账号或更改自己的角色");
    }
    const role = patch.role ?? before.role;
    const unitId = patch.unitId !== undefined ? patch.unitId : (before.unit?.id ?? null);
    const enterpriseId =
      patch.enterpriseId !== undefined
        ? patch.enterpriseId
        : role === "enterprise"
          ? (before.enterprise?.id ?? null)
          : null;
    await checkAffiliation(tx, districtId, role, unitId, enterpriseId);
    await updateUserRow(tx, id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
      role,
      unit_id: unitId,
      enterprise_id: enterpriseId,
      ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      updated_at: new Date().toISOString(),
    });
    // A disabled account, or one whose role changed, starts over with a fresh login.
    if (patch.disabled === true || role !== before.role) await deleteSessionsOfUser(tx, id);
    const after = await getUserView(tx, id);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "update",
      entityType: "user",
      entityId: id,
      before: auditableUser(before),
      after: auditableUser(after),
    });
    return after;
  });
}

/** A random temporary password that satisfies the policy (letters and digits, 12 characters). */
export function temporaryPassword(): string {
  const letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)], digits[randomInt(digits.length)]];
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

/**
 * Sets a new password chosen by the office (or a generated one, returned), ends the account's
 * sessions, lifts its login restrictions (failures before a password change no longer count) and makes the user choose a new password at the next login.
 */
export async function resetPassword(
  db: DbContext,
  districtId: string,
  id: number,
  newPassword: string | undefined,
  actor: Actor,
): Promise<{ temporaryPassword?: string }> {
  const password = newPassword ?? temporaryPassword();
  const problem = passwordProblem(password);
  if (problem) throw badRequest(`字段 newPassword：${problem}`);
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    await userInDistrict(tx, districtId, id);
    const now = new Date().toISOString();
    await updateUserRow(tx, id, {
      password_hash: passwordHash,
      must_change_password: 1,
      password_changed_at: now,
      updated_at: now,
    });
    await deleteSessionsOfUser(tx, id);
    // A password set by the office replaces a waiting activation: its code no longer works.
    await revokeOpenActivations(tx, id, now);
    await recordAudit(tx, { districtId, actor, action: "password_reset", entityType: "user", entityId: id });
  });
  return newPassword ? {} : { temporaryPassword: password };
}

/**
 * The office clears an account's login restrictions: its remembered failures are forgotten, so no browser
 * or address waits any longer to try it. Audited with the number of failures cleared.
 */
export async function clearLoginRestrictions(
  db: DbContext,
  districtId: string,
  id: number,
  actor: Actor,
): Promise<UserListEntry> {
  return inTransaction(db, async (tx) => {
    const user = await userInDistrict(tx, districtId, id);
    const failures = await deleteAttemptsForUsername(tx, user.username);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "login_unlock",
      entityType: "user",
      entityId: id,
      before: { failures },
      after: { failures: 0 },
    });
    return { ...user, loginRestriction: null };
  });
}
