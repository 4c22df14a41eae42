/**
 * Assessment indicators a plan writes as aggregates of the enterprises' figures (metric: aggregate), through the
 * assessment and ranking API on SQLite and PostgreSQL: each town's growth of its above-scale enterprises' revenue
 * (towns: assessed) and the revenue of the chains each department leads (chains: assessed), with no code for either.
 */
import { validatePlan } from "@beizeng/domain/plan/load";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import { addAccount, closeSuite, jsonReader, loginAs, shippedPlan, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "../plan/index";

const DISTRICT = "360202";

interface AssessmentJson {
  indicators: { id: string; name: string }[];
  rows: {
    unitName: string;
    points: Record<string, string | null>;
    values: Record<string, string | null>;
    missing: Record<string, string[]>;
  }[];
}

interface RankingJson {
  indicators: {
    id: string;
    ranked: { unitName: string; rank: number; value: string; missing: string[] }[];
    excluded: { unitName: string; reason: string }[];
    last: number[];
  }[];
}

function planWithAggregateIndicators() {
  const plan = structuredClone(shippedPlan("changjiang-2021-2023")) as Record<string, unknown>;
  plan.chains = (plan.chains as Record<string, unknown>[]).map((chain) =>
    chain.id === "biomedicine"
      ? { ...chain, leadUnits: ["industry-it-bureau"] }
      : chain.id === "electronics"
        ? { ...chain, leadUnits: ["development-reform-commission"] }
        : chain,
  );
  const assessment = plan.assessment as { indicators: Record<string, unknown>[] };
  plan.assessment = {
    indicators: [
      // The shipped four, task completion's weight lowered from 0.4 to 0.2 for the two below.
      ...assessment.indicators.map((indicator, index) => (index === 0 ? { ...indicator, weight: "0.2" } : indicator)),
      {
        id: "town-revenue-growth",
        metric: "aggregate",
        name: "辖区规上企业营业收入增长",
        nameEn: "Revenue growth of the town's above-scale enterprises",
        weight: "0.1",
        direction: "higher",
        aggregate: { op: "growth", of: "revenue", where: { aboveScale: true, towns: "assessed" } },
      },
      {
        id: "chain-revenue",
        metric: "aggregate",
        name: "牵头产业链规上企业营业收入",
        nameEn: "Revenue of the above-scale enterprises of the chains the unit leads",
        weight: "0.1",
        direction: "higher",
        aggregate: { op: "sum", of: "revenue", where: { aboveScale: true, chains: "assessed" } },
      },
    ],
  };
  return validatePlan(plan, "plan.json").plan;
}

/** The enterprises and their directory rows; their revenue is entered through the API (seedRevenue). */
async function seedEnterprises(db: BeizengDb): Promise<{ id: number; revenue: [number, bigint][] }[]> {
  const now = new Date().toISOString();
  const towns = await db.kysely
    .selectFrom("units")
    .select(["id", "code"])
    .where("district_id", "=", DISTRICT)
    .where("code", "in", ["lvmeng-township", "nianyushan-town"])
    .execute();
  const townId = (code: string) => towns.find((town) => town.code === code)?.id ?? null;
  // [town, chain, 2022 status, revenue 2022 and 2023 in 万元]
  const enterprises = [
    ["lvmeng-township", "biomedicine", "above", 1_000n, 1_100n],
    ["lvmeng-township", "electronics", "above", 2_000n, 2_300n],
    ["nianyushan-town", "biomedicine", "above", 500n, 450n],
    // Entered the directory in 2023: no revenue of 2022, named as missing in its town's growth.
    ["nianyushan-town", "biomedicine", "reserve", null, 300n],
  ] as const;
  const seeded: { id: number; revenue: [number, bigint][] }[] = [];
  for (const [index, [town, chain, status2022, before, now2023]] of enterprises.entries()) {
    const row = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: DISTRICT,
        credit_code: `91360202MA36XXXX0${index}`,
        name: `考核企业${index + 1}`,
        chain_id: chain,
        town_unit_id: townId(town),
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: row.id, year: 2022, status: status2022 },
        { enterprise_id: row.id, year: 2023, status: "above" },
      ])
      .execute();
    seeded.push({
      id: row.id,
      revenue: [...(before === null ? [] : [[2022, before] as [number, bigint]]), [2023, now2023]],
    });
  }
  return seeded;
}

