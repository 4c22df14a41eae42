/**
 * A year's rewards are computed under the version of the plan in force that year, on SQLite and PostgreSQL:
 * a revision raising an amount from 2025 leaves 2024's rewards at the amount promised then, and each
 * entitlement's explanation names the version that computed it.
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  closeSuite,
  computeRewardBatch,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
  shippedPlan,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "../plan/index";

const WAN = 1_000_000n;

describe.each(testDatabases())("rewards under the plan in force on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  beforeAll(async () => {
    ({ db, app, world } = await seededApp(database));
    const revised = structuredClone(shippedPlan("test-district-2024-2026")) as PlanFile;
    revised.version = 2;
    const rule = revised.rewards.find((candidate) => candidate.id === "R-NEW-SCALE");
    if (rule?.amount === undefined) throw new Error("R-NEW-SCALE pays a fixed amount");
    rule.amount = "80000";
    await loadPlanIntoDistrict(db, revised, SYSTEM_ACTOR, { effectiveYear: 2025, reason: "2025 年起提高新上规奖励" });
    // The district's enterprise enters the above-scale count in 2024, another one in 2025.
    const now = new Date().toISOString();
    const second = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: world.districtB,
        credit_code: "91990101MA00XXXX21",
        name: "云溪戊装备有限公司",
        chain_id: "equipment",
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
        { enterprise_id: world.enterpriseB, year: 2023, status: "reserve" },
        { enterprise_id: world.enterpriseB, year: 2024, status: "above" },
        { enterprise_id: second.id, year: 2024, status: "reserve" },
        { enterprise_id: second.id, year: 2025, status: "above" },
      ])
      .execute();
    office = await loginAs(app, world.users.officeB.username);
  });
  afterAll(() => closeSuite(app, db));

  const compute = (year: number) => computeRewardBatch(app, office, year);

  async function newScale(year: number) {
    const list = await app.inject({
      url: `/api/rewards/entitlements?year=${year}&rule=R-NEW-SCALE&pageSize=50`,
      headers: office.headers,
    });
    return list.json().items as { id: number; enterpriseName: string; amountFen: string }[];
  }

  it("computes 2024 under version 1 and 2025 under version 2, each explanation naming its version", async () => {
    expect(await compute(2024)).toMatchObject({ status: "done", planVersion: 1 });
    expect(await compute(2025)).toMatchObject({ status: "done", planVersion: 2 });
    const in2024 = await newScale(2024);
    const in2025 = await newScale(2025);
    expect(in2024.map((item) => [item.enterpriseName, item.amountFen])).toEqual([
      ["云溪丙制造有限公司", String(5n * WAN)],
    ]);
    expect(in2025.map((item) => [item.enterpriseName, item.amountFen])).toEqual([
      ["云溪戊装备有限公司", String(8n * WAN)],
    ]);
    const detail = (
      await app.inject({ url: `/api/rewards/entitlements/${in2025[0]?.id}`, headers: office.headers })
    ).json();
    expect(detail.computedUnder).toEqual({
      planId: "test-district-2024-2026",
      version: 2,
      title: shippedPlan("test-district-2024-2026").title,
    });
    const earlier = (
      await app.inject({ url: `/api/rewards/entitlements/${in2024[0]?.id}`, headers: office.headers })
    ).json();
    expect(earlier.computedUnder).toMatchObject({ version: 1 });
  });
});
