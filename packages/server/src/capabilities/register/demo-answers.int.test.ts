/**
 * The demo district's data reach every branch of the register's answers and those read beside it (enterprises of
 * every status, stage and designation with figures of every source, corrections, visits, support records,
 * monitoring warnings; accounts, units, the audit log, notifications): each JSON answer of these routes is read
 * on it, by the office and by the accounts that see less, so that the contract's schemas (checked on every answer
 * in tests) hold on data as rich as a district's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../demo/load-demo";
import type { BeizengDb } from "../../platform/db/database";
import { jsonReader, loginAsDemo, type Session, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("the register's answers on the demo district, $name", (database) => {
  let db: BeizengDb;
  beforeAll(async () => {
    db = await database.createMigrated();
    const outcome = await loadDemo(db);
    expect(outcome.status).toBe("loaded");
  });
  afterAll(() => db.close());

  it("answers every register, support, monitoring, account, unit, audit and notification route as its schema says", async () => {
    const app = await testApp(db);
    try {
      const reader = (session: Session | null) => jsonReader(app, session);
      const office = reader(await loginAsDemo(app, "demo-office"));

      const register = (await office("/api/enterprises?pageSize=500")) as {
        items: { id: number; listingStage: string | null; scale: { status: string } | null }[];
        total: number;
      };
      expect(register.items.length).toBe(register.total);
      // The demo holds enterprises of each status and listed ones, so every enum of the summary is read.
      expect(new Set(register.items.map((e) => e.scale?.status))).toEqual(new Set(["above", "reserve", "other"]));
      expect(register.items.some((e) => e.listingStage !== null)).toBe(true);
      for (const enterprise of register.items) {
        await office(`/api/enterprises/${enterprise.id}`);
        await office(`/api/enterprises/${enterprise.id}/history`);
        await office(`/api/enterprises/${enterprise.id}/support`);
      }
      await office("/api/enterprises?status=reserve&reserveWithin=1000");
      await office("/api/enterprises?key=true&designation=specialized&page=2&pageSize=5");
      const warnings = (await office("/api/monitoring/warnings")) as { items: unknown[] };
      expect(warnings.items.length).toBeGreaterThan(0);
      await office("/api/monitoring/warnings?status=resolved");
      await office("/api/monitoring/settings");

      await office("/api/users");
      await office("/api/units");
      await office("/api/plan");
      await office("/api/meta");
      await office("/api/auth/me");
      await office("/api/auth/session");
      const audit = (await office("/api/audit?pageSize=500")) as { total: number };
      expect(audit.total).toBeGreaterThan(0);
      await office("/api/audit?entityType=enterprise&page=2&pageSize=10");
      await office("/api/audit/verify");
      await office("/api/notifications");

      const enterprise = reader(await loginAsDemo(app, "demo-enterprise"));
      const own = (await enterprise("/api/enterprises")) as { items: { id: number }[] };
      expect(own.items).toHaveLength(1);
      const detail = (await enterprise(`/api/enterprises/${own.items[0]?.id}`)) as { serviceNotes: unknown[] };
      expect(detail.serviceNotes).toEqual([]);
      await enterprise(`/api/enterprises/${own.items[0]?.id}/support`);
      await enterprise("/api/notifications");

      const leader = reader(await loginAsDemo(app, "demo-leader"));
      await leader("/api/enterprises?mine=true");
      await leader("/api/monitoring/warnings");
      await leader("/api/notifications");
      const unit = reader(await loginAsDemo(app, "demo-unit"));
      await unit("/api/notifications");
      await reader(null)("/api/auth/session");
    } finally {
      await app.close();
    }
  });
});
