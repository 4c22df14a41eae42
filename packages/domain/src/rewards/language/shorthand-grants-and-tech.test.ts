/**
 * Cases of the Changjiang rules written in the shorthand kinds of earlier plan versions, run as the rules in the
 * language the loader expands them to (./shorthands.ts): the amounts, tiers and one-time keys are those the kinds'
 * own evaluators paid; the sentences are the language's.
 */
import { describe, expect, test } from "vitest";
import { explanationOf } from "../explanation";
import { A, enterprise, paid, reasons, run, whyNot, zh } from "../testing/builders";
import { changjiangKindsPlan } from "../testing/plans";

const plan = changjiangKindsPlan();

describe("R-MATCH: 20% / 15% / 10% of national / provincial / municipal support funds, once per grant", () => {
  test("each level at its rate, tech-transformation funds included", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          {
            year: 2021,
            grants: [
              { id: "g1", level: "national", purpose: "project", amount: "1000000" },
              { id: "g2", level: "provincial", purpose: "tech", amount: "400000" },
            ],
          },
          { year: 2023, grants: [{ id: "g3", level: "municipal", purpose: "project", amount: "123456.78" }] },
        ]),
      ],
    });
    // 1,000,000 × 0.20 = 200,000; 400,000 × 0.15 = 60,000; 123,456.78 × 0.10 = 12,345.678 → 12,345.68.
    expect(paid(result, "R-MATCH")).toEqual(["2021 0.20 200000", "2021 0.15 60000", "2023 0.10 12345.68"]);
    const tech = result.entitlements.find((entry) => entry.subjectId === "g2");
    expect(tech?.key).toBe(`R-MATCH|${A}|g2`);
    expect(explanationOf(tech)?.zh).toMatchInlineSnapshot(
      `"2021年扶持资金 g2，资金级别为“省级”，按扶持资金 40 万元的 15% 计 6 万元"`,
    );
    expect(explanationOf(result.entitlements.find((entry) => entry.subjectId === "g3"))?.arithmetic).toBe(
      "123456.78 × 0.10 = 12345.68（四舍五入到分 / half-up to the fen）",
    ); // The explanation is kept as a record of the grant and its facts, and written when read.
    expect(tech?.explanation?.subject).toMatchObject({ id: "g2", level: "provincial", amount: 40_000_000n });
    expect(tech?.explanation?.facts?.map((fact) => fact.value)).toMatchInlineSnapshot(`undefined`);
    expect(tech?.explanation?.written).toBeNull();
  });

  test("rounding half-up to the fen at .005", () => {
    const amounts = (grants: [string, "national" | "provincial" | "municipal", string][]) =>
      paid(
        run(plan, {
          enterprises: [
            enterprise(A, [
              {
                year: 2022,
                grants: grants.map(([id, level, amount]) => ({ id, level, purpose: "project" as const, amount })),
              },
            ]),
          ],
        }),
        "R-MATCH",
      );
    // 100.05 × 0.10 = 10.005 → 10.01; 100.04 × 0.10 = 10.004 → 10.00;
    // 1000.10 × 0.15 = 150.015 → 150.02; 1000.03 × 0.15 = 150.0045 → 150.00; 0.05 × 0.10 = 0.005 → 0.01.
    expect(
      amounts([
        ["a", "municipal", "100.05"],
        ["b", "municipal", "100.04"],
        ["c", "provincial", "1000.10"],
        ["d", "provincial", "1000.03"],
        ["e", "municipal", "0.05"],
      ]),
    ).toEqual(["2022 0.10 10.01", "2022 0.10 10", "2022 0.15 150.02", "2022 0.15 150", "2022 0.10 0.01"]);
  });

  test("less than a fen is not an entitlement", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2022, grants: [{ id: "tiny", level: "municipal", purpose: "project", amount: "0.04" }] },
        ]),
      ],
    });
    expect(paid(result, "R-MATCH")).toEqual([]);
    expect(reasons(result, "R-MATCH")).toEqual(["2022 zeroAmount"]);
  });

  test("funds outside the plan years, or granted before, are not paid", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2020, grants: [{ id: "old", level: "national", purpose: "project", amount: "100" }] },
          { year: 2022, grants: [{ id: "done", level: "national", purpose: "project", amount: "100" }] },
        ]),
      ],
      alreadyGranted: [{ ruleId: "R-MATCH", creditCode: A, subjectId: "done" }],
    });
    expect(paid(result, "R-MATCH")).toEqual([]);
    expect(reasons(result, "R-MATCH")).toEqual(["2020 outsidePlanPeriod", "2022 alreadyGranted"]);
  });

  test("the same grant listed twice is paid once", () => {
    const grant = { id: "g1", level: "national" as const, purpose: "project" as const, amount: "100" };
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2021, grants: [grant] },
          { year: 2022, grants: [grant] },
        ]),
      ],
    });
    expect(paid(result, "R-MATCH")).toEqual(["2021 0.20 20"]);
    expect(reasons(result, "R-MATCH")).toEqual(["2022 alreadyPaidInPlan"]);
  });
});

