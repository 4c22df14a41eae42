/**
 * The demo district's data reach every branch of supervision's answers (tasks of every colour with reports and
 * evidence, issued bulletins, summons, rankings, assessments): each JSON answer of these routes is read on it, so
 * that the contract's schemas (checked on every answer in tests) hold on data as rich as a district's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { demoDatabase, jsonReader, loginAsDemo, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("supervision's answers on the demo district, $name", (database) => {
  let db: BeizengDb;
  beforeAll(async () => {
    db = await demoDatabase(database);
  });
  afterAll(() => db.close());

  it("answers every tasks and supervision route as its schema says", async () => {
    const app = await testApp(db);
    try {
      const office = await loginAsDemo(app, "demo-office");
      const get = jsonReader(app, office);
      const tasks = (await get("/api/tasks")) as { items: { id: number }[] };
      expect(tasks.items.length).toBeGreaterThan(0);
      for (const task of tasks.items) await get(`/api/tasks/${task.id}`);
      await get("/api/tasks?color=red");
      await get("/api/webhook-settings");
      const bulletins = (await get("/api/bulletins")) as { items: unknown[] };
      expect(bulletins.items.length).toBeGreaterThan(0);
      await get("/api/bulletins/preview?from=2023-01-01&to=2023-03-31");
      await get("/api/supervision/ranking?from=2023-01-01&to=2023-12-31");
      await get("/api/summons-talks");
      await get("/api/assessment/2023");
      await get("/api/assessment/history");
    } finally {
      await app.close();
    }
  });
});
