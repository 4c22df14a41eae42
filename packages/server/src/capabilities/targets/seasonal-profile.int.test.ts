/**
 * The seasonal profile a plan names, through the targets API on SQLite and PostgreSQL: two districts
 * with the same enterprise and the same January–February, one whose plan writes out an even profile
 * and one on the national default; each running-year forecast is the months to date ÷ its profile's
 * share, and the forecast names the profile it followed.
 */
import { NATIONAL_SEASONAL_PROFILE } from "@beizeng/domain/forecast/national-seasonal-profile.data";
import { validatePlan } from "@beizeng/domain/plan/load";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import { addAccount, closeSuite, jsonReader, loginAs, shippedPlan, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { rebuildFigureSummaries } from "../figures/index";
import { loadPlanIntoDistrict } from "../plan/index";

const EVEN_SHARES = Array.from({ length: 12 }, (_, index) =>
  index === 11 ? 1 : Number(((index + 1) / 12).toFixed(6)),
);
const MONTHS_TO_DATE_YUAN = 70_000_000;

interface ProfileJson {
  id: string;
  name: string;
  origin: string;
  carries: boolean;
}
interface TargetsJson {
  asOf: { year: number; month: number };
  targets: {
    targetId: string;
    forecast: {
      estimate: { value: string };
      detail: { kind: string; seasonalProfile?: ProfileJson | null } | null;
    } | null;
  }[];
}

/** The shipped plan of a district (by code), with or without a written-out even profile. */
function planFor(code: string, forecast: unknown) {
  const plan = structuredClone(shippedPlan("changjiang-2021-2023")) as Record<string, unknown>;
  plan.district = { ...(plan.district as object), code, name: `测试区${code}` };
  if (forecast) plan.forecast = forecast;
  return validatePlan(plan, "plan.json").plan;
}

/** One above-scale enterprise in 2022 and 2023, with 2023's January and February alone as monthly figures. */
async function seedDistrict(db: BeizengDb, districtId: string, creditCode: string): Promise<void> {
  const now = new Date().toISOString();
  const enterprise = await db.kysely
    .insertInto("enterprises")
    .values({
      district_id: districtId,
      credit_code: creditCode,
      name: `测试企业${districtId}`,
      chain_id: "electronics",
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
      { enterprise_id: enterprise.id, year: 2022, status: "above" },
      { enterprise_id: enterprise.id, year: 2023, status: "above" },
    ])
    .execute();
  const figure = (month: number, yuan: number) => ({
    district_id: districtId,
    enterprise_id: enterprise.id,
    year: month === 0 ? 2022 : 2023,
    month,
    metric: "revenue",
    value: BigInt(yuan) * 100n,
    source_kind: "import",
    source_ref: "test.xlsx",
    official: 1,
    recorded_at: now,
  });
  await db.kysely
    .insertInto("figures")
    .values([figure(0, 400_000_000), figure(1, 30_000_000), figure(2, MONTHS_TO_DATE_YUAN - 30_000_000)])
    .execute();
  await rebuildFigureSummaries(db, districtId);
}

describe.each(testDatabases())("the plan's seasonal profile on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  const read: Record<string, (url: string) => Promise<unknown>> = {};

  beforeAll(async () => {
    db = await database.createMigrated();
    const evenProfile = {
      id: "even-months",
      name: "各月均匀",
      nameEn: "Even months",
      source: "测试",
      sourceEn: "Test",
      shares: EVEN_SHARES,
    };
    for (const [code, forecast] of [
      ["360202", { seasonalProfile: evenProfile }],
      ["990199", null],
    ] as const) {
      await loadPlanIntoDistrict(db, planFor(code, forecast), SYSTEM_ACTOR);
      await seedDistrict(db, code, `91${code}MA35XXXX01`);
      await addAccount(db, code, `office-${code}`, "office");
    }
    app = await testApp(db);
    for (const code of ["360202", "990199"]) read[code] = jsonReader(app, await loginAs(app, `office-${code}`));
  });
  afterAll(() => closeSuite(app, db));

  async function g1(code: string) {
    const body = (await (read[code] as (url: string) => Promise<unknown>)("/api/targets?asOf=2023-02")) as TargetsJson;
    expect(body.asOf).toEqual({ year: 2023, month: 2 });
    const target = body.targets.find((entry) => entry.targetId === "G1");
    return { yuan: Number(target?.forecast?.estimate.value) / 100, profile: target?.forecast?.detail?.seasonalProfile };
  }

  it("forecasts the year from the profile the plan writes out, and names it", async () => {
    const even = await g1("360202");
    // Rounded to the yuan.
    expect(Math.abs(even.yuan - MONTHS_TO_DATE_YUAN / (EVEN_SHARES[1] as number))).toBeLessThanOrEqual(1);
    expect(even.profile).toMatchObject({ id: "even-months", name: "各月均匀", origin: "plan", carries: true });
  });

  it("uses the national profile when the plan names none", async () => {
    const national = await g1("990199");
    const expected = MONTHS_TO_DATE_YUAN / (NATIONAL_SEASONAL_PROFILE.shares[1] as number);
    expect(Math.abs(national.yuan - expected)).toBeLessThanOrEqual(1);
    expect(national.profile).toMatchObject({ id: NATIONAL_SEASONAL_PROFILE.id, origin: "shipped", carries: true });
  });
});
