/**
 * A partial monthly import on the demo district, on SQLite and PostgreSQL: the dashboards keep to the latest month
 * the office's share of the directory has reported, say how complete it is, show the newer month apart, and
 * compare a year with the one before over the same enterprises.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, jsonReader, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface Coverage {
  year: number;
  month: number;
  reported: number;
  total: number;
  thresholdPermille: number | null;
  reached: boolean;
  partialMonth: { year: number; month: number; reported: number; total: number } | null;
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDatabases())("month coverage of the dashboards on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let leader: Session;
  let aboveScaleCount = 0;

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    leader = await loginAsDemo(app, "demo-leader");
    const read = jsonReader(app, office);
    // One above-scale enterprise of the 2023 directory and one of the reserve pool report January and February 2024.
    const directory = await read("/api/dashboard/records?figure=monthRevenue&year=2023&month=12");
    const reserve = await read("/api/dashboard/records?figure=reserve");
    aboveScaleCount = directory.enterprises.length;
    const reporting = [directory.enterprises[0], reserve.enterprises[0]];
    const rows: unknown[][] = [["统一社会信用代码", "企业名称", "年份", "月份", "营业收入"]];
    for (const enterprise of reporting)
      for (const month of [1, 2]) rows.push([enterprise.creditCode, enterprise.name, 2024, month, "100"]);
    const upload = await app.inject({
      method: "POST",
      url: `/api/imports?kind=monthly&unit=${encodeURIComponent("万元")}&fileName=${encodeURIComponent("月报.xlsx")}`,
      headers: { ...office.headers, "content-type": "application/octet-stream" },
      payload: await workbook(rows),
    });
    expect(upload.statusCode).toBe(202);
    const id = upload.json().id;
    const preview = await read(`/api/imports/${id}?wait=20`);
    expect(preview.status).toBe("previewed");
    // The preview names each enterprise beside its credit code, as the register has it.
    expect(preview.result.changes[0]).toMatchObject({
      creditCode: reporting[0].creditCode,
      enterpriseName: reporting[0].name,
    });
    await app.inject({ method: "POST", url: `/api/imports/${id}/apply`, headers: office.headers });
    expect((await read(`/api/imports/${id}?wait=20`)).status).toBe("applied");
  }, 180_000);
  afterAll(() => closeSuite(app, db));

  const setThreshold = (session: Session, monthCoveragePermille: unknown) =>
    app.inject({
      method: "PUT",
      url: "/api/dashboard/settings",
      headers: session.headers,
      payload: { monthCoveragePermille },
    });

  it("keeps the dashboards at the last month every enterprise reported and shows the partial month apart", async () => {
    const dashboard = await jsonReader(app, leader)("/api/dashboard");
    expect(dashboard.latest).toEqual({ year: 2024, month: 2 });
    expect(dashboard.asOf).toEqual({ year: 2023, month: 12 });
    const coverage = dashboard.coverage as Coverage;
    expect(coverage).toMatchObject({ year: 2023, month: 12, reported: aboveScaleCount, total: aboveScaleCount });
    expect(coverage).toMatchObject({ thresholdPermille: null, reached: true });
    expect(coverage.partialMonth).toEqual({
      year: 2024,
      month: 2,
      directoryYear: 2023,
      reported: 1,
      total: aboveScaleCount,
    });
    // The targets page and the public board stand at the same month.
    expect((await jsonReader(app, leader)("/api/targets")).asOf).toEqual({ year: 2023, month: 12 });
  });

  it("reads the partial month once the office lowers its threshold, compares the same enterprises, and says how few reported", async () => {
    expect((await setThreshold(leader, 10)).statusCode).toBe(403);
    const refused = await setThreshold(office, 0);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await setThreshold(office, 10)).json()).toEqual({ monthCoveragePermille: 10 });

    const dashboard = await jsonReader(app, leader)("/api/dashboard");
    expect(dashboard.asOf).toEqual({ year: 2024, month: 2 });
    expect(dashboard.coverage).toMatchObject({ reported: 1, total: aboveScaleCount, thresholdPermille: 10 });
    expect(dashboard.coverage.partialMonth).toBeNull();
    const months = dashboard.revenueByMonth;
    expect(months.yearToDate).toBe("200000000"); // 200 万元 in fen: the one above-scale enterprise's two months
    // 同比 over the one enterprise that reported both years, not against the whole directory of 2023.
    expect(months.comparable.enterprises).toBe(1);
    expect(months.comparable.yearToDate).toBe("200000000");
    const growth = Number(months.growthMillionths) / 1_000_000;
    const expected =
      (Number(months.comparable.yearToDate) - Number(months.comparable.samePeriodLastYear)) /
      Number(months.comparable.samePeriodLastYear);
    expect(growth).toBeCloseTo(expected, 5);
    expect(Number(months.samePeriodLastYear)).toBeGreaterThan(Number(months.comparable.samePeriodLastYear));
    // A chain's previous figure is its reporting enterprises' only.
    const reportedChains = dashboard.byChain.filter((row: { reported: number }) => row.reported > 0);
    expect(reportedChains).toHaveLength(1);
    expect(reportedChains[0].previous).toBe(months.comparable.samePeriodLastYear);

    const audit = await db.kysely
      .selectFrom("audit_log")
      .select("entity_type")
      .where("entity_type", "=", "dashboard_settings")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    await setThreshold(office, 1000);
    expect((await jsonReader(app, leader)("/api/dashboard")).asOf).toEqual({ year: 2023, month: 12 });
  });

  it("tells the public board's readers how complete its month is", async () => {
    await app.inject({
      method: "PUT",
      url: "/api/board/publication",
      headers: office.headers,
      payload: { published: true },
    });
    const board = await jsonReader(app, null)("/api/public/board");
    expect(board.asOf).toEqual({ year: 2023, month: 12 });
    expect(board.coverage).toMatchObject({ reported: aboveScaleCount, total: aboveScaleCount });
    expect(board.coverage.partialMonth).toMatchObject({ year: 2024, month: 2, reported: 1 });
  });
});
