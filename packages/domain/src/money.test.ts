import { describe, expect, it } from "vitest";
import { applyRate, divideToDecimalString, formatForDisplay, formatYuan, parseAmountInUnit, parseYuan } from "./money";

describe("money", () => {
  it("parses and formats decimal yuan exactly", () => {
    expect(parseYuan("1234.56")).toBe(123456n);
    expect(parseYuan("3900000000")).toBe(390000000000n);
    expect(parseYuan("1.500")).toBe(150n);
    expect(formatYuan(123456n)).toBe("1234.56");
    expect(formatYuan(100000n * 100n)).toBe("100000");
    expect(formatYuan(-5n)).toBe("-0.05");
  });
  it("rejects what is not an exact amount", () => {
    expect(() => parseYuan("1e9")).toThrow(/not a decimal/);
    expect(() => parseYuan("1,000")).toThrow(/not a decimal/);
    expect(() => parseYuan("0.001")).toThrow(/two decimal places/);
  });
  it("converts larger units", () => {
    expect(parseAmountInUnit("123.4567", 10000n)).toBe(123456700n);
    expect(parseAmountInUnit("2.5", 1000n)).toBe(250000n);
  });
  it("applies a rate rounding half-up to the fen", () => {
    expect(applyRate(parseYuan("0.25"), "0.20")).toBe(5n);
    expect(applyRate(parseYuan("0.05"), "0.10")).toBe(1n); // 0.5 fen rounds up
    expect(applyRate(parseYuan("0.04"), "0.10")).toBe(0n);
    expect(applyRate(parseYuan("3000000"), "0.01")).toBe(3000000n);
  });
  it("displays in 万元 and 亿元", () => {
    expect(formatForDisplay(parseYuan("20000000000"))).toBe("200.00 亿元");
    expect(formatForDisplay(parseYuan("123456"))).toBe("12.35 万元");
    expect(divideToDecimalString(-5n, 10n, 0)).toBe("-1");
  });
});
