/**
 * The active plan as the API reads it, on SQLite and PostgreSQL: a new version (loaded here or by another
 * process) is what the next read returns, and a stored plan that
 * no longer validates is a Chinese server error naming the district and version.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import { contentDigest } from "../../platform/plan/districts.repository";
import { loginAs, type SeededWorld, type Session, seedWorld, shippedPlan, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "./index";

describe.each(testDatabases())("reading the active plan on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let officeB: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    officeB = await loginAs(app, world.users.officeB.username);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const readPlan = () => app.inject({ url: "/api/plan", headers: { cookie: officeB.cookie } });

  it("returns a newly loaded version on the next read, also one stored by another process", async () => {
    const first = await readPlan();
    expect(first.statusCode).toBe(200);
    const shipped = shippedPlan("test-district-2024-2026");
    expect(first.json()).toMatchObject({ id: shipped.id, version: shipped.version, title: shipped.title });

    await loadPlanIntoDistrict(db, { ...shipped, version: shipped.version + 1, title: "第二版标题" }, SYSTEM_ACTOR);
    expect((await readPlan()).json()).toMatchObject({ version: shipped.version + 1, title: "第二版标题" });

    // Another process sharing the database makes a third version current: this process's kept second
    // version is not what the next read returns.
    await db.kysely.updateTable("plans").set({ is_active: 0 }).where("district_id", "=", world.districtB).execute();
    const content = JSON.stringify({ ...shipped, version: shipped.version + 2, title: "另一进程写入的标题" });
    await db.kysely
      .insertInto("plans")
      .values({
        district_id: world.districtB,
        plan_id: shipped.id,
        version: shipped.version + 2,
        title: "另一进程写入的标题",
        content,
        content_sha256: contentDigest(content),
        loaded_at: new Date().toISOString(),
        effective_year: shipped.period.startYear,
        reason: null,
        loaded_by: "another process",
        is_active: 1,
      })
      .execute();
    expect((await readPlan()).json()).toMatchObject({ version: shipped.version + 2, title: "另一进程写入的标题" });
  });

  it("answers a stored plan that no longer validates with a Chinese error naming the district and version", async () => {
    const shipped = shippedPlan("test-district-2024-2026");
    const broken = { ...shipped, version: 7, period: { ...shipped.period, endYear: "2026年" } };
    await db.kysely.updateTable("plans").set({ is_active: 0 }).where("district_id", "=", world.districtB).execute();
    await db.kysely
      .insertInto("plans")
      .values({
        district_id: world.districtB,
        plan_id: shipped.id,
        version: 7,
        title: shipped.title,
        content: JSON.stringify(broken),
        content_sha256: null,
        loaded_at: new Date().toISOString(),
        effective_year: null,
        reason: null,
        loaded_by: null,
        is_active: 1,
      })
      .execute();

    const response = await readPlan();
    expect(response.statusCode).toBe(500);
    const error = (response.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("stored_plan_invalid");
    expect(error.message).toContain("云溪区（990101）存储的行动方案“test-district-2024-2026”第 7 版未通过校验");
    expect(error.message).toContain("period.endYear");

    // Loading a valid next version puts things right at once.
    await loadPlanIntoDistrict(db, { ...shipped, version: 8 }, SYSTEM_ACTOR);
    expect((await readPlan()).json()).toMatchObject({ version: 8, title: shipped.title });
  });
});
