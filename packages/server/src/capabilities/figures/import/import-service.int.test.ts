import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../../platform/audit/audit.service";
import type { BeizengDb } from "../../../platform/db/database";
import { shippedPlan } from "../../../testing/fixtures";
import { testDatabases } from "../../../testing/test-databases";
import { loadPlanIntoDistrict } from "../../plan/index";
import { applyImport, previewImport } from "./import-service";
import { buildImportTemplate } from "./templates";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../test-fixtures/xlsx");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

const DISTRICT = "360202";
const OTHER_DISTRICT = "990101";
const A = "91360202MA35A1B2CL";
const B = "91360202MA35A1B3DQ";
const C = "91360202MA35A1B4EW";
const D = "91360202MA35A1B5F1";
const E = "91360202MA35A1B6G5";

async function workbook(rows: unknown[][], sheetName = "数据"): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function count(db: BeizengDb, table: "figures" | "enterprises" | "audit_log" | "enterprise_scale_years") {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function currentValue(db: BeizengDb, creditCode: string, year: number, month: number, metric: string) {
  const rows = await db.kysely
    .selectFrom("figures as f")
    .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
    .select(["f.value"])
    .where("e.credit_code", "=", creditCode)
    .where("f.year", "=", year)
    .where("f.month", "=", month)
    .where("f.metric", "=", metric)
    .where("f.superseded_by", "is", null)
    .execute();
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0]?.value;
}

