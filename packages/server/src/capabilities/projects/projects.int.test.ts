/**
 * The project pipeline through the HTTP API, on SQLite and PostgreSQL: who may write, the
 * lifecycle rules, late status, problems, leaders' decisions, the counts toward the targets, the
 * fixed-asset totals and the all-or-nothing import.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { todayInDistrict } from "./projects.service";

function daysAgo(days: number): string {
  const date = new Date(`${todayInDistrict()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function workbook(rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("项目");
  sheet.addRow(["项目库导入"]);
  sheet.addRow([
    "项目编号",
    "项目名称",
    "投资方",
    "产业链",
    "计划总投资（万元）",
    "已完成投资（万元）",
    "制造业项目",
    "牵头单位",
    "项目阶段",
    "阶段到达日期",
  ]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
}

describe.each(testDatabases())("projects on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let commerce: Session;
  let office: Session;
  let leader: Session;
  let otherLeader: Session;
  let statistics: Session;
  let inspector: Session;
  let statisticsUnitId: number;

  const base = {
    name: "高端电子元器件产业园",
    investor: "某电子集团",
    chainId: "electronics",
    plannedInvestmentFen: "200000000000", // 20亿元: exactly the "20 project" threshold
    manufacturing: true,
    location: "鱼丽工业平台",
  };

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    statisticsUnitId = await unitIdOf(db, world.districtA, "statistics-bureau");
    await addAccount(db, world.districtA, "stats-a", "unit", { unitId: statisticsUnitId });
    await addAccount(db, world.districtA, "leader-a2", "leader");
    commerce = await loginAs(app, "unit-a");
    office = await loginAs(app, "office-a");
    leader = await loginAs(app, "leader-a");
    otherLeader = await loginAs(app, "leader-a2");
    statistics = await loginAs(app, "stats-a");
    inspector = await loginAs(app, "inspector-a");
  });
  afterAll(() => closeSuite(app, db));

  async function create(session: Session, payload: Record<string, unknown>) {
    return app.inject({
      method: "POST",
      url: "/api/projects",
      headers: session.headers,
      payload: { ...base, ...payload },
    });
  }

  it("lets the pipeline unit create a project whose category is derived, and audits it", async () => {
    const response = await create(commerce, { leaderUserId: world.users.leader.id });
    expect(response.statusCode).toBe(201);
    const project = response.json();
    expect(project.category).toBe("20");
    expect(project.stage).toBe("planning");
    expect(project.code).toMatch(/^XM\d{4}-\d{3}$/);
    expect(project.leader).toEqual({ id: world.users.leader.id, name: "leader-a" });
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "actor_label"])
      .where("entity_type", "=", "project")
      .where("entity_id", "=", String(project.id))
      .execute();
    expect(audit).toEqual([{ action: "create", actor_label: "unit-a" }]);
    const lower = await create(office, { plannedInvestmentFen: "199999999999" });
    expect(lower.json().category).toBe("industrial");
  });

  it("refuses writers outside the pipeline units, leaders and the inspector", async () => {
    const byStatistics = await create(statistics, {});
    expect(byStatistics.statusCode).toBe(403);
    expect(byStatistics.json().error.message).toContain("牵头单位");
    expect((await create(leader, {})).statusCode).toBe(403);
    expect((await create(inspector, {})).statusCode).toBe(403);
    const invalid = await create(commerce, {
      name: "",
      plannedInvestmentFen: "-5",
      leaderUserId: world.users.office.id,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain("项目名称");
    const notLeader = await create(commerce, { leaderUserId: world.users.office.id });
    expect(notLeader.statusCode).toBe(400);
    expect(notLeader.json().error.message).toContain("挂点领导");
  });

  it("moves a project forward, back only with a reason, and records the years", async () => {
    const project = (await create(commerce, { name: "生命周期测试项目" })).json();
    const move = (payload: Record<string, unknown>, session = commerce) =>
      app.inject({ method: "POST", url: `/api/projects/${project.id}/stage`, headers: session.headers, payload });
    const signed = await move({ stage: "signed", reachedOn: todayInDistrict() });
    expect(signed.statusCode).toBe(200);
    const year = Number(todayInDistrict().slice(0, 4));
    expect(signed.json().introducedYear).toBe(year);
    expect(signed.json().stages.map((s: { reachedOn: string | null }) => s.reachedOn !== null)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    const noReason = await move({ stage: "negotiation" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain("原因");
    expect((await move({ stage: "production" }, inspector)).statusCode).toBe(403);
    const production = await move({ stage: "production" });
    expect(production.json().productionYear).toBe(year);
    const back = await move({ stage: "construction", reason: "投产验收未通过" });
    expect(back.statusCode).toBe(200);
    expect(back.json().productionYear).toBeNull();
    expect(back.json().introducedYear).toBe(year);
    const detail = (await app.inject({ url: `/api/projects/${project.id}`, headers: inspector.headers })).json();
    expect(detail.moves.map((m: { toStage: string }) => m.toStage)).toEqual([
      "planning",
      "signed",
      "production",
      "construction",
    ]);
    expect(detail.moves[3].reason).toBe("投产验收未通过");
    expect(detail.canWrite).toBe(false);
  });

  it("flags a project yellow within 30 days after a planned date and red after", async () => {
    const yellow = (await create(commerce, { name: "略有延误项目", plannedDates: { signed: daysAgo(10) } })).json();
    const red = (await create(commerce, { name: "严重延误项目", plannedDates: { signed: daysAgo(40) } })).json();
    expect(yellow.schedule).toMatchObject({ status: "yellow", lateStage: "signed", daysLate: 10 });
    expect(red.schedule).toMatchObject({ status: "red", daysLate: 40 });
    const reds = (await app.inject({ url: "/api/projects?status=red", headers: office.headers })).json();
    expect(reds.items.map((p: { id: number }) => p.id)).toEqual([red.id]);
    const moved = await app.inject({
      method: "POST",
      url: `/api/projects/${red.id}/stage`,
      headers: commerce.headers,
      payload: { stage: "signed" },
    });
    expect(moved.json().schedule.status).toBe("green");
  });

  it("lets only the assigned leader log decisions, and lists a leader's own projects", async () => {
    const mine = (await app.inject({ url: "/api/projects?mine=true", headers: leader.headers })).json();
    expect(mine.total).toBeGreaterThan(0);
    for (const item of mine.items) expect(item.leader.id).toBe(world.users.leader.id);
    const projectId = mine.items[0].id;
    const decide = (session: Session) =>
      app.inject({
        method: "POST",
        url: `/api/projects/${projectId}/decisions`,
        headers: session.headers,
        payload: { text: "协调用地指标，两周内完成" },
      });
    expect((await decide(leader)).statusCode).toBe(201);
    expect((await decide(otherLeader)).statusCode).toBe(403);
    expect((await decide(office)).statusCode).toBe(403);
    const detail = (await app.inject({ url: `/api/projects/${projectId}`, headers: leader.headers })).json();
    expect(detail.canDecide).toBe(true);
    expect(detail.decisions[0].text).toBe("协调用地指标，两周内完成");
  });

  it("routes a problem to a unit, which answers and closes it; overdue ones are flagged", async () => {
    const project = (await create(commerce, { name: "直通车测试项目" })).json();
    const raised = await app.inject({
      method: "POST",
      url: `/api/projects/${project.id}/blockers`,
      headers: commerce.headers,
      payload: { category: "approval", description: "环评批复未下达", unitId: statisticsUnitId, dueOn: daysAgo(3) },
    });
    expect(raised.statusCode).toBe(201);
    const blocker = raised.json();
    expect(blocker.overdue).toBe(true);
    const overdue = (await app.inject({ url: "/api/project-blockers?overdue=true", headers: office.headers })).json();
    expect(overdue.items.map((b: { id: number }) => b.id)).toContain(blocker.id);
    const exported = await app.inject({ url: "/api/project-blockers/export?overdue=true", headers: office.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-disposition"]).toContain(encodeURIComponent("项目问题.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(2, 1).value)).toContain("逾期：仅逾期");
    const exportedRows: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 3) exportedRows.push([row.getCell(2).value, row.getCell(4).value, row.getCell(7).value]);
    });
    expect(exportedRows).toHaveLength(overdue.items.length);
    expect(exportedRows).toContainEqual(["直通车测试项目", "环评批复未下达", "是"]);
    const listed = (await app.inject({ url: `/api/projects?q=直通车测试`, headers: office.headers })).json();
    expect(listed.items[0]).toMatchObject({ openBlockers: 1, overdueBlockers: 1 });
    const act = (session: Session, payload: Record<string, unknown>) =>
      app.inject({ method: "POST", url: `/api/project-blockers/${blocker.id}`, headers: session.headers, payload });
    expect((await act(commerce, { action: "answer", answer: "代答" })).statusCode).toBe(403);
    const answered = await act(statistics, { action: "answer", answer: "已协调市局，本周下达" });
    expect(answered.json()).toMatchObject({ status: "answered", overdue: false });
    const closed = await act(statistics, { action: "close" });
    expect(closed.json()).toMatchObject({ status: "closed", answer: "已协调市局，本周下达" });
    expect((await act(statistics, { action: "close" })).statusCode).toBe(409);
  });

  it("counts introduced projects by category toward the targets, and the funnel", async () => {
    const year = Number(todayInDistrict().slice(0, 4));
    const project = (await create(commerce, { name: "五十亿项目", plannedInvestmentFen: "500000000000" })).json();
    expect(project.category).toBe("50");
    await app.inject({
      method: "POST",
      url: `/api/projects/${project.id}/stage`,
      headers: commerce.headers,
      payload: { stage: "signed" },
    });
    const stats = (await app.inject({ url: `/api/projects/stats?year=${year}`, headers: inspector.headers })).json();
    const thisYear = stats.introducedByYear.find((entry: { year: number }) => entry.year === year);
    expect(thisYear.counts["50"]).toBe(1);
    expect(stats.funnel).toHaveLength(5);
    const signed = stats.funnel.find((entry: { stage: string }) => entry.stage === "signed");
    expect(signed.count).toBeGreaterThanOrEqual(2);
    const fifty = stats.targets.find((target: { id: string }) => target.id === "T-M2a-50");
    expect(fifty.projectIds).toContain(project.id);
  });

  it("takes the yearly fixed-asset totals from the statistics bureau only, and shows the manufacturing share", async () => {
    const put = (session: Session, payload: Record<string, unknown>) =>
      app.inject({ method: "PUT", url: "/api/fixed-asset-investment/2023", headers: session.headers, payload });
    expect((await put(commerce, { totalFen: "100", manufacturingFen: "50" })).statusCode).toBe(403);
    expect((await put(statistics, { totalFen: "100", manufacturingFen: "150" })).statusCode).toBe(400);
    expect((await put(statistics, { totalFen: "1000000000000", manufacturingFen: "520000000000" })).statusCode).toBe(
      200,
    );
    const stats = (await app.inject({ url: "/api/projects/stats?year=2023", headers: leader.headers })).json();
    expect(stats.manufacturing.share).toBe("0.5200");
    expect(stats.targets.find((target: { id: string }) => target.id === "T-M5").actual).toBe("0.5200");
    const years = (session: Session) => app.inject({ url: "/api/fixed-asset-investment", headers: session.headers });
    const entered = (await years(statistics)).json();
    expect(entered.canEdit).toBe(true);
    expect(entered.items).toEqual([
      expect.objectContaining({
        year: 2023,
        totalFen: "1000000000000",
        manufacturingFen: "520000000000",
        share: "0.5200",
      }),
    ]);
    expect((await years(commerce)).json().canEdit).toBe(false);
  });

  it("offers the forms the caller's rights, the district's units and leaders, and the category thresholds in yuan", async () => {
    const options = async (session: Session) =>
      (await app.inject({ url: "/api/projects/options", headers: session.headers })).json();
    const forCommerce = await options(commerce);
    expect(forCommerce).toMatchObject({ canWrite: true, canEnterInvestment: false });
    expect(forCommerce.pipelineUnits.map((unit: { id: number }) => unit.id)).toContain(world.unitA);
    expect(forCommerce.leaders).toContainEqual({ id: world.users.leader.id, name: "leader-a" });
    // The "20 project" threshold of 20亿元, in yuan.
    expect(forCommerce.thresholds.twenty).toBe("2000000000");
    expect(await options(statistics)).toMatchObject({ canWrite: false, canEnterInvestment: true });
  });

  it("imports all or nothing, naming each bad row, and exports what it imports", async () => {
    const before = (await app.inject({ url: "/api/projects?pageSize=500", headers: office.headers })).json().total;
    const bad = await workbook([
      [null, "导入项目一", "甲集团", "电子信息", 30000, 0, "是", "区商务局", "签约落地", "2022-05-01"],
      [null, "导入项目二", "乙集团", "不存在的链", "一千", 0, "也许", "区商务局", "招商洽谈", null],
      [null, "", "丙集团", "电子信息", 5000, null, "否", "不存在单位", null, null],
    ]);
    const rejected = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: commerce.headers,
      payload: { contentBase64: bad },
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().ok).toBe(false);
    const errors = rejected.json().errors as { row: number; columnLetter?: string; text: string }[];
    expect(errors.map((e) => e.row)).toEqual([4, 4, 4, 5, 5]);
    expect(errors[0]?.text).toMatch(/^第4行 D列「产业链」/);
    expect(errors.some((e) => e.text.includes("第5行") && e.text.includes("项目名称不能为空"))).toBe(true);
    const after = (await app.inject({ url: "/api/projects?pageSize=500", headers: office.headers })).json().total;
    expect(after).toBe(before);

    const good = await workbook([
      [null, "导入项目一", "甲集团", "电子信息", 300000, 1200.5, "是", "区商务局", "签约落地", "2022-05-01"],
      [null, "导入项目二", "乙集团", "生物医药", 2000, 0, "否", "区发改委", "招商洽谈", null],
    ]);
    const dryRun = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: commerce.headers,
      payload: { contentBase64: good, dryRun: true },
    });
    expect(dryRun.json()).toMatchObject({ ok: true, created: 2 });
    expect((await app.inject({ url: "/api/projects?pageSize=500", headers: office.headers })).json().total).toBe(
      before,
    );
    const applied = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: commerce.headers,
      payload: { contentBase64: good },
    });
    expect(applied.statusCode).toBe(200);
    const imported = (await app.inject({ url: "/api/projects?q=导入项目一", headers: office.headers })).json().items[0];
    expect(imported).toMatchObject({
      plannedInvestmentFen: "300000000000",
      completedInvestmentFen: "1200500000",
      category: "20",
      stage: "signed",
      introducedYear: 2022,
    });
    const exported = await app.inject({ url: "/api/projects/export?q=导入项目", headers: inspector.headers });
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe("项目名称");
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(2).getCell(5).value).toBe(300000);
    expect(sheet?.getRow(2).getCell(6).value).toBe(1200.5);
    // Re-importing the export updates the same projects (matched by code) instead of creating new ones.
    const again = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: commerce.headers,
      payload: { contentBase64: exported.rawPayload.toString("base64") },
    });
    expect(again.json()).toMatchObject({ ok: true, created: 0, updated: 2 });
  });

  it("exports an amount finer than a hundred yuan exactly in 万元, and imports it back to the fen", async () => {
    const created = await create(commerce, { name: "精确金额项目", plannedInvestmentFen: "123456789" });
    expect(created.statusCode).toBe(201);
    const exported = await app.inject({ url: "/api/projects/export?q=精确金额项目", headers: office.headers });
    expect(exported.statusCode, exported.body.slice(0, 200)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(5).value).toBe("计划总投资（万元）");
    expect(sheet?.getRow(2).getCell(5).value).toBe(123.456789);
    const again = await app.inject({
      method: "POST",
      url: "/api/projects/import",
      headers: commerce.headers,
      payload: { contentBase64: exported.rawPayload.toString("base64") },
    });
    expect(again.json()).toMatchObject({ ok: true, created: 0, updated: 1 });
    const project = (await app.inject({ url: "/api/projects?q=精确金额项目", headers: office.headers })).json();
    expect(project.items[0].plannedInvestmentFen).toBe("123456789");
  });
});
