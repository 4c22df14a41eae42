/**
 * Targets a plan writes as aggregates of any fact (metric: aggregate), through the targets API on SQLite and
 * PostgreSQL: the tax of the above-scale enterprises from the register's figures, and the growth of their
 * electricity use from a fact the plan declares (kept by quarter), with no code for either.
 */
import { validatePlan } from "@beizeng/domain/plan/load";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import { addAccount, closeSuite, jsonReader, loginAs, shippedPlan, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { rebuildFigureSummaries } from "../figures/index";
import { loadPlanIntoDistrict } from "../plan/index";

const DISTRICT = "360202";
const WAN = 1_000_000n; // fen in one 万元

interface TargetsJson {
  targets: {
    targetId: string;
    name: string;
    current: {
      year: number;
      value: { unit: string; value: string; ratio?: { numerator: string; denominator: string } };
      complete: boolean;
    } | null;
    met: boolean | null;
  }[];
}

function planWithAggregates() {
  const plan = structuredClone(shippedPlan("changjiang-2021-2023")) as Record<string, unknown>;
  const g1 = (plan.targets as Record<string, unknown>[])[0] as Record<string, unknown>;
  const common = { clause: g1.clause, quote: g1.quote, baselineYear: 2020, deadline: "2023-12-31" };
  plan.facts = [
    {
      id: "electricityUse",
      name: "用电量",
      nameEn: "Electricity use",
      measure: "quantity",
      unitName: "千瓦时",
      unitNameEn: "kWh",
      period: "quarter",
    },
  ];
  plan.targets = [
    ...(plan.targets as unknown[]),
    {
      ...common,
      id: "T-TAX",
      name: "规上工业企业入库税收",
      nameEn: "Tax paid by above-scale industrial enterprises",
      metric: "aggregate",
      aggregate: { op: "sum", of: "tax", where: { aboveScale: true } },
      unit: "yuan",
      comparison: "gte",
      value: "4500000",
    },
    {
      ...common,
      id: "T-POWER",
      name: "规上工业企业用电量增长",
      nameEn: "Growth of the electricity use of above-scale industrial enterprises",
      metric: "aggregate",
      aggregate: { op: "growth", of: "electricityUse", where: { aboveScale: true } },
      unit: "share",
      comparison: "gte",
      value: "0.2",
    },
  ];
  return validatePlan(plan, "plan.json").plan;
}

async function seed(db: BeizengDb): Promise<void> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (const [index, status2023] of (["above", "above", "reserve"] as const).entries()) {
    const row = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: DISTRICT,
        credit_code: `91360202MA35XXXX0${index}`,
        name: `汇总企业${index + 1}`,
        chain_id: "electronics",
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: row.id, year: 2022, status: "above" },
        { enterprise_id: row.id, year: 2023, status: status2023 },
      ])
      .execute();
  }
  const figure = (enterpriseId: number, year: number, metric: string, fen: bigint) => ({
    district_id: DISTRICT,
    enterprise_id: enterpriseId,
    year,
    month: 0,
    metric,
    value: fen,
    source_kind: "import",
    source_ref: "test.xlsx",
    official: 1,
    recorded_at: now,
  });
  const [first, second, third] = ids as [number, number, number];
  await db.kysely
    .insertInto("figures")
    .values([
      figure(first, 2022, "tax", 200n * WAN),
      figure(first, 2023, "tax", 260n * WAN),
      figure(second, 2022, "tax", 200n * WAN),
      figure(second, 2023, "tax", 200n * WAN),
      // Not above scale in 2023: its tax is not the target's.
      figure(third, 2023, "tax", 999n * WAN),
      figure(first, 2023, "revenue", 5_000n * WAN),
    ])
    .execute();
  await rebuildFigureSummaries(db, DISTRICT);
  // Electricity by quarter, in hundredths of a kWh: 2022 4 × 100,000 and 2023 4 × 125,000 for the first;
  // the second lacks 2023's last quarter and is left out of the growth (同口径).
  const power = (enterpriseId: number, year: number, period: number, kwh: bigint) => ({
    district_id: DISTRICT,
    enterprise_id: enterpriseId,
    fact: "electricityUse",
    year,
    period,
    value: String(kwh * 100n),
    source_kind: "entry",
    source_ref: null,
    recorded_at: now,
    recorded_by: null,
    confirmed_at: null,
    confirmed_by: null,
  });
  await db.kysely
    .insertInto("declared_fact_values")
    .values([
      ...[1, 2, 3, 4].map((quarter) => power(first, 2022, quarter, 100_000n)),
      ...[1, 2, 3, 4].map((quarter) => power(first, 2023, quarter, 125_000n)),
      ...[1, 2, 3, 4].map((quarter) => power(second, 2022, quarter, 50_000n)),
      ...[1, 2, 3].map((quarter) => power(second, 2023, quarter, 50_000n)),
    ])
    .execute();
}

describe.each(testDatabases())("targets written as aggregates of any fact on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let read: (url: string) => Promise<unknown>;

  beforeAll(async () => {
    db = await database.createMigrated();
    await loadPlanIntoDistrict(db, planWithAggregates(), SYSTEM_ACTOR);
    await seed(db);
    await addAccount(db, DISTRICT, "office-aggregates", "office");
    app = await testApp(db);
    read = jsonReader(app, await loginAs(app, "office-aggregates"));
  });
  afterAll(() => closeSuite(app, db));

  async function target(id: string) {
    const body = (await read("/api/targets")) as TargetsJson;
    const found = body.targets.find((entry) => entry.targetId === id);
    expect(found, `target ${id}`).toBeDefined();
    return found as TargetsJson["targets"][number];
  }

  it("sums a figure of the register over the enterprises above scale that year", async () => {
    const tax = await target("T-TAX");
    expect(tax.name).toBe("规上工业企业入库税收");
    expect(tax.current).toMatchObject({ year: 2023, value: { unit: "yuan", value: String(460n * WAN) } });
    expect(tax.met).toBe(true);
  });

  it("grows a declared fact over the same enterprises in both years, all its quarters in", async () => {
    const power = await target("T-POWER");
    // The first enterprise alone: 500,000 ÷ 400,000 − 1 = 25 %, in hundredths of a kWh.
    expect(power.current?.value).toMatchObject({
      unit: "share",
      ratio: { numerator: String(100_000n * 100n), denominator: String(400_000n * 100n) },
    });
    expect(power.current?.complete).toBe(false);
    expect(power.met).toBe(true);
  });
});
