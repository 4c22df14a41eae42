/**
 * The demo district's data reach every branch of the targets' answers (forecasts with their candidates,
 * contributions, fall risks, reserve pools, records with messages): each JSON answer of these routes is read on
 * it, so that the contract's schemas (checked on every answer in tests) hold on data as rich as a district's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { demoDatabase, jsonReader, loginAsDemo, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("targets' answers on the demo district, $name", (database) => {
  let db: BeizengDb;
  beforeAll(async () => {
    db = await demoDatabase(database);
  });
  afterAll(() => db.close());

  it("answers every targets, dashboard and board route as its schema says", async () => {
    const app = await testApp(db);
    try {
      const office = await loginAsDemo(app, "demo-office");
      const get = jsonReader(app, office);
      const targets = (await get("/api/targets")) as { asOf: { year: number }; targets: { targetId: string }[] };
      expect(targets.targets.length).toBeGreaterThan(0);
      await get("/api/targets?asOf=2022-06");
      for (const target of targets.targets) {
        for (let year = targets.asOf.year - 2; year <= targets.asOf.year; year++) {
          await get(`/api/targets/${encodeURIComponent(target.targetId)}/records?year=${year}`);
        }
      }
      await get("/api/targets/inputs");
      const dashboard = (await get("/api/dashboard")) as { byChain: { key: string }[]; byTown: { key: string }[] };
      await get("/api/dashboard?asOf=2022-06");
      const figures = ["aboveScaleRevenue", "aboveScaleCount", "periodRevenue", "projects", "reserve"];
      for (const figure of figures) await get(`/api/dashboard/records?figure=${figure}`);
      await get("/api/dashboard/records?figure=monthRevenue&month=3");
      await get(`/api/dashboard/records?figure=periodRevenue&chain=${dashboard.byChain[0]?.key ?? ""}`);
      await get(`/api/dashboard/records?figure=periodRevenue&town=${dashboard.byTown[0]?.key ?? ""}`);
      await get("/api/dashboard/records?figure=projects&stage=construction");
      await get("/api/board/publication");

      const publish = await app.inject({
        method: "PUT",
        url: "/api/board/publication",
        headers: office.headers,
        payload: { published: true },
      });
      expect(publish.statusCode).toBe(200);
      const board = await app.inject({ url: "/api/public/board" });
      expect(board.statusCode, board.body.slice(0, 300)).toBe(200);
    } finally {
      await app.close();
    }
  });
});
