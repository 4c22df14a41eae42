/**
 * The Changjiang rules as plan.yaml writes them (the rule language), and the shorthand kinds of the plan's
 * earlier versions (rewards.kinds.yaml) as the loader expands them into the language, against those kinds run
 * by their own TypeScript evaluators (today's engine, frozen in ./frozen-kinds-engine), over 2,000 generated
 * enterprises (every edge case of the generator), with explanations and every why-not: the same
 * entitlements — rule, tier, year, subject, amount to the fen — and the same one-time keys; prior
 * grants honoured alike; every explanation stored and read back as it was written.
 */
import { compileRewardPlan, evaluateRewards } from "@beizeng/domain/rewards/engine";
import { explanationOf } from "@beizeng/domain/rewards/explanation";
import { deserializeExplanation, serializeExplanation } from "@beizeng/domain/rewards/stored-explanation";
import type { Entitlement } from "@beizeng/domain/rewards/types";
import { whyNotText } from "@beizeng/domain/rewards/why-not";
import { describe, expect, it } from "vitest";
import { compileTodaysEngine, loadChangjiangKindsPlan, loadChangjiangPlan } from "./competitors";
import { generateDistrict } from "./generate";

const line = (e: Entitlement) =>
  `${e.key}|${e.ruleId}|${e.clause}|${e.year}|${e.tier ?? "-"}|${e.subjectId ?? "-"}|${e.amount ?? "null"}`;

describe("the rules as formulas over a generated district", () => {
  const kinds = compileTodaysEngine();
  const formulas = compileRewardPlan(loadChangjiangPlan());
  const expandedKinds = compileRewardPlan(loadChangjiangKindsPlan());
  const district = generateDistrict(2_000);
  const input = { enterprises: district.enterprises, projects: district.projects };

  it("pays what the rule kinds pay, key for key, and says why not for the rest", { timeout: 120_000 }, () => {
    const expected = evaluateRewards(kinds, input);
    const actual = evaluateRewards(formulas, input);
    expect(actual.entitlements.map(line).sort()).toEqual(expected.entitlements.map(line).sort());
    const expanded = evaluateRewards(expandedKinds, input, { explain: false });
    expect(expanded.entitlements.map(line).sort()).toEqual(expected.entitlements.map(line).sort());
    expect(new Set(actual.nonPayments.map((n) => `${n.creditCode}|${n.ruleId}`)).size).toBeGreaterThan(
      district.enterprises.length,
    );
    for (const entry of actual.nonPayments.slice(0, 5_000)) expect(whyNotText(entry, "zh")).not.toMatch(/undefined/);
  });

  it("honours prior grants as the rule kinds do", { timeout: 120_000 }, () => {
    const first = evaluateRewards(kinds, input, { explain: false });
    const alreadyGranted = first.entitlements.filter((_, index) => index % 3 === 0).map((e) => e.key);
    const again = { ...input, alreadyGranted };
    const expected = evaluateRewards(kinds, again, { explain: false }).entitlements.map(line).sort();
    expect(evaluateRewards(formulas, again, { explain: false }).entitlements.map(line).sort()).toEqual(expected);
    expect(evaluateRewards(expandedKinds, again, { explain: false }).entitlements.map(line).sort()).toEqual(expected);
    expect(expected.length).toBeLessThan(first.entitlements.length);
  });

  it("reads the explanations today's engine stored with the plan as the loader expands it", {
    timeout: 120_000,
  }, () => {
    const result = evaluateRewards(kinds, input, { whyNots: false });
    for (const entitlement of result.entitlements) {
      const stored = JSON.parse(
        serializeExplanation(entitlement.explanation!, { id: "changjiang-2021-2023", version: 1 }),
      );
      const read = explanationOf({ ...entitlement, explanation: deserializeExplanation(stored, expandedKinds) });
      expect(read?.zh, entitlement.key).toMatch(/\S/);
      expect(JSON.stringify(read), entitlement.key).not.toMatch(/undefined|NaN/);
    }
  });

  it("stores every explanation and reads it back as written", { timeout: 120_000 }, () => {
    const result = evaluateRewards(formulas, input, { whyNots: false });
    for (const entitlement of result.entitlements) {
      const written = explanationOf(entitlement);
      const stored = JSON.parse(
        serializeExplanation(entitlement.explanation!, { id: "changjiang-2021-2023", version: 2 }),
      );
      expect(explanationOf({ ...entitlement, explanation: deserializeExplanation(stored, formulas) })).toEqual(written);
    }
  });
});
