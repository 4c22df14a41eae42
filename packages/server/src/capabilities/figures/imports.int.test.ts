import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { bombWorkbook, sheetXml, workbookParts, zipArchive } from "../../testing/zip-archive";
import { currentYearInChina } from "./import/cell-values";
import { previewImport } from "./import/import-service";

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** No word of a library's own English reaches the message: its only Latin letters are a part's path and names of formats. */
function inChinese(message: string): boolean {
  return !/[A-Za-z]/.test(message.replace(/[\w[\]./]+\.(xml|rels)/g, "").replace(/XML|Excel|WPS|xlsx|xls|zip/g, ""));
}

describe.each(testDatabases())("import uploads on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const upload = (bytes: Buffer, fileName = "年报.xlsx") =>
    app.inject({
      method: "POST",
      url: `/api/imports?kind=annual&fileName=${encodeURIComponent(fileName)}`,
      headers: { ...office.headers, "content-type": "application/octet-stream" },
      payload: bytes,
    });
  const job = async (id: string) =>
    (await app.inject({ url: `/api/imports/${id}?wait=20`, headers: office.headers })).json();

  /** Rows of every table an import or an upload writes to. */
  async function written() {
    const counts: Record<string, number> = {};
    for (const table of ["import_jobs", "figures", "enterprises", "audit_log", "projects"] as const) {
      const row = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  }

  it("refuses a decompression bomb at once with 400 and a Chinese message naming the part and the limit, writing nothing", async () => {
    const before = await written();
    const honest = await upload(bombWorkbook(500), "炸弹.xlsx");
    expect(honest.statusCode).toBe(400);
    expect(honest.json().error.message).toBe(
      "无法读取文件「炸弹.xlsx」：文件中的工作表数据（xl/worksheets/sheet1.xml）解压后达 500 MB，超过一个工作表 256 MB 的上限，未读取（请删去多余的行列，或拆成几个文件分别导入）",
    );
    // The directory declares 100 KB; the part would inflate to 500 MB: stopped where it passes 100 KB.
    const lying = await upload(bombWorkbook(500, 100_000), "炸弹.xlsx");
    expect(lying.statusCode).toBe(400);
    expect(lying.json().error.message).toBe(
      "无法读取文件「炸弹.xlsx」：文件已损坏：工作表数据（xl/worksheets/sheet1.xml）解压出的内容多于文件目录记载的 100000 字节，已停止读取",
    );
    expect(await written()).toEqual(before);
  });

  it("refuses a projects import of a bomb with the same Chinese message and writes nothing", async () => {
    const before = await written();
    const response = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: office.headers,
      payload: { fileName: "项目.xlsx", contentBase64: bombWorkbook(500).toString("base64"), dryRun: false },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(response.json().errors[0].message).toContain(
      "无法读取文件：文件中的工作表数据（xl/worksheets/sheet1.xml）解压后达 500 MB，超过一个工作表 256 MB 的上限",
    );
    expect(await written()).toEqual(before);
  });

  it("refuses damaged and foreign files in Chinese, without the libraries' own words", async () => {
    const before = await written();
    const good = await workbook([["统一社会信用代码", "年份", "营业收入"]]);
    const random = Buffer.alloc(3000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 131 + 7) % 256;
    random.write("PK\u0003\u0004", 0, "latin1");
    const refused: [Buffer, string][] = [
      [good.subarray(0, Math.floor(good.length / 2)), "文件不完整或已损坏：读不出压缩包的文件目录"],
      [random, "文件不完整或已损坏：读不出压缩包的文件目录"],
      [Buffer.from("统一社会信用代码,年份\n"), "不是 .xlsx 工作簿"],
      [zipArchive([{ name: "word/document.xml", bytes: "<w:document/>" }]), "不是 Excel 工作簿：压缩包中没有"],
    ];
    for (const [bytes, message] of refused) {
      const response = await upload(bytes);
      expect(response.statusCode).toBe(400);
      const text = response.json().error.message as string;
      expect(text).toContain(message);
      expect(inChinese(text)).toBe(true);
    }
    expect(await written()).toEqual(before);

    // Malformed XML inflates well: the upload is taken, and the preview says which part is broken.
    const malformed = await upload(
      zipArchive(workbookParts({ bytes: sheetXml('<row r="1"><c r="A1"><v>1</c></row>') })),
    );
    expect(malformed.statusCode).toBe(202);
    const previewed = await job(malformed.json().id);
    expect(previewed.result.errors).toEqual([
      { row: 0, message: "无法读取文件：工作表数据（xl/worksheets/sheet1.xml）不是有效的 XML（文件可能已损坏）" },
    ]);
    const applying = await app.inject({
      method: "POST",
      url: `/api/imports/${malformed.json().id}/apply`,
      headers: office.headers,
    });
    expect(applying.statusCode).toBe(409);
  });

  it("logs the library's own words about a file it cannot read, and gives the user only Chinese", async () => {
    const warnings: { details: object; message: string }[] = [];
    const malformed = zipArchive(workbookParts({ bytes: sheetXml('<row r="1"><c r="A1"><v>1</c></row>') }));
    const result = await previewImport(db, "360202", "annual", malformed, {
      fileName: "坏.xlsx",
      log: { warn: (details, message) => warnings.push({ details, message }) },
    });
    expect(result.errors.map((error) => error.message)).toEqual([
      "无法读取文件：工作表数据（xl/worksheets/sheet1.xml）不是有效的 XML（文件可能已损坏）",
    ]);
    expect(warnings).toEqual([
      { details: { err: expect.any(Error), fileName: "坏.xlsx" }, message: "import: file not readable" },
    ]);
    const logged = (warnings[0]!.details as { err: Error }).err.message;
    expect(logged).toMatch(/[a-z]{3}/);
    expect(result.errors[0]?.message).not.toContain(logged);
  });

  it("refuses a year after the current one, naming the row and the column", async () => {
    const before = await written();
    const next = currentYearInChina() + 1;
    // A valid credit code: the rows have no other error than their year.
    const code = "91360202MA35A1B2CL";
    const response = await upload(
      await workbook([
        ["统一社会信用代码", "企业名称", "年份", "营业收入"],
        [code, "甲", next, 100],
        [code, "甲", 2099, 100],
      ]),
    );
    expect(response.statusCode).toBe(202);
    const previewed = await job(response.json().id);
    expect(previewed.result.errors).toEqual([
      {
        row: 2,
        column: "年份",
        columnLetter: "C",
        field: "year",
        message: `年份 ${next} 晚于今年（${next - 1}年），还没有该年的数据：${next}`,
      },
      expect.objectContaining({ row: 3, columnLetter: "C", message: expect.stringContaining("年份 2099 晚于今年") }),
    ]);
    const after = await written();
    expect(after).toEqual({ ...before, import_jobs: (before.import_jobs ?? 0) + 1 });
  });
});
