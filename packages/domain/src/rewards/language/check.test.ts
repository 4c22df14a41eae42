/**
 * A formula rule is checked when the plan loads: every problem at once, each naming the rule's
 * place, the field and the line, in Chinese.
 */
import { describe, expect, it } from "vitest";
import changjiangText from "../../../../../plans/changjiang-2021-2023/plan.yaml?raw";
import { PlanValidationError } from "../../plan/load";
import { planWithRewards } from "../testing/formula-plans";

function problemsOf(rewardsText: string): PlanValidationError["issues"] {
  try {
    planWithRewards(changjiangText, rewardsText, "plan.yaml");
  } catch (error) {
    if (error instanceof PlanValidationError) return error.issues;
    throw error;
  }
  throw new Error("the plan loaded");
}

describe("a formula rule with mistakes", () => {
  it("reports every one with its path, line and a Chinese message", { timeout: 30_000 }, () => {
    const broken = changjiangText
      .replace("test: aboveScale,", "test: revenue * 0.5 > tax,")
      .replace('"!newlyAboveScale"', '"!newlyAboveScale && employees > 10"')
      .replace('{ from: "10000000000", amount: "2000000" }', '{ from: "1000000000", amount: "2000000" }')
      .replace("oncePerYearParameter: newAboveScaleReentryPaid", "oncePerYearParameter: reentryPaid");
    const issues = problemsOf(broken);
    const lines = issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^rewards\[3\]\.oncePerYearParameter: 引用了不存在的参数“reentryPaid”/),
      expect.stringMatching(/^rewards\[4\]\.tiers\.steps\[1\]\.from: 各档门槛必须从低到高排列$/),
      expect.stringMatching(/^rewards\[6\]\.when\[0\]\.test: 表达式“revenue \* 0\.5 > tax”类型错误：.*不接受浮点数/),
      expect.stringMatching(
        /^rewards\[6\]\.when\[1\]\.test: 表达式“!newlyAboveScale && employees > 10”类型错误：.*employees/,
      ),
    ]);
    for (const issue of issues) expect(issue.line).toBeGreaterThan(1000);
  });

  it("refuses a construct the engine does not evaluate exactly, and a formula without an amount", {
    timeout: 30_000,
  }, () => {
    const broken = changjiangText
      .replace(
        'percentOf: techProject.equipmentInvoices\n    rate: "0.01"',
        "percentOf: techProject.equipmentInvoices / 100",
      )
      .replace('    amount: "2000000"\n    once: enterprise', "    once: enterprise");
    const lines = problemsOf(broken).map((issue) => `${issue.path}: ${issue.message}`);
    expect(lines).toEqual([
      "rewards[2].amount: 必须且只能写一种金额：amount（固定金额）、caseByCase（一事一议）、tiers（分档）、byCategory（按类别）或 percentOf + rate（比例）",
      "rewards[9].percentOf: 表达式“techProject.equipmentInvoices / 100”使用了奖励公式不支持的写法：运算 /",
    ]);
  });
});
