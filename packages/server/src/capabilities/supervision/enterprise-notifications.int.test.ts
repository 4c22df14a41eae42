/**
 * Notifications to enterprise accounts, on SQLite and PostgreSQL: an answer, a reopening and a close of a request
 * reach every active account of its enterprise and no one else's; the reward batch tells each enterprise once
 * how many entitlements it has to confirm and their exact total; an enterprise never reads the office's, a unit's
 * or another enterprise's notifications.
 */
import { amountZh } from "@beizeng/domain/money";
import { renderNotification } from "@beizeng/domain/notifications/messages";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  insertAnnualRevenue,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const YUAN = 100n;

interface NotificationJson {
  id: number;
  kind: string;
  title: string;
  body: string;
  message: { key: string; params: Record<string, string | number> } | null;
  link: string | null;
  read: boolean;
}

describe.each(testDatabases())("enterprise notifications on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let unit: Session;
  let leader: Session;
  let enterprise: Session;
  let colleague: Session;
  let enterprise2: Session;
  let disabledId: number;

  const post = (session: Session, url: string, payload: Record<string, unknown> = {}) =>
    app.inject({ method: "POST", url, headers: session.headers, payload });
  const notifications = async (session: Session): Promise<NotificationJson[]> => {
    const response = await app.inject({ url: "/api/notifications", headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };
  const about = (items: NotificationJson[], link: string, key?: string) =>
    items.filter((item) => item.link === link && (key === undefined || item.message?.key === key));

  const figure = (enterpriseId: number, year: number, fen: bigint) =>
    insertAnnualRevenue(db, world.districtA, enterpriseId, year, fen, "统计局年报.xlsx");

  async function compute(year: number) {
    const response = await post(office, "/api/rewards/batches", { year });
    expect(response.statusCode, response.body).toBe(202);
    const id = response.json().id as number;
    for (let attempt = 0; attempt < 400; attempt++) {
      const batch = (await app.inject({ url: `/api/rewards/batches/${id}`, headers: office.headers })).json();
      if (batch.status !== "running") return batch;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("batch did not finish");
  }

  async function fileAndAssign(title: string) {
    const submitted = await post(enterprise, "/api/enterprise-requests", {
      category: "policy",
      title,
      content: "请说明技改补助的申报条件。",
      contactName: "李经理",
      contactPhone: "0798-6666666",
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id as number;
    const assigned = await post(office, `/api/enterprise-requests/${id}/assign`, { unitId: world.unitA });
    expect(assigned.statusCode, assigned.body).toBe(200);
    return id;
  }

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    const account = (username: string) =>
      addAccount(db, world.districtA, username, "enterprise", { enterpriseId: world.enterpriseA });
    await account("enterprise-a-finance");
    disabledId = (await account("enterprise-a-left")).id;
    await db.kysely.updateTable("users").set({ disabled: 1 }).where("id", "=", disabledId).execute();
    // Enterprise A: reserve pool in 2021, above scale in 2022 (seedWorld); A2 above scale both years, +20%.
    await figure(world.enterpriseA, 2021, 4_000_000_000n * YUAN);
    await figure(world.enterpriseA, 2020, 3_000_000_000n * YUAN);
    await db.kysely
      .insertInto("enterprise_scale_years")
      .values([
        { enterprise_id: world.enterpriseA2, year: 2021, status: "above" },
        { enterprise_id: world.enterpriseA2, year: 2022, status: "above" },
      ])
      .execute();
    await figure(world.enterpriseA2, 2021, 100_000_000n * YUAN);
    await figure(world.enterpriseA2, 2022, 120_000_000n * YUAN);
    office = await loginAs(app, "office-a");
    unit = await loginAs(app, "unit-a");
    leader = await loginAs(app, "leader-a");
    enterprise = await loginAs(app, "enterprise-a");
    colleague = await loginAs(app, "enterprise-a-finance");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(() => closeSuite(app, db));

  it("tells every active account of the enterprise that its request is answered, and no one else", async () => {
    const id = await fileAndAssign("技改补助申报条件咨询");
    const link = `/requests/${id}`;
    // The office's (new request) and the unit's (assignment) notices exist, addressed to them.
    expect(about(await notifications(office), link, "request.submitted")).toHaveLength(1);
    expect(about(await notifications(unit), link, "request.assigned")).toHaveLength(1);
    expect(about(await notifications(enterprise), link)).toHaveLength(0);

    await post(unit, `/api/enterprise-requests/${id}/accept`);
    const answered = await post(unit, `/api/enterprise-requests/${id}/answer`, { answer: "已电话告知申报条件。" });
    expect(answered.statusCode, answered.body).toBe(200);

    const mine = await notifications(enterprise);
    expect(about(mine, link)).toHaveLength(1);
    const [notice] = about(mine, link, "request.answered");
    expect(notice).toMatchObject({ kind: "request-answered", read: false });
    expect(notice?.title).toBe("诉求已答复：技改补助申报条件咨询");
    expect(notice?.body).toContain("商务局");
    const english = notice?.message ? renderNotification(notice.message, "en") : undefined;
    expect(english?.title).toBe("Your request is answered: 技改补助申报条件咨询");
    // Only the enterprise's own accounts' notices: never the office's or a unit's.
    expect(mine.every((item) => item.message?.key?.startsWith("request.submitted") !== true)).toBe(true);
    expect(mine.some((item) => item.message?.key === "request.assigned")).toBe(false);

    // The second account has its own copy; reading one leaves the other unread.
    expect(about(await notifications(colleague), link, "request.answered")).toHaveLength(1);
    expect((await post(enterprise, `/api/notifications/${notice?.id}/read`)).statusCode).toBe(200);
    expect(about(await notifications(enterprise), link)[0]?.read).toBe(true);
    expect(about(await notifications(colleague), link)[0]?.read).toBe(false);
    // A disabled account gets none.
    const disabledRows = await db.kysely
      .selectFrom("notifications")
      .select("id")
      .where("user_id", "=", disabledId)
      .execute();
    expect(disabledRows).toHaveLength(0);

    // Another enterprise sees none, and may not mark it read.
    expect(about(await notifications(enterprise2), link)).toHaveLength(0);
    expect((await post(enterprise2, `/api/notifications/${notice?.id}/read`)).statusCode).toBe(403);
    // Nor do the office, the unit and the leader see the enterprise's.
    for (const session of [office, unit, leader])
      expect(about(await notifications(session), link, "request.answered")).toHaveLength(0);
  });

  it("never lets an enterprise read the office's or a unit's notifications", async () => {
    const id = await fileAndAssign("用地指标咨询");
    const officeNotice = about(await notifications(office), `/requests/${id}`, "request.submitted")[0];
    const unitNotice = about(await notifications(unit), `/requests/${id}`, "request.assigned")[0];
    expect(officeNotice && unitNotice).toBeTruthy();
    const ids = new Set((await notifications(enterprise)).map((item) => item.id));
    expect(ids.has(officeNotice?.id ?? -1)).toBe(false);
    expect(ids.has(unitNotice?.id ?? -1)).toBe(false);
    expect((await post(enterprise, `/api/notifications/${officeNotice?.id}/read`)).statusCode).toBe(403);
    expect((await post(enterprise, `/api/notifications/${unitNotice?.id}/read`)).statusCode).toBe(403);
    // Every notification the enterprise reads is addressed to its own account.
    const rows = await db.kysely
      .selectFrom("notifications")
      .select(["id", "user_id", "unit_id"])
      .where("id", "in", [...ids, -1])
      .execute();
    expect(rows.every((row) => row.user_id === world.users.enterprise.id && row.unit_id === null)).toBe(true);
  });

  it("tells the enterprise once when the office reopens its request and when it closes it", async () => {
    const id = await fileAndAssign("融资对接咨询");
    const link = `/requests/${id}`;
    await post(unit, `/api/enterprise-requests/${id}/accept`);
    expect((await post(unit, `/api/enterprise-requests/${id}/answer`, { answer: "已对接银行。" })).statusCode).toBe(
      200,
    );
    const rated = await post(enterprise, `/api/enterprise-requests/${id}/rate`, {
      rating: "unsatisfied",
      comment: "银行未联系我们",
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const reopened = await post(office, `/api/enterprise-requests/${id}/reopen`, { reason: "请再次对接" });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const afterReopen = about(await notifications(enterprise), link, "request.reopenedForEnterprise");
    expect(afterReopen).toHaveLength(1);
    expect(afterReopen[0]?.body).toContain(reopened.json().deadline);

    const closed = await post(office, `/api/enterprise-requests/${id}/close`, { note: "企业已与银行签约" });
    expect(closed.statusCode, closed.body).toBe(200);
    const mine = about(await notifications(enterprise), link);
    expect(mine.filter((item) => item.message?.key === "request.closedByOffice")).toHaveLength(1);
    expect(mine.find((item) => item.message?.key === "request.closedByOffice")?.body).toContain("企业已与银行签约");
    // One per event: the answer, the reopening, the close.
    expect(mine.map((item) => item.message?.key).sort()).toEqual([
      "request.answered",
      "request.closedByOffice",
      "request.reopenedForEnterprise",
    ]);
    expect(about(await notifications(enterprise2), link)).toHaveLength(0);
  });

  it("tells each enterprise once per batch how many rewards it has to confirm and their exact total", async () => {
    const batch = await compute(2022);
    expect(batch.status, batch.errorMessage).toBe("done");
    for (const [session, others] of [
      [enterprise, enterprise2],
      [enterprise2, enterprise],
    ] as const) {
      const response = await app.inject({ url: "/api/rewards/entitlements?pageSize=500", headers: session.headers });
      const items = (response.json().items as { year: number; status: string; amountFen: string | null }[]).filter(
        (item) => item.year === 2022 && item.status === "computed",
      );
      expect(items.length).toBeGreaterThan(0);
      const fen = items.reduce((sum, item) => sum + BigInt(item.amountFen ?? "0"), 0n);
      const undecided = items.filter((item) => item.amountFen === null).length;
      const notices = (await notifications(session)).filter((item) => item.kind === "rewards-to-confirm");
      expect(notices).toHaveLength(1);
      const notice = notices[0] as NotificationJson;
      expect(notice.link).toBe("/my-rewards");
      expect(notice.message?.params).toMatchObject({ year: 2022, count: items.length, undecided });
      const amount = String(notice.message?.params.amount);
      // Exact, as a payment is written: in 万元 when a whole number of hundreds of yuan, else in grouped 元.
      expect(amount).toBe(amountZh(fen));
      expect(notice.body).toContain(`您有 ${items.length} 笔 2022 年度奖励待确认，`);
      expect(notice.body).toContain(amount);
      const english = notice.message ? renderNotification(notice.message, "en") : undefined;
      expect(english?.body).toContain(`for 2022 to confirm`);
      expect(english?.body).toContain(" yuan in total");
      // The other enterprise's notice is not among these.
      const theirs = (await notifications(others)).find((item) => item.kind === "rewards-to-confirm");
      expect(notices.some((item) => item.id === theirs?.id)).toBe(false);
    }
    // Each account of enterprise A has its own; the disabled account and the office none.
    expect((await notifications(colleague)).filter((item) => item.kind === "rewards-to-confirm")).toHaveLength(1);
    expect((await notifications(office)).filter((item) => item.kind === "rewards-to-confirm")).toHaveLength(0);
    const rewardRows = await db.kysely
      .selectFrom("notifications")
      .select(["user_id"])
      .where("kind", "=", "rewards-to-confirm")
      .execute();
    expect(rewardRows.map((row) => row.user_id).sort()).toEqual(
      [world.users.enterprise.id, world.users.enterpriseA2.id, (await accountId("enterprise-a-finance")) ?? -1].sort(),
    );

    // Computed again with nothing new: no second notice.
    const again = await compute(2022);
    expect(again.status).toBe("done");
    expect(again.summary.created + again.summary.changed).toBe(0);
    const count = await db.kysely
      .selectFrom("notifications")
      .select(["id"])
      .where("kind", "=", "rewards-to-confirm")
      .execute();
    expect(count).toHaveLength(3);
  });

  it("keeps the notice of rewards to confirm in step with them: fewer waiting, a new count; none, no notice", async () => {
    const waiting = async () => {
      const response = await app.inject({ url: "/api/rewards/entitlements?pageSize=500", headers: enterprise.headers });
      return (response.json().items as { id: number; year: number; status: string; amountFen: string | null }[]).filter(
        (item) => item.year === 2022 && item.status === "computed",
      );
    };
    const noticesOf = async (session: Session) =>
      (await notifications(session)).filter((item) => item.kind === "rewards-to-confirm");
    const before = await waiting();
    expect(before.length).toBeGreaterThan(0);
    expect(await noticesOf(enterprise)).toHaveLength(1);
    const bank = { accountName: "演示企业", bankName: "景德镇农商银行", accountNo: "6217000012345678" };
    for (const [index, item] of before.entries()) {
      const confirmed = await post(enterprise, `/api/rewards/entitlements/${item.id}/confirm`, bank);
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const left = before.slice(index + 1);
      // Every account of the enterprise reads the same.
      for (const session of [enterprise, colleague]) {
        const notices = await noticesOf(session);
        if (left.length === 0) {
          expect(notices).toHaveLength(0);
          continue;
        }
        expect(notices).toHaveLength(1);
        const fen = left.reduce((sum, rest) => sum + BigInt(rest.amountFen ?? "0"), 0n);
        expect(notices[0]?.message?.params).toMatchObject({ year: 2022, count: left.length, amount: amountZh(fen) });
        expect(notices[0]?.body).toContain(`您有 ${left.length} 笔 2022 年度奖励待确认`);
      }
    }
    // Settled notices stay in the table, out of the readers' lists.
    const settled = await db.kysely
      .selectFrom("notifications")
      .select(["resolved_at"])
      .where("kind", "=", "rewards-to-confirm")
      .where("user_id", "=", world.users.enterprise.id)
      .execute();
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((row) => row.resolved_at !== null)).toBe(true);
    // The other enterprise's notice is untouched.
    expect(await noticesOf(enterprise2)).toHaveLength(1);
  });

  async function accountId(username: string) {
    const row = await db.kysely.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
    return row?.id;
  }
});
