/**
 * The plan's declared facts on SQLite and PostgreSQL (the test district declares electricity use and a
 * smart-factory level): the template carries a column per fact, an import is all or nothing with each
 * problem named by row and column, values show on the enterprise's page and are entered, confirmed and
 * audited, and the reward rule reading electricity use pays from the stored value.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const CODE_B = "91990101MA00XXXX03";

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("计划数据项");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function form(bytes: Buffer, name: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const data = new FormData();
  data.append("file", new Blob([bytes]), name);
  const request = new Request("http://localhost/", { method: "POST", body: data });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  };
}

describe.each(testDatabases())("declared facts on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  beforeAll(async () => {
    ({ db, app, world } = await seededApp(database));
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseB, year: 2023, status: "above" },
        { enterprise_id: world.enterpriseB, year: 2024, status: "above" },
      ])
      .execute();
    office = await loginAs(app, world.users.officeB.username);
  });
  afterAll(() => closeSuite(app, db));

  const upload = async (bytes: Buffer, name = "数据项.xlsx") => {
    const body = await form(bytes, name);
    return app.inject({
      method: "POST",
      url: "/api/imports/declared-facts",
      headers: { ...office.headers, ...body.headers },
      payload: body.payload,
    });
  };
  const page = async () =>
    (await app.inject({ url: `/api/enterprises/${world.enterpriseB}/declared-facts`, headers: office.headers })).json();

  it("gives a template with a column per declared fact", async () => {
    const response = await app.inject({ url: "/api/imports/declared-facts/template", headers: office.headers });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "统一社会信用代码",
      "企业名称",
      "年度",
      "年用电量（千瓦时）",
      "智能工厂认定级别（省级/市级）",
    ]);
  });

  it("refuses a file with any bad cell, naming row and column, and writes nothing", async () => {
    const response = await upload(
      await workbook([
        ["统一社会信用代码", "企业名称", "年度", "年用电量（千瓦时）", "智能工厂认定级别（省级/市级）"],
        [CODE_B, "云溪丙制造有限公司", 2024, "一千万", "省级"],
        [CODE_B, "云溪丙制造有限公司", 2023, 900, "国家级"],
        ["91990101MA00XXXX99", "未登记", 2024, 5, null],
      ]),
    );
    expect(response.statusCode).toBe(400);
    const message = response.json().error.message as string;
    expect(message).toContain("第2行 D列（年用电量）：不是十进制数");
    expect(message).toContain("第3行 E列（智能工厂认定级别）：不是可选的类别");
    expect(message).toContain("第4行 A列（统一社会信用代码）：企业“91990101MA00XXXX99”未登记");
    expect((await page()).values).toEqual([]);
  });

  it("imports a good file, shows its values on the enterprise's page, audited", async () => {
    const response = await upload(
      await workbook([
        ["统一社会信用代码", "企业名称", "年度", "年用电量（千瓦时）", "智能工厂认定级别（省级/市级）"],
        [CODE_B, "云溪丙制造有限公司", 2024, 12000000.5, "省级"],
        [CODE_B, "云溪丙制造有限公司", 2023, 800000, null],
      ]),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rows: 2, values: 3, enterprises: 1 });
    const shown = await page();
    expect(shown.facts.map((fact: { name: string }) => fact.name)).toEqual(["年用电量", "智能工厂认定级别"]);
    expect(
      shown.values.map((value: { periodLabel: string; shown: string; sourceKind: string }) => [
        value.periodLabel,
        value.shown,
        value.sourceKind,
      ]),
    ).toEqual([
      ["2024年", "12,000,000.50 千瓦时", "import"],
      ["2024年", "省级", "import"],
      ["2023年", "800,000 千瓦时", "import"],
    ]);
    const audited = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "declared_fact_value")
      .execute();
    expect(audited).toHaveLength(3);
  });

  it("enters a correction and confirms it; refuses a value that is not a number", async () => {
    const url = `/api/enterprises/${world.enterpriseB}/declared-facts`;
    const bad = await app.inject({
      method: "PUT",
      url,
      headers: office.headers,
      payload: { fact: "electricityUse", year: 2023, value: "8e5" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("年用电量：不是十进制数");
    const entered = await app.inject({
      method: "PUT",
      url,
      headers: office.headers,
      payload: { fact: "electricityUse", year: 2023, value: "820000" },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json()).toMatchObject({ shown: "820,000 千瓦时", sourceKind: "entry", confirmed: false });
    const confirmed = await app.inject({
      method: "POST",
      url: `${url}/confirm`,
      headers: office.headers,
      payload: { fact: "electricityUse", year: 2023 },
    });
    expect(confirmed.json()).toMatchObject({ confirmed: true });
  });

  it("pays the electricity-use reward from the stored value", async () => {
    const started = await app.inject({
      method: "POST",
      url: "/api/rewards/batches",
      headers: office.headers,
      payload: { year: 2024 },
    });
    expect(started.statusCode, started.body).toBe(202);
    for (let attempt = 0; attempt < 400; attempt++) {
      const batch = (
        await app.inject({ url: `/api/rewards/batches/${started.json().id}`, headers: office.headers })
      ).json();
      if (batch.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // The batch's background job is marked finished just after the batch: its watcher polls up to every 250 ms
    // and must see it before the suite closes the database.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const list = (
      await app.inject({ url: "/api/rewards/entitlements?year=2024&rule=R-POWER&pageSize=50", headers: office.headers })
    ).json();
    expect(list.items.map((item: { amountFen: string }) => item.amountFen)).toEqual(["3000000"]);
    const detail = await app.inject({ url: `/api/rewards/entitlements/${list.items[0].id}`, headers: office.headers });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.body).toContain("年用电量");
  });
});
