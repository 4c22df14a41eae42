import { describe, expect, it } from "vitest";
import { arithmeticForDisplay } from "./arithmetic-text";

describe("the arithmetic of an explanation, as read", () => {
  const growth =
    "(1780989000 − 1479841000) ÷ 1479841000 = 20.35% ≥ 20%；301148000 × 1% = 3011480（四舍五入到分 / half-up to the fen）";

  it("writes amounts exactly in 万元 with separators, and leaves rates and percentages as they are", () => {
    expect(arithmeticForDisplay(growth, "zh-CN")).toBe(
      "(178,098.9 万元 − 147,984.1 万元) ÷ 147,984.1 万元 = 20.35% ≥ 20%；30,114.8 万元 × 1% = 301.148 万元（四舍五入到分）",
    );
  });

  it("writes amounts in yuan with separators in English, and the English of a two-language aside", () => {
    expect(arithmeticForDisplay(growth, "en")).toBe(
      "(1,780,989,000 yuan − 1,479,841,000 yuan) ÷ 1,479,841,000 yuan = 20.35% ≥ 20%; 301,148,000 yuan × 1% = 3,011,480 yuan (half-up to the fen)",
    );
  });

  it("leaves a growth band written as a rate as it is", () => {
    expect(
      arithmeticForDisplay("(782034000.00 − 637718000.00) ÷ 637718000.00 = 22.63% > 0.15 → 200000.00", "zh-CN"),
    ).toBe("(78,203.4 万元 − 63,771.8 万元) ÷ 63,771.8 万元 = 22.63% > 0.15 → 20 万元");
  });

  it("keeps the fen of an amount that has them", () => {
    expect(arithmeticForDisplay("12345.67 × 0.5 = 6172.84", "zh-CN")).toBe("1.234567 万元 × 0.5 = 0.617284 万元");
  });
});
