/**
 * A rate per 亩 by band of land area, worked by hand: a declared quantity fact (亩, read in hundredths)
 * times a rate written in yuan per 亩 gives fen, so "3000" is 3000 yuan a 亩; the band's rate applies to the
 * whole area, or marginally to the part of it in each band.
 */
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { evaluateRewards } from "../engine";
import { code, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";

function planWith(marginal: boolean): PlanFile {
  const plan = changjiangPlan();
  plan.facts = [
    {
      id: "landArea",
      name: "新增用地面积",
      nameEn: "New land area",
      measure: "quantity",
      unitName: "亩",
      period: "year",
    },
  ];
  const index = plan.rewards.findIndex((rule) => rule.id === "R-GROWTH");
  const { id, clause, quote, name, nameEn } = plan.rewards[index]!;
  plan.rewards = [
    {
      id,
      clause,
      quote,
      name,
      nameEn,
      kind: "formula",
      per: "year",
      when: [{ test: 'fact("landArea") >= quantity("10")', zh: "新增用地10亩以上", en: "10 mu or more" }],
      years: "plan",
      rounding: "halfUp",
      once: "year",
      ...(marginal ? {} : { percentOf: 'fact("landArea")' }),
      tiers: {
        of: 'fact("landArea")',
        compare: "gte",
        pay: "highest",
        firstTime: false,
        marginal,
        label: "none",
        steps: [
          { from: "0", rate: "3000" },
          { from: "50", rate: "2000" },
        ],
      },
    } as FormulaReward,
  ];
  return plan;
}

const land = (n: number, hundredths: bigint) => ({
  ...enterprise(code(n), [{ year: 2022 }]),
  years: [{ year: 2022, facts: { landArea: hundredths } }],
});

describe("a rate per 亩 by band of land area", () => {
  const enterprises = [land(1, 4_000n), land(2, 5_000n), land(3, 8_050n), land(4, 999n)];
  const amounts = (plan: PlanFile) =>
    evaluateRewards(plan, { enterprises }).entitlements.map((e) => formatYuan(e.amount!));

  it("the band's rate on the whole area", () => {
    // 40亩 × 3000 = 12万; 50亩 × 2000 = 10万; 80.5亩 × 2000 = 16.1万; 9.99亩 is below the 10亩 gate.
    expect(amounts(planWith(false))).toEqual(["120000", "100000", "161000"]);
  });

  it("marginally: the first 50亩 at 3000, the rest at 2000", () => {
    // 40亩 × 3000 = 12万; 50亩 × 3000 = 15万; 50 × 3000 + 30.5 × 2000 = 15万 + 6.1万 = 21.1万.
    expect(amounts(planWith(true))).toEqual(["120000", "150000", "211000"]);
  });
});
