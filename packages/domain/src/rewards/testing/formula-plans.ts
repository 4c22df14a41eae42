/**
 * A plan with its `rewards` section replaced by another list (the same rules written in the rule
 * language), loaded through the plan loader: the texts are given, so tests (Vite's `?raw`) and
 * the benchmark (files) share it.
 */
import { parseDocument } from "yaml";
import { parsePlan } from "../../plan/load";
import type { PlanFile } from "../../plan/schema";

export function planWithRewards(planText: string, rewardsText: string, fileName: string): PlanFile {
  const document = parseDocument(planText);
  const rewards = parseDocument(rewardsText).get("rewards", true);
  document.set("rewards", rewards);
  return parsePlan(document.toString({ lineWidth: 0 }), fileName).plan;
}
