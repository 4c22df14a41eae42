/**
 * The rewards batch with the facts a plan declares (EXCHANGE.md §1, `facts` per enterprise-year): the
 * test district's electricity-use reward read from the batch, and a bad value named by its JSON path.
 */
import { code } from "@beizeng/domain/rewards/testing/builders";
import { describe, expect, test } from "vitest";
import { runRewardsBatch } from "./rewards";

const plan = { planId: "test-district-2024-2026" };

function batch(facts: Record<string, unknown>[]) {
  const enterprises = facts.map((yearFacts, index) => ({
    creditCode: code(index + 1),
    years: [
      { year: 2024, aboveScale: true, revenue: "30000000" },
      { year: 2025, aboveScale: true, facts: yearFacts },
    ],
  }));
  return runRewardsBatch({ inputText: JSON.stringify({ enterprises }), inputName: "input.json", json: true, ...plan });
}

describe("declared facts in the rewards batch", () => {
  test("a rule reads the year's declared fact: 1000万 kWh pays 3万, one kWh less pays nothing", async () => {
    const outcome = await batch([
      { electricityUse: "10000000", smartFactoryLevel: "provincial" },
      { electricityUse: "9999999.99" },
    ]);
    expect(outcome.stderr).toBe("");
    const output = JSON.parse(outcome.stdout) as {
      entitlements: { creditCode: string; ruleId: string; amount: string }[];
    };
    const power = output.entitlements.filter((entitlement) => entitlement.ruleId === "R-POWER");
    expect(power.map((entitlement) => [entitlement.creditCode, entitlement.amount])).toEqual([[code(1), "30000"]]);
  });

  test("a fact that is not a decimal, an unknown category and an undeclared fact are named by path", async () => {
    const outcome = await batch([
      { electricityUse: "10000000" },
      { electricityUse: "1,000" },
      { smartFactoryLevel: "national" },
      { electricity: "5" },
      { electricityUse: 5 },
    ]);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr.trim().split("\n")).toEqual([
      "enterprises[1].years[1].facts.electricityUse: 不是十进制数",
      "enterprises[2].years[1].facts.smartFactoryLevel: 不是可选的类别（可选：省级、市级）",
      "enterprises[3].years[1].facts.electricity: unknown fact（计划未声明此数据项）",
      "enterprises[4].years[1].facts.electricityUse: 不是十进制数（应写成加引号的十进制字符串）",
    ]);
  });
});
