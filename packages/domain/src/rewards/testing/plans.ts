/**
 * Plans for the rewards tests, loaded through the plan loader from the plan files themselves,
 * with helpers to derive variants (a parameter changed) without touching the files.
 */

import changjiangText from "../../../../../plans/changjiang-2021-2023/plan.yaml?raw";
import { parsePlan } from "../../plan/load";
import type { PlanFile } from "../../plan/schema";

export const CHANGJIANG_FILE = "plans/changjiang-2021-2023/plan.yaml";

/** A fresh copy of the Changjiang 2021–2023 plan, validated by the loader. */
export function changjiangPlan(): PlanFile {
  return structuredClone(parsePlan(changjiangText, CHANGJIANG_FILE).plan);
}

/** The Changjiang plan with one parameter's value changed in the plan itself. */
export function changjiangWithParameter(id: string, value: string | boolean): PlanFile {
  return withParameter(changjiangPlan(), id, value);
}

/** The Changjiang plan with its rules in shorthand kinds and one parameter's value changed. */
export function changjiangKindsWithParameter(id: string, value: string | boolean): PlanFile {
  return withParameter(changjiangKindsPlan(), id, value);
}

function withParameter(plan: PlanFile, id: string, value: string | boolean): PlanFile {
  const parameter = plan.parameters.find((entry) => entry.id === id);
  if (!parameter) throw new Error(`no parameter ${id} in the Changjiang plan`);
  parameter.value = value;
  return plan;
}

import changjiangKindsRewards from "../../../../../plans/changjiang-2021-2023/rewards.kinds.yaml?raw";
import { planWithRewards } from "./formula-plans";

/** The Changjiang plan with its reward rules written as earlier versions wrote them, in shorthand kinds (rewards.kinds.yaml). */
export function changjiangKindsPlan(): PlanFile {
  return planWithRewards(changjiangText, changjiangKindsRewards, CHANGJIANG_FILE);
}
