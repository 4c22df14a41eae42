/**
 * A unit account's powers follow the duties the district's active plan gives its unit, never a unit's id: in the
 * test district (990101, unit ids of its own) 区统计局 confirms figures and enters investment, 区经信局 records
 * listings and monitors key enterprises, other units are refused in Chinese; a plan that moves a duty moves the power.
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { UnitDuty } from "@beizeng/domain/plan/vocabulary";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "./capabilities/accounts/index";
import { loadPlanIntoDistrict } from "./capabilities/plan/index";
import { SYSTEM_ACTOR } from "./platform/audit/audit.service";
import type { BeizengDb } from "./platform/db/database";
import {
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  shippedPlan,
  TEST_ACTOR,
  TEST_PASSWORD,
  testApp,
} from "./testing/fixtures";
import { testDatabases } from "./testing/test-databases";

/** The test district's plan with one duty taken from every unit and given to `to`, as a newer version. */
function planWithDutyMoved(base: PlanFile, duty: UnitDuty, to: string, version: number): PlanFile {
  return {
    ...base,
    version,
    units: base.units.map((unit) => {
      const others = unit.duties.filter((held) => held !== duty);
      return { ...unit, duties: unit.id === to ? [...others, duty] : others };
    }),
  };
}

describe.each(testDatabases())("powers from the plan's unit duties on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  const sessions: Record<string, Session> = {};
  const basePlan = shippedPlan("test-district-2024-2026");
  let version = basePlan.version;

  const send = (who: string, method: "POST" | "PUT" | "GET", url: string, payload?: unknown) =>
    app.inject({ method, url, headers: sessions[who]?.headers, ...(payload ? { payload: payload as object } : {}) });
  const enterFigure = (who: string, value: string) =>
    send(who, "POST", `/api/enterprises/${world.enterpriseB}/figures`, {
      year: 2025,
      month: 3,
      metric: "revenue",
      value,
      unit: "万元",
    });
  const enterInvestment = (who: string, total: string) =>
    send(who, "PUT", "/api/fixed-asset-investment/2025", { totalFen: total, manufacturingFen: "100000" });
  const recordListing = (who: string, date: string) =>
    send(who, "POST", `/api/enterprises/${world.enterpriseB}/listing-events`, { stage: "display", date });
  /** An empty upload: refused for its emptiness (400) only once the caller may import figures at all. */
  const importFigures = (who: string) =>
    app.inject({
      method: "POST",
      url: "/api/imports?kind=monthly&unit=万元&fileName=月报.xlsx",
      headers: { ...sessions[who]?.headers, "content-type": "application/octet-stream" },
      payload: Buffer.alloc(0),
    });
  const warnings = async (who: string) => (await send(who, "GET", "/api/monitoring/warnings")).json().items.length;
  const loadPlan = async (plan: PlanFile) => {
    version += 1;
    await loadPlanIntoDistrict(db, { ...plan, version }, SYSTEM_ACTOR);
  };

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const units = await db.kysely
      .selectFrom("units")
      .select(["id", "code"])
      .where("district_id", "=", world.districtB)
      .execute();
    const unitId = (code: string) => units.find((unit) => unit.code === code)?.id;
    const accounts: [string, "unit" | "enterprise", { unitId?: number; enterpriseId?: number }][] = [
      ["stats-b", "unit", { unitId: unitId("stats-bureau") }],
      ["economy-b", "unit", { unitId: unitId("economy-bureau") }],
      ["investment-b", "unit", { unitId: unitId("investment-bureau") }],
      ["fiscal-b", "unit", { unitId: unitId("fiscal-bureau") }],
      ["enterprise-b", "enterprise", { enterpriseId: world.enterpriseB }],
    ];
    for (const [username, role, links] of accounts) {
      await createUser(
        db,
        {
          districtId: world.districtB,
          username,
          displayName: username,
          role,
          password: TEST_PASSWORD,
          mustChangePassword: false,
          ...links,
        },
        TEST_ACTOR,
      );
      sessions[username] = await loginAs(app, username);
    }
    sessions["office-b"] = await loginAs(app, "office-b");
    // One open warning in the district, for those who monitor to see.
    await db.kysely
      .insertInto("monitoring_warnings")
      .values({
        district_id: world.districtB,
        enterprise_id: world.enterpriseB,
        leader_user_id: null,
        metric: "revenue",
        year: 2025,
        month: 2,
        current_fen: 50_000_000n,
        previous_fen: 80_000_000n,
        drop_share: "0.3750",
        threshold_share: "0.10",
        status: "open",
        raised_at: new Date().toISOString(),
        resolved_at: null,
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("shows each unit account its unit's kind and the duties the plan gives it", async () => {
    const session = async (who: string) => (await send(who, "GET", "/api/auth/session")).json().user;
    expect((await session("stats-b")).unit).toMatchObject({
      code: "stats-bureau",
      kind: "department",
      duties: ["confirmFigures", "enterInvestment"],
    });
    expect((await session("economy-b")).unit.duties).toEqual(["monitorEnterprises", "recordListings"]);
    expect((await session("fiscal-b")).unit.duties).toEqual(["payRewards"]);
    expect((await session("investment-b")).unit.duties).toEqual([]);
    const listed = (await send("office-b", "GET", "/api/users")).json().items;
    expect(listed.find((user: { username: string }) => user.username === "stats-b").unit.duties).toEqual([
      "confirmFigures",
      "enterInvestment",
    ]);
    // The other district's plan gives its own units their duties: the Changjiang commerce bureau has none.
    const unitA = await loginAs(app, "unit-a");
    const me = (await app.inject({ url: "/api/auth/me", headers: unitA.headers })).json().user;
    expect(me.unit).toMatchObject({ code: "commerce-bureau", kind: "department", duties: [] });
  });

  it("lets the unit holding confirmFigures enter, confirm and import figures, and refuses the others in Chinese", async () => {
    const entered = await enterFigure("stats-b", "1200");
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json().official).toBe(true);

    for (const other of ["economy-b", "investment-b", "fiscal-b"]) {
      const refused = await enterFigure(other, "1300");
      expect(refused.statusCode).toBe(403);
      // The refusal names the test district's own office and unit, not another district's.
      expect(refused.json().error.message).toBe("经营数据由工作专班办公室或区统计局录入");
    }

    const reported = await enterFigure("enterprise-b", "1250");
    expect(reported.statusCode).toBe(201);
    const figureId = reported.json().id;
    const refusedConfirm = await send("economy-b", "POST", `/api/figures/${figureId}/confirm`);
    expect(refusedConfirm.statusCode).toBe(403);
    expect(refusedConfirm.json().error.message).toBe("企业自报数据由工作专班办公室或区统计局确认");
    const confirmed = await send("stats-b", "POST", `/api/figures/${figureId}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const row = await db.kysely.selectFrom("figures").selectAll().where("id", "=", figureId).executeTakeFirstOrThrow();
    expect(row.official).toBe(1);

    expect((await importFigures("stats-b")).json().error.message).toBe("上传的文件是空的");
    const refusedImport = await importFigures("economy-b");
    expect(refusedImport.statusCode).toBe(403);
    expect(refusedImport.json().error.message).toBe("经营数据由工作专班办公室或区统计局导入");
  });

  it("lets the unit holding enterInvestment enter the fixed-asset investment, and refuses the others", async () => {
    const saved = await enterInvestment("stats-b", "500000");
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await send("stats-b", "GET", "/api/fixed-asset-investment")).json().canEdit).toBe(true);
    expect((await send("economy-b", "GET", "/api/fixed-asset-investment")).json().canEdit).toBe(false);
    const refused = await enterInvestment("economy-b", "600000");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("固定资产投资由工作专班办公室或区统计局填报");
  });

  it("lets the unit holding recordListings record listings and the one monitoring see the warnings", async () => {
    const recorded = await recordListing("economy-b", "2025-03-01");
    expect(recorded.statusCode, recorded.body).toBe(201);
    const refused = await recordListing("stats-b", "2025-03-02");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("上市进程由工作专班办公室或区经信局登记");

    expect(await warnings("economy-b")).toBe(1);
    expect(await warnings("stats-b")).toBe(0);
    expect(await warnings("investment-b")).toBe(0);
    expect(await warnings("office-b")).toBe(1);
  });

  it("moves a power with its duty when a revised plan gives the duty to another unit", async () => {
    // 区商务局 takes over confirming figures and entering investment; 区统计局 keeps neither.
    const moved = planWithDutyMoved(
      planWithDutyMoved(basePlan, "confirmFigures", "investment-bureau", basePlan.version),
      "enterInvestment",
      "investment-bureau",
      basePlan.version,
    );
    await loadPlan(moved);
    expect((await send("investment-b", "GET", "/api/auth/session")).json().user.unit.duties).toEqual([
      "confirmFigures",
      "enterInvestment",
    ]);
    expect((await enterFigure("investment-b", "1400")).statusCode).toBe(201);
    const refused = await enterFigure("stats-b", "1500");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe("经营数据由工作专班办公室或区商务局录入");
    expect((await enterInvestment("investment-b", "700000")).statusCode).toBe(200);
    expect((await enterInvestment("stats-b", "800000")).statusCode).toBe(403);

    // Monitoring moves to 区财政局: 区经信局 no longer sees the warnings, 区财政局 does.
    await loadPlan(planWithDutyMoved(moved, "monitorEnterprises", "fiscal-bureau", basePlan.version));
    expect(await warnings("economy-b")).toBe(0);
    expect(await warnings("fiscal-b")).toBe(1);
    expect((await recordListing("economy-b", "2025-04-01")).statusCode).toBe(201);

    // Listings move too; with the shipped plan back, every power is where it started.
    await loadPlan(planWithDutyMoved(moved, "recordListings", "stats-bureau", basePlan.version));
    expect((await recordListing("stats-b", "2025-05-01")).statusCode).toBe(201);
    const economyRefused = await recordListing("economy-b", "2025-05-02");
    expect(economyRefused.statusCode).toBe(403);
    expect(economyRefused.json().error.message).toBe("上市进程由工作专班办公室或区统计局登记");

    await loadPlan(basePlan);
    expect((await enterFigure("stats-b", "1600")).statusCode).toBe(201);
    expect((await enterFigure("investment-b", "1700")).statusCode).toBe(403);
    expect(await warnings("economy-b")).toBe(1);
  });
});
