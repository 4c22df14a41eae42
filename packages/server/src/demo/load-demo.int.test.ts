import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../capabilities/accounts/index";
import { loadPlanIntoDistrict } from "../capabilities/plan/index";
import { verifyAuditChain } from "../platform/audit/audit.service";
import type { BeizengDb } from "../platform/db/database";
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

    it("fills what the pages read: targets T-M5, T-M7 and T-M9, late projects, problems, the register's records", async () => {
      const app = await testApp(db);
      try {
        const office = await loginAs(app, "demo-office", login("demo-office").password);
        const get = async (url: string) => {
          const response = await app.inject({ url, headers: office.headers });
          expect(response.statusCode).toBe(200);
          return response.json();
        };
        const { targets } = (await get("/api/targets")) as { targets: { targetId: string; status: string }[] };
        for (const id of ["T-M5", "T-M7a", "T-M7b", "T-M7c", "T-M9"]) {
          expect(targets.find((t) => t.targetId === id)?.status, id).not.toBe("no-data");
        }
        expect(targets.find((t) => t.targetId === "T-M5")?.status).toBe("green");
        expect(targets.find((t) => t.targetId === "T-M7b")?.status).toBe("green");

        for (const status of ["yellow", "red"]) {
          const late = (await get(`/api/projects?status=${status}`)) as { items: unknown[] };
          expect(late.items.length, status).toBeGreaterThan(0);
        }
        const open = (await get("/api/project-blockers?status=open")) as { items?: unknown[] } | unknown[];
        expect((Array.isArray(open) ? open : (open.items ?? [])).length).toBeGreaterThanOrEqual(3);

        const listed = await db.kysely
          .selectFrom("enterprises")
          .select(["id", "listing_stage"])
          .where("listing_stage", "=", "domestic")
          .executeTakeFirstOrThrow();
        const detail = (await get(`/api/enterprises/${listed.id}`)) as {
          listingEvents: { stage: string }[];
          designations: unknown[];
        };
        expect(detail.listingEvents.map((e) => e.stage)).toEqual(["display", "shareholding", "neeq", "domestic"]);

        const count = async (table: "enterprise_grants" | "tech_projects" | "enterprise_events" | "reward_budgets") =>
          Number(
            (
              await db.kysely
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("count"))
                .executeTakeFirstOrThrow()
            ).count,
          );
        expect(await count("enterprise_grants")).toBeGreaterThan(10);
        expect(await count("tech_projects")).toBeGreaterThan(5);
        expect(await count("enterprise_events")).toBe(2);
        expect(await count("reward_budgets")).toBe(3);
        const investment = await db.kysely
          .selectFrom("district_investment_years")
          .select(["year", "manufacturing_fen", "updated_by"])
          .where("year", "=", 2023)
          .executeTakeFirstOrThrow();
        // Money stays exact: 845,263.47万元.
        expect(String(investment.manufacturing_fen)).toBe("845263470000");
        const statistics = await db.kysely
          .selectFrom("users")
          .select("id")
          .where("username", "=", "demo-stats")
          .executeTakeFirstOrThrow();
        expect(investment.updated_by).toBe(statistics.id);
      } finally {
        await app.close();
      }
    });

    it("has lived 2021's rewards: most paid once by 区财政局, some waiting at each step, one sent back", async () => {
      const rows = await db.kysely
        .selectFrom("reward_entitlements")
        .select(["status", "enterprise_id", "one_time_key"])
        .where("year", "=", 2021)
        .execute();
      const statuses = new Set(rows.map((row) => row.status));
      for (const status of ["paid", "approved", "reviewed", "confirmed", "rejected"])
        expect(statuses).toContain(status);
      const paid = rows.filter((row) => row.status === "paid");
      expect(paid.length).toBeGreaterThan(rows.length / 2);
      const payments = await db.kysely.selectFrom("reward_payments").select("one_time_key").execute();
      expect(payments.map((p) => p.one_time_key).sort()).toEqual(paid.map((row) => row.one_time_key).sort());
      // The demo enterprise accounts start with nothing waiting for them.
      const own = await db.kysely
        .selectFrom("users")
        .select("enterprise_id")
        .where("role", "=", "enterprise")
        .execute();
      const ownIds = new Set(own.map((row) => row.enterprise_id));
      for (const row of rows.filter((r) => ownIds.has(r.enterprise_id))) expect(row.status).toBe("paid");
    });

    it("has lived 2021–2023's supervision: tasks in every colour, reports sent back, a bulletin, a summons, warnings", async () => {
      const app = await testApp(db);
      try {
        const office = await loginAs(app, "demo-office", login("demo-office").password);
        const get = async (url: string) => {
          const response = await app.inject({ url, headers: office.headers });
          expect(response.statusCode, url).toBe(200);
          return response.json();
        };
        const tasks = (await get("/api/tasks")) as {
          counts: { green: number; yellow: number; red: number };
          items: { planTaskId: string; health: { color: string } }[];
        };
        expect(tasks.counts.green).toBeGreaterThan(tasks.counts.red);
        expect(tasks.counts.yellow).toBeGreaterThan(0);
        expect(tasks.counts.red).toBeGreaterThan(0);
        // 区商务局's demo account still has a task to report on.
        expect(tasks.items.find((t) => t.planTaskId === "M2-investment-team")?.health.color).toBe("red");

        const returned = await db.kysely
          .selectFrom("task_reports")
          .select(["task_id", "period", "returned_reason"])
          .where("status", "=", "returned")
          .execute();
        expect(returned.length).toBeGreaterThanOrEqual(3);
        expect(returned.every((r) => (r.returned_reason ?? "").length > 0)).toBe(true);

        const bulletins = (await get("/api/bulletins")) as { items: { number: string; periodLabel: string }[] };
        expect(bulletins.items.map((b) => [b.number, b.periodLabel])).toEqual([
          ["昌纪督〔2024〕1号", "2023年第四季度"],
        ]);
        const talks = await db.kysely.selectFrom("summons_talks").select(["year", "bulletin_id"]).execute();
        expect(talks).toHaveLength(1);

        const ranking = (await get("/api/supervision/ranking?from=2023-01-01&to=2023-12-31")) as {
          summons: unknown[];
        };
        expect(ranking.summons.length).toBeGreaterThan(0);
        const assessment = (await get("/api/assessment/2023")) as { rows: { score: string | null }[] };
        expect(assessment.rows.filter((row) => row.score !== null).length).toBeGreaterThan(3);

        const leader = await db.kysely
          .selectFrom("users")
          .select("id")
          .where("username", "=", "demo-leader")
          .executeTakeFirstOrThrow();
        const warnings = await db.kysely
          .selectFrom("monitoring_warnings")
          .select(["enterprise_id"])
          .where("status", "=", "open")
          .where("year", "=", 2023)
          .where("leader_user_id", "=", leader.id)
          .execute();
        expect(new Set(warnings.map((w) => w.enterprise_id)).size).toBeGreaterThanOrEqual(2);
      } finally {
        await app.close();
      }
    });

    it("gives the reward rules something to pay under each rule, from grants to tech projects and events", async () => {
      const app = await testApp(db);
      try {
        const office = await loginAs(app, "demo-office", login("demo-office").password);
        const rules = new Set<string>();
        for (const year of [2021, 2022, 2023]) {
          const started = await app.inject({
            method: "POST",
            url: "/api/rewards/batches",
            headers: office.headers,
            payload: { year },
          });
          expect(started.statusCode).toBe(202);
          const batchId = (started.json() as { id: number }).id;
          let status = "running";
          for (let attempt = 0; attempt < 200 && status === "running"; attempt++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            const batch = await app.inject({ url: `/api/rewards/batches/${batchId}`, headers: office.headers });
            status = (batch.json() as { status: string }).status;
          }
          expect(status).toBe("done");
          const list = await app.inject({
            url: `/api/rewards/entitlements?year=${year}&pageSize=100`,
            headers: office.headers,
          });
          for (const item of (list.json() as { items: { ruleId: string }[] }).items) rules.add(item.ruleId);
        }
        for (const rule of ["R-MATCH", "R-TECH", "R-IPO", "R-LISTED-MOVE", "R-500", "R-GROWTH", "R-NEW-SCALE"]) {
          expect(rules.has(rule), rule).toBe(true);
        }
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
