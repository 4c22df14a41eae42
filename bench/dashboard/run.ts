/**
 * Dashboard benchmark: a province-sized district (default 10,000 enterprises × 60 months of revenue
 * on SQLite), the app started on loopback in its own process, GET /api/dashboard driven with
 * autocannon at 50 connections for a bounded time, beside GET /api/health (the app's floor: session
 * check and routing only), printed as p50/p95/p99 latency and throughput, and their ratio.
 *
 *   node --import tsx bench/dashboard/run.ts                  (npm run -w @beizeng/bench dashboard)
 *   --enterprises 10000 --duration 15 --connections 50
 *   --postgres [--enterprises 20000]     PostgreSQL at BENCH_PG_URL (default 127.0.0.1:5432, user postgres),
 *                                        a scratch database dropped afterwards
 *
 * Goal: p95 of GET /api/dashboard < 100 ms on SQLite at 10,000 enterprises.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withCheckCharacter } from "@beizeng/domain/credit-code";
import { parsePlan } from "@beizeng/domain/plan/load";
import { createUser } from "@beizeng/server/capabilities/accounts/index";
import { loadPlanIntoDistrict } from "@beizeng/server/capabilities/plan/index";
import { SYSTEM_ACTOR } from "@beizeng/server/platform/audit/audit.service";
import { createDatabase, type DatabaseConfig } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import pg from "pg";
import { driveLoad, type LoadRun } from "../http-load";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PLAN_FILE = path.join(ROOT, "plans/changjiang-2021-2023/plan.yaml");
const YEARS = [2019, 2020, 2021, 2022, 2023];
const CHAINS = ["biomedicine", "electronics", "aviation", "automotive", "other"];
const STAGES = ["planning", "negotiation", "signed", "construction", "production"];
const USERNAME = "bench-office";
const PASSWORD = "Bench-Office-2026";
// Seasonal weights in thousandths (a slow February, a strong December); they sum to 1000.
const SEASON = [75, 60, 85, 82, 84, 86, 80, 81, 85, 84, 89, 109];

interface Options {
  enterprises: number;
  duration: number;
  connections: number;
  postgres: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const postgres = argv.includes("--postgres");
  return {
    postgres,
    enterprises: Number(value("enterprises") ?? (postgres ? 20_000 : 10_000)),
    duration: Number(value("duration") ?? 15),
    connections: Number(value("connections") ?? 50),
  };
}

/** A small deterministic generator (mulberry32), so every run builds the same district. */
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

interface Generated {
  enterprises: { creditCode: string; name: string; chain: string; townIndex: number; isKey: number }[];
  scale: { index: number; year: number; status: string }[];
  figures: { index: number; year: number; month: number; fen: bigint }[];
}

/** Revenue drawn in whole 千元 (100,000 fen) so that months sum exactly to the year. */
function generate(count: number): Generated {
  const next = random(20210708);
  const enterprises: Generated["enterprises"] = [];
  const scale: Generated["scale"] = [];
  const figures: Generated["figures"] = [];
  for (let i = 0; i < count; i++) {
    enterprises.push({
      creditCode: withCheckCharacter(`91360202${String(i).padStart(9, "0")}`),
      name: `基准企业${String(i).padStart(6, "0")}`,
      chain: CHAINS[Math.floor(next() * CHAINS.length)] as string,
      townIndex: Math.floor(next() * 1000),
      isKey: next() < 0.05 ? 1 : 0,
    });
    // Annual revenue between 500万 and 5亿 in 千元, log-uniform.
    let qianyuan = Math.round(5000 * 100 ** next());
    for (const year of YEARS) {
      qianyuan = Math.max(100, Math.round(qianyuan * (1 + (next() - 0.4) * 0.3)));
      const status = qianyuan >= 20_000 ? "above" : qianyuan >= 12_000 ? "reserve" : "other";
      scale.push({ index: i, year, status });
      let left = qianyuan;
      for (let month = 1; month <= 12; month++) {
        const share = month === 12 ? left : Math.round((qianyuan * (SEASON[month - 1] as number)) / 1000);
        const part = Math.min(left, share);
        left -= part;
        figures.push({ index: i, year, month, fen: BigInt(part) * 100_000n });
      }
    }
  }
  return { enterprises, scale, figures };
}

