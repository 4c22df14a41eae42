/**
 * Rule pages on the demo district, on SQLite and PostgreSQL: the calculator gives, for every rule and a sample of
 * enterprises, exactly what the batch stored for that enterprise-year; the worked example that did not get a reward
 * is the nearest miss of the district; the public pages answer "not published" as the public board does until the
 * office publishes them (audited), then name no enterprise; bad figures are refused with their field named.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, demoApp, loginAsDemo, type Session } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface RuleSummaryJson {
  ruleId: string;
  outputRuleIds: string[];
  subject: string;
}

describe.each(testDatabases())("reward rule pages on the demo district, $name", (database) => {
  let db: BeizengDb | undefined;
  let app: FastifyInstance | undefined;
  let office: Session;
  let enterprise: Session;
  let year: number;
  let rules: RuleSummaryJson[];

  beforeAll(async () => {
    ({ db, app } = await demoApp(database));
    office = await loginAsDemo(app, "demo-office");
    enterprise = await loginAsDemo(app, "demo-enterprise");
    const latest = await db.kysely
      .selectFrom("reward_batches")
      .select("year")
      .where("status", "=", "done")
      .orderBy("year", "desc")
      .executeTakeFirstOrThrow();
    year = latest.year;
    const index = await app.inject({ url: "/api/rules", headers: office.headers });
    expect(index.statusCode, index.body).toBe(200);
    rules = index.json().rules;
  }, 180_000);
  afterAll(() => closeSuite(app, db));

  const get = (session: Session | null, url: string) => app!.inject({ url, headers: session?.headers ?? {} });
  const post = (session: Session | null, url: string, payload: object) =>
    app!.inject({ method: "POST", url, headers: session?.headers ?? {}, payload });
  const put = (session: Session, url: string, payload: object) =>
    app!.inject({ method: "PUT", url, headers: session.headers, payload });

  it("computes for every rule what the batch stored for the same enterprise-year", async () => {
    expect(rules.map((rule) => rule.ruleId)).toEqual([
      "R-PROJ",
      "R-500",
      "R-LISTED-MOVE",
      "R-NEW-SCALE",
      "R-REV-MILESTONE",
      "R-TAX-MILESTONE",
      "R-GROWTH",
      "R-MATCH",
      "R-IPO",
      "R-TECH",
    ]);
    const stored = await db!.kysely
      .selectFrom("reward_entitlements")
      .select(["enterprise_id", "rule_id", "amount_fen"])
      .where("year", "=", year)
      .where("status", "<>", "superseded")
      .execute();
    const enterprises = await db!.kysely.selectFrom("enterprises").select("id").orderBy("id").execute();
    let compared = 0;
    let paidCompared = 0;
    for (const rule of rules) {
      const outputs = new Set(rule.outputRuleIds);
      // The enterprise's stored total for the rule that year; null when the reward is decided case by case.
      const storedOf = new Map<number, { fen: bigint; caseByCase: boolean }>();
      for (const row of stored) {
        if (!outputs.has(row.rule_id) || row.enterprise_id === null) continue;
        const sum = storedOf.get(row.enterprise_id) ?? { fen: 0n, caseByCase: false };
        if (row.amount_fen === null) sum.caseByCase = true;
        else sum.fen += BigInt(row.amount_fen);
        storedOf.set(row.enterprise_id, sum);
      }
      const paid = [...storedOf.keys()].slice(0, 4);
      const unpaid = enterprises
        .map((row) => row.id)
        .filter((id) => !storedOf.has(id))
        .filter((_, index) => index % 17 === 0)
        .slice(0, 3);
      for (const enterpriseId of [...paid, ...unpaid]) {
        const answer = await post(office, `/api/rules/${rule.ruleId}/try`, { year, enterpriseId });
        expect(answer.statusCode, answer.body).toBe(200);
        const result = answer.json();
        const expected = storedOf.get(enterpriseId) ?? { fen: 0n, caseByCase: false };
        expect(`${rule.ruleId} ${enterpriseId}: ${result.amountFen} ${result.caseByCase}`).toBe(
          `${rule.ruleId} ${enterpriseId}: ${expected.fen} ${expected.caseByCase}`,
        );
        if (storedOf.has(enterpriseId)) {
          expect(result.awards.length).toBeGreaterThan(0);
          expect(result.awards[0].explanation.zh.length).toBeGreaterThan(0);
          paidCompared++;
        } else expect(result.awards).toEqual([]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(30);
    expect(paidCompared).toBeGreaterThan(10);
  }, 180_000);

  it("gives the same amount from an enterprise's figures entered by hand as from its register", async () => {
    const growth = (await get(office, "/api/rules/R-GROWTH")).json();
    const paid = growth.examples.paid;
    expect(paid.enterprise).not.toBeNull();
    const real = (await post(office, "/api/rules/R-GROWTH/try", { year, enterpriseId: paid.enterprise.id })).json();
    expect(real.amountFen).toBe(paid.amountFen);
    expect(Object.keys(real.figures)).toEqual(["aboveScale", "newlyAboveScale", "revenue", "previous.revenue"]);
    const entered = await post(office, "/api/rules/R-GROWTH/try", { year, figures: real.figures });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json().amountFen).toBe(real.amountFen);
    expect(entered.json().awards[0].explanation.arithmetic).toBe(real.awards[0].explanation.arithmetic);

    // The paid example is the award of the year paid the most.
    const top = await db!.kysely
      .selectFrom("reward_entitlements")
      .select("amount_fen")
      .where("year", "=", year)
      .where("rule_id", "=", "R-GROWTH")
      .where("status", "not in", ["superseded", "rejected"])
      .execute();
    let highest = 0n;
    for (const row of top) if (BigInt(row.amount_fen ?? "0") > highest) highest = BigInt(row.amount_fen ?? "0");
    expect(BigInt(paid.amountFen)).toBe(highest);
  }, 60_000);

  it("shows as the narrow miss the enterprise nearest the lowest growth band of all the district", async () => {
    const page = (await get(office, "/api/rules/R-GROWTH")).json();
    const near = page.examples.notPaid;
    expect(near.enterprise).not.toBeNull();
    expect(near.text.zh).toMatch(/距 5(\.00)?% 档差 [\d.]+ 个百分点/);
    // Every enterprise's why-not for the year, read through the why-not page: the growth each one reached.
    const enterprises = await db!.kysely.selectFrom("enterprises").select(["id"]).execute();
    const shortfalls: { id: number; short: number }[] = [];
    for (const { id } of enterprises) {
      const whyNot = (await get(office, `/api/rewards/why-not?enterpriseId=${id}&year=${year}`)).json();
      for (const entry of whyNot.nonPayments) {
        if (entry.ruleId !== "R-GROWTH" || entry.reason !== "belowLowestBand") continue;
        const value = (name: string) => Number(entry.facts.find((fact: { name: string }) => fact.name === name).value);
        const revenue = value("revenue");
        const previous = value("previousRevenue");
        shortfalls.push({ id, short: 0.05 - (revenue - previous) / previous });
      }
    }
    expect(shortfalls.length).toBeGreaterThan(1);
    const nearest = Math.min(...shortfalls.map((entry) => entry.short));
    const shown = shortfalls.find((entry) => entry.id === near.enterprise.id);
    expect(shown?.short).toBeCloseTo(nearest, 12);

    // A milestone's narrow miss is the smallest distance in yuan to the next tier.
    const milestone = (await get(office, "/api/rules/R-REV-MILESTONE")).json();
    if (milestone.examples.notPaid !== null) expect(milestone.examples.notPaid.text.zh).toContain("差");
  }, 120_000);

  it("answers 'not published' in public as the public board does, until the office publishes the pages", async () => {
    const board = (await get(null, "/api/public/board")).json();
    const closed = (await get(null, "/api/public/rules")).json();
    expect(closed).toEqual({ published: false });
    expect(Object.keys(board)).toContain("published");
    expect((await get(null, "/api/public/rules/R-GROWTH")).json()).toEqual({ published: false });
    expect((await post(null, "/api/public/rules/R-GROWTH/try", { year, figures: {} })).json()).toEqual({
      published: false,
    });

    expect((await put(enterprise, "/api/rules/publication", { published: true })).statusCode).toBe(403);
    const published = await put(office, "/api/rules/publication", { published: true });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().published).toBe(true);
    const audit = (await get(office, "/api/audit?entityType=rule_pages")).json();
    expect(audit.items[0]).toMatchObject({ action: "update", entityType: "rule_pages" });

    const open = (await get(null, "/api/public/rules")).json();
    expect(open.published).toBe(true);
    expect(open.rules).toHaveLength(rules.length);
    const page = (await get(null, "/api/public/rules/R-GROWTH")).json();
    expect(page.rule.quote).toContain("营业收入同比增幅");
    // No enterprise is named in public.
    expect(page.rule.examples.paid.enterprise).toBeNull();
    expect(page.rule.examples.notPaid.enterprise).toBeNull();
    const tried = await post(null, "/api/public/rules/R-GROWTH/try", {
      year,
      figures: { aboveScale: true, newlyAboveScale: false, revenue: "108000100", "previous.revenue": "100000000" },
    });
    expect(tried.json()).toMatchObject({ published: true, result: { amountFen: "8000000" } });
    // The public calculator reads no enterprise's data.
    expect((await post(null, "/api/public/rules/R-GROWTH/try", { year, enterpriseId: 1 })).statusCode).toBe(400);

    // An enterprise reads other enterprises' examples without their names.
    const seen = (await get(enterprise, "/api/rules/R-GROWTH")).json();
    const me = (await get(enterprise, "/api/auth/me")).json().user;
    for (const example of [seen.examples.paid, seen.examples.notPaid])
      if (example.enterprise !== null) expect(example.enterprise.id).toBe(me.enterprise.id);

    await put(office, "/api/rules/publication", { published: false });
    expect((await get(null, "/api/public/rules")).json()).toEqual({ published: false });
  }, 60_000);

  it("refuses bad figures, naming each field, and another enterprise's data to an enterprise", async () => {
    const bad = await post(office, "/api/rules/R-GROWTH/try", {
      year,
      figures: { revenue: "12.5", aboveScale: "是", electricity: "1" },
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { path: string; message: string }[];
    expect(details.map((detail) => detail.path)).toEqual([
      "figures.revenue",
      "figures.aboveScale",
      "figures.electricity",
    ]);
    expect(details[0]!.message).toBe("字段 figures.revenue：营业收入：应为金额（以分计的整数）");
    const noYear = await post(office, "/api/rules/R-GROWTH/try", { year: "去年" });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.details[0].path).toBe("year");
    const category = await post(office, "/api/rules/R-MATCH/try", { year, figures: { "grant.level": "county" } });
    expect(category.json().error.details[0].message).toContain("国家级（national）");
    expect((await get(office, "/api/rules/R-NOTHING")).statusCode).toBe(404);

    const me = (await get(enterprise, "/api/auth/me")).json().user;
    const other = await db!.kysely
      .selectFrom("enterprises")
      .select("id")
      .where("id", "<>", me.enterprise.id)
      .executeTakeFirstOrThrow();
    expect((await post(enterprise, "/api/rules/R-GROWTH/try", { year, enterpriseId: other.id })).statusCode).toBe(403);
    const own = await post(enterprise, "/api/rules/R-GROWTH/try", { year, enterpriseId: me.enterprise.id });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().enterprise.id).toBe(me.enterprise.id);
  }, 60_000);
});
