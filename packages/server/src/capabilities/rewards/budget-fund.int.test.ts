import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("the rewards budget from the plan's fund on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let officeB: Session;
  let officeA: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    await seedWorld(db);
    app = await testApp(db);
    officeB = await loginAs(app, "office-b");
    officeA = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("starts each year from the fund the plan states, with every source beside it, until the office sets the year's own", async () => {
    const summary = (await app.inject({ url: "/api/rewards/budget", headers: officeB.headers })).json();
    const first = summary.years.find((year: { year: number }) => year.year === 2024);
    expect(first).toMatchObject({ budgetFen: "1500000000", budgetFrom: "plan", remainingFen: "1500000000" });
    expect(first.sources).toEqual([
      expect.objectContaining({
        id: "high-tech-park",
        amountFen: "1000000000",
        paidFen: "0",
        remainingFen: "1000000000",
      }),
      expect.objectContaining({
        id: "district-budget",
        amountFen: "500000000",
        paidFen: "0",
        remainingFen: "500000000",
      }),
    ]);

    const set = await app.inject({
      method: "PUT",
      url: "/api/rewards/budgets/2024",
      headers: officeB.headers,
      payload: { amountYuan: "12000000" },
    });
    expect(set.statusCode).toBe(200);
    const after = set.json().years.find((year: { year: number }) => year.year === 2024);
    expect(after).toMatchObject({ budgetFen: "1200000000", budgetFrom: "office" });
    expect(after.sources).toHaveLength(2);

    // A plan without a fund: no budget until the office sets one, and no sources.
    const withoutFund = (await app.inject({ url: "/api/rewards/budget", headers: officeA.headers })).json();
    expect(withoutFund.years[0]).toMatchObject({ budgetFen: null, budgetFrom: null, sources: [] });
  });
});
