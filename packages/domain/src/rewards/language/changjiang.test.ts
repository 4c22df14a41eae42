/**
 * The Changjiang plan's eleven reward rules written in the rule language pay exactly what the rule
 * kinds pay: every entitlement (rule, tier, year, subject, amount to the fen) and every one-time key,
 * on the worked example and under every reading its parameters allow, with prior grants honoured.
 */
import { describe, expect, it } from "vitest";
import inputText from "../../../../cli/src/commands/fixtures/rewards-input.json?raw";
import { parseRewardsBatch } from "../batch";
import { compileRewardPlan, evaluateRewards } from "../engine";
import { explanationOf } from "../explanation";
import { deserializeExplanation, serializeExplanation } from "../stored-explanation";
import { changjiangKindsPlan, changjiangPlan } from "../testing/plans";
import type { RewardInput, RewardResult } from "../types";
import { whyNotText } from "../why-not";

function workedExample(): RewardInput {
  const parsed = parseRewardsBatch(JSON.parse(inputText));
  if (!parsed.ok) throw new Error("the worked example does not parse");
  return parsed.input;
}

function lines(result: RewardResult): string[] {
  return result.entitlements
    .map(
      (e) => `${e.key}|${e.ruleId}|${e.clause}|${e.year}|${e.tier ?? "-"}|${e.subjectId ?? "-"}|${e.amount ?? "null"}`,
    )
    .sort();
}

const READINGS: Record<string, string | boolean>[] = [
  {},
  { sameYearMilestoneTiers: "highest" },
  { milestoneComparison: "gte" },
  { newAboveScaleReentryPaid: true },
  { neeqThenListedPaidBoth: false },
  { project50Threshold: "3000000000", project20Threshold: "1000000000" },
];

describe("Changjiang's rules in the rule language", () => {
  const kinds = changjiangKindsPlan();
  const formulas = changjiangPlan();

  it("loads: every reward rule is a formula", () => {
    expect(formulas.rewards.map((rule) => rule.kind)).toEqual(formulas.rewards.map(() => "formula"));
    expect(formulas.rewards.map((rule) => rule.id)).toEqual(kinds.rewards.map((rule) => rule.id));
  });

  for (const parameters of READINGS) {
    it(`pays what the rule kinds pay, key for key, with ${JSON.stringify(parameters)}`, () => {
      const input = workedExample();
      const expected = evaluateRewards(kinds, input, { parameters });
      const actual = evaluateRewards(formulas, input, { parameters });
      expect(expected.entitlements.length).toBeGreaterThan(10);
      expect(lines(actual)).toEqual(lines(expected));
    });
  }

  it("the worked example's total is the one computed by hand", () => {
    const total = evaluateRewards(formulas, workedExample()).entitlements.reduce(
      (sum, e) => sum + (e.amount ?? 0n),
      0n,
    );
    expect(total).toBe(4_766_250_571n);
  });

  it("does not pay again what was granted before, given as keys or as parts", () => {
    const input = workedExample();
    const first = evaluateRewards(kinds, input);
    const priors = first.entitlements.filter((_, index) => index % 2 === 0);
    const byKey = { ...input, alreadyGranted: priors.map((e) => e.key) };
    const byParts = {
      ...input,
      alreadyGranted: priors.map((e) => ({
        ruleId: e.ruleId,
        creditCode: e.creditCode,
        tier: e.tier,
        year: e.year,
        ...(e.subjectId === undefined ? {} : { subjectId: e.subjectId }),
      })),
    };
    for (const again of [byKey, byParts]) {
      const expected = lines(evaluateRewards(kinds, again));
      expect(lines(evaluateRewards(formulas, again))).toEqual(expected);
      expect(expected.length).toBeLessThan(first.entitlements.length);
    }
  });

  it("explains every award from the rule's structure, stored and read back as written", () => {
    const compiled = compileRewardPlan(formulas);
    const result = evaluateRewards(compiled, workedExample());
    const growth = result.entitlements.find((e) => e.ruleId === "R-GROWTH" && e.tier === "0.15");
    expect(explanationOf(growth)?.zh).toBe(
      "2021年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 20.50%，超过 15%（第四档），奖励 20 万元",
    );
    const tech = result.entitlements.find((e) => e.ruleId === "R-TECH");
    expect(explanationOf(tech)?.arithmetic).toBe("1234567.50 × 0.01 = 12345.68（四舍五入到分 / half-up to the fen）");
    for (const entitlement of result.entitlements) {
      const explanation = explanationOf(entitlement)!;
      expect(explanation.zh.length).toBeGreaterThan(5);
      expect(explanation.en.length).toBeGreaterThan(5);
      const stored = JSON.parse(serializeExplanation(entitlement.explanation!, { id: formulas.id, version: 7 }));
      expect(explanationOf({ ...entitlement, explanation: deserializeExplanation(stored, compiled) })).toEqual(
        explanation,
      );
    }
  });

  it("says why not for every enterprise × rule that pays nothing, in both languages", () => {
    const result = evaluateRewards(formulas, workedExample());
    const input = workedExample();
    for (const enterprise of input.enterprises)
      for (const rule of formulas.rewards) {
        const paid = result.entitlements.some(
          (e) => e.creditCode === enterprise.creditCode && e.explanation?.ruleId === rule.id,
        );
        const explained = result.nonPayments.some(
          (n) => n.creditCode === enterprise.creditCode && n.ruleId === rule.id,
        );
        expect(paid || explained, `${enterprise.creditCode} ${rule.id}`).toBe(true);
      }
    const growth = result.nonPayments.find((n) => n.ruleId === "R-GROWTH" && n.reason === "belowLowestBand");
    expect(whyNotText(growth!, "zh")).toBe("2023年营业收入同比增长 5.00%，须超过 5%，不奖励");
    for (const entry of result.nonPayments) {
      expect(whyNotText(entry, "zh")).not.toMatch(/undefined|null/);
      expect(whyNotText(entry, "en")).not.toMatch(/undefined|null/);
    }
  });
});
