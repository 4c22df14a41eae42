/**
 * Every .xlsx download of the product, on SQLite and PostgreSQL, over the demo district with hostile
 * text typed into it (an enterprise, a project, a request, a task, a grant, a tech project, bank
 * fields): each such cell comes back as a string beginning with an apostrophe, no cell is a formula,
 * no text cell starts a formula, and numbers stay numbers.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../demo/load-demo";
import { loginAs, type Session, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";

const HYPERLINK = '=HYPERLINK("http://evil","x")';
const AT_SUM = "@SUM(1)";
const PLUS_ONE = "+1";
const MINUS_SUM = "-1+2";

/** What a spreadsheet would start a formula from (OWASP's characters), with or without white space before. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

interface ReadSheet {
  texts: string[];
  book: ExcelJS.Workbook;
}

/** Opens a downloaded .xlsx and checks every cell: no formula, no text that would start one. */
async function readInert(response: LightMyRequestResponse): Promise<ReadSheet> {
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers["content-type"]).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(response.rawPayload as never);
  const texts: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const where = `${sheet.name}!${cell.address}`;
        expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
        if (cell.type === ExcelJS.ValueType.String) texts.push(cell.value as string);
        if (cell.type === ExcelJS.ValueType.RichText)
          texts.push((cell.value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join(""));
      });
    });
  });
  for (const text of texts) expect(text).not.toMatch(FORMULA_START);
  return { texts, book };
}

/** The hostile texts, each written exactly as the given cell text (a string with a leading apostrophe). */
function expectCells(sheet: ReadSheet, cells: string[]) {
  for (const cell of cells) {
    expect(cell.startsWith("'"), cell).toBe(true);
    expect(sheet.texts, cell).toContain(cell);
  }
}

