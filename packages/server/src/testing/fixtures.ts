/**
 * Shared fixtures for integration tests: the shipped plans loaded into two districts, one account
 * per role, an enterprise in each district, and a login helper going through the real API; a suite's
 * start (the seeded world or the demo district, and the app over it) and its end.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DistrictRole } from "@beizeng/domain/accounts/vocabulary";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { buildApp } from "../app";
import { createUser } from "../capabilities/accounts/index";
import { refreshFigureSummaries } from "../capabilities/figures/index";
import { loadPlanIntoDistrict } from "../capabilities/plan/index";
import { createRegion, createRegionAccount } from "../capabilities/regions/index";
import { DEMO_ACCOUNT_LOGINS } from "../demo/generate";
import { loadDemo } from "../demo/load-demo";
import { type Actor, SYSTEM_ACTOR } from "../platform/audit/audit.service";
import type { Role } from "../platform/auth/users.table";
import type { BeizengDb } from "../platform/db/database";
import { migrationStatus } from "../platform/db/migrate";
import type { TestDatabase } from "./test-databases";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** A plan shipped in plans/<id>/plan.yaml, parsed and validated. */
export function shippedPlan(id: "changjiang-2021-2023" | "test-district-2024-2026"): PlanFile {
  const file = path.join(REPO_ROOT, "plans", id, "plan.yaml");
  return parsePlan(readFileSync(file, "utf8"), `plans/${id}/plan.yaml`).plan;
}

export const TEST_PASSWORD = "Passw0rd-test";
export const TEST_ACTOR: Actor = { userId: null, label: "test" };

export interface SeededWorld {
  districtA: string;
  districtB: string;
  enterpriseA: number;
  enterpriseA2: number;
  enterpriseB: number;
  unitA: number;
  /** Usernames by role in district A, plus "officeB" in district B. */
  users: Record<DistrictRole | "officeB" | "enterpriseA2", { id: number; username: string }>;
}

/** A test account in a district: the test password, which it need not change; made by the accounts capability. */
export async function addAccount(
  db: BeizengDb,
  districtId: string,
  username: string,
  role: Role,
  links: { unitId?: number; enterpriseId?: number } = {},
): Promise<{ id: number; username: string }> {
  const user = await createUser(
    db,
    { districtId, username, displayName: username, role, password: TEST_PASSWORD, mustChangePassword: false, ...links },
    TEST_ACTOR,
  );
  return { id: user.id, username };
}

/** A region (市/省) over the given districts and one account of it, with the test password. */
export async function addRegionAccount(
  db: BeizengDb,
  region: { id: string; name: string; districtIds: string[] },
  username: string,
): Promise<{ id: number; username: string }> {
  await createRegion(db, region, TEST_ACTOR);
  const user = await createRegionAccount(
    db,
    { regionId: region.id, username, displayName: username, password: TEST_PASSWORD, mustChangePassword: false },
    TEST_ACTOR,
  );
  return { id: user.id, username };
}

/** The stored id of a district's unit, by its id in the plan. */
export async function unitIdOf(db: BeizengDb, districtId: string, code: string): Promise<number> {
  const unit = await db.kysely
    .selectFrom("units")
    .select("id")
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return unit.id;
}

