import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bombWorkbook, sheetXml, workbookParts, zipArchive } from "../../testing/zip-archive";
import {
  ARCHIVE_LIMITS,
  checkWorkbookArchive,
  openWorkbookArchive,
  WorkbookReadError,
  type WorkbookSource,
} from "./workbook-archive";

const MB = 1024 * 1024;

/** What checkWorkbookArchive refuses the file with (fails the test when it accepts it). */
async function refusal(source: WorkbookSource, limits = ARCHIVE_LIMITS): Promise<WorkbookReadError> {
  try {
    await checkWorkbookArchive(source, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error("the file was accepted");
}

async function realWorkbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (let i = 1; i <= rows; i++) sheet.addRow([`企业${i}`, i, "91360202MA35XXXX1X"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the archive limits", () => {
  afterEach(() => vi.restoreAllMocks());

  it("refuses a bomb whose directory tells its size before inflating anything, naming the part and the limit", async () => {
    const bomb = bombWorkbook(500);
    expect(bomb.length).toBeLessThan(600 * 1024);
    const inflate = vi.spyOn(zlib, "createInflateRaw");
    const error = await refusal(bomb);
    expect(error.message).toBe(
      "文件中的工作表数据（xl/worksheets/sheet1.xml）解压后达 500 MB，超过一个工作表 256 MB 的上限，未读取（请删去多余的行列，或拆成几个文件分别导入）",
    );
    expect(inflate).not.toHaveBeenCalled();
  });

  it("refuses a part that grows more than 100 times beyond 1 MB, before inflating it", async () => {
    const inflate = vi.spyOn(zlib, "createInflateRaw");
    const error = await refusal(bombWorkbook(20));
    expect(error.message).toMatch(
      /^文件中的工作表数据（xl\/worksheets\/sheet1\.xml）压缩比异常：\d+ KB 解压后达 20 MB（约 \d+ 倍，上限 100 倍），不是正常的工作簿，未读取$/,
    );
    expect(inflate).not.toHaveBeenCalled();
  });

  it("stops inflating a part that inflates to more than its directory declares", async () => {
    const declared = 600 * 1024;
    const archive = await openWorkbookArchive(bombWorkbook(500, declared));
    let received = 0;
    const reading = (async () => {
      const sheet = await archive.openPart("xl/worksheets/sheet1.xml");
      for await (const chunk of sheet as AsyncIterable<Buffer>) received += chunk.length;
    })();
    await expect(reading).rejects.toThrow(
      "文件已损坏：工作表数据（xl/worksheets/sheet1.xml）解压出的内容多于文件目录记载的 614400 字节，已停止读取",
    );
    archive.close();
    expect(received).toBeLessThanOrEqual(declared);
  });

  it("stops a part that lies within every limit at the size it declares, whatever it would inflate to", async () => {
    // 1 MB declared is within every limit (and not held to the ratio); the part would inflate to 50 MB.
    expect((await refusal(bombWorkbook(50, MB))).message).toBe(
      "文件已损坏：工作表数据（xl/worksheets/sheet1.xml）解压出的内容多于文件目录记载的 1048576 字节，已停止读取",
    );
  });

  it("holds each part and all parts together to their limits", async () => {
    const tight = {
      ...ARCHIVE_LIMITS,
      maxRatio: 10_000,
      maxSheetBytes: 2 * MB,
      maxPartBytes: MB,
      maxTotalBytes: 3 * MB,
    };
    expect((await refusal(bombWorkbook(3), tight)).message).toContain("超过一个工作表 2 MB 的上限");
    const strings = zipArchive(
      workbookParts({ bytes: sheetXml("") }, { bytes: { run: Buffer.alloc(MB, 0x20), times: 2 } }),
    );
    expect((await refusal(strings, tight)).message).toBe(
      "文件中的共享文本（xl/sharedStrings.xml）解压后达 2 MB，超过单个部件 1 MB 的上限，未读取（请删去多余的行列，或拆成几个文件分别导入）",
    );
    const twoSheets = zipArchive([
      ...workbookParts({ bytes: { run: Buffer.alloc(MB, 0x20), times: 2 } }),
      { name: "xl/worksheets/sheet2.xml", bytes: { run: Buffer.alloc(MB, 0x20), times: 2 } },
    ]);
    expect((await refusal(twoSheets, tight)).message).toBe(
      "文件解压后的内容超过 3 MB 的上限，未读取（请拆成几个文件分别导入）",
    );
  });

  it("refuses a part that inflates to fewer bytes than its directory declares", async () => {
    const archive = zipArchive(workbookParts({ bytes: sheetXml(""), declaredSize: 5000 }));
    expect((await refusal(archive)).message).toMatch(
      /^文件已损坏：工作表数据（xl\/worksheets\/sheet1\.xml）解压后只有 \d+ 字节，少于文件目录记载的 5000 字节$/,
    );
  });

  it("lets real workbooks through, the office suites' files and a 20,000-row sheet among them", async () => {
    const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test-fixtures/xlsx");
    const files = [
      ...readdirSync(fixtures).map((name) => path.join(fixtures, name)),
      ...readdirSync(path.join(fixtures, "office")).map((name) => path.join(fixtures, "office", name)),
    ].filter((file) => file.endsWith(".xlsx"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      await checkWorkbookArchive(file);
      await checkWorkbookArchive(readFileSync(file));
    }
    await checkWorkbookArchive(await realWorkbook(20_000));
  });
});

describe("files that are not workbooks", () => {
  it("names what a file that is not a zip archive looks like", async () => {
    expect((await refusal(Buffer.from("统一社会信用代码,企业名称\n"))).message).toBe(
      "不是 .xlsx 工作簿（请用 Excel 或 WPS 打开后另存为 .xlsx 格式再导入）",
    );
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 251;
    expect((await refusal(random)).message).toContain("不是 .xlsx 工作簿");
    const compoundFile = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]);
    expect((await refusal(compoundFile)).message).toContain("Excel 97-2003 格式（.xls）的文件或设置了打开密码的工作簿");
  });

  it("refuses a truncated archive in Chinese, keeping the library's words as the cause", async () => {
    const bytes = await realWorkbook(200);
    const error = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(error.message).toBe(
      "文件不完整或已损坏：读不出压缩包的文件目录（.xlsx 文件是一个 zip 压缩包；文件可能没有下载或上传完整）",
    );
    expect(String((error.cause as Error).message)).toMatch(/central directory/);
  });

  it("refuses a zip archive without a workbook", async () => {
    const archive = zipArchive([{ name: "readme.txt", bytes: "hello" }]);
    expect((await refusal(archive)).message).toBe(
      "不是 Excel 工作簿：压缩包中没有内容类型清单（[Content_Types].xml）、工作簿结构（xl/workbook.xml）（可能是其他文件改成了 .xlsx 扩展名；请用 Excel 或 WPS 打开后另存为 .xlsx 格式再导入）",
    );
    const withoutBook = zipArchive(workbookParts({ bytes: sheetXml("") }).filter((p) => p.name !== "xl/workbook.xml"));
    expect((await refusal(withoutBook)).message).toContain("压缩包中没有工作簿结构（xl/workbook.xml）");
  });

  it("refuses a part named twice and more parts than the limit", async () => {
    const parts = workbookParts({ bytes: sheetXml("") });
    const twice = zipArchive([...parts, { name: "xl/worksheets/sheet1.xml", bytes: sheetXml("<row/>") }]);
    expect((await refusal(twice)).message).toBe(
      "文件已损坏：压缩包中的工作表数据（xl/worksheets/sheet1.xml）出现了两次",
    );
    const many = (await refusal(zipArchive(parts), { ...ARCHIVE_LIMITS, maxParts: 4 })).message;
    expect(many).toBe("文件的压缩包中有 5 个部件，超过 4 个的上限，不是正常的工作簿，未读取");
  });

  it("refuses a part whose compressed bytes are damaged, naming it", async () => {
    const good = zipArchive(workbookParts({ bytes: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }));
    const damaged = Buffer.from(good);
    // The sheet's deflated bytes follow its local header and name: overwrite them with a reserved block type.
    const at = damaged.indexOf("xl/worksheets/sheet1.xml") + "xl/worksheets/sheet1.xml".length;
    damaged.fill(0xff, at, at + 8);
    const error = await refusal(damaged);
    expect(error.message).toBe("文件已损坏：无法读取其中的工作表数据（xl/worksheets/sheet1.xml）");
    expect(error.cause).toBeInstanceOf(Error);
  });
});
