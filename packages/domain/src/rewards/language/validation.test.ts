/**
 * The checks between a rule's numbers and across rules, through the real loader: every problem of a plan
 * at once, each with the file, the rule and clause, the field and the line, in Chinese.
 */
import { describe, expect, it } from "vitest";
import lanzhouText from "../../../../../plans/lanzhou-2021-2023/plan.yaml?raw";
import { PlanValidationError, parsePlan } from "../../plan/load";

const FILE = "plans/lanzhou-2021-2023/plan.yaml";

function messageOf(text: string): string {
  try {
    parsePlan(text, FILE);
  } catch (error) {
    if (error instanceof PlanValidationError) return error.message;
    throw error;
  }
  throw new Error("the plan loaded");
}

describe("a plan whose rules contradict each other", () => {
  it("lists every problem with file, clause, field and line", () => {
    const broken = lanzhouText
      // a cap below the amount it caps
      .replace('amount: "50000"\n    once: enterprise', 'amount: "50000"\n    cap: "40000"\n    once: enterprise')
      // money compared with a year
      .replace("test: 'previous.revenue > yuan(\"16000000\")'", "test: previous.revenue > year")
      // a stacking naming a rule the plan does not have
      .replace(
        '    rate: "0.01"\n    cap: "200000"',
        '    rate: "0.01"\n    cap: "200000"\n    stacking: { with: [R-DIRECTORY-9] }',
      );
    const lines = messageOf(broken).split("\n").slice(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^plans\/lanzhou-2021-2023\/plan\.yaml: rewards\[0\] \(R1\) cap: 封顶金额 40000 元低于 amount 的金额 50000 元：该金额永远无法兑现（第 \d+ 行/,
      ),
      expect.stringMatching(
        /^plans\/lanzhou-2021-2023\/plan\.yaml: rewards\[3\] \(R2\) when\[0\]\.test: 表达式“previous\.revenue > year”把金额与年度相比较：只能比较或加减同一计量的数（第 \d+ 行/,
      ),
      expect.stringMatching(
        /^plans\/lanzhou-2021-2023\/plan\.yaml: rewards\[4\] \(R3\) stacking\.with\[0\]: 不重复享受的奖励 R-DIRECTORY-9 不在本计划的 rewards 中（第 \d+ 行/,
      ),
    ]);
  });
});