async function buildDatabase(config: DatabaseConfig, count: number): Promise<void> {
  const db = createDatabase(config);
  try {
    await migrateToLatest(db);
    const plan = parsePlan(readFileSync(PLAN_FILE, "utf8"), PLAN_FILE).plan;
    const { districtId } = await loadPlanIntoDistrict(db, plan, SYSTEM_ACTOR);
    await createUser(
      db,
      {
        districtId,
        username: USERNAME,
        displayName: "基准测试",
        role: "office",
        password: PASSWORD,
        mustChangePassword: false,
      },
      SYSTEM_ACTOR,
    );
    const towns = await db.kysely
      .selectFrom("units")
      .select(["id", "kind"])
      .where("district_id", "=", districtId)
      .execute();
    const townIds = towns.filter((u) => u.kind !== "department").map((u) => u.id);
    const data = generate(count);
    const now = new Date().toISOString();
    const started = Date.now();
    const batch = async <T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
    };
    const ids: number[] = [];
    await batch(data.enterprises, 2000, async (chunk) => {
      const inserted = await db.kysely
        .insertInto("enterprises")
        .values(
          chunk.map((e) => ({
            district_id: districtId,
            credit_code: e.creditCode,
            name: e.name,
            town_unit_id: townIds.length ? (townIds[e.townIndex % townIds.length] as number) : null,
            chain_id: e.chain,
            is_key: e.isKey,
            is_demo: 0,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning("id")
        .execute();
      for (const row of inserted) ids.push(row.id);
    });
    await batch(data.scale, 5000, (chunk) =>
      db.kysely
        .insertInto("enterprise_scale_years")
        .values(
          chunk.map((s) => ({ enterprise_id: ids[s.index] as number, year: s.year, status: s.status as "above" })),
        )
        .execute(),
    );
    await batch(data.figures, 3000, (chunk) =>
      db.kysely
        .insertInto("figures")
        .values(
          chunk.map((f) => ({
            district_id: districtId,
            enterprise_id: ids[f.index] as number,
            year: f.year,
            month: f.month,
            metric: "revenue",
            value: f.fen,
            source_kind: "import",
            source_ref: "bench",
            official: 1,
            recorded_at: now,
          })),
        )
        .execute(),
    );
    const projects = Array.from({ length: 400 }, (_, i) => ({
      district_id: districtId,
      code: `XM${String(i).padStart(4, "0")}`,
      name: `基准项目${i}`,
      investor: "基准投资方",
      chain_id: CHAINS[i % CHAINS.length] as string,
      planned_investment_fen: BigInt(1 + (i % 60)) * 10_000_000_000n,
      manufacturing: i % 3 === 0 ? 0 : 1,
      stage: STAGES[i % STAGES.length] as string,
      introduced_year: i % 5 < 2 ? null : 2021 + (i % 3),
      completed_investment_fen: 0n,
      origin: "other",
      location: "",
      is_demo: 0,
      created_at: now,
      updated_at: now,
    }));
    await db.kysely.insertInto("projects").values(projects).execute();
    console.log(
      `数据 / data: ${count} enterprises, ${data.figures.length} monthly figures, ${projects.length} projects, written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.close();
  }
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "packages/cli/src/main.ts", "serve", "--host", "127.0.0.1", "--port", String(port)],
    { cwd: ROOT, env: { ...process.env, ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stderr?.on("data", (chunk) => process.stderr.write(chunk));
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill();
  throw new Error("服务未能启动 / the server did not start");
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("bz_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] as string;
}

function print(runs: LoadRun[]): void {
  const [dashboard, health] = runs as [LoadRun, LoadRun];
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(12))).join(""));
  row(["", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]);
  for (const run of runs) {
    row([
      run.label,
      run.perSecond.toFixed(0),
      run.p50.toFixed(1),
      run.p95.toFixed(1),
      run.p99.toFixed(1),
      String(run.errors),
    ]);
  }
  row([
    "ratio dashboard/health",
    (dashboard.perSecond / health.perSecond).toFixed(2),
    (dashboard.p50 / health.p50).toFixed(2),
    (dashboard.p95 / health.p95).toFixed(2),
    (dashboard.p99 / health.p99).toFixed(2),
    "",
  ]);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const port = 3190 + (process.pid % 9);
  const base = `http://127.0.0.1:${port}`;
  let env: NodeJS.ProcessEnv;
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (options.postgres) {
    const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `beizeng_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { url: url.toString() };
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const folder = mkdtempSync(path.join(tmpdir(), "beizeng-bench-dashboard-"));
    const file = path.join(folder, "bench.sqlite");
    config = { sqliteFile: file };
    env = { BEIZENG_SQLITE_FILE: file, DATABASE_URL: "" };
    cleanup = async () => rmSync(folder, { recursive: true, force: true });
  }
  console.log(
    `倍增 dashboard benchmark · ${options.postgres ? "PostgreSQL" : "SQLite"} · ${options.enterprises} enterprises × 60 months · ${options.connections} connections × ${options.duration} s`,
  );
  let server: ChildProcess | undefined;
  try {
    await buildDatabase(config, options.enterprises);
    server = await startServer(env, port);
    const cookie = await login(base);
    const coldStart = Date.now();
    const first = await fetch(`${base}/api/dashboard`, { headers: { cookie } });
    if (!first.ok) throw new Error(`GET /api/dashboard: ${first.status} ${await first.text()}`);
    const body = (await first.json()) as { cards: unknown[]; asOf: { year: number; month: number } };
    console.log(
      `首次计算 / first (cold) GET /api/dashboard: ${Date.now() - coldStart} ms (${body.cards.length} targets, as of ${body.asOf.year}-${body.asOf.month})`,
    );
    const dashboard = await driveLoad("GET /api/dashboard", `${base}/api/dashboard`, cookie, options);
    const health = await driveLoad("GET /api/health", `${base}/api/health`, cookie, options);
    print([dashboard, health]);
    // The stated goal is for SQLite at 10,000 enterprises; other runs report their figure only.
    if (!options.postgres) {
      console.log(
        dashboard.p95 < 100
          ? `目标达成 / goal met: p95 ${dashboard.p95.toFixed(1)} ms < 100 ms`
          : `未达目标 / goal missed: p95 ${dashboard.p95.toFixed(1)} ms ≥ 100 ms`,
      );
    }
  } finally {
    server?.kill();
    await cleanup();
  }
}

await main();
