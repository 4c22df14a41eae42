/**
 * The answers' own thread, on SQLite and PostgreSQL: the server's entry script run again in a worker thread computes
 * the dashboards' answers the app asks for (the same answer this thread computes), and keeps them; a large district's
 * change goes through it too; should the thread be gone, this thread computes.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, jsonReader, loginAsDemo, raiseMonthRevenue, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import {
  type AnswerComputer,
  clearTargetsCache,
  SLOW_COMPUTE_MS,
  setSlowComputeMs,
  useAnswerComputer,
} from "./answers.service";
import { type AnswersWorker, startAnswersWorker } from "./answers-worker";

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../cli/src/main.ts");

describe.each(testDatabases())("the answers' own thread on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let worker: AnswersWorker;
  const asked: string[] = [];

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    worker = startAnswersWorker({ script: ENTRY, db: db.config });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await closeSuite(app, db);
  });

  /** The worker, counting what it is asked. */
  const counting: AnswerComputer = {
    compute: (request, onProvisional) => {
      asked.push(request.name);
      return worker.compute(request, onProvisional);
    },
  };

  it("computes the answers in its thread, the same as this thread does, and keeps them", async () => {
    const read = jsonReader(app, office);
    const here = { dashboard: await read("/api/dashboard"), targets: await read("/api/targets") };
    clearTargetsCache(db);
    await db.kysely.deleteFrom("computed_answers").execute();
    useAnswerComputer(db, counting);
    try {
      const there = { dashboard: await read("/api/dashboard"), targets: await read("/api/targets") };
      expect(asked).toEqual(["dashboard", "targets"]);
      expect(there).toEqual(here);
      const kept = await db.kysely.selectFrom("computed_answers").select("name").orderBy("name").execute();
      expect(kept.map((row) => row.name)).toEqual(["dashboard", "targets"]);
    } finally {
      useAnswerComputer(db, null);
    }
  }, 60_000);

  it("brings a large district's answer up to date in its thread after a change", async () => {
    const read = jsonReader(app, office);
    useAnswerComputer(db, counting);
    setSlowComputeMs(db, 0);
    try {
      const before = await read("/api/dashboard");
      const { month } = before.asOf;
      await raiseMonthRevenue(app, office, before.asOf);
      asked.length = 0;
      let answer = await read("/api/dashboard");
      expect(answer.refreshing).toBe(true);
      for (let i = 0; i < 300 && answer.refreshing; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await read("/api/dashboard");
      }
      expect(answer.refreshing).toBeUndefined();
      expect(answer.dataVersion).toBeGreaterThan(before.dataVersion);
      const current = (a: { revenueByMonth: { months: { current: string }[] } }) =>
        BigInt(a.revenueByMonth.months[month - 1]?.current ?? "0");
      expect(current(answer)).toBe(current(before) + 1_000_000n);
      expect(asked).toEqual(["dashboard"]);
    } finally {
      setSlowComputeMs(db, SLOW_COMPUTE_MS);
      useAnswerComputer(db, null);
    }
  }, 60_000);

  it("computes the drill-downs and the exports' tables there too, and refuses there what this thread refuses", async () => {
    const read = jsonReader(app, office);
    const urls = ["/api/dashboard/records?figure=monthRevenue&year=2023&month=6", "/api/targets/G1/records?year=2023"];
    const here = await Promise.all(urls.map(read));
    const exportHere = await app.inject({ url: "/api/dashboard/export?chart=byChain", headers: office.headers });
    useAnswerComputer(db, counting);
    asked.length = 0;
    try {
      expect(await Promise.all(urls.map(read))).toEqual(here);
      const exported = await app.inject({ url: "/api/dashboard/export?chart=byChain", headers: office.headers });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers["content-disposition"]).toBe(exportHere.headers["content-disposition"]);
      const missing = await app.inject({ url: "/api/targets/NO-SUCH/records?year=2023", headers: office.headers });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toContain("NO-SUCH");
      // The two drill-downs were asked together: either may reach the thread first.
      expect(asked.slice(0, 2).sort()).toEqual(["dashboard-records", "target-records"]);
      expect(asked.slice(2)).toEqual(["chart-table", "target-records"]);
    } finally {
      useAnswerComputer(db, null);
    }
  }, 60_000);

  it("computes in this thread when the answers' thread is gone", async () => {
    const gone = startAnswersWorker({ script: ENTRY, db: db.config });
    await gone.close();
    useAnswerComputer(db, gone);
    try {
      clearTargetsCache(db);
      await db.kysely.deleteFrom("computed_answers").execute();
      const answer = await jsonReader(app, office)("/api/dashboard");
      expect(answer.refreshing).toBeUndefined();
      expect(answer.cards.length).toBeGreaterThan(0);
    } finally {
      useAnswerComputer(db, null);
    }
  });
});
