import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type RawRow, streamFirstSheetRows, WorkbookReadError } from "./read-workbook";

/** Two sheets as exceljs writes them: each sheet's XML before the shared strings. */
async function twoSheetWorkbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet("数据");
  for (let i = 1; i <= rows; i++) first.addRow([`企业${i}`, i]);
  book.addWorksheet("说明").addRow(["填写说明"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same package with its entries stored in the given order (the rest after them). */
async function reordered(bytes: Buffer, firstEntries: string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  const order = [...firstEntries, ...names.filter((name) => !firstEntries.includes(name))];
  const target = new JSZip();
  for (const name of order) target.file(name, await source.file(name)!.async("uint8array"));
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("streamFirstSheetRows", () => {
  let parkedSheets: string;
  let previousTmpdir: string | undefined;
  beforeEach(() => {
    // A reader that takes parts in stored order parks a sheet that comes before the shared
    // strings in a file under os.tmpdir(); none may be left behind.
    previousTmpdir = process.env.TMPDIR;
    parkedSheets = mkdtempSync(path.join(tmpdir(), "parked-sheets-"));
    process.env.TMPDIR = parkedSheets;
  });
  // Were anything written there, it would show here (deletions may lag: waited for).
  const noParkedSheetLeft = () => vi.waitFor(() => expect(readdirSync(parkedSheets)).toEqual([]), { timeout: 5000 });
  afterEach(() => {
    if (previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmpdir;
    rmSync(parkedSheets, { recursive: true, force: true });
  });

  it("reads the first sheet and leaves no temporary copy of any sheet behind", async () => {
    const rows: RawRow[] = [];
    for await (const row of streamFirstSheetRows(await twoSheetWorkbook(500))) rows.push(row);
    expect(rows).toHaveLength(500);
    expect(rows[499]?.values.slice(1)).toEqual(["企业500", 500]);
    await noParkedSheetLeft();
  });

  it("leaves no temporary copy behind when the reader stops after the first rows", async () => {
    let read = 0;
    for await (const _row of streamFirstSheetRows(await twoSheetWorkbook(5000))) {
      if (++read === 15) break;
    }
    expect(read).toBe(15);
    await noParkedSheetLeft();
  });

  it("reads a package whatever order its parts are stored in, a hidden first sheet skipped", async () => {
    // The workbook part after the sheets while the shared strings and relationships come first:
    // a reader that takes the parts in stored order cannot name the sheets then.
    const bytes = await reordered(await twoSheetWorkbook(3), [
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const info = { date1904: false } as { date1904: boolean; sheetName?: string };
    const rows: RawRow[] = [];
    for await (const row of streamFirstSheetRows(bytes, info)) rows.push(row);
    expect(rows.map((row) => row.values.slice(1))).toEqual([
      ["企业1", 1],
      ["企业2", 2],
      ["企业3", 3],
    ]);
    expect(info.sheetName).toBe("数据");

    const book = new ExcelJS.Workbook();
    book.addWorksheet("封面", { state: "hidden" }).addRow(["不是数据"]);
    book.addWorksheet("数据").addRow(["企业", 7]);
    const hiddenFirst: RawRow[] = [];
    for await (const row of streamFirstSheetRows(Buffer.from(await book.xlsx.writeBuffer()))) hiddenFirst.push(row);
    expect(hiddenFirst.map((row) => row.values.slice(1))).toEqual([["企业", 7]]);
  });

  it("reports a file that is not a zip archive as a WorkbookReadError", async () => {
    const reading = (async () => {
      for await (const _row of streamFirstSheetRows(Buffer.from("统一社会信用代码,企业名称\n")));
    })();
    await expect(reading).rejects.toBeInstanceOf(WorkbookReadError);
  });

  it("reports a truncated file as a WorkbookReadError", async () => {
    const bytes = await twoSheetWorkbook(2000);
    const reading = (async () => {
      for await (const _row of streamFirstSheetRows(bytes.subarray(0, Math.floor(bytes.length / 2))));
    })();
    await expect(reading).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
