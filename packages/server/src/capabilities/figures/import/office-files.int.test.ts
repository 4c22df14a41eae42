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

// Packages laid out as Microsoft Excel and WPS Office write them (see test-fixtures/xlsx/office/README.md).
const OFFICE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../test-fixtures/xlsx/office");
const fixture = (name: string) => readFileSync(path.join(OFFICE, name));
const FILES = [
  "excel-register.xlsx",
  "excel-monthly.xlsx",
  "excel-mac-monthly-1904.xlsx",
  "excel-errors.xlsx",
  "wps-annual.xlsx",
];

const DISTRICT = "360202";
const [E1, E2, E3, E4, E5] = [1, 2, 3, 4, 5].map((i) => withCheckCharacter(`91360202MA36K1P0${i}`)) as [
  string,
  string,
  string,
  string,
  string,
];

async function count(db: BeizengDb, table: "figures" | "enterprises" | "audit_log") {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The figures in force, as "CODE year-month metric" → value. */
async function figuresInForce(db: BeizengDb): Promise<Record<string, string>> {
  const rows = await db.kysely
    .selectFrom("figures as f")
    .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
    .select(["e.credit_code", "f.year", "f.month", "f.metric", "f.value"])
    .where("f.superseded_by", "is", null)
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.credit_code} ${r.year}-${r.month} ${r.metric}`, String(r.value)]));
}

describe("office-suite packages open with exceljs's workbook reader too", () => {
  it.each(FILES)("%s", async (name) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fixture(name) as unknown as ArrayBuffer);
    const visible = book.worksheets.filter((sheet) => sheet.state === "visible");
    expect(visible.length).toBeGreaterThan(0);
    expect(visible[0]?.actualRowCount).toBeGreaterThan(1);
  });
});

describe.each(testDatabases())("files written by Excel and WPS, on $name", (database) => {
  let db: BeizengDb;

  beforeAll(async () => {
    db = await database.createMigrated();
    // The district's plan gives its chains (产业链 by name or alias) and places (所属乡镇（街道）).
    await loadPlanIntoDistrict(db, shippedPlan("changjiang-2021-2023"), SYSTEM_ACTOR);
  });
  afterAll(() => db.close());

  it("imports Excel's register: hidden first sheet skipped, phonetic readings, rich text, TRUE/FALSE cells", async () => {
    const preview = await previewImport(db, DISTRICT, "register", fixture("excel-register.xlsx"));
    expect(preview.errors).toEqual([]);
    expect(preview.layout?.headerRow).toBe(2);
    expect(preview.layout?.ignoredHeaders).toEqual(["序号"]);
    // 5 enterprises, 8 scale-status years (状态年份 2023 for each, 纳入年份 for three)
    expect(preview.summary).toMatchObject({ rows: 5, create: 13, update: 0, errors: 0 });
    expect(await count(db, "enterprises")).toBe(0);

    const result = await applyImport(db, DISTRICT, "register", fixture("excel-register.xlsx"), {
      fileName: "excel-register.xlsx",
    });
    expect(result.written).toBe(true);
    const rows = await db.kysely
      .selectFrom("enterprises as e")
      .leftJoin("units as u", "u.id", "e.town_unit_id")
      .select([
        "e.credit_code",
        "e.name",
        "u.name as town",
        "e.chain_id",
        "e.industry_code",
        "e.is_key",
        "e.listing_stage",
      ])
      .orderBy("e.credit_code")
      .execute();
    expect(rows).toEqual([
      {
        credit_code: E1,
        name: "景德镇富士精工有限公司",
        town: "鲇鱼山镇",
        chain_id: "aviation",
        industry_code: "C3741",
        is_key: 1,
        listing_stage: null,
      },
      {
        credit_code: E2,
        name: "景德镇ABB电气有限公司",
        town: "丽阳镇",
        chain_id: "electronics",
        industry_code: "3971",
        is_key: 0,
        listing_stage: null,
      },
      {
        credit_code: E3,
        name: "景德镇丙医药有限公司",
        town: "鲇鱼山镇",
        chain_id: "biomedicine",
        industry_code: "2710",
        is_key: 1,
        listing_stage: "shareholding",
      },
      {
        credit_code: E4,
        name: "景德镇丁汽车部件有限公司",
        town: null,
        chain_id: "automotive",
        industry_code: "C3670",
        is_key: 0,
        listing_stage: null,
      },
      {
        credit_code: E5,
        name: "景德镇戊新材料有限公司",
        town: "丽阳镇",
        chain_id: "other",
        industry_code: "3099",
        is_key: 0,
        listing_stage: null,
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
      // 纳入年份 as a date serial formatted yyyy"年"
      { credit_code: E1, year: 2021, status: "above" },
      { credit_code: E1, year: 2023, status: "above" },
      { credit_code: E2, year: 2023, status: "reserve" },
      { credit_code: E3, year: 2019, status: "above" },
      { credit_code: E3, year: 2023, status: "above" },
      { credit_code: E4, year: 2022, status: "above" },
      { credit_code: E4, year: 2023, status: "above" },
      { credit_code: E5, year: 2023, status: "other" },
    ]);

    const audits = await count(db, "audit_log");
    const again = await applyImport(db, DISTRICT, "register", fixture("excel-register.xlsx"));
    expect(again.summary).toMatchObject({ rows: 5, create: 0, update: 0, errors: 0 });
    expect(await count(db, "audit_log")).toBe(audits);
  });

  it("imports Excel's monthly report: sheet stored before the shared strings, 17-digit numbers, date serials, formulas", async () => {
    const before = await count(db, "figures");
    const result = await applyImport(db, DISTRICT, "monthly", fixture("excel-monthly.xlsx"), {
      fileName: "excel-monthly.xlsx",
    });
    expect(result.errors).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.layout?.headerRow).toBe(3);
    expect(result.layout?.units).toEqual({ revenue: "万元", tax: "万元", profit: "万元", employees: "人" });
    expect(result.layout?.ignoredHeaders).toEqual(["备注"]);
    expect(result.summary).toMatchObject({ rows: 5, create: 18, update: 0, unchanged: 0, errors: 0 });
    expect(await count(db, "figures")).toBe(before + 18);
    const figures = await figuresInForce(db);
    expect(figures).toMatchObject({
      // stored by Excel as 1234.5599999999999: read as the 1234.56 that was typed
      [`${E1} 2023-1 revenue`]: "1234560000",
      [`${E1} 2023-1 tax`]: "56780000",
      [`${E1} 2023-1 profit`]: "120500000",
      [`${E1} 2023-1 employees`]: "356",
      // 报告期 =EOMONTH(C4,1), 营业收入 =ROUND(D4*1.1,2): the cached results
      [`${E1} 2023-2 revenue`]: "1358020000",
      // 1.1000000000000001
      [`${E1} 2023-2 tax`]: "1100000",
      [`${E1} 2023-2 profit`]: "-12500000",
      [`${E1} 2023-2 employees`]: "360",
      [`${E2} 2023-1 revenue`]: "88800000",
      [`${E2} 2023-1 employees`]: "120",
      [`${E2} 2023-2 revenue`]: "90120000",
      [`${E2} 2023-2 tax`]: "3450000",
      [`${E2} 2023-2 profit`]: "0",
      [`${E2} 2023-2 employees`]: "121",
      [`${E3} 2023-2 revenue`]: "52345670000",
      [`${E3} 2023-2 tax`]: "1500010000",
      [`${E3} 2023-2 profit`]: "3000000000",
      [`${E3} 2023-2 employees`]: "88",
    });
    // "-" and a formatted empty cell are no data
    expect(figures[`${E2} 2023-1 tax`]).toBeUndefined();
    expect(figures[`${E2} 2023-1 profit`]).toBeUndefined();
  });

  it("reads the same report saved by Excel for Mac in the 1904 date system as the same months", async () => {
    const figures = await count(db, "figures");
    const audits = await count(db, "audit_log");
    const result = await applyImport(db, DISTRICT, "monthly", fixture("excel-mac-monthly-1904.xlsx"));
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({ rows: 5, create: 0, update: 0, unchanged: 18, errors: 0 });
    expect(await count(db, "figures")).toBe(figures);
    expect(await count(db, "audit_log")).toBe(audits);

    const again = await applyImport(db, DISTRICT, "monthly", fixture("excel-monthly.xlsx"));
    expect(again.summary).toMatchObject({ create: 0, update: 0, unchanged: 18, errors: 0 });
  });

  it("imports WPS's annual report: WPS package, 千元 unit line, 报告期 as a Chinese date and as 2022年度", async () => {
    const before = await count(db, "figures");
    const result = await applyImport(db, DISTRICT, "annual", fixture("wps-annual.xlsx"), {
      fileName: "wps-annual.xlsx",
    });
    expect(result.errors).toEqual([]);
    expect(result.written).toBe(true);
    expect(result.layout?.headerRow).toBe(3);
    expect(result.layout?.units).toEqual({
      revenue: "千元",
      tax: "千元",
      output: "千元",
      value_added: "千元",
      employees: "人",
    });
    expect(result.layout?.ignoredHeaders).toEqual(["序号"]);
    expect(result.summary).toMatchObject({ rows: 4, create: 18, update: 0, unchanged: 0, errors: 0 });
    expect(await count(db, "figures")).toBe(before + 18);
    const figures = await figuresInForce(db);
    expect(figures).toMatchObject({
      [`${E1} 2022-0 revenue`]: "1234560000",
      [`${E1} 2022-0 tax`]: "56789000",
      [`${E1} 2022-0 output`]: "2345600000",
      [`${E1} 2022-0 value_added`]: "567890000",
      [`${E1} 2022-0 employees`]: "356",
      [`${E2} 2022-0 revenue`]: "88880000",
      [`${E2} 2022-0 tax`]: "1234000",
      [`${E2} 2022-0 output`]: "100000000",
      [`${E2} 2022-0 employees`]: "121",
      [`${E3} 2022-0 revenue`]: "5234567000",
      [`${E3} 2022-0 tax`]: "150001000",
      [`${E3} 2022-0 output`]: "6000000000",
      [`${E3} 2022-0 value_added`]: "1500000000",
      [`${E3} 2022-0 employees`]: "88",
      // "1,234.5" typed as text
      [`${E4} 2022-0 revenue`]: "123450000",
      [`${E4} 2022-0 output`]: "200050000",
      [`${E4} 2022-0 value_added`]: "40000000",
      [`${E4} 2022-0 employees`]: "64",
    });
    expect(figures[`${E2} 2022-0 value_added`]).toBeUndefined();
    expect(figures[`${E4} 2022-0 tax`]).toBeUndefined();

    const audits = await count(db, "audit_log");
    const again = await applyImport(db, DISTRICT, "annual", fixture("wps-annual.xlsx"));
    expect(again.summary).toMatchObject({ rows: 4, create: 0, update: 0, unchanged: 18, errors: 0 });
    expect(await count(db, "figures")).toBe(before + 18);
    expect(await count(db, "audit_log")).toBe(audits);
  });

  it("refuses a register name given by a formula without a result rather than storing the formula", async () => {
    // exceljs writes a formula without a cached value, as a file saved without being calculated
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("名录");
    sheet.addRow(["统一社会信用代码", "企业名称", "产业链"]);
    sheet.addRow([E5, { formula: "VLOOKUP(A2,名称表!A:B,2,0)" }, "汽车"]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const result = await applyImport(db, DISTRICT, "register", file);
    expect(result.written).toBe(false);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: "企业名称",
        columnLetter: "B",
        field: "name",
        message:
          "公式 =VLOOKUP(A2,名称表!A:B,2,0) 没有可用的结果（结果为错误值，如 #DIV/0!、#N/A，或文件保存时未计算）",
      },
    ]);
    const stored = await db.kysely
      .selectFrom("enterprises")
      .select(["name", "chain_id"])
      .where("credit_code", "=", E5)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: "景德镇戊新材料有限公司", chain_id: "other" });
  });

  it("reports each bad row of an Excel file with its row, column and reason, and writes nothing", async () => {
    const figures = await count(db, "figures");
    const result = await applyImport(db, DISTRICT, "annual", fixture("excel-errors.xlsx"));
    expect(result.written).toBe(false);
    expect(result.summary.errors).toBe(8);
    expect(result.errors.map((e) => [e.row, e.columnLetter, e.field, e.column])).toEqual([
      [3, "A", "creditCode", "统一社会信用代码"],
      [4, "D", "revenue", "营业收入（万元）"],
      [5, "D", "revenue", "营业收入（万元）"],
      [6, "C", "year", "年份"],
      [7, "D", "revenue", "营业收入（万元）"],
      [8, "E", "tax", "入库税收（万元）"],
      [9, "F", "employees", "从业人员（人）"],
      [10, "D", "revenue", "营业收入（万元）"],
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      "统一社会信用代码被存成了数字，表格软件只保留15位有效数字，末几位已丢失：123602024912347000（请把该列设为文本格式后重新输入）",
      "公式 =D2/0 没有可用的结果（结果为错误值，如 #DIV/0!、#N/A，或文件保存时未计算）",
      "单元格为错误值 #REF!",
      "无法识别的日期：二〇二二年（可写作 2022-12-31、2022年12月、202212 等）",
      "不是数字（千位分隔符位置不对）：1,2345.6",
      "不是数字：TRUE",
      "应为不小于0的整数：12.5",
      "金额 0.30000000000000004（万元）换算成元后超过两位小数，不是精确到分的金额",
    ]);
    expect(await count(db, "figures")).toBe(figures);
  });
});
