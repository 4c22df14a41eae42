import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ignorePhoneticReadings, type RawRow, streamFirstSheetRows } from "./read-workbook";
import { type SheetRow, sheetRowBatches } from "./sheet-rows";

const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
const WorksheetReader = requireFromExceljs("./lib/stream/xlsx/worksheet-reader") as new (
  options: unknown,
) => {
  parse(): AsyncIterable<{ eventType: string; value: unknown }[]>;
};
const StyleManager = requireFromExceljs("./lib/xlsx/xform/style/styles-xform") as new () => { init(): void };

/** exceljs's own reading of a sheet's XML (styles and hyperlinks not read): `row.values` of each row. */
async function exceljsRows(chunks: string[], sharedStrings: unknown[] | undefined): Promise<SheetRow[]> {
  const styles = new StyleManager();
  styles.init();
  const reader = new WorksheetReader({
    workbook: { sharedStrings, styles, properties: {} },
    id: 1,
    iterator: Readable.from(chunks.map((chunk) => Buffer.from(chunk))),
    options: { worksheets: "emit", hyperlinks: "ignore" },
  });
  const rows: SheetRow[] = [];
  for await (const events of reader.parse()) {
    for (const event of events) {
      if (event.eventType !== "row") continue;
      const row = event.value as ExcelJS.Row;
      rows.push({ rowNumber: row.number, values: row.values as unknown[] });
    }
  }
  return rows;
}

async function ourRows(chunks: string[], sharedStrings: unknown[] | undefined): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const xml = Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
  for await (const batch of sheetRowBatches(xml, sharedStrings)) rows.push(...batch);
  return rows;
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:Z9"/>` +
  `<cols><col min="1" max="2" width="20" style="1"/></cols><sheetData>${rows}</sheetData>` +
  `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

const SHARED: unknown[] = [
  "统一社会信用代码",
  {
    richText: [
      { font: { bold: true }, text: "景德镇" },
      { font: null, text: "ABC有限公司" },
    ],
  },
  null,
  "",
  "a&amp;b",
];

/** Cells of every kind exceljs distinguishes, and the odd forms files carry. */
const CASES: Record<string, string> = {
  numbers: `<row r="1" spans="1:6"><c r="A1"><v>2022</v></c><c r="B1" s="3"><v>1234.5600000000001</v></c><c r="C1" t="n"><v>-0.5</v></c><c r="D1"><v>1E-3</v></c><c r="E1"><v>abc</v></c><c r="F1"><v></v></c></row>`,
  "shared strings": `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c><c r="E2" t="s"><v>4</v></c><c r="F2" t="s"><v>99</v></c></row>`,
  "inline and formula strings": `<row r="3"><c r="A3" t="inlineStr"><is><t>景德镇 &amp;amp; 有限公司 </t></is></c><c r="B3" t="inlineStr"><is><r><t>前</t></r><r><t>后</t></r></is></c><c r="C3" t="str"><f>A3&amp;"x"</f><v>abc&amp;lt;</v></c><c r="D3" t="inlineStr"><is><t></t></is></c><c r="E3" t="str"><v>_x0041_</v></c></row>`,
  formulas: `<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>3</v></c><c r="B4"><f>B3-B3</f><v>0</v></c><c r="C4"><f>1/0</f></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4"><f t="shared" ref="E4:E6" si="0">A4*2</f><v>6</v></c><c r="F4"><f t="shared" si="0"/><v>8</v></c><c r="G4"><f t="shared" si="0"/><v>0</v></c><c r="H4"><f t="shared" si="0"/></c><c r="I4" t="str"><f>""</f><v></v></c></row>`,
  "errors and booleans": `<row r="5"><c r="A5" t="e"><v>#REF!</v></c><c r="B5" t="e"><v></v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="b"><v>0</v></c><c r="E5" t="d"><v>2022-12-31</v></c></row>`,
  "empty and repeated cells": `<row r="6" s="2" customFormat="1"><c r="A6" s="1"/><c r="C6"><v>1</v></c><c r="C6"><v>2</v></c><c r="D6"><v>5</v></c><c r="D6" t="s"><v>2</v></c><c r="E6" t="s"><v>2</v></c></row><row r="7"/><row r="8" ht="20" customHeight="1"></row>`,
  "references and far columns": `<row r="9"><c r="$B$9"><v>1</v></c><c r="AA9"><v>2</v></c><c r="XFD9"><v>3</v></c></row>`,
  "text around values": `<row r="10"><c r="A10"> <v> 12 </v> </c><c r="B10" t="str"><v>x</v>y</c><c r="C10">z<v>1</v></c><c r="D10" t="s"><v><![CDATA[1]]></v></c><c r="E10" t="str"><v>&#x4E00;&lt;</v></c></row>`,
  "rows out of order": `<row r="12"><c r="A12"><v>12</v></c></row><row r="11"><c r="A11"><v>11</v></c></row>`,
};

