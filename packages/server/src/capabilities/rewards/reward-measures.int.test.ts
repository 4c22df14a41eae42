/**
 * A district paying rewards under its reward measures (奖励办法) beside its action plan, on SQLite and PostgreSQL:
 * the test district's new-above-scale and milestone rewards are articles of 《云溪区促进制造业高质量发展若干奖励办法》,
 * its growth reward a clause of the plan itself. An entitlement's explanation, stored and read back or worked out
 * for "why not", names the measures, their number and the article in Chinese and English; the plan's own clause
 * reads as before.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const YUAN = 100n;
const MEASURES_ZH = "依据《云溪区促进制造业高质量发展若干奖励办法》（云政规〔2024〕2号）";
const MEASURES_EN =
  "of “Yunxi District Reward Measures for High-Quality Manufacturing Development” (云政规〔2024〕2号): ";

interface Explained {
  ruleId: string;
  clause: string;
  explanation: { clause: string; zh: string; en: string } | null;
}

describe.each(testDatabases())("rewards paid under the district's reward measures on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let newcomer: number;

  async function enterprise(creditCode: string, name: string): Promise<number> {
    const now = new Date().toISOString();
    const row = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: world.districtB,
        credit_code: creditCode,
        name,
        chain_id: "new-materials",
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function revenue(enterpriseId: number, year: number, yuan: bigint) {
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtB,
        enterprise_id: enterpriseId,
        year,
        month: 0,
        metric: "revenue",
        value: yuan * YUAN,
        source_kind: "import",
        source_ref: "统计年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
  }

  beforeAll(async () => {
    ({ db, app, world } = await seededApp(database));
    // The district's enterprise grows by a quarter and passes 10亿元 for the first time; another one enters the
    // above-scale count.
    newcomer = await enterprise("91990101MA00XXXX31", "云溪庚新材料有限公司");
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseB, year: 2023, status: "above" },
        { enterprise_id: world.enterpriseB, year: 2024, status: "above" },
        { enterprise_id: newcomer, year: 2023, status: "reserve" },
        { enterprise_id: newcomer, year: 2024, status: "above" },
      ])
      .execute();
    await revenue(world.enterpriseB, 2023, 1_000_000_000n);
    await revenue(world.enterpriseB, 2024, 1_250_000_000n);
    office = await loginAs(app, world.users.officeB.username);
    const started = await app.inject({
      method: "POST",
      url: "/api/rewards/batches",
      headers: office.headers,
      payload: { year: 2024 },
    });
    expect(started.statusCode, started.body).toBe(202);
    for (let attempt = 0; attempt < 400; attempt++) {
      const batch = (
        await app.inject({ url: `/api/rewards/batches/${started.json().id}`, headers: office.headers })
      ).json();
      if (batch.status !== "running") {
        expect(batch.status).toBe("done");
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the batch did not finish");
  });
  afterAll(() => closeSuite(app, db));

  /** The stored entitlements of 2024, each read back in detail with its explanation. */
  async function storedEntitlements(): Promise<Map<string, Explained>> {
    const list = await app.inject({ url: "/api/rewards/entitlements?year=2024&pageSize=50", headers: office.headers });
    expect(list.statusCode, list.body).toBe(200);
    const found = new Map<string, Explained>();
    for (const item of list.json().items as { id: number; ruleId: string }[]) {
      const detail = await app.inject({ url: `/api/rewards/entitlements/${item.id}`, headers: office.headers });
      expect(detail.statusCode, detail.body).toBe(200);
      found.set(item.ruleId, detail.json());
    }
    return found;
  }

  it("names the reward measures and the article in a stored entitlement's explanation", async () => {
    const stored = await storedEntitlements();
    expect([...stored.keys()].sort()).toEqual(["R-GROWTH", "R-NEW-SCALE", "R-REV-MILESTONE"]);
    const newScale = stored.get("R-NEW-SCALE");
    expect(newScale?.clause).toBe("JL3");
    expect(newScale?.explanation?.clause).toBe("JL3");
    const zh = newScale?.explanation?.zh ?? "";
    const en = newScale?.explanation?.en ?? "";
    expect(zh.startsWith(`${MEASURES_ZH}第三条：`), zh).toBe(true);
    expect(en.startsWith(`Under Article 3 ${MEASURES_EN}`), en).toBe(true);
    // The rule's own sentence follows the citation.
    expect(zh.slice(`${MEASURES_ZH}第三条：`.length)).toMatch(/^2024年.*5 万元/);
    // A milestone's explanation is written when read, from the record kept: it names the measures too.
    const milestone = stored.get("R-REV-MILESTONE")?.explanation;
    expect(milestone?.zh.startsWith(`${MEASURES_ZH}第四条：`)).toBe(true);
    expect(milestone?.en.startsWith(`Under Article 4 ${MEASURES_EN}`)).toBe(true);
    // The growth reward is a clause of the plan itself: its sentence names no other document.
    const growth = stored.get("R-GROWTH")?.explanation;
    expect(growth?.clause).toBe("M2");
    expect(growth?.zh).not.toContain("奖励办法");
    expect(growth?.zh.startsWith("依据")).toBe(false);
    expect(growth?.en).not.toContain("Reward Measures");
  });

  it("names them in the explanation worked out for why-not as well", async () => {
    const answer = await app.inject({
      url: `/api/rewards/why-not?enterpriseId=${world.enterpriseB}&year=2024`,
      headers: office.headers,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const entitlements = answer.json().entitlements as Explained[];
    const byRule = new Map(entitlements.map((entry) => [entry.ruleId, entry.explanation]));
    expect(byRule.get("R-REV-MILESTONE")?.zh.startsWith(`${MEASURES_ZH}第四条：`)).toBe(true);
    expect(byRule.get("R-GROWTH")?.zh.startsWith("依据")).toBe(false);
    // The same words as the stored entitlement's.
    const stored = await storedEntitlements();
    expect(byRule.get("R-REV-MILESTONE")?.zh).toBe(stored.get("R-REV-MILESTONE")?.explanation?.zh);
  });
});