describe("R-TECH: 1% of equipment invoices, investment ≥ 300万 (inclusive), no tech funds", () => {
  const techRun = (investment: string, equipmentInvoices: string, techFundsReceived = false, year = 2022) =>
    run(plan, {
      enterprises: [
        enterprise(A, [{ year, techProjects: [{ id: "t1", investment, equipmentInvoices, techFundsReceived }] }]),
      ],
    });

  test("exactly 300万 qualifies (以上含); one fen below does not; one fen above does", () => {
    expect(paid(techRun("3000000", "2000000"), "R-TECH")).toEqual(["2022 - 20000"]);
    expect(paid(techRun("3000000.01", "2000000"), "R-TECH")).toEqual(["2022 - 20000"]);
    const below = techRun("2999999.99", "2000000");
    expect(paid(below, "R-TECH")).toEqual([]);
    expect(zh(whyNot(below, "R-TECH")[0])).toMatchInlineSnapshot(
      `"2022年不符合“技术改造投资额 300 万元以上（含）”，不奖励"`,
    );
  });

  test("1% rounded half-up to the fen", () => {
    // 1,234,567.50 × 0.01 = 12,345.675 → 12,345.68; 1,234,500.50 × 0.01 = 12,345.005 → 12,345.01;
    // 1,234,500.40 × 0.01 = 12,345.004 → 12,345.00.
    expect(paid(techRun("5000000", "1234567.50"), "R-TECH")).toEqual(["2022 - 12345.68"]);
    expect(paid(techRun("5000000", "1234500.50"), "R-TECH")).toEqual(["2022 - 12345.01"]);
    expect(paid(techRun("5000000", "1234500.40"), "R-TECH")).toEqual(["2022 - 12345"]);
  });

  test("a project that received tech-transformation funds is excluded", () => {
    const result = techRun("5000000", "2000000", true);
    expect(paid(result, "R-TECH")).toEqual([]);
    expect(reasons(result, "R-TECH")).toMatchInlineSnapshot(`
      [
        "2022 conditionNotMet",
      ]
    `);
  });

  test("outside the plan years is not paid; the explanation states the computation", () => {
    expect(paid(techRun("5000000", "2000000", false, 2024), "R-TECH")).toEqual([]);
    const explanation = explanationOf(
      techRun("3500000", "2000000").entitlements.find((entry) => entry.ruleId === "R-TECH"),
    );
    expect(explanation?.zh).toMatchInlineSnapshot(
      `"2022年技术改造项目 t1，技术改造投资额 300 万元以上（含），未获得国家、省、市级技术改造扶持资金，按购置设备发票金额 200 万元的 1% 计 2 万元"`,
    );
    expect(explanation?.arithmetic).toMatchInlineSnapshot(
      `"2000000 × 0.01 = 20000（四舍五入到分 / half-up to the fen）"`,
    );
  });

  test("once per project", () => {
    const result = run(plan, {
      enterprises: [
        enterprise(A, [
          {
            year: 2022,
            techProjects: [{ id: "t1", investment: "4000000", equipmentInvoices: "100", techFundsReceived: false }],
          },
        ]),
      ],
      alreadyGranted: [{ ruleId: "R-TECH", creditCode: A, subjectId: "t1" }],
    });
    expect(paid(result, "R-TECH")).toEqual([]);
    expect(reasons(result, "R-TECH")).toEqual(["2022 alreadyGranted"]);
  });
});
