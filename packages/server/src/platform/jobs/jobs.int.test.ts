/**
 * The job definitions' behaviour on both databases, through the in-process runner (the PostgreSQL queue runs the
 * same executor; several-processes.int.test.ts drives it across real processes).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";
import { badRequest } from "../errors";
import { healthReport } from "./health";
import { InProcessJobRunner } from "./in-process-runner";
import { defineJob, type ScheduledJob } from "./job-definitions";
import { executeJob, runScheduledJob, STALE_AFTER_MS } from "./job-executor";
import { findBackgroundJob, updateBackgroundJob } from "./jobs.repository";
import { insertJob, jobProgress, recoverJobs, submitJob, useJobDispatcher, waitForJob } from "./jobs.service";
import type { BackgroundJobRow } from "./jobs.table";

/** A promise the test settles when it chooses. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function until(check: () => Promise<boolean>, what: string) {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never: ${what}`);
}

describe.each(testDatabases())("background jobs on $name", (database) => {
  let db: BeizengDb;
  let runner: InProcessJobRunner;
  const gates = new Map<string, ReturnType<typeof gate>>();
  const ran: string[] = [];

  const waiting = defineJob<{ name: string; factor: number }>({
    kind: `test.waiting.${database.name}`,
    run: async ({ payload, progress }) => {
      ran.push(payload.name);
      await progress(1, 3);
      await gates.get(payload.name)?.opened;
      await progress(3, 3);
      return { product: payload.factor * 2 };
    },
  });
  const failures: string[] = [];
  const failing = defineJob<{ product: boolean }>({
    kind: `test.failing.${database.name}`,
    run: async ({ payload }) => {
      if (payload.product) throw badRequest("第 3 行：年份不能晚于今年");
      throw new Error("connection reset");
    },
    failed: async (_db, _payload, message) => {
      failures.push(message);
    },
  });

  beforeAll(async () => {
    db = await database.createMigrated();
    runner = new InProcessJobRunner(db);
    useJobDispatcher(db, runner);
  });
  afterAll(async () => {
    for (const { open } of gates.values()) open();
    await runner?.idle();
    await db?.close();
  });

  it("runs a job with its progress and result; the same work asked again joins it", async () => {
    gates.set("one", gate());
    const request = {
      definition: waiting,
      districtId: null,
      createdBy: null,
      dedupeKey: "work|one",
      payload: { name: "one", factor: 21 },
    };
    const first = await submitJob(db, request);
    const second = await submitJob(db, request);
    expect(first.joined).toBe(false);
    expect(second).toMatchObject({ joined: true, job: { id: first.job.id } });
    await until(async () => (await findBackgroundJob(db, first.job.id))?.progress_done === 1, "progress 1 of 3");
    const running = await findBackgroundJob(db, first.job.id);
    expect(await jobProgress(db, running!)).toEqual({
      id: first.job.id,
      status: "running",
      done: 1,
      total: 3,
      ahead: null,
      error: null,
    });
    gates.get("one")!.open();
    const done = await waitForJob(db, first.job.id, 10_000);
    expect(done).toMatchObject({ status: "done", progress_done: 3, active_key: null, attempts: 1 });
    expect(JSON.parse(done!.result_json!)).toEqual({ product: 42 });
    // Finished: asking again is new work.
    gates.set("one", gate());
    gates.get("one")!.open();
    const again = await submitJob(db, request);
    expect(again.joined).toBe(false);
    expect(again.job.id).not.toBe(first.job.id);
    await waitForJob(db, again.job.id, 10_000);
  });

  it("runs one job of a line at a time, first asked first, the others showing their place", async () => {
    ran.length = 0;
    const names = ["l1", "l2", "l3"];
    for (const name of names) gates.set(name, gate());
    const jobs: BackgroundJobRow[] = [];
    for (const name of names) {
      jobs.push(
        (
          await submitJob(db, {
            definition: waiting,
            districtId: null,
            createdBy: null,
            lineKey: "line|A",
            dedupeKey: `work|${name}`,
            payload: { name, factor: 1 },
          })
        ).job,
      );
    }
    await until(async () => (await findBackgroundJob(db, jobs[0]!.id))?.status === "running", "the first runs");
    const ahead = async (index: number) =>
      (await jobProgress(db, (await findBackgroundJob(db, jobs[index]!.id))!)).ahead;
    expect([await ahead(1), await ahead(2)]).toEqual([1, 2]);
    gates.get("l1")!.open();
    await until(async () => (await findBackgroundJob(db, jobs[1]!.id))?.status === "running", "the second runs");
    expect(await ahead(2)).toBe(1);
    expect((await findBackgroundJob(db, jobs[2]!.id))?.status).toBe("queued");
    gates.get("l2")!.open();
    gates.get("l3")!.open();
    for (const job of jobs) expect((await waitForJob(db, job.id, 10_000))?.status).toBe("done");
    expect(ran).toEqual(names);
  });

  it("records a failure in Chinese, keeping a product error's own words, and tells the definition", async () => {
    const product = await submitJob(db, {
      definition: failing,
      districtId: null,
      createdBy: null,
      payload: { product: true },
    });
    const internal = await submitJob(db, {
      definition: failing,
      districtId: null,
      createdBy: null,
      payload: { product: false },
    });
    expect(await waitForJob(db, product.job.id, 10_000)).toMatchObject({
      status: "failed",
      error_message: "第 3 行：年份不能晚于今年",
      active_key: null,
    });
    expect(await waitForJob(db, internal.job.id, 10_000)).toMatchObject({
      status: "failed",
      error_message: "后台任务失败：connection reset",
    });
    expect(failures.sort()).toEqual(["后台任务失败：connection reset", "第 3 行：年份不能晚于今年"].sort());
  });

  it("runs again a job whose process stopped, and leaves alone one whose process is alive", async () => {
    gates.set("lost", gate());
    gates.get("lost")!.open();
    const lost = await insertJob(db, {
      definition: waiting,
      districtId: null,
      createdBy: null,
      dedupeKey: "work|lost",
      payload: { name: "lost", factor: 5 },
    });
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await updateBackgroundJob(db, lost.id, {
      status: "running",
      attempts: 1,
      heartbeat_at: longAgo,
      created_at: longAgo,
    });
    const alive = await insertJob(db, {
      definition: waiting,
      districtId: null,
      createdBy: null,
      dedupeKey: "work|alive",
      payload: { name: "alive", factor: 5 },
    });
    await updateBackgroundJob(db, alive.id, { status: "running", attempts: 1, heartbeat_at: new Date().toISOString() });
    // Sent twice to a runner: the job is claimed once.
    await executeJob(db, alive.id, runner);
    expect((await findBackgroundJob(db, alive.id))?.attempts).toBe(1);

    expect(await recoverJobs(db, new Date(Date.now() - STALE_AFTER_MS).toISOString())).toBe(1);
    expect(await waitForJob(db, lost.id, 10_000)).toMatchObject({ status: "done", attempts: 2 });
    expect((await findBackgroundJob(db, alive.id))?.status).toBe("running");
    await updateBackgroundJob(db, alive.id, { status: "failed", active_key: null });
  });

  it("runs a scheduled job once per hour however many processes try, and reports it in the health", async () => {
    let runs = 0;
    const hourly: ScheduledJob = {
      name: `test-hourly-${database.name}`,
      minute: 0,
      run: async () => {
        runs++;
      },
    };
    const at = new Date("2026-12-05T09:00:00Z");
    const outcomes = await Promise.all([1, 2, 3].map(() => runScheduledJob(db, hourly, at)));
    expect(outcomes.sort()).toEqual(["ran", "taken", "taken"]);
    expect(runs).toBe(1);
    expect(await runScheduledJob(db, hourly, new Date("2026-12-05T09:59:00Z"))).toBe("taken");
    expect(await runScheduledJob(db, hourly, new Date("2026-12-05T10:00:00Z"))).toBe("ran");
    const failingHourly: ScheduledJob = {
      name: `test-failing-${database.name}`,
      minute: 0,
      run: async () => {
        throw new Error("mail server down");
      },
    };
    expect(await runScheduledJob(db, failingHourly, at)).toBe("failed");

    const health = await healthReport(db);
    expect(health.status).toBe("ok");
    expect(health.database).toMatchObject({ ok: true, dialect: database.name });
    expect(health.jobs).toMatchObject({ runner: "in-process", ok: true });
    expect(health.scheduled).toEqual([
      expect.objectContaining({ name: failingHourly.name, slot: "2026-12-05T09", status: "failed" }),
      expect.objectContaining({ name: hourly.name, slot: "2026-12-05T10", status: "done" }),
    ]);
  });
});
