/**
 * Rewriting a plan's reward rules from the shorthand kinds into the rule language pays nothing twice, on
 * SQLite and PostgreSQL: a year computed and paid under a version written in kinds, then the same rules in
 * the language loaded as the next version — the next year pays only the tiers not paid before, the paid year
 * recomputed keeps the same one-time keys and amounts, and the stored explanations of the earlier version
 * still read.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { planWithRewards } from "@beizeng/domain/rewards/testing/formula-plans";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  computeRewardBatch,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "../plan/index";

const YUAN = 100n;
const PLAN_DIRECTORY = fileURLToPath(new URL("../../../../../plans/changjiang-2021-2023/", import.meta.url));

/** The shipped plan (its rules in the language) as version `version`, or its rules in the kinds of earlier versions. */
function changjiang(version: number, rules: "language" | "kinds"): PlanFile {
  const text = readFileSync(path.join(PLAN_DIRECTORY, "plan.yaml"), "utf8");
  const rewards = readFileSync(
    path.join(PLAN_DIRECTORY, rules === "kinds" ? "rewards.kinds.yaml" : "plan.yaml"),
    "utf8",
  );
  const plan = planWithRewards(text, rewards, "plans/changjiang-2021-2023/plan.yaml");
  plan.version = version;
  return plan;
}

interface EntitlementJson {
  id: number;
  ruleId: string;
  tier: string | null;
  year: number;
  amountFen: string | null;
  status: string;
  oneTimeKey: string;
  enterpriseId: number | null;
}

describe.each(testDatabases())("the rules rewritten in the rule language on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  async function figure(year: number, fen: bigint) {
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtA,
        enterprise_id: world.enterpriseA2,
        year,
        month: 0,
        metric: "revenue",
        value: fen,
        source_kind: "import",
        source_ref: "统计局年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
  }

  const compute = (year: number) => computeRewardBatch(app, office, year);

  async function entitlementsOf(year: number): Promise<EntitlementJson[]> {
    const response = await app.inject({
      url: `/api/rewards/entitlements?pageSize=500&year=${year}`,
      headers: office.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    // The enterprise whose figures this test writes; the district's other enterprises have their own.
    return (response.json().items as EntitlementJson[]).filter(
      (item) => item.enterpriseId === world.enterpriseA2 && item.ruleId !== "R-NEW-SCALE",
    );
  }

  const lines = (items: EntitlementJson[]) =>
    items.map((item) => `${item.oneTimeKey} ${item.amountFen} ${item.status}`).sort();

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    // Above scale from 2020; revenue 45亿 → 60亿 (first over 50亿, +33%) → 110亿 (first over 100亿, +83%).
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([2020, 2021, 2022].map((year) => ({ enterprise_id: world.enterpriseA2, year, status: "above" })))
      .execute();
    await figure(2020, 4_500_000_000n * YUAN);
    await figure(2021, 6_000_000_000n * YUAN);
    await figure(2022, 11_000_000_000n * YUAN);
    await loadPlanIntoDistrict(db, changjiang(2, "kinds"), SYSTEM_ACTOR, {
      effectiveYear: 2021,
      reason: "奖励规则按原规则类型书写",
    });
    app = await testApp(db);
    office = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    // The batch's own waiter reads its job again after a pause (at most 250 ms): let it finish first.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await app?.close();
    await db?.close();
  });

  it("pays nothing twice across the rewrite, and keeps each key and amount", async () => {
    // 2021 under the version written in kinds: the 50亿 milestone and the growth band, then paid.
    expect((await compute(2021)).status).toBe("done");
    const before = await entitlementsOf(2021);
    expect(before.map((item) => `${item.ruleId} ${item.tier} ${item.amountFen}`).sort()).toEqual([
      "R-GROWTH 0.15 20000000",
      "R-REV-MILESTONE 5000000000 100000000",
    ]);
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ status: "paid" })
      .where(
        "id",
        "in",
        before.map((item) => item.id),
      )
      .execute();
    const paid = lines(await entitlementsOf(2021));

    // The same rules in the rule language, the next version, in force from 2021.
    await loadPlanIntoDistrict(db, changjiang(3, "language"), SYSTEM_ACTOR, {
      effectiveYear: 2021,
      reason: "奖励规则改用规则语言书写",
    });
    expect((await compute(2022)).status).toBe("done");
    const next = await entitlementsOf(2022);
    // Only the tier first crossed in 2022: the 50亿 tier paid under the kinds is not paid again.
    expect(next.map((item) => `${item.ruleId} ${item.tier} ${item.amountFen}`).sort()).toEqual([
      "R-GROWTH 0.15 20000000",
      "R-REV-MILESTONE 10000000000 200000000",
    ]);
    expect(next.map((item) => item.oneTimeKey)).not.toContain(
      before.find((item) => item.ruleId === "R-REV-MILESTONE")?.oneTimeKey,
    );

    // 2021 recomputed under the language: the same keys and amounts, still paid, none added.
    expect((await compute(2021)).status).toBe("done");
    expect(lines(await entitlementsOf(2021))).toEqual(paid);
  });

  it("still reads the explanations stored by the version written in kinds", async () => {
    const [milestone] = (await entitlementsOf(2021)).filter((item) => item.ruleId === "R-REV-MILESTONE");
    const response = await app.inject({
      url: `/api/rewards/entitlements/${milestone?.id}`,
      headers: office.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const text = JSON.stringify(response.json());
    expect(text).toContain("50 亿元");
    expect(text).not.toMatch(/undefined|NaN/);
  });
});
