/**
 * The award workflow each shipped plan declares, end to end through HTTP on SQLite and PostgreSQL:
 * Changjiang (企业确认 → 领导小组办公室审核 → 公示 7 天 → 区财政局审批 → 拨付) and the test district (企业确认 →
 * 区经信局初审 → 区统计局核数 → 公示 5 天 → 工作专班办公室审批 → 区财政局拨付). The publicity opens and closes by
 * date, its list is public without login, an objection holds its reward until the office handles it, the payer
 * is whoever holds payRewards, a reward is paid once, and a recovery lowers what the budget bears.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const YUAN = 100n;
const WAN = 10_000n * YUAN;

/** Today in the district's calendar (China Standard Time), as the server reckons publicities. */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function docxText(buffer: Buffer): string {
  const directory = mkdtempSync(path.join(tmpdir(), "beizeng-notice-"));
  try {
    const file = path.join(directory, "notice.docx");
    writeFileSync(file, buffer);
    return execFileSync("unzip", ["-p", file, "word/document.xml"], { encoding: "utf8" }).replace(/<[^>]+>/g, "");
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

interface Item {
  id: number;
  batchId: number;
  ruleId: string;
  tier: string | null;
  amountFen: string | null;
  status: string;
  enterpriseId: number | null;
  awaitingStep: { id: string; name: string; actor: string } | null;
}

describe.each(testDatabases())("the plans' award workflows on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  const bank = { accountName: "收款企业", bankName: "中国工商银行", accountNo: "6222020200112233445" };

  async function post(session: Session | null, url: string, payload: unknown = {}, remoteAddress?: string) {
    return app.inject({
      method: "POST",
      url,
      headers: session?.headers ?? {},
      payload: payload as object,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  }

  async function get(session: Session | null, url: string) {
    return app.inject({ url, headers: session?.headers ?? {} });
  }

  async function figure(districtId: string, enterpriseId: number, year: number, metric: string, fen: bigint) {
    await db.kysely
      .insertInto("figures")
      .values({
        district_id: districtId,
        enterprise_id: enterpriseId,
        year,
        month: 0,
        metric,
        value: fen,
        source_kind: "import",
        source_ref: "统计年报.xlsx",
        official: 1,
        recorded_at: new Date().toISOString(),
      })
      .execute();
  }

  async function enterprise(districtId: string, creditCode: string, name: string) {
    const now = new Date().toISOString();
    const row = await db.kysely
      .insertInto("enterprises")
      .values({
        district_id: districtId,
        credit_code: creditCode,
        name,
        chain_id: "general",
        is_key: 0,
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function compute(office: Session, year: number) {
    const started = await post(office, "/api/rewards/batches", { year });
    expect(started.statusCode, started.body).toBe(202);
    for (let attempt = 0; attempt < 400; attempt++) {
      const batch = (await get(office, `/api/rewards/batches/${started.json().id}`)).json();
      if (batch.status !== "running") {
        expect(batch.status).toBe("done");
        return batch;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("batch did not finish");
  }

  async function items(session: Session, query = ""): Promise<Item[]> {
    const response = await get(session, `/api/rewards/entitlements?pageSize=500${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }

  /** Moves a publicity's days, as if the calendar had moved: from `start` for its days. */
  async function setPublicityDays(id: number, start: string, days: number) {
    await db.kysely
      .updateTable("reward_publicities")
      .set({ starts_on: start, ends_on: addDays(start, days - 1) })
      .where("id", "=", id)
      .execute();
  }

  async function budgetYear(session: Session, year: number) {
    const response = await get(session, "/api/rewards/budget");
    expect(response.statusCode).toBe(200);
    return response.json().years.find((entry: { year: number }) => entry.year === year);
  }

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
  });
  afterAll(async () => {
    await closeSuite(app, db);
  });

  describe("Changjiang: confirm → office review → 7 days' publicity → finance approval → payment", () => {
    let office: Session;
    let finance: Session;
    let commerce: Session;
    let inspector: Session;
    let owner: Session;
    let owner2: Session;
    let publicityId: number;
    let listed: Item[];

    beforeAll(async () => {
      const { districtA } = world;
      await addAccount(db, districtA, "cj-finance", "unit", {
        unitId: await unitIdOf(db, districtA, "finance-bureau"),
      });
      await db.kysely
        .insertInto("enterprise_scale_years")
        .values([
          { enterprise_id: world.enterpriseA2, year: 2021, status: "above" },
          { enterprise_id: world.enterpriseA2, year: 2022, status: "above" },
        ])
        .execute();
      await figure(districtA, world.enterpriseA2, 2021, "revenue", 100_000_000n * YUAN);
      await figure(districtA, world.enterpriseA2, 2022, "revenue", 120_000_000n * YUAN);
      office = await loginAs(app, "office-a");
      finance = await loginAs(app, "cj-finance");
      commerce = await loginAs(app, "unit-a");
      inspector = await loginAs(app, "inspector-a");
      owner = await loginAs(app, "enterprise-a");
      owner2 = await loginAs(app, "enterprise-a2");
      await compute(office, 2022);
    });

    it("shows the plan's steps, who acts at each, and which are the caller's", async () => {
      const workflow = (await get(finance, "/api/rewards/workflow")).json();
      expect(workflow.declared).toBe(true);
      expect(
        workflow.steps.map((step: { id: string; actor: string; mine: boolean }) => [step.id, step.actor, step.mine]),
      ).toEqual([
        ["enterprise-confirmation", "企业", false],
        ["office-review", "领导小组办公室", false],
        ["publicity", "领导小组办公室", false],
        ["finance-approval", "区财政局", true],
        ["payment", "区财政局", true],
      ]);
      expect(workflow.steps[2].days).toBe(7);
      const mine = (await get(office, "/api/rewards/workflow")).json();
      expect(mine.steps.filter((step: { mine: boolean }) => step.mine).map((step: { id: string }) => step.id)).toEqual([
        "office-review",
        "publicity",
      ]);
    });

    it("publishes only what has been through the steps before the publicity", async () => {
      const all = await items(office, "&year=2022");
      expect(all.every((item) => item.awaitingStep?.id === "enterprise-confirmation")).toBe(true);
      const early = await post(office, "/api/rewards/publicities", { batchId: all[0]!.batchId });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain("企业确认、领导小组办公室审核");
      for (const item of all) {
        const session = item.enterpriseId === world.enterpriseA ? owner : owner2;
        expect((await post(session, `/api/rewards/entitlements/${item.id}/confirm`, bank)).statusCode).toBe(200);
        // 区财政局 cannot act before the office has reviewed and the list has been public.
        expect((await post(finance, `/api/rewards/entitlements/${item.id}/approve`)).statusCode).toBe(409);
        const reviewed = await post(office, `/api/rewards/entitlements/${item.id}/review`, {});
        expect(reviewed.statusCode, reviewed.body).toBe(200);
        expect(reviewed.json().awaitingStep).toMatchObject({ id: "publicity", actor: "领导小组办公室" });
      }
      const waiting = await items(office, "&step=publicity");
      expect(waiting.map((item) => item.id).sort()).toEqual(all.map((item) => item.id).sort());
      expect((await get(office, "/api/rewards/entitlements?step=nowhere")).statusCode).toBe(400);
      // Not before today, as the list must actually be public for its days.
      const backdated = await post(office, "/api/rewards/publicities", {
        batchId: all[0]!.batchId,
        startsOn: addDays(today(), -1),
      });
      expect(backdated.statusCode).toBe(400);
      expect(backdated.json().error.message).toContain("不能早于今天");
      expect((await post(finance, "/api/rewards/publicities", { batchId: all[0]!.batchId })).statusCode).toBe(403);

      const published = await post(office, "/api/rewards/publicities", {
        batchId: all[0]!.batchId,
        startsOn: addDays(today(), 1),
      });
      expect(published.statusCode, published.body).toBe(201);
      expect(published.json()).toMatchObject({
        days: 7,
        startsOn: addDays(today(), 1),
        endsOn: addDays(today(), 7),
        state: "upcoming",
        itemCount: all.length,
      });
      publicityId = published.json().id;
      listed = await items(office, "&year=2022");
      expect(listed.every((item) => item.status === "publicized")).toBe(true);
      expect(listed.every((item) => item.awaitingStep?.id === "finance-approval")).toBe(true);
      // Published once: nothing is left waiting for a publicity.
      expect((await post(office, "/api/rewards/publicities", { batchId: all[0]!.batchId })).statusCode).toBe(409);
    });

    it("opens the public list on its first day and closes it after its last", async () => {
      const upcoming = await get(null, `/api/public/rewards/publicities/${publicityId}`);
      expect(upcoming.statusCode).toBe(200);
      expect(upcoming.json()).toMatchObject({ state: "upcoming", entries: [], entryCount: listed.length });
      expect((await get(null, "/api/public/rewards/publicities")).json().items).toEqual([]);
      const itemId = (
        await db.kysely
          .selectFrom("reward_publicity_items")
          .select("id")
          .where("publicity_id", "=", publicityId)
          .execute()
      )[0]!.id;
      const tooEarly = await post(null, `/api/public/rewards/publicities/${publicityId}/objections`, {
        itemId,
        contact: "13800000000",
        content: "该企业的统计数据与实际经营情况不符。",
      });
      expect(tooEarly.statusCode).toBe(409);

      await setPublicityDays(publicityId, today(), 7);
      const open = await get(null, `/api/public/rewards/publicities/${publicityId}`);
      expect(open.json().state).toBe("open");
      expect(open.json().title).toBe("昌江区2022年度奖励兑现公示");
      expect(open.json().handledBy).toBe("领导小组办公室");
      const growth = open
        .json()
        .entries.find((entry: { enterpriseName: string }) => entry.enterpriseName === "景德镇乙医药有限公司");
      expect(growth).toMatchObject({ amountFen: String(20n * WAN), amountWan: "20", clause: "M4" });
      expect(Object.keys(growth).sort()).toEqual(
        ["amountFen", "amountWan", "clause", "enterpriseName", "itemId", "ruleName", "ruleNameEn"].sort(),
      );
      const running = (await get(null, "/api/public/rewards/publicities?district=360202")).json().items;
      expect(running.map((entry: { id: number }) => entry.id)).toEqual([publicityId]);
      expect((await get(null, "/api/public/rewards/publicities?district=990101")).json().items).toEqual([]);
      // While it runs nothing moves on.
      const held = await post(finance, `/api/rewards/entitlements/${listed[0]!.id}/approve`);
      expect(held.statusCode).toBe(409);
      expect(held.json().error.message).toContain("正在公示");
    });

    it("takes objections from anyone, within limits, and holds the objected rewards until the office decides", async () => {
      const entries = (await get(null, `/api/public/rewards/publicities/${publicityId}`)).json().entries as {
        itemId: number;
        enterpriseName: string;
        ruleName: string;
      }[];
      const byName = (enterpriseName: string, ruleName: string) =>
        entries.find((entry) => entry.enterpriseName === enterpriseName && entry.ruleName.includes(ruleName))!;
      const growthItem = byName("景德镇乙医药有限公司", "增幅");
      const objectionUrl = `/api/public/rewards/publicities/${publicityId}/objections`;
      const filed = await post(null, objectionUrl, {
        itemId: growthItem.itemId,
        name: "张三",
        contact: "13800000000",
        content: "该企业 2022 年营业收入含关联交易，增幅虚高。",
      });
      expect(filed.statusCode, filed.body).toBe(201);
      expect(Object.keys(filed.json()).sort()).toEqual(["filedAt", "id", "publicityId"]);

      // Checked and bounded: a short text, an item not on this list, a body far too large.
      expect(
        (await post(null, objectionUrl, { itemId: growthItem.itemId, contact: "13800000000", content: "不同意" }))
          .statusCode,
      ).toBe(400);
      const notListed = await post(null, objectionUrl, {
        itemId: 999999,
        contact: "13800000000",
        content: "该企业的统计数据与实际经营情况不符。",
      });
      expect(notListed.statusCode).toBe(400);
      const huge = await post(null, objectionUrl, {
        itemId: growthItem.itemId,
        contact: "13800000000",
        content: "异".repeat(20_000),
      });
      expect(huge.statusCode).toBe(413);

      // Five an hour from one address; the sixth waits.
      const milestones = entries.filter(
        (entry) => entry.enterpriseName === "景德镇甲电子有限公司" && entry.ruleName.includes("营业收入"),
      );
      expect(milestones.length).toBe(3);
      const target = milestones[2]!;
      for (let n = 0; n < 5; n++) {
        const response = await post(
          null,
          objectionUrl,
          { itemId: target.itemId, contact: "qq: 10001", content: `第 ${n + 1} 次：该企业营业收入数据存疑，请核实。` },
          "10.0.0.9",
        );
        expect(response.statusCode, response.body).toBe(201);
      }
      const sixth = await post(
        null,
        objectionUrl,
        { itemId: target.itemId, contact: "qq: 10001", content: "第 6 次：该企业营业收入数据存疑，请核实。" },
        "10.0.0.9",
      );
      expect(sixth.statusCode).toBe(429);
      expect(sixth.headers["retry-after"]).toBe("3600");
      expect(
        (
          await post(
            null,
            objectionUrl,
            { itemId: target.itemId, contact: "13900000000", content: "另一位公众：营业收入数据存疑，请核实。" },
            "10.0.0.10",
          )
        ).statusCode,
      ).toBe(201);

      // The office reads who objected and how to answer; other staff read the objection without them.
      const forOffice = (await get(office, `/api/rewards/objections?status=open&publicityId=${publicityId}`)).json()
        .items;
      expect(forOffice).toHaveLength(7);
      const growthObjection = forOffice.find((objection: { itemId: number }) => objection.itemId === growthItem.itemId);
      expect(growthObjection).toMatchObject({ name: "张三", contact: "13800000000", status: "open" });
      const forInspector = (await get(inspector, "/api/rewards/objections?status=open")).json().items;
      expect(
        forInspector.every(
          (objection: { contact: string | null; name: string | null }) => !objection.contact && !objection.name,
        ),
      ).toBe(true);
      // The enterprise sees that an objection came in, never what it says nor who said it.
      const growthId = forOffice.find(
        (objection: { itemId: number }) => objection.itemId === growthItem.itemId,
      ).entitlementId;
      const own = (await get(owner2, `/api/rewards/entitlements/${growthId}`)).json();
      expect(own.objections).toEqual([]);
      const objected = own.events.find((event: { action: string }) => event.action === "object");
      expect(objected.reason).toContain("收到公示异议");
      expect(JSON.stringify(own)).not.toContain("关联交易");
      expect(JSON.stringify(own)).not.toContain("张三");

      // After its last day: the list is no longer public, no objection is taken, and the objected reward still waits.
      await setPublicityDays(publicityId, addDays(today(), -8), 7);
      const closed = (await get(null, `/api/public/rewards/publicities/${publicityId}`)).json();
      expect(closed).toMatchObject({ state: "closed", entries: [] });
      const late = await post(null, objectionUrl, {
        itemId: growthItem.itemId,
        contact: "13800000000",
        content: "公示期后提出的异议，应当不予受理。",
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toContain("结束");
      const blocked = await post(finance, `/api/rewards/entitlements/${growthId}/approve`);
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().error.message).toContain("异议尚未处理");
      expect((await get(finance, `/api/rewards/entitlements/${growthId}`)).json().actions).not.toContain("approve");

      // Dismissed with its reason: the reward moves on.
      expect(
        (
          await post(finance, `/api/rewards/objections/${growthObjection.id}/resolve`, {
            decision: "dismissed",
            reason: "x",
          })
        ).statusCode,
      ).toBe(403);
      const dismissed = await post(office, `/api/rewards/objections/${growthObjection.id}/resolve`, {
        decision: "dismissed",
        reason: "经核查，关联交易已剔除，增幅属实",
      });
      expect(dismissed.statusCode, dismissed.body).toBe(200);
      expect(dismissed.json()).toMatchObject({ status: "dismissed", resolution: "经核查，关联交易已剔除，增幅属实" });
      expect(
        (
          await post(office, `/api/rewards/objections/${growthObjection.id}/resolve`, {
            decision: "upheld",
            reason: "再次处理",
          })
        ).statusCode,
      ).toBe(409);
      const detail = (await get(finance, `/api/rewards/entitlements/${growthId}`)).json();
      expect(detail.actions).toContain("approve");
      expect(detail.publicity).toMatchObject({ id: publicityId, state: "closed" });
      expect((await post(finance, `/api/rewards/entitlements/${growthId}/approve`)).statusCode).toBe(200);

      // Upheld: the reward is rejected with the reason; the other objections to it are left for the record.
      const targetObjection = forOffice.find((objection: { itemId: number }) => objection.itemId === target.itemId);
      const upheld = await post(office, `/api/rewards/objections/${targetObjection.id}/resolve`, {
        decision: "upheld",
        reason: "营业收入含重复计算，经统计局核实不予奖励",
      });
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect(upheld.json().entitlementStatus).toBe("rejected");
      const rejected = (await get(office, `/api/rewards/entitlements/${targetObjection.entitlementId}`)).json();
      expect(rejected.status).toBe("rejected");
      expect(rejected.reason).toContain("公示异议成立");
      expect(rejected.objections.length).toBe(6);
    });

    it("is approved and paid by the unit holding payRewards, once, never by another unit", async () => {
      const newScale = (await items(office, "&year=2022&rule=R-NEW-SCALE"))[0]!;
      expect((await post(commerce, `/api/rewards/entitlements/${newScale.id}/approve`)).statusCode).toBe(403);
      expect((await post(office, `/api/rewards/entitlements/${newScale.id}/approve`)).statusCode).toBe(403);
      expect((await post(finance, `/api/rewards/entitlements/${newScale.id}/approve`)).statusCode).toBe(200);
      const payment = { voucherNo: "CZ-2022-0101", paidOn: addDays(today(), -1) };
      const byCommerce = await post(commerce, `/api/rewards/entitlements/${newScale.id}/pay`, payment);
      expect(byCommerce.statusCode).toBe(403);
      expect(byCommerce.json().error.message).toContain("区财政局");
      const racing = await Promise.all([
        post(finance, `/api/rewards/entitlements/${newScale.id}/pay`, payment),
        post(finance, `/api/rewards/entitlements/${newScale.id}/pay`, { ...payment, voucherNo: "CZ-2022-0102" }),
      ]);
      expect(racing.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const paid = racing.find((response) => response.statusCode === 200)!.json();
      expect(paid.status).toBe("paid");
      expect(paid.awaitingStep).toBeNull();
      expect(paid.events.map((event: { action: string }) => event.action)).toEqual([
        "compute",
        "confirm",
        "review",
        "publish",
        "approve",
        "pay",
      ]);
      expect((await post(finance, `/api/rewards/entitlements/${newScale.id}/pay`, payment)).statusCode).toBe(409);
      const ledger = await db.kysely
        .selectFrom("reward_payments")
        .select("id")
        .where("entitlement_id", "=", newScale.id)
        .execute();
      expect(ledger).toHaveLength(1);
    });

    it("records a recovery of a paid reward, in its history, and the budget counts paid less recovered", async () => {
      const newScale = (await items(office, "&year=2022&rule=R-NEW-SCALE"))[0]!;
      const before = await budgetYear(office, 2022);
      const recovery = {
        amountYuan: "10000",
        reason: "企业统计数据更正，多付部分追回",
        recoveredOn: today(),
        documentNo: "昌倍办追〔2023〕1号",
      };
      expect((await post(finance, `/api/rewards/entitlements/${newScale.id}/recover`, recovery)).statusCode).toBe(403);
      const tooMuch = await post(office, `/api/rewards/entitlements/${newScale.id}/recover`, {
        ...recovery,
        amountYuan: "30000.01",
      });
      expect(tooMuch.statusCode).toBe(400);
      expect(tooMuch.json().error.message).toContain("30000");
      const future = await post(office, `/api/rewards/entitlements/${newScale.id}/recover`, {
        ...recovery,
        recoveredOn: addDays(today(), 2),
      });
      expect(future.statusCode).toBe(400);
      const unpaid = (await items(office, "&year=2022&rule=R-GROWTH"))[0]!;
      expect((await post(office, `/api/rewards/entitlements/${unpaid.id}/recover`, recovery)).statusCode).toBe(409);

      const recovered = await post(office, `/api/rewards/entitlements/${newScale.id}/recover`, recovery);
      expect(recovered.statusCode, recovered.body).toBe(200);
      expect(recovered.json()).toMatchObject({ status: "paid", recoveredFen: String(10_000n * YUAN) });
      expect(recovered.json().recoveries).toEqual([
        expect.objectContaining({ amountFen: String(10_000n * YUAN), documentNo: "昌倍办追〔2023〕1号" }),
      ]);
      const event = recovered.json().events.at(-1);
      expect(event).toMatchObject({ action: "recover", fromStatus: "paid", toStatus: "paid" });
      expect(event.reason).toContain("1 万元");
      const after = await budgetYear(office, 2022);
      expect(BigInt(after.paidFen)).toBe(BigInt(before.paidFen) - 10_000n * YUAN);
      expect(BigInt(after.recoveredFen)).toBe(BigInt(before.recoveredFen) + 10_000n * YUAN);
      const rule = after.byRule.find((entry: { ruleId: string }) => entry.ruleId === "R-NEW-SCALE");
      expect(rule).toMatchObject({ paidFen: String(20_000n * YUAN), recoveredFen: String(10_000n * YUAN) });
      // The rest can be recovered, not more.
      expect(
        (
          await post(office, `/api/rewards/entitlements/${newScale.id}/recover`, {
            ...recovery,
            amountYuan: "20000.01",
          })
        ).statusCode,
      ).toBe(400);
      const rest = await post(office, `/api/rewards/entitlements/${newScale.id}/recover`, {
        ...recovery,
        amountYuan: "20000",
      });
      expect(rest.statusCode).toBe(200);
      expect(rest.json().actions).not.toContain("recover");
      const audit = await db.kysely
        .selectFrom("audit_log")
        .select(["action", "entity_type"])
        .where("district_id", "=", world.districtA)
        .where("entity_type", "in", ["reward_entitlement", "reward_publicity", "reward_objection"])
        .execute();
      const seen = new Set(audit.map((entry) => `${entry.entity_type}:${entry.action}`));
      for (const expected of [
        "reward_publicity:publish",
        "reward_objection:object",
        "reward_objection:dismiss",
        "reward_objection:uphold",
        "reward_entitlement:recover",
      ])
        expect(seen, expected).toContain(expected);
    });

    it("names the plan's steps and units in the approval notice", async () => {
      const notice = await post(office, "/api/rewards/notices", { enterpriseId: world.enterpriseA2, year: 2022 });
      expect(notice.statusCode, notice.body).toBe(200);
      const text = docxText(notice.rawPayload);
      expect(text).toContain("并经你单位确认、领导小组办公室审核、公示 7 天、区财政局审批");
      expect(text).toContain("奖励资金由区财政局拨付");
    });
  });

  describe("the test district: confirm → two unit reviews → 5 days' publicity → office approval → payment", () => {
    let office: Session;
    let economy: Session;
    let stats: Session;
    let fiscal: Session;
    let commerce: Session;
    let owner: Session;
    let growthId: number;

    beforeAll(async () => {
      const district = world.districtB;
      const unit = (code: string) => unitIdOf(db, district, code);
      await addAccount(db, district, "yx-economy", "unit", { unitId: await unit("economy-bureau") });
      await addAccount(db, district, "yx-stats", "unit", { unitId: await unit("stats-bureau") });
      await addAccount(db, district, "yx-fiscal", "unit", { unitId: await unit("fiscal-bureau") });
      await addAccount(db, district, "yx-commerce", "unit", { unitId: await unit("investment-bureau") });
      await addAccount(db, district, "yx-enterprise", "enterprise", { enterpriseId: world.enterpriseB });
      await db.kysely
        .insertInto("enterprise_scale_years")
        .values([
          { enterprise_id: world.enterpriseB, year: 2023, status: "above" },
          { enterprise_id: world.enterpriseB, year: 2024, status: "above" },
        ])
        .execute();
      await figure(district, world.enterpriseB, 2023, "revenue", 100_000_000n * YUAN);
      await figure(district, world.enterpriseB, 2024, "revenue", 125_000_000n * YUAN);
      const other = await enterprise(district, "91990101MA00XXXX11", "云溪丁材料有限公司");
      await db.kysely
        .insertInto("enterprise_scale_years")
        .values([
          { enterprise_id: other, year: 2023, status: "reserve" },
          { enterprise_id: other, year: 2024, status: "above" },
        ])
        .execute();
      office = await loginAs(app, "office-b");
      economy = await loginAs(app, "yx-economy");
      stats = await loginAs(app, "yx-stats");
      fiscal = await loginAs(app, "yx-fiscal");
      commerce = await loginAs(app, "yx-commerce");
      owner = await loginAs(app, "yx-enterprise");
      await compute(office, 2024);
    });

    it("reviews in the plan's order, by the units it names and by duty", async () => {
      const all = await items(office, "&year=2024");
      expect(all.map((item) => `${item.ruleId}:${item.amountFen}`).sort()).toEqual(
        [`R-GROWTH:${10n * WAN}`, `R-NEW-SCALE:${5n * WAN}`].sort(),
      );
      const growth = all.find((item) => item.ruleId === "R-GROWTH")!;
      growthId = growth.id;
      expect((await post(owner, `/api/rewards/entitlements/${growthId}/confirm`, bank)).statusCode).toBe(200);
      const afterConfirm = (await get(office, `/api/rewards/entitlements/${growthId}`)).json();
      expect(afterConfirm.awaitingStep).toMatchObject({ id: "lead-unit-review", actor: "区经信局" });
      // The office reviews at no step of this plan; the statistics bureau's turn has not come.
      expect((await post(office, `/api/rewards/entitlements/${growthId}/review`, {})).statusCode).toBe(403);
      const early = await post(stats, `/api/rewards/entitlements/${growthId}/review`, {});
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain("区经信局初审");
      expect((await post(economy, `/api/rewards/entitlements/${growthId}/review`, {})).statusCode).toBe(200);
      expect((await post(economy, `/api/rewards/entitlements/${growthId}/review`, {})).statusCode).toBe(409);
      const waiting = await items(stats, "&step=figures-check");
      expect(waiting.map((item) => item.id)).toEqual([growthId]);
      const checked = await post(stats, `/api/rewards/entitlements/${growthId}/review`, { note: "数据与统计年报一致" });
      expect(checked.statusCode).toBe(200);
      expect(checked.json()).toMatchObject({ status: "reviewed", awaitingStep: { id: "publicity" } });
      expect(checked.json().events.map((event: { action: string }) => event.action)).toEqual([
        "compute",
        "confirm",
        "review",
        "review",
      ]);
    });

    it("lists it in public for 5 days, then the office approves and the finance bureau pays once", async () => {
      expect((await post(fiscal, `/api/rewards/entitlements/${growthId}/approve`)).statusCode).toBe(403);
      const published = await post(office, "/api/rewards/publicities", {
        batchId: (await items(office, "&year=2024"))[0]!.batchId,
      });
      expect(published.statusCode, published.body).toBe(201);
      // Only what has been through both reviews is listed.
      expect(published.json()).toMatchObject({ days: 5, startsOn: today(), endsOn: addDays(today(), 4), itemCount: 1 });
      const id = published.json().id;
      const open = (await get(null, `/api/public/rewards/publicities/${id}`)).json();
      expect(open).toMatchObject({ state: "open", handledBy: "工作专班办公室", title: "云溪区2024年度奖励兑现公示" });
      expect(open.entries).toEqual([
        expect.objectContaining({ enterpriseName: "云溪丙制造有限公司", amountWan: "10", clause: "M2" }),
      ]);
      const during = await post(office, `/api/rewards/entitlements/${growthId}/approve`);
      expect(during.statusCode).toBe(409);
      expect(during.json().error.message).toContain("公示期满");

      await setPublicityDays(id, addDays(today(), -5), 5);
      const late = await post(null, `/api/public/rewards/publicities/${id}/objections`, {
        itemId: 1,
        contact: "13800000000",
        content: "公示期已过才提出的异议，不应受理。",
      });
      expect(late.statusCode).toBe(409);
      expect((await post(office, `/api/rewards/entitlements/${growthId}/approve`)).statusCode).toBe(200);
      const approved = (await get(fiscal, `/api/rewards/entitlements/${growthId}`)).json();
      expect(approved.awaitingStep).toMatchObject({ id: "payment", actor: "区财政局" });
      expect(approved.actions).toEqual(expect.arrayContaining(["pay", "reject", "notice"]));

      const payment = { voucherNo: "YX-2025-0001", paidOn: today() };
      for (const session of [economy, commerce, office]) {
        const refused = await post(session, `/api/rewards/entitlements/${growthId}/pay`, payment);
        expect(refused.statusCode).toBe(403);
      }
      expect((await post(fiscal, `/api/rewards/entitlements/${growthId}/pay`, payment)).statusCode).toBe(200);
      const again = await post(fiscal, `/api/rewards/entitlements/${growthId}/pay`, payment);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain("已支付");
    });

    it("recovers the whole reward and the budget bears nothing of it", async () => {
      const before = await budgetYear(office, 2024);
      expect(before.paidFen).toBe(String(10n * WAN));
      const recovered = await post(office, `/api/rewards/entitlements/${growthId}/recover`, {
        amountYuan: "100000",
        reason: "企业迁出本区，按约定全额追回",
        recoveredOn: today(),
        documentNo: "云专班追〔2025〕1号",
      });
      expect(recovered.statusCode, recovered.body).toBe(200);
      const after = await budgetYear(office, 2024);
      expect(after).toMatchObject({ paidFen: "0", recoveredFen: String(10n * WAN) });
    });

    it("names its own steps and units in the approval notice", async () => {
      const notice = await post(office, "/api/rewards/notices", { enterpriseId: world.enterpriseB, year: 2024 });
      expect(notice.statusCode, notice.body).toBe(200);
      expect(decodeURIComponent(String(notice.headers["x-document-number"]))).toMatch(/^云倍办字〔\d{4}〕1号$/);
      const text = docxText(notice.rawPayload);
      expect(text).toContain("并经你单位确认、区经信局初审、区统计局核数、公示 5 天、工作专班办公室审批");
      expect(text).toContain("由区财政局拨付");
      expect(text).not.toContain("领导小组");
      expect(
        (await post(commerce, "/api/rewards/notices", { enterpriseId: world.enterpriseB, year: 2024 })).statusCode,
      ).toBe(403);
    });
  });
});
