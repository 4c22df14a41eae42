/**
 * Shapes of the rule language the Changjiang rules do not use, worked by hand: a percentage capped
 * per award and rounded down, every band of a level paid (not only the highest) with a key per year
 * and band, a first-time tier gated by a condition (above scale), and an amount by category that
 * another category does not stack with.
 */
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { evaluateRewards } from "../engine";
import { A, B, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import type { RewardResult } from "../types";
import { whyNotText } from "../why-not";

/** The Changjiang plan with one rule replaced by a formula (its clause and quote kept: they are checked against the document). */
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
    .map((e) => `${e.key} ${e.tier ?? "-"} ${e.amount === null ? "null" : formatYuan(e.amount)}`);

describe("the rule language's shapes, worked by hand", () => {
  it("a percentage capped per award and rounded down", () => {
    const plan = planWith("R-TECH", {
      per: "techProject",
      percentOf: "techProject.equipmentInvoices",
      rate: "0.015",
      rounding: "down",
      cap: "20000",
      once: "subject",
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          {
            year: 2022,
            techProjects: [
              { id: "t1", investment: "1000000", equipmentInvoices: "1000.99", techFundsReceived: false },
              { id: "t2", investment: "9000000", equipmentInvoices: "5000000", techFundsReceived: true },
            ],
          },
        ]),
      ],
    });
    // 1000.99 × 1.5% = 15.01485 → 15.01 (down); 5,000,000 × 1.5% = 75,000 → capped at 20,000.
    expect(paid(result, "R-TECH")).toEqual([`R-TECH|${A}|t1 - 15.01`, `R-TECH|${A}|t2 - 20000`]);
    const explanation = result.entitlements[1]!.explanation!;
    const written = explanation.wording.explanation(explanation);
    expect(written.zh).toBe("2022年技术改造项目 t2，按购置设备发票金额 500 万元的 1.5% 计 7.5 万元，封顶 2 万元");
  });

  it("every band reached paid, each with its own key, and a gate before the figure", () => {
    const plan = planWith("R-GROWTH", {
      when: [{ test: "aboveScale", zh: "规模以上工业企业", en: "above scale" }],
      tiers: {
        of: "tax",
        compare: "gte",
        pay: "each",
        firstTime: false,
        label: "threshold",
        steps: [
          { from: "1000000", amount: "10000" },
          { from: "5000000", amount: "30000" },
          { from: "10000000", amount: "50000" },
        ],
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, tax: "5000000" },
          { year: 2022, aboveScale: false, tax: "20000000" },
          { year: 2023, aboveScale: true, tax: "999999.99" },
        ]),
      ],
    });
    // 2021: 500万 reaches the first two bands (≥ 100万, ≥ 500万): 1万 + 3万; 2022 not above scale; 2023 below the lowest.
    expect(paid(result, "R-GROWTH")).toEqual([
      `R-GROWTH|${A}|2021|1000000 1000000 10000`,
      `R-GROWTH|${A}|2021|5000000 5000000 30000`,
    ]);
    const why = result.nonPayments.filter((n) => n.ruleId === "R-GROWTH").map((n) => whyNotText(n, "zh"));
    expect(why).toEqual([
      "2022年不符合“规模以上工业企业”，不奖励",
      "2023年入库税收 999,999.99 元，未达到 100 万元，差 0.01 元，不奖励",
    ]);
  });

  it("a first-time tier gated by above scale: the crossing counts, the award waits for the gate", () => {
    const plan = planWith("R-REV-MILESTONE", {
      when: [{ test: "aboveScale", zh: "规模以上工业企业", en: "above scale" }],
      once: "tier",
      tiers: {
        of: "revenue",
        compare: "gt",
        pay: "each",
        firstTime: true,
        label: "threshold",
        steps: [
          { from: "5000000000", amount: "1000000" },
          { from: "10000000000", amount: "2000000" },
        ],
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: false, revenue: "6000000000" },
          { year: 2022, aboveScale: true, revenue: "12000000000" },
        ]),
        enterprise(B, [{ year: 2022, aboveScale: true, revenue: "5000000000" }]),
      ],
    });
    // A crossed 50亿 in 2021 while not above scale: not paid, and not paid again later; 100亿 in 2022 is paid.
    // B reached 50亿 exactly: 突破 is strictly greater, nothing.
    expect(paid(result, "R-REV-MILESTONE")).toEqual([`R-REV-MILESTONE|${A}|10000000000 10000000000 2000000`]);
  });

  it("an amount by category, one category not paid after another", () => {
    const plan = planWith("R-IPO", {
      event: { test: 'listing != ""', zh: "上市或挂牌", en: "listed or quoted" },
      byCategory: {
        of: "listing",
        firstTime: true,
        tier: "category",
        values: [
          { is: "neeq", zh: "新三板挂牌", en: "NEEQ quotation", amount: "500000" },
          { is: "domestic", zh: "境内首发上市", en: "domestic IPO", amount: "5000000", notAfter: { category: "neeq" } },
        ],
      },
      once: "tier",
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, listing: "neeq" },
          { year: 2023, listing: "domestic" },
        ]),
        enterprise(B, [{ year: 2022, listing: "overseas" }]),
      ],
    });
    expect(paid(result, "R-IPO")).toEqual([`R-IPO|${A}|neeq neeq 500000`]);
    const why = result.nonPayments.filter((n) => n.ruleId === "R-IPO").map((n) => whyNotText(n, "zh"));
    expect(why).toEqual([
      "2023年上市挂牌“境内首发上市”：此前已获同条其他奖励，按“不重复享受”不再奖励",
      "2022年上市挂牌“overseas”不在本条奖励范围内",
    ]);
  });
});
