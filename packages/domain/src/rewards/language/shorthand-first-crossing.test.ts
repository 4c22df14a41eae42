/**
 * Cases of the Changjiang rules written in the shorthand kinds of earlier plan versions, run as the rules in the
 * language the loader expands them to (./shorthands.ts): the amounts, tiers and one-time keys are those the kinds'
 * own evaluators paid; the sentences are the language's.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, enterprise, paid, reasons, run, whyNot, zh } from "../testing/builders";
import { changjiangKindsPlan, changjiangKindsWithParameter } from "../testing/plans";

const plan = changjiangKindsPlan();
const highestOnly = changjiangKindsWithParameter("sameYearMilestoneTiers", "highest");
const reachingCounts = changjiangKindsWithParameter("milestoneComparison", "gte");

function revenueRun(revenues: Record<number, string>, before?: string, p = plan) {
  const years = Object.entries(revenues).map(([year, revenue]) => ({ year: Number(year), aboveScale: true, revenue }));
  return run(p, { enterprises: [enterprise(A, years, before === undefined ? undefined : { maxRevenue: before })] });
}

describe("R-REV-MILESTONE: revenue first exceeding 50亿 / 100亿 / 300亿", () => {
  test("exactly at 50亿 is not 突破 (strictly greater by default)", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "5000000000" });
    expect(paid(result, "R-REV-MILESTONE")).toEqual([]);
    expect(zh(whyNot(result, "R-REV-MILESTONE")[0])).toMatchInlineSnapshot(
      `"2021年营业收入 50 亿元，距首次突破 50 亿元差 0 元"`,
    );
  });

  test("one fen above 50亿 pays 100万; one fen below does not", () => {
    expect(paid(revenueRun({ 2020: "4000000000", 2021: "5000000000.01" }), "R-REV-MILESTONE")).toEqual([
      "2021 5000000000 1000000",
    ]);
    const below = revenueRun({ 2020: "4000000000", 2021: "4999999999.99" });
    expect(paid(below, "R-REV-MILESTONE")).toEqual([]);
    expect(zh(whyNot(below, "R-REV-MILESTONE")[0])).toBe(
      "2021年营业收入 4,999,999,999.99 元，距首次突破 50 亿元差 0.01 元",
    );
  });

  test("with the comparison parameter at gte, reaching 50亿 exactly pays", () => {
    expect(paid(revenueRun({ 2021: "5000000000" }, "4000000000", reachingCounts), "R-REV-MILESTONE")).toEqual([
      "2021 5000000000 1000000",
    ]);
    expect(paid(revenueRun({ 2021: "4999999999.99" }, "4000000000", reachingCounts), "R-REV-MILESTONE")).toEqual([]);
  });

  test("100亿 and 300亿 boundaries: at, one fen above, one fen below", () => {
    const history = (value: string) => revenueRun({ 2021: value }, "9000000000");
    expect(paid(history("10000000000"), "R-REV-MILESTONE")).toEqual([]);
    expect(paid(history("10000000000.01"), "R-REV-MILESTONE")).toEqual(["2021 10000000000 2000000"]);
    expect(paid(history("9999999999.99"), "R-REV-MILESTONE")).toEqual([]);
    const high = (value: string) => revenueRun({ 2022: value }, "20000000000");
    expect(paid(high("30000000000"), "R-REV-MILESTONE")).toEqual([]);
    expect(paid(high("30000000000.01"), "R-REV-MILESTONE")).toEqual(["2022 30000000000 6000000"]);
    expect(paid(high("29999999999.99"), "R-REV-MILESTONE")).toEqual([]);
  });

  test("40亿 → 120亿 in one year pays each tier first crossed by default (100万 + 200万)", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "12000000000" });
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2021 5000000000 1000000", "2021 10000000000 2000000"]);
    const explanation = explanationOf(result.entitlements[1]);
    expect(explanation?.parameters.map((parameter) => `${parameter.id}=${parameter.value}`)).toEqual([
      "milestoneComparison=gt",
      "sameYearMilestoneTiers=each",
    ]);
    expect(explanation?.zh).toMatchInlineSnapshot(
      `"2021年，营业收入 120 亿元，首次突破 100 亿元（第二档），奖励 200 万元"`,
    );
  });

  test("40亿 → 120亿 in one year pays the highest tier only when the parameter says so", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "12000000000" }, undefined, highestOnly);
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2021 10000000000 2000000"]);
    expect(reasons(result, "R-REV-MILESTONE")).toEqual(["2021 sameYearLowerTier"]);
  });

  test("the same total as crossing the tiers in two years", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "6000000000", 2022: "12000000000" });
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2021 5000000000 1000000", "2022 10000000000 2000000"]);
  });

  test("a tier crossed before the plan (pre-plan maximum) is never paid", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "7000000000", 2022: "11000000000" }, "6000000000");
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2022 10000000000 2000000"]);
  });

  test("a tier crossed in a listed pre-plan year is never paid, and the why-not says so", () => {
    const result = revenueRun({ 2019: "5500000000", 2020: "4500000000", 2021: "5600000000" });
    expect(paid(result, "R-REV-MILESTONE")).toEqual([]);
    expect(reasons(result, "R-REV-MILESTONE")).toMatchInlineSnapshot(`
      [
        "2019 outsidePlanPeriod",
      ]
    `);
    expect(zh(whyNot(result, "R-REV-MILESTONE")[1])).toMatchInlineSnapshot(`undefined`);
  });

  test("falling back and crossing again does not pay twice", () => {
    const result = revenueRun({ 2020: "4000000000", 2021: "5500000000", 2022: "4000000000", 2023: "5600000000" });
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2021 5000000000 1000000"]);
  });

  test("without `before`, the years listed are the whole history", () => {
    expect(paid(revenueRun({ 2021: "6000000000" }), "R-REV-MILESTONE")).toEqual(["2021 5000000000 1000000"]);
  });

  test("missing years: a crossing after a missing year still pays; all plan years missing is explained", () => {
    expect(paid(revenueRun({ 2020: "4000000000", 2022: "5500000000" }), "R-REV-MILESTONE")).toEqual([
      "2022 5000000000 1000000",
    ]);
    const none = run(plan, { enterprises: [enterprise(A, [{ year: 2021, aboveScale: true }])] });
    expect(reasons(none, "R-REV-MILESTONE")).toMatchInlineSnapshot(`
      [
        "- missingFigure",
      ]
    `);
  });

  test("the distance to the next tier is the clerk's why-not", () => {
    const result = revenueRun({ 2022: "4700000000", 2023: "4820000000" });
    expect(zh(whyNot(result, "R-REV-MILESTONE")[0])).toBe("2023年营业收入 48.2 亿元，距首次突破 50 亿元差 1.8 亿元");
  });

  test("a crossing after the plan period produces no entitlement", () => {
    expect(paid(revenueRun({ 2023: "4000000000", 2024: "6000000000" }), "R-REV-MILESTONE")).toEqual([]);
  });

  test("a tier granted before is not paid again", () => {
    const result = run(plan, {
      enterprises: [enterprise(A, [{ year: 2022, revenue: "12000000000" }], { maxRevenue: "4000000000" })],
      alreadyGranted: [{ ruleId: "R-REV-MILESTONE", creditCode: A, tier: "5000000000.00" }],
    });
    expect(paid(result, "R-REV-MILESTONE")).toEqual(["2022 10000000000 2000000"]);
    expect(reasons(result, "R-REV-MILESTONE")).toEqual(["2022 alreadyGranted"]);
  });

  test("the explanation carries the facts, threshold, arithmetic and the clause's words", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, revenue: "4820000000", sources: { revenue: "统计联网直报 2021年报" } },
          { year: 2022, revenue: "5600000000", sources: { revenue: "统计联网直报 2022年报" } },
        ]),
      ],
    });
    const [entitlement] = result.entitlements.filter((entry) => entry.ruleId === "R-REV-MILESTONE");
    expect(entitlement?.key).toBe(`R-REV-MILESTONE|${A}|5000000000`);
    expect(entitlement?.clause).toBe("M4");
    const explanation = explanationOf(entitlement);
    expect(explanation?.quote).toContain("首次突破 50亿元");
    expect(explanation?.facts[0]).toEqual({
      name: "revenue",
      label: "营业收入",
      labelEn: "revenue",
      year: 2022,
      value: "5600000000",
      source: "统计联网直报 2022年报",
    });
    expect(explanation?.thresholds[0]?.value).toBe("5000000000");
    expect(explanation?.arithmetic).toMatchInlineSnapshot(`"5600000000 > 5000000000 → 1000000"`);
    expect(explanation?.zh).toMatchInlineSnapshot(
      `"2022年，营业收入 56 亿元，首次突破 50 亿元（第一档），奖励 100 万元"`,
    );
    expect(explanation?.en).toMatchInlineSnapshot(
      `"In 2022, revenue of 5.6 billion yuan is for the first time above 5 billion yuan (tier 1), reward of 1,000,000 yuan."`,
    );
    expect(explanation?.nextTier?.zh).toMatchInlineSnapshot(`"距第二档 100 亿元差 44 亿元"`);
  });
});

describe("R-TAX-MILESTONE: tax paid first exceeding 1亿 / 5亿 / 10亿 / 20亿", () => {
  const taxRun = (taxes: Record<number, string>, before?: string, p = plan) =>
    run(p, {
      enterprises: [
        enterprise(
          A,
          Object.entries(taxes).map(([year, tax]) => ({ year: Number(year), tax })),
          before === undefined ? undefined : { maxTax: before },
        ),
      ],
    });

  test("each boundary: at, one fen above, one fen below", () => {
    const cases: [string, string, string | null][] = [
      ["100000000", "50000000", null],
      ["100000000.01", "50000000", "100000000 1000000"],
      ["500000000.01", "200000000", "500000000 5000000"],
      ["500000000", "200000000", null],
      ["1000000000.01", "600000000", "1000000000 10000000"],
      ["999999999.99", "600000000", null],
      ["2000000000.01", "1500000000", "2000000000 20000000"],
      ["2000000000", "1500000000", null],
    ];
    for (const [tax, before, expected] of cases) {
      expect(paid(taxRun({ 2022: tax }, before), "R-TAX-MILESTONE"), `${tax} after ${before}`).toEqual(
        expected === null ? [] : [`2022 ${expected}`],
      );
    }
  });

  test("0.5亿 → 21亿 in one year pays all four tiers by default, the 2000万 tier only under highest", () => {
    expect(paid(taxRun({ 2021: "2100000000" }, "50000000"), "R-TAX-MILESTONE")).toEqual([
      "2021 100000000 1000000",
      "2021 500000000 5000000",
      "2021 1000000000 10000000",
      "2021 2000000000 20000000",
    ]);
    const highestTax = changjiangKindsWithParameter("sameYearMilestoneTiers", "highest");
    expect(paid(taxRun({ 2021: "2100000000" }, "50000000", highestTax), "R-TAX-MILESTONE")).toEqual([
      "2021 2000000000 20000000",
    ]);
  });

  test("tax is optional: without it the why-not says the figure is missing", () => {
    const result = run(plan, { enterprises: [enterprise(A, [{ year: 2021, revenue: "100" }])] });
    expect(reasons(result, "R-TAX-MILESTONE")).toMatchInlineSnapshot(`
      [
        "- missingFigure",
      ]
    `);
    expect(zh(whyNot(result, "R-TAX-MILESTONE")[0])).toMatchInlineSnapshot(
      `"2021—2023年缺少入库税收，无法判断是否首次突破 1 亿元"`,
    );
  });

  test("every tier crossed before the plan: nothing left to pay", () => {
    const result = taxRun({ 2021: "2500000000" }, "2100000000");
    expect(paid(result, "R-TAX-MILESTONE")).toEqual([]);
    expect(reasons(result, "R-TAX-MILESTONE")).toEqual(["- allTiersCrossedBefore"]);
  });
});
