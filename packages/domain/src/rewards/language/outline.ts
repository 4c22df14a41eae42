/**
 * What a reward rule exposes to the rest of the platform, read from its structure in the rule language (the
 * loader expands the shorthand kinds of earlier plan versions into it): what one award is for,
 * the facts its event and conditions read, and the rule ids its entitlements carry with the category
 * and threshold each stands for. The register, the enterprise-support forms, the targets and the
 * reward pages read these instead of knowing rule kinds; nothing here names a district's rule. No
 * expression is parsed here (safe and light in the browser); ./outline-events.ts reads an event's facts.
 */
import type { PlanFile, RewardRule } from "../../plan/schema";
import type { FormulaSubject } from "./expressions";

/** One rule id an entitlement of the rule can carry. */
export interface RewardOutput {
  ruleId: string;
  /** The category the id stands for ("50"), else null. */
  category: string | null;
  /** The tier's threshold as written (yuan), its parameter when the plan names one, and its amount (yuan). */
  minimum: string | null;
  minimumParameter: string | null;
  amount: string | null;
}

/** What one award of the rule is for. */
export function rewardSubject(rule: RewardRule): FormulaSubject {
  return rule.per;
}

/**
 * The rule ids the rule's entitlements carry, in the order the plan writes them: a tier with its own
 * id (and category) gives one each, every other rule its own id.
 */
export function rewardOutputs(rule: RewardRule): RewardOutput[] {
  if (rule.tiers?.steps.some((step) => step.ruleId !== undefined))
    return rule.tiers.steps.map((step) => ({
      ruleId: step.ruleId ?? rule.id,
      category: step.category ?? null,
      minimum: rule.tiers?.growthOf === undefined ? step.from : null,
      minimumParameter: step.fromParameter ?? null,
      amount: step.amount ?? null,
    }));
  return [{ ruleId: rule.id, category: null, minimum: null, minimumParameter: null, amount: null }];
}

/** Every rule id the plan's entitlements can carry. */
export function planRewardRuleIds(plan: PlanFile): string[] {
  return [...new Set(plan.rewards.flatMap((rule) => rewardOutputs(rule).map((output) => output.ruleId)))];
}

/** The plan rule an entitlement's rule id belongs to (a tier's own id finds its rule). */
export function rewardRuleOf(plan: PlanFile, ruleId: string): RewardRule | undefined {
  return plan.rewards.find(
    (rule) => rule.id === ruleId || rewardOutputs(rule).some((output) => output.ruleId === ruleId),
  );
}
