/**
 * Policy simulation on SQLite and PostgreSQL: a scenario raising R-GROWTH's top band from 20万 to 30万 costs exactly
 * the sum of the affected entitlements' differences, leaves the live entitlements as they were, is refused with the
 * change and path named when a value is bad, compares beside another and exports files that open; every change
 * is audited.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  computeRewardBatch,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  testApp,
} from "../../testing/fixtures";
import { readPdf } from "../../testing/pdf-text";
import { testDatabases } from "../../testing/test-databases";

const YUAN = 100n;
const RAISE = {
  op: "set",
  ruleId: "R-GROWTH",
  path: "tiers.steps.3.amount",
  value: "300000",
} as const;

function docxText(buffer: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), "beizeng-briefing-"));
  try {
    const file = path.join(directory, "briefing.docx");
    writeFileSync(file, buffer);
    return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.each(testDatabases())("policy simulation on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let leader: Session;

  async function figure(enterpriseId: number, year: number, fen: bigint) {
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtA,
        enterprise_id: enterpriseId,
        year,
        month: 0,
        metric: "revenue",
        value: fen,
        source_kind: "import",
        source_ref: "统计局年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
  }

  const compute = (year: number) => computeRewardBatch(app, office, year);

  const liveRows = () => db.kysely.selectFrom("reward_entitlements").selectAll().orderBy("id").execute();

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    // Both enterprises above scale in 2021 and 2022; each grows more than 15 % in 2022 (R-GROWTH's top band, 20万).
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseA2, year: 2021, status: "above" },
        { enterprise_id: world.enterpriseA2, year: 2022, status: "above" },
      ])
      .execute();
    await db.kysely
      .updateTable("enterprise_scale_years")
      .set({ status: "above" })
      .where("enterprise_id", "=", world.enterpriseA)
      .where("year", "=", 2021)
      .execute();
    await figure(world.enterpriseA2, 2021, 100_000_000n * YUAN);
    await figure(world.enterpriseA2, 2022, 120_000_000n * YUAN);
    await figure(world.enterpriseA, 2021, 200_000_000n * YUAN);
    await figure(world.enterpriseA, 2022, 250_000_000n * YUAN);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
    leader = await loginAs(app, "leader-a");
    await compute(2022);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("costs exactly the affected entitlements' differences and leaves the live entitlements untouched", async () => {
    const before = await liveRows();
    const topBand = before.filter(
      (row) => row.rule_id === "R-GROWTH" && row.year === 2022 && row.amount_fen === String(200_000n * YUAN),
    );
    expect(topBand.length).toBeGreaterThanOrEqual(2);
    const liveTotal2022 = before
      .filter((row) => row.year === 2022 && row.status !== "superseded")
      .reduce((sum, row) => sum + BigInt(row.amount_fen ?? "0"), 0n);

    const created = await app.inject({
      method: "POST",
      url: "/api/rewards/scenarios",
      headers: leader.headers,
      payload: {
        name: "增幅奖励提高到30万",
        description: "最高档由20万元提高到30万元",
        changes: [RAISE],
        years: [2022],
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;

    const response = await app.inject({ url: `/api/rewards/scenarios/${id}/result`, headers: leader.headers });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    const year = result.years.find((entry: { year: number }) => entry.year === 2022);
    // The baseline is what the batch computed; the scenario adds 10万 per top-band entitlement, nothing else.
    expect(BigInt(year.baselineFen)).toBe(liveTotal2022);
    expect(BigInt(year.differenceFen)).toBe(BigInt(topBand.length) * 100_000n * YUAN);
    expect(BigInt(result.total.differenceFen)).toBe(BigInt(topBand.length) * 100_000n * YUAN);
    expect(result.years[0].projected).toBe(false);
    expect(result.counts).toMatchObject({ gainers: topBand.length, losers: 0 });
    const gainer = result.enterprises[0];
    expect(gainer.lines).toEqual([
      expect.objectContaining({
        ruleId: "R-GROWTH",
        ruleName: "营业收入增幅奖励",
        year: 2022,
        baselineFen: String(200_000n * YUAN),
        scenarioFen: String(300_000n * YUAN),
        differenceFen: String(100_000n * YUAN),
      }),
    ]);
    const chainsDifference = result.byChain.reduce(
      (sum: bigint, row: { differenceFen: string }) => sum + BigInt(row.differenceFen),
      0n,
    );
    expect(chainsDifference).toBe(BigInt(result.total.differenceFen));
    const townsDifference = result.byTown.reduce(
      (sum: bigint, row: { differenceFen: string }) => sum + BigInt(row.differenceFen),
      0n,
    );
    expect(townsDifference).toBe(BigInt(result.total.differenceFen));
    // The budget forecast's years are projections after the last actual year.
    expect(result.forecast.years.map((entry: { year: number }) => entry.year)).toEqual([2023, 2024, 2025]);

    expect(await liveRows()).toEqual(before);
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_type"])
      .where("entity_type", "=", "reward_scenario")
      .execute();
    expect(audit).toEqual([{ action: "create", entity_type: "reward_scenario" }]);
  });

  it("refuses a bad value naming the change, the rule and the path in Chinese, and keeps nothing", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/rewards/scenarios",
      headers: office.headers,
      payload: {
        name: "错误的金额",
        changes: [
          { op: "parameter", parameterId: "sameYearMilestoneTiers", value: "highest" },
          { ...RAISE, value: "三十万" },
        ],
        years: [2022],
      },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.message).toContain("第 2 项调整：奖励规则 R-GROWTH（条款 M4） 的 tiers.steps[3].amount");
    expect(error.details[0].path).toBe("changes[1]");
    const years = await app.inject({
      method: "POST",
      url: "/api/rewards/scenarios",
      headers: office.headers,
      payload: { name: "年度超出", changes: [RAISE], years: [2015] },
    });
    expect(years.statusCode).toBe(400);
    expect(years.json().error.details[0].path).toBe("years[0]");
    const names = (await app.inject({ url: "/api/rewards/scenarios", headers: office.headers })).json().items;
    expect(names.map((item: { name: string }) => item.name)).toEqual(["增幅奖励提高到30万"]);
  });

  it("compares two scenarios beside the plan, changes and deletes one, each audited", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/rewards/scenarios",
      headers: office.headers,
      payload: { name: "取消增幅奖励", changes: [{ op: "removeRule", ruleId: "R-GROWTH" }], years: [2022, 2023] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const second = created.json().id as number;
    const list = (await app.inject({ url: "/api/rewards/scenarios", headers: office.headers })).json().items;
    const first = list.find((item: { name: string }) => item.name === "增幅奖励提高到30万").id as number;

    const comparison = await app.inject({
      url: `/api/rewards/scenarios/compare?ids=${first},${second}`,
      headers: leader.headers,
    });
    expect(comparison.statusCode, comparison.body).toBe(200);
    const body = comparison.json();
    expect(body.years.map((entry: { year: number }) => entry.year)).toEqual([2022, 2023]);
    const y2022 = body.years[0];
    expect(BigInt(y2022.scenarios[0]) - BigInt(y2022.baselineFen)).toBe(BigInt(body.scenarios[0].differenceFen));
    // The first scenario does not cover 2023; the second pays no growth reward.
    expect(body.years[1].scenarios[0]).toBeNull();
    expect(BigInt(body.scenarios[1].differenceFen)).toBeLessThan(0n);
    expect(body.scenarios[1].losers).toBeGreaterThanOrEqual(2);

    const changed = await app.inject({
      method: "PUT",
      url: `/api/rewards/scenarios/${second}`,
      headers: office.headers,
      payload: { name: "取消增幅奖励（仅2022）", changes: [{ op: "removeRule", ruleId: "R-GROWTH" }], years: [2022] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().years).toEqual([2022]);
    const deleted = await app.inject({
      method: "DELETE",
      url: `/api/rewards/scenarios/${second}`,
      headers: office.headers,
    });
    expect(deleted.statusCode).toBe(204);
    const actions = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "reward_scenario")
      .where("entity_id", "=", String(second))
      .orderBy("seq")
      .execute();
    expect(actions.map((row) => row.action)).toEqual(["create", "update", "delete"]);
  });

  it("exports the results as a workbook and the briefing as an official document that open", async () => {
    const list = (await app.inject({ url: "/api/rewards/scenarios", headers: office.headers })).json().items;
    const id = list.find((item: { name: string }) => item.name === "增幅奖励提高到30万").id as number;
    const xlsx = await app.inject({ url: `/api/rewards/scenarios/${id}/export.xlsx`, headers: office.headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "年度成本",
      "企业增减",
      "按奖励",
      "按产业链",
      "按乡镇",
      "预算预测影响",
    ]);
    const lines = workbook.getWorksheet("企业增减");
    const cells = lines?.getSheetValues().flat().map(String) ?? [];
    expect(cells).toContain("营业收入增幅奖励");

    const docx = await app.inject({ url: `/api/rewards/scenarios/${id}/briefing.docx`, headers: office.headers });
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain("关于“增幅奖励提高到30万”奖励政策调整测算情况的报告");
    expect(text).toContain("表1 分年度奖励资金测算");
    expect(text).toContain("测算结果不改变任何企业已核定的奖励");

    // The same briefing as PDF, its Chinese text readable from the embedded font.
    const pdf = await app.inject({ url: `/api/rewards/scenarios/${id}/briefing.pdf`, headers: office.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const pdfText = readPdf(pdf.rawPayload).text.replace(/\s+/g, "");
    expect(pdfText).toContain("关于“增幅奖励提高到30万”奖励政策调整测算情况的报告");
    expect(pdfText).toContain("表1分年度奖励资金测算");
    expect(pdfText).toContain("测算结果不改变任何企业已核定的奖励");
  });
});
