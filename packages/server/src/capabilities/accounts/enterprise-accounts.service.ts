/**
 * Enterprise accounts made in bulk from the register. The office chooses enterprises (all, or narrowed by
 * above-scale status, key enterprises, a town, a chain, or picked rows), sees what would happen, and creates
 * the accounts still missing in one transaction. Each new account waits for activation: it holds no usable
 * password, only a one-time activation code handed out once (as a spreadsheet) and stored as a hash.
 */
import type {
  AccountActivation,
  ActivationCodeAnswer,
  EnterpriseAccountsPreview,
  EnterpriseAccountsSelection,
  PlannedEnterpriseAccount,
  SkippedEnterprise,
} from "@beizeng/contract/accounts";
import { PLACE_UNIT_KINDS, type UnitKind } from "@beizeng/domain/plan/vocabulary";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import { hashActivationCode, newActivationCode, unusablePasswordHash } from "../../platform/auth/activation-codes";
import { deleteSessionsOfUser } from "../../platform/auth/sessions.repository";
import { findUserProfile, insertUser, updateUserRow } from "../../platform/auth/users.repository";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { AppError, badRequest, notFound } from "../../platform/errors";
import { requireActivePlan } from "../../platform/plan/plan-reader";
import { findEnterprises } from "../register/index";
import { findUnit } from "../units/index";
import {
  accountsOfEnterprises,
  enterpriseIdsInDistrict,
  insertActivation,
  openActivationsOfDistrict,
  revokeOpenActivations,
  takenUsernames,
} from "./account-activations.repository";
import { activationExpiry, defaultActivationDays } from "./activation-settings";

/** Every enterprise of a district's register fits: no district has this many. */
const REGISTER_LIMIT = 1_000_000;

/** What the selection means in words, for the spreadsheet's subtitle and the audit log. */
export interface SelectionLabel {
  label: string;
  value: string;
}

interface EnterpriseAccountPlan {
  selected: number;
  toCreate: PlannedEnterpriseAccount[];
  skipped: SkippedEnterprise[];
  filters: SelectionLabel[];
}

/**
 * The username an enterprise's account gets: its credit code in lower case (what the enterprise knows by
 * heart), or "enterprise-<id>" for a code that cannot be a username. Taken by another account, "-2", "-3" …
 * follow, so the same register and accounts always give the same names.
 */
export function usernameBase(creditCode: string, enterpriseId: number): string {
  const base = creditCode.toLowerCase().replace(/[^a-z0-9]/g, "");
  return base.length >= 3 && base.length <= 36 ? base : `enterprise-${enterpriseId}`;
}

async function assignUsernames(
  db: DbContext,
  enterprises: readonly { id: number; creditCode: string }[],
): Promise<Map<number, string>> {
  const bases = enterprises.map((enterprise) => usernameBase(enterprise.creditCode, enterprise.id));
  const taken = await takenUsernames(db, bases);
  const assigned = new Map<number, string>();
  for (const [index, enterprise] of enterprises.entries()) {
    const base = bases[index] ?? "";
    let candidate = base;
    for (let suffix = 2; taken.has(candidate); suffix += 1) {
      candidate = `${base}-${suffix}`;
      // A name beyond the first is rare: asked one at a time.
      if (!taken.has(candidate) && (await takenUsernames(db, [candidate])).size > 0) taken.add(candidate);
    }
    taken.add(candidate);
    assigned.set(enterprise.id, candidate);
  }
  return assigned;
}

async function checkSelection(
  db: DbContext,
  districtId: string,
  selection: EnterpriseAccountsSelection,
): Promise<SelectionLabel[]> {
  const filters: SelectionLabel[] = [];
  if (selection.aboveScale) filters.push({ label: "规模", value: "规上企业" });
  if (selection.key) filters.push({ label: "重点企业", value: "是" });
  if (selection.town !== undefined) {
    const unit = await findUnit(db, selection.town);
    if (!unit || unit.district_id !== districtId || !PLACE_UNIT_KINDS.includes(unit.kind as UnitKind)) {
      throw badRequest(`字段 town：乡镇（街道、园区）${selection.town} 不存在`, [
        { path: "town", message: "乡镇（街道、园区）不存在" },
      ]);
    }
    filters.push({ label: "乡镇（街道、园区）", value: unit.name });
  }
  if (selection.chain !== undefined) {
    const { plan } = await requireActivePlan(db, districtId);
    const chain = plan.chains.find((candidate) => candidate.id === selection.chain);
    if (!chain) {
      throw badRequest(`字段 chain：产业链 ${selection.chain} 不在本区行动方案中`, [
        { path: "chain", message: "产业链不在本区行动方案中" },
      ]);
    }
    filters.push({ label: "产业链", value: chain.name });
  }
  if (selection.enterpriseIds !== undefined) {
    const found = await enterpriseIdsInDistrict(db, districtId, selection.enterpriseIds);
    const missing = selection.enterpriseIds.filter((id) => !found.has(id));
    // Another district's enterprise is reported as absent: it does not exist for this office.
    if (missing.length > 0) {
      const named = missing.slice(0, 10).join("、") + (missing.length > 10 ? ` 等 ${missing.length} 家` : "");
      throw badRequest(`字段 enterpriseIds：企业 ${named} 不存在`, [
        { path: "enterpriseIds", message: `企业 ${named} 不存在` },
      ]);
    }
    filters.push({ label: "选定企业", value: `${new Set(selection.enterpriseIds).size} 家` });
  }
  return filters;
}

