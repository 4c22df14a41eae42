/**
 * The import as a district meets it on day one, through HTTP: a bureau's file whose enterprises are not yet in
 * the register (listed by the preview, registered from the file on request, in the same all-or-nothing apply),
 * the report period read from the title above the table, and a 1-12月 report taken as the year's figures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test-fixtures/xlsx");

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// The enterprises of test-fixtures/xlsx/monthly-year-title.xlsx (saved by LibreOffice), not in any register.
const N1 = "91360202MA37N1R012";
const N2 = "91360202MA37N1R025";
const N3 = "91360202MA37N1R038";
const N4 = "91360202MA37N1R04B";
// Enterprises of the test district (990101), not yet registered.
const [Y1, Y2, Y3, Y4, Y5, Y6, Y7] = [1, 2, 3, 4, 5, 6, 7].map((i) => withCheckCharacter(`91990101MA01Y1R0${i}`)) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
// Enterprises already in each district's register.
const KNOWN_A = withCheckCharacter("91360202MA37K0R01");
const KNOWN_B = withCheckCharacter("91990101MA01K0R02");

describe.each(testDatabases())("importing a district's first files on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let officeA: Session;
  let officeB: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    officeA = await loginAs(app, "office-a");
    officeB = await loginAs(app, "office-b");
    const now = new Date().toISOString();
    const registered = { is_key: 0, is_demo: 0, created_at: now, updated_at: now } as const;
    await db.kysely
      .insertInto("enterprises")
      .values([
        {
          ...registered,
          district_id: world.districtA,
          credit_code: KNOWN_A,
          name: "景德镇已登记有限公司",
          chain_id: "other",
        },
        {
          ...registered,
          district_id: world.districtB,
          credit_code: KNOWN_B,
          name: "云溪已登记有限公司",
          chain_id: "general",
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const upload = async (session: Session, kind: string, bytes: Buffer, fileName: string) => {
    const response = await app.inject({
      method: "POST",
      url: `/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
      headers: { ...session.headers, "content-type": "application/octet-stream" },
      payload: bytes,
    });
    expect(response.statusCode, response.body).toBe(202);
    return job(session, response.json().id);
  };
  const job = async (session: Session, id: string) => {
    const response = await app.inject({ url: `/api/imports/${id}?wait=20`, headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const apply = (session: Session, id: string, body?: object) =>
    app.inject({
      method: "POST",
      url: `/api/imports/${id}/apply`,
      headers: session.headers,
      ...(body ? { payload: body } : {}),
    });

  async function enterprisesOf(districtId: string, codes: string[]) {
    return db.kysely
      .selectFrom("enterprises as e")
      .leftJoin("units as u", "u.id", "e.town_unit_id")
      .select(["e.id", "e.credit_code", "e.name", "e.chain_id", "e.industry_code", "u.name as town"])
      .where("e.district_id", "=", districtId)
      .where("e.credit_code", "in", codes)
      .orderBy("e.credit_code")
      .execute();
  }

  async function figuresOf(codes: string[]) {
    const rows = await db.kysely
      .selectFrom("figures as f")
      .innerJoin("enterprises as e", "e.id", "f.enterprise_id")
      .select(["e.credit_code", "f.year", "f.month", "f.metric", "f.value"])
      .where("e.credit_code", "in", codes)
      .where("f.superseded_by", "is", null)
      .execute();
    return Object.fromEntries(rows.map((r) => [`${r.credit_code} ${r.year}-${r.month} ${r.metric}`, String(r.value)]));
  }

  async function count(table: "enterprises" | "figures" | "audit_log") {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("lists the enterprises of a bureau's 1—12月 report that are not registered, refuses it without the choice, and registers them with their figures in one apply", async () => {
    const bytes = readFileSync(path.join(FIXTURES, "monthly-year-title.xlsx"));
    const previewed = await upload(officeA, "monthly", bytes, "2022年1-12月规上工业.xlsx");
    expect(previewed.status).toBe("previewed");
    const result = previewed.result;
    expect(result.errors).toEqual([]);
    // The period comes from the title: the file has no year, month or period column.
    expect(result.layout.title).toEqual({
      row: 1,
      text: "2022年1—12月昌江区规模以上工业企业主要经济指标",
      year: 2022,
      fromMonth: 1,
      throughMonth: 12,
    });
    const units = await db.kysely
      .selectFrom("units")
      .select(["id", "name"])
      .where("district_id", "=", world.districtA)
      .execute();
    const unitId = (name: string) => units.find((unit) => unit.name === name)?.id;
    expect(result.unregistered).toEqual({
      total: 4,
      enterprises: [
        {
          row: 5,
          creditCode: N1,
          name: "景德镇宏达制药有限公司",
          industryCode: "C2710",
          chain: { id: "biomedicine", name: "生物医药", nameEn: "Biomedicine" },
          town: { id: unitId("鲇鱼山镇"), name: "鲇鱼山镇" },
        },
        {
          row: 6,
          creditCode: N2,
          name: "景德镇华信电子有限公司",
          industryCode: "3971",
          chain: { id: "electronics", name: "电子信息", nameEn: "Electronic information" },
          town: { id: unitId("丽阳镇"), name: "丽阳镇" },
        },
        {
          row: 7,
          creditCode: N3,
          name: "景德镇鹏程航空零部件有限公司",
          industryCode: "C3741",
          chain: { id: "aviation", name: "航空", nameEn: "Aviation" },
          town: null,
        },
        {
          row: 8,
          creditCode: N4,
          name: "景德镇新华陶瓷有限公司",
          industryCode: "C3071",
          // No chain of the plan takes ceramics: the plan's "other" chain.
          chain: { id: "other", name: "其他", nameEn: "Other" },
          town: { id: unitId("西郊街道"), name: "西郊街道" },
        },
      ],
    });
    // Four enterprises, and three figures of each.
    expect(result.summary).toMatchObject({ rows: 4, create: 4 + 12, update: 0, errors: 0 });

    const before = { enterprises: await count("enterprises"), figures: await count("figures") };
    const refused = await apply(officeA, previewed.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `文件中有 4 家企业不在企业名录中：第5行 ${N1}（景德镇宏达制药有限公司）、第6行 ${N2}（景德镇华信电子有限公司）、第7行 ${N3}（景德镇鹏程航空零部件有限公司）、第8行 ${N4}（景德镇新华陶瓷有限公司）。请选择“从文件登记这些企业”后再导入，或先导入企业名录`,
    );
    expect((await job(officeA, previewed.id)).status).toBe("previewed");
    expect({ enterprises: await count("enterprises"), figures: await count("figures") }).toEqual(before);

    const audits = await count("audit_log");
    const applying = await apply(officeA, previewed.id, { registerEnterprises: true });
    expect(applying.statusCode).toBe(202);
    const applied = await job(officeA, previewed.id);
    expect(applied.status).toBe("applied");
    expect(applied.result.written).toBe(true);

    const registered = await enterprisesOf(world.districtA, [N1, N2, N3, N4]);
    expect(registered.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        credit_code: N1,
        name: "景德镇宏达制药有限公司",
        chain_id: "biomedicine",
        industry_code: "C2710",
        town: "鲇鱼山镇",
      },
      {
        credit_code: N2,
        name: "景德镇华信电子有限公司",
        chain_id: "electronics",
        industry_code: "3971",
        town: "丽阳镇",
      },
      {
        credit_code: N3,
        name: "景德镇鹏程航空零部件有限公司",
        chain_id: "aviation",
        industry_code: "C3741",
        town: null,
      },
      { credit_code: N4, name: "景德镇新华陶瓷有限公司", chain_id: "other", industry_code: "C3071", town: "西郊街道" },
    ]);
    // 1-12月 totals with no month before them stored: the year's figures (month 0), in 千元 as the unit line says.
    const figures = await figuresOf([N1, N4]);
    expect(figures).toEqual({
      [`${N1} 2022-0 revenue`]: "5234560000",
      [`${N1} 2022-0 profit`]: "321050000",
      [`${N1} 2022-0 employees`]: "356",
      [`${N4} 2022-0 revenue`]: "880000000",
      [`${N4} 2022-0 profit`]: "-30000000",
      [`${N4} 2022-0 employees`]: "95",
    });
    // Each enterprise's history starts with its registration; the import itself is one more entry.
    const entries = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id", "after_json"])
      .where("id", ">", 0)
      .orderBy("id", "desc")
      .limit(5)
      .execute();
    expect(await count("audit_log")).toBe(audits + 5);
    expect(entries.map((entry) => [entry.action, entry.entity_type])).toEqual([
      ["import", "figures"],
      ["create", "enterprise"],
      ["create", "enterprise"],
      ["create", "enterprise"],
      ["create", "enterprise"],
    ]);
    expect(JSON.parse(entries[0]?.after_json ?? "{}")).toMatchObject({ registeredEnterprises: 4 });
    const n1 = registered.find((row) => row.credit_code === N1);
    expect(entries.some((entry) => entry.entity_id === String(n1?.id))).toBe(true);
    expect(JSON.parse(entries[4]?.after_json ?? "{}")).toMatchObject({
      creditCode: N1,
      chainId: "biomedicine",
      registeredFrom: "2022年1-12月规上工业.xlsx",
    });

    // The same file again: every enterprise known, every figure unchanged.
    const again = await upload(officeA, "monthly", bytes, "2022年1-12月规上工业.xlsx");
    expect(again.result.unregistered).toBeUndefined();
    expect(again.result.summary).toMatchObject({ create: 0, update: 0, unchanged: 12, errors: 0 });
  });

  it("derives the test district's chains from industry codes (or its 产业链 names) and places enterprises in its towns and zone", async () => {
    const previewed = await upload(
      officeB,
      "annual",
      await workbook([
        ["云溪区2023年度规上工业企业主要指标"],
        ["统一社会信用代码", "企业名称", "行业代码", "产业链", "所属乡镇（街道）", "营业收入（万元）"],
        [Y1, "云溪新材科技有限公司", "3011", null, "北山镇", 1200],
        [Y2, "云溪重工装备有限公司", "C3412", null, "云溪高新技术产业园区", 800.5],
        [Y3, "云溪食品有限公司", "1311", null, "东湖街道", 300],
        [Y4, "云溪机电有限公司", null, "装备制造", null, 150],
      ]),
      "云溪2023年报.xlsx",
    );
    expect(previewed.result.errors).toEqual([]);
    expect(previewed.result.layout.title).toMatchObject({ year: 2023, fromMonth: 1, throughMonth: 12 });
    expect(
      previewed.result.unregistered.enterprises.map((e: { creditCode: string; chain: { id: string } }) => [
        e.creditCode,
        e.chain.id,
      ]),
    ).toEqual([
      [Y1, "new-materials"],
      [Y2, "equipment"],
      [Y3, "general"],
      [Y4, "equipment"],
    ]);
    const applying = await apply(officeB, previewed.id, { registerEnterprises: true });
    expect(applying.statusCode).toBe(202);
    expect((await job(officeB, previewed.id)).status).toBe("applied");
    const registered = await enterprisesOf(world.districtB, [Y1, Y2, Y3, Y4]);
    expect(registered.map((row) => [row.credit_code, row.chain_id, row.industry_code, row.town])).toEqual([
      [Y1, "new-materials", "3011", "北山镇"],
      [Y2, "equipment", "C3412", "云溪高新技术产业园区"],
      [Y3, "general", "1311", "东湖街道"],
      [Y4, "equipment", null, null],
    ]);
    expect(await figuresOf([Y2])).toEqual({ [`${Y2} 2023-0 revenue`]: "800500000" });
    // Another district's register is not touched: Changjiang has none of them.
    expect(await enterprisesOf(world.districtA, [Y1, Y2, Y3, Y4])).toEqual([]);
  });

  it("names the rows that cannot be registered from the file, and a chain the plan does not have", async () => {
    const previewed = await upload(
      officeB,
      "annual",
      await workbook([
        ["统一社会信用代码", "企业名称", "年份", "行业代码", "产业链", "所属乡镇（街道）", "营业收入"],
        [Y5, null, 2023, "3011", null, null, 10],
        [Y6, "某公司", 2023, null, "生物医药", null, 10],
        [Y7, "某公司", 2023, "C30X", null, "不存在镇", 10],
      ]),
      "缺项.xlsx",
    );
    const messages = previewed.result.errors.map((error: { row: number; message: string }) => [
      error.row,
      error.message,
    ]);
    expect(messages).toEqual([
      [2, `企业名录中没有统一社会信用代码为 ${Y5} 的企业，从文件登记时需要企业名称：本行企业名称为空`],
      [
        3,
        `企业名录中没有统一社会信用代码为 ${Y6} 的企业（某公司），从文件登记时：无法识别的产业链：生物医药（可填：新材料、装备制造、其他）`,
      ],
      [
        4,
        `企业名录中没有统一社会信用代码为 ${Y7} 的企业（某公司），从文件登记时：行业代码应为门类字母加2–4位数字（GB/T 4754-2017），如 C2710：C30X`,
      ],
      [
        4,
        `企业名录中没有统一社会信用代码为 ${Y7} 的企业（某公司），从文件登记时：系统中没有名为“不存在镇”的乡镇（街道）`,
      ],
    ]);
    expect(previewed.result.unregistered).toBeUndefined();
    const refused = await apply(officeB, previewed.id, { registerEnterprises: true });
    expect(refused.statusCode).toBe(409);
  });

  it("rolls the registrations back with the rest when a row fails while applying", async () => {
    // An enterprise of the register whose January is stored: the file's 本年累计 for February needs it.
    const now = new Date().toISOString();
    const knownB = (await enterprisesOf(world.districtB, [KNOWN_B]))[0];
    const january = await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtB,
        enterprise_id: knownB?.id as number,
        year: 2024,
        month: 1,
        metric: "revenue",
        value: 100n,
        source_kind: "import",
        source_ref: "一月.xlsx",
        official: 1,
        recorded_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const previewed = await upload(
      officeB,
      "monthly",
      await workbook([
        ["单位：元"],
        ["统一社会信用代码", "企业名称", "行业代码", "年份", "月份", "营业收入本年累计"],
        [Y5, "云溪新登记有限公司", "3011", 2024, 1, 500],
        [KNOWN_B, "云溪已登记有限公司", null, 2024, 2, 300],
      ]),
      "二月.xlsx",
    );
    expect(previewed.result.errors).toEqual([]);
    expect(previewed.result.unregistered.total).toBe(1);
    // Meanwhile January is taken back: applying now finds the month missing.
    await db.kysely.deleteFrom("figures").where("id", "=", january.id).execute();
    const before = { enterprises: await count("enterprises"), figures: await count("figures") };
    const audits = await count("audit_log");
    const applying = await apply(officeB, previewed.id, { registerEnterprises: true });
    expect(applying.statusCode).toBe(202);
    const done = await job(officeB, previewed.id);
    expect(done.status).toBe("rejected");
    expect(done.result.written).toBe(false);
    expect(done.result.errors).toEqual([expect.objectContaining({ row: 4, field: "revenue" })]);
    expect(done.result.errors[0].message).toContain("缺少1月");
    expect(await enterprisesOf(world.districtB, [Y5])).toEqual([]);
    expect({ enterprises: await count("enterprises"), figures: await count("figures") }).toEqual(before);
    expect(await count("audit_log")).toBe(audits);
  });

  it("takes a 1-12月 report of an enterprise without its months as the year's figures, and refuses a year column that disagrees with the title", async () => {
    const known = KNOWN_A;
    const previewed = await upload(
      officeA,
      "monthly",
      await workbook([
        ["2023年1-12月规模以上工业企业主要经济指标"],
        ["统一社会信用代码", "企业名称", "营业收入（万元）", "入库税收本年累计（万元）"],
        [known, "景德镇已登记有限公司", 1200, 80.5],
      ]),
      "2023年报.xlsx",
    );
    expect(previewed.result.errors).toEqual([]);
    expect(previewed.result.unregistered).toBeUndefined();
    expect(
      previewed.result.changes.map((change: { month: number; metric: string; after: string }) => [
        change.month,
        change.metric,
        change.after,
      ]),
    ).toEqual([
      [0, "revenue", "12000000"],
      [0, "tax", "805000"],
    ]);
    expect((await apply(officeA, previewed.id)).statusCode).toBe(202);
    expect((await job(officeA, previewed.id)).status).toBe("applied");
    expect(await figuresOf([known])).toMatchObject({
      [`${known} 2023-0 revenue`]: "1200000000",
      [`${known} 2023-0 tax`]: "80500000",
    });

    const disagreeing = await upload(
      officeA,
      "annual",
      await workbook([
        ["2023年1-12月规模以上工业企业主要经济指标"],
        ["统一社会信用代码", "年份", "营业收入"],
        [known, 2022, 1],
      ]),
      "年份不一致.xlsx",
    );
    expect(disagreeing.result.errors).toEqual([
      {
        row: 3,
        column: "年份",
        columnLetter: "B",
        field: "year",
        message: "「年份」为2022年，与表格上方标题「2023年1-12月规模以上工业企业主要经济指标」（第1行）的2023年不一致",
      },
    ]);
  });
});