describe.each(testDatabases())("spreadsheet import on $name", (database) => {
  let db: BeizengDb;

  beforeAll(async () => {
    db = await database.createMigrated();
    // The districts' plans give their chains (产业链 by name or alias) and places (所属乡镇（街道）).
    await loadPlanIntoDistrict(db, shippedPlan("changjiang-2021-2023"), SYSTEM_ACTOR);
    await loadPlanIntoDistrict(db, shippedPlan("test-district-2024-2026"), SYSTEM_ACTOR);
  });
  afterAll(() => db.close());

  it("refuses figures of enterprises not yet in the register", async () => {
    const result = await applyImport(db, DISTRICT, "annual", fixture("annual-basic.xlsx"), {
      fileName: "annual-basic.xlsx",
    });
    expect(result.written).toBe(false);
    expect(result.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
    expect(result.errors[0]).toMatchObject({ column: "统一社会信用代码", columnLetter: "A", field: "creditCode" });
    expect(result.errors[0]?.message).toContain("企业名录中没有");
    expect(await count(db, "figures")).toBe(0);
  });

  it("imports the register written by LibreOffice, with towns, chains and the scale history", async () => {
    const preview = await previewImport(db, DISTRICT, "register", fixture("register-basic.xlsx"));
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toMatchObject({ rows: 4, create: 4 + 5, update: 0, errors: 0 });
    expect(await count(db, "enterprises")).toBe(0);

    const result = await applyImport(db, DISTRICT, "register", fixture("register-basic.xlsx"), {
      fileName: "register-basic.xlsx",
    });
    expect(result.written).toBe(true);
    const rows = await db.kysely
      .selectFrom("enterprises as e")
      .leftJoin("units as u", "u.id", "e.town_unit_id")
      .select([
        "e.credit_code",
        "e.name",
        "e.chain_id",
        "e.industry_code",
        "e.is_key",
        "e.listing_stage",
        "u.name as town",
      ])
      .orderBy("e.credit_code")
      .execute();
    expect(rows).toEqual([
      {
        credit_code: A,
        name: "景德镇甲医药有限公司",
        chain_id: "biomedicine",
        industry_code: "C2710",
        is_key: 1,
        listing_stage: "display",
        town: "鲇鱼山镇",
      },
      {
        credit_code: B,
        name: "景德镇乙电子科技有限公司",
        chain_id: "electronics",
        industry_code: "3971",
        is_key: 0,
        listing_stage: null,
        town: "丽阳镇",
      },
      {
        credit_code: C,
        name: "景德镇丙航空部件有限公司",
        chain_id: "aviation",
        industry_code: "C3741",
        is_key: 1,
        listing_stage: "shareholding",
        town: null,
      },
      {
        credit_code: D,
        name: "景德镇丁汽车配件有限公司",
        chain_id: "automotive",
        industry_code: "3670",
        is_key: 0,
        listing_stage: null,
        town: "鲇鱼山镇",
      },
    ]);
    const history = await db.kysely
      .selectFrom("enterprise_scale_years as s")
      .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
      .select(["e.credit_code", "s.year", "s.status"])
      .orderBy("e.credit_code")
      .orderBy("s.year")
      .execute();
    expect(history).toEqual([
      { credit_code: A, year: 2021, status: "above" },
      { credit_code: A, year: 2022, status: "above" },
      { credit_code: B, year: 2022, status: "reserve" },
      { credit_code: C, year: 2022, status: "above" },
      { credit_code: D, year: 2022, status: "other" },
    ]);
  });

  it("writes nothing the second time the same register is imported", async () => {
    const audits = await count(db, "audit_log");
    const result = await applyImport(db, DISTRICT, "register", fixture("register-basic.xlsx"));
    expect(result.summary).toMatchObject({ create: 0, update: 0, errors: 0 });
    expect(result.summary.unchanged).toBeGreaterThan(0);
    expect(await count(db, "audit_log")).toBe(audits);
  });

  it("imports annual figures exactly, in fen, and is idempotent", async () => {
    const audits = await count(db, "audit_log");
    const result = await applyImport(db, DISTRICT, "annual", fixture("annual-basic.xlsx"), {
      fileName: "annual-basic.xlsx",
    });
    expect(result.errors).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.summary).toMatchObject({ rows: 4, create: 22, update: 0, unchanged: 0 });
    expect(await currentValue(db, A, 2022, 0, "revenue")).toBe("52345670000");
    expect(await currentValue(db, B, 2022, 0, "tax")).toBe("88080000");
    expect(await currentValue(db, C, 2022, 0, "tax")).toBe("15000010000");
    expect(await currentValue(db, A, 2022, 0, "employees")).toBe("356");
    expect(await currentValue(db, A, 2021, 0, "manufacturing_investment")).toBe("3000000000");
    expect(await currentValue(db, B, 2022, 0, "fixed_asset_investment")).toBeUndefined();
    const row = await db.kysely
      .selectFrom("figures")
      .selectAll()
      .where("metric", "=", "revenue")
      .where("year", "=", 2021)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source_kind: "import", source_ref: "annual-basic.xlsx", official: 1, month: 0 });
    expect(await count(db, "audit_log")).toBe(audits + 1);
    const audit = await db.kysely.selectFrom("audit_log").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "import", entity_type: "figures", entity_id: "annual-basic.xlsx" });

    const figures = await count(db, "figures");
    const again = await applyImport(db, DISTRICT, "annual", fixture("annual-basic.xlsx"), {
      fileName: "annual-basic.xlsx",
    });
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 22, errors: 0 });
    expect(await count(db, "figures")).toBe(figures);
    expect(await count(db, "audit_log")).toBe(audits + 1);
  });

  it("supersedes a corrected value and keeps the old one visible", async () => {
    const file = await workbook([
      ["统一社会信用代码", "年份", "营业收入（万元）", "入库税收（万元）"],
      [A, 2022, 52345.68, 1234.5],
    ]);
    const preview = await previewImport(db, DISTRICT, "annual", file, { fileName: "更正.xlsx" });
    expect(preview.changes).toEqual([
      {
        entity: "figure",
        row: 2,
        creditCode: A,
        enterpriseName: "景德镇甲医药有限公司",
        action: "update",
        year: 2022,
        month: 0,
        metric: "revenue",
        before: "523456700",
        after: "523456800",
      },
    ]);
    expect(preview.summary).toMatchObject({ create: 0, update: 1, unchanged: 1 });
    const result = await applyImport(db, DISTRICT, "annual", file, { fileName: "更正.xlsx" });
    expect(result.written).toBe(true);
    const history = await db.kysely
      .selectFrom("figures as f")
      .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
      .select(["f.id", "f.value", "f.superseded_by", "f.source_ref"])
      .where("e.credit_code", "=", A)
      .where("f.year", "=", 2022)
      .where("f.metric", "=", "revenue")
      .orderBy("f.id")
      .execute();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ value: "52345670000", superseded_by: history[1]?.id });
    expect(history[1]).toMatchObject({ value: "52345680000", superseded_by: null, source_ref: "更正.xlsx" });
  });

  it("reports every kind of bad row with its row number and writes nothing", async () => {
    const figures = await count(db, "figures");
    const result = await applyImport(db, DISTRICT, "annual", fixture("annual-errors.xlsx"));
    expect(result.written).toBe(false);
    const byRow = Object.fromEntries(result.errors.map((e) => [e.row, e]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(byRow[3]).toMatchObject({ columnLetter: "A", field: "creditCode" });
    expect(byRow[3]?.message).toContain("校验位错误");
    expect(byRow[4]).toMatchObject({ column: "营业收入（万元）", columnLetter: "D", field: "revenue" });
    expect(byRow[4]?.message).toContain("不是数字");
    expect(byRow[5]).toMatchObject({ columnLetter: "C", field: "year" });
    expect(byRow[5]?.message).toContain("超出合理范围");
    expect(byRow[6]?.message).toContain("与第2行重复");
    expect(byRow[7]?.message).toContain("缺少必填项：统一社会信用代码");
    expect(byRow[8]?.message).toContain("企业名录中没有");
    expect(byRow[9]).toMatchObject({ columnLetter: "D", field: "revenue" });
    expect(byRow[9]?.message).toContain("精确到分");
    expect(await count(db, "figures")).toBe(figures);
  });

  it("rolls back batches already written when a later row is bad", async () => {
    const figures = await count(db, "figures");
    const audits = await count(db, "audit_log");
    const rows: unknown[][] = [["统一社会信用代码", "年份", "营业收入"]];
    for (let year = 2001; year <= 2010; year++) rows.push([D, year, 100 + year]);
    rows.push([D, 2011, "一百"]);
    const result = await applyImport(db, DISTRICT, "annual", await workbook(rows), { batchSize: 3 });
    expect(result.written).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 12, columnLetter: "C" });
    expect(await count(db, "figures")).toBe(figures);
    expect(await count(db, "audit_log")).toBe(audits);
  });

  it("reads a statistics-bureau monthly report: title, unit line, two-row header, cumulative figures", async () => {
    const progress: number[] = [];
    const result = await applyImport(db, DISTRICT, "monthly", fixture("monthly-bureau.xlsx"), {
      fileName: "monthly-bureau.xlsx",
      onProgress: (rowsRead) => progress.push(rowsRead),
    });
    expect(result.errors).toEqual([]);
    expect(result.layout?.headerRow).toBe(3);
    expect(result.layout?.units).toEqual({ revenue: "千元", tax: "千元" });
    expect(result.layout?.ignoredHeaders).toEqual(["营业收入上年同期", "营业收入增速（%）", "入库税收上年同期"]);
    expect(result.summary).toMatchObject({ rows: 4, create: 8, errors: 0 });
    // January: the cumulative figure itself; February: the difference of the two cumulative figures.
    expect(await currentValue(db, A, 2022, 1, "revenue")).toBe("100050000");
    expect(await currentValue(db, A, 2022, 2, "revenue")).toBe("110020000");
    expect(await currentValue(db, A, 2022, 2, "tax")).toBe("6030000");
    expect(await currentValue(db, B, 2022, 1, "revenue")).toBe("30025000");
    expect(await currentValue(db, B, 2022, 2, "revenue")).toBe("32000000");
    expect(progress.at(-1)).toBe(10);
  });

  it("derives a month from a cumulative figure and the months already stored", async () => {
    const file = await workbook([
      ["单位：千元"],
      ["统一社会信用代码", "企业名称", "营业收入（1-3月）"],
      [A, "甲", 3000.7],
      [C, "丙", 10],
    ]);
    const result = await previewImport(db, DISTRICT, "monthly", file, { year: 2022 });
    expect(result.errors).toEqual([expect.objectContaining({ row: 4, columnLetter: "C", field: "revenue" })]);
    expect(result.errors[0]?.message).toContain("缺少1、2月");
    expect(result.changes).toEqual([
      expect.objectContaining({ row: 3, month: 3, metric: "revenue", before: null, after: "900000" }),
    ]);
  });

  it("reads retyped files: rich text, full-width spaces, lower case, separators, dates as text", async () => {
    const result = await previewImport(db, DISTRICT, "annual", fixture("annual-messy.xlsx"));
    expect(result.errors).toEqual([]);
    expect(result.layout?.units).toEqual({ revenue: "万元", tax: "千元" });
    expect(result.layout?.ignoredHeaders).toEqual(["序号"]);
    // Each value equals what annual-basic.xlsx stored, written another way; only A's revenue
    // differs from the corrected value now in force.
    expect(result.changes).toEqual([
      expect.objectContaining({
        creditCode: A,
        metric: "revenue",
        action: "update",
        before: "523456800",
        after: "523456700",
      }),
    ]);
    expect(result.summary).toMatchObject({ rows: 3, create: 0, update: 1, unchanged: 5, errors: 0 });
  });

  it("rejects months outside 1–12, a file without a header, and a file that is not a workbook", async () => {
    const months = await previewImport(
      db,
      DISTRICT,
      "monthly",
      await workbook([
        ["统一社会信用代码", "年份", "月份", "营业收入"],
        [A, 2022, 13, 1],
        [A, 2022, "6月", 1],
        [A, "2022年", 0, 1],
      ]),
    );
    expect(months.errors.map((e) => [e.row, e.columnLetter, e.field])).toEqual([
      [2, "C", "month"],
      [4, "C", "month"],
    ]);
    expect(months.errors[0]?.message).toContain("1–12");

    const noHeader = await previewImport(
      db,
      DISTRICT,
      "annual",
      await workbook([
        ["企业", "收入"],
        ["甲", 1],
      ]),
    );
    expect(noHeader.errors).toEqual([expect.objectContaining({ row: 0 })]);
    expect(noHeader.errors[0]?.message).toContain("未找到表头");

    const notXlsx = await previewImport(db, DISTRICT, "annual", Buffer.from("统一社会信用代码,年份\n"));
    expect(notXlsx.errors[0]?.message).toContain("无法读取文件");
  });

  it("keeps districts apart: another district's register does not know these enterprises", async () => {
    const file = await workbook([
      ["统一社会信用代码", "年份", "营业收入"],
      [A, 2022, 1],
    ]);
    const result = await previewImport(db, OTHER_DISTRICT, "annual", file);
    expect(result.errors[0]?.message).toContain("企业名录中没有");
  });

  it("imports a filled-in downloaded template", async () => {
    const template = await buildImportTemplate("monthly");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["统一社会信用代码", "企业名称", "年份", "月份", "营业收入"]);
    const row = sheet.getRow(4);
    row.getCell(1).value = withCheckCharacter("91360202MA35A1B5F");
    row.getCell(3).value = 2023;
    row.getCell(4).value = 7;
    row.getCell(5).value = 12.34;
    row.commit();
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const result = await applyImport(db, DISTRICT, "monthly", filled, { fileName: "模板.xlsx" });
    expect(result.errors).toEqual([]);
    expect(result.layout?.headerRow).toBe(3);
    expect(await currentValue(db, D, 2023, 7, "revenue")).toBe("12340000");
  });

  it("refuses a register row whose town is unknown, naming the row and column", async () => {
    const file = await workbook([
      ["统一社会信用代码", "企业名称", "所属乡镇（街道）", "产业链", "规上状态"],
      [E, "戊公司", "不存在镇", "生物医药", "规上"],
    ]);
    const result = await applyImport(db, DISTRICT, "register", file, { year: 2023 });
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 2,
        columnLetter: "C",
        field: "town",
        message: "系统中没有名为“不存在镇”的乡镇（街道）",
      }),
    ]);
  });

  it("finds a repeated row in a later batch and names the first one; a row with no figures is skipped", async () => {
    const figures = await count(db, "figures");
    const rows: unknown[][] = [
      ["统一社会信用代码", "年份", "月份", "营业收入（元）"],
      [A, 2024, 1, 10],
      [B, 2024, 1, 20],
      [A, 2024, 2, 11],
      [B, 2024, 2, 21],
      [A, 2024, 1, 99],
      [B, 2024, 2, null],
    ];
    const result = await applyImport(db, DISTRICT, "monthly", await workbook(rows), { batchSize: 2 });
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 6,
        columnLetter: "A",
        message: `与第2行重复：同一企业同一年份同一月份只能有一行（${A}）`,
      }),
    ]);
    expect(result.summary).toMatchObject({ rows: 5, errors: 1 });
    expect(await count(db, "figures")).toBe(figures);

    const register = await previewImport(
      db,
      DISTRICT,
      "register",
      await workbook([
        ["统一社会信用代码", "企业名称"],
        [E, "戊公司"],
        [A, "景德镇甲医药有限公司"],
        [E, "戊公司"],
      ]),
      { batchSize: 1 },
    );
    expect(register.errors).toEqual([
      expect.objectContaining({ row: 4, message: `与第2行重复：同一企业只能有一行（${E}）` }),
    ]);
  });

  it("registers enterprises from a figures file only when asked, and writes none of them when a later batch fails", async () => {
    const [F, G] = [withCheckCharacter("91360202MA38R0T01"), withCheckCharacter("91360202MA38R0T02")];
    const rows: unknown[][] = [
      ["统一社会信用代码", "企业名称", "国民经济行业代码", "所属乡镇", "年份", "营业收入"],
      [F, "景德镇己制药有限公司", "C2720", "丽阳镇", 2023, 10],
      [G, "景德镇庚电子有限公司", "3982", null, 2023, 20],
      [F, "景德镇己制药有限公司", "C2720", "丽阳镇", 2023, 30],
    ];
    const before = {
      enterprises: await count(db, "enterprises"),
      figures: await count(db, "figures"),
      audits: await count(db, "audit_log"),
    };
    const refused = await previewImport(db, DISTRICT, "annual", await workbook(rows.slice(0, 3)));
    expect(refused.errors.map((error) => [error.row, error.field])).toEqual([
      [2, "creditCode"],
      [3, "creditCode"],
    ]);
    expect(refused.unregistered).toBeUndefined();

    // Batches of one: F is written in the first batch, and the duplicate in the last one undoes it all.
    const failed = await applyImport(db, DISTRICT, "annual", await workbook(rows), {
      batchSize: 1,
      registerUnknown: true,
    });
    expect(failed.written).toBe(false);
    expect(failed.errors).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining("与第2行重复") }),
    ]);
    expect(failed.unregistered?.enterprises.map((e) => [e.creditCode, e.chain.id, e.town?.name ?? null])).toEqual([
      [F, "biomedicine", "丽阳镇"],
      [G, "electronics", null],
    ]);
    expect({
      enterprises: await count(db, "enterprises"),
      figures: await count(db, "figures"),
      audits: await count(db, "audit_log"),
    }).toEqual(before);
  });

  it("refuses a later row that places an enterprise registered from the file elsewhere, naming the first row", async () => {
    const H = withCheckCharacter("91360202MA38R0T03");
    const result = await previewImport(
      db,
      DISTRICT,
      "monthly",
      await workbook([
        ["统一社会信用代码", "企业名称", "行业代码", "所属乡镇（街道）", "年份", "月份", "营业收入"],
        [H, "景德镇辛公司", "3971", "丽阳镇", 2023, 1, 10],
        [H, "景德镇辛公司", "3971", "丽阳镇", 2023, 2, 10],
        [H, "景德镇辛公司", "2710", "鲇鱼山镇", 2023, 3, 10],
      ]),
      { batchSize: 2, registerUnknown: true },
    );
    expect(result.errors.map((error) => [error.row, error.field, error.message])).toEqual([
      [4, "industryCode", `行业代码与第2行不一致（${H} 从文件登记为3971，本行为2710）`],
      [4, "town", `所属乡镇（街道）与第2行不一致（${H} 从文件登记为丽阳镇，本行为鲇鱼山镇）`],
    ]);
    expect(result.unregistered?.total).toBe(1);
    expect(result.summary).toMatchObject({ create: 1 + 2, errors: 2 });
  });

  it("derives December from a 1-12月 total when every month before it is stored, and takes it as the year otherwise", async () => {
    const rows: unknown[][] = [["统一社会信用代码", "年份", "月份", "营业收入（元）"]];
    for (let month = 1; month <= 11; month++) rows.push([B, 2019, month, 10]);
    expect((await applyImport(db, DISTRICT, "monthly", await workbook(rows))).written).toBe(true);
    const total = await workbook([
      ["2019年1-12月主要经济指标"],
      ["单位：元"],
      ["统一社会信用代码", "营业收入"],
      [B, 150],
      [C, 150],
    ]);
    const result = await applyImport(db, DISTRICT, "monthly", total);
    expect(result.errors).toEqual([]);
    expect(await currentValue(db, B, 2019, 12, "revenue")).toBe("4000");
    expect(await currentValue(db, B, 2019, 0, "revenue")).toBeUndefined();
    expect(await currentValue(db, C, 2019, 0, "revenue")).toBe("15000");
    expect(await currentValue(db, C, 2019, 12, "revenue")).toBeUndefined();
  });

  it("gives a new enterprise of the register the chain of its industry code when no 产业链 is written", async () => {
    const I = withCheckCharacter("91360202MA38R0T04");
    const result = await applyImport(
      db,
      DISTRICT,
      "register",
      await workbook([
        ["统一社会信用代码", "企业名称", "行业代码", "产业链"],
        [I, "景德镇壬汽车零件有限公司", "3670", null],
      ]),
    );
    expect(result.errors).toEqual([]);
    const row = await db.kysely
      .selectFrom("enterprises")
      .select(["chain_id"])
      .where("credit_code", "=", I)
      .executeTakeFirstOrThrow();
    expect(row.chain_id).toBe("automotive");
    const unknown = await previewImport(
      db,
      DISTRICT,
      "register",
      await workbook([
        ["统一社会信用代码", "企业名称", "产业链"],
        [I, "景德镇壬汽车零件有限公司", "新能源"],
      ]),
    );
    expect(unknown.errors[0]?.message).toBe("无法识别的产业链：新能源（可填：生物医药、电子信息、航空、汽车、其他）");
  });

  it("derives months from cumulative figures across batches, and refuses a gap", async () => {
    const file = await workbook([
      ["单位：元"],
      ["统一社会信用代码", "年份", "月份", "营业收入本年累计"],
      [A, 2025, 1, 100],
      [A, 2025, 2, 250],
      [B, 2025, 1, 40],
      [A, 2025, 3, 450],
      [B, 2025, 3, 90],
    ]);
    const result = await previewImport(db, DISTRICT, "monthly", file, { batchSize: 1 });
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 7,
        field: "revenue",
        message: "营业收入为累计数，同一企业的各月应按月份顺序排列且不缺月：第5行是1月，本行是3月",
      }),
    ]);
    expect(result.changes.map((change) => [change.row, change.creditCode, "after" in change && change.after])).toEqual([
      [3, A, "100"],
      [4, A, "150"],
      [5, B, "40"],
      [6, A, "200"],
    ]);
    expect(await currentValue(db, A, 2025, 2, "revenue")).toBeUndefined();
  });
});