describe.each(testDatabases())("spreadsheet exports with formula-like text on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let enterprise: Session;
  /** The enterprise of an open revenue warning, renamed to HYPERLINK. */
  let warned: number;
  /** The demo enterprise account's own enterprise (above scale every year), renamed to PLUS_ONE. */
  let own: number;
  /** The reserve pool's most likely enterprise, renamed to MINUS_SUM. */
  let reserve: number;
  let project: number;

  const get = (url: string, session: Session = office) => app.inject({ url, headers: session.headers });
  async function send(session: Session, method: "POST" | "PATCH", url: string, payload: object) {
    const response = await app.inject({ method, url, headers: session.headers, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }

  beforeAll(async () => {
    db = await database.createMigrated();
    expect((await loadDemo(db)).status).toBe("loaded");
    app = await testApp(db);
    office = await loginAs(app, "demo-office", "Office2021demo");
    enterprise = await loginAs(app, "demo-enterprise", "Enterprise2021demo");

    const account = await db.kysely
      .selectFrom("users")
      .select("enterprise_id")
      .where("username", "=", "demo-enterprise")
      .executeTakeFirstOrThrow();
    own = account.enterprise_id!;
    const warnings = (await get("/api/monitoring/warnings?status=open")).json().items as {
      enterprise: { id: number };
    }[];
    warned = warnings.find((warning) => warning.enterprise.id !== own)!.enterprise.id;
    const dashboard = (await get("/api/dashboard")).json() as { reservePool: { top: { enterpriseId: number }[] } };
    reserve = dashboard.reservePool.top.find(
      (row) => row.enterpriseId !== own && row.enterpriseId !== warned,
    )!.enterpriseId;

    await send(office, "PATCH", `/api/enterprises/${warned}`, { name: HYPERLINK });
    await send(office, "PATCH", `/api/enterprises/${own}`, { name: PLUS_ONE });
    await send(office, "PATCH", `/api/enterprises/${reserve}`, { name: MINUS_SUM });
    const thisYear = new Date().getFullYear();
    await send(office, "POST", `/api/enterprises/${warned}/grants`, {
      code: "G-INJECT",
      year: thisYear,
      level: "provincial",
      purpose: "project",
      amount: "10",
      note: AT_SUM,
    });
    await send(office, "POST", `/api/enterprises/${warned}/tech-projects`, {
      code: "T-INJECT",
      name: PLUS_ONE,
      year: thisYear,
      investment: "500",
      equipmentInvoices: "300",
      techFundsReceived: false,
    });
    await send(enterprise, "POST", "/api/enterprise-requests", {
      category: "approval",
      title: MINUS_SUM,
      content: HYPERLINK,
      contactName: AT_SUM,
      contactPhone: "0798-8888888",
    });
    const created = await send(office, "POST", "/api/projects", {
      name: AT_SUM,
      investor: HYPERLINK,
      chainId: "electronics",
      plannedInvestmentFen: "200000000000",
      manufacturing: true,
      location: MINUS_SUM,
    });
    project = created.id;
    const unit = await db.kysely
      .selectFrom("units")
      .select("id")
      .where("code", "=", "commerce-bureau")
      .executeTakeFirstOrThrow();
    await send(office, "POST", `/api/projects/${project}/blockers`, {
      category: "land",
      description: PLUS_ONE,
      unitId: unit.id,
      dueOn: `${thisYear + 1}-01-31`,
    });
    const tasks = (await get("/api/tasks")).json().items as { id: number }[];
    await send(office, "PATCH", `/api/tasks/${tasks[0]!.id}`, { title: HYPERLINK });
    // Bank fields are typed by the enterprise when it confirms; a paid entitlement keeps what was typed.
    const paid = await db.kysely
      .selectFrom("reward_entitlements")
      .select("id")
      .where("status", "=", "paid")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ bank_account_name: MINUS_SUM, bank_name: AT_SUM, bank_account_no: "+86 1234" })
      .where("id", "=", paid.id)
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("the register's exports: the enterprise list, an enterprise's figures, grants and tech projects, warnings", async () => {
    expectCells(await readInert(await get("/api/enterprises/export?pageSize=500")), [
      `'${HYPERLINK}`,
      `'${PLUS_ONE}`,
      `'${MINUS_SUM}`,
    ]);
    expectCells(await readInert(await get(`/api/enterprises/${warned}/figures/export`)), [`'${HYPERLINK} 经营数据`]);
    expectCells(await readInert(await get(`/api/enterprises/${warned}/grants/export`)), [
      `'${HYPERLINK} 扶持资金`,
      `'${AT_SUM}`,
    ]);
    expectCells(await readInert(await get(`/api/enterprises/${warned}/tech-projects/export`)), [
      `'${HYPERLINK} 技改项目`,
      `'${PLUS_ONE}`,
    ]);
    const warnings = await readInert(await get("/api/monitoring/warnings/export?status=open"));
    expectCells(warnings, [`'${HYPERLINK}`]);
    // The shares stay numbers.
    const sheet = warnings.book.worksheets[0]!;
    const drops = sheet.getColumn(6).values.slice(4);
    expect(drops.length).toBeGreaterThan(0);
    for (const drop of drops) expect(typeof drop).toBe("number");
  });

  it("requests, tasks, projects and their problems", async () => {
    expectCells(await readInert(await get("/api/enterprise-requests/export")), [
      `'${PLUS_ONE}`,
      `'${MINUS_SUM}`,
      `'${HYPERLINK}`,
    ]);
    // The enterprise's own export of its requests goes through the same writer.
    expectCells(await readInert(await get("/api/enterprise-requests/export", enterprise)), [`'${MINUS_SUM}`]);
    expectCells(await readInert(await get("/api/tasks/export")), [`'${HYPERLINK}`]);
    expectCells(await readInert(await get("/api/projects/export")), [`'${AT_SUM}`, `'${HYPERLINK}`, `'${MINUS_SUM}`]);
    await readInert(await get("/api/projects/export?template=1"));
    expectCells(await readInert(await get("/api/project-blockers/export")), [`'${AT_SUM}`, `'${PLUS_ONE}`]);
  });

  it("the reward payment list: bank fields neutralised, amounts still numbers", async () => {
    const payments = await readInert(await get("/api/rewards/exports/payments.xlsx"));
    expectCells(payments, [`'${MINUS_SUM}`, `'${AT_SUM}`, "'+86 1234"]);
    const sheet = payments.book.worksheets[0]!;
    let amounts = 0;
    sheet.eachRow((row, number) => {
      if (number <= 3) return;
      const amount = row.getCell(7).value;
      if (amount !== null) {
        expect(typeof amount, `row ${number}`).toBe("number");
        amounts++;
      }
    });
    expect(amounts).toBeGreaterThan(1);
  });

  it("the dashboard's charts and drill-downs and the targets' records", async () => {
    for (const chart of ["cards", "revenueYears", "revenueByMonth", "byChain", "byTown", "projectFunnel"])
      await readInert(await get(`/api/dashboard/export?chart=${chart}`));
    expectCells(await readInert(await get("/api/dashboard/export?chart=reservePool")), [`'${MINUS_SUM}`]);
    expectCells(await readInert(await get("/api/dashboard/records?figure=reserve&format=xlsx")), [`'${MINUS_SUM}`]);
    expectCells(await readInert(await get("/api/dashboard/records?figure=projects&format=xlsx")), [`'${AT_SUM}`]);
    const counted = await readInert(await get("/api/dashboard/records?figure=aboveScaleCount&year=2022&format=xlsx"));
    expectCells(counted, [`'${PLUS_ONE}`]);
    expectCells(await readInert(await get("/api/targets/G1/records?year=2022&format=xlsx")), [`'${PLUS_ONE}`]);

    // A net change of −1 is a number written as a number: left as it is.
    const net = (await get("/api/targets/G3-NET/records?year=2022")).json() as { enterprises: { value: string }[] };
    const netSheet = (await readInert(await get("/api/targets/G3-NET/records?year=2022&format=xlsx"))).book
      .worksheets[0]!;
    const values = netSheet.getColumn(6).values.slice(3);
    expect(values).toEqual(net.enterprises.map((entry) => Number(entry.value)));
    expect(values).toContain(-1);
  });

  it("the import templates", async () => {
    for (const kind of ["annual", "monthly", "register"]) await readInert(await get(`/api/imports/templates/${kind}`));
  });
});
