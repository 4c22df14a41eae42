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
  const plan = changjiangPlan();
  const parameter = plan.parameters.find((entry) => entry.id === id);
  if (!parameter) throw new Error(`no parameter ${id} in the Changjiang plan`);
  parameter.value = value;
  return plan;
}

import changjiangFormulaRewards from "../../../../../plans/changjiang-2021-2023/rewards.formula.yaml?raw";
import { planWithRewards } from "./formula-plans";

/** The Changjiang plan with its reward rules written in the rule language (rewards.formula.yaml). */
export function changjiangFormulaPlan(): PlanFile {
  return planWithRewards(changjiangText, changjiangFormulaRewards, CHANGJIANG_FILE);
}
