/**
 * The competitors of the rewards benchmark, by name, each reducing a district to entitlement rows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { planWithRewards } from "@beizeng/domain/rewards/testing/formula-plans";
import type { District } from "./generate";
import { jsonRulesRewards } from "./json-rules";
import { handWrittenRewards } from "./oracle";
import { ourRewards } from "./ours";
import { peerRuleSet } from "./peer-rules";
import type { EntitlementRow } from "./rows";
import { zenRewards } from "./zen";

export const COMPETITORS = [
  "hand-written",
  "ours",
  "ours-why-nots",
  "ours-rendered",
  "ours-records",
  "ours-stored-written",
  "ours-quiet",
  "todays-engine",
  "todays-engine-quiet",
  "json-rules-engine",
  "zen-engine",
] as const;
export type Competitor = (typeof COMPETITORS)[number];

export const LABELS: Record<Competitor, string> = {
  "hand-written": "hand-written function",
  ours: "our engine, explanations on (stored)",
  "ours-why-nots": "the same, with every why-not too",
  "ours-rendered": "the same, every why-not written in zh and en",
  "ours-records": "explanations on, kept as records, not stored",
  "ours-stored-written": "explanations on, stored written out",
  "ours-quiet": "our engine, explanations off",
  "todays-engine": "today's engine (rule kinds), explanations on",
  "todays-engine-quiet": "today's engine (rule kinds), explanations off",
  "json-rules-engine": "json-rules-engine",
  "zen-engine": "@gorules/zen-engine",
};

export interface CompetitorRun {
  rows: EntitlementRow[];
  /** Entitlements carrying an explanation and why-not entries (our engine only). */
  explanations?: number;
  nonPayments?: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PLAN_FILE = path.join(ROOT, "plans/changjiang-2021-2023/plan.yaml");

export function loadChangjiangPlan(): PlanFile {
  return parsePlan(readFileSync(PLAN_FILE, "utf8"), "plans/changjiang-2021-2023/plan.yaml").plan;
}

/**
 * The same plan with its reward rules in the shorthand kinds of its earlier versions (`rewards.kinds.yaml`
 * beside it), run by the kinds' own evaluators: today's engine, the peer the rule language replaces.
 */
export function loadChangjiangKindsPlan(): PlanFile {
  return planWithRewards(
    readFileSync(PLAN_FILE, "utf8"),
    readFileSync(path.join(path.dirname(PLAN_FILE), "rewards.kinds.yaml"), "utf8"),
    "plans/changjiang-2021-2023/plan.yaml",
  );
}

/** Prepares a competitor: the work done once (plan translation), then a function run per district. */
export function prepare(competitor: Competitor, plan: PlanFile): (district: District) => Promise<CompetitorRun> {
  switch (competitor) {
    case "hand-written":
      return async (district) => ({ rows: handWrittenRewards(district) });
    case "ours":
      return async (district) => ourRewards(plan, district, true);
    case "ours-why-nots":
      return async (district) => ourRewards(plan, district, true, { whyNots: true });
    case "ours-rendered":
      return async (district) => ourRewards(plan, district, true, { renderWhyNots: true });
    case "ours-records":
      return async (district) => ourRewards(plan, district, true, { writeExplanations: false });
    case "ours-stored-written":
      return async (district) => ourRewards(plan, district, true, { storeWritten: true });
    case "ours-quiet":
      return async (district) => ourRewards(plan, district, false);
    case "todays-engine": {
      const kinds = loadChangjiangKindsPlan();
      return async (district) => ourRewards(kinds, district, true);
    }
    case "todays-engine-quiet": {
      const kinds = loadChangjiangKindsPlan();
      return async (district) => ourRewards(kinds, district, false);
    }
    case "json-rules-engine": {
      // The peers translate the shorthand kinds, one computation each, into their own rule formats.
      const set = peerRuleSet(loadChangjiangKindsPlan());
      return async (district) => ({ rows: await jsonRulesRewards(set, district) });
    }
    case "zen-engine": {
      const set = peerRuleSet(loadChangjiangKindsPlan());
      return async (district) => ({ rows: await zenRewards(set, district) });
    }
  }
}