describe("sheetRowBatches", () => {
  for (const [name, rows] of Object.entries(CASES)) {
    it(`gives exceljs's own row values: ${name}`, async () => {
      const xml = sheet(rows);
      const expected = await exceljsRows([xml], SHARED);
      expect(expected.length).toBeGreaterThan(0);
      expect(await ourRows([xml], SHARED)).toEqual(expected);
    });
  }

  it("gives exceljs's values when the workbook has no shared strings", async () => {
    const xml = sheet(CASES["shared strings"] as string);
    expect(await ourRows([xml], undefined)).toEqual(await exceljsRows([xml], undefined));
  });

  it("gives the same rows whatever the XML's chunks, a character split between two chunks included", async () => {
    const xml = sheet(Object.values(CASES).join(""));
    const expected = await exceljsRows([xml], SHARED);
    const bytes = Buffer.from(xml);
    for (const size of [1, 7, 64, 1000]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const rows: SheetRow[] = [];
      for await (const batch of sheetRowBatches(Readable.from(chunks), SHARED)) rows.push(...batch);
      expect(rows).toEqual(expected);
    }
  });

  it("refuses a cell without its position, as exceljs does", async () => {
    const xml = sheet(`<row r="1"><c><v>1</v></c></row>`);
    await expect(exceljsRows([xml], SHARED)).rejects.toThrow();
    await expect(ourRows([xml], SHARED)).rejects.toThrow();
  });

  it("refuses a row without its number, as exceljs does", async () => {
    const xml = sheet(`<row><c r="A1"><v>1</v></c></row>`);
    await expect(exceljsRows([xml], SHARED)).rejects.toThrow();
    await expect(ourRows([xml], SHARED)).rejects.toThrow();
  });

  it("refuses a cell position it cannot read, as exceljs does", async () => {
    const xml = sheet(`<row r="1"><c r="b1"><v>1</v></c></row>`);
    await expect(exceljsRows([xml], SHARED)).rejects.toThrow();
    await expect(ourRows([xml], SHARED)).rejects.toThrow();
  });

  it("refuses XML that is not well formed", async () => {
    const xml = sheet(`<row r="1"><c r="A1"><v>1</c></row>`);
    await expect(exceljsRows([xml], SHARED)).rejects.toThrow();
    await expect(ourRows([xml], SHARED)).rejects.toThrow();
  });
});

/** exceljs's own streaming read of the first visible sheet of a file, row by row. */
async function exceljsFileRows(file: string): Promise<RawRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  ignorePhoneticReadings(reader as never);
  const rows: RawRow[] = [];
  let read = false;
  for await (const worksheet of reader as unknown as AsyncIterable<{ state?: string } & AsyncIterable<ExcelJS.Row>>) {
    if (read || worksheet.state === "hidden" || worksheet.state === "veryHidden") {
      for await (const _ of worksheet) {
        // exceljs's reader moves on only once the sheet is read through.
      }
      continue;
    }
    for await (const row of worksheet) rows.push({ rowNumber: row.number, values: row.values as unknown[] });
    read = true;
  }
  return rows;
}

describe("streamFirstSheetRows on the office files", () => {
  const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test-fixtures/xlsx");
  const files = [
    ...readdirSync(fixtures).map((name) => path.join(fixtures, name)),
    ...readdirSync(path.join(fixtures, "office")).map((name) => path.join(fixtures, "office", name)),
  ].filter((file) => file.endsWith(".xlsx"));

  for (const file of files) {
    it(`reads ${path.basename(file)} as exceljs's own streaming read does`, async () => {
      const ours: RawRow[] = [];
      for await (const row of streamFirstSheetRows(readFileSync(file))) ours.push(row);
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(await exceljsFileRows(file));
    });
  }
});
