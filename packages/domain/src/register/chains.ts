/**
 * An enterprise's industry chain as the district's plan has it. The chains are plan data (plan.chains): the
 * register stores a chain's id, and every name shown, checked or exported is read from the plan here.
 */
import type { Chain, PlanFile } from "../plan/schema";

type PlanChains = Pick<PlanFile, "chains">;

/**
 * The chain that takes the enterprises outside the listed ones (role other). The plan loader requires exactly
 * one; a plan without it (never stored) falls back to its last chain rather than to no chain at all.
 */
export function otherChainOf(plan: PlanChains): Chain {
  const other = plan.chains.find((chain) => chain.role === "other");
  return other ?? (plan.chains[plan.chains.length - 1] as Chain);
}

/** The plan's chain of this id, if the plan lists it. */
export function planChain(plan: PlanChains, chainId: string): Chain | undefined {
  return plan.chains.find((chain) => chain.id === chainId);
}

/**
 * The chain an enterprise counts in: its own when the plan lists it, otherwise the plan's other chain (an
 * enterprise recorded under a chain the current plan no longer has is, by the plan's rule, outside its chains).
 */
export function chainOfEnterprise(plan: PlanChains, chainId: string): Chain {
  return planChain(plan, chainId) ?? otherChainOf(plan);
}

/** The plan's chains by name, in the plan's order, for messages: 新材料、装备制造、其他. */
export function chainNamesText(plan: PlanChains): string {
  return plan.chains.map((chain) => chain.name).join("、");
}

/**
 * Why a chain id cannot be given to an enterprise of this plan (Chinese), or null when the plan lists it. The
 * choices are named with their ids, which is what a request or a file has to send.
 */
export function chainIdProblem(plan: PlanChains, chainId: string): string | null {
  if (planChain(plan, chainId)) return null;
  const choices = plan.chains.map((chain) => `${chain.name}（${chain.id}）`).join("、");
  return `产业链“${chainId}”不在本区方案中，可选：${choices}`;
}
