/**
 * Explanations are stored as records (packages/domain/src/rewards/stored-explanation.ts) and
 * written when read: over a generated district, every entitlement's record read back from its
 * stored form, with a plan compiled afresh, writes the very explanation the engine's record writes.
 */
import { compileRewardPlan, evaluateRewards } from "@beizeng/domain/rewards/engine";
import { explanationOf } from "@beizeng/domain/rewards/explanation";
import {
  deserializeExplanation,
  isStoredRecord,
  renderExplanation,
  StoredExplanationError,
  serializeExplanation,
  storedRecordPlan,
} from "@beizeng/domain/rewards/stored-explanation";
import type { ExplanationRecord } from "@beizeng/domain/rewards/types";
import { describe, expect, it } from "vitest";
import { loadChangjiangPlan } from "./competitors";
import { generateDistrict } from "./generate";

describe("stored explanation records", () => {
  const plan = loadChangjiangPlan();
  const district = generateDistrict(2_000, 424242);
  const result = evaluateRewards(compileRewardPlan(plan), district, { explain: true });
  const reader = compileRewardPlan(loadChangjiangPlan());
  const ref = { id: plan.id, version: 3 };

  it("render byte-identical explanations after a round trip through the stored form", () => {
    const rules = new Set<string>();
    for (const entitlement of result.entitlements) {
      const stored = JSON.parse(serializeExplanation(entitlement.explanation as ExplanationRecord, ref)) as unknown;
      expect(isStoredRecord(stored)).toBe(true);
      if (!isStoredRecord(stored)) continue;
      expect(storedRecordPlan(stored)).toEqual(ref);
      const restored = deserializeExplanation(stored, reader);
      expect(JSON.stringify(renderExplanation(restored))).toBe(JSON.stringify(explanationOf(entitlement)));
      rules.add(entitlement.ruleId);
    }
    // Both forms are exercised: records worded when shown and explanations written as the engine ran.
    for (const ruleId of ["R-GROWTH", "R-MATCH", "R-TECH", "R-REV-MILESTONE", "R-PROJ-50"])
      expect(rules).toContain(ruleId);
  });

  it("keep money exact as decimal strings of fen", () => {
    const growth = result.entitlements.find((entitlement) => entitlement.ruleId === "R-GROWTH");
    const text = serializeExplanation(growth?.explanation as ExplanationRecord, ref);
    expect(text).toContain(`"revenue":"${growth?.explanation?.year?.revenue?.toString()}"`);
  });

  it("tell explanations stored written out (no version) from records", () => {
    const written = JSON.parse(JSON.stringify(explanationOf(result.entitlements[0]))) as unknown;
    expect(isStoredRecord(written)).toBe(false);
    expect(isStoredRecord(null)).toBe(false);
  });

  it("refuse a record whose rule the plan does not have", () => {
    const growth = result.entitlements.find((entitlement) => entitlement.ruleId === "R-GROWTH");
    const stored = JSON.parse(serializeExplanation(growth?.explanation as ExplanationRecord, ref));
    expect(() => deserializeExplanation({ ...stored, rule: "R-NONE" }, reader)).toThrow(StoredExplanationError);
  });
});
