/**
 * What the language's why-nots and explanations say where the retired rule kinds said more, written from the rule's
 * structure (./words.ts), in both languages: a figure missing in every plan year, or in a later plan year, names those years and the tier it
 * leaves undecided; a growth award names the distance to the next band; a subject whose paid year is not known yet
 * is not due yet rather than missing a figure, with the amount due once it is; a figure a rule reads without an expression is named in words.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, enterprise, project, run, whyNot } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import { whyNotText } from "../why-not";

const plan = changjiangPlan();

describe("the language's words where the rule kinds said more", () => {
  test("a first-time tier's figure missing in every plan year: the plan's years and the tier undecided", () => {
    const result = run(plan, { enterprises: [enterprise(A, [{ year: 2021, revenue: "100" }])] });
    const [entry] = whyNot(result, "R-TAX-MILESTONE");
    expect(entry?.reason).toBe("missingFigure");
    expect(whyNotText(entry!, "zh")).toBe("2021—2023年缺少入库税收，无法判断是否首次突破 1 亿元");
    expect(whyNotText(entry!, "en")).toBe(
      "Tax paid is missing for 2021–2023: cannot tell whether 100 million yuan was first exceeded.",
    );
  });

  test("a first-time tier's figure missing in the last plan year only: the closest figure, then that year undecided", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, revenue: "100", tax: "60000000" },
          { year: 2022, revenue: "100", tax: "80000000" },
          { year: 2023, revenue: "100" },
        ]),
      ],
    });
    const entries = whyNot(result, "R-TAX-MILESTONE");
    expect(entries.map((entry) => [entry.reason, entry.year])).toEqual([
      ["belowNextTier", 2022],
      ["missingFigure", 2023],
    ]);
    expect(whyNotText(entries[0]!, "zh")).toBe("2022年入库税收 8000 万元，距首次突破 1 亿元差 2000 万元");
    expect(whyNotText(entries[1]!, "zh")).toBe("2023年缺少入库税收，无法判断是否首次突破 1 亿元");
    expect(whyNotText(entries[1]!, "en")).toBe(
      "Tax paid is missing for 2023: cannot tell whether 100 million yuan was first exceeded.",
    );
  });

  test("a growth award: the percentage points to the next band, exact to two decimals", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000" },
          { year: 2022, aboveScale: true, revenue: "1076000000" },
          { year: 2023, aboveScale: true, revenue: "1237399999.99" },
        ]),
      ],
    });
    const [first, second] = result.entitlements.filter((entry) => entry.ruleId === "R-GROWTH");
    expect(explanationOf(first)?.nextTier).toEqual({
      zh: "距第二档 8%差 0.40 个百分点",
      en: "0.40 percentage points short of tier 2 (8%)",
    });
    // 14.99999…%: short of 15% by less than the hundredth shown.
    expect(explanationOf(second)?.nextTier).toEqual({
      zh: "距第四档 15%差 不足 0.01 个百分点",
      en: "less than 0.01 percentage points short of tier 4 (15%)",
    });
  });

  test("the highest band has no next band", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000" },
          { year: 2022, aboveScale: true, revenue: "1200000000" },
        ]),
      ],
    });
    expect(explanationOf(result.entitlements.find((entry) => entry.ruleId === "R-GROWTH"))?.nextTier).toBeUndefined();
  });

  test("a project without its year in production is not due yet", () => {
    const result = run(plan, { projects: [project("p9", A, "3000000000", 2022)] });
    const entry = whyNot(result, "R-PROJ").find((candidate) => candidate.subjectId === "p9");
    expect(whyNotText(entry!, "zh")).toBe("项目 p9 尚无投产年度，现不奖励；有投产年度后，按现有数据应奖励 100 万元");
    expect(whyNotText(entry!, "en")).toBe(
      "Project p9: no year in production yet, so nothing is paid now; once there is one, 1,000,000 yuan is due on the present figures.",
    );
  });

  test("a project not in production below every tier: not due yet, and no amount promised", () => {
    const result = run(plan, { projects: [project("p8", A, "10000000", 2022)] });
    const entry = whyNot(result, "R-PROJ").find((candidate) => candidate.subjectId === "p8");
    expect(entry?.amountDue).toBeNull();
    expect(whyNotText(entry!, "zh")).toBe("项目 p8 尚无投产年度，有投产年度后方可兑现，现不奖励");
  });

  test("the figure of a growth band, missing, is named in words", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, aboveScale: true, revenue: "1000000000" },
          { year: 2022, aboveScale: true },
        ]),
      ],
    });
    const entry = whyNot(result, "R-GROWTH").find((candidate) => candidate.year === 2022);
    expect(whyNotText(entry!, "zh")).toBe("2022年缺少营业收入，无法计算，不奖励");
    expect(whyNotText(entry!, "en")).toBe("In 2022: revenue is missing: nothing can be computed.");
  });

  test("a parameter several categories name is listed once among the rule's parameters", () => {
    const result = run(plan, { enterprises: [enterprise(A, [{ year: 2022, listing: "domestic" }])] });
    const entitlement = result.entitlements.find((entry) => entry.ruleId === "R-IPO");
    expect(explanationOf(entitlement)?.parameters.map((parameter) => parameter.id)).toEqual(["neeqThenListedPaidBoth"]);
  });
});
