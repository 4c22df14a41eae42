import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type RawRow, streamFirstSheetRows } from "../../../platform/spreadsheets/read-workbook";
import { detectHeader } from "./header";
import { RowParser } from "./row-parser";
import { parseTitlePeriod, titleMonthsLabel, titleMonthsValid } from "./title-period";
import type { ImportKind } from "./types";

describe("parseTitlePeriod", () => {
  it.each([
    ["2022年1-12月规模以上工业企业主要经济指标", 2022, 1, 12, true],
    ["2023年1—6月规模以上工业企业主要经济指标", 2023, 1, 6, true],
    ["2023年1–6月规上工业企业", 2023, 1, 6, true],
    ["２０２３年１－６月规上工业企业", 2023, 1, 6, true],
    ["2023年1～6月规上工业企业", 2023, 1, 6, true],
    ["2023年1月-6月规上工业企业", 2023, 1, 6, true],
    ["2023年1至6月规上工业企业", 2023, 1, 6, true],
    ["昌江区 2022 年 1-12 月规模以上工业企业", 2022, 1, 12, true],
    ["2022年度规上工业企业主要指标（年报）", 2022, 1, 12, true],
    ["2022年规模以上工业企业年报", 2022, 1, 12, true],
    ["2022年全年主要经济指标", 2022, 1, 12, true],
    ["2023年6月规上工业企业主要指标", 2023, 6, 6, false],
    ["2023年7-9月企业经营情况", 2023, 7, 9, false],
  ])("%s", (text, year, fromMonth, throughMonth, cumulative) => {
    expect(parseTitlePeriod(text, 1)).toEqual({ text: text.trim(), row: 1, year, fromMonth, throughMonth, cumulative });
  });

  it("takes a year named alone as the year, with no months", () => {
    expect(parseTitlePeriod("2022年规模以上工业企业主要经济指标", 2)).toEqual({
      text: "2022年规模以上工业企业主要经济指标",
      row: 2,
      year: 2022,
      cumulative: false,
    });
  });

  it.each([
    ["单位：万元"],
    ["填报日期：2023年3月1日"],
    ["填表人：王芳　　审核人：李明"],
    ["注：本表数据截至2023年3月15日"],
    ["2021-2022年企业主要指标对比"],
    ["2021年与2022年主要指标"],
    ["企业名录"],
    ["数据截至2023年3月15日"],
  ])("finds no period in %s", (text) => {
    expect(parseTitlePeriod(text)).toBeUndefined();
  });

  it("passes over a date in the title and keeps the period", () => {
    expect(parseTitlePeriod("2023年1-2月主要指标（2023年3月15日更新）")).toMatchObject({
      year: 2023,
      fromMonth: 1,
      throughMonth: 2,
    });
  });

  it("says which months are no months", () => {
    const bad = parseTitlePeriod("2022年1-13月主要指标");
    expect(bad && titleMonthsValid(bad)).toBe(false);
    const backwards = parseTitlePeriod("2022年9-3月主要指标");
    expect(backwards && titleMonthsValid(backwards)).toBe(false);
    const good = parseTitlePeriod("2022年1-12月主要指标");
    expect(good && [titleMonthsValid(good), titleMonthsLabel(good)]).toEqual([true, "1-12月"]);
  });
});

async function rowsOf(rows: unknown[][]): Promise<RawRow[]> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  sheet.mergeCells("A1:D1");
  const read: RawRow[] = [];
  for await (const row of streamFirstSheetRows(Buffer.from(await book.xlsx.writeBuffer()))) read.push(row);
  return read;
}

async function parsed(kind: ImportKind, rows: unknown[][]) {
  const all = await rowsOf(rows);
  const detected = detectHeader(kind, all);
  if ("error" in detected) throw new Error(detected.error.message);
  const parser = new RowParser(kind, detected.layout, {});
  return {
    layout: detected.layout,
    headerErrors: parser.headerErrors,
    rows: all.filter((row) => row.rowNumber >= detected.layout.firstDataRow).map((row) => parser.parse(row)),
  };
}

const A = "91360202MA35A1B2CL";

