/**
 * Rewards in the product, on SQLite and PostgreSQL: a year computed from the register, the
 * enterprise seeing and confirming its own, the office reviewing and listing it in public, 区财政局 approving and
 * paying —
 * each one-time reward paid exactly once, even when two requests race — recompute after a
 * correction, budget, forecast and the two documents.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { STORED_EXPLANATION_VERSION } from "@beizeng/domain/rewards/stored-explanation";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  computeRewardBatch,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  TEST_ACTOR,
  TEST_PASSWORD,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { createUser } from "../accounts/index";
import { approveEntitlement, payEntitlement } from "./workflow";

const YUAN = 100n;

/** The text of word/document.xml inside a .docx (unzipped with the system's unzip). */
function docxText(buffer: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), "beizeng-notice-"));
  try {
    const file = path.join(directory, "notice.docx");
    writeFileSync(file, buffer);
    return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
const CODE_A = "91360202MA35XXXX01";

interface EntitlementJson {
  id: number;
  ruleId: string;
  tier: string | null;
  year: number;
  amountFen: string | null;
  status: string;
  oneTimeKey: string;
  changeFlag: string | null;
  enterpriseId: number | null;
}

describe.each(testDatabases())("rewards on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let enterprise: Session;
  let finance: Session;
  let financeUser: AuthUser;
  let commerce: Session;
  let enterprise2: Session;

  async function figure(enterpriseId: number, year: number, metric: string, fen: bigint) {
    const row = await db.kysely
      .insertInto("figures")
      .values({
        district_id: world.districtA,
        enterprise_id: enterpriseId,
        year,
        month: 0,
        metric,
        value: fen,
        source_kind: "import",
        source_ref: "统计局年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const compute = (year: number) => computeRewardBatch(app, office, year);

  async function entitlements(session: Session, query = ""): Promise<EntitlementJson[]> {
    const response = await app.inject({
      url: `/api/rewards/entitlements?pageSize=500${query}`,
      headers: session.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }

  async function post(session: Session, url: string, payload: unknown = {}) {
    return app.inject({ method: "POST", url, headers: session.headers, payload: payload as object });
  }

  const bank = {
    accountName: "景德镇甲电子有限公司",
    bankName: "中国工商银行景德镇分行",
    accountNo: "1503 2000 0910 0123 456",
  };

  /**
   * Confirmed by its enterprise, reviewed by the office and listed in public for the plan's 7 days, which are
   * then moved into the past as if they had run: the entitlement waits for 区财政局's approval.
   */
  async function bringToApproval(id: number, owner: Session = enterprise) {
    expect((await post(owner, `/api/rewards/entitlements/${id}/confirm`, bank)).statusCode).toBe(200);
    const reviewed = await post(office, `/api/rewards/entitlements/${id}/review`, {});
    expect(reviewed.statusCode).toBe(200);
    const published = await post(office, "/api/rewards/publicities", { batchId: reviewed.json().batchId });
    expect(published.statusCode, published.body).toBe(201);
    await db.kysely
      .updateTable("reward_publicities")
      .set({ starts_on: "2023-03-01", ends_on: "2023-03-07" })
      .where("id", "=", published.json().id)
      .execute();
  }

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    const financeUnit = await db.kysely
      .selectFrom("units")
      .select("id")
      .where("district_id", "=", world.districtA)
      .where("code", "=", "finance-bureau")
      .executeTakeFirstOrThrow();
    const created = await createUser(
      db,
      {
        districtId: world.districtA,
        username: "finance-a",
        displayName: "区财政局",
        role: "unit",
        password: TEST_PASSWORD,
        mustChangePassword: false,
        unitId: financeUnit.id,
      },
      TEST_ACTOR,
    );
    financeUser = {
      id: created.id,
      role: "unit",
      districtId: world.districtA,
      unitId: financeUnit.id,
      enterpriseId: null,
      username: "finance-a",
      displayName: "区财政局",
      mustChangePassword: false,
    };
    // Enterprise A: 2021 in the reserve pool, 2022 above scale (seedWorld), revenue 2021 and 2022.
    await figure(world.enterpriseA, 2021, "revenue", 4_000_000_000n * YUAN);
    await figure(world.enterpriseA, 2020, "revenue", 3_000_000_000n * YUAN);
    // Enterprise A2: above scale both years, revenue up 20% in 2022 (R-GROWTH's top band).
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseA2, year: 2021, status: "above" },
        { enterprise_id: world.enterpriseA2, year: 2022, status: "above" },
      ])
      .execute();
    await figure(world.enterpriseA2, 2021, "revenue", 100_000_000n * YUAN);
    await figure(world.enterpriseA2, 2022, "revenue", 120_000_000n * YUAN);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
    enterprise = await loginAs(app, "enterprise-a");
    finance = await loginAs(app, "finance-a");
    commerce = await loginAs(app, "unit-a");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("computes 2022 for the district in one action, with progress and explanations", async () => {
    const batch = await compute(2022);
    expect(batch.status).toBe("done");
    expect(batch.progress.done).toBe(batch.progress.total);
    const listed = (await app.inject({ url: "/api/rewards/batches?year=2022", headers: office.headers })).json();
    expect(listed.items).toContainEqual(batch);
    const items = await entitlements(office, "&year=2022");
    const rules = items.map((item) => `${item.ruleId}:${item.tier ?? ""}`).sort();
    // A: 2022 revenue seeded at 90 trillion yuan crosses all three revenue tiers; A entered the directory in 2022.
    // A2: revenue up 20%, the top growth band.
    expect(rules).toEqual([
      "R-GROWTH:0.15",
      "R-NEW-SCALE:",
      "R-REV-MILESTONE:10000000000",
      "R-REV-MILESTONE:30000000000",
      "R-REV-MILESTONE:5000000000",
    ]);
    expect(items.every((item) => item.status === "computed" && item.changeFlag === null)).toBe(true);
    const milestone = items.find((item) => item.tier === "5000000000")!;
    expect(milestone.amountFen).toBe((1_000_000n * YUAN).toString());
    expect(milestone.oneTimeKey).toBe(`R-REV-MILESTONE|${CODE_A}|5000000000`);
    const detail = (
      await app.inject({ url: `/api/rewards/entitlements/${milestone.id}`, headers: office.headers })
    ).json();
    expect(detail.explanation.clause).toBe("M4");
    expect(detail.explanation.facts.length).toBeGreaterThan(0);
    expect(detail.quote).toContain("首次突破");
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(["compute"]);

    // Stored as records of the plan version that computed them, written out when read.
    const stored = await db.kysely
      .selectFrom("reward_entitlements")
      .select(["id", "rule_id", "explanation_json"])
      .where("district_id", "=", world.districtA)
      .where("year", "=", 2022)
      .execute();
    for (const row of stored)
      expect(JSON.parse(row.explanation_json)).toMatchObject({
        v: STORED_EXPLANATION_VERSION,
        planVersion: batch.planVersion,
      });
    const growth = items.find((item) => item.ruleId === "R-GROWTH")!;
    const growthDetail = (
      await app.inject({ url: `/api/rewards/entitlements/${growth.id}`, headers: office.headers })
    ).json();
    expect(growthDetail.explanation.zh).toBe(
      "2022年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 20.00%，超过 15%（第四档），奖励 20 万元",
    );
    expect(growthDetail.explanation.facts.map((fact: { name: string }) => fact.name)).toContain("previousRevenue");
    expect(growthDetail.explanation.quote).toBe(growthDetail.quote);

    // A row stored before records (the explanation written out, no version) is returned as stored.
    const milestoneRow = stored.find((row) => row.id === milestone.id)!;
    const writtenOut = { ...detail.explanation, zh: "按原文保存的说明" };
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ explanation_json: JSON.stringify(writtenOut) })
      .where("id", "=", milestone.id)
      .execute();
    const old = (
      await app.inject({ url: `/api/rewards/entitlements/${milestone.id}`, headers: office.headers })
    ).json();
    expect(old.explanation).toEqual(writtenOut);
    await db.kysely
      .updateTable("reward_entitlements")
      .set({ explanation_json: milestoneRow.explanation_json })
      .where("id", "=", milestone.id)
      .execute();
  });

  it("has four requests for the same year at once follow one batch, which leaves the entitlements of one", async () => {
    const before = (await entitlements(office, "&year=2022")).map((item) => `${item.oneTimeKey}:${item.amountFen}`);
    const answers = await Promise.all([1, 2, 3, 4].map(() => post(office, "/api/rewards/batches", { year: 2022 })));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(202);
    const ids = new Set(answers.map((answer) => answer.json().id as number));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    let batch = answers[0]!.json();
    for (let attempt = 0; attempt < 200 && batch.status === "running"; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      batch = (await app.inject({ url: `/api/rewards/batches/${id}`, headers: office.headers })).json();
    }
    expect(batch).toMatchObject({ status: "done", ahead: null, summary: { created: 0, changed: 0, superseded: 0 } });
    const after = (await entitlements(office, "&year=2022")).map((item) => `${item.oneTimeKey}:${item.amountFen}`);
    expect(after.sort()).toEqual(before.sort());
  });

  it("refuses a second computation while one runs, and a year outside the plan", async () => {
    const running = await db.kysely
      .insertInto("reward_batches")
      .values({
        district_id: world.districtA,
        year: 2023,
        plan_id: "changjiang-2021-2023",
        plan_version: 1,
        status: "running",
        progress_done: 0,
        progress_total: 10,
        computed_at: new Date().toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const second = await post(office, "/api/rewards/batches", { year: 2023 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain("正在测算");
    await db.kysely.updateTable("reward_batches").set({ status: "failed" }).where("id", "=", running.id).execute();
    const outside = await post(office, "/api/rewards/batches", { year: 2015 });
    expect(outside.statusCode).toBe(400);
  });

  it("releases a batch left running by a stopped process", async () => {
    const stale = await db.kysely
      .insertInto("reward_batches")
      .values({
        district_id: world.districtA,
        year: 2023,
        plan_id: "changjiang-2021-2023",
        plan_version: 1,
        status: "running",
        progress_done: 3,
        progress_total: 10,
        computed_at: new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const batch = await compute(2023);
    expect(batch.status).toBe("done");
    const old = await db.kysely
      .selectFrom("reward_batches")
      .selectAll()
      .where("id", "=", stale.id)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe("failed");
    expect(old.error_message).toContain("中断");
  });

  it("shows an enterprise its own entitlements only", async () => {
    const own = await entitlements(enterprise);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((item) => item.enterpriseId === world.enterpriseA)).toBe(true);
    const other = enterprise2;
    const others = await entitlements(other);
    expect(others.map((item) => item.ruleId)).toEqual(["R-GROWTH"]);
    expect(others.every((item) => item.enterpriseId === world.enterpriseA2)).toBe(true);
    const response = await app.inject({ url: `/api/rewards/entitlements/${own[0]!.id}`, headers: other.headers });
    expect(response.statusCode).toBe(403);
    const confirm = await post(other, `/api/rewards/entitlements/${own[0]!.id}/confirm`, bank);
    expect(confirm.statusCode).toBe(403);
  });

  it("walks confirm → review → approve → pay and pays once when two requests race", async () => {
    const [item] = (await entitlements(office, "&year=2022&rule=R-NEW-SCALE")) as [EntitlementJson];
    // Finance cannot approve before the office has reviewed.
    expect((await post(finance, `/api/rewards/entitlements/${item.id}/approve`)).statusCode).toBe(409);
    const badBank = await post(enterprise, `/api/rewards/entitlements/${item.id}/confirm`, {
      ...bank,
      accountNo: "abc",
    });
    expect(badBank.statusCode).toBe(400);
    expect(badBank.json().error.message).toContain("accountNo");
    await bringToApproval(item.id);
    // Only 区财政局 approves: another unit is refused.
    expect((await post(commerce, `/api/rewards/entitlements/${item.id}/approve`)).statusCode).toBe(403);

    const approvals = await Promise.all([
      post(finance, `/api/rewards/entitlements/${item.id}/approve`),
      post(finance, `/api/rewards/entitlements/${item.id}/approve`),
    ]);
    expect(approvals.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(approvals.find((r) => r.statusCode === 409)!.json().error.message).toContain("已审批");

    const payment = { voucherNo: "CZ-2023-0001", paidOn: "2023-06-30" };
    const payments = await Promise.all([
      post(finance, `/api/rewards/entitlements/${item.id}/pay`, payment),
      post(finance, `/api/rewards/entitlements/${item.id}/pay`, { ...payment, voucherNo: "CZ-2023-0002" }),
    ]);
    expect(payments.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(payments.find((r) => r.statusCode === 409)!.json().error.message).toContain("已支付");
    const paid = payments.find((r) => r.statusCode === 200)!.json();
    expect(paid.status).toBe("paid");
    expect(paid.bankAccount.accountNo).toBe("1503200009100123456");
    expect(paid.events.map((e: { action: string }) => e.action)).toEqual([
      "compute",
      "confirm",
      "review",
      "publish",
      "approve",
      "pay",
    ]);
    const ledger = await db.kysely
      .selectFrom("reward_payments")
      .selectAll()
      .where("entitlement_id", "=", item.id)
      .execute();
    expect(ledger).toHaveLength(1);
    // A third attempt later is refused too.
    expect((await post(finance, `/api/rewards/entitlements/${item.id}/pay`, payment)).statusCode).toBe(409);
  });

  it("pays once when two direct service calls race", async () => {
    const [item] = (await entitlements(office, "&year=2022&rule=R-GROWTH")) as [EntitlementJson];
    await bringToApproval(item.id, enterprise2);
    const actor = { userId: financeUser.id, label: "finance-a" };
    const approvals = await Promise.allSettled([
      approveEntitlement(db, financeUser, actor, item.id),
      approveEntitlement(db, financeUser, actor, item.id),
    ]);
    expect(approvals.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusedApproval = approvals.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refusedApproval.reason.statusCode).toBe(409);
    const payment = { voucherNo: "CZ-2023-0100", paidOn: "2023-07-01" };
    const payments = await Promise.allSettled([
      payEntitlement(db, financeUser, actor, item.id, payment),
      payEntitlement(db, financeUser, actor, item.id, payment),
    ]);
    expect(payments.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = payments.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.statusCode).toBe(409);
  });

  it("has the database refuse a second payment of the same one-time key", async () => {
    const [row] = await db.kysely.selectFrom("reward_payments").selectAll().limit(1).execute();
    await expect(
      db.kysely
        .insertInto("reward_payments")
        .values({ ...row!, id: undefined, voucher_no: "DUP", recorded_at: new Date().toISOString() })
        .execute(),
    ).rejects.toThrow();
  });

  it("rejects with a reason at the office's step and at finance's step", async () => {
    const items = await entitlements(office, "&year=2022&rule=R-REV-MILESTONE");
    const byTier = new Map(items.map((item) => [item.tier, item]));
    const noReason = await post(office, `/api/rewards/entitlements/${byTier.get("10000000000")!.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await post(office, `/api/rewards/entitlements/${byTier.get("10000000000")!.id}/reject`, {
      reason: "数据待核实",
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().status).toBe("rejected");
    expect(rejected.json().reason).toContain("数据待核实");
    const tier30 = byTier.get("30000000000")!;
    await bringToApproval(tier30.id);
    // The office's steps (review, publicity) are over: the office can no longer reject it, finance can.
    expect((await post(office, `/api/rewards/entitlements/${tier30.id}/reject`, { reason: "重复" })).statusCode).toBe(
      409,
    );
    expect((await post(finance, `/api/rewards/entitlements/${tier30.id}/approve`)).statusCode).toBe(200);
    expect(
      (
        await post(finance, `/api/rewards/entitlements/${tier30.id}/pay`, {
          voucherNo: "CZ-2023-0003",
          paidOn: "2023-07-02",
        })
      ).statusCode,
    ).toBe(200);
  });

  it("after a correction, recompute flags changes and turns a paid difference into a correction entry", async () => {
    // The 2022 revenue is corrected to 60亿: the 100亿 and 300亿 tiers are no longer crossed.
    const old = await db.kysely
      .selectFrom("figures")
      .select("id")
      .where("enterprise_id", "=", world.enterpriseA)
      .where("year", "=", 2022)
      .where("metric", "=", "revenue")
      .executeTakeFirstOrThrow();
    const corrected = await figure(world.enterpriseA, 2022, "revenue", 6_000_000_000n * YUAN);
    await db.kysely.updateTable("figures").set({ superseded_by: corrected }).where("id", "=", old.id).execute();
    await figure(world.enterpriseA, 2022, "tax", 150_000_000n * YUAN);

    const batch = await compute(2022);
    expect(batch.status).toBe("done");
    expect(batch.summary.corrections).toBe(1);
    const items = await entitlements(office, "&year=2022");
    const byKey = new Map(items.map((item) => [`${item.ruleId}:${item.tier ?? ""}`, item]));
    // New: the tax milestone (1亿) now crossed.
    expect(byKey.get("R-TAX-MILESTONE:100000000")?.changeFlag).toBe("new");
    // Paid ones never change; the paid 300亿 tier is kept and a correction entry records the difference.
    expect(byKey.get("R-REV-MILESTONE:30000000000")?.status).toBe("paid");
    expect(byKey.get("R-NEW-SCALE:")?.status).toBe("paid");
    // The rejected 100亿 tier stays rejected.
    expect(byKey.get("R-REV-MILESTONE:10000000000")?.status).toBe("rejected");
    const corrections = (
      await app.inject({ url: "/api/rewards/corrections?status=open", headers: office.headers })
    ).json();
    expect(corrections.items).toHaveLength(1);
    expect(corrections.items[0].differenceFen).toBe((-6_000_000n * YUAN).toString());
    expect(corrections.items[0].recomputedAmountFen).toBeNull();
    const resolved = await post(office, `/api/rewards/corrections/${corrections.items[0].id}/resolve`, {
      decision: "accepted",
      reason: "已通知企业退回",
    });
    expect(resolved.statusCode).toBe(200);
    // A2's paid growth reward is untouched.
    expect(byKey.get("R-GROWTH:0.15")?.status).toBe("paid");
  });

  it("sets the budget and sums paid, approved and pending by year and rule", async () => {
    const set = await app.inject({
      method: "PUT",
      url: "/api/rewards/budgets/2022",
      headers: office.headers,
      payload: { amountYuan: "20000000.00", note: "年初预算" },
    });
    expect(set.statusCode, set.body).toBe(200);
    const bad = await app.inject({
      method: "PUT",
      url: "/api/rewards/budgets/2022",
      headers: office.headers,
      payload: { amountYuan: "1e7" },
    });
    expect(bad.statusCode).toBe(400);
    const year = set.json().years.find((y: { year: number }) => y.year === 2022);
    expect(year.budgetFen).toBe((20_000_000n * YUAN).toString());
    // Paid: 30,000 + 200,000 (growth 15%) + 6,000,000 (the 300亿 tier paid before the correction).
    expect(year.paidFen).toBe((6_230_000n * YUAN).toString());
    expect(BigInt(year.remainingFen)).toBe(
      BigInt(year.budgetFen) - BigInt(year.paidFen) - BigInt(year.approvedFen) - BigInt(year.pendingFen),
    );
    expect(year.byRule.find((r: { ruleId: string }) => r.ruleId === "R-NEW-SCALE").paidFen).toBe("3000000");
    expect((await app.inject({ url: "/api/rewards/budget", headers: office.headers })).json()).toEqual(set.json());
    const forecast = await app.inject({ url: "/api/rewards/forecast", headers: office.headers });
    expect(forecast.statusCode, forecast.body).toBe(200);
    expect(forecast.json().years).toHaveLength(3);
    expect(forecast.json().method).toContain("近三年");
  });

  it("exports the payment list and an approval notice", async () => {
    const xlsx = await app.inject({
      url: "/api/rewards/exports/payments.xlsx?year=2022&status=paid",
      headers: office.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(2, 1).value).toBe("单位：元");
    expect(sheet.getRow(3).getCell(7).value).toBe("金额");
    const amounts = [4, 5, 6].map((row) => sheet.getRow(row).getCell(7).value);
    expect(amounts.sort()).toEqual([200000, 30000, 6000000].sort());
    expect(sheet.getRow(4).getCell(11).value).toBe("1503200009100123456");

    const notice = await post(office, "/api/rewards/notices", { enterpriseId: world.enterpriseA, year: 2022 });
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(decodeURIComponent(String(notice.headers["x-document-number"]))).toMatch(/^昌倍办字〔\d{4}〕1号$/);
    // The notice writes each explanation out from its stored record, as the detail shows it.
    const documentXml = docxText(notice.rawPayload);
    const approved = (await entitlements(office, `&year=2022&enterpriseId=${world.enterpriseA}`)).filter((item) =>
      ["approved", "paid"].includes(item.status),
    );
    expect(approved.length).toBeGreaterThan(0);
    for (const item of approved) {
      const shown = (await app.inject({ url: `/api/rewards/entitlements/${item.id}`, headers: office.headers })).json();
      expect(documentXml).toContain(shown.explanation.zh);
    }
    const second = await post(finance, "/api/rewards/notices", { enterpriseId: world.enterpriseA, year: 2022 });
    expect(decodeURIComponent(String(second.headers["x-document-number"]))).toMatch(/〔\d{4}〕2号$/);
    expect(
      (await post(commerce, "/api/rewards/notices", { enterpriseId: world.enterpriseA, year: 2022 })).statusCode,
    ).toBe(403);
    const none = await post(office, "/api/rewards/notices", { enterpriseId: world.enterpriseA2, year: 2021 });
    expect(none.statusCode).toBe(409);
  });

  it("explains why not for an enterprise", async () => {
    const response = await app.inject({
      url: `/api/rewards/why-not?enterpriseId=${world.enterpriseA2}&year=2021`,
      headers: office.headers,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entitlements).toEqual([]);
    expect(body.nonPayments.length).toBeGreaterThan(0);
    expect(body.nonPayments[0].zh).toBeTruthy();
    // Written from the engine's records when answered, in both languages.
    for (const entry of body.nonPayments as { zh: string; en: string; reason: string }[]) {
      expect(entry.zh, entry.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en, entry.reason).toMatch(/^[A-Z0-9"]/);
    }
  });

  it("explains an enterprise's year in which it is entitled to a reward", async () => {
    // An enterprise of its own, so that no payment made above has used its reward up.
    const now = new Date().toISOString();
    const grown = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: world.districtA,
        credit_code: "91360202MA35XXXX09",
        name: "景德镇丁材料有限公司",
        chain_id: "electronics",
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
        { enterprise_id: grown.id, year: 2021, status: "above" },
        { enterprise_id: grown.id, year: 2022, status: "above" },
      ])
      .execute();
    await figure(grown.id, 2021, "revenue", 100_000_000n * YUAN);
    await figure(grown.id, 2022, "revenue", 120_000_000n * YUAN);

    const response = await app.inject({
      url: `/api/rewards/why-not?enterpriseId=${grown.id}&year=2022`,
      headers: office.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.enterprise).toEqual({ id: grown.id, name: "景德镇丁材料有限公司", creditCode: "91360202MA35XXXX09" });
    expect(body.year).toBe(2022);
    expect(body.entitlements).toHaveLength(1);
    const [growth] = body.entitlements;
    expect(growth).toMatchObject({
      key: "R-GROWTH|91360202MA35XXXX09|2022",
      ruleId: "R-GROWTH",
      tier: "0.15",
      year: 2022,
      // Amounts in answers are exact fen as decimal strings.
      amountFen: (200_000n * YUAN).toString(),
    });
    expect(growth.ruleName).toBeTruthy();
    expect(growth.explanation.zh).toBe(
      "2022年，规模以上工业企业，非当年新增规上企业，营业收入同比增长 20.00%，超过 15%（第四档），奖励 20 万元",
    );
    expect(growth.explanation.en).toMatch(/^[A-Z0-9]/);
    expect(growth.explanation.facts.map((fact: { name: string }) => fact.name)).toContain("previousRevenue");
    // The rules that pay nothing that year still say why, beside what it is entitled to.
    const reasons = body.nonPayments as { ruleId: string; year: number | null; zh: string }[];
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((entry) => entry.year === null || entry.year === 2022)).toBe(true);
    expect(reasons.every((entry) => entry.zh !== "")).toBe(true);
  });

  it("records every workflow step in the audit log", async () => {
    const actions = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "reward_entitlement")
      .execute();
    const seen = new Set(actions.map((a) => a.action));
    for (const action of ["confirm", "review", "approve", "pay", "reject"]) expect(seen.has(action)).toBe(true);
    const publications = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "reward_publicity")
      .execute();
    expect(publications.map((entry) => entry.action)).toContain("publish");
  });
});
