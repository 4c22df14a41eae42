/**
 * A rule's yearly budget over all enterprises and shortfalls deducted from later awards, worked by hand: the
 * budget exactly met, passed with fen left over (largest remainders, ties to the lower credit code), an award
 * whose share comes to nothing, awards already paid kept; a shortfall larger than the award spread over two
 * years; each refused at load when written wrong.
 */
import { describe, expect, it } from "vitest";
import { formatYuan, parseYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { compileRewardPlan, evaluateRewards } from "../engine";
import { explanationOf } from "../explanation";
import { applyScenario, ruleSettings, simulateScenario } from "../scenario";
import { deserializeExplanation, serializeExplanation } from "../stored-explanation";
import { code, enterprise } from "../testing/builders";
import { changjiangPlan } from "../testing/plans";
import type { RewardResult, Shortfall } from "../types";
import { whyNotText } from "../why-not";
import { budgetNoteOfAward, describeRuleBudget, shareBudget, yearBudgetShares } from "./budget";
import { formulaRuleProblems } from "./check";
import { rulePageOutline } from "./rule-page";

const [A, B, C] = [code(1), code(2), code(3)];
const letter = (creditCode: string) => (creditCode === A ? "A" : creditCode === B ? "B" : "C");

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

const entered = { test: "newlyAboveScale", zh: "当年新进入规模企业名录库", en: "newly above scale" };
const newScale = (budget: string): Partial<FormulaReward> => ({
  event: entered,
  amount: "30000",
  budgetPerYear: { amount: budget, share: "proportional" },
});
const paid = (result: RewardResult) =>
  result.entitlements.map((e) => `${letter(e.creditCode)} ${e.ruleId} ${e.year} ${formatYuan(e.amount!)}`);
const text = (result: RewardResult, index: number, locale: "zh" | "en" = "zh") =>
  explanationOf(result.entitlements[index]!)?.[locale];
const threeNew = [A, B, C].map((creditCode) => enterprise(creditCode, [{ year: 2022, newlyAboveScale: true }]));

describe("a rule's yearly budget over all enterprises", () => {
  it("shares exactly in fen: floors, then the fen left over by largest remainder, ties to the earlier", () => {
    // 50 000.00 yuan among three asks of 30 000.00: 5 000 000 × 3 000 000 ÷ 9 000 000 = 1 666 666.67 fen each.
    const shares = shareBudget(5_000_000n, [3_000_000n, 3_000_000n, 3_000_000n]);
    expect(shares.map((share) => share.kept)).toEqual([1_666_667n, 1_666_667n, 1_666_666n]);
    // 50 fen among asks of 10, 20, 70 (100 in all): 5, 10, 35 exactly, nothing left over.
    expect(shareBudget(50n, [10n, 20n, 70n]).map((share) => share.kept)).toEqual([5n, 10n, 35n]);
    // 7 fen among 3, 6, 1: floors 2, 4, 0 with remainders 0.1, 0.2, 0.7: the one fen left goes to the last.
    expect(shareBudget(7n, [3n, 6n, 1n]).map((share) => share.kept)).toEqual([2n, 4n, 1n]);
    // Within the budget: every ask kept.
    expect(shareBudget(100n, [40n, 60n]).map((share) => share.kept)).toEqual([40n, 60n]);
  });

  it("pays every award in full when they exactly meet the budget", () => {
    const result = evaluateRewards(planWith({ "R-NEW-SCALE": newScale("90000") }), { enterprises: threeNew });
    expect(paid(result)).toEqual(["A R-NEW-SCALE 2022 30000", "B R-NEW-SCALE 2022 30000", "C R-NEW-SCALE 2022 30000"]);
    expect(text(result, 0)).not.toContain("年度总额");
  });

  it("cuts awards passing the budget pro rata, the fen left over to the lower credit codes, summing to the budget", () => {
    const result = evaluateRewards(planWith({ "R-NEW-SCALE": newScale("50000") }), { enterprises: threeNew });
    expect(paid(result)).toEqual([
      "A R-NEW-SCALE 2022 16666.67",
      "B R-NEW-SCALE 2022 16666.67",
      "C R-NEW-SCALE 2022 16666.66",
    ]);
    expect(result.entitlements.reduce((sum, e) => sum + e.amount!, 0n)).toBe(parseYuan("50000"));
    expect(text(result, 2)).toContain(
      "本项奖励年度总额不超过 5 万元：2022年各企业应奖合计 9 万元，超出部分按比例核减，比例 约 55.5556%（5 万元 ÷ 9 万元），本项应奖 3 万元，核定 1.666666 万元",
    );
    expect(text(result, 0, "en")).toContain("cut pro rata to about 55.5556% (5 万元 ÷ 9 万元)");
    expect(result.entitlements[0]!.explanation!.written!.arithmetic).toContain(
      "30000 × 50000 ÷ 90000 → 16666.67（含按最大余数分得的 0.01）",
    );
    // The key stays the award's own: nothing paid is paid again under another key.
    expect(result.entitlements[0]!.key).toBe(
      evaluateRewards(planWith({ "R-NEW-SCALE": newScale("90000") }), { enterprises: threeNew }).entitlements[0]!.key,
    );
    // Stored and read back, the explanation keeps its words.
    const plan = planWith({ "R-NEW-SCALE": newScale("50000") });
    const stored = JSON.parse(serializeExplanation(result.entitlements[1]!.explanation!, { id: plan.id, version: 1 }));
    const back = deserializeExplanation(stored, compileRewardPlan(plan));
    expect(back.wording.explanation(back).zh).toContain("核定 1.666667 万元");
  });

  it("budgets each year on its own, and leaves out with a why-not an award whose share is less than a fen", () => {
    const plan = planWith({
      "R-NEW-SCALE": {
        event: entered,
        amount: "30000",
        // 0.02 yuan a year for three awards of 30 000 yuan: 1 fen to A, 1 to B, nothing to C.
        budgetPerYear: { amount: "0.02", share: "proportional" },
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [...threeNew, enterprise(code(4), [{ year: 2023, newlyAboveScale: true }])],
    });
    expect(paid(result)).toEqual(["A R-NEW-SCALE 2022 0.01", "B R-NEW-SCALE 2022 0.01", "C R-NEW-SCALE 2023 0.02"]);
    const why = result.nonPayments.filter((entry) => entry.reason === "zeroAmount").map((n) => whyNotText(n, "zh"));
    expect(why).toEqual([
      expect.stringContaining(
        "比例 约 0%（0.000002 万元 ÷ 9 万元），本项应奖 3 万元，核定 0 万元，不足 1 分，本项不奖励",
      ),
    ]);
  });

  it("keeps awards already paid at their amount, counted first, and shares what is left among the others", () => {
    const plan = planWith({ "R-NEW-SCALE": newScale("50000") });
    const compiled = compileRewardPlan(plan);
    const raw = evaluateRewards(compiled, { enterprises: threeNew }, { finalize: false });
    expect(paid(raw)).toEqual(["A R-NEW-SCALE 2022 30000", "B R-NEW-SCALE 2022 30000", "C R-NEW-SCALE 2022 30000"]);
    // A was paid in full before the others came in: B and C share the 20 000 left.
    const finished = compiled.awardFinalizer!.apply(raw.entitlements, {
      paid: new Map([[raw.entitlements[0]!.key, parseYuan("30000")]]),
    });
    expect(paid({ entitlements: finished.entitlements, nonPayments: [] })).toEqual([
      "A R-NEW-SCALE 2022 30000",
      "B R-NEW-SCALE 2022 10000",
      "C R-NEW-SCALE 2022 10000",
    ]);
    expect(explanationOf(finished.entitlements[1]!)?.zh).toContain("其中已兑付 3 万元 不变，余下 2 万元");
  });

  it("lets several rules share one budget by group", () => {
    const plan = planWith({
      "R-NEW-SCALE": {
        ...newScale("40000"),
        budgetPerYear: { amount: "40000", share: "proportional", group: "技术改造奖补专项资金" },
      },
      "R-LISTED-MOVE": {
        event: { test: "listedRegistrationMovedIn", zh: "上市公司注册地迁入", en: "moved in" },
        amount: "50000",
        budgetPerYear: { amount: "40000", share: "proportional", group: "技术改造奖补专项资金" },
      },
    });
    const result = evaluateRewards(plan, {
      enterprises: [enterprise(A, [{ year: 2022, newlyAboveScale: true, listedRegistrationMovedIn: true }])],
    });
    // 30 000 + 50 000 asked of 40 000: each halved.
    expect(paid(result)).toEqual(["A R-LISTED-MOVE 2022 25000", "A R-NEW-SCALE 2022 15000"].sort());
    expect(text(result, 0)).toContain("“技术改造奖补专项资金”各项奖励年度总额不超过 4 万元");
  });

  it("refuses at load a budget not above zero, written twice or not at all, a parameter not money, two amounts in a group", () => {
    const plan = changjiangPlan();
    plan.parameters.push(
      { id: "newScaleBudget", clause: "M3", description: "d", descriptionEn: "d", value: "60000", unit: "yuan" },
      { id: "notMoney", clause: "M3", description: "d", descriptionEn: "d", value: "gt", allowed: ["gt", "gte"] },
    );
    const problems = (budgetPerYear: FormulaReward["budgetPerYear"]) =>
      formulaRuleProblems(formula(plan, "R-NEW-SCALE", { event: entered, amount: "30000", budgetPerYear }), plan).map(
        (problem) => `${problem.path.join(".")}: ${problem.message}`,
      );
    expect(problems({ amount: "0", share: "proportional" })).toEqual(["budgetPerYear.amount: 年度总额必须大于零"]);
    expect(problems({ amount: "1", amountParameter: "newScaleBudget", share: "proportional" })).toEqual([
      "budgetPerYear: 年度总额须写 amount（元）或 amountParameter（金额参数）之一，且只写一个",
    ]);
    expect(problems({ share: "proportional" })).toHaveLength(1);
    expect(problems({ amountParameter: "notMoney", share: "proportional" })).toEqual([
      "budgetPerYear.amountParameter: 参数 notMoney 不是金额参数（应写 unit: yuan）",
      "budgetPerYear.amountParameter: 年度总额“gt”不是以元为单位的金额",
    ]);
    expect(problems({ amountParameter: "newScaleBudget", share: "proportional" })).toEqual([]);
    plan.rewards.push(
      formula(plan, "R-LISTED-MOVE", {
        amount: "1",
        budgetPerYear: { amount: "70000", share: "proportional", group: "fund" },
      }),
    );
    expect(problems({ amount: "60000", share: "proportional", group: "fund" })).toEqual([
      "budgetPerYear.amount: 年度总额组“fund”的金额与奖励 R-LISTED-MOVE 所写的不同：同一组只能有一个年度总额",
    ]);
  });

  it("reads the budget from its parameter, a what-if changing it", () => {
    const plan = planWith({
      "R-NEW-SCALE": {
        event: entered,
        amount: "30000",
        budgetPerYear: { amountParameter: "budget", share: "proportional" },
      },
    });
    plan.parameters.push({
      id: "budget",
      clause: "M3",
      description: "d",
      descriptionEn: "d",
      value: "60000",
      unit: "yuan",
    });
    expect(paid(evaluateRewards(plan, { enterprises: threeNew }))).toEqual([
      "A R-NEW-SCALE 2022 20000",
      "B R-NEW-SCALE 2022 20000",
      "C R-NEW-SCALE 2022 20000",
    ]);
    expect(
      paid(evaluateRewards(plan, { enterprises: threeNew }, { parameters: { budget: "30000" } })).map((line) =>
        line.split(" ").at(-1),
      ),
    ).toEqual(["10000", "10000", "10000"]);
  });
});

describe("one award told against its rule's yearly budget", () => {
  const grouped = () =>
    planWith({
      "R-NEW-SCALE": {
        ...newScale("40000"),
        budgetPerYear: { amount: "40000", share: "proportional", group: "技术改造奖补专项资金" },
      },
      "R-LISTED-MOVE": {
        event: { test: "listedRegistrationMovedIn", zh: "上市公司注册地迁入", en: "moved in" },
        amount: "50000",
        budgetPerYear: { amount: "40000", share: "proportional", group: "技术改造奖补专项资金" },
      },
      "R-GROWTH": { event: entered, amount: "1000" },
    });

  it("names the budget and the rules sharing it, from the plan's structure", () => {
    const plan = grouped();
    expect(describeRuleBudget(plan, "R-NEW-SCALE")).toEqual({
      id: "技术改造奖补专项资金",
      group: "技术改造奖补专项资金",
      amount: parseYuan("40000"),
      ruleId: "R-NEW-SCALE",
      sharedWith: [{ ruleId: "R-LISTED-MOVE", name: "上市企业引进奖励", nameEn: expect.any(String) }],
    });
    expect(describeRuleBudget(plan, "R-GROWTH")).toBeNull();
    const own = describeRuleBudget(planWith({ "R-NEW-SCALE": newScale("50000") }), "R-NEW-SCALE")!;
    expect(own.id).toBe("R-NEW-SCALE");
    expect(own.sharedWith).toEqual([]);
  });

  it("stores a year's share as the budget applies it, and tells one award's amount at that ratio", () => {
    const plan = planWith({ "R-NEW-SCALE": newScale("50000") });
    const raw = evaluateRewards(compileRewardPlan(plan), { enterprises: threeNew }, { finalize: false });
    // A paid 30 000 before; B and C share the 20 000 left of 60 000 asked: one third each.
    const [share] = yearBudgetShares(plan, raw.entitlements, new Map([[raw.entitlements[0]!.key, parseYuan("30000")]]));
    expect(share).toEqual({
      budget: "R-NEW-SCALE",
      year: 2022,
      amount: parseYuan("50000"),
      asked: parseYuan("90000"),
      paid: parseYuan("30000"),
      openAsked: parseYuan("60000"),
      available: parseYuan("20000"),
    });
    const budget = describeRuleBudget(plan, "R-NEW-SCALE")!;
    const note = budgetNoteOfAward(budget, parseYuan("30000"), 2022, share!);
    expect(note.kept).toBe(parseYuan("10000"));
    expect(note.zh).toBe(
      "3 万元 为年度总额核减前的应奖金额：本项奖励设有年度总额 5 万元，由当年所有符合条件的企业按应奖金额比例分享；2022年批次中各企业应奖合计 9 万元，其中已兑付 3 万元 不变，超出部分按比例核减，比例 约 33.3333%（2 万元 ÷ 6 万元），按此比例本项为 1 万元。",
    );
    expect(note.en).toContain("cut pro rata to about 33.3333% (2 万元 ÷ 6 万元): at that ratio this one is");
    // An amount the ratio does not divide exactly is "about".
    expect(budgetNoteOfAward(budget, parseYuan("100"), 2022, share!).zh).toContain("按此比例本项约为 0.003333 万元");
    // No batch yet: the share is known once it is computed.
    expect(budgetNoteOfAward(budget, parseYuan("30000"), 2023, null)).toEqual({
      zh: "3 万元 为年度总额核减前的应奖金额：本项奖励设有年度总额 5 万元，由当年所有符合条件的企业按应奖金额比例分享；2023年的分享比例在该年度奖励批次计算后确定。",
      en: "30,000 yuan (3 万元) is the amount before the yearly budget: this reward has a yearly budget of 50,000 yuan (5 万元), shared pro rata among all the enterprises that qualify that year; the share for 2023 is known once that year's reward batch is computed.",
      kept: null,
    });
    // Within the budget: kept in full.
    const [within] = yearBudgetShares(plan, raw.entitlements.slice(0, 1));
    expect(budgetNoteOfAward(budget, parseYuan("30000"), 2022, within!)).toMatchObject({
      kept: parseYuan("30000"),
      zh: expect.stringContaining("未超过年度总额，按应奖金额全额核定，本项仍为 3 万元"),
    });
  });

  it("names the rules of a group sharing the budget, in both languages", () => {
    const plan = grouped();
    const note = budgetNoteOfAward(describeRuleBudget(plan, "R-LISTED-MOVE")!, parseYuan("50000"), 2022, null);
    expect(note.zh).toContain("本项奖励设有年度总额 4 万元（“技术改造奖补专项资金”，与“新进规模企业名录库奖励”共用）");
    expect(note.en).toMatch(/yearly budget of 40,000 yuan \(4 万元\) \("技术改造奖补专项资金", shared with "[^"]+"\)/);
  });
});

describe("the budget and the deductions beyond the engine", () => {
  it("are told on the rule's page in plain words", () => {
    const plan = planWith({ "R-NEW-SCALE": { ...newScale("50000"), deductShortfalls: true } });
    const page = rulePageOutline(plan, plan.rewards[0]!);
    expect(page.description.map((line) => line.zh)).toEqual(
      expect.arrayContaining([
        "本项奖励每年发放总额不超过 5 万元；当年各企业应得的奖励合计超过时，按比例核减（精确到分，零头按余数从大到小补足），已兑付的奖励不再变动。",
        "企业应退回而未退回的奖励款，从其以后年度的本项奖励中抵扣，抵扣不完的留待以后年度。",
      ]),
    );
    expect(page.description.map((line) => line.en).join(" ")).toContain(
      "at most 50,000 yuan a year to all enterprises",
    );
  });

  it("lets a scenario change the budget, and counts its cost", () => {
    const plan = planWith({ "R-NEW-SCALE": newScale("50000") });
    expect(ruleSettings(plan.rewards[0]!).map((setting) => `${setting.path} ${setting.value}`)).toContain(
      "budgetPerYear.amount 50000",
    );
    const scenario = applyScenario(plan, [
      { op: "set", ruleId: "R-NEW-SCALE", path: "budgetPerYear.amount", value: "60000" },
    ]);
    const simulated = simulateScenario(compileRewardPlan(plan), scenario.compiled, { enterprises: threeNew }, [2022]);
    expect(simulated.difference.years).toEqual([{ year: 2022, baselineFen: 5_000_000n, scenarioFen: 6_000_000n }]);
  });
});

describe("shortfalls deducted from later awards", () => {
  const yearly = (deduct: boolean): Partial<FormulaReward> => ({
    event: { test: "aboveScale", zh: "规模以上工业企业", en: "above scale" },
    amount: "30000",
    deductShortfalls: deduct,
  });
  const owed = (amount: string, fromYear = 2022, id = "r1"): Shortfall => ({
    creditCode: A,
    id,
    amount: parseYuan(amount),
    fromYear,
    zh: "2021年奖励追回",
    en: "the 2021 award recovered",
  });
  const years = [2021, 2022, 2023].map((year) => ({ year, aboveScale: true }));

  it("takes a shortfall larger than one award from that year's award and the rest from the next year's", () => {
    const plan = planWith({ "R-NEW-SCALE": yearly(true) });
    plan.period = { ...plan.period, startYear: 2021, endYear: 2023 };
    const result = evaluateRewards(plan, { enterprises: [enterprise(A, years)], shortfalls: [owed("50000")] });
    // 2021: before the shortfall, paid in full; 2022: 30 000 − 30 000 = 0, 20 000 left; 2023: 30 000 − 20 000 = 10 000.
    expect(paid(result)).toEqual(["A R-NEW-SCALE 2021 30000", "A R-NEW-SCALE 2022 0", "A R-NEW-SCALE 2023 10000"]);
    expect(text(result, 1)).toContain(
      "2021年奖励追回应退未退 5 万元，从本项奖励中抵扣 3 万元，尚余 2 万元 从以后年度奖励中抵扣；实发 0 万元",
    );
    expect(text(result, 2)).toContain(
      "2021年奖励追回应退未退 2 万元，从本项奖励中抵扣 2 万元，已抵扣完毕；实发 1 万元",
    );
    expect(text(result, 2, "en")).toContain("deducted from this award, now settled; paid 10,000 yuan (1 万元)");
  });

  it("deducts the older shortfall first, leaves paid awards and rules that do not say so untouched", () => {
    const plan = planWith({ "R-NEW-SCALE": yearly(true), "R-LISTED-MOVE": { ...yearly(false), amount: "20000" } });
    plan.period = { ...plan.period, startYear: 2021, endYear: 2023 };
    const compiled = compileRewardPlan(plan);
    const raw = evaluateRewards(compiled, { enterprises: [enterprise(A, years)] }, { finalize: false });
    const paidBefore = raw.entitlements.find((e) => e.ruleId === "R-NEW-SCALE" && e.year === 2022)!;
    const finished = compiled.awardFinalizer!.apply(raw.entitlements, {
      shortfalls: [owed("10000", 2022, "r2"), owed("25000", 2021, "r1")],
      paid: new Map([[paidBefore.key, parseYuan("30000")]]),
    });
    expect(paid({ entitlements: finished.entitlements, nonPayments: [] }).sort()).toEqual([
      "A R-LISTED-MOVE 2021 20000",
      "A R-LISTED-MOVE 2022 20000",
      "A R-LISTED-MOVE 2023 20000",
      "A R-NEW-SCALE 2021 5000",
      "A R-NEW-SCALE 2022 30000",
      "A R-NEW-SCALE 2023 20000",
    ]);
    expect(finished.deductions.map((d) => `${d.year} ${d.shortfallId} ${formatYuan(d.amount)}`)).toEqual([
      "2021 r1 25000",
      "2023 r2 10000",
    ]);
  });
});
