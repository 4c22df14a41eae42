/**
 * Province-scale benchmark on PostgreSQL: N enterprises × 60 months (default 100,000) written into a scratch
 * database, the app started in its own process, and, beside GET /api/health measured in the same run:
 *
 *   - the first computation of the dashboard and the targets after the data was written (no answer kept yet);
 *   - the first (cold) GET /api/dashboard and GET /api/targets after a start (each after its own start), answered
 *     from what the database keeps;
 *   - p50/p95/p99 of both under 50 clients (autocannon), beside /api/health's;
 *   - the time from entering one figure through the API (as the office does) to the dashboard showing it;
 *   - a year's reward batch computed through the server's API (POST /api/rewards/batches, followed to its end)
 *     beside the command line's batch (`beizeng rewards --input F --json`) on the same enterprises.
 *
 *   npm run -w @beizeng/bench scale -- [--enterprises 100000] [--duration 15] [--connections 50]
 *       [--port 3450] [--changes 3] [--no-rewards] [--keep] [--database NAME]
 *
 * --keep leaves the scratch database (its name is printed); --database NAME measures a database an earlier
 * --keep run left, without loading again. BENCH_PG_URL names the server (default 127.0.0.1:5432, user
 * postgres); BENCH_SERVER_NODE_OPTIONS adds options to the app's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
 *
 * Goals: cold < 2 s, p95 < 100 ms, a change visible within 5 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { createUser } from "@beizeng/server/capabilities/accounts/index";
import { rebuildFigureSummaries } from "@beizeng/server/capabilities/figures/index";
import { loadPlanIntoDistrict } from "@beizeng/server/capabilities/plan/index";
import { recordAudit, SYSTEM_ACTOR } from "@beizeng/server/platform/audit/audit.service";
import { createDatabase } from "@beizeng/server/platform/db/database";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import pg from "pg";
import { driveLoad, type LoadRun } from "../http-load";
import { exchangeEnterprise, type GeneratedEnterprise, slices } from "./district";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PLAN_FILE = path.join(ROOT, "plans/changjiang-2021-2023/plan.yaml");
const USERNAME = "scale-office";
const PASSWORD = "Scale-Office-2026";
const SLICE = 5_000;
const REWARD_YEAR = 2023;

interface Options {
  enterprises: number;
  duration: number;
  connections: number;
  port: number;
  changes: number;
  rewards: boolean;
  keep: boolean;
  database: string | null;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    enterprises: Number(value("enterprises") ?? 100_000),
    duration: Number(value("duration") ?? 15),
    connections: Number(value("connections") ?? 50),
    port: Number(value("port") ?? 3450),
    changes: Number(value("changes") ?? 3),
    rewards: !argv.includes("--no-rewards"),
    keep: argv.includes("--keep") || value("database") !== undefined,
    database: value("database") ?? null,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");

const typesByTable = new Map<string, Map<string, string>>();

/** Column types of a table, for the arrays of a multi-row insert. */
async function columnTypes(client: pg.Client, table: string): Promise<Map<string, string>> {
  const known = typesByTable.get(table);
  if (known) return known;
  const result = await client.query<{ column_name: string; udt_name: string }>(
    "select column_name, udt_name from information_schema.columns where table_name = $1 and table_schema = current_schema()",
    [table],
  );
  const types = new Map(result.rows.map((row) => [row.column_name, row.udt_name]));
  typesByTable.set(table, types);
  return types;
}

/** Writes rows with one statement: every column as one array parameter, spread by unnest. */
async function insertColumns(
  client: pg.Client,
  table: string,
  columns: Record<string, unknown[]>,
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const types = await columnTypes(client, table);
  const names = Object.keys(columns);
  const arrays = names.map((name, i) => {
    const type = types.get(name);
    if (!type) throw new Error(`${table}.${name}: no such column`);
    return `$${i + 1}::${type}[]`;
  });
  const sql = `insert into ${table} (${names.join(", ")}) select * from unnest(${arrays.join(", ")})${returning ? ` returning ${returning}` : ""}`;
  const result = await client.query(
    sql,
    names.map((name) => (columns[name] as unknown[]).map((v) => (typeof v === "bigint" ? v.toString() : v))),
  );
  return result.rows;
}

