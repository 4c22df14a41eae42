/** A user of one district never sees or changes another district's rows. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "./platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "./testing/fixtures";
import { testDatabases } from "./testing/test-databases";

describe.each(testDatabases())("tenant isolation on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let officeB: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    officeB = await loginAs(app, "office-b");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = (url: string) => app.inject({ url, headers: officeB.headers });

  it("shows district B its own plan, meta, units and users only", async () => {
    expect((await get("/api/plan")).json().id).toBe("test-district-2024-2026");
    expect((await get("/api/meta")).json().district.id).toBe(world.districtB);
    const units = (await get("/api/units")).json().items as { code: string }[];
    expect(units.map((u) => u.code)).toContain("beishan-town");
    expect(units.map((u) => u.code)).not.toContain("liyang-town");
    const users = (await get("/api/users")).json().items as { username: string; districtId: string }[];
    expect(users.map((u) => u.username)).toEqual(["office-b"]);
  });

  it("shows district B its own enterprises only", async () => {
    const list = (await get("/api/enterprises")).json();
    expect(list.items.map((e: { id: number }) => e.id)).toEqual([world.enterpriseB]);
    expect((await get(`/api/enterprises/${world.enterpriseA}`)).statusCode).toBe(404);
    expect((await get("/api/projects")).json().total).toBe(0);
  });

  it("cannot change district A's accounts or units", async () => {
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/users/${world.users.office.id}`,
      headers: officeB.headers,
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(404);
    const reset = await app.inject({
      method: "POST",
      url: `/api/users/${world.users.leader.id}/reset-password`,
      headers: officeB.headers,
      payload: {},
    });
    expect(reset.statusCode).toBe(404);
    const unitA = (await db.kysely
      .selectFrom("units")
      .select("id")
      .where("district_id", "=", world.districtA)
      .where("editable", "=", 1)
      .executeTakeFirstOrThrow())!;
    const unit = await app.inject({
      method: "PATCH",
      url: `/api/units/${unitA.id}`,
      headers: officeB.headers,
      payload: { name: "改名", reason: "更名" },
    });
    expect(unit.statusCode).toBe(404);
    // Nor attach district A's unit or enterprise to a district B account.
    const create = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: officeB.headers,
      payload: {
        username: "sneaky",
        displayName: "越权",
        role: "enterprise",
        enterpriseId: world.enterpriseA,
        password: "Sneaky-passw0rd",
      },
    });
    expect(create.statusCode).toBe(400);
  });

  it("keeps each district's audit log to itself", async () => {
    const entries = (await get("/api/audit?pageSize=500")).json().items as { entityType: string; after: unknown }[];
    expect(entries.length).toBeGreaterThan(0);
    const officeA = await loginAs(app, "office-a");
    const aEntries = (await app.inject({ url: "/api/audit?pageSize=500", headers: officeA.headers })).json().items;
    const aIds = new Set(aEntries.map((e: { id: number }) => e.id));
    expect(entries.some((e) => aIds.has((e as unknown as { id: number }).id))).toBe(false);
  });
});