/** Which enterprises the selection chooses, which already have accounts, and the usernames of the rest. */
async function planEnterpriseAccounts(
  db: DbContext,
  districtId: string,
  selection: EnterpriseAccountsSelection,
): Promise<EnterpriseAccountPlan> {
  const filters = await checkSelection(db, districtId, selection);
  const { rows } = await findEnterprises(
    db,
    {
      districtId,
      status: selection.aboveScale ? "above" : undefined,
      isKey: selection.key ? true : undefined,
      townUnitId: selection.town,
      chain: selection.chain,
    },
    { offset: 0, limit: REGISTER_LIMIT },
  );
  const picked = selection.enterpriseIds ? new Set(selection.enterpriseIds) : null;
  const chosen = picked ? rows.filter((row) => picked.has(row.id)) : rows;
  const accounts = await accountsOfEnterprises(
    db,
    districtId,
    chosen.map((row) => row.id),
  );
  const skipped: SkippedEnterprise[] = [];
  const missing: { id: number; name: string; creditCode: string }[] = [];
  for (const row of chosen) {
    const usernames = accounts.get(row.id);
    if (usernames) skipped.push({ enterpriseId: row.id, name: row.name, creditCode: row.credit_code, usernames });
    else missing.push({ id: row.id, name: row.name, creditCode: row.credit_code });
  }
  const usernames = await assignUsernames(db, missing);
  return {
    selected: chosen.length,
    toCreate: missing.map((enterprise) => ({
      enterpriseId: enterprise.id,
      name: enterprise.name,
      creditCode: enterprise.creditCode,
      username: usernames.get(enterprise.id) ?? "",
    })),
    skipped,
    filters,
  };
}

export async function previewEnterpriseAccounts(
  db: DbContext,
  districtId: string,
  selection: EnterpriseAccountsSelection,
  now = new Date(),
): Promise<EnterpriseAccountsPreview> {
  const plan = await planEnterpriseAccounts(db, districtId, selection);
  const validDays = selection.validDays ?? defaultActivationDays();
  return {
    selected: plan.selected,
    toCreate: plan.toCreate,
    skipped: plan.skipped,
    validDays,
    expiresAt: activationExpiry(now, validDays),
  };
}

/** An account just made, with its code in clear: handed out once, never stored. */
export interface CreatedEnterpriseAccount extends PlannedEnterpriseAccount {
  userId: number;
  activationCode: string;
}

export interface EnterpriseAccountsCreated {
  created: CreatedEnterpriseAccount[];
  skipped: number;
  expiresAt: string;
  filters: SelectionLabel[];
}

/**
 * Creates the accounts the selection still misses, each with a new activation code, in one transaction with
 * an audit entry per account and one for the whole (the codes appear in neither). Refuses when there is
 * nothing to create.
 */
