/**
 * The facts a reward rule's event reads, from its expression (parsed and type-checked as the engine does).
 */
import type { PlanFile, RewardRule } from "../../plan/schema";
import { declaredFactLookup } from "./declared-facts";
import { compileExpression } from "./expressions";

/**
 * The facts the rule's event reads (`top500SettledIn`, `listing`), empty when the rule has no event:
 * a unit that records such an event enters what this rule pays for.
 */
export function rewardEventFacts(rule: RewardRule, plan?: PlanFile): string[] {
  if (rule.event === undefined) return [];
  try {
    return compileExpression(rule.event.test, rule.per, "bool", declaredFactLookup(plan?.facts)).reads.map(
      (read) => read.name,
    );
  } catch {
    // A rule that does not compile is refused when its plan loads; a reader sees no event.
    return [];
  }
}