describe("the title's period in a file (.xlsx built here)", () => {
  it("gives a monthly file without a period column its year and month, and makes plain headers January-to-N totals", async () => {
    const { layout, headerErrors, rows } = await parsed("monthly", [
      ["2022年1-12月规模以上工业企业主要经济指标"],
      ["单位：万元"],
      ["统一社会信用代码", "企业名称", "营业收入", "入库税收本月"],
      [A, "甲", 1200, 10],
    ]);
    expect(layout.title).toMatchObject({ row: 1, year: 2022, fromMonth: 1, throughMonth: 12, cumulative: true });
    expect(headerErrors).toEqual([]);
    expect(rows).toEqual([
      {
        kind: "record",
        record: expect.objectContaining({
          year: 2022,
          month: 12,
          values: [
            { metric: "revenue", value: 1_200_000_000n, cumulative: true },
            // 本月 says the month's own value, whatever the title says.
            { metric: "tax", value: 10_000_000n, cumulative: false },
          ],
        }),
      },
    ]);
  });

  it("gives an annual file its year from 2022年度 or 1-12月, and refuses half a year", async () => {
    const annual = await parsed("annual", [
      ["2022年度规上工业企业主要指标"],
      ["统一社会信用代码", "营业收入"],
      [A, 100],
    ]);
    expect(annual.headerErrors).toEqual([]);
    expect(annual.rows[0]).toMatchObject({ kind: "record", record: { year: 2022, month: 0 } });

    const half = await parsed("annual", [
      ["2023年1—6月规上工业企业主要指标"],
      ["统一社会信用代码", "营业收入"],
      [A, 100],
    ]);
    expect(half.headerErrors).toEqual([
      expect.objectContaining({
        row: 1,
        message: "年度导入需要全年数（1-12月），标题「2023年1—6月规上工业企业主要指标」为1-6月的数据",
      }),
    ]);
  });

  it("refuses a row whose year column disagrees with the title, naming both", async () => {
    const { rows } = await parsed("annual", [
      ["2022年1-12月规模以上工业企业主要经济指标"],
      ["统一社会信用代码", "年份", "营业收入"],
      [A, 2022, 100],
      [A, 2021, 100],
    ]);
    expect(rows[0]).toMatchObject({ kind: "record" });
    expect(rows[1]).toEqual({
      kind: "errors",
      errors: [
        {
          row: 4,
          column: "年份",
          columnLetter: "B",
          field: "year",
          message:
            "「年份」为2021年，与表格上方标题「2022年1-12月规模以上工业企业主要经济指标」（第1行）的2022年不一致",
        },
      ],
    });
  });

  it("refuses a month after the months the title covers, and reads the months within it as the rows say", async () => {
    const { headerErrors, rows } = await parsed("monthly", [
      ["2022年1-2月主要经济指标"],
      ["统一社会信用代码", "报告期", "营业收入本年累计"],
      [A, "2022年1月", 100],
      [A, "2022年2月", 250],
      [A, "2022年3月", 400],
    ]);
    expect(headerErrors).toEqual([]);
    expect(rows.map((row) => (row.kind === "record" && "month" in row.record ? row.record.month : row.kind))).toEqual([
      1,
      2,
      "errors",
    ]);
    expect(rows[2]).toMatchObject({
      errors: [
        {
          column: "报告期",
          message: "本行为3月，不在表格上方标题「2022年1-2月主要经济指标」（第1行）所写的1-2月之内",
        },
      ],
    });
  });

  it("refuses a header that names other months than the title", async () => {
    const { headerErrors } = await parsed("monthly", [
      ["2022年1-12月主要经济指标"],
      ["统一社会信用代码", "营业收入（1-6月）"],
      [A, 100],
    ]);
    expect(headerErrors).toEqual([
      expect.objectContaining({
        field: "revenue",
        message: "表头「营业收入（1-6月）」为1-6月，与标题「2022年1-12月主要经济指标」的1-12月不一致",
      }),
    ]);
  });

  it("refuses a quarter's title for a monthly file without a month column", async () => {
    const { headerErrors } = await parsed("monthly", [
      ["2023年7-9月企业经营情况"],
      ["统一社会信用代码", "营业收入"],
      [A, 100],
    ]);
    expect(headerErrors.map((error) => error.message)).toEqual([
      "标题「2023年7-9月企业经营情况」的报告期为7-9月，不是从1月起的累计，也不是单月：请增加“月份”列或“报告期”列",
    ]);
  });
});
