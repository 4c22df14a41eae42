/**
 * Targets and dashboard on the demo district, through the API, on SQLite and PostgreSQL: figures
 * add up to the records behind them, forecasts carry intervals, roles see what they may, and the
 * public board tells only aggregate target figures, and only once the office publishes it.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface QuantityJson {
  unit: string;
  value: string;
}
interface TargetJson {
  targetId: string;
  metric: string;
  status: string;
  statusBasis: string;
  baseline: QuantityJson | null;
  current: { year: number; month: number; value: QuantityJson } | null;
  actuals: { year: number; value: QuantityJson }[];
  forecast: { estimate: QuantityJson; low: QuantityJson; high: QuantityJson } | null;
  clauseText: string | null;
  path: { year: number; value: QuantityJson }[];
}

describe.each(testDatabases())("targets and dashboard on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let leader: Session;
  let office: Session;

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    leader = await loginAsDemo(app, "demo-leader");
    office = await loginAsDemo(app, "demo-office");
  });
  afterAll(() => closeSuite(app, db));

  const get = async (url: string, session: Session | null = leader) =>
    app.inject({ method: "GET", url, headers: session ? { cookie: session.cookie } : {} });

  it("computes every target of the plan with its clause, path and status", async () => {
    const response = await get("/api/targets");
    expect(response.statusCode).toBe(200);
    const body = response.json() as { asOf: { year: number; month: number }; targets: TargetJson[] };
    expect(body.asOf).toEqual({ year: 2023, month: 12 });
    const ids = body.targets.map((t) => t.targetId);
    for (const id of ["G1", "G2-50", "G2-20", "G3-NET", "G3-TOTAL", "T-M2a", "T-M2b", "T-M5", "T-M9", "T-M10"]) {
      expect(ids).toContain(id);
    }
    const g1 = body.targets.find((t) => t.targetId === "G1") as TargetJson;
    expect(g1.clauseText).toBeTruthy();
    expect(g1.statusBasis).toBe("final");
    expect(g1.path.at(-1)?.value.value).toBe("4000000000000");
    // The demo's investment figures (区统计局): the manufacturing share passes 50 % in 2023.
    expect(body.targets.find((t) => t.targetId === "T-M5")?.status).toBe("green");
  });

  it("forecasts G1 and G3 with an 80 % interval when the deadline year is still running", async () => {
    const body = (await get("/api/targets?asOf=2023-06")).json() as { targets: TargetJson[] };
    const g1 = body.targets.find((t) => t.targetId === "G1") as TargetJson;
    expect(g1.statusBasis).toBe("forecast");
    const [low, estimate, high] = [g1.forecast?.low, g1.forecast?.estimate, g1.forecast?.high].map((q) =>
      BigInt(q?.value ?? "0"),
    );
    expect(low).toBeLessThan(estimate as bigint);
    expect(estimate).toBeLessThan(high as bigint);
    const g3 = body.targets.find((t) => t.targetId === "G3-TOTAL") as TargetJson;
    expect(g3.forecast).not.toBeNull();
    expect(Number(g3.forecast?.low.value)).toBeLessThanOrEqual(Number(g3.forecast?.high.value));
  });

  it("drills G1 of a year down to the enterprises it sums", async () => {
    const targets = (await get("/api/targets")).json() as { targets: TargetJson[] };
    const g1 = targets.targets.find((t) => t.targetId === "G1") as TargetJson;
    const actual2022 = g1.actuals.find((a) => a.year === 2022)?.value.value;
    const records = (await get("/api/targets/G1/records?year=2022")).json() as {
      total: string;
      enterprises: { enterpriseId: number; link: string; value: string | null }[];
    };
    expect(records.total).toBe(actual2022);
    const sum = records.enterprises.reduce((s, e) => s + BigInt(e.value ?? "0"), 0n);
    expect(sum.toString()).toBe(actual2022);
    const first = records.enterprises[0] as { enterpriseId: number; link: string };
    expect(first.link).toBe(`/enterprises/${first.enterpriseId}`);
    expect((await get(`/api/enterprises/${first.enterpriseId}`)).statusCode).toBe(200);
  });

  it("builds the dashboard, whose chain and month figures add up to their records", async () => {
    const response = await get("/api/dashboard?asOf=2023-09");
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      cards: { targetId: string; forecast: unknown }[];
      revenueByMonth: {
        months: { month: number; current: string | null; previous: string | null }[];
        yearToDate: string;
      };
      byChain: { key: string; current: string }[];
      byTown: { key: string; current: string }[];
      projectFunnel: { stage: string; count: number }[];
      reservePool: { count: number };
    };
    expect(body.cards.find((c) => c.targetId === "G1")?.forecast).not.toBeNull();
    expect(body.revenueByMonth.months).toHaveLength(12);
    expect(body.revenueByMonth.months[9]?.current).toBeNull();
    const monthSum = body.revenueByMonth.months.reduce((s, m) => s + BigInt(m.current ?? "0"), 0n);
    expect(monthSum.toString()).toBe(body.revenueByMonth.yearToDate);
    const chainSum = body.byChain.reduce((s, c) => s + BigInt(c.current), 0n);
    expect(chainSum.toString()).toBe(body.revenueByMonth.yearToDate);
    const townSum = body.byTown.reduce((s, c) => s + BigInt(c.current), 0n);
    expect(townSum.toString()).toBe(body.revenueByMonth.yearToDate);

    const chain = body.byChain[0] as { key: string; current: string };
    const chainRecords = (
      await get(`/api/dashboard/records?asOf=2023-09&figure=periodRevenue&chain=${chain.key}`)
    ).json() as { total: string };
    expect(chainRecords.total).toBe(chain.current);
    const march = (await get("/api/dashboard/records?asOf=2023-09&figure=monthRevenue&month=3")).json() as {
      total: string;
    };
    expect(march.total).toBe(body.revenueByMonth.months[2]?.current);

    expect(body.projectFunnel.map((s) => s.stage)).toEqual([
      "planning",
      "negotiation",
      "signed",
      "construction",
      "production",
    ]);
    const signed = body.projectFunnel.find((s) => s.stage === "signed")?.count;
    const signedRecords = (await get("/api/dashboard/records?figure=projects&stage=signed")).json() as {
      projects: unknown[];
    };
    expect(signedRecords.projects).toHaveLength(signed ?? -1);
    expect(body.reservePool.count).toBeGreaterThan(0);

    // A count of enterprises shows each one's revenue; a net change what each adds (+1, −1).
    type Enterprises = { unit: string; valueUnit: string; enterprises: { value: string | null }[] };
    const reserve = (await get("/api/dashboard/records?figure=reserve")).json() as Enterprises;
    expect(reserve).toMatchObject({ unit: "count", valueUnit: "yuan" });
    expect(reserve.enterprises).toHaveLength(body.reservePool.count);
    const counted = (await get("/api/dashboard/records?figure=aboveScaleCount&year=2022")).json() as Enterprises;
    expect(counted).toMatchObject({ unit: "count", valueUnit: "yuan" });
    const net = (await get("/api/targets/G3-NET/records?year=2022")).json() as Enterprises;
    expect(net).toMatchObject({ unit: "count", valueUnit: "count" });
    expect(net.enterprises.every((e) => e.value === "1" || e.value === "-1")).toBe(true);
  });

  it("exports a chart's data and a drill-down as spreadsheets", async () => {
    const chart = await get("/api/dashboard/export?chart=byChain");
    expect(chart.statusCode).toBe(200);
    expect(chart.headers["content-type"]).toContain("spreadsheetml");
    expect(chart.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const records = await get("/api/targets/G1/records?year=2022&format=xlsx");
    expect(records.statusCode).toBe(200);
    expect(records.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("lets staff read and only the office enter investment figures, which T-M5 then reads", async () => {
    const enterprise = await loginAsDemo(app, "demo-enterprise");
    expect((await get("/api/dashboard", enterprise)).statusCode).toBe(403);
    expect((await get("/api/dashboard", null)).statusCode).toBe(401);
    const unit = await loginAsDemo(app, "demo-unit");
    expect((await get("/api/targets", unit)).statusCode).toBe(200);

    const payload = { year: 2023, totalYuan: "1000000000", manufacturingYuan: "550000000.50" };
    const refused = await app.inject({
      method: "PUT",
      url: "/api/targets/inputs/investment",
      headers: leader.headers,
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({
      method: "PUT",
      url: "/api/targets/inputs/investment",
      headers: office.headers,
      payload: { ...payload, manufacturingYuan: "2000000000" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("制造业投资不能大于");
    const saved = await app.inject({
      method: "PUT",
      url: "/api/targets/inputs/investment",
      headers: office.headers,
      payload,
    });
    expect(saved.statusCode).toBe(200);
    // The audited change moves the data version: the next read is fresh, not cached.
    const body = (await get("/api/targets")).json() as { targets: TargetJson[] };
    const tm5 = body.targets.find((t) => t.targetId === "T-M5") as TargetJson;
    expect(tm5.current?.value.value).toBe("550000");
    expect(tm5.status).toBe("green");
  });

  it("keeps its data version (and cache) across logins, and moves it on a data change", async () => {
    const before = ((await get("/api/targets")).json() as { dataVersion: number }).dataVersion;
    await loginAsDemo(app, "demo-inspector");
    expect(((await get("/api/targets")).json() as { dataVersion: number }).dataVersion).toBe(before);
    const saved = await app.inject({
      method: "PUT",
      url: "/api/targets/inputs/online-services",
      headers: office.headers,
      payload: { items: [{ code: "QY-001", name: "企业开办", unitId: null, online: true }] },
    });
    expect(saved.statusCode).toBe(200);
    const after = (await get("/api/targets")).json() as { dataVersion: number; targets: TargetJson[] };
    expect(after.dataVersion).toBeGreaterThan(before);
    expect(after.targets.find((t) => t.targetId === "T-M9")?.current?.value.value).toBe("1000000");
  });

  it("serves the public board only when published, with aggregate target figures only", async () => {
    const unpublished = await get("/api/public/board", null);
    expect(unpublished.statusCode).toBe(200);
    expect(unpublished.json()).toEqual({ published: false });
    const publish = await app.inject({
      method: "PUT",
      url: "/api/board/publication",
      headers: office.headers,
      payload: { published: true },
    });
    expect(publish.statusCode).toBe(200);
    const board = await get("/api/public/board", null);
    expect(board.statusCode).toBe(200);
    expect(board.json().published).toBe(true);
    const text = board.body;
    expect(text).toContain("G1");
    // No enterprise appears on the public board.
    expect(text).not.toContain("昌江演示·");
    expect(text).not.toContain("enterpriseId");
    await app.inject({
      method: "PUT",
      url: "/api/board/publication",
      headers: office.headers,
      payload: { published: false },
    });
    expect((await get("/api/public/board", null)).json()).toEqual({ published: false });
  });
});