export async function createEnterpriseAccounts(
  db: DbContext,
  districtId: string,
  selection: EnterpriseAccountsSelection,
  actor: Actor,
  now = new Date(),
): Promise<EnterpriseAccountsCreated> {
  const first = await planEnterpriseAccounts(db, districtId, selection);
  if (first.selected === 0) throw new AppError(409, "nothing_to_create", "没有符合所选条件的企业");
  if (first.toCreate.length === 0) {
    throw new AppError(409, "nothing_to_create", `所选的 ${first.selected} 家企业均已有账号，没有需要新建的账号`);
  }
  const validDays = selection.validDays ?? defaultActivationDays();
  const expiresAt = activationExpiry(now, validDays);
  // The slow part, hashing, is done before the transaction so that the write lock is held briefly.
  const codes = new Map(
    await Promise.all(
      first.toCreate.map(async (planned) => {
        const code = newActivationCode();
        return [planned.enterpriseId, { code, hash: await hashActivationCode(code) }] as const;
      }),
    ),
  );
  const passwordHash = await unusablePasswordHash();

  return inTransaction(db, async (tx) => {
    // Planned again inside the transaction: an account made meanwhile is skipped, not duplicated.
    const plan = await planEnterpriseAccounts(tx, districtId, selection);
    const at = now.toISOString();
    const created: CreatedEnterpriseAccount[] = [];
    for (const planned of plan.toCreate) {
      const secret = codes.get(planned.enterpriseId);
      if (!secret) continue;
      const userId = await insertUser(tx, {
        district_id: districtId,
        username: planned.username,
        display_name: planned.name.slice(0, 100),
        role: "enterprise",
        unit_id: null,
        enterprise_id: planned.enterpriseId,
        password_hash: passwordHash,
        // The enterprise chooses its own password when it activates the account.
        must_change_password: 0,
        disabled: 0,
        password_changed_at: at,
        created_at: at,
        updated_at: at,
      });
      await insertActivation(tx, {
        district_id: districtId,
        user_id: userId,
        code_hash: secret.hash,
        issued_at: at,
        issued_by: actor.userId,
        expires_at: expiresAt,
        used_at: null,
        revoked_at: null,
      });
      await recordAudit(tx, {
        districtId,
        actor,
        action: "create",
        entityType: "user",
        entityId: userId,
        after: {
          username: planned.username,
          displayName: planned.name.slice(0, 100),
          role: "enterprise",
          unitId: null,
          enterpriseId: planned.enterpriseId,
          disabled: false,
          activationExpiresAt: expiresAt,
        },
      });
      created.push({ ...planned, userId, activationCode: secret.code });
    }
    if (created.length === 0) {
      throw new AppError(409, "nothing_to_create", "所选企业均已有账号，没有需要新建的账号");
    }
    await recordAudit(tx, {
      districtId,
      actor,
      action: "enterprise_accounts_create",
      entityType: "user",
      after: {
        selection: Object.fromEntries(plan.filters.map((filter) => [filter.label, filter.value])),
        created: created.length,
        skipped: plan.skipped.length,
        activationExpiresAt: expiresAt,
      },
    });
    return { created, skipped: plan.skipped.length, expiresAt, filters: plan.filters };
  });
}

/**
 * Issues a new activation code to one enterprise account of the district: any earlier code becomes void, the
 * account's password stops working and its sessions end, until the enterprise activates it with the new code.
 */
export async function issueActivationCode(
  db: DbContext,
  districtId: string,
  userId: number,
  validDays: number | undefined,
  actor: Actor,
  now = new Date(),
): Promise<Omit<ActivationCodeAnswer, "activationUrl">> {
  const code = newActivationCode();
  const [hash, passwordHash] = await Promise.all([hashActivationCode(code), unusablePasswordHash()]);
  const days = validDays ?? defaultActivationDays();
  const expiresAt = activationExpiry(now, days);
  const at = now.toISOString();
  return inTransaction(db, async (tx) => {
    const user = await findUserProfile(tx, userId);
    // Another district's account is reported as absent: it does not exist for this office.
    if (!user || user.district_id !== districtId) throw notFound("用户不存在");
    if (user.role !== "enterprise" || user.enterprise_id === null) {
      throw badRequest("只有企业账号可以发放激活码");
    }
    if (user.disabled === 1) throw badRequest("账号已停用，请先启用再发放激活码");
    const revoked = await revokeOpenActivations(tx, userId, at);
    await insertActivation(tx, {
      district_id: districtId,
      user_id: userId,
      code_hash: hash,
      issued_at: at,
      issued_by: actor.userId,
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
    });
    // A new credential: the old password no longer opens the account, and the failures owed start over.
    await updateUserRow(tx, userId, {
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: at,
      updated_at: at,
    });
    await deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, {
      districtId,
      actor,
      action: "activation_issue",
      entityType: "user",
      entityId: userId,
      before: { openCodes: revoked },
      after: { activationExpiresAt: expiresAt },
    });
    return { username: user.username, activationCode: code, expiresAt };
  });
}

/** The district's accounts waiting for activation, each with its current code's dates and whether it still holds. */
export async function listWaitingActivations(
  db: DbContext,
  districtId: string,
  now = new Date(),
): Promise<AccountActivation[]> {
  const rows = await openActivationsOfDistrict(db, districtId);
  const at = now.toISOString();
  return rows.map((row) => ({
    userId: row.user_id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    state: row.expires_at > at ? "pending" : "expired",
  }));
}