interface Loaded {
  districtId: string;
  plan: PlanFile;
}

/**
 * Writes the district: its plan and an office login through the product, then the enterprises, their scale
 * years and figures as the import writes them (current, official, source "import" and the file's name), in
 * slices of 5,000 enterprises, one audit entry for the load, and the figures' summaries rebuilt as after an import.
 */
async function loadDistrict(url: string, count: number, exchangeFile: string): Promise<Loaded> {
  const db = createDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plan = parsePlan(readFileSync(PLAN_FILE, "utf8"), PLAN_FILE).plan;
  try {
    await migrateToLatest(db);
    const { districtId } = await loadPlanIntoDistrict(db, plan, SYSTEM_ACTOR);
    await createUser(
      db,
      {
        districtId,
        username: USERNAME,
        displayName: "规模测试",
        role: "office",
        password: PASSWORD,
        mustChangePassword: false,
      },
      SYSTEM_ACTOR,
    );
    const towns = await client.query<{ id: number }>(
      "select id from units where district_id = $1 and kind <> 'department' order by id",
      [districtId],
    );
    const townIds = towns.rows.map((row) => row.id);
    const now = new Date().toISOString();
    const started = Date.now();
    const exchange = createWriteStream(exchangeFile);
    exchange.write('{"enterprises": [\n');
    let figures = 0;
    for (const slice of slices(count, SLICE)) {
      await client.query("begin");
      const inserted = await insertColumns(
        client,
        "enterprises",
        {
          district_id: slice.map(() => districtId),
          credit_code: slice.map((e) => e.creditCode),
          name: slice.map((e) => e.name),
          town_unit_id: slice.map((e) => (townIds.length ? townIds[e.townIndex % townIds.length] : null)),
          chain_id: slice.map((e) => e.chain),
          is_key: slice.map((e) => (e.isKey ? 1 : 0)),
          is_demo: slice.map(() => 0),
          created_at: slice.map(() => now),
          updated_at: slice.map(() => now),
        },
        "id, credit_code",
      );
      const idByCode = new Map(inserted.map((row) => [row.credit_code as string, row.id as number]));
      const idOf = (e: GeneratedEnterprise) => idByCode.get(e.creditCode) as number;
      const scale = slice.flatMap((e) => e.years.map((y) => [idOf(e), y.year, y.status] as const));
      await insertColumns(client, "enterprise_scale_years", {
        enterprise_id: scale.map((row) => row[0]),
        year: scale.map((row) => row[1]),
        status: scale.map((row) => row[2]),
      });
      const rows: { enterprise: number; year: number; month: number; metric: string; value: bigint }[] = [];
      for (const e of slice) {
        for (const y of e.years) {
          y.months.forEach((value, i) => {
            rows.push({ enterprise: idOf(e), year: y.year, month: i + 1, metric: "revenue", value });
          });
          rows.push({ enterprise: idOf(e), year: y.year, month: 0, metric: "revenue", value: y.revenue });
          rows.push({ enterprise: idOf(e), year: y.year, month: 0, metric: "tax", value: y.tax });
        }
      }
      await insertColumns(client, "figures", {
        district_id: rows.map(() => districtId),
        enterprise_id: rows.map((row) => row.enterprise),
        year: rows.map((row) => row.year),
        month: rows.map((row) => row.month),
        metric: rows.map((row) => row.metric),
        value: rows.map((row) => row.value),
        source_kind: rows.map(() => "import"),
        source_ref: rows.map((row) => (row.month === 0 ? "年度统计.xlsx" : "月度统计.xlsx")),
        official: rows.map(() => 1),
        recorded_at: rows.map(() => now),
      });
      await client.query("commit");
      figures += rows.length;
      for (const e of slice) {
        exchange.write(`${e.index > 0 ? ",\n" : ""}${exchangeEnterprise(e, plan.period.baselineYear)}`);
      }
      process.stdout.write(
        `\r  ${slice.at(-1)?.index ?? 0 + 1} enterprises, ${figures} figures, ${seconds(Date.now() - started)}   `,
      );
    }
    exchange.write('\n], "projects": []}\n');
    await new Promise<void>((resolve) => exchange.end(resolve));
    const summaries = Date.now();
    // What every writer of figures does in its transaction, done once for the rows written in bulk.
    await rebuildFigureSummaries(db, districtId);
    await recordAudit(db, {
      districtId,
      actor: SYSTEM_ACTOR,
      action: "import",
      entityType: "figure",
      after: { enterprises: count, figures, source: "规模测试数据" },
    });
    await client.query("analyze");
    console.log(
      `\n数据 / data: ${count} enterprises, ${figures} figures (${count * 60} monthly), written in ${seconds(summaries - started)}, summaries in ${seconds(Date.now() - summaries)}`,
    );
    return { districtId, plan };
  } finally {
    await client.end();
    await db.close();
  }
}

