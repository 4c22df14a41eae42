import { describe, expect, it } from "vitest";
import {
  columnUnitOf,
  formatFenForDisplay,
  formatFenInColumn,
  formatRateAsPercent,
  formatYuanTextAuto,
  formatYuanTextInWan,
  setMoneyLanguage,
  toFen,
} from "./numbers";

describe("money and rate display", () => {
  it("reads fen sent as a string or a safe integer, and refuses a float", () => {
    expect(toFen("123456789012345678")).toBe(123456789012345678n);
    expect(toFen(1500)).toBe(1500n);
    expect(toFen(12.5)).toBeNull();
    expect(toFen("")).toBeNull();
    expect(toFen(null)).toBeNull();
  });

  it("shows plan amounts in 万元 without needless decimals", () => {
    expect(formatYuanTextInWan("3000000")).toBe("300 万元");
    expect(formatYuanTextInWan("30000")).toBe("3 万元");
    expect(formatYuanTextInWan("12345.67")).toBe("1.23 万元");
  });

  it("switches to 亿元 from one 亿 up", () => {
    expect(formatYuanTextAuto("40000000000")).toBe("400 亿元");
    expect(formatYuanTextAuto("5000000")).toBe("500 万元");
    expect(formatFenForDisplay("123456789")).toBe("123.46 万元");
    expect(formatFenForDisplay(undefined)).toBe("—");
  });

  it("writes amounts in million and billion yuan in English, exactly, and in 万元/亿元 again after", () => {
    setMoneyLanguage("en");
    try {
      expect(formatFenForDisplay("2582600000000")).toBe("25.83 bn yuan");
      expect(formatFenForDisplay("1686700000")).toBe("16.87 m yuan");
      expect(formatFenForDisplay("-520010000", "万元")).toBe("-5.20 m yuan");
      expect(formatFenForDisplay("3000000")).toBe("30,000 yuan");
      expect(formatFenForDisplay("12345")).toBe("123.45 yuan");
      expect(formatYuanTextAuto("40000000000")).toBe("40 bn yuan");
      expect(formatYuanTextInWan("3000000")).toBe("3 m yuan");
      expect(formatYuanTextInWan("30000")).toBe("30,000 yuan");
    } finally {
      setMoneyLanguage("zh-CN");
    }
    expect(formatFenForDisplay("1686700000")).toBe("1686.70 万元");
  });

  it("turns decimal rates into percentages exactly", () => {
    expect(formatRateAsPercent("0.05")).toBe("5%");
    expect(formatRateAsPercent("0.2")).toBe("20%");
    expect(formatRateAsPercent("0.015")).toBe("1.5%");
    expect(formatRateAsPercent("1")).toBe("100%");
    expect(formatRateAsPercent("0.01")).toBe("1%");
    expect(formatRateAsPercent("0")).toBe("0%");
  });

  it("writes a column of amounts in one unit, the larger as soon as one amount reaches it", () => {
    const column = ["108000000000", "2500000000", null];
    const unit = columnUnitOf(column);
    expect(unit).toBe("亿元");
    expect(column.map((value) => formatFenInColumn(value, unit))).toEqual(["10.80 亿元", "0.25 亿元", "—"]);
    expect(columnUnitOf(["2500000000", "-9000000000"])).toBe("万元");
    expect(columnUnitOf(["-12000000000"])).toBe("亿元");
    setMoneyLanguage("en");
    try {
      const english = columnUnitOf(column);
      expect(english).toBe("bn yuan");
      expect(formatFenInColumn("2500000000", english)).toBe("0.03 bn yuan");
      expect(formatFenInColumn("2500000000", columnUnitOf(["2500000000"]))).toBe("25.00 m yuan");
    } finally {
      setMoneyLanguage("zh-CN");
    }
  });
});
