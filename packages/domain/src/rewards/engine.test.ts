import { describe, expect, test } from "vitest";
import { compileRewardPlan, evaluateRewards, RewardPlanError } from "./engine";
import { explanationOf } from "./explanation";
import { toBatchOutput } from "./output";
import { A, B, code, enterprise, paid, project, run } from "./testing/builders";
import { changjiangPlan, changjiangWithParameter } from "./testing/plans";
import type { EnterpriseHistory } from "./types";
import { whyNotText } from "./why-not";

const plan = changjiangPlan();

/** An enterprise that touches every rule in 2021–2023. */
const busy: EnterpriseHistory = enterprise(
  A,
  [
    { year: 2020, aboveScale: true, revenue: "4000000000", tax: "80000000" },
    {
      year: 2021,
      aboveScale: true,
      revenue: "12000000000",
      tax: "120000000",
      listing: "neeq",
      grants: [{ id: "g1", level: "national", purpose: "project", amount: "1000000" }],
    },
    {
      year: 2022,
      aboveScale: true,
      revenue: "12500000000",
      tax: "130000000",
      listing: "domestic",
      listedRegistrationMovedIn: true,
      techProjects: [{ id: "t1", investment: "3000000", equipmentInvoices: "1500000", techFundsReceived: false }],
    },
    { year: 2023, aboveScale: true, revenue: "14000000000", top500SettledIn: true },
  ],
  { maxRevenue: "3000000000", maxTax: "70000000" },
);

