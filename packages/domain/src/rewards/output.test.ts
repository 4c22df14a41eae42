import { describe, expect, test } from "vitest";
import { amountZh, figureNearZh, figureZh } from "../money";
import { canonicalDecimal, compareDecimalStrings, parseRate, rateLabel, ratePercent } from "./format";
import { compareTiers, sortEntitlements, toBatchOutput, totalAmount } from "./output";
import type { Entitlement } from "./types";

function entitlement(
  creditCode: string,
  year: number,
  ruleId: string,
  tier: string | null,
  amount: bigint | null,
): Entitlement {
  return { key: `${ruleId}|${creditCode}|${tier}|${year}`, creditCode, ruleId, clause: "M4", tier, year, amount };
}

describe("batch output", () => {
  test("sorted by creditCode, year, ruleId, then tier numerically", () => {
    const sorted = sortEntitlements([
      entitlement("B", 2021, "R-GROWTH", "0.15", 20000000n),
      entitlement("A", 2022, "R-REV-MILESTONE", "10000000000", 200000000n),
      entitlement("A", 2022, "R-REV-MILESTONE", "5000000000", 100000000n),
      entitlement("A", 2021, "R-TAX-MILESTONE", "100000000", 100000000n),
      entitlement("A", 2021, "R-IPO", "neeq", 50000000n),
      entitlement("A", 2021, "R-500", null, null),
    ]);
    expect(sorted.map((entry) => `${entry.creditCode} ${entry.year} ${entry.ruleId} ${entry.tier}`)).toEqual([
      "A 2021 R-500 null",
      "A 2021 R-IPO neeq",
      "A 2021 R-TAX-MILESTONE 100000000",
      "A 2022 R-REV-MILESTONE 5000000000",
      "A 2022 R-REV-MILESTONE 10000000000",
      "B 2021 R-GROWTH 0.15",
    ]);
  });

  test("amounts as decimal strings; R-500's null amount stays null and out of the exact total", () => {
    const output = toBatchOutput("changjiang-2021-2023", [
      entitlement("A", 2021, "R-MATCH", "0.10", 1001n),
      entitlement("A", 2021, "R-500", null, null),
      entitlement("A", 2021, "R-GROWTH", "0.05", 2000000n),
    ]);
    expect(output.entitlements.map((entry) => entry.amount)).toEqual([null, "20000", "10.01"]);
    expect(output.total).toBe("20010.01");
    expect(totalAmount([])).toBe(0n);
    expect(Object.keys(output.entitlements[0] ?? {})).toEqual([
      "creditCode",
      "ruleId",
      "tier",
      "year",
      "amount",
      "clause",
    ]);
  });

  test("tiers compare numerically and exactly", () => {
    expect(compareTiers("0.10", "0.08")).toBeGreaterThan(0);
    expect(compareTiers("10000000000", "5000000000")).toBeGreaterThan(0);
    expect(compareTiers(null, "0.05")).toBeLessThan(0);
    expect(compareDecimalStrings("0.1", "0.10")).toBe(0);
    expect(compareDecimalStrings("2.5", "10")).toBeLessThan(0);
    expect(canonicalDecimal("5000000000.00")).toBe("5000000000");
  });
});

describe("display helpers", () => {
  test("amounts paid are written exactly; figures for reading are rounded", () => {
    expect(amountZh(10000000n)).toBe("10 万元");
    expect(amountZh(2500000n)).toBe("2.5 万元");
    expect(amountZh(1234568n)).toBe("12,345.68 元");
    expect(figureZh(482000000000n)).toBe("48.2 亿元");
    expect(figureZh(35000000n * 10n)).toBe("350 万元");
    expect(figureNearZh(499999999999n, 500000000000n)).toBe("4,999,999,999.99 元");
  });

  test("rates", () => {
    expect(rateLabel("0.1")).toBe("0.10");
    expect(rateLabel("0.125")).toBe("0.125");
    expect(ratePercent(parseRate("0.08"))).toBe("8");
    expect(ratePercent(parseRate("0.125"))).toBe("12.5");
  });
});
