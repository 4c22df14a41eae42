import { describe, expect, it } from "vitest";
import { compileRewardPlan } from "./engine";
import { applyScenario, diffScenario, ruleSettings, ScenarioChangeError, simulateScenario } from "./scenario";
import { A, B, enterprise } from "./testing/builders";
import { changjiangPlan } from "./testing/plans";

const district = [
  // Grows 20 % in 2021 (top band, 20万) and 9 % in 2022 (8万).
  enterprise(A, [
    { year: 2020, aboveScale: true, revenue: "100000000" },
    { year: 2021, aboveScale: true, revenue: "120000000" },
    { year: 2022, aboveScale: true, revenue: "130800000" },
  ]),
  // Grows 16 % in 2022 (top band) and crosses 50亿 in 2023.
  enterprise(B, [
    { year: 2021, aboveScale: true, revenue: "4000000000" },
    { year: 2022, aboveScale: true, revenue: "4640000000" },
    { year: 2023, aboveScale: true, revenue: "5100000000" },
  ]),
];

function failure(run: () => unknown): ScenarioChangeError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioChangeError) return error;
    throw error;
  }
  throw new Error("the scenario was accepted");
}

describe("applying a scenario's changes", () => {
  it("raises a growth band's amount and leaves the plan it started from as it was", () => {
    const plan = changjiangPlan();
    const { plan: changed } = applyScenario(plan, [
      { op: "set", ruleId: "R-GROWTH", path: "tiers.steps.3.amount", value: "300000" },
    ]);
    const growth = (p: typeof plan) =>
      p.rewards.find((rule) => rule.id === "R-GROWTH") as { tiers: { steps: { amount: string }[] } };
    expect(growth(changed).tiers.steps[3]!.amount).toBe("300000");
    expect(growth(plan).tiers.steps[3]!.amount).toBe("200000");
  });

  it("changes a parameter, removes a rule and adds one", () => {
    const { plan } = applyScenario(changjiangPlan(), [
      { op: "parameter", parameterId: "sameYearMilestoneTiers", value: "highest" },
      { op: "removeRule", ruleId: "R-TECH" },
      {
        op: "addRule",
        rule: {
          id: "R-NEW-TOP",
          clause: "M4",
          kind: "formula",
          quote: "对营业收入首次突破 50亿元、100亿元、300亿元的企业，分别给予 100万元、200万元、600万元奖励。",
          name: "新增测算规则",
          nameEn: "A rule under study",
          per: "year",
          event: { test: "aboveScale", zh: "规上企业", en: "above scale" },
          amount: "10000",
          once: "year",
        },
      },
    ]);
    expect(plan.parameters.find((parameter) => parameter.id === "sameYearMilestoneTiers")?.value).toBe("highest");
    expect(plan.rewards.map((rule) => rule.id)).not.toContain("R-TECH");
    expect(plan.rewards.map((rule) => rule.id)).toContain("R-NEW-TOP");
  });

  it("refuses a bad amount, naming the change, the rule and the path in Chinese", () => {
    const error = failure(() =>
      applyScenario(changjiangPlan(), [
        { op: "parameter", parameterId: "sameYearMilestoneTiers", value: "highest" },
        { op: "set", ruleId: "R-GROWTH", path: "tiers.steps.3.amount", value: "二十万" },
      ]),
    );
    expect(error.problems[0]?.path).toBe("changes[1]");
    expect(error.problems[0]?.message).toMatch(
      /^第 2 项调整：奖励规则 R-GROWTH（条款 M4） 的 tiers\.steps\[3\]\.amount：/,
    );
  });

  it("refuses a rule, a field or a parameter the plan does not have, and a parameter value not allowed", () => {
    expect(failure(() => applyScenario(changjiangPlan(), [{ op: "removeRule", ruleId: "R-NONE" }])).problems).toEqual([
      { path: "changes[0].ruleId", message: "第 1 项调整：方案中没有奖励规则 R-NONE" },
    ]);
    expect(
      failure(() =>
        applyScenario(changjiangPlan(), [{ op: "set", ruleId: "R-GROWTH", path: "tiers.steps.9.amount", value: "1" }]),
      ).problems[0]?.path,
    ).toBe("changes[0].path");
    expect(
      failure(() => applyScenario(changjiangPlan(), [{ op: "parameter", parameterId: "nope", value: "x" }])).problems[0]
        ?.path,
    ).toBe("changes[0].parameterId");
    const notAllowed = failure(() =>
      applyScenario(changjiangPlan(), [{ op: "parameter", parameterId: "milestoneComparison", value: "lt" }]),
    );
    expect(notAllowed.problems[0]).toEqual({
      path: "changes[0]",
      message: '第 1 项调整：方案参数 milestoneComparison 的 value：取值 "lt" 不在允许范围内（allowed：gt / gte）',
    });
  });

  it("refuses removing a rule another rule's limits name", () => {
    const plan = changjiangPlan();
    const growth = plan.rewards.find((rule) => rule.id === "R-GROWTH") as unknown as Record<string, unknown>;
    growth.stacking = { with: ["R-NEW-SCALE"], within: "year" };
    expect(() => applyScenario(plan, [{ op: "removeRule", ruleId: "R-NEW-SCALE" }])).toThrow(ScenarioChangeError);
  });
});

