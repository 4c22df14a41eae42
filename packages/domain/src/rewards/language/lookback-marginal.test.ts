/**
 * Earlier years in expressions (`previous.revenue`, `previous2.aboveScale`) and marginal (累进) rates,
 * worked by hand: a growth band whose required growth depends on the previous year's level, the
 * increase split at 60 % growth into a part at 1 % and a part at 1.2 %, capped; amounts paid in
 * three installments while the enterprise stays above scale, forfeited on exit.
 */
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { evaluateRewards } from "../engine";
import { A, B, code, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import type { RewardResult } from "../types";
import { whyNotText } from "../why-not";
import { marginalAmount } from "./marginal";

function planWith(ruleId: string, change: Partial<FormulaReward>): PlanFile {
  const plan = changjiangPlan();
  const index = plan.rewards.findIndex((rule) => rule.id === ruleId);
  const { id, clause, quote, name, nameEn } = plan.rewards[index]!;
  plan.rewards[index] = {
    id,
    clause,
    quote,
    name,
    nameEn,
    kind: "formula",
    per: "year",
    when: [],
    years: "plan",
    rounding: "halfUp",
    once: "year",
    ...change,
  } as FormulaReward;
  return plan;
}

const paid = (result: RewardResult, ruleId: string) =>
  result.entitlements
    .filter((e) => e.ruleId === ruleId)
    .map((e) => `${e.year} ${e.amount === null ? "null" : formatYuan(e.amount)}`);

/** 海沧 (一): previous year 1亿–5亿, growth ≥ 40 %; up to 60 % growth at 1 %, beyond at 1.2 %; at most 1000万. */
const marginalGrowth: Partial<FormulaReward> = {
  when: [
    {
      test: 'previous.revenue >= yuan("100000000") && previous.revenue < yuan("500000000")',
      zh: "上年营业收入1亿元(含)以上、5亿元(不含)以下",
      en: "previous year's revenue from 100 million to under 500 million",
    },
    { test: "revenue * 10 >= previous.revenue * 14", zh: "同比增长达到40%(含)以上", en: "growth of 40% or more" },
  ],
  tiers: {
    growthOf: "revenue",
    compare: "gte",
    pay: "highest",
    firstTime: false,
    marginal: true,
    label: "none",
    steps: [
      { from: "0", rate: "0.01" },
      { from: "0.6", rate: "0.012" },
    ],
  },
  cap: "10000000",
};

describe("earlier years and marginal rates, worked by hand", () => {
  it("splits the increase at 60% growth: 1% below, 1.2% above; the gate at 40%; the cap", () => {
    const result = evaluateRewards(planWith("R-GROWTH", marginalGrowth), {
      enterprises: [
        // 2亿 → 3.3亿: 1.2亿 × 1% + 0.1亿 × 1.2% = 120万 + 12万 = 132万.
        enterprise(A, [
          { year: 2020, revenue: "200000000" },
          { year: 2021, revenue: "330000000" },
          // 3.3亿 → 4.62亿 is exactly 40%: 1.32亿 × 1% = 132万.
          { year: 2022, revenue: "462000000" },
          // 4.62亿 → 6.468亿 − 0.01: previous is still below 5亿, growth just under 40%: not paid.
          { year: 2023, revenue: "646799999.99" },
        ]),
        // 4.9亿 → 20亿: 2.94亿 × 1% + 12.16亿 × 1.2% = 294万 + 1459.2万 = 1753.2万, capped at 1000万.
        enterprise(B, [
          { year: 2020, revenue: "490000000" },
          { year: 2021, revenue: "2000000000" },
        ]),
        // No previous year: the figure is missing.
        enterprise(code(3), [{ year: 2021, revenue: "300000000" }]),
      ],
    });
    expect(paid(result, "R-GROWTH")).toEqual(["2021 1320000", "2022 1320000", "2021 10000000"]);
    const explanation = result.entitlements.find((e) => e.creditCode === B && e.ruleId === "R-GROWTH")!.explanation!;
    const written = explanation.wording.explanation(explanation);
    expect(written.zh).toContain("分段累进：29400 万元按 1%、121600 万元按 1.2%，计 1753.2 万元，封顶 1000 万元");
    expect(written.arithmetic).toContain("294000000 × 1% + 1216000000 × 1.2% = 17532000；封顶 / cap 10000000");
    const why = result.nonPayments.filter((n) => n.ruleId === "R-GROWTH").map((n) => whyNotText(n, "zh"));
    expect(why).toContain("2023年不符合“同比增长达到40%(含)以上”，不奖励");
  });

  it("pays in three installments while above scale; an exit forfeits the rest", () => {
    const installment = (back: number, amount: string): Partial<FormulaReward> => {
      const held = Array.from({ length: back }, (_, index) =>
        index === 0 ? "aboveScale" : `previous${index === 1 ? "" : index}.aboveScale`,
      );
      const entered = back === 0 ? "newlyAboveScale" : `previous${back === 1 ? "" : back}.newlyAboveScale`;
      return {
        event: { test: entered, zh: "首次纳入规模以上工业统计", en: "entered the above-scale statistics" },
        when: back === 0 ? [] : [{ test: held.join(" && "), zh: "此后仍在规模以上", en: "still above scale since" }],
        amount,
        once: "enterprise",
      };
    };
    const plan = planWith("R-NEW-SCALE", installment(0, "100000"));
    const second = planWith("R-GROWTH", installment(1, "200000")).rewards.find((rule) => rule.id === "R-GROWTH")!;
    const third = planWith("R-TECH", installment(2, "300000")).rewards.find((rule) => rule.id === "R-TECH")!;
    plan.rewards = plan.rewards.map((rule) => (rule.id === "R-GROWTH" ? second : rule.id === "R-TECH" ? third : rule));
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, newlyAboveScale: true },
          { year: 2022, aboveScale: true },
          { year: 2023, aboveScale: true },
        ]),
        enterprise(B, [
          { year: 2021, aboveScale: true, newlyAboveScale: true },
          { year: 2022, aboveScale: false },
          { year: 2023, aboveScale: true },
        ]),
      ],
    });
    const of = (creditCode: string) =>
      result.entitlements
        .filter((e) => e.creditCode === creditCode && ["R-NEW-SCALE", "R-GROWTH", "R-TECH"].includes(e.ruleId))
        .map((e) => `${e.year} ${formatYuan(e.amount!)}`);
    // 10万 + 20万 + 30万 = 60万 over three years; B left in 2022 and gets only the first 10万.
    expect(of(A)).toEqual(["2021 100000", "2022 200000", "2023 300000"]);
    expect(of(B)).toEqual(["2021 100000"]);
  });

  it("marginal parts of a money figure, exact before one rounding", () => {
    const bands = [
      { threshold: 0n, thresholdRate: null, rate: { numerator: 1n, denominator: 100n } },
      { threshold: 100_000_000n, thresholdRate: null, rate: { numerator: 3n, denominator: 200n } },
    ];
    // 1,000,000.01 yuan: 1,000,000 × 1% + 0.01 × 1.5% = 10,000 + 0.00015 → 10,000.00 half-up, 10,000.01 up.
    expect(marginalAmount(bands, 1, 100_000_001n, null, "halfUp").amount).toBe(1_000_000n);
    expect(marginalAmount(bands, 1, 100_000_001n, null, "up").amount).toBe(1_000_001n);
    expect(marginalAmount(bands, 0, 50_000_000n, null, "halfUp").parts).toHaveLength(1);
  });
});