async function startServer(url: string, port: number): Promise<{ child: ChildProcess; startMs: number }> {
  const started = Date.now();
  const extra = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(/\s+/).filter(Boolean);
  const child = spawn(
    process.execPath,
    [...extra, "--import", "tsx", "packages/cli/src/main.ts", "serve", "--host", "127.0.0.1", "--port", String(port)],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, BEIZENG_SQLITE_FILE: "", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  child.stderr?.on("data", (chunk) => process.stderr.write(chunk));
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return { child, startMs: Date.now() - started };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error("服务未能启动 / the server did not start");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

interface Session {
  cookie: string;
  /** The headers of a write: the session, its CSRF token and the page's origin. */
  writeHeaders: Record<string, string>;
}

async function login(base: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("bz_session="));
  if (!cookie) throw new Error("no session cookie");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const session = cookie.split(";")[0] as string;
  return {
    cookie: session,
    writeHeaders: { cookie: session, "x-csrf-token": csrfToken, "content-type": "application/json", origin: base },
  };
}

async function timedGet(base: string, route: string, cookie: string): Promise<{ ms: number; body: unknown }> {
  const started = Date.now();
  const response = await fetch(`${base}${route}`, { headers: { cookie } });
  const text = await response.text();
  const ms = Date.now() - started;
  if (!response.ok) throw new Error(`GET ${route}: ${response.status} ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) };
}

/** A route driven under load, with the load average while it was. */
interface Run extends LoadRun {
  load: string;
}

async function drive(label: string, url: string, cookie: string, options: Options): Promise<Run> {
  return { ...(await driveLoad(label, url, cookie, options)), load: load() };
}

function printRuns(runs: Run[]): void {
  const health = runs.at(-1) as Run;
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(24) : c.padStart(11))).join(""));
  row(["", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "÷health p95", "load avg"]);
  for (const run of runs) {
    row([
      run.label,
      run.perSecond.toFixed(0),
      run.p50.toFixed(1),
      run.p95.toFixed(1),
      run.p99.toFixed(1),
      String(run.errors),
      (run.p95 / health.p95).toFixed(2),
      `  ${run.load}`,
    ]);
  }
}

interface DashboardBody {
  asOf: { year: number; month: number };
  revenueByMonth: { months: { month: number; current: string | null }[] };
}

/**
 * Enters one month's revenue of an above-scale enterprise through the API, 1万元 more than it was, and asks for
 * the dashboard until that month's sum shows it: the time from the request to the first dashboard that does.
 */
/**
 * Asks for an answer until it is of the current data (not marked `refreshing`: a large district answers with its last
 * answer while the newer one is computed); the time from the first request.
 */
async function untilFresh(base: string, route: string, cookie: string): Promise<{ ms: number; body: unknown }> {
  const started = Date.now();
  for (;;) {
    const answer = await timedGet(base, route, cookie);
    if (!(answer.body as { refreshing?: boolean }).refreshing) return { ms: Date.now() - started, body: answer.body };
    if (Date.now() - started > 600_000) throw new Error(`${route} was not brought up to date within 600 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measureChange(base: string, session: Session, url: string, attempt: number): Promise<number> {
  const cookie = session.cookie;
  const dashboard = (await timedGet(base, "/api/dashboard", cookie)).body as DashboardBody;
  const { year, month } = dashboard.asOf;
  const before = BigInt(dashboard.revenueByMonth.months[month - 1]?.current ?? "0");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const row = await client.query<{ enterprise_id: number; value: string }>(
    `select f.enterprise_id, f.value from figures f join enterprise_scale_years s
       on s.enterprise_id = f.enterprise_id and s.year = f.year and s.status = 'above'
     where f.year = $1 and f.month = $2 and f.metric = 'revenue' and f.superseded_by is null and f.official = 1
     order by f.enterprise_id offset $3 limit 1`,
    [year, month, attempt * 997],
  );
  await client.end();
  const figure = row.rows[0];
  if (!figure) throw new Error("no above-scale figure to change");
  const valueFen = BigInt(figure.value) + 1_000_000n;
  const expected = before + 1_000_000n;
  const started = Date.now();
  const response = await fetch(`${base}/api/enterprises/${figure.enterprise_id}/figures`, {
    method: "POST",
    headers: session.writeHeaders,
    body: JSON.stringify({
      year,
      month,
      metric: "revenue",
      value: (Number(valueFen / 100n) / 10_000).toFixed(4),
      unit: "万元",
    }),
  });
  if (response.status !== 201) throw new Error(`POST figure: ${response.status} ${await response.text()}`);
  const written = Date.now() - started;
  let slowest = 0;
  for (;;) {
    const answer = await timedGet(base, "/api/dashboard", cookie);
    slowest = Math.max(slowest, answer.ms);
    const seen = answer.body as DashboardBody & { refreshing?: boolean };
    if (BigInt(seen.revenueByMonth.months[month - 1]?.current ?? "0") === expected) {
      const ms = Date.now() - started;
      // The figures show first; the forecasts follow (the answer stays marked until they are computed again).
      const whole = seen.refreshing ? (await untilFresh(base, "/api/dashboard", cookie)).ms + ms : ms;
      console.log(
        `  change ${attempt + 1}: enterprise ${figure.enterprise_id} ${year}-${month} +1万元, written in ${written} ms, on the dashboard after ${seconds(ms)}, its forecasts computed again after ${seconds(whole)}; slowest dashboard answer meanwhile ${answer.ms > slowest ? answer.ms : slowest} ms (load ${load()})`,
      );
      return ms;
    }
    if (Date.now() - started > 300_000) throw new Error("the change did not reach the dashboard within 300 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface BatchBody {
  id: number;
  status: "running" | "done" | "failed";
  summary: { entitlements: number; totalFen: string } | null;
  errorMessage: string | null;
}

async function serverBatch(
  base: string,
  session: Session,
): Promise<{ ms: number; entitlements: number; totalFen: bigint }> {
  const cookie = session.cookie;
  const started = Date.now();
  const response = await fetch(`${base}/api/rewards/batches`, {
    method: "POST",
    headers: session.writeHeaders,
    body: JSON.stringify({ year: REWARD_YEAR }),
  });
  if (response.status !== 202) throw new Error(`POST batch: ${response.status} ${await response.text()}`);
  let batch = (await response.json()) as BatchBody;
  while (batch.status === "running") {
    await new Promise((resolve) => setTimeout(resolve, 250));
    batch = (await timedGet(base, `/api/rewards/batches/${batch.id}`, cookie)).body as BatchBody;
  }
  if (batch.status !== "done" || !batch.summary) throw new Error(`batch failed: ${batch.errorMessage}`);
  return {
    ms: Date.now() - started,
    entitlements: batch.summary.entitlements,
    totalFen: BigInt(batch.summary.totalFen),
  };
}

function fenOfYuan(text: string): bigint {
  const [whole, cents = ""] = text.split(".");
  return BigInt(whole as string) * 100n + BigInt(cents.padEnd(2, "0").slice(0, 2));
}

async function commandLineBatch(exchangeFile: string): Promise<{ ms: number; entitlements: number; totalFen: bigint }> {
  const started = Date.now();
  const chunks: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, "packages/cli/bin/beizeng.js"), "rewards", "--input", exchangeFile, "--json"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const ms = Date.now() - started;
  if (code !== 0) throw new Error(`beizeng rewards exited with ${code}`);
  const output = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    entitlements: { year: number; amount: string | null }[];
  };
  const ofYear = output.entitlements.filter((entitlement) => entitlement.year === REWARD_YEAR);
  return {
    ms,
    entitlements: ofYear.length,
    totalFen: ofYear.reduce((sum, entitlement) => sum + (entitlement.amount ? fenOfYuan(entitlement.amount) : 0n), 0n),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const adminUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = options.database ?? `beizeng_scale_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const folder = mkdtempSync(path.join(tmpdir(), "beizeng-bench-scale-"));
  const exchangeFile = path.join(folder, "district.json");
  const base = `http://127.0.0.1:${options.port}`;
  console.log(
    `倍增 scale benchmark · PostgreSQL · ${options.enterprises} enterprises × 60 months · ${options.connections} clients × ${options.duration} s · load avg ${load()}`,
  );
  const benchStarted = Date.now();
  if (!options.database) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  let server: ChildProcess | undefined;
  try {
    if (options.database) {
      // The database of an earlier run: the exchange file is generated again from the same seeds.
      const plan = parsePlan(readFileSync(PLAN_FILE, "utf8"), PLAN_FILE).plan;
      const exchange = createWriteStream(exchangeFile);
      exchange.write('{"enterprises": [\n');
      for (const slice of slices(options.enterprises, SLICE))
        for (const e of slice)
          exchange.write(`${e.index > 0 ? ",\n" : ""}${exchangeEnterprise(e, plan.period.baselineYear)}`);
      exchange.write('\n], "projects": []}\n');
      await new Promise<void>((resolve) => exchange.end(resolve));
    } else {
      await loadDistrict(databaseUrl, options.enterprises, exchangeFile);
    }

    // The first computation of the district's answers after its figures were written (as after a bulk import): no
    // answer of this data version is kept yet, so these two requests compute them and the database keeps them.
    let started = await startServer(databaseUrl, options.port);
    server = started.child;
    let session = await login(base);
    const dashboardFirst = await untilFresh(base, "/api/dashboard", session.cookie);
    const targetsFirst = await untilFresh(base, "/api/targets", session.cookie);
    console.log(
      `first computation after the data was written: GET /api/dashboard ${seconds(dashboardFirst.ms)}, then GET /api/targets ${seconds(targetsFirst.ms)} (load ${load()})`,
    );
    await stopServer(server);

    // Cold dashboard: the first request after a start.
    started = await startServer(databaseUrl, options.port);
    server = started.child;
    session = await login(base);
    let cookie = session.cookie;
    const healthCold = await timedGet(base, "/api/health", cookie);
    const dashboardCold = await timedGet(base, "/api/dashboard", cookie);
    if ((dashboardCold.body as { refreshing?: boolean }).refreshing)
      throw new Error("the cold dashboard was not of the current data (refreshing)");
    const asOf = (dashboardCold.body as DashboardBody).asOf;
    console.log(
      `start to first answer ${seconds(started.startMs)}; first GET /api/health ${healthCold.ms} ms; first (cold) GET /api/dashboard ${seconds(dashboardCold.ms)} (as of ${asOf.year}-${asOf.month}; load ${load()})`,
    );
    await stopServer(server);

    // Cold targets: the first request after another start.
    started = await startServer(databaseUrl, options.port);
    server = started.child;
    session = await login(base);
    cookie = session.cookie;
    const targetsCold = await timedGet(base, "/api/targets", cookie);
    if ((targetsCold.body as { refreshing?: boolean }).refreshing)
      throw new Error("the cold targets were not of the current data (refreshing)");
    console.log(
      `first (cold) GET /api/targets after a start ${seconds(targetsCold.ms)} (${(targetsCold.body as { targets: unknown[] }).targets.length} targets; load ${load()})`,
    );
    await timedGet(base, "/api/dashboard", cookie);

    const runs = [
      await drive("GET /api/dashboard", `${base}/api/dashboard`, cookie, options),
      await drive("GET /api/targets", `${base}/api/targets`, cookie, options),
      await drive("GET /api/health", `${base}/api/health`, cookie, options),
    ];
    printRuns(runs);

    const changes: number[] = [];
    for (let i = 0; i < options.changes; i++) changes.push(await measureChange(base, session, databaseUrl, i));

    let rewards: {
      server: Awaited<ReturnType<typeof serverBatch>>;
      cli: Awaited<ReturnType<typeof commandLineBatch>>;
    } | null = null;
    if (options.rewards) {
      const viaServer = await serverBatch(base, session);
      console.log(
        `reward batch ${REWARD_YEAR} through the server: ${seconds(viaServer.ms)}, ${viaServer.entitlements} entitlements, ${viaServer.totalFen} fen (load ${load()})`,
      );
      await stopServer(server);
      server = undefined;
      const viaCommandLine = await commandLineBatch(exchangeFile);
      console.log(
        `reward batch through the command line (all years, ${REWARD_YEAR} counted): ${seconds(viaCommandLine.ms)}, ${viaCommandLine.entitlements} entitlements, ${viaCommandLine.totalFen} fen (load ${load()})`,
      );
      rewards = { server: viaServer, cli: viaCommandLine };
    }

    const dashboardRun = runs[0] as Run;
    const worstChange = Math.max(...changes);
    console.log("\n结果 / results");
    console.log(
      `  cold dashboard ${seconds(dashboardCold.ms)}, cold targets ${seconds(targetsCold.ms)} (goal < 2 s) beside first health ${healthCold.ms} ms; their first computation after the data was written ${seconds(dashboardFirst.ms)} and ${seconds(targetsFirst.ms)}`,
    );
    console.log(
      `  dashboard p95 ${dashboardRun.p95.toFixed(1)} ms (goal < 100 ms) beside health p95 ${(runs[2] as Run).p95.toFixed(1)} ms`,
    );
    if (changes.length) console.log(`  change visible after ${changes.map(seconds).join(", ")} (goal < 5 s)`);
    if (rewards)
      console.log(
        `  reward batch: server ${seconds(rewards.server.ms)} beside command line ${seconds(rewards.cli.ms)} (${(rewards.server.ms / rewards.cli.ms).toFixed(2)}×); same entitlements and total: ${rewards.server.entitlements === rewards.cli.entitlements && rewards.server.totalFen === rewards.cli.totalFen ? "yes" : "NO"}`,
      );
    const met =
      Math.max(dashboardCold.ms, targetsCold.ms) < 2000 &&
      dashboardRun.p95 < 100 &&
      (changes.length === 0 || worstChange < 5000);
    console.log(
      `  ${met ? "目标达成 / goals met" : "未达目标 / goals missed"} · whole run ${seconds(Date.now() - benchStarted)}`,
    );
  } finally {
    if (server) await stopServer(server);
    rmSync(folder, { recursive: true, force: true });
    if (options.keep) console.log(`database kept: ${name} (--database ${name})`);
    else {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

await main();
