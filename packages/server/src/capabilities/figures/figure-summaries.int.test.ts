import { withCheckCharacter } from "@beizeng/domain/credit-code";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, TEST_ACTOR, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import {
  figuresDataVersion,
  figureYears,
  rebuildFigureSummaries,
  refreshFigureSummaries,
} from "./figure-summaries.repository";
import { applyImport } from "./import/import-service";

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The summary recomputed from the figures themselves: the latest official row in force of each slot. */
async function recomputed(db: BeizengDb, districtId: string) {
  const rows = await db.kysely
    .selectFrom("figures")
    .select(["id", "enterprise_id", "metric", "year", "month", "value"])
    .where("district_id", "=", districtId)
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .orderBy("id")
    .execute();
  const byKey = new Map<string, (string | null)[]>();
  for (const row of rows) {
    const key = `${row.enterprise_id}|${row.metric}|${row.year}`;
    let slots = byKey.get(key);
    if (!slots) {
      slots = new Array<string | null>(13).fill(null);
      byKey.set(key, slots);
    }
    slots[row.month] = String(row.value);
  }
  return [...byKey].map(([key, values]) => ({ key, values })).sort((a, b) => a.key.localeCompare(b.key));
}

async function summarised(db: BeizengDb, districtId: string) {
  const rows = await figureYears(db, districtId, ["revenue", "tax", "employees"]);
  return rows
    .map((row) => ({ key: `${row.enterprise_id}|${row.metric}|${row.year}`, values: row.values }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe.each(testDatabases())("the figures' summary on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let enterprise: Session;
  const codes: string[] = [];
  const ids: number[] = [];

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
    enterprise = await loginAs(app, "enterprise-a");
    const now = new Date().toISOString();
    for (let i = 0; i < 4; i++) {
      const code = withCheckCharacter(`9136020200000${String(i).padStart(4, "0")}`);
      const row = await db.kysely
        .insertInto("enterprises")
        .values({
          district_id: world.districtA,
          credit_code: code,
          name: `汇总测试企业${i}`,
          chain_id: "electronics",
          is_key: 0,
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      codes.push(code);
      ids.push(row.id);
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("equals a recomputation from the figures after random entries, corrections, confirmations and imports", async () => {
    const next = random(20261212);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
    const versionBefore = await figuresDataVersion(db, world.districtA);
    for (let step = 0; step < 40; step++) {
      const year = pick([2021, 2022, 2023]);
      const month = pick([0, 1, 2, 3, 6, 12]);
      const metric = pick(["revenue", "tax"]);
      const value = String(1 + Math.floor(next() * 500));
      const roll = next();
      if (roll < 0.45) {
        // The office enters (or corrects) an official figure.
        const response = await app.inject({
          method: "POST",
          url: `/api/enterprises/${pick([...ids, world.enterpriseA])}/figures`,
          headers: office.headers,
          payload: { year, month, metric, value, unit: "万元" },
        });
        expect([201, 409]).toContain(response.statusCode);
      } else if (roll < 0.75) {
        // The enterprise reports its own, and the office confirms it half of the time.
        const response = await app.inject({
          method: "POST",
          url: `/api/enterprises/${world.enterpriseA}/figures`,
          headers: enterprise.headers,
          payload: { year, month, metric, value, unit: "万元" },
        });
        expect([201, 409]).toContain(response.statusCode);
        if (response.statusCode === 201 && next() < 0.5) {
          const confirmed = await app.inject({
            method: "POST",
            url: `/api/figures/${response.json().id}/confirm`,
            headers: office.headers,
          });
          expect(confirmed.statusCode).toBe(200);
        }
      } else {
        // An annual file: new values and corrections of the values in force.
        const rows = [["统一社会信用代码", "企业名称", "年份", "营业收入", "税收"]];
        for (const [i, code] of codes.entries())
          if (next() < 0.7) rows.push([code, `汇总测试企业${i}`, String(year), value, String(Number(value) + i)]);
        const result = await applyImport(db, world.districtA, "annual", await workbook(rows), {
          fileName: `年报${step}.xlsx`,
          actor: TEST_ACTOR,
        });
        expect(result.errors).toEqual([]);
      }
    }
    expect(await summarised(db, world.districtA)).toEqual(await recomputed(db, world.districtA));
    expect(await figuresDataVersion(db, world.districtA)).toBeGreaterThan(versionBefore);
    // Deleting an enterprise takes its summary with its figures.
    await db.kysely
      .deleteFrom("enterprises")
      .where("id", "=", ids[3] as number)
      .execute();
    expect(await summarised(db, world.districtA)).toEqual(await recomputed(db, world.districtA));
  });

  it("is written again whole from the figures by a rebuild, and a refresh raises the version each time", async () => {
    await db.kysely.deleteFrom("figure_years").where("district_id", "=", world.districtA).execute();
    await rebuildFigureSummaries(db, world.districtA);
    expect(await summarised(db, world.districtA)).toEqual(await recomputed(db, world.districtA));
    const before = await figuresDataVersion(db, world.districtA);
    await refreshFigureSummaries(db, world.districtA, [world.enterpriseA]);
    expect(await figuresDataVersion(db, world.districtA)).toBe(before + 1);
    const changed = await figureYears(db, world.districtA, ["revenue", "tax"], before);
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed.map((row) => row.enterprise_id))).toEqual(new Set([world.enterpriseA]));
  });

  it("lets the dashboard see a write of figures that no audit entry records", async () => {
    const read = async () =>
      (await app.inject({ url: "/api/targets?asOf=2023-12", headers: office.headers })).json().dataVersion as number;
    const first = await read();
    // A figure written by a writer that records no audit entry of its own, through the one summary function.
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtA,
        enterprise_id: ids[0] as number,
        year: 2023,
        month: 5,
        metric: "revenue",
        value: 123_456n,
        source_kind: "import",
        source_ref: "无审计.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
    await refreshFigureSummaries(db, world.districtA, [ids[0] as number]);
    expect(await read()).toBeGreaterThan(first);
  });
});
