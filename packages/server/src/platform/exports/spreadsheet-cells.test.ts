import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  exportWorkbookBuffer,
  neutraliseFormulaText,
  restoreNeutralisedText,
  worksheetName,
} from "./spreadsheet-cells";

describe("neutraliseFormulaText", () => {
  it.each([
    ["=1+1"],
    ['=HYPERLINK("http://evil","x")'],
    ["+1"],
    ["-1+2"],
    ["-5"],
    ["@SUM(1)"],
    ["\t=1+1"],
    ["\tplain after a tab"],
    ["\rplain after a carriage return"],
    ["\r\n=1"],
  ])("prefixes %j with an apostrophe", (text) => {
    expect(neutraliseFormulaText(text)).toBe(`'${text}`);
  });

  it.each([[" =1+1"], ["  +1"], ["\u3000=1+1"], ["\u00a0@SUM(1)"], ["\n-1+2"]])(
    "prefixes %j, whose first character after white space starts a formula",
    (text) => {
      expect(neutraliseFormulaText(text)).toBe(`'${text}`);
    },
  );

  it.each([["＝1+1"], ["＋1"], ["－1＋2"], ["＠SUM(1)"]])("prefixes the full-width %j", (text) => {
    expect(neutraliseFormulaText(text)).toBe(`'${text}`);
  });

  it.each([
    [""],
    ["景德镇甲电子有限公司"],
    ["1+1"],
    ["a=1"],
    ["91360202MA35XXXX01"],
    ["1503 2000 0910 0123 456"],
    ["—"],
    ["'=1+1"],
    [" plain"],
  ])("leaves %j as it is", (text) => {
    expect(neutraliseFormulaText(text)).toBe(text);
  });

  it("prefixes once: neutralised text is left as it is", () => {
    const once = neutraliseFormulaText("=1+1");
    expect(neutraliseFormulaText(once)).toBe(once);
  });
});

describe("exportWorkbookBuffer", () => {
  async function reread(workbook: ExcelJS.Workbook): Promise<ExcelJS.Worksheet> {
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await exportWorkbookBuffer(workbook)) as never);
    return read.worksheets[0]!;
  }

  it("writes text cells neutralised, as strings, and numbers as they are", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.mergeCells(1, 1, 1, 3);
    sheet.getCell(1, 1).value = "=title";
    sheet.getCell(1, 1).font = { bold: true };
    sheet.addRow(['=HYPERLINK("http://evil","x")', -1.5, "普通文字"]);
    sheet.addRow(["@SUM(1)", 0, true]);
    sheet.getCell(4, 1).value = { richText: [{ text: "+" }, { text: "1", font: { bold: true } }] };
    sheet.getCell(4, 2).value = new Date(Date.UTC(2024, 0, 2));

    const read = await reread(workbook);
    expect(read.getCell(1, 1).value).toBe("'=title");
    expect(read.getCell(1, 1).font?.bold).toBe(true);
    expect(read.getCell(1, 1).isMerged).toBe(true);
    expect(read.getCell(2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(read.getCell(2, 1).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(read.getCell(2, 2).value).toBe(-1.5);
    expect(read.getCell(2, 3).value).toBe("普通文字");
    expect(read.getCell(3, 1).value).toBe("'@SUM(1)");
    expect(read.getCell(3, 2).value).toBe(0);
    expect(read.getCell(3, 3).value).toBe(true);
    const rich = read.getCell(4, 1).value as ExcelJS.CellRichTextValue;
    expect(rich.richText.map((part) => part.text).join("")).toBe("'+1");
    expect(read.getCell(4, 2).value).toEqual(new Date(Date.UTC(2024, 0, 2)));
    read.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
  });

  it("neutralises every sheet of the workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("一").addRow(["普通"]);
    workbook.addWorksheet("二").addRow(["-1+2"]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await exportWorkbookBuffer(workbook)) as never);
    expect(read.getWorksheet("二")!.getCell(1, 1).value).toBe("'-1+2");
  });
});

describe("worksheetName", () => {
  it("writes the characters a sheet name may not hold in full width", () => {
    expect(worksheetName('=HYPERLINK("http://evil","x")')).toBe('=HYPERLINK("http：／／evil","x")');
    expect(worksheetName("A*B?C[D]E\\F")).toBe("A＊B？C［D］E＼F");
  });

  it("drops apostrophes at either end and names an empty or reserved name 数据", () => {
    expect(worksheetName("'报表'")).toBe("报表");
    expect(worksheetName("''")).toBe("数据");
    expect(worksheetName("  ")).toBe("数据");
    expect(worksheetName("History")).toBe("数据");
  });

  it("cuts to 31 UTF-16 units without splitting a character", () => {
    expect(worksheetName("企".repeat(40))).toBe("企".repeat(31));
    const astral = "𠀀".repeat(20); // two UTF-16 units each
    expect(worksheetName(astral)).toBe("𠀀".repeat(15));
  });

  it("is accepted by exceljs for any of these", () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ["a:b/c", "'x'", "History", "企".repeat(40)])
      workbook.addWorksheet(`${worksheetName(name)}${workbook.worksheets.length}`);
    expect(workbook.worksheets).toHaveLength(4);
  });
});

describe("restoreNeutralisedText", () => {
  it("gives back what an export neutralised, and leaves other apostrophes alone", () => {
    for (const typed of ["-1+2", '=HYPERLINK("http://evil","x")', "@SUM(1)", "+1", "\t备注", " =1", "＝1"]) {
      expect(restoreNeutralisedText(neutraliseFormulaText(typed))).toBe(typed);
    }
    expect(restoreNeutralisedText("'景德镇甲公司'")).toBe("'景德镇甲公司'");
    expect(restoreNeutralisedText("'")).toBe("'");
    expect(restoreNeutralisedText("''=1")).toBe("''=1");
  });
});
