/**
 * Declared facts: values read as people write them, kept exactly, summed over a year's periods, and
 * read by a rule through `fact("id")` (the test district's electricity-use reward, worked by hand).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PlanValidationError, parsePlan } from "../plan/load";
import type { DeclaredFact, PlanFile } from "../plan/schema";
import { evaluateRewards } from "../rewards/engine";
import { A, B } from "../rewards/testing/builders";
import { whyNotText } from "../rewards/why-not";
import { factPeriodLabel, formatFactValue, readFactValue, yearFactValues } from "./declared-facts";

const planText = readFileSync(new URL("../../../../plans/test-district-2024-2026/plan.yaml", import.meta.url), "utf8");
const plan = (): PlanFile => parsePlan(planText, "plan.yaml").plan;
const fact = (id: string): DeclaredFact => plan().facts.find((candidate) => candidate.id === id)!;

describe("a declared fact's values", () => {
  it("reads quantities to the hundredth, categories by id or name, and names what is wrong", () => {
    const electricity = fact("electricityUse");
    expect(readFactValue(electricity, "12,000,000.5")).toEqual({ ok: true, value: "1200000050" });
    expect(readFactValue(electricity, "1.234")).toEqual({ ok: false, message: "最多两位小数" });
    expect(readFactValue(electricity, "十二万")).toEqual({ ok: false, message: "不是十进制数" });
    const level = fact("smartFactoryLevel");
    expect(readFactValue(level, "省级")).toEqual({ ok: true, value: "provincial" });
    expect(readFactValue(level, "municipal")).toEqual({ ok: true, value: "municipal" });
    expect(readFactValue(level, "国家级")).toEqual({ ok: false, message: "不是可选的类别（可选：省级、市级）" });
    expect(formatFactValue(electricity, "1200000050", "zh")).toBe("12,000,000.50 千瓦时");
    expect(formatFactValue(level, "provincial", "en")).toBe("Provincial");
  });

  it("reads a quarterly fact as the year's sum once every quarter is there", () => {
    const quarterly: DeclaredFact = { ...fact("electricityUse"), period: "quarter" };
    const kept = [1, 2, 3].map((period) => ({ fact: "electricityUse", year: 2024, period, value: "100" }));
    expect(yearFactValues([quarterly], kept, 2024)).toEqual({});
    kept.push({ fact: "electricityUse", year: 2024, period: 4, value: "250" });
    expect(yearFactValues([quarterly], kept, 2024)).toEqual({ electricityUse: 550n });
    expect(factPeriodLabel(quarterly, 2024, 2, "zh")).toBe("2024年第2季度");
  });
});

describe("the facts section of a plan", () => {
  it("refuses a quantity without its unit, a category without choices and a formula reading an undeclared fact", () => {
    const broken = planText
      .replace("    unitName: 千瓦时\n    unitNameEn: kWh\n", "")
      .replace(/ {4}categories:\n {6}- \{ id: provincial.*\n {6}- \{ id: municipal.*\n/, "")
      .replace('of: fact("electricityUse")', 'of: fact("powerUse")');
    let messages: string[] = [];
    try {
      parsePlan(broken, "plan.yaml");
    } catch (error) {
      if (!(error instanceof PlanValidationError)) throw error;
      messages = error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    expect(messages).toEqual([
      expect.stringMatching(/^facts\[0\]\.unitName: 数量型数据项必须写明计量单位/),
      expect.stringMatching(/^facts\[1\]\.categories: 类别型数据项必须列出至少一个类别/),
      expect.stringMatching(/^rewards\[\d\]\.tiers\.of: .*fact\("powerUse"\) 读取的数据项未在计划的 facts 中声明/),
    ]);
  });
});

describe("a rule reading a declared fact", () => {
  it("reads a category as its id, and refuses a category where a number is compared", () => {
    const withLevel = plan();
    const power = withLevel.rewards.find((rule) => rule.id === "R-POWER");
    if (power?.kind !== "formula") throw new Error("R-POWER is a formula");
    power.when.push({
      test: 'fact("smartFactoryLevel") == "provincial"',
      zh: "省级智能工厂",
      en: "provincial smart factory",
    });
    const result = evaluateRewards(withLevel, {
      enterprises: [
        {
          creditCode: A,
          years: [
            {
              year: 2024,
              aboveScale: true,
              facts: { electricityUse: 1_000_000_000n, smartFactoryLevel: "provincial" },
            },
          ],
        },
        {
          creditCode: B,
          years: [
            { year: 2024, aboveScale: true, facts: { electricityUse: 1_000_000_000n, smartFactoryLevel: "municipal" } },
          ],
        },
      ],
    });
    expect(result.entitlements.filter((entry) => entry.ruleId === "R-POWER").map((entry) => entry.creditCode)).toEqual([
      A,
    ]);
    const wrong = planText.replace('of: fact("electricityUse")', 'of: fact("smartFactoryLevel")');
    expect(() => parsePlan(wrong, "plan.yaml")).toThrow(
      /tiers\.of: 表达式“fact\("smartFactoryLevel"\)”的结果应为整数（金额为分），实为 string/,
    );
  });

  it("pays 3万 to an above-scale enterprise using 1000万 kWh or more, and says why not otherwise", () => {
    const years = (electricity: bigint | undefined, aboveScale: boolean) => [
      { year: 2024, aboveScale, ...(electricity === undefined ? {} : { facts: { electricityUse: electricity } }) },
    ];
    const result = evaluateRewards(
      plan(),
      {
        enterprises: [
          { creditCode: A, years: years(1_000_000_000n, true) },
          { creditCode: B, years: years(999_999_999n, true) },
        ],
      },
      { whyNots: true },
    );
    const power = result.entitlements.filter((entitlement) => entitlement.ruleId === "R-POWER");
    expect(power.map((entitlement) => [entitlement.creditCode, entitlement.amount])).toEqual([[A, 3_000_000n]]);
    const notPaid = result.nonPayments.find((entry) => entry.ruleId === "R-POWER" && entry.creditCode === B)!;
    expect(whyNotText(notPaid, "zh")).toContain("年用电量");
  });

  it("cannot decide without the fact: the why-not names it", () => {
    const result = evaluateRewards(
      plan(),
      { enterprises: [{ creditCode: A, years: [{ year: 2025, aboveScale: true }] }] },
      { whyNots: true },
    );
    const notPaid = result.nonPayments.find((entry) => entry.ruleId === "R-POWER")!;
    expect(whyNotText(notPaid, "zh")).toContain("年用电量");
  });
});
