import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { beijingDay, beijingMinute, buildTableXlsx, buildXlsx, newWorkbook, writeTableSheet } from "./table-export";

async function firstSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as never);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no worksheet");
  return sheet;
}

interface Payment {
  name: string;
  fen: string | null;
}

describe("the time of an export", () => {
  it("is written in Beijing time, eight hours ahead of UTC, across midnight", () => {
    expect(beijingMinute(new Date("2026-12-05T17:45:30Z"))).toBe("2026-12-06 01:45");
    expect(beijingMinute(new Date("2026-12-31T23:59:59Z"))).toBe("2027-01-01 07:59");
  });

  it("dates a file by the Beijing day: after 16:00 UTC it is already tomorrow", () => {
    expect(beijingDay(new Date("2026-12-05T15:59:59Z"))).toBe("2026-12-05");
    expect(beijingDay(new Date("2026-12-05T16:00:00Z"))).toBe("2026-12-06");
  });
});

describe("the .xlsx table builder", () => {
  it("writes a report: title and subtitle across the table, frozen header, money exact in 万元 and 元", async () => {
    const sheet = await firstSheet(
      await buildXlsx<Payment>({
        sheet: "支付/清单",
        title: "支付清单",
        subtitle: "单位：元",
        columns: [
          { header: "企业", value: (row) => row.name, width: 30 },
          { header: "金额（万元）", value: (row) => row.fen, kind: "money" },
          { header: "金额", value: (row) => row.fen, kind: "yuan", numFmt: "0.00" },
        ],
        rows: [
          { name: "=HYPERLINK(1)", fen: "123456789" },
          { name: "乙", fen: null },
          { name: "丙", fen: "123456789012345678" },
        ],
        totals: ["合计", "", 123_456_789n],
      }),
    );
    expect(sheet.name).toBe("支付／清单");
    expect(sheet.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: 3 })]);
    expect(sheet.getCell(1, 1).value).toBe("支付清单");
    expect(sheet.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell(2, 1).value).toBe("单位：元");
    expect((sheet.model as { merges: string[] }).merges).toEqual(["A1:C1", "A2:C2"]);
    expect(sheet.getRow(3).values).toEqual([undefined, "企业", "金额（万元）", "金额"]);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(2).width).toBe(16);
    // Formula-like text is made inert; money is the exact decimal of its unit.
    expect(sheet.getRow(4).values).toEqual([undefined, "'=HYPERLINK(1)", 123.456789, 1234567.89]);
    expect(sheet.getCell(4, 2).numFmt).toBe("#,##0.00####");
    expect(sheet.getCell(4, 3).numFmt).toBe("0.00");
    expect(sheet.getRow(5).values).toEqual([undefined, "乙"]);
    // No double reads back as this amount: its exact text is written instead of a rounded number.
    expect(sheet.getCell(6, 2).value).toBe("123456789012.345678");
    expect(sheet.getCell(6, 3).value).toBe("1234567890123456.78");
    expect(sheet.getRow(7).values).toEqual([undefined, "合计", undefined, 1234567.89]);
    expect(sheet.getCell(7, 1).font).toMatchObject({ bold: true });
  });

  it("writes a list: a bold title line over a bold header, nothing merged or frozen", async () => {
    const sheet = await firstSheet(
      await buildXlsx<[string, number]>({
        sheet: "分产业链",
        title: "分产业链（截至 2022年12月）",
        head: "list",
        columns: [
          { header: "产业链", value: (row) => row[0], width: 28 },
          { header: "份额", value: (row) => row[1], kind: "percent", numFmt: "0.0%" },
        ],
        rows: [["电子信息", 0.125]],
      }),
    );
    expect(sheet.views ?? []).toEqual([]);
    expect((sheet.model as { merges?: string[] }).merges ?? []).toEqual([]);
    expect(sheet.getCell(1, 1).font).toMatchObject({ bold: true });
    expect(sheet.getRow(2).values).toEqual([undefined, "产业链", "份额"]);
    expect(sheet.getCell(2, 1).fill).not.toMatchObject({ pattern: "solid" });
    expect(sheet.getRow(3).values).toEqual([undefined, "电子信息", 0.125]);
    expect(sheet.getCell(3, 2).numFmt).toBe("0.0%");
  });

  it("writes a blank form: centred head, wrapped header with notes, frozen columns, validations on its rows", async () => {
    const workbook = newWorkbook();
    writeTableSheet<never>(workbook, {
      sheet: "年报",
      title: "企业年度主要经济指标",
      subtitle: "单位：万元",
      formAligned: true,
      headerStyle: { filled: true, centred: true, wrapped: true },
      frozenColumns: 2,
      columns: [
        { header: "统一社会信用代码", width: 24, numFmt: "@", note: "18位，必填" },
        { header: "年份", width: 8, validation: { type: "whole", operator: "between", formulae: [2000, 2030] } },
      ],
      validatedRows: 10,
    });
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.views).toEqual([{ state: "frozen", ySplit: 3, xSplit: 2 }]);
    expect(sheet.getCell(1, 1).alignment).toEqual({ horizontal: "center" });
    expect(sheet.getCell(2, 1).alignment).toEqual({ horizontal: "right" });
    const header = sheet.getCell(3, 1);
    expect(header.alignment).toEqual({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(header.note).toBe("18位，必填");
    expect(sheet.getRow(3).height).toBe(22);
    expect(sheet.getColumn(1).numFmt).toBe("@");
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
    expect(Object.keys(validations.model)).toEqual(["B4:B13"]);
  });

  it("keeps the lists' form: the filters and time under the title, 万元 in the money headers, empty text empty", async () => {
    const sheet = await firstSheet(
      await buildTableXlsx<{ name: string; revenue: bigint; key: boolean }>({
        title: "企业名录",
        filters: [
          { label: "产业链", value: "电子信息" },
          { label: "乡镇", value: "" },
        ],
        columns: [
          { header: "企业名称", value: (row) => row.name },
          { header: "营业收入", value: (row) => row.revenue, kind: "money" },
          { header: "重点企业", value: (row) => row.key },
        ],
        rows: [{ name: "", revenue: 2_000_000_000n, key: true }],
      }),
    );
    expect(sheet.getCell(2, 1).value).toMatch(
      /^筛选条件：产业链：电子信息　导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/,
    );
    expect(sheet.getCell(3, 2).value).toBe("营业收入（万元）");
    expect(sheet.getCell(3, 1).fill).toMatchObject({ pattern: "solid" });
    expect(sheet.getRow(4).values).toEqual([undefined, undefined, 2000, "是"]);
  });
});
