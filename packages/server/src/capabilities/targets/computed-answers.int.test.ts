/**
 * The dashboards' answers kept by the database, on SQLite and PostgreSQL: a process that holds nothing answers from
 * what the database keeps at the current data version; a small district's change is computed on the request; a large
 * one's is answered at once with its last answer, marked as being brought up to date, and then with the new one;
 * an answer of older data never overwrites a newer one.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, jsonReader, loginAsDemo, raiseMonthRevenue, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { clearTargetsCache, SLOW_COMPUTE_MS, setSlowComputeMs } from "./answers.service";
import { storeAnswer } from "./targets.repository";

interface DashboardAnswer {
  refreshing?: true;
  asOf: { year: number; month: number };
  dataVersion: number;
  plan: { title: string };
  revenueByMonth: { months: ({ current: string | null } | undefined)[] };
}

describe.each(testDatabases())("the dashboards' answers kept by the database on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let office: Session;
  let districtId: string;

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    districtId = (await db.kysely.selectFrom("districts").select("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => closeSuite(app, db));

  const dashboard = async (): Promise<DashboardAnswer> => jsonReader(app, office)("/api/dashboard");
  const kept = (name: string) =>
    db.kysely
      .selectFrom("computed_answers")
      .selectAll()
      .where("district_id", "=", districtId)
      .where("name", "=", name)
      .where("as_of", "=", "default")
      .executeTakeFirst();

  /** Raises one above-scale enterprise's revenue of the dashboard's month by 1万元; the month's total expected. */
  async function enterChange(answer: DashboardAnswer): Promise<bigint> {
    await raiseMonthRevenue(app, office, answer.asOf);
    return monthValue(answer) + 1_000_000n;
  }

  const monthValue = (answer: DashboardAnswer) =>
    BigInt(answer.revenueByMonth.months[answer.asOf.month - 1]?.current ?? "0");

  it("keeps each answer with the data version it was computed at, and answers from it in a process holding nothing", async () => {
    const first = await dashboard();
    expect(first.refreshing).toBeUndefined();
    const row = await kept("dashboard");
    expect(row).toBeDefined();
    expect(JSON.parse(row?.body ?? "{}").dataVersion).toBe(first.dataVersion);
    expect(Number(row?.audit_seq) + Number(row?.figures_version)).toBe(first.dataVersion);

    // What the database keeps is what a process holding nothing sends: marked here so that a computation would show.
    const marked = { ...JSON.parse(row?.body ?? "{}"), plan: { ...first.plan, title: "已保存的答案" } };
    await db.kysely
      .updateTable("computed_answers")
      .set({ body: JSON.stringify(marked) })
      .where("district_id", "=", districtId)
      .where("name", "=", "dashboard")
      .execute();
    clearTargetsCache(db);
    expect((await dashboard()).plan.title).toBe("已保存的答案");

    // The targets page is kept apart from the dashboard.
    const targets = await jsonReader(app, office)("/api/targets");
    expect((await kept("targets"))?.body).toBe(JSON.stringify(targets));
  });

  it("computes a small district's change on the request", async () => {
    clearTargetsCache(db);
    const before = await dashboard();
    const expected = await enterChange(before);
    const after = await dashboard();
    expect(after.refreshing).toBeUndefined();
    expect(monthValue(after)).toBe(expected);
    expect(after.dataVersion).toBeGreaterThan(before.dataVersion);
  });

  it("answers a large district at once with its last answer, marked, and then with the new one", async () => {
    const before = await dashboard();
    // The district's last computation as a large district's: it took longer than a request may wait.
    await db.kysely
      .updateTable("computed_answers")
      .set({ compute_ms: SLOW_COMPUTE_MS * 30 })
      .where("district_id", "=", districtId)
      .execute();
    clearTargetsCache(db);
    const expected = await enterChange(before);

    const stale = await dashboard();
    expect(stale.refreshing).toBe(true);
    expect(stale.dataVersion).toBe(before.dataVersion);
    expect(monthValue(stale)).toBe(monthValue(before));

    let fresh = stale;
    for (let i = 0; i < 200 && fresh.refreshing; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fresh = await dashboard();
    }
    expect(fresh.refreshing).toBeUndefined();
    expect(monthValue(fresh)).toBe(expected);
    expect(fresh.dataVersion).toBeGreaterThan(before.dataVersion);
    const row = await kept("dashboard");
    expect(JSON.parse(row?.body ?? "{}").dataVersion).toBe(fresh.dataVersion);
  });

  it("shows a change's figures with the earlier forecasts first when it holds an earlier result, then the whole answer", async () => {
    // This process holds the whole result of the current data (the last test's), so a change is patched in; every
    // district is answered here as a large one is.
    const before = await dashboard();
    setSlowComputeMs(db, 0);
    const expected = await enterChange(before);
    const seen: DashboardAnswer[] = [];
    let answer = await dashboard();
    seen.push(answer);
    for (let i = 0; i < 200 && (answer.refreshing || monthValue(answer) !== expected); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await dashboard();
      seen.push(answer);
    }
    expect(answer.refreshing).toBeUndefined();
    expect(monthValue(answer)).toBe(expected);
    // Every answer on the way was either the last whole one or one of the new data; none was of anything else.
    for (const step of seen) expect([monthValue(before), expected]).toContain(monthValue(step));
    expect(seen[0]?.refreshing).toBe(true);
    setSlowComputeMs(db, SLOW_COMPUTE_MS);
  });

  it("never lets an answer of older data overwrite one of newer data", async () => {
    const row = await kept("dashboard");
    if (!row) throw new Error("no answer kept");
    await storeAnswer(db, districtId, "dashboard", "default", {
      audit: Number(row.audit_seq) - 1,
      figures: Number(row.figures_version),
      body: '{"older":true}',
      computeMs: 1,
    });
    expect((await kept("dashboard"))?.body).toBe(row.body);
    await storeAnswer(db, districtId, "dashboard", "default", {
      audit: Number(row.audit_seq),
      figures: Number(row.figures_version) + 1,
      body: '{"newer":true}',
      computeMs: 1,
    });
    expect((await kept("dashboard"))?.body).toBe('{"newer":true}');
  });
});
