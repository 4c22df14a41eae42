/**
 * Three real app processes (`beizeng serve`) on one PostgreSQL database, talked to over HTTP: sessions, the hourly
 * jobs, concurrent reward batches and an import are shared between them. PostgreSQL only: a SQLite file belongs to
 * one process, so on SQLite there is nothing to share.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "../../testing/provided-context";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
const postgresUrl = inject("postgresUrl");
const SCHEDULED = ["audit-checkpoints", "auth-purge", "request-escalations", "task-reminders"];

interface AppProcess {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
}

interface Session {
  cookie: string;
  csrfToken: string;
}

describe.skipIf(!postgresUrl)(
  "three app processes on one PostgreSQL database (skipped without PostgreSQL: a SQLite file serves one process, so there is nothing to share)",
  () => {
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const scratch = mkdtempSync(path.join(tmpdir(), "beizeng-processes-"));
    const processes: AppProcess[] = [];
    let admin: pg.Client;
    let databaseUrl: string;

    function start(name: string, port: number, demo: boolean): AppProcess {
      const args = ["--import", "tsx", "packages/cli/src/main.ts", "serve", "--port", String(port)];
      args.push("--web-root", scratch);
      if (demo) args.push("--demo-if-empty");
      const child = spawn(process.execPath, args, {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          BEIZENG_AUDIT_KEY_FILE: path.join(scratch, "audit-key.pem"),
          BEIZENG_PG_POOL_SIZE: "4",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const output: string[] = [];
      child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
      const started = { name, url: `http://127.0.0.1:${port}`, child, output };
      processes.push(started);
      return started;
    }

    async function healthy(app: AppProcess, seconds: number) {
      const until = Date.now() + seconds * 1000;
      while (Date.now() < until) {
        if (app.child.exitCode !== null) throw new Error(`${app.name} exited: ${app.output.join("").slice(-2000)}`);
        const answer = await fetch(`${app.url}/api/health`).catch(() => null);
        if (answer?.ok) return (await answer.json()) as { jobs: { runner: string }; scheduled: { name: string }[] };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`${app.name} did not answer: ${app.output.join("").slice(-2000)}`);
    }

    async function login(app: AppProcess, username: string, password: string): Promise<Session> {
      const answer = await fetch(`${app.url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body: JSON.stringify({ username, password }),
      });
      expect(answer.status, await answer.clone().text()).toBe(200);
      const cookie = (answer.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return { cookie, csrfToken: ((await answer.json()) as { csrfToken: string }).csrfToken };
    }

    function call(app: AppProcess, session: Session, url: string, init: { method?: string; body?: unknown } = {}) {
      const body = init.body;
      return fetch(`${app.url}${url}`, {
        method: init.method ?? "GET",
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrfToken,
          origin: app.url,
          ...(body === undefined
            ? {}
            : Buffer.isBuffer(body)
              ? { "content-type": "application/octet-stream" }
              : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body) }),
      });
    }

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: postgresUrl ?? "" });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const url = new URL(postgresUrl ?? "");
      url.searchParams.set("options", `-c search_path=${schema}`);
      databaseUrl = url.toString();
      writeFileSync(path.join(scratch, "index.html"), "<!doctype html><title>倍增</title>");
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      // The first loads the demo district into the empty database; the two others start on it, together.
      const first = start("A", port, true);
      await healthy(first, 240);
      const others = [start("B", port + 1, false), start("C", port + 2, false)];
      await Promise.all(others.map((app) => healthy(app, 120)));
    }, 400_000);

    afterAll(async () => {
      await Promise.all(
        processes.map(
          (app) =>
            new Promise<void>((resolve) => {
              if (app.child.exitCode !== null) return resolve();
              app.child.once("exit", () => resolve());
              app.child.kill("SIGTERM");
            }),
        ),
      );
      await admin?.query(`drop schema if exists ${schema} cascade`);
      await admin?.query(`drop schema if exists ${schema}_graphile_worker cascade`);
      await admin?.end();
      rmSync(scratch, { recursive: true, force: true });
    }, 60_000);

    it("accepts on every process a session made on one", async () => {
      const [a, b, c] = processes as [AppProcess, AppProcess, AppProcess];
      const office = await login(a, "demo-office", "Office2021demo");
      for (const app of [a, b, c]) {
        const me = await call(app, office, "/api/auth/me");
        expect(me.status, app.name).toBe(200);
      }
      // Signed out on one, refused on the others.
      expect((await call(b, office, "/api/auth/logout", { method: "POST", body: {} })).status).toBeLessThan(300);
      expect((await call(c, office, "/api/auth/me")).status).toBe(401);
    });

    it("runs this hour's scheduled jobs once between the three processes, and each reports them", async () => {
      const until = Date.now() + 60_000;
      let runs: { name: string; slot: string; host: string; status: string }[] = [];
      while (Date.now() < until) {
        runs = (await admin.query(`select name, slot, host, status from ${schema}.scheduled_runs order by name, slot`))
          .rows;
        if (runs.length >= SCHEDULED.length && runs.every((run) => run.status !== "running")) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // One run per job and hour however many processes started in it (an hour boundary may fall in between).
      for (const name of SCHEDULED) {
        const ofJob = runs.filter((run) => run.name === name);
        expect(ofJob.length, name).toBeGreaterThanOrEqual(1);
        expect(new Set(ofJob.map((run) => run.slot)).size, name).toBe(ofJob.length);
        expect(ofJob.every((run) => run.status === "done")).toBe(true);
      }
      // Reminders went out once: no notice twice for the same task, period and stage.
      const { rows } = await admin.query(
        `select count(*)::int as notices,
              count(distinct (dedupe_key, coalesce(unit_id, 0), coalesce(user_id, 0)))::int as distinct_notices
         from ${schema}.notifications where dedupe_key is not null`,
      );
      expect(rows[0].notices).toBeGreaterThan(0);
      expect(rows[0].notices).toBe(rows[0].distinct_notices);
      for (const app of processes) {
        const health = await healthy(app, 5);
        expect(health.jobs.runner).toBe("postgres-queue");
        expect(health.scheduled.map((run) => run.name).sort()).toEqual(SCHEDULED);
      }
    });

    it("gives four concurrent reward batches the entitlements of one, each caller following the same batch", async () => {
      const [a, b, c] = processes as [AppProcess, AppProcess, AppProcess];
      const office = await login(a, "demo-office", "Office2021demo");
      const answers = await Promise.all(
        [a, b, c, a].map((app) => call(app, office, "/api/rewards/batches", { method: "POST", body: { year: 2022 } })),
      );
      const batches = await Promise.all(
        answers.map(async (answer) => ({ status: answer.status, body: (await answer.json()) as { id: number } })),
      );
      for (const batch of batches) expect(batch.status, JSON.stringify(batch.body)).toBe(202);
      const ids = new Set(batches.map((batch) => batch.body.id as number));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      // Followed from another process until done.
      interface BatchAnswer {
        status: string;
        summary: { created: number } | null;
        progress: { done: number; total: number };
      }
      let done: BatchAnswer | undefined;
      for (let attempt = 0; attempt < 600 && done?.status !== "done"; attempt++) {
        done = (await (await call(c, office, `/api/rewards/batches/${id}`)).json()) as BatchAnswer;
        if (done?.status === "failed") throw new Error(JSON.stringify(done));
        if (done?.status !== "done") await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(done?.status).toBe("done");
      expect(done?.progress.done).toBe(done?.progress.total);
      const { rows } = await admin.query(
        `select count(*)::int as live, count(distinct one_time_key)::int as keys, count(distinct batch_id)::int as batches
         from ${schema}.reward_entitlements where year = 2022 and status <> 'superseded'`,
      );
      expect(rows[0].live).toBeGreaterThan(0);
      expect(rows[0].live).toBe(rows[0].keys);
      expect(rows[0].batches).toBe(1);
      expect(done?.summary?.created).toBe(rows[0].live);
    });

    it("shows on one process an import started on another, with its progress", async () => {
      const [, b, c] = processes as [AppProcess, AppProcess, AppProcess];
      const office = await login(b, "demo-office", "Office2021demo");
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("年报");
      sheet.addRow(["统一社会信用代码", "企业名称", "年份", "营业收入"]);
      for (let row = 0; row < 400; row++) sheet.addRow(["91360202MA35A1B2CL", "甲", 2099, 100 + row]);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const started = await call(b, office, `/api/imports?kind=annual&fileName=${encodeURIComponent("年报.xlsx")}`, {
        method: "POST",
        body: bytes,
      });
      expect(started.status, await started.clone().text()).toBe(202);
      const job = (await started.json()) as { id: string };
      const seen = (await (await call(c, office, `/api/imports/${job.id}`)).json()) as {
        id: string;
        status: string;
        rowsRead: number;
        result: { summary: { errors: number } } | null;
      };
      expect(seen.id).toBe(job.id);
      expect(["previewing", "previewed"]).toContain(seen.status);
      expect(seen).toHaveProperty("ahead");
      let previewed = seen;
      for (let attempt = 0; attempt < 4 && previewed.status === "previewing"; attempt++) {
        previewed = (await (await call(c, office, `/api/imports/${job.id}?wait=30`)).json()) as typeof seen;
      }
      expect(previewed.status).toBe("previewed");
      // The 400 rows and the heading, read on process B, counted on C.
      expect(previewed.rowsRead).toBeGreaterThanOrEqual(400);
      // Every row has a year after the current one: the preview names them, and nothing can be applied.
      expect(previewed.result?.summary.errors).toBeGreaterThan(0);
    });
  },
);
