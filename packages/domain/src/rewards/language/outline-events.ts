/**
 * The facts a reward rule's event reads, from its expression (parsed and type-checked as the engine
 * does) or, for a shorthand kind of earlier plan versions, the fact its rule-language form names.
 */
import type { PlanFile, RewardRule } from "../../plan/schema";
import { declaredFactLookup } from "./declared-facts";
import { compileExpression } from "./expressions";

/** The facts a shorthand kind's event reads (the same fact its rule-language form names). */
const SHORTHAND_EVENT_FACTS: Partial<Record<RewardRule["kind"], readonly string[]>> = {
  caseByCase: ["top500SettledIn"],
  eventOnce: ["listedRegistrationMovedIn"],
  newAboveScale: ["newlyAboveScale"],
  listing: ["listing"],
};

/**
 * The facts the rule's event reads (`top500SettledIn`, `listing`), empty when the rule has no event:
 * a unit that records such an event enters what this rule pays for.
 */
export function rewardEventFacts(rule: RewardRule, plan?: PlanFile): string[] {
  if (rule.kind !== "formula") return [...(SHORTHAND_EVENT_FACTS[rule.kind] ?? [])];
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
