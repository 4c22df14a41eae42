/**
 * Limits across one enterprise's awards, worked by hand: the most a rule pays it in a year, 就高不重复
 * between two rules, and the sum of its awards at most a figure of the year (its tax standing in for the
 * retained tax); each refused at load when written wrong.
 */
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { compileRewardPlan, evaluateRewards } from "../engine";
import { explanationOf } from "../explanation";
import { deserializeExplanation, serializeExplanation } from "../stored-explanation";
import { A, B, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import type { RewardResult } from "../types";
import { whyNotText } from "../why-not";
import { formulaRuleProblems } from "./check";

function formula(plan: PlanFile, ruleId: string, change: Partial<FormulaReward>): FormulaReward {
  const { id, clause, quote, name, nameEn } = plan.rewards.find((rule) => rule.id === ruleId)!;
  return {
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
}

function planWith(changes: Record<string, Partial<FormulaReward>>): PlanFile {
  const plan = changjiangPlan();
  plan.rewards = plan.rewards
    .filter((rule) => rule.id in changes)
    .map((rule) => formula(plan, rule.id, changes[rule.id]!));
  return plan;
}

const paid = (result: RewardResult) =>
  result.entitlements.map(
    (e) =>
      `${e.creditCode === A ? "A" : "B"} ${e.ruleId} ${e.year}${e.subjectId ? ` ${e.subjectId}` : ""} ${formatYuan(e.amount!)}`,
  );
const why = (result: RewardResult) => result.nonPayments.map((n) => whyNotText(n, "zh"));
const written = (result: RewardResult, index: number) => {
  const explanation = result.entitlements[index]!.explanation!;
  return explanation.wording.explanation(explanation);
};

const entered = { test: "newlyAboveScale", zh: "当年新进入规模企业名录库", en: "newly above scale" };

describe("limits across one enterprise's awards", () => {
  it("pays a rule at most its yearly maximum per enterprise, reducing the award that passes it", () => {
    const plan = planWith({
      "R-TECH": {
        per: "techProject",
        percentOf: "techProject.equipmentInvoices",
        rate: "0.01",
        once: "subject",
        capPerYear: "20000",
      },
    });
    const project = (id: string, equipmentInvoices: string) => ({
      id,
      investment: equipmentInvoices,
      equipmentInvoices,
      techFundsReceived: false,
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          { year: 2022, techProjects: [project("t1", "1500000"), project("t2", "1000000"), project("t3", "500000")] },
          { year: 2023, techProjects: [project("t4", "1000000")] },
        ]),
      ],
    });
    // 2022: 1.5万, then 1万 reduced to the 0.5万 left of 2万, then nothing; 2023 starts again: 1万.
    expect(paid(result)).toEqual(["A R-TECH 2022 t1 15000", "A R-TECH 2022 t2 5000", "A R-TECH 2023 t4 10000"]);
    expect(result.entitlements[1]!.key).toBe(`R-TECH|${A}|t2`);
    const reduced = written(result, 1);
    expect(reduced.zh).toContain("本项每家企业每年最高 2 万元，本年已奖励 1.5 万元，核减为 0.5 万元");
    expect(reduced.arithmetic).toContain("min(10000, 20000 − 15000) = 5000");
    expect(why(result)).toContain("2022年本项奖励已达每家企业每年最高 2 万元，不再奖励");
    // Stored as the batch stores explanations, and read back as written.
    const stored = JSON.parse(serializeExplanation(result.entitlements[1]!.explanation!, { id: plan.id, version: 1 }));
    const back = deserializeExplanation(stored, compileRewardPlan(plan));
    expect(explanationOf({ ...result.entitlements[1]!, explanation: back })).toEqual(reduced);
  });

  it("就高不重复: of two linked rules, the higher award of the year is paid", () => {
    const plan = planWith({
      "R-NEW-SCALE": { event: entered, amount: "30000", once: "enterprise" },
      "R-LISTED-MOVE": {
        event: entered,
        amount: "2000000",
        once: "enterprise",
        stacking: { with: ["R-NEW-SCALE"], within: "year" },
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [enterprise(A, [{ year: 2022, newlyAboveScale: true }])],
    });
    expect(paid(result)).toEqual(["A R-LISTED-MOVE 2022 2000000"]);
    expect(why(result)).toEqual([
      "2022年与 R-LISTED-MOVE 不重复享受，按就高原则兑现 R-LISTED-MOVE 200 万元，本项不奖励",
    ]);
  });

  it("keeps the sum of a group's awards in a year within a figure of that year, and waits when it is missing", () => {
    const sumCap = { group: "留成", atMost: "tax", zh: "累计不超过企业区级税收留成", en: "at most the retained tax" };
    const plan = planWith({
      "R-NEW-SCALE": { event: entered, amount: "30000", once: "enterprise", sumCap },
      "R-LISTED-MOVE": { event: entered, amount: "2000000", once: "enterprise", sumCap },
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [{ year: 2022, newlyAboveScale: true, tax: "1000000" }]),
        enterprise(B, [{ year: 2022, newlyAboveScale: true }]),
      ],
    });
    // In plan order: A's 200万 reduced to its 100万 tax, then its 3万 finds nothing left; B's tax is missing: both wait.
    expect(paid(result)).toEqual(["A R-LISTED-MOVE 2022 1000000"]);
    expect(written(result, 0).zh).toContain(
      "累计不超过企业区级税收留成：上限 100 万元，本年已奖励 0 万元，核减为 100 万元",
    );
    expect(why(result)).toEqual([
      "2022年奖励累计已达“累计不超过企业区级税收留成”100 万元，本项不奖励",
      "2022年缺少“累计不超过企业区级税收留成”所需的数据，累计上限无法确定，暂不奖励",
      "2022年缺少“累计不超过企业区级税收留成”所需的数据，累计上限无法确定，暂不奖励",
    ]);
  });

  it("splits an award between payees, exact to the fen, the last taking the rest", () => {
    const plan = planWith({
      "R-TECH": {
        per: "techProject",
        percentOf: "techProject.equipmentInvoices",
        rate: "0.01",
        once: "subject",
        payees: [
          { share: "0.5", zh: "企业法定代表人", en: "the legal representative" },
          { share: "0.5", zh: "企业", en: "the enterprise" },
        ],
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [
        enterprise(A, [
          {
            year: 2022,
            techProjects: [{ id: "t1", investment: "1", equipmentInvoices: "1234567", techFundsReceived: false }],
          },
        ]),
      ],
    });
    // 1,234,567 × 1% = 12,345.67; half is 6,172.835 → 6,172.84 (half-up), the enterprise the rest, 6,172.83.
    expect(paid(result)).toEqual(["A R-TECH 2022 t1 12345.67"]);
    const explanation = written(result, 0);
    expect(explanation.zh).toContain("其中 6,172.84 元（50%）奖给企业法定代表人，6,172.83 元（50%）奖给企业");
    expect(explanation.en).toContain(
      "of which 6,172.84 yuan (50%) to the legal representative, 6,172.83 yuan (50%) to the enterprise",
    );
  });

  it("refuses at load a stacking naming a missing rule or itself, shares not summing to 1, two caps for one group, a limit on a project rule", () => {
    const plan = changjiangPlan();
    const problems = (change: Partial<FormulaReward>) =>
      formulaRuleProblems(formula(plan, "R-NEW-SCALE", { event: entered, amount: "30000", ...change }), plan).map(
        (problem) => `${problem.path.join(".")}: ${problem.message}`,
      );
    expect(problems({ stacking: { with: ["R-NOPE", "R-NEW-SCALE", "R-PROJ-50"], within: "year" } })).toEqual([
      "stacking.with.0: 不重复享受的奖励 R-NOPE 不在本计划的 rewards 中",
      "stacking.with.1: 奖励 R-NEW-SCALE 不能与自身不重复享受",
      "stacking.with.2: 奖励 R-PROJ-50 按招商项目计算，不属于一家企业的年度奖励，不能用于不重复享受",
    ]);
    expect(
      problems({
        payees: [
          { share: "0.5", zh: "a", en: "a" },
          { share: "0.4", zh: "b", en: "b" },
        ],
      }),
    ).toEqual(["payees: 各收款方的份额之和必须为 1，实为 0.5 + 0.4"]);
    expect(problems({ capPerYear: "10000" })).toEqual([
      "capPerYear: 每年最高金额 10000 元低于 amount 的金额 30000 元：该金额永远无法兑现",
    ]);
    expect(problems({ sumCap: { group: "g", atMost: "revenue > 0", zh: "z", en: "e" } })).toEqual([
      "sumCap.atMost: 表达式“revenue > 0”的结果应为整数（金额为分），实为 bool",
    ]);
    const withGroup = changjiangPlan();
    withGroup.rewards.push(
      formula(withGroup, "R-IPO", {
        event: entered,
        amount: "1",
        sumCap: { group: "g", atMost: "tax", zh: "z", en: "e" },
      }),
    );
    expect(
      formulaRuleProblems(
        formula(withGroup, "R-NEW-SCALE", {
          event: entered,
          amount: "1",
          sumCap: { group: "g", atMost: "revenue", zh: "z", en: "e" },
        }),
        withGroup,
      ).map((problem) => problem.message),
    ).toEqual(["累计上限组“g”的上限与奖励 R-IPO 所写的不同：同一组只能有一个上限"]);
    expect(
      formulaRuleProblems(
        formula(plan, "R-PROJ", {
          per: "project",
          paidYear: "project.introducedYear",
          amount: "1",
          once: "project",
          capPerYear: "10",
        }),
        plan,
      ).map((problem) => problem.message),
    ).toEqual(["capPerYear 限定一家企业的奖励，不能用于 per: project（招商项目）"]);
  });
});
