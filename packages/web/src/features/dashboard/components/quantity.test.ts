import { describe, expect, it } from "vitest";
import { fenToYi, formatGrowth, formatQuantity, growthText, quantityNumber } from "./quantity";

describe("dashboard quantities", () => {
  it("shows money in 亿元 or 万元, exactly", () => {
    expect(formatQuantity({ unit: "yuan", value: "4000000000000" }, "aboveScaleRevenue")).toBe("400.00 亿元");
    expect(formatQuantity({ unit: "yuan", value: "2582600000001" }, "aboveScaleRevenue")).toBe("258.26 亿元");
    expect(formatQuantity({ unit: "yuan", value: "123456789" }, "aboveScaleRevenue")).toBe("123.46 万元");
  });

  it("shows shares in millionths as percentages and counts with their word", () => {
    expect(formatQuantity({ unit: "share", value: "550000" }, "manufacturingInvestmentShare")).toBe("55.0%");
    expect(formatQuantity({ unit: "share", value: "821429" }, "keyAssistanceCoverage")).toBe("82.1%");
    expect(formatQuantity({ unit: "count", value: "22" }, "aboveScaleNetIncrease")).toBe("22 家");
    expect(formatQuantity({ unit: "count", value: "3" }, "introducedProjects")).toBe("3 个");
    expect(formatQuantity({ unit: "count", value: "3" }, "introducedProjects", "en")).toBe("3 projects");
    expect(formatQuantity({ unit: "count", value: "1" }, "introducedProjects", "en")).toBe("1 project");
    expect(formatQuantity({ unit: "count", value: "1" }, "aboveScaleCount", "en")).toBe("1 enterprise");
    expect(formatQuantity(null, "aboveScaleRevenue")).toBe("—");
  });

  it("gives growth with its sign, and nothing without a base", () => {
    expect(formatGrowth("72000")).toBe("+7.2%");
    expect(formatGrowth("-15000")).toBe("-1.5%");
    expect(growthText("110", "100")).toBe("+10.0%");
    expect(growthText("110", "0")).toBe("—");
    expect(growthText(null, "100")).toBe("—");
  });

  it("draws amounts in 亿元", () => {
    expect(fenToYi("25826000000000")).toBe(2582.6);
    expect(quantityNumber({ unit: "yuan", value: "4000000000000" })).toBe(400);
    expect(quantityNumber({ unit: "share", value: "500000" })).toBe(50);
  });
});
