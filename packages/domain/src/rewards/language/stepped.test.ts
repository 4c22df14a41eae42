/** A base amount plus an amount per further step, capped: the tiers generated, worked by hand. */
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { evaluateRewards } from "../engine";
import { code, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import { formulaRuleProblems } from "./check";
import { stepsUpToCap } from "./stepped";

const stepped = (change: Partial<FormulaReward> = {}): FormulaReward =>
  ({
    id: "R-GROWTH",
    clause: "M4",
    quote: "q",
    name: "n",
    nameEn: "n",
    kind: "formula",
    per: "year",
    when: [],
    years: "plan",
    rounding: "halfUp",
    once: "year",
    tiers: {
      of: "revenue - previous.revenue",
      compare: "gte",
      pay: "highest",
      firstTime: false,
      label: "none",
      steps: [{ from: "100000000", amount: "50000" }],
      every: { by: "10000000", add: "5000" },
    },
    cap: "500000",
    ...change,
  }) as FormulaReward;

function planWith(rule: FormulaReward): PlanFile {
  const plan = changjiangPlan();
  const index = plan.rewards.findIndex((each) => each.id === rule.id);
  const { clause, quote, name, nameEn } = plan.rewards[index]!;
  plan.rewards[index] = { ...rule, clause, quote, name, nameEn };
  return plan;
}

describe("a base amount plus an amount per further step, capped", () => {
  it("generates the tiers up to the one that pays the cap", () => {
    // 5万 + k × 0.5万 reaches 50万 at k = 90; a cap between two steps pays the cap on the last.
    const steps = stepsUpToCap(10_000_000_000n, 5_000_000n, 1_000_000_000n, 500_000n, 50_000_000n)!;
    expect(steps).toHaveLength(90);
    expect(steps[89]).toEqual({ threshold: 100_000_000_000n, amount: 50_000_000n });
    expect(stepsUpToCap(0n, 100n, 100n, 300n, 500n)).toEqual([
      { threshold: 100n, amount: 400n },
      { threshold: 200n, amount: 500n },
    ]);
    expect(stepsUpToCap(0n, 1n, 1n, 1n, 1_000_000n)).toBeNull();
  });

  it("pays 5万 at 1亿, 5.5万 at 1.1亿, 50万 from 10亿 on, nothing below 1亿", () => {
    const grew = (n: number, increase: string) =>
      enterprise(code(n), [
        { year: 2020, revenue: "1000000000" },
        { year: 2021, revenue: String(1000000000 + Number(increase)) },
      ]);
    const enterprises = [
      grew(1, "100000000"),
      grew(2, "109999999"),
      grew(3, "110000000"),
      grew(4, "2000000000"),
      grew(5, "99999999"),
    ];
    const result = evaluateRewards(planWith(stepped()), { enterprises });
    const paid = result.entitlements
      .filter((e) => e.ruleId === "R-GROWTH")
      .map((e) => `${enterprises.findIndex((h) => h.creditCode === e.creditCode) + 1} ${formatYuan(e.amount!)}`);
    expect(paid).toEqual(["1 50000", "2 50000", "3 55000", "4 500000"]);
  });

  it("refuses `every` without a cap, and a cap too many steps away", () => {
    const plan = changjiangPlan();
    expect(formulaRuleProblems(stepped({ cap: undefined }), plan)).toEqual([
      { path: ["tiers", "every"], message: "逐级递增（every）必须写封顶金额 cap" },
    ]);
    expect(formulaRuleProblems(stepped({ cap: "100000000" }), plan)).toEqual([
      { path: ["tiers", "every"], message: "逐级递增到封顶金额需要超过 2000 档：请检查 by、add 与 cap" },
    ]);
  });
});
