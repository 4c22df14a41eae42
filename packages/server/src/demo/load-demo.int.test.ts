import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../db/database";
import { verifyAuditChain } from "../services/audit.service";
import { loadPlanIntoDistrict } from "../services/plan.service";
import { createUser } from "../services/users.service";
import { loginAs, shippedPlan, TEST_ACTOR, testApp } from "../testing/fixtures";
import { testDatabases } from "../testing/test-databases";
import { DEMO_ACCOUNT_LOGINS, generateDemoData } from "./generate";
import { databaseIsEmpty, loadDemo } from "./load-demo";

const login = (username: string) => DEMO_ACCOUNT_LOGINS.find((account) => account.username === username)!;

describe.each(testDatabases())("demo data on $name", (database) => {
  describe("into an empty database", () => {
    let db: BeizengDb;
    beforeAll(async () => {
      db = await database.createMigrated();
    });
    afterAll(() => db.close());

    it("loads the plan and every demo row in one go, marked as demo and audited as 演示数据", async () => {
      expect(await databaseIsEmpty(db)).toBe(true);
      const outcome = await loadDemo(db);
      expect(outcome.status).toBe("loaded");
      if (outcome.status !== "loaded") return;
      expect(outcome.planLoaded).toBe(true);
      expect(outcome.counts.enterprises).toBeGreaterThan(80);
      expect(outcome.logins.map((l) => l.username)).toEqual(DEMO_ACCOUNT_LOGINS.map((l) => l.username));

      const enterprises = await db.kysely.selectFrom("enterprises").select(["is_demo"]).execute();
      expect(enterprises.length).toBe(outcome.counts.enterprises);
      expect(enterprises.every((row) => row.is_demo === 1)).toBe(true);
      const projects = await db.kysely.selectFrom("projects").select(["is_demo"]).execute();
      expect(projects.every((row) => row.is_demo === 1)).toBe(true);
      const figures = await db.kysely
        .selectFrom("figures")
        .select((eb) => eb.fn.countAll().as("count"))
        .where("source_kind", "=", "demo")
        .executeTakeFirstOrThrow();
      expect(Number(figures.count)).toBe(outcome.counts.figures);

      const actors = await db.kysely.selectFrom("audit_log").select("actor_label").distinct().execute();
      expect(actors.map((row) => row.actor_label)).toEqual(["演示数据"]);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it("stores money exactly: the monthly revenue of an enterprise sums to its annual value", async () => {
      const enterprise = await db.kysely.selectFrom("enterprises").select("id").orderBy("id").executeTakeFirstOrThrow();
      const rows = await db.kysely
        .selectFrom("figures")
        .select(["month", "value"])
        .where("enterprise_id", "=", enterprise.id)
        .where("metric", "=", "revenue")
        .where("year", "=", 2022)
        .execute();
      const annual = BigInt(rows.find((row) => row.month === 0)!.value);
      const months = rows.filter((row) => row.month > 0).reduce((sum, row) => sum + BigInt(row.value), 0n);
      expect(rows.length).toBe(13);
      expect(months).toBe(annual);
    });

    it("lets every demo account sign in, flags the district as demo, and keeps enterprises apart", async () => {
      const app = await testApp(db);
      try {
        const meta = await app.inject({ method: "GET", url: "/api/meta" });
        expect(meta.json()).toMatchObject({ demo: true, district: { id: "360202" } });
        for (const account of DEMO_ACCOUNT_LOGINS) await loginAs(app, account.username, account.password);

        const own = await loginAs(app, "demo-enterprise", login("demo-enterprise").password);
        const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: own.cookie } });
        const ownId = (me.json() as { user: { enterprise: { id: number } } }).user.enterprise.id;
        const other = await db.kysely
          .selectFrom("users")
          .select("enterprise_id")
          .where("username", "=", "demo-enterprise2")
          .executeTakeFirstOrThrow();
        expect(other.enterprise_id).not.toBe(ownId);
        const mine = await app.inject({
          method: "GET",
          url: `/api/enterprises/${ownId}`,
          headers: { cookie: own.cookie },
        });
        expect(mine.statusCode).toBe(200);
        const theirs = await app.inject({
          method: "GET",
          url: `/api/enterprises/${other.enterprise_id}`,
          headers: { cookie: own.cookie },
        });
        expect(theirs.statusCode).toBe(403);
      } finally {
        await app.close();
      }
    });

    it("does not load twice", async () => {
      const before = await db.kysely.selectFrom("audit_log").select("id").execute();
      const outcome = await loadDemo(db);
      expect(outcome.status).toBe("already-loaded");
      const after = await db.kysely.selectFrom("audit_log").select("id").execute();
      expect(after.length).toBe(before.length);
    });
  });

  describe("into a database that holds another district", () => {
    let db: BeizengDb;
    beforeAll(async () => {
      db = await database.createMigrated();
      await loadPlanIntoDistrict(db, shippedPlan("test-district-2024-2026"), TEST_ACTOR);
    });
    afterAll(() => db.close());

    it("refuses without force, and with force adds the demo as its own district", async () => {
      const refused = await loadDemo(db);
      expect(refused.status).toBe("refused");
      expect(await db.kysely.selectFrom("enterprises").select("id").execute()).toHaveLength(0);

      const forced = await loadDemo(db, { force: true });
      expect(forced.status).toBe("loaded");
      const districts = await db.kysely.selectFrom("districts").select("id").orderBy("id").execute();
      expect(districts.map((row) => row.id)).toEqual(["360202", "990101"]);
    });
  });

  describe("when a demo row cannot be written", () => {
    let db: BeizengDb;
    beforeAll(async () => {
      db = await database.createMigrated();
    });
    afterAll(() => db.close());

    it("writes nothing at all (one transaction)", async () => {
      const plan = shippedPlan("changjiang-2021-2023");
      await loadPlanIntoDistrict(db, plan, TEST_ACTOR);
      await createUser(
        db,
        { districtId: "360202", username: "admin", displayName: "管理员", role: "office", password: "Passw0rd-test" },
        TEST_ACTOR,
      );
      // A real enterprise that already has the credit code the demo would give its last enterprise.
      const units = (await db.kysely.selectFrom("units").select(["code", "name", "kind"]).execute()).map((u) => ({
        ...u,
      }));
      const last = generateDemoData({ units }).enterprises.at(-1)!;
      const now = new Date().toISOString();
      await db.kysely
        .insertInto("enterprises")
        .values({
          district_id: "360202",
          credit_code: last.creditCode,
          name: "真实企业",
          chain_id: "other",
          is_key: 0,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const auditBefore = await db.kysely.selectFrom("audit_log").select("id").execute();

      await expect(loadDemo(db, { force: true })).rejects.toThrow();

      const users = await db.kysely.selectFrom("users").select("username").execute();
      expect(users.map((row) => row.username)).toEqual(["admin"]);
      expect(await db.kysely.selectFrom("enterprises").select("id").execute()).toHaveLength(1);
      expect(await db.kysely.selectFrom("figures").select("id").execute()).toHaveLength(0);
      expect(await db.kysely.selectFrom("audit_log").select("id").execute()).toHaveLength(auditBefore.length);
    });
  });
});
