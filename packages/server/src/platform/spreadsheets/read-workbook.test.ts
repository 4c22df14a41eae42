import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bombWorkbook, sheetXml, workbookParts, zipArchive } from "../../testing/zip-archive";
import { type RawRow, streamFirstSheetRows, WorkbookReadError, type WorkbookSource } from "./read-workbook";

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
    const error = await readingError(Buffer.from("统一社会信用代码,企业名称\n"));
    expect(error.message).toBe("不是 .xlsx 工作簿（请用 Excel 或 WPS 打开后另存为 .xlsx 格式再导入）");
  });

  it("reports a truncated file as a WorkbookReadError", async () => {
    const bytes = await twoSheetWorkbook(2000);
    const error = await readingError(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(error.message).toContain("文件不完整或已损坏：读不出压缩包的文件目录");
  });
});

/** What reading the file's rows fails with (fails the test when every row is read). */
async function readingError(source: WorkbookSource): Promise<WorkbookReadError> {
  try {
    for await (const _row of streamFirstSheetRows(source));
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("the file was read");
}

/** No word of a library's own English reaches the message: its only Latin letters are a part's path and names of formats. */
function inChinese(message: string): boolean {
  return !/[A-Za-z]/.test(message.replace(/[\w[\]./]+\.(xml|rels)/g, "").replace(/XML|Excel|WPS|xlsx|xls|zip/g, ""));
}

describe("streamFirstSheetRows on damaged files and bombs", () => {
  it("refuses a decompression bomb, honest or lying about its size, in Chinese", async () => {
    const honest = await readingError(bombWorkbook(500));
    expect(honest.message).toContain(
      "工作表数据（xl/worksheets/sheet1.xml）解压后达 500 MB，超过一个工作表 256 MB 的上限",
    );
    const lying = await readingError(bombWorkbook(500, 100_000));
    expect(lying.message).toBe(
      "文件已损坏：工作表数据（xl/worksheets/sheet1.xml）解压出的内容多于文件目录记载的 100000 字节，已停止读取",
    );
  });

  it("refuses malformed XML, a zip without a workbook and random bytes in Chinese, keeping the library's words as the cause", async () => {
    const malformed = await readingError(
      zipArchive(workbookParts({ bytes: sheetXml('<row r="1"><c r="A1"><v>1</c></row>') })),
    );
    expect(malformed.message).toBe("工作表数据（xl/worksheets/sheet1.xml）不是有效的 XML（文件可能已损坏）");
    expect((malformed.cause as Error).message).toMatch(/[a-z]/);
    const noWorkbook = await readingError(zipArchive([{ name: "word/document.xml", bytes: "<w:document/>" }]));
    expect(noWorkbook.message).toContain("不是 Excel 工作簿：压缩包中没有");
    const random = Buffer.alloc(2048);
    for (let i = 0; i < random.length; i++) random[i] = (i * 131 + 7) % 256;
    random.write("PK", 0);
    const randomError = await readingError(random);
    expect(randomError.message).toContain("读不出压缩包的文件目录");
    for (const error of [malformed, noWorkbook, randomError]) expect(inChinese(error.message)).toBe(true);
  });

  it("refuses a sheet within the archive limits that would make the parser hold one huge text or deep nesting", async () => {
    // Stored, not deflated: the part does not grow at all, so only the reading itself can refuse it.
    const text = await readingError(
      zipArchive(
        workbookParts({
          bytes: {
            before: sheetXml("").replace("</sheetData></worksheet>", ""),
            run: Buffer.alloc(1024 * 1024, 0x20),
            times: 3,
            after: "</sheetData></worksheet>",
          },
          method: 0,
        }),
      ),
    );
    expect(text.message).toBe("工作表数据（xl/worksheets/sheet1.xml）中有超过 1 MB 的单段文本或标签，不是正常的工作表");
    const nested = await readingError(
      zipArchive(workbookParts({ bytes: sheetXml(`${"<x>".repeat(100)}${"</x>".repeat(100)}`) })),
    );
    expect(nested.message).toBe("工作表数据（xl/worksheets/sheet1.xml）中的标签嵌套超过 64 层，不是正常的工作表");
  });

  it("refuses shared strings or a workbook part that would make exceljs's parser hold one huge text or deep nesting", async () => {
    const sheet = { bytes: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') };
    const text = await readingError(
      zipArchive(
        workbookParts(sheet, {
          bytes: {
            before: '<?xml version="1.0"?><sst><si><t>',
            run: Buffer.alloc(64 * 1024, 0x41),
            times: 20,
            after: "</t></si></sst>",
          },
          method: 0,
        }),
      ),
    );
    expect(text.message).toBe("共享文本（xl/sharedStrings.xml）中有超过 1 MB 的单段文本或标签，不是正常的工作簿");
    // Text with ">" in it is cut into pieces, but is still one text node for the parser.
    const withBrackets = await readingError(
      zipArchive(
        workbookParts(sheet, {
          bytes: {
            before: '<?xml version="1.0"?><sst><si><t>',
            run: Buffer.from(`${"A".repeat(1023)}>`),
            times: 2000,
            after: "</t></si></sst>",
          },
          method: 0,
        }),
      ),
    );
    expect(withBrackets.message).toBe(
      "共享文本（xl/sharedStrings.xml）中有超过 1 MB 的单段文本或标签，不是正常的工作簿",
    );
    const parts = workbookParts(sheet, { bytes: '<?xml version="1.0"?><sst><si><t>甲</t></si></sst>' });
    const book = parts.find((part) => part.name === "xl/workbook.xml")!;
    book.bytes = String(book.bytes).replace("<sheets>", `${"<x>".repeat(100)}${"</x>".repeat(100)}<sheets>`);
    const nested = await readingError(zipArchive(parts));
    expect(nested.message).toBe("工作簿结构（xl/workbook.xml）中的标签嵌套超过 64 层，不是正常的工作簿");
  });

  it("removes phonetic readings however the shared strings are cut into pieces", async () => {
    const count = 5000;
    let strings = "";
    let cells = "";
    for (let i = 0; i < count; i++) {
      strings += `<si><t>企业${i}</t><rPh sb="0" eb="2"><t>キギョウ${i}</t></rPh><phoneticPr fontId="1"/></si>`;
      cells += `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`;
    }
    const file = zipArchive(
      workbookParts(
        { bytes: sheetXml(cells) },
        {
          bytes: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
        },
      ),
    );
    const rows: RawRow[] = [];
    for await (const row of streamFirstSheetRows(file)) rows.push(row);
    expect(rows.map((row) => row.values[1])).toEqual(Array.from({ length: count }, (_, i) => `企业${i}`));
  });
});
