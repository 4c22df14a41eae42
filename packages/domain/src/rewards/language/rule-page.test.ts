import { describe, expect, it } from "vitest";
import { evaluateRewards } from "../engine";
import { explanationOf } from "../explanation";
import { changjiangPlan } from "../testing/plans";
import { whyNotText } from "../why-not";
import { calculatorFigures, calculatorSubject } from "./rule-calculator";
import { rulePageOutline } from "./rule-page";

const plan = changjiangPlan();
const outline = (id: string) => rulePageOutline(plan, plan.rewards.find((rule) => rule.id === id)!);

describe("a rule's page, read from its structure", () => {
  it("says what every rule pays in both languages, and asks for the facts it reads", () => {
    for (const rule of plan.rewards) {
      const page = rulePageOutline(plan, rule);
      expect(page.calculable).toBe(true);
      expect(page.description.length).toBeGreaterThan(1);
      for (const line of page.description) {
        expect(line.zh).not.toMatch(/[a-z]{3,}/);
        expect(line.en).toMatch(/^[A-Z]/);
      }
      expect(page.facts.length, rule.id).toBeGreaterThan(0);
    }
  });

  it("reads growth bands, their facts and parameters", () => {
    const growth = outline("R-GROWTH");
    expect(growth.facts.map((fact) => fact.name)).toEqual([
      "aboveScale",
      "newlyAboveScale",
      "revenue",
      "previous.revenue",
    ]);
    expect(growth.facts.find((fact) => fact.name === "previous.revenue")?.yearsBack).toBe(1);
    expect(growth.tiers.map((tier) => tier.threshold.zh)).toEqual([
      "同比增幅超过 5%",
      "同比增幅超过 8%",
      "同比增幅超过 10%",
      "同比增幅超过 15%",
    ]);
    expect(growth.tiers[0]!.pays.zh).toBe("奖励 2 万元");
    expect(growth.description.map((line) => line.zh).join("")).toContain("只奖励达到的最高一档");
    expect(growth.parameters.map((parameter) => [parameter.id, parameter.reading.zh])).toEqual([
      ["growthMissingPreviousYear", "缺少上年数据（或上年为零）时不予奖励，说明中注明缺少的数据"],
    ]);

    const milestone = outline("R-REV-MILESTONE");
    expect(milestone.facts.map((fact) => fact.name)).toEqual(["revenue", "before.revenue"]);
    expect(milestone.parameters.map((parameter) => [parameter.id, parameter.reading.zh])).toEqual([
      ["milestoneComparison", "严格大于门槛才算达到该档"],
      ["sameYearMilestoneTiers", "同一年越过的每一档都奖励"],
    ]);

    const match = outline("R-MATCH");
    expect(match.facts.find((fact) => fact.name === "grant.level")?.options.map((option) => option.zh)).toEqual([
      "国家级",
      "省级",
      "市级",
    ]);
    const project = outline("R-PROJ");
    expect(project.outputRuleIds).toEqual(["R-PROJ-20", "R-PROJ-50"]);
    expect(project.parameters.map((parameter) => parameter.value.zh)).toEqual(["20 亿元", "50 亿元"]);
  });

  it("turns figures into the engine's input and an enterprise's history back into figures", () => {
    const growth = outline("R-GROWTH");
    const figures = { aboveScale: true, newlyAboveScale: false, revenue: "110000100", "previous.revenue": "100000000" };
    const tried = calculatorSubject(growth, 2022, figures, "T");
    expect(tried.problems).toEqual([]);
    const result = evaluateRewards(plan, { enterprises: [tried.enterprise] });
    const award = result.entitlements.find((entitlement) => entitlement.ruleId === "R-GROWTH")!;
    expect(award.amount).toBe(10000000n);
    expect(explanationOf(award)?.zh).toContain("同比增长 10.00%");
    expect(calculatorFigures(growth, tried.enterprise, [], 2022)).toEqual(figures);

    const short = calculatorSubject(growth, 2022, { ...figures, revenue: "104900000" }, "T");
    const why = evaluateRewards(plan, { enterprises: [short.enterprise] }).nonPayments.find(
      (entry) => entry.ruleId === "R-GROWTH" && entry.year === 2022,
    )!;
    expect(whyNotText(why, "zh")).toContain("差 0.10 个百分点");

    const bad = calculatorSubject(growth, 2022, { revenue: "1.5", aboveScale: "yes", what: "1" }, "T");
    expect(bad.problems).toEqual([
      { path: "figures.revenue", message: "营业收入：应为金额（以分计的整数）" },
      { path: "figures.aboveScale", message: "规模以上工业企业：应为是或否（true/false）" },
      { path: "figures.what", message: "本条规则不读取这一项" },
    ]);
  });
});
