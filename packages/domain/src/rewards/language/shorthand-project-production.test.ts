/**
 * Cases of the Changjiang rules written in the shorthand kinds of earlier plan versions, run as the rules in the
 * language the loader expands them to (./shorthands.ts): the amounts, tiers and one-time keys are those the kinds'
 * own evaluators paid; the sentences are the language's.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, B, enterprise, paid, project, reasons, run, whyNot, zh } from "../testing/builders";
import { changjiangKindsPlan } from "../testing/plans";

const plan = changjiangKindsPlan();

describe("R-PROJ-50 / R-PROJ-20: a new project going into production, 300万 / 100万 once", () => {
  test("category from the planned investment, thresholds inclusive", () => {
    const result = run(plan, {
      projects: [
        project("p50", A, "5000000000", 2021, 2022),
        project("p50+", A, "5000000000.01", 2021, 2022),
        project("p50-", A, "4999999999.99", 2021, 2022),
        project("p20", A, "2000000000", 2022, 2023),
        project("p20+", A, "2000000000.01", 2022, 2023),
        project("p20-", A, "1999999999.99", 2022, 2023),
      ],
    });
    expect(paid(result, "R-PROJ-50")).toEqual(["2022 - 3000000", "2022 - 3000000"]);
    expect(paid(result, "R-PROJ-20")).toEqual(["2022 - 1000000", "2023 - 1000000", "2023 - 1000000"]);
    expect(result.entitlements.map((entry) => entry.subjectId)).toEqual(["p50", "p50+", "p50-", "p20", "p20+"]);
    expect(reasons(result, "R-PROJ")).toMatchInlineSnapshot(`
      [
        "2023 belowLowestBand",
      ]
    `);
    expect(zh(whyNot(result, "R-PROJ")[0])).toMatchInlineSnapshot(
      `"2023年项目 p20- 计划总投资 1,999,999,999.99 元，未达到 “20”类门槛 20 亿元，差 0.01 元，不奖励"`,
    );
  });

  test("paid in the production year, even after 2023", () => {
    const result = run(plan, { projects: [project("p1", A, "5200000000", 2023, 2025)] });
    expect(paid(result, "R-PROJ-50")).toEqual(["2025 - 3000000"]);
    const entitlement = result.entitlements[0];
    expect(entitlement?.key).toBe("R-PROJ|p1");
    expect(explanationOf(entitlement)?.zh).toMatchInlineSnapshot(
      `"项目 p1（2025年兑现），方案实施年度内新引进，计划总投资 52 亿元，达到 50 亿元（第二档），属“50”类，奖励 300 万元"`,
    );
    expect(explanationOf(entitlement)?.parameters.map((parameter) => parameter.id)).toMatchInlineSnapshot(`
      [
        "project20Threshold",
        "project50Threshold",
      ]
    `);
  });

  test("introduced outside the plan years, or not yet in production, is not paid", () => {
    const result = run(plan, {
      projects: [project("old", A, "6000000000", 2020, 2021), project("waiting", A, "3000000000", 2022)],
    });
    expect(result.entitlements).toEqual([]);
    expect(reasons(result, "R-PROJ")).toMatchInlineSnapshot(`
      [
        "2021 conditionNotMet",
        "- missingFigure",
      ]
    `);
    expect(zh(whyNot(result, "R-PROJ")[1])).toMatchInlineSnapshot(
      `"项目 waiting 尚无投产年度，现不奖励；有投产年度后，按现有数据应奖励 100 万元"`,
    );
  });

  test("once per project, whatever category it was paid under", () => {
    const result = run(plan, {
      projects: [project("p1", A, "5200000000", 2021, 2022)],
      alreadyGranted: [{ ruleId: "R-PROJ-20", subjectId: "p1" }],
    });
    expect(result.entitlements).toEqual([]);
    expect(reasons(result, "R-PROJ")).toEqual(["2022 alreadyGranted"]);
  });

  test("the category thresholds are plan parameters", () => {
    const result = run(plan, {
      projects: [project("p1", A, "4000000000", 2021, 2022)],
      options: { parameters: { project50Threshold: "4000000000" } },
    });
    expect(paid(result, "R-PROJ-50")).toEqual(["2022 - 3000000"]);
  });

  test("an enterprise with no project gets a why-not", () => {
    const result = run(plan, { enterprises: [enterprise(B, [{ year: 2021 }])] });
    expect(whyNot(result, "R-PROJ", B).map((entry) => entry.reason)).toEqual(["noEvent"]);
  });
});
