/**
 * The competitors of the rewards benchmark, by name, each reducing a district to entitlement rows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { CompiledRewardPlan } from "@beizeng/domain/rewards/engine";
import { planWithRewards } from "@beizeng/domain/rewards/testing/formula-plans";
import { compileKindsPlan, writtenKindsPlan } from "./frozen-kinds-engine/compile";
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
const KINDS_FILE = path.join(ROOT, "plans/changjiang-2021-2023/rewards.kinds.yaml");

export function loadChangjiangPlan(): PlanFile {
  return parsePlan(readFileSync(PLAN_FILE, "utf8"), "plans/changjiang-2021-2023/plan.yaml").plan;
}

/**
 * The same plan with its reward rules in the shorthand kinds of its earlier versions (`rewards.kinds.yaml`
 * beside it), as the product loads it today: each kind expanded into the rule language.
 */
export function loadChangjiangKindsPlan(): PlanFile {
  return planWithRewards(
    readFileSync(PLAN_FILE, "utf8"),
    readFileSync(KINDS_FILE, "utf8"),
    "plans/changjiang-2021-2023/plan.yaml",
  );
}

/** Today's engine compiled: the kinds as written, by their frozen evaluators. */
export function compileTodaysEngine(): CompiledRewardPlan {
  return compileKindsPlan(writtenKindsPlan(PLAN_FILE, KINDS_FILE));
}

/**
 * Today's engine: the kinds as written, compiled by the frozen copy of their TypeScript evaluators
 * (`frozen-kinds-engine/`), the engine the rule language replaces.
 */
function todaysEngine(): { plan: PlanFile; compile: (plan: PlanFile) => CompiledRewardPlan } {
  const written = writtenKindsPlan(PLAN_FILE, KINDS_FILE);
  return { plan: loadChangjiangPlan(), compile: () => compileKindsPlan(written) };
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
      const today = todaysEngine();
      return async (district) => ourRewards(today.plan, district, true, { compile: today.compile });
    }
    case "todays-engine-quiet": {
      const today = todaysEngine();
      return async (district) => ourRewards(today.plan, district, false, { compile: today.compile });
    }
    case "json-rules-engine": {
      // The peers translate the plan's rules, one computation each, into their own rule formats.
      const set = peerRuleSet(plan);
      return async (district) => ({ rows: await jsonRulesRewards(set, district) });
    }
    case "zen-engine": {
      const set = peerRuleSet(plan);
      return async (district) => ({ rows: await zenRewards(set, district) });
    }
  }
}