describe("evaluateRewards over the Changjiang plan", () => {
  test("a busy enterprise: every rule computed by hand", () => {
    const result = run(plan, {
      enterprises: [busy, enterprise(B, [{ year: 2022, aboveScale: true, newlyAboveScale: true }])],
      projects: [project("p1", A, "2500000000", 2022, 2024)],
    });
    expect(toBatchOutput("changjiang-2021-2023", result.entitlements)).toEqual({
      plan: "changjiang-2021-2023",
      entitlements: [
        { creditCode: A, ruleId: "R-GROWTH", tier: "0.15", year: 2021, amount: "200000", clause: "M4" },
        { creditCode: A, ruleId: "R-IPO", tier: "neeq", year: 2021, amount: "500000", clause: "M7" },
        { creditCode: A, ruleId: "R-MATCH", tier: "0.20", year: 2021, amount: "200000", clause: "M6" },
        { creditCode: A, ruleId: "R-REV-MILESTONE", tier: "5000000000", year: 2021, amount: "1000000", clause: "M4" },
        { creditCode: A, ruleId: "R-REV-MILESTONE", tier: "10000000000", year: 2021, amount: "2000000", clause: "M4" },
        { creditCode: A, ruleId: "R-TAX-MILESTONE", tier: "100000000", year: 2021, amount: "1000000", clause: "M4" },
        { creditCode: A, ruleId: "R-IPO", tier: "domestic", year: 2022, amount: "5000000", clause: "M7" },
        { creditCode: A, ruleId: "R-LISTED-MOVE", tier: null, year: 2022, amount: "2000000", clause: "M2" },
        { creditCode: A, ruleId: "R-TECH", tier: null, year: 2022, amount: "15000", clause: "M8" },
        // 2023: 14e9 / 12.5e9 = 12% → band 0.10.
        { creditCode: A, ruleId: "R-500", tier: null, year: 2023, amount: null, clause: "M2" },
        { creditCode: A, ruleId: "R-GROWTH", tier: "0.10", year: 2023, amount: "100000", clause: "M4" },
        { creditCode: A, ruleId: "R-PROJ-20", tier: null, year: 2024, amount: "1000000", clause: "M2" },
        { creditCode: B, ruleId: "R-NEW-SCALE", tier: null, year: 2022, amount: "30000", clause: "M3" },
      ],
      // 200000 + 500000 + 200000 + 1000000 + 2000000 + 1000000 + 5000000 + 2000000 + 15000 + 100000 + 1000000 + 30000
      total: "13045000",
    });
  });

  test("every enterprise × rule that pays nothing has a why-not", () => {
    const quiet = enterprise(B, [{ year: 2021, aboveScale: true, revenue: "100000000" }]);
    const result = run(plan, { enterprises: [quiet] });
    expect(result.entitlements).toEqual([]);
    const explained = new Set(result.nonPayments.map((entry) => entry.ruleId));
    expect([...explained].sort()).toEqual(plan.rewards.map((rule) => rule.id).sort());
    for (const entry of result.nonPayments) {
      expect(whyNotText(entry, "zh").length, entry.ruleId).toBeGreaterThan(0);
      expect(whyNotText(entry, "en").length, entry.ruleId).toBeGreaterThan(0);
    }
  });

  test("explanations off: the same entitlements, no explanation, no why-nots", () => {
    const input = { enterprises: [busy], projects: [project("p1", A, "2500000000", 2022, 2024)] };
    const explained = evaluateRewards(plan, input);
    const fast = evaluateRewards(plan, input, { explain: false });
    expect(fast.nonPayments).toEqual([]);
    expect(fast.entitlements.every((entry) => explanationOf(entry) === undefined)).toBe(true);
    expect(fast.entitlements).toEqual(explained.entitlements.map(({ explanation: _explanation, ...rest }) => rest));
  });

  test("changing a parameter in the plan changes the result", () => {
    const crossing = {
      enterprises: [enterprise(A, [{ year: 2021, revenue: "12000000000" }], { maxRevenue: "4000000000" })],
    };
    expect(paid(run(plan, crossing), "R-REV-MILESTONE")).toEqual([
      "2021 5000000000 1000000",
      "2021 10000000000 2000000",
    ]);
    expect(
      paid(run(changjiangWithParameter("sameYearMilestoneTiers", "highest"), crossing), "R-REV-MILESTONE"),
    ).toEqual(["2021 10000000000 2000000"]);
    const atThreshold = { enterprises: [enterprise(A, [{ year: 2021, revenue: "5000000000" }])] };
    expect(paid(run(plan, atThreshold), "R-REV-MILESTONE")).toEqual([]);
    expect(paid(run(changjiangWithParameter("milestoneComparison", "gte"), atThreshold), "R-REV-MILESTONE")).toEqual([
      "2021 5000000000 1000000",
    ]);
  });

  test("parameters can be overridden per evaluation (what-if) without touching the plan", () => {
    const crossing = {
      enterprises: [enterprise(A, [{ year: 2021, revenue: "12000000000" }], { maxRevenue: "4000000000" })],
    };
    const whatIf = run(plan, { ...crossing, options: { parameters: { sameYearMilestoneTiers: "highest" } } });
    expect(paid(whatIf, "R-REV-MILESTONE")).toEqual(["2021 10000000000 2000000"]);
    expect(explanationOf(whatIf.entitlements[0])?.parameters).toContainEqual(
      expect.objectContaining({ id: "sameYearMilestoneTiers", value: "highest" }),
    );
  });

  test("a compiled plan can be reused", () => {
    const compiled = compileRewardPlan(plan);
    expect(compiled.outputRuleIds).toEqual([
      "R-PROJ-20",
      "R-PROJ-50",
      "R-500",
      "R-LISTED-MOVE",
      "R-NEW-SCALE",
      "R-REV-MILESTONE",
      "R-TAX-MILESTONE",
      "R-GROWTH",
      "R-MATCH",
      "R-IPO",
      "R-TECH",
    ]);
    const input = { enterprises: [busy] };
    expect(evaluateRewards(compiled, input, { explain: false })).toEqual(
      evaluateRewards(plan, input, { explain: false }),
    );
  });

  test("prior grants may be given as entitlement keys", () => {
    const first = evaluateRewards(plan, { enterprises: [busy] }, { explain: false });
    const again = evaluateRewards(
      plan,
      { enterprises: [busy], alreadyGranted: first.entitlements.map((entry) => entry.key) },
      { explain: false },
    );
    // Only the yearly growth reward is not one-time; its keys carry the year, so it is not paid again either.
    expect(again.entitlements).toEqual([]);
  });

  test("a plan whose rule names a missing parameter, or a wrong value, is refused with the rule named", () => {
    const broken = changjiangPlan();
    broken.parameters = broken.parameters.filter((parameter) => parameter.id !== "milestoneComparison");
    expect(() => compileRewardPlan(broken)).toThrow(RewardPlanError);
    expect(() => compileRewardPlan(broken)).toThrow(/R-REV-MILESTONE.*milestoneComparison/);
    expect(() => compileRewardPlan(plan, { sameYearMilestoneTiers: "all" })).toThrow(/sameYearMilestoneTiers/);
  });

  test("without explanations a large batch pays the same entitlements, with no explanation or why-not built", () => {
    const enterprises = Array.from({ length: 2000 }, (_, index) =>
      enterprise(code(index + 10), [
        { year: 2020, aboveScale: true, revenue: "1000000000", tax: "10000000" },
        { year: 2021, aboveScale: true, revenue: String(1000000000 + index * 100000), tax: "12000000" },
        { year: 2022, aboveScale: true, revenue: String(1100000000 + index * 200000), tax: "13000000" },
        { year: 2023, aboveScale: true, revenue: String(1200000000 + index * 300000), tax: "15000000" },
      ]),
    );
    const plain = evaluateRewards(plan, { enterprises }, { explain: false });
    const explained = evaluateRewards(plan, { enterprises }, { explain: true });
    const paid = (entitlements: typeof plain.entitlements) =>
      entitlements.map((e) => `${e.creditCode} ${e.ruleId} ${e.year} ${e.tier ?? ""} ${e.amount}`);
    expect(plain.entitlements.length).toBeGreaterThan(2000);
    expect(paid(plain.entitlements)).toEqual(paid(explained.entitlements));
    expect(plain.entitlements.every((e) => e.explanation === undefined)).toBe(true);
    expect(plain.nonPayments).toEqual([]);
    expect(explained.nonPayments.length).toBeGreaterThan(0);
  });
});
