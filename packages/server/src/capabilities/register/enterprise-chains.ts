/**
 * An enterprise's chain is one of its district's plan's chains: checked against the active plan when it is
 * written or asked for, and named from the plan wherever the register shows it.
 */

import type { PlanFile } from "@beizeng/domain/plan/schema";
import { chainIdProblem, chainOfEnterprise } from "@beizeng/domain/register/chains";
import type { DbContext } from "../../platform/db/database";
import { badRequest } from "../../platform/errors";
import { requireActivePlan } from "../../platform/plan/plan-reader";

/**
 * Refuses a chain the district's active plan does not list, with a 400 naming the field and the plan's chains.
 * Nothing to check when no chain is given, or when it is the one the enterprise already has (`current`): an edit
 * of other fields stays possible for an enterprise recorded under an earlier plan's chain.
 */
export async function checkEnterpriseChain(
  db: DbContext,
  districtId: string,
  chainId: string | undefined,
  options: { current?: string; field?: string } = {},
): Promise<void> {
  if (chainId === undefined || chainId === options.current) return;
  const { plan } = await requireActivePlan(db, districtId);
  const problem = chainIdProblem(plan, chainId);
  if (problem === null) return;
  const field = options.field ?? "chainId";
  throw badRequest(`字段 ${field}：${problem}`, [{ path: field, message: problem }]);
}

/** The chain's name in the plan (Chinese); an enterprise outside the plan's chains is in its other chain. */
export function chainNameIn(plan: PlanFile, chainId: string): string {
  return chainOfEnterprise(plan, chainId).name;
}