async function insertEnterprise(db: BeizengDb, districtId: string, creditCode: string, name: string) {
  const now = new Date().toISOString();
  const row = await db.kysely
    .insertInto("enterprises")
    .values({
      district_id: districtId,
      credit_code: creditCode,
      name,
      chain_id: "electronics",
      is_key: 0,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const FIGURE_SUMMARIES_MIGRATION = "20261212050000_figure_summaries";

/** An enterprise's official revenue of a year, in fen, as an import of `sourceRef` records it. */
export async function insertAnnualRevenue(
  db: BeizengDb,
  districtId: string,
  enterpriseId: number,
  year: number,
  fen: bigint,
  sourceRef = "test.xlsx",
): Promise<void> {
  await db.kysely
    .insertInto("figures")
    .values({
      district_id: districtId,
      enterprise_id: enterpriseId,
      year,
      month: 0,
      metric: "revenue",
      value: fen,
      source_kind: "import",
      source_ref: sourceRef,
      official: 1,
      recorded_at: new Date().toISOString(),
    })
    .execute();
  // As every writer of figures does; a database of an earlier release has no summary yet (its migration fills it).
  if (!(await migrationStatus(db)).pending.includes(FIGURE_SUMMARIES_MIGRATION))
    await refreshFigureSummaries(db, districtId, [enterpriseId]);
}

/** Loads both shipped plans (districts A = 360202 and B = 990101), enterprises and one account per role. */
export async function seedWorld(db: BeizengDb): Promise<SeededWorld> {
  const a = await loadPlanIntoDistrict(db, shippedPlan("changjiang-2021-2023"), SYSTEM_ACTOR);
  const b = await loadPlanIntoDistrict(db, shippedPlan("test-district-2024-2026"), SYSTEM_ACTOR);
  const enterpriseA = await insertEnterprise(db, a.districtId, "91360202MA35XXXX01", "景德镇甲电子有限公司");
  const enterpriseA2 = await insertEnterprise(db, a.districtId, "91360202MA35XXXX02", "景德镇乙医药有限公司");
  const enterpriseB = await insertEnterprise(db, b.districtId, "91990101MA00XXXX03", "云溪丙制造有限公司");
  await db.kysely
    .insertInto("enterprise_scale_years")
    .values([
      { enterprise_id: enterpriseA, year: 2021, status: "reserve" },
      { enterprise_id: enterpriseA, year: 2022, status: "above" },
    ])
    .execute();
  await insertAnnualRevenue(db, a.districtId, enterpriseA, 2022, 9_007_199_254_740_993n);
  const unitA = await unitIdOf(db, a.districtId, "commerce-bureau");
  const users = {
    office: await addAccount(db, a.districtId, "office-a", "office"),
    leader: await addAccount(db, a.districtId, "leader-a", "leader"),
    unit: await addAccount(db, a.districtId, "unit-a", "unit", { unitId: unitA }),
    inspector: await addAccount(db, a.districtId, "inspector-a", "inspector"),
    enterprise: await addAccount(db, a.districtId, "enterprise-a", "enterprise", { enterpriseId: enterpriseA }),
    enterpriseA2: await addAccount(db, a.districtId, "enterprise-a2", "enterprise", { enterpriseId: enterpriseA2 }),
    officeB: await addAccount(db, b.districtId, "office-b", "office"),
  };
  return { districtA: a.districtId, districtB: b.districtId, enterpriseA, enterpriseA2, enterpriseB, unitA, users };
}

export async function testApp(db: BeizengDb): Promise<FastifyInstance> {
  return buildApp({ db, logger: false, checkResponses: true });
}

/** A suite's start: a migrated database of the run's kind holding the seeded world, and the app over it. */
export async function seededApp(
  database: TestDatabase,
): Promise<{ db: BeizengDb; world: SeededWorld; app: FastifyInstance }> {
  const db = await database.createMigrated();
  try {
    const world = await seedWorld(db);
    return { db, world, app: await testApp(db) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** A suite's start on the demo district: a migrated database of the run's kind with the demo data loaded. */
export async function demoDatabase(database: TestDatabase): Promise<BeizengDb> {
  const db = await database.createMigrated();
  try {
    const outcome = await loadDemo(db);
    if (outcome.status !== "loaded") throw new Error(`demo not loaded: ${outcome.status}`);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** The demo district's database and the app over it. */
export async function demoApp(database: TestDatabase): Promise<{ db: BeizengDb; app: FastifyInstance }> {
  const db = await demoDatabase(database);
  return { db, app: await testApp(db) };
}

/** A suite's end: its app, then its database (either is missing when the start failed before making it). */
export async function closeSuite(app: FastifyInstance | undefined, db: BeizengDb | undefined): Promise<void> {
  await app?.close();
  await db?.close();
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing request: the cookie and the CSRF token. */
  headers: { cookie: string; "x-csrf-token": string };
}

/** Logs in through POST /api/auth/login; fails the test when the login fails. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "bz_session");
  if (!cookie) throw new Error("login set no bz_session cookie");
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const header = `bz_session=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, "x-csrf-token": csrfToken } };
}

/** Logs in as one of the demo district's accounts with its published password. */
export async function loginAsDemo(app: FastifyInstance, username: string): Promise<Session> {
  const account = DEMO_ACCOUNT_LOGINS.find((a) => a.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return loginAs(app, username, account.password);
}

/** Computes a year's reward batch through POST /api/rewards/batches as `session`, and waits for the batch to end. */
export async function computeRewardBatch(app: FastifyInstance, session: Session, year: number) {
  const started = await app.inject({
    method: "POST",
    url: "/api/rewards/batches",
    headers: session.headers,
    payload: { year },
  });
  expect(started.statusCode, started.body).toBe(202);
  const id = started.json().id as number;
  for (let attempt = 0; attempt < 1200; attempt++) {
    const batch = (await app.inject({ url: `/api/rewards/batches/${id}`, headers: session.headers })).json();
    if (batch.status !== "running") return batch;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the ${year} reward batch did not end within 30 s`);
}

/** GET as a session (or anonymously): expects 200, naming the URL and the body when not, and gives the JSON. */
export function jsonReader(app: FastifyInstance, session: Session | null) {
  return async (url: string) => {
    const response = await app.inject({ url, headers: session?.headers ?? {} });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json();
  };
}

/**
 * Raises one above-scale enterprise's revenue of a month by 1万元 through the API, as the office enters a figure;
 * gives the enterprise's id.
 */
export async function raiseMonthRevenue(
  app: FastifyInstance,
  session: Session,
  at: { year: number; month: number },
): Promise<number> {
  const { year, month } = at;
  const records = await jsonReader(
    app,
    session,
  )(`/api/dashboard/records?figure=monthRevenue&year=${year}&month=${month}`);
  const enterprise = records.enterprises[0] as { enterpriseId: number; value: string };
  const response = await app.inject({
    method: "POST",
    url: `/api/enterprises/${enterprise.enterpriseId}/figures`,
    headers: session.headers,
    payload: {
      year,
      month,
      metric: "revenue",
      value: ((Number(BigInt(enterprise.value) / 100n) + 10_000) / 10_000).toFixed(4),
      unit: "万元",
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return enterprise.enterpriseId;
}
