/**
 * The chains' leader (链主型) and backbone (骨干型) enterprises (M4): each designated for a year with its source, by
 * the office or a unit the plan gives designateChainEnterprises (Changjiang: 区工信局, M4's lead unit). The chain
 * is one of the plan's own chains; its catch-all chain (role other) has no leader to designate. Every change is
 * audited under the enterprise, so its history shows it.
 */
import type { ChainLeaders, ChainRole, ChainRoleEntry, ChainRoleView } from "@beizeng/contract/register";
import { unitsWithDuty } from "@beizeng/domain/plan/lookup";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { chainIdProblem, chainOfEnterprise, planChain } from "@beizeng/domain/register/chains";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import { dutyHoldersText, officeName, unitWithDuty } from "../../platform/auth/unit-duties";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { readActivePlan, requireActivePlan } from "../../platform/plan/plan-reader";
import {
  type ChainRoleListRow,
  chainRolesOf,
  chainRoleYears,
  deleteChainRole,
  findChainRole,
  findChainRoleOf,
  findDistrictChainRoles,
  insertChainRole,
} from "./chain-roles.repository";
import type { EnterpriseChainRoleRow } from "./enterprise-register.table";
import { enterpriseFor } from "./enterprises-register.service";

export const CHAIN_ROLE_LABELS: Record<ChainRole, string> = { leader: "链主型", backbone: "骨干型" };

/** Whether the caller designates chain roles: the office, or a unit account of a unit holding the duty. */
export async function mayDesignateChainRoles(db: DbContext, user: AuthUser): Promise<boolean> {
  if (user.role === "office") return true;
  return (await unitWithDuty(db, user, "designateChainEnterprises")) !== null;
}

async function requireDesignator(db: DbContext, user: AuthUser): Promise<void> {
  if (await mayDesignateChainRoles(db, user)) return;
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  throw forbidden(`只有${dutyHoldersText(plan, "designateChainEnterprises")}可以认定链主型、骨干型企业`);
}

function roleView(plan: PlanFile | undefined, row: EnterpriseChainRoleRow): ChainRoleView {
  const chain = plan ? chainOfEnterprise(plan, row.chain_id) : undefined;
  return {
    id: row.id,
    chainId: row.chain_id,
    chainName: chain?.name ?? row.chain_id,
    chainNameEn: chain?.nameEn ?? row.chain_id,
    role: row.role,
    year: row.year,
    source: row.source,
    isDemo: row.is_demo === 1,
  };
}

/** An enterprise's designations, newest year first, named from the district's active plan. */
export async function chainRolesOfEnterprise(db: DbContext, districtId: string, enterpriseId: number) {
  const plan = (await readActivePlan(db, districtId))?.plan;
  return (await chainRolesOf(db, enterpriseId)).map((row) => roleView(plan, row));
}

export interface ChainRoleInput {
  chainId: string;
  role: ChainRole;
  year: number;
  source: string;
}

export async function addChainRole(db: DbContext, user: AuthUser, id: number, input: ChainRoleInput, actor: Actor) {
  await requireDesignator(db, user);
  const { plan } = await requireActivePlan(db, user.districtId);
  const problem = chainIdProblem(plan, input.chainId);
  if (problem !== null) throw badRequest(`字段 chainId：${problem}`, [{ path: "chainId", message: problem }]);
  if (planChain(plan, input.chainId)?.role === "other") {
    const message = "“其他”不是一条产业链，不能认定链主型或骨干型企业，请选择方案中的产业链";
    throw badRequest(message, [{ path: "chainId", message }]);
  }
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.chainRoles");
    const same = await findChainRoleOf(tx, id, input.chainId, input.year);
    if (same) {
      const chain = planChain(plan, input.chainId)?.name ?? input.chainId;
      throw conflict(`该企业 ${input.year} 年已认定为${chain}产业链${CHAIN_ROLE_LABELS[same.role]}企业`);
    }
    const values = { chainId: input.chainId, role: input.role, year: input.year, source: input.source };
    const chainRoleId = await insertChainRole(tx, {
      district_id: user.districtId,
      enterprise_id: id,
      chain_id: input.chainId,
      role: input.role,
      year: input.year,
      source: input.source,
      designated_by: user.id,
      created_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "enterprise_chain_role",
      entityId: id,
      after: { chainRoleId, ...values },
    });
    return { id: chainRoleId };
  });
}

export async function removeChainRole(db: DbContext, user: AuthUser, id: number, chainRoleId: number, actor: Actor) {
  return inTransaction(db, async (tx) => {
    await enterpriseFor(tx, user, id, "enterprises.chainRoles");
    const row = await findChainRole(tx, chainRoleId);
    if (!row || row.enterprise_id !== id) throw notFound("链主型、骨干型企业认定记录不存在");
    await requireDesignator(tx, user);
    await deleteChainRole(tx, chainRoleId);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "enterprise_chain_role",
      entityId: id,
      before: { chainRoleId, chainId: row.chain_id, role: row.role, year: row.year, source: row.source },
    });
  });
}

function entryView(plan: PlanFile | undefined, row: ChainRoleListRow): ChainRoleEntry {
  return {
    ...roleView(plan, row),
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, creditCode: row.credit_code },
  };
}

/**
 * Each chain of the plan with its leaders and backbones in the year asked, or in the latest year with a
 * designation; the year's designations as a table beside it.
 */
export async function chainLeaders(db: DbContext, user: AuthUser, year?: number): Promise<ChainLeaders> {
  const plan = (await readActivePlan(db, user.districtId))?.plan;
  const years = await chainRoleYears(db, user.districtId);
  const shown = year ?? years[0] ?? null;
  const rows = shown === null ? [] : await findDistrictChainRoles(db, user.districtId, shown);
  const chains = (plan?.chains ?? [])
    .filter((chain) => chain.role !== "other")
    .map((chain) => {
      const of = (role: ChainRole) =>
        rows
          .filter((row) => row.chain_id === chain.id && row.role === role)
          .map((row) => ({ id: row.enterprise_id, name: row.enterprise_name }));
      return { id: chain.id, name: chain.name, nameEn: chain.nameEn, leaders: of("leader"), backbones: of("backbone") };
    });
  const holders = plan ? unitsWithDuty(plan, "designateChainEnterprises").map((unit) => unit.name) : [];
  return {
    year: shown,
    years,
    chains,
    entries: rows.map((row) => entryView(plan, row)),
    designators: [officeName(plan), ...holders],
  };
}

/** Designations made for each year (one per enterprise, chain and year): what M4's listing task counts. */
export async function chainRoleCountsByYear(db: DbContext, districtId: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const row of await findDistrictChainRoles(db, districtId)) counts.set(row.year, (counts.get(row.year) ?? 0) + 1);
  return counts;
}
