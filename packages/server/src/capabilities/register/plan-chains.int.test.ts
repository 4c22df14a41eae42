/**
 * The industry chains of the register are the district's plan's: the test district (990101, chains new-materials,
 * equipment and general) creates, edits, lists and exports enterprises in its own chains, is refused another
 * district's with a Chinese message naming the field and its own chains, and sees every chain named as its plan
 * names it, in the register's export and on the dashboard with its records.
 */
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const TEST_DISTRICT_CHAINS = { "new-materials": "新材料", equipment: "装备制造", general: "其他" } as const;
const code = (serial: number) => withCheckCharacter(`91990101MA${String(serial).padStart(7, "0")}`);

interface Listed {
  items: { id: number; chainId: string }[];
  total: number;
}

async function sheetRows(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    // The cells' array has holes where a cell is empty.
    rows.push(Array.from((row.values as unknown[]).slice(1), (value) => (value == null ? "" : String(value))));
  });
  return rows;
}

describe.each(testDatabases())("the register's chains come from the plan on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let officeB: Session;
  let officeA: Session;
  const ids: Record<keyof typeof TEST_DISTRICT_CHAINS, number> = { "new-materials": 0, equipment: 0, general: 0 };

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    officeB = await loginAs(app, "office-b");
    officeA = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const send = (session: Session, method: "POST" | "PATCH" | "PUT", url: string, payload: object) =>
    app.inject({ method, url, headers: session.headers, payload });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });

  it("creates and edits enterprises in the district's own chains", async () => {
    let serial = 1;
    for (const chainId of Object.keys(ids) as (keyof typeof ids)[]) {
      const created = await send(officeB, "POST", "/api/enterprises", {
        creditCode: code(serial++),
        name: `云溪${TEST_DISTRICT_CHAINS[chainId]}企业`,
        chainId,
      });
      expect(created.statusCode, created.body).toBe(201);
      ids[chainId] = created.json().id;
      expect((await get(officeB, `/api/enterprises/${ids[chainId]}`)).json().chainId).toBe(chainId);
    }
    const moved = await send(officeB, "PATCH", `/api/enterprises/${ids.general}`, { chainId: "equipment" });
    expect(moved.json()).toEqual({ id: ids.general, changed: ["chainId"] });
    const back = await send(officeB, "PATCH", `/api/enterprises/${ids.general}`, { chainId: "general" });
    expect(back.json().changed).toEqual(["chainId"]);
  });

  it("refuses another district's chains in Chinese, naming the field and the plan's chains, and writes nothing", async () => {
    const before = (await get(officeB, "/api/enterprises")).json().total as number;
    for (const chainId of ["biomedicine", "electronics", "aviation", "automotive"]) {
      const refused = await send(officeB, "POST", "/api/enterprises", {
        creditCode: code(90),
        name: "云溪外链企业",
        chainId,
      });
      expect(refused.statusCode).toBe(400);
      const error = refused.json().error as { message: string; details: { path: string; message: string }[] };
      expect(error.message).toBe(
        `字段 chainId：产业链“${chainId}”不在本区方案中，可选：新材料（new-materials）、装备制造（equipment）、其他（general）`,
      );
      expect(error.details).toEqual([{ path: "chainId", message: expect.stringContaining("新材料") }]);
    }
    expect((await get(officeB, "/api/enterprises")).json().total).toBe(before);

    const edit = await send(officeB, "PATCH", `/api/enterprises/${ids.equipment}`, {
      name: "不应保存的名称",
      chainId: "aviation",
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.message).toContain("字段 chainId：产业链“aviation”不在本区方案中");
    const unchanged = (await get(officeB, `/api/enterprises/${ids.equipment}`)).json();
    expect(unchanged).toMatchObject({ name: "云溪装备制造企业", chainId: "equipment" });

    // A chain id not written the plan's way is refused by its form before any plan is read.
    const badForm = await send(officeB, "POST", "/api/enterprises", {
      creditCode: code(91),
      name: "x",
      chainId: "New Materials",
    });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().error.message).toContain("chainId");

    // Changjiang's office, for its part, may not use the test district's chains, and may use its own.
    const crossed = await send(officeA, "POST", "/api/enterprises", {
      creditCode: withCheckCharacter("91360202MA3500090"),
      name: "景德镇新材料企业",
      chainId: "new-materials",
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error.message).toContain("生物医药（biomedicine）");
    const own = await send(officeA, "POST", "/api/enterprises", {
      creditCode: withCheckCharacter("91360202MA3500090"),
      name: "景德镇生物医药企业",
      chainId: "biomedicine",
    });
    expect(own.statusCode).toBe(201);
  });

  it("keeps an enterprise recorded under a chain the plan no longer lists editable, counted in the plan's other chain", async () => {
    // The shared fixture records the test district's enterprise under a chain its plan does not have.
    const edited = await send(officeB, "PATCH", `/api/enterprises/${world.enterpriseB}`, {
      name: "云溪丙制造有限公司（更名）",
      chainId: "electronics",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().changed).toEqual(["name"]);
  });

  it("lists by the plan's chains and names a chain it does not have", async () => {
    const byChain = async (chain: string) =>
      ((await get(officeB, `/api/enterprises?chain=${chain}`)).json() as Listed).items.map((item) => item.id);
    expect(await byChain("new-materials")).toEqual([ids["new-materials"]]);
    expect(await byChain("equipment")).toEqual([ids.equipment]);
    expect(await byChain("general")).toEqual([ids.general]);
    const refused = await get(officeB, "/api/enterprises?chain=biomedicine");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("字段 chain：产业链“biomedicine”不在本区方案中");
    expect((await get(officeB, "/api/enterprises/export?chain=aviation")).statusCode).toBe(400);
  });

  it("exports the register with the chains named as the plan names them", async () => {
    const filtered = await get(officeB, "/api/enterprises/export?chain=new-materials");
    expect(filtered.statusCode).toBe(200);
    const filteredRows = await sheetRows(filtered.rawPayload);
    expect(filteredRows[1]?.[0]).toContain("产业链：新材料");
    const header = filteredRows[2] as string[];
    const chainColumn = header.indexOf("产业链");
    expect(chainColumn).toBeGreaterThanOrEqual(0);
    expect(filteredRows.slice(3).map((row) => row[chainColumn])).toEqual(["新材料"]);

    const all = await sheetRows((await get(officeB, "/api/enterprises/export")).rawPayload);
    const names = all.slice(3).map((row) => row[chainColumn]);
    expect(names).toHaveLength(4);
    // The fixture's enterprise outside the plan's chains is shown in the plan's other chain, never by an id.
    expect(new Set(names)).toEqual(new Set(["新材料", "装备制造", "其他"]));
    for (const row of all)
      for (const cell of row) expect(cell).not.toMatch(/new-materials|equipment|general|electronics/);
  });

  it("names the chains on the dashboard and in its records from the plan", async () => {
    const enterprises = [ids["new-materials"], ids.equipment, ids.general, world.enterpriseB];
    for (const [index, id] of enterprises.entries()) {
      const above = await send(officeB, "PUT", `/api/enterprises/${id}/scale-years/2025`, { status: "above" });
      expect(above.statusCode, above.body).toBe(200);
      for (const month of [1, 2, 3]) {
        const figure = await send(officeB, "POST", `/api/enterprises/${id}/figures`, {
          year: 2025,
          month,
          metric: "revenue",
          value: String(1000 + index * 100 + month),
          unit: "万元",
        });
        expect(figure.statusCode, figure.body).toBe(201);
      }
    }
    const dashboard = await get(officeB, "/api/dashboard");
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const body = dashboard.json() as {
      chains: { id: string; name: string; nameEn: string }[];
      byChain: { key: string; name: string; current: string; enterprises: number }[];
    };
    expect(body.chains).toEqual([
      { id: "new-materials", name: "新材料", nameEn: "New materials" },
      { id: "equipment", name: "装备制造", nameEn: "Equipment manufacturing" },
      { id: "general", name: "其他", nameEn: "Other" },
    ]);
    const groups = Object.fromEntries(body.byChain.map((row) => [row.key, row]));
    expect(Object.keys(groups).sort()).toEqual(["equipment", "general", "new-materials"]);
    expect(groups["new-materials"]).toMatchObject({ name: "新材料", enterprises: 1 });
    expect(groups.equipment).toMatchObject({ name: "装备制造", enterprises: 1 });
    // The plan's other chain takes its own enterprise and the one recorded under a chain the plan does not list.
    expect(groups.general).toMatchObject({ name: "其他", enterprises: 2 });

    const records = await get(officeB, "/api/dashboard/records?figure=periodRevenue&chain=general");
    expect(records.statusCode, records.body).toBe(200);
    const set = records.json() as {
      title: string;
      total: string;
      enterprises: { enterpriseId: number; chainId: string; chainName: string }[];
    };
    expect(set.title).toContain("其他");
    expect(set.total).toBe(groups.general?.current);
    expect(set.enterprises.map((e) => e.enterpriseId).sort((a, b) => a - b)).toEqual(
      [ids.general, world.enterpriseB].sort((a, b) => a - b),
    );
    for (const record of set.enterprises) expect(record).toMatchObject({ chainId: "general", chainName: "其他" });
    const equipment = (await get(officeB, "/api/dashboard/records?figure=periodRevenue&chain=equipment")).json();
    expect(equipment.enterprises).toEqual([expect.objectContaining({ chainId: "equipment", chainName: "装备制造" })]);
    const refused = await get(officeB, "/api/dashboard/records?figure=periodRevenue&chain=biomedicine");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("不在本区方案中");
  });
});