describe.each(testDatabases())("assessment indicators written as aggregates on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let read: (url: string) => Promise<unknown>;

  beforeAll(async () => {
    db = await database.createMigrated();
    await loadPlanIntoDistrict(db, planWithAggregateIndicators(), SYSTEM_ACTOR);
    const enterprises = await seedEnterprises(db);
    await addAccount(db, DISTRICT, "office-indicators", "office");
    app = await testApp(db);
    const office = await loginAs(app, "office-indicators");
    read = jsonReader(app, office);
    // Each year's revenue entered by the office, as a whole year's figure.
    for (const enterprise of enterprises) {
      for (const [year, wan] of enterprise.revenue) {
        const entered = await app.inject({
          method: "POST",
          url: `/api/enterprises/${enterprise.id}/figures`,
          headers: office.headers,
          payload: { year, month: 0, metric: "revenue", value: String(wan), unit: "万元" },
        });
        expect(entered.statusCode, entered.body).toBe(201);
      }
    }
  });
  afterAll(() => closeSuite(app, db));

  it("scores each town on its own revenue growth, with the value, its unit and the enterprises missing", async () => {
    const assessment = (await read("/api/assessment/2023")) as AssessmentJson;
    expect(assessment.indicators.map((indicator) => indicator.id)).toContain("town-revenue-growth");
    const row = (name: string) => {
      const found = assessment.rows.find((entry) => entry.unitName === name);
      expect(found, name).toBeDefined();
      return found as AssessmentJson["rows"][number];
    };
    // 吕蒙乡: (1,100 + 2,300) ÷ (1,000 + 2,000) − 1 = 13.33 %; the best town earns 100.
    expect(row("吕蒙乡").values["town-revenue-growth"]).toBe("13.33%");
    expect(row("吕蒙乡").points["town-revenue-growth"]).toBe("100.00");
    expect(row("吕蒙乡").missing["town-revenue-growth"]).toEqual([]);
    // 鲇鱼山镇: 450 ÷ 500 − 1 = −10 % over the enterprise with both years; a fall earns no points.
    expect(row("鲇鱼山镇").values["town-revenue-growth"]).toBe("-10.00%");
    expect(row("鲇鱼山镇").points["town-revenue-growth"]).toBe("0.00");
    expect(row("鲇鱼山镇").missing["town-revenue-growth"]).toEqual(["考核企业4"]);
    // A department is not a town: the indicator does not apply to it.
    expect(row("区工信局").values["town-revenue-growth"]).toBeNull();
    expect(row("区工信局").points["town-revenue-growth"]).toBeNull();
  });

  it("sums the revenue of the chains each department leads", async () => {
    const assessment = (await read("/api/assessment/2023")) as AssessmentJson;
    const values = (name: string) => assessment.rows.find((entry) => entry.unitName === name)?.values;
    // Biomedicine, led by 区工信局: 1,100 + 450 + 300 = 1,850 万元; electronics, led by 区发改委: 2,300 万元.
    expect(values("区工信局")?.["chain-revenue"]).toBe("1850.00 万元");
    expect(values("区发改委")?.["chain-revenue"]).toBe("2300.00 万元");
    expect(values("吕蒙乡")?.["chain-revenue"]).toBeNull();
  });

  it("ranks the towns in the period's ranking, the last named for a summons, the others excluded with the reason", async () => {
    const ranking = (await read("/api/supervision/ranking?from=2023-01-01&to=2023-12-31")) as RankingJson;
    const growth = ranking.indicators.find((indicator) => indicator.id === "town-revenue-growth");
    expect(growth?.ranked.map((entry) => [entry.unitName, entry.rank, entry.value, entry.missing])).toEqual([
      ["吕蒙乡", 1, "13.33%", []],
      ["鲇鱼山镇", 2, "-10.00%", ["考核企业4"]],
    ]);
    expect(growth?.last).toHaveLength(1);
    expect(growth?.excluded.find((entry) => entry.unitName === "区工信局")?.reason).toBe("本指标只考核乡镇（街道）");
    // Towns with no above-scale enterprise have nothing to grow: no denominator.
    expect(growth?.excluded.find((entry) => entry.unitName === "丽阳镇")?.reason).toMatch(/无可计算的数据/);
  });
});
