import { describe, expect, test } from "vitest";
import { A, enterprise, project, run, whyNot } from "./testing/builders";
import { changjiangPlan } from "./testing/plans";
import { whyNotText } from "./why-not";

const plan = changjiangPlan();

describe("why-nots are records of figures, written as sentences when shown", () => {
  test("a milestone not reached holds the figure, the nearest tier and the distance", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2022, aboveScale: true, revenue: "4700000000" },
          { year: 2023, aboveScale: true, revenue: "4820000000" },
        ]),
      ],
    });
    const [entry] = whyNot(result, "R-REV-MILESTONE");
    expect(entry).toMatchObject({
      reason: "belowNextTier",
      year: 2023,
      figure: 482_000_000_000n,
      nearestTier: "5000000000",
      distance: 18_000_000_000n,
      missing: null,
    });
    expect(entry?.facts.map((fact) => `${fact.name} ${fact.year} ${fact.value}`)).toEqual(["revenue 2023 4820000000"]);
    expect(whyNotText(entry!, "zh")).toBe("2023年营业收入 48.2 亿元，距首次突破 50 亿元差 1.8 亿元");
    expect(whyNotText(entry!, "en")).toBe(
      "In 2023: revenue of 4.82 billion yuan is 180 million yuan short of first exceeding 5 billion yuan.",
    );
  });

  test("growth below the lowest band keeps both years' revenue; the points are computed when written", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000" },
          { year: 2022, aboveScale: true, revenue: "1032000000" },
        ]),
      ],
    });
    const entry = whyNot(result, "R-GROWTH").find((item) => item.year === 2022);
    expect(entry).toMatchObject({
      reason: "belowLowestBand",
      figure: 103_200_000_000n,
      previousFigure: 100_000_000_000n,
      nearestTier: "0.05",
    });
    expect(whyNotText(entry!, "zh")).toBe("2022年营业收入同比增长 3.20%，距 5% 档差 1.80 个百分点，不奖励");
    expect(whyNotText(entry!, "en")).toBe(
      "In 2022: revenue grew 3.20% year on year, 1.80 percentage points short of the 5% band.",
    );
  });

  test("a missing figure is named", () => {
    const result = run(plan, {
      enterprises: [enterprise(A, [{ year: 2022, aboveScale: true, revenue: "2000000000" }])],
    });
    const entries = whyNot(result, "R-GROWTH");
    expect(entries.map((entry) => `${entry.year} ${entry.reason} ${entry.missing}`)).toEqual([
      "2022 previousRevenueMissing previous.revenue",
      "2021 missingFigure year",
      "2023 missingFigure year",
    ]);
    expect(entries.map((entry) => whyNotText(entry, "zh"))).toEqual([
      "2022年缺少上年营业收入，无法计算，不奖励",
      "2021年缺少全部数据，无法计算，不奖励",
      "2023年缺少全部数据，无法计算，不奖励",
    ]);
    expect(entries.map((entry) => whyNotText(entry, "en"))).toEqual([
      "In 2022: the previous year's revenue is missing: nothing can be computed.",
      "In 2021: every figure is missing: nothing can be computed.",
      "In 2023: every figure is missing: nothing can be computed.",
    ]);
  });

  test("a project below every category: the distance to the lowest, in both languages", () => {
    const result = run(plan, { projects: [project("small", A, "1999999999.99", 2021, 2022)] });
    const [entry] = whyNot(result, "R-PROJ");
    expect(entry).toMatchObject({ reason: "belowLowestBand", nearestTier: "2000000000", distance: 1n });
    expect(whyNotText(entry!, "zh")).toBe(
      "2022年项目 small 计划总投资 1,999,999,999.99 元，未达到 “20”类门槛 20 亿元，差 0.01 元，不奖励",
    );
    expect(whyNotText(entry!, "en")).toBe(
      'In 2022: project small: planned total investment of 1,999,999,999.99 yuan is not at least the "20" minimum of 2 billion yuan, 0.01 yuan short.',
    );
  });

  test("the same record always gives the same sentence", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000", listing: "neeq" },
          { year: 2022, aboveScale: true, revenue: "1049999999.99", listing: "neeq" },
        ]),
      ],
    });
    expect(result.nonPayments.length).toBeGreaterThan(5);
    for (const entry of result.nonPayments)
      for (const locale of ["zh", "en"] as const) {
        const text = whyNotText(entry, locale);
        expect(text.length, `${entry.ruleId} ${entry.reason}`).toBeGreaterThan(0);
        expect(whyNotText(entry, locale)).toBe(text);
      }
  });
});