describe("a scenario's difference", () => {
  it("costs exactly the affected entitlements' differences, enterprise by enterprise", () => {
    const baselinePlan = changjiangPlan();
    const { compiled } = applyScenario(baselinePlan, [
      { op: "set", ruleId: "R-GROWTH", path: "tiers.steps.3.amount", value: "300000" },
    ]);
    const { baseline, difference } = simulateScenario(
      compileRewardPlan(baselinePlan),
      compiled,
      { enterprises: district },
      [2021, 2022, 2023],
    );
    const topBand = baseline.filter((e) => e.ruleId === "R-GROWTH" && e.tier === "0.15");
    expect(topBand.length).toBe(2);
    const extra = difference.years.reduce((sum, year) => sum + year.scenarioFen - year.baselineFen, 0n);
    expect(extra).toBe(BigInt(topBand.length) * 10_000_000n);
    const a = difference.enterprises.find((e) => e.creditCode === A)!;
    expect(a.differenceFen).toBe(10_000_000n);
    expect(a.lines).toEqual([
      {
        ruleId: "R-GROWTH",
        year: 2021,
        baselineTier: "0.15",
        scenarioTier: "0.15",
        baselineFen: 20_000_000n,
        scenarioFen: 30_000_000n,
        differenceFen: 10_000_000n,
      },
    ]);
    // B's milestone and 8万 band in 2023 are the same in both runs: it costs the same and gives no line.
    const b = difference.enterprises.find((e) => e.creditCode === B)!;
    expect(b.lines.map((line) => `${line.ruleId} ${line.year}`)).toEqual(["R-GROWTH 2022"]);
    expect(difference.years.find((year) => year.year === 2023)).toEqual({
      year: 2023,
      baselineFen: 108_000_000n,
      scenarioFen: 108_000_000n,
    });
  });

  it("reads an award no longer paid, one newly paid and one in a year not asked for", () => {
    const entry = (key: string, year: number, amount: bigint | null, tier: string | null = null) => ({
      key,
      creditCode: A,
      ruleId: key.split("|")[0]!,
      tier,
      year,
      amount,
    });
    const difference = diffScenario(
      [entry("R-IPO|a|neeq", 2021, 50_000_000n, "neeq"), entry("R-500|a", 2022, null), entry("R-X|a", 2019, 5n)],
      [entry("R-NEW|a", 2021, 1_000_000n), entry("R-500|a", 2022, null)],
      [2021, 2022],
    );
    expect(difference.years).toEqual([
      { year: 2021, baselineFen: 50_000_000n, scenarioFen: 1_000_000n },
      { year: 2022, baselineFen: 0n, scenarioFen: 0n },
    ]);
    expect(difference.enterprises[0]?.lines.map((line) => [line.ruleId, line.baselineFen, line.scenarioFen])).toEqual([
      ["R-IPO", 50_000_000n, null],
      ["R-NEW", null, 1_000_000n],
    ]);
  });
});

describe("a rule's settings", () => {
  it("lists the growth bands' thresholds as rates and amounts in yuan, and leaves a parameter's threshold to the parameter", () => {
    const plan = changjiangPlan();
    const growth = ruleSettings(plan.rewards.find((rule) => rule.id === "R-GROWTH")!);
    expect(growth.find((setting) => setting.path === "tiers.steps.3.amount")).toEqual({
      path: "tiers.steps.3.amount",
      value: "200000",
      unit: "yuan",
      label: "第 4 档 奖励金额",
      labelEn: "Step 4 amount",
    });
    expect(growth.find((setting) => setting.path === "tiers.steps.0.from")?.unit).toBe("rate");
    const projects = ruleSettings(plan.rewards.find((rule) => rule.id === "R-PROJ")!);
    expect(projects.map((setting) => setting.path)).toEqual(["tiers.steps.0.amount", "tiers.steps.1.amount"]);
    const match = ruleSettings(plan.rewards.find((rule) => rule.id === "R-MATCH")!);
    expect(match.map((setting) => setting.label)).toEqual(["国家级 比例", "省级 比例", "市级 比例"]);
  });
});
