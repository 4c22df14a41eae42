import { describe, expect, it } from "vitest";
import {
  type CellInput,
  cellText,
  currentYearInChina,
  decimalText,
  isBlank,
  numberToDecimalString,
  parseCountCell,
  parseCreditCodeCell,
  parseIndustryCodeCell,
  parseMoneyCell,
  parseMonthCell,
  parsePeriodCell,
  parseTextCell,
  parseYearCell,
  toCellInput,
} from "./cell-values";

const text = (value: string): CellInput => ({ kind: "text", text: value });
const num = (value: number): CellInput => ({ kind: "number", value });
const WAN = 10000n;

describe("toCellInput flattens what exceljs gives", () => {
  it("joins rich-text runs, takes formula results and hyperlink texts", () => {
    expect(toCellInput({ richText: [{ text: "营业收入" }, { text: "（万元）" }] })).toEqual(text("营业收入（万元）"));
    expect(toCellInput({ formula: "SUM(A1:A2)", result: 12.5 })).toEqual(num(12.5));
    expect(toCellInput({ sharedFormula: "A1", result: "x" })).toEqual(text("x"));
    expect(toCellInput({ formula: "A1", result: "" })).toEqual({ kind: "empty" });
    expect(toCellInput({ text: "甲公司", hyperlink: "http://example.invalid" })).toEqual(text("甲公司"));
    expect(toCellInput({ error: "#DIV/0!" })).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(toCellInput(null)).toEqual({ kind: "empty" });
    expect(toCellInput("")).toEqual({ kind: "empty" });
  });

  it("never takes a formula whose result is unknown for an empty cell", () => {
    // exceljs's streaming reader drops the cached #DIV/0! of `<c t="e"><f>D2/0</f><v>#DIV/0!</v></c>`.
    const lost = toCellInput({ formula: "D2/0" });
    expect(lost).toEqual({ kind: "error", code: "", formula: "D2/0" });
    expect(isBlank(lost)).toBe(false);
    expect(toCellInput({ formula: "D2/0", result: Number.NaN })).toMatchObject({ kind: "error", formula: "D2/0" });
    expect(toCellInput({ sharedFormula: "A3" })).toMatchObject({ kind: "error", formula: "A3" });
    expect(decimalText(lost)).toEqual({
      ok: false,
      message: "公式 =D2/0 没有可用的结果（结果为错误值，如 #DIV/0!、#N/A，或文件保存时未计算）",
    });
    expect(cellText(lost)).toBe("=D2/0");
    expect(decimalText({ kind: "error", code: "#REF!" })).toEqual({ ok: false, message: "单元格为错误值 #REF!" });
  });

  it("refuses an error value where text is expected", () => {
    expect(parseTextCell(text(" 景德镇甲公司 "))).toEqual({ ok: true, value: "景德镇甲公司" });
    expect(parseTextCell(num(2710))).toEqual({ ok: true, value: "2710" });
    // A name an export wrote with an apostrophe (it would start a formula) comes back as typed.
    expect(parseTextCell(text("'-1+2"))).toEqual({ ok: true, value: "-1+2" });
    expect(parseTextCell(text("'甲'"))).toEqual({ ok: true, value: "'甲'" });
    expect(parseTextCell({ kind: "error", code: "#N/A" })).toEqual({ ok: false, message: "单元格为错误值 #N/A" });
    expect(parseTextCell(toCellInput({ formula: "VLOOKUP(A2,名录!A:B,2,0)" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("公式 =VLOOKUP(A2,名录!A:B,2,0) 没有可用的结果"),
    });
  });

  it("trims full-width spaces and treats dashes as no data", () => {
    expect(cellText(text("\u3000甲公司 \u3000"))).toBe("甲公司");
    expect(isBlank(text(" — "))).toBe(true);
    expect(isBlank(text("-"))).toBe(true);
    expect(isBlank(text("0"))).toBe(false);
  });
});

describe("numbers are read through their shortest decimal string, never rounded", () => {
  it("expands exponent notation exactly", () => {
    expect(numberToDecimalString(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalString(1.5e-7)).toBe("0.00000015");
    expect(numberToDecimalString(-2.5e-7)).toBe("-0.00000025");
    expect(numberToDecimalString(123456.7)).toBe("123456.7");
  });

  it("converts amounts in 元, 千元 and 万元 exactly to fen", () => {
    expect(parseMoneyCell(num(52345.67), WAN, "万元")).toEqual({ ok: true, value: 52_345_670_000n });
    expect(parseMoneyCell(num(1000.5), 1000n, "千元")).toEqual({ ok: true, value: 100_050_000n });
    expect(parseMoneyCell(text("1234.56"), 1n, "元")).toEqual({ ok: true, value: 123_456n });
    expect(parseMoneyCell(num(-3.5), WAN, "万元")).toEqual({ ok: true, value: -3_500_000n });
    // 9007199254740993 fen is beyond 2^53: text keeps it exact.
    expect(parseMoneyCell(text("90071992547409.93"), 1n, "元")).toEqual({ ok: true, value: 9_007_199_254_740_993n });
  });

  it("rejects what is not exact to the fen, including binary float noise from formulas", () => {
    const noise = parseMoneyCell(num(0.1 + 0.2), WAN, "万元");
    expect(noise.ok).toBe(false);
    expect(parseMoneyCell(num(0.0001234), WAN, "万元").ok).toBe(false);
    expect(parseMoneyCell(text("1.234"), 1n, "元")).toMatchObject({
      ok: false,
      message: expect.stringContaining("精确到分"),
    });
  });

  it("strips a well-formed thousands grouping in text cells and rejects a malformed one", () => {
    expect(decimalText(text("1,234,567.5"))).toEqual({ ok: true, value: "1234567.5" });
    expect(decimalText(text("１，２３４"))).toEqual({ ok: true, value: "1234" });
    expect(decimalText(text("12,34"))).toMatchObject({ ok: false, message: expect.stringContaining("千位分隔符") });
    expect(decimalText(text("100万"))).toMatchObject({ ok: false, message: "不是数字：100万" });
    expect(decimalText(text("+.5"))).toEqual({ ok: true, value: "0.5" });
    expect(decimalText({ kind: "error", code: "#N/A" })).toMatchObject({ ok: false });
  });

  it("reads counts as whole numbers", () => {
    expect(parseCountCell(num(356))).toEqual({ ok: true, value: 356n });
    expect(parseCountCell(text("356.0"))).toEqual({ ok: true, value: 356n });
    expect(parseCountCell(num(35.5)).ok).toBe(false);
    expect(parseCountCell(num(-1)).ok).toBe(false);
  });
});

describe("dates and periods written the usual Chinese ways", () => {
  const cases: [string, CellInput, { year: number; month?: number }][] = [
    ["2022-12-31", text("2022-12-31"), { year: 2022, month: 12 }],
    ["2022/12/31", text("2022/12/31"), { year: 2022, month: 12 }],
    ["2022年12月31日", text("2022年12月31日"), { year: 2022, month: 12 }],
    ["2022年12月", text("2022年12月"), { year: 2022, month: 12 }],
    ["2022年6月份", text("2022年6月份"), { year: 2022, month: 6 }],
    ["2022.12", text("2022.12"), { year: 2022, month: 12 }],
    ["2022-6", text("2022-6"), { year: 2022, month: 6 }],
    ["202212 as text", text("202212"), { year: 2022, month: 12 }],
    ["202212 as number", num(202212), { year: 2022, month: 12 }],
    ["20221231", num(20221231), { year: 2022, month: 12 }],
    ["Excel serial 44926", num(44926), { year: 2022, month: 12 }],
    ["serial with time", num(44592.5), { year: 2022, month: 1 }],
    ["date cell", { kind: "date", date: new Date(Date.UTC(2022, 0, 31)) }, { year: 2022, month: 1 }],
    ["year only", num(2022), { year: 2022 }],
    ["2022年", text("2022年"), { year: 2022 }],
    ["2022年度", text("2022年度"), { year: 2022 }],
    ["2022年全年", text("2022年全年"), { year: 2022 }],
  ];
  it.each(cases)("%s", (_label, cell, expected) => {
    expect(parsePeriodCell(cell)).toEqual({ ok: true, value: expected });
  });

  it("shifts serials of workbooks in the 1904 date system", () => {
    expect(parsePeriodCell(num(43464), true)).toEqual({ ok: true, value: { year: 2022, month: 12 } });
  });

  it("rejects impossible months and years outside the sane range", () => {
    expect(parsePeriodCell(text("2022-13"))).toMatchObject({ ok: false, message: expect.stringContaining("1–12") });
    expect(parsePeriodCell(text("202213"))).toMatchObject({ ok: false });
    expect(parseYearCell(num(1880))).toMatchObject({ ok: false, message: expect.stringContaining("超出合理范围") });
    expect(parseYearCell(text("去年"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("无法识别的日期"),
    });
  });

  it("refuses a year after the current one: figures of a year to come do not exist", () => {
    const thisYear = currentYearInChina();
    expect(parseYearCell(num(thisYear))).toEqual({ ok: true, value: thisYear });
    expect(parseYearCell(num(thisYear + 1))).toEqual({
      ok: false,
      message: `年份 ${thisYear + 1} 晚于今年（${thisYear}年），还没有该年的数据：${thisYear + 1}`,
    });
    expect(parseYearCell(text("2099年"))).toMatchObject({ ok: false, message: expect.stringContaining("晚于今年") });
    expect(parseYearCell(num(2024), false, 2023)).toMatchObject({
      ok: false,
      message: expect.stringContaining("晚于今年（2023年）"),
    });
    expect(parsePeriodCell(text("2024年1月"), false, 2023)).toMatchObject({ ok: false });
    expect(parsePeriodCell(text("2023年12月"), false, 2023)).toEqual({ ok: true, value: { year: 2023, month: 12 } });
    // An Excel day serial of a date in 2024 (45300 = 2024-01-08), and a date cell.
    expect(parsePeriodCell(num(45300), false, 2023)).toMatchObject({
      ok: false,
      message: expect.stringContaining("2024"),
    });
    expect(parsePeriodCell({ kind: "date", date: new Date(Date.UTC(2024, 0, 1)) }, false, 2023).ok).toBe(false);
    expect(parseYearCell(num(1989), false, 2023)).toMatchObject({
      ok: false,
      message: "年份 1989 超出合理范围（1990–2023）：1989",
    });
  });

  it("takes the current year in China, where the new year comes eight hours before it does in UTC", () => {
    expect(currentYearInChina(new Date("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(currentYearInChina(new Date("2026-12-31T16:00:00Z"))).toBe(2027);
  });

  it("reads months as 1–12, with or without 月", () => {
    expect(parseMonthCell(num(6))).toEqual({ ok: true, value: 6 });
    expect(parseMonthCell(text("06月"))).toEqual({ ok: true, value: 6 });
    expect(parseMonthCell(num(13))).toMatchObject({ ok: false });
    expect(parseMonthCell(num(0))).toMatchObject({ ok: false });
    expect(parseMonthCell(num(6.5))).toMatchObject({ ok: false });
  });
});

describe("codes", () => {
  it("normalises full-width and lower-case credit codes before checking them", () => {
    expect(parseCreditCodeCell(text(" ９１360202ma35a1b2cl\u3000"))).toEqual({ ok: true, value: "91360202MA35A1B2CL" });
    expect(parseCreditCodeCell(text("91360202MA35A1B2CX"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("校验位错误"),
    });
    expect(parseCreditCodeCell(text("9136"))).toMatchObject({ ok: false, message: expect.stringContaining("18位") });
  });

  it("explains that a code typed as a number has lost its last digits", () => {
    // 123602024912347004 typed into a general cell: Excel stores 1.23602024912347E+17.
    expect(parseCreditCodeCell(num(1.23602024912347e17))).toEqual({
      ok: false,
      message:
        "统一社会信用代码被存成了数字，表格软件只保留15位有效数字，末几位已丢失：123602024912347000（请把该列设为文本格式后重新输入）",
    });
    expect(parseCreditCodeCell(num(9136))).toMatchObject({ ok: false, message: expect.stringContaining("18位") });
  });

  it("accepts GB/T 4754 industry codes with or without the section letter", () => {
    expect(parseIndustryCodeCell(text("c2710"))).toEqual({ ok: true, value: "C2710" });
    expect(parseIndustryCodeCell(num(3971))).toEqual({ ok: true, value: "3971" });
    expect(parseIndustryCodeCell(text("医药"))).toMatchObject({ ok: false });
  });
});
