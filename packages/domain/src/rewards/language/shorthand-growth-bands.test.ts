/**
 * Cases of the Changjiang rules written in the shorthand kinds of earlier plan versions, run as the rules in the
 * language the loader expands them to (./shorthands.ts): the amounts, tiers and one-time keys are those the kinds'
 * own evaluators paid; the sentences are the language's.
 */
import { describe, expect, test } from "vitest";
import { explanationOf, explanationText } from "../explanation";
import { A, enterprise, paid, reasons, run, whyNot, type YearSpec, zh } from "../testing/builders";
import { changjiangKindsPlan } from "../testing/plans";

const plan = changjiangKindsPlan();

/** Previous year 2021 at 10亿, 2022 at `current`: growth is (current − 1e9) / 1e9. */
function growthRun(current: string, overrides: Partial<YearSpec> = {}) {
  return run(plan, {
    enterprises: [
      enterprise(A, [
        { year: 2021, aboveScale: true, revenue: "1000000000" },
        { year: 2022, aboveScale: true, revenue: current, ...overrides },
      ]),
    ],
  });
}

const growth2022 = (current: string, overrides: Partial<YearSpec> = {}) =>
  paid(growthRun(current, overrides), "R-GROWTH").filter((line) => line.startsWith("2022"));

describe("R-GROWTH: growth strictly above 5% / 8% / 10% / 15%, highest band only", () => {
  test("each band boundary: exactly at is not above, one fen above is, one fen below is not", () => {
    expect(growth2022("1050000000")).toEqual([]);
    expect(growth2022("1050000000.01")).toEqual(["2022 0.05 20000"]);
    expect(growth2022("1049999999.99")).toEqual([]);
    expect(growth2022("1080000000")).toEqual(["2022 0.05 20000"]);
    expect(growth2022("1080000000.01")).toEqual(["2022 0.08 80000"]);
    expect(growth2022("1079999999.99")).toEqual(["2022 0.05 20000"]);
    expect(growth2022("1100000000")).toEqual(["2022 0.08 80000"]);
    expect(growth2022("1100000000.01")).toEqual(["2022 0.10 100000"]);
    expect(growth2022("1099999999.99")).toEqual(["2022 0.08 80000"]);
    expect(growth2022("1150000000")).toEqual(["2022 0.10 100000"]);
    expect(growth2022("1150000000.01")).toEqual(["2022 0.15 200000"]);
    expect(growth2022("1149999999.99")).toEqual(["2022 0.10 100000"]);
    expect(growth2022("3000000000")).toEqual(["2022 0.15 200000"]);
  });

  test("the clerk's sentence and the arithmetic by cross-multiplication", () => {
    const result = growthRun("1124000000");
    const entitlement = result.entitlements.find((entry) => entry.ruleId === "R-GROWTH" && entry.year === 2022);
    expect(entitlement?.key).toBe(`R-GROWTH|${A}|2022`);
    expect(explanationOf(entitlement)?.zh).toMatchInlineSnapshot(
      `"2022年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 12.40%，超过 10%（第三档），奖励 10 万元"`,
    );
    expect(explanationOf(entitlement)?.en).toMatchInlineSnapshot(
      `"In 2022, above scale, not newly above scale that year, revenue grew 12.40% over the previous year, above 10% (tier 3), reward of 100,000 yuan."`,
    );
    expect(explanationOf(entitlement)?.arithmetic).toMatchInlineSnapshot(
      `"(1124000000 − 1000000000) ÷ 1000000000 = 12.40% > 0.10 → 100000"`,
    );
    expect(explanationOf(entitlement)?.nextTier?.zh).toMatchInlineSnapshot(`"距第四档 15%差 2.60 个百分点"`);
    expect(explanationOf(entitlement)?.thresholds.map((item) => item.value)).toEqual(["0.05", "0.08", "0.10", "0.15"]);
    expect(explanationOf(entitlement)?.parameters.map((parameter) => parameter.id)).toEqual([
      "growthMissingPreviousYear",
    ]);
  });

  test("the explanation is a record of the years and bands, written the same each time it is read", () => {
    const entitlement = growthRun("1124000000").entitlements.find(
      (entry) => entry.ruleId === "R-GROWTH" && entry.year === 2022,
    );
    const record = entitlement?.explanation;
    expect(record?.year?.revenue).toBe(112_400_000_000n);
    expect(record?.previousYear?.revenue).toBe(100_000_000_000n);
    expect([record?.band, record?.reached]).toEqual([2, 2]);
    expect(record?.clause).toBe("M4");
    expect(explanationOf(entitlement)).toEqual(explanationOf(entitlement));
    expect(explanationText(entitlement!, "zh")).toBe(explanationOf(entitlement)?.zh);
    expect(explanationText(entitlement!, "en")).toBe(explanationOf(entitlement)?.en);
  });

  test("the distance to the next band (7.6% → 8%)", () => {
    const entitlement = growthRun("1076000000").entitlements.find((entry) => entry.ruleId === "R-GROWTH");
    expect(explanationOf(entitlement)?.nextTier?.zh).toMatchInlineSnapshot(`"距第二档 8%差 0.40 个百分点"`);
    expect(explanationOf(entitlement)?.zh).toMatchInlineSnapshot(
      `"2022年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 7.60%，超过 5%（第一档），奖励 2 万元"`,
    );
  });

  test("the highest band says so", () => {
    const entitlement = growthRun("1200000000").entitlements.find((entry) => entry.ruleId === "R-GROWTH");
    expect(explanationOf(entitlement)?.zh).toMatchInlineSnapshot(
      `"2022年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 20.00%，超过 15%（第四档），奖励 20 万元"`,
    );
  });

  test("below the lowest band: the why-not gives the distance; exactly at 5% says it must be exceeded", () => {
    const below = growthRun("1032000000");
    expect(zh(whyNot(below, "R-GROWTH").find((entry) => entry.year === 2022))).toMatchInlineSnapshot(
      `"2022年营业收入同比增长 3.20%，距 5% 档差 1.80 个百分点，不奖励"`,
    );
    const exactly = growthRun("1050000000");
    expect(zh(whyNot(exactly, "R-GROWTH").find((entry) => entry.year === 2022))).toMatchInlineSnapshot(
      `"2022年营业收入同比增长 5.00%，须超过 5%，不奖励"`,
    );
    const justBelow = growthRun("1049999999.99");
    expect(zh(whyNot(justBelow, "R-GROWTH").find((entry) => entry.year === 2022))).toMatchInlineSnapshot(
      `"2022年营业收入同比增长 5.00%，距 5% 档差 0.00 个百分点，不奖励"`,
    );
  });

  test("a fall in revenue is below every band", () => {
    expect(reasons(growthRun("900000000"), "R-GROWTH")).toContain("2022 belowLowestBand");
  });

  test("newly above-scale that year is excluded (当年新增的除外)", () => {
    const result = growthRun("1300000000", { newlyAboveScale: true });
    expect(paid(result, "R-GROWTH")).toEqual([]);
    expect(reasons(result, "R-GROWTH").filter((line) => line.startsWith("2022"))).toMatchInlineSnapshot(`
      [
        "2022 conditionNotMet",
      ]
    `);
  });

  test("not above-scale, or not known to be, is excluded", () => {
    expect(
      reasons(growthRun("1300000000", { aboveScale: false }), "R-GROWTH").filter((line) => line.startsWith("2022")),
    ).toMatchInlineSnapshot(`
      [
        "2022 conditionNotMet",
      ]
    `);
    expect(
      reasons(growthRun("1300000000", { aboveScale: undefined }), "R-GROWTH").filter((line) => line.startsWith("2022")),
    ).toMatchInlineSnapshot(`
      [
        "2022 missingFigure",
      ]
    `);
  });

  test("no previous-year revenue, or zero, means no growth reward and the why-not names the figure", () => {
    const missing = run(plan, {
      enterprises: [enterprise(A, [{ year: 2022, aboveScale: true, revenue: "2000000000" }])],
    });
    const entry = whyNot(missing, "R-GROWTH").find((item) => item.year === 2022);
    expect(entry?.reason).toBe("previousRevenueMissing");
    expect(zh(entry)).toMatchInlineSnapshot(`"2022年缺少上年营业收入，无法计算，不奖励"`);
    const zero = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "0" },
          { year: 2022, aboveScale: true, revenue: "2000000000" },
        ]),
      ],
    });
    expect(reasons(zero, "R-GROWTH")).toContain("2022 previousRevenueZero");
    const gap = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000" },
          { year: 2023, aboveScale: true, revenue: "2000000000" },
        ]),
      ],
    });
    expect(paid(gap, "R-GROWTH")).toEqual([]);
    expect(reasons(gap, "R-GROWTH")).toEqual([
      "2021 previousRevenueMissing",
      "2023 previousRevenueMissing",
      "2022 missingFigure",
    ]);
  });

  test("paid every plan year it qualifies, from the 2020 baseline, never after 2023", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2020, aboveScale: true, revenue: "1000000000" },
          { year: 2021, aboveScale: true, revenue: "1060000000" },
          { year: 2022, aboveScale: true, revenue: "1166000000" },
          { year: 2023, aboveScale: true, revenue: "1400000000" },
          { year: 2024, aboveScale: true, revenue: "1800000000" },
        ]),
      ],
    });
    // 2021: 6% → band 1; 2022: 10% exactly → band 2; 2023: 20.07% → band 4; 2024 outside the plan.
    expect(paid(result, "R-GROWTH")).toEqual(["2021 0.05 20000", "2022 0.08 80000", "2023 0.15 200000"]);
  });

  test("years given out of order are read in order", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2022, aboveScale: true, revenue: "1200000000" },
          { year: 2021, aboveScale: true, revenue: "1000000000" },
        ]),
      ],
    });
    expect(paid(result, "R-GROWTH")).toEqual(["2022 0.15 200000"]);
  });
});
