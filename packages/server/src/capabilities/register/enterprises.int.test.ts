import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("enterprise register on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let leader: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    leader = await loginAs(app, "leader-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = (url: string) => app.inject({ url, headers: leader.headers });

  it("lists and filters enterprises", async () => {
    const all = (await get("/api/enterprises")).json();
    expect(all.total).toBe(2);
    expect((await get("/api/enterprises?q=乙医药")).json().items.map((e: { id: number }) => e.id)).toEqual([
      world.enterpriseA2,
    ]);
    expect((await get("/api/enterprises?q=xxxx01")).json().items.map((e: { id: number }) => e.id)).toEqual([
      world.enterpriseA,
    ]);
    expect((await get("/api/enterprises?q=%25")).json().total).toBe(0);
    const above = (await get("/api/enterprises?status=above")).json();
    expect(above.items.map((e: { id: number }) => e.id)).toEqual([world.enterpriseA]);
    expect(above.items[0].scale).toEqual({ year: 2022, status: "above" });
    expect((await get("/api/enterprises?status=reserve&year=2021")).json().total).toBe(1);
    expect((await get("/api/enterprises?status=reserve")).json().total).toBe(0);
    const bad = await get("/api/enterprises?chain=steel");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("chain");
  });

  it("returns one enterprise with scale history and exact figures", async () => {
    const detail = (await get(`/api/enterprises/${world.enterpriseA}`)).json();
    expect(detail.scaleHistory).toEqual([
      { year: 2021, status: "reserve" },
      { year: 2022, status: "above" },
    ]);
    expect(detail.figures[0]).toMatchObject({ year: 2022, month: 0, metric: "revenue", value: "9007199254740993" });
  });

  it("lists projects (none yet)", async () => {
    expect((await get("/api/projects")).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});
