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
import type { EnterpriseYear, ExplanationRecord } from "@beizeng/domain/rewards/types";
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

  it("are the same when why-nots are left out, as the server's batch leaves them out", () => {
    const batch = evaluateRewards(compileRewardPlan(plan), district, { explain: true, whyNots: false });
    expect(result.nonPayments.length).toBeGreaterThan(0);
    expect(batch.nonPayments).toEqual([]);
    const written = (entitlements: typeof result.entitlements) =>
      entitlements.map(
        (entitlement) => `${entitlement.key} ${entitlement.amount} ${JSON.stringify(explanationOf(entitlement))}`,
      );
    expect(written(batch.entitlements)).toEqual(written(result.entitlements));
  });

  it("read records stored in version 2 (every field of the years, R-MATCH and R-TECH with their facts)", () => {
    const money = (value: bigint | undefined) => (value === undefined ? undefined : value.toString());
    const fullYear = (year: EnterpriseYear | null) =>
      year === null
        ? null
        : { ...year, grants: undefined, techProjects: undefined, revenue: money(year.revenue), tax: money(year.tax) };
    let read = 0;
    for (const entitlement of result.entitlements) {
      const record = entitlement.explanation as ExplanationRecord;
      if (record.written !== null || record.crossing !== null) continue;
      const current = JSON.parse(serializeExplanation(record, ref));
      const version2 = {
        ...current,
        v: 2,
        year: fullYear(record.year),
        previousYear: fullYear(record.previousYear),
        facts: record.facts,
      };
      const stored = JSON.parse(JSON.stringify(version2)) as unknown;
      if (!isStoredRecord(stored)) throw new Error("a version 2 record is not recognised");
      expect(JSON.stringify(renderExplanation(deserializeExplanation(stored, reader)))).toBe(
        JSON.stringify(explanationOf(entitlement)),
      );
      read++;
    }
    expect(read).toBeGreaterThan(1000);
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
