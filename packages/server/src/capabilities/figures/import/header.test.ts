import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type RawRow, streamFirstSheetRows } from "../../../platform/spreadsheets/read-workbook";
import { matchField, normalizeHeader } from "./columns";
import { detectHeader, type HeaderLayout } from "./header";
import { RowParser } from "./row-parser";
import { buildImportTemplate } from "./templates";
import type { ImportKind } from "./types";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../test-fixtures/xlsx");

async function rowsOf(source: string | Buffer): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of streamFirstSheetRows(source)) rows.push(row);
  return rows;
}

async function layoutOf(kind: ImportKind, source: string | Buffer): Promise<HeaderLayout> {
  const detected = detectHeader(kind, await rowsOf(source));
  if ("error" in detected) throw new Error(detected.error.message);
  return detected.layout;
}

describe("normalizeHeader", () => {
  it.each([
    ["营业收入（万元）", "营业收入", "万元", "plain"],
    ["营业收入(千元)", "营业收入", "千元", "plain"],
    ["营业收入/元", "营业收入", "元", "plain"],
    ["1-6月营业收入", "营业收入", undefined, "cumulative"],
    ["营业收入（1－6月）", "营业收入", undefined, "cumulative"],
    ["营业收入本年累计（千元）", "营业收入", "千元", "cumulative"],
    ["营业收入上年同期", "营业收入", undefined, "previousYear"],
    ["营业收入增速（%）", "营业收入", undefined, "growth"],
    ["从业人员（人）", "从业人员", "人", "plain"],
    ["其中：制造业投资", "其中制造业投资", undefined, "plain"],
    ["*统一社会信用代码", "统一社会信用代码", undefined, "plain"],
    ["所属乡镇（街道）", "所属乡镇", undefined, "plain"],
  ])("%s", (header, base, unit, qualifier) => {
    const normalized = normalizeHeader(header);
    expect(normalized.base).toBe(base);
    expect(normalized.unit).toBe(unit);
    expect(normalized.qualifier.kind).toBe(qualifier);
  });

  it("reads the month a cumulative header names", () => {
    expect(normalizeHeader("1-11月营业收入").qualifier).toEqual({ kind: "cumulative", throughMonth: 11 });
  });

  it("knows the names the bureaus use", () => {
    expect(matchField("annual", normalizeHeader("主营业务收入").base)?.field).toBe("revenue");
    expect(matchField("annual", normalizeHeader("实缴税金（万元）").base)?.field).toBe("tax");
    expect(matchField("monthly", normalizeHeader("从业人员平均人数").base)?.field).toBe("employees");
    expect(matchField("register", normalizeHeader("所属乡镇（街道）").base)?.field).toBe("town");
    expect(matchField("register", normalizeHeader("年份").base)?.field).toBe("statusYear");
    expect(matchField("annual", normalizeHeader("备注").base)).toBeUndefined();
  });
});

describe("detectHeader on files written by LibreOffice", () => {
  it("finds a two-row header under a merged title and a unit line", async () => {
    const layout = await layoutOf("monthly", path.join(FIXTURES, "monthly-bureau.xlsx"));
    expect(layout.headerRowNumber).toBe(3);
    expect(layout.firstDataRow).toBe(5);
    expect(layout.unitLine).toBe("千元");
    expect(layout.columns.map((c) => [c.letter, c.field.field, c.qualifier.kind])).toEqual([
      ["A", "creditCode", "plain"],
      ["B", "name", "plain"],
      ["C", "period", "plain"],
      ["D", "revenue", "cumulative"],
      ["G", "tax", "cumulative"],
    ]);
  });

  it("finds a header that does not start in column A and reads units in the header", async () => {
    const layout = await layoutOf("annual", path.join(FIXTURES, "annual-messy.xlsx"));
    expect(layout.headerRowNumber).toBe(3);
    expect(layout.columns.map((c) => [c.letter, c.field.field, c.unit])).toEqual([
      ["B", "creditCode", undefined],
      ["C", "name", undefined],
      ["D", "period", undefined],
      ["E", "revenue", "万元"],
      ["F", "tax", "千元"],
    ]);
  });

  it("finds the header of every downloadable template", async () => {
    for (const kind of ["annual", "monthly", "register"] as const) {
      const layout = await layoutOf(kind, await buildImportTemplate(kind));
      expect(layout.headerRowNumber).toBe(3);
      expect(layout.ignoredHeaders).toEqual([]);
      if (kind !== "register") expect(layout.unitLine).toBe("万元");
    }
  });

  it("reports a field named twice in the same way", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["统一社会信用代码", "营业收入", "主营业务收入"]);
    const detected = detectHeader("annual", await rowsOf(Buffer.from(await book.xlsx.writeBuffer())));
    expect(detected).toMatchObject({ error: { row: 1, columnLetter: "C", field: "revenue" } });
  });

  it("prefers the month's own value over a cumulative column of the same figure", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["统一社会信用代码", "年份", "月份", "营业收入本年累计", "营业收入本月"]);
    const layout = await layoutOf("monthly", Buffer.from(await book.xlsx.writeBuffer()));
    expect(layout.columns.find((c) => c.field.field === "revenue")?.letter).toBe("E");
    expect(layout.ignoredHeaders).toEqual(["营业收入本年累计"]);
  });
});

describe("RowParser", () => {
  it("takes the unit from the header, then the unit line, then the option, then 万元", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["统一社会信用代码", "年份", "营业收入（元）", "入库税收", "从业人员"]);
    const layout = await layoutOf("annual", Buffer.from(await book.xlsx.writeBuffer()));
    expect(new RowParser("annual", layout, {}).units).toEqual({ revenue: "元", tax: "万元", employees: "人" });
    expect(new RowParser("annual", layout, { unit: "千元" }).units).toEqual({
      revenue: "元",
      tax: "千元",
      employees: "人",
    });
    const withLine = { ...layout, unitLine: "亿元" as const };
    expect(new RowParser("annual", withLine, { unit: "千元" }).units.tax).toBe("亿元");
  });

  it("asks for a year and a month when the file gives neither", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["统一社会信用代码", "企业名称", "营业收入"]);
    const layout = await layoutOf("monthly", Buffer.from(await book.xlsx.writeBuffer()));
    const messages = new RowParser("monthly", layout, {}).headerErrors.map((e) => e.message);
    expect(messages).toEqual([
      "缺少“年份”列（或“报告期”列，或在表格上方的标题中写明年份，如“2022年1-12月…”）",
      "缺少“月份”列（或“报告期”列，或表头、标题写明“1-N月”）",
    ]);
    expect(new RowParser("monthly", layout, { year: 2022, month: 3 }).headerErrors).toEqual([]);
  });

  it("refuses an annual import of a part-year cumulative column", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("x").addRow(["统一社会信用代码", "年份", "1-6月营业收入"]);
    const layout = await layoutOf("annual", Buffer.from(await book.xlsx.writeBuffer()));
    expect(new RowParser("annual", layout, {}).headerErrors[0]?.message).toContain("1-12月");
  });
});
