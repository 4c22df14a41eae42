/**
 * A reward batch of a district with more entitlements than one statement writes, on SQLite and PostgreSQL: every
 * entitlement is stored with its own enterprise, amount, explanation and event, and a recompute replaces the
 * changed ones and refreshes each unchanged one with its own explanation as computed again.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { computeRewardBatch, loginAs, type SeededWorld, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { renderStoredExplanations } from "./explanations";

/** Enterprises growing enough for R-GROWTH's top band in 2022: more than a statement's 500 rows. */
const COUNT = 620;
/** 2021 revenue of each: 100万元, far below the revenue milestones, so that R-GROWTH is their only award. */
const REVENUE_2021_FEN = 100_000_000n;

const code = (index: number) => `91360202MB${String(index).padStart(8, "0")}`;
/** Growth in hundredths of a percent: 20.00 %, 20.01 %, … (all above 15 %, each its own text). */
const firstGrowth = (index: number) => 2000 + index;
const revenueGrown = (basisPoints: number) => (REVENUE_2021_FEN * BigInt(10_000 + basisPoints)) / 10_000n;
const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)}%`;

describe.each(testDatabases())("a reward batch of many enterprises on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  const idByCode = new Map<string, number>();

  async function setRevenue2022(index: number, basisPoints: number) {
    await db.kysely
      .updateTable("figures")
      .set({ value: revenueGrown(basisPoints).toString() })
      .where("enterprise_id", "=", idByCode.get(code(index)) as number)
      .where("year", "=", 2022)
      .execute();
  }

  /** The live 2022 R-GROWTH entitlements of the enterprises, by credit code, with their events' actions. */
  async function growthAwards() {
    const rows = await db.kysely
      .selectFrom("reward_entitlements")
      .selectAll()
      .where("district_id", "=", world.districtA)
      .where("rule_id", "=", "R-GROWTH")
      .where("year", "=", 2022)
      .where("status", "<>", "superseded")
      .where("credit_code", "like", "91360202MB%")
      .execute();
    const events = await db.kysely
      .selectFrom("reward_entitlement_events")
      .select(["entitlement_id", "action"])
      .where("district_id", "=", world.districtA)
      .orderBy("id")
      .execute();
    const actions = new Map<number, string[]>();
    for (const event of events)
      actions.set(event.entitlement_id, [...(actions.get(event.entitlement_id) ?? []), event.action]);
    const explanations = await renderStoredExplanations(
      db,
      world.districtA,
      rows.map((row) => row.explanation_json),
    );
    return new Map(
      rows.map((row, at) => [
        row.credit_code,
        { row, actions: actions.get(row.id) ?? [], explanation: explanations[at] },
      ]),
    );
  }

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    const now = new Date().toISOString();
    for (let start = 0; start < COUNT; start += 200) {
      const indexes = Array.from({ length: Math.min(200, COUNT - start) }, (_, at) => start + at);
      const inserted = await db.kysely
        .insertInto("enterprises")
        .values(
          indexes.map((index) => ({
            district_id: world.districtA,
            credit_code: code(index),
            name: `景德镇测试企业${index}有限公司`,
            chain_id: "electronics",
            is_key: 0,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(["id", "credit_code"])
        .execute();
      for (const row of inserted) idByCode.set(row.credit_code, row.id);
      await db.kysely
        .insertInto("enterprise_scale_years")
        .values(
          indexes.flatMap((index) => [
            { enterprise_id: idByCode.get(code(index)) as number, year: 2021, status: "above" },
            { enterprise_id: idByCode.get(code(index)) as number, year: 2022, status: "above" },
          ]),
        )
        .execute();
      await db.kysely
        .insertInto("figures")
        .values(
          indexes.flatMap((index) =>
            [
              [2021, REVENUE_2021_FEN],
              [2022, revenueGrown(firstGrowth(index))],
            ].map(([year, fen]) => ({
              district_id: world.districtA,
              enterprise_id: idByCode.get(code(index)) as number,
              year: Number(year),
              month: 0,
              metric: "revenue",
              value: (fen as bigint).toString(),
              source_kind: "import" as const,
              source_ref: "统计局年报.xlsx",
              official: 1,
              recorded_at: now,
            })),
          ),
        )
        .execute();
    }
    office = await loginAs(app, "office-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("stores each enterprise's award with its own explanation and event, and a recompute replaces or refreshes each", async () => {
    const first = await computeRewardBatch(app, office, 2022);
    expect(first.status, first.errorMessage ?? "").toBe("done");
    expect(first.summary.created).toBe(first.summary.entitlements);
    expect(first.summary.entitlements).toBeGreaterThan(COUNT);
    let awards = await growthAwards();
    expect(awards.size).toBe(COUNT);
    for (let index = 0; index < COUNT; index++) {
      const award = awards.get(code(index));
      expect(award?.row.enterprise_id, code(index)).toBe(idByCode.get(code(index)));
      expect(award?.row.amount_fen).toBe("20000000");
      expect(award?.row.batch_id).toBe(first.id);
      expect(award?.actions, code(index)).toEqual(["compute"]);
      expect(award?.explanation?.zh, code(index)).toContain(`营业收入同比增长 ${percent(firstGrowth(index))}`);
    }

    // The odd ones now grow 12 % (a lower band: replaced); the even ones 5 points more, still the top band (kept,
    // with the growth computed again in their explanation).
    const secondGrowth = (index: number) => (index % 2 === 1 ? 1200 : firstGrowth(index) + 500);
    for (let index = 0; index < COUNT; index++) await setRevenue2022(index, secondGrowth(index));
    const second = await computeRewardBatch(app, office, 2022);
    expect(second.status, second.errorMessage ?? "").toBe("done");
    expect(second.summary).toMatchObject({
      entitlements: first.summary.entitlements,
      created: 0,
      changed: COUNT / 2,
      superseded: COUNT / 2,
      unchanged: first.summary.entitlements - COUNT / 2,
    });
    awards = await growthAwards();
    expect(awards.size).toBe(COUNT);
    const replaced = await db.kysely
      .selectFrom("reward_entitlements")
      .select(["id", "credit_code"])
      .where("district_id", "=", world.districtA)
      .where("status", "=", "superseded")
      .execute();
    expect(replaced).toHaveLength(COUNT / 2);
    for (let index = 0; index < COUNT; index++) {
      const award = awards.get(code(index));
      const changed = index % 2 === 1;
      expect(award?.row.batch_id).toBe(second.id);
      expect(award?.row.amount_fen).toBe(changed ? "10000000" : "20000000");
      expect(award?.row.change_flag).toBe(changed ? "changed" : null);
      expect(award?.row.previous_amount_fen).toBe(changed ? "20000000" : null);
      expect(award?.actions, code(index)).toEqual([changed ? "recompute" : "compute"]);
      expect(award?.explanation?.zh, code(index)).toContain(`营业收入同比增长 ${percent(secondGrowth(index))}`);
    }
    expect(new Set(replaced.map((row) => row.credit_code))).toEqual(
      new Set(Array.from({ length: COUNT / 2 }, (_, at) => code(2 * at + 1))),
    );
  });
});
