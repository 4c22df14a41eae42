import { SHIPPED_OFFICIAL_YEARS, workingCalendarFrom } from "@beizeng/domain/calendar/official-calendar";
import { renderNotification } from "@beizeng/domain/notifications/messages";
import { requestDeadline } from "@beizeng/domain/requests/categories";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
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
import { todayInChina } from "../supervision/index";
import { runRequestEscalations } from "./enterprise-requests.service";

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return value === null || value === undefined ? "" : String(value);
}

describe.each(testDatabases())("enterprise requests on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let leader: Session;
  let unit: Session;
  let coUnit: Session;
  let inspector: Session;
  let enterprise: Session;
  let enterprise2: Session;
  let industryBureau: number;

  const submitAs = async (session: Session, payload: Record<string, unknown>) =>
    app.inject({
      method: "POST",
      url: "/api/enterprise-requests",
      headers: session.headers,
      payload: {
        category: "approval",
        title: "厂房扩建规划许可办理",
        content: "二期厂房扩建需办理建设工程规划许可证，材料已齐，请协调加快审批。",
        contactName: "张经理",
        contactPhone: "0798-8888888",
        ...payload,
      },
    });
  const act = (session: Session, id: number, action: string, payload: Record<string, unknown> = {}) =>
    app.inject({ method: "POST", url: `/api/enterprise-requests/${id}/${action}`, headers: session.headers, payload });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const bureau = await db.kysely
      .selectFrom("units")
      .select("id")
      .where("district_id", "=", world.districtA)
      .where("code", "=", "industry-it-bureau")
      .executeTakeFirstOrThrow();
    industryBureau = bureau.id;
    await createUser(
      db,
      {
        districtId: world.districtA,
        username: "unit-industry",
        displayName: "工信局经办人",
        role: "unit",
        unitId: industryBureau,
        password: TEST_PASSWORD,
        mustChangePassword: false,
      },
      TEST_ACTOR,
    );
    // The leader is assigned (挂点) to enterprise A only.
    await db.kysely
      .updateTable("enterprises")
      .set({ leader_user_id: world.users.leader.id, is_key: 1 })
      .where("id", "=", world.enterpriseA)
      .execute();
    office = await loginAs(app, "office-a");
    leader = await loginAs(app, "leader-a");
    unit = await loginAs(app, "unit-a");
    coUnit = await loginAs(app, "unit-industry");
    inspector = await loginAs(app, "inspector-a");
    enterprise = await loginAs(app, "enterprise-a");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("runs a request from submission to a reopened, re-answered and rated close, with its timeline and audit", async () => {
    const submitted = await submitAs(enterprise, {});
    expect(submitted.statusCode).toBe(201);
    const request = submitted.json();
    expect(request).toMatchObject({ status: "submitted", channel: "enterprise", unit: null, deadline: null });
    expect(request.enterprise.id).toBe(world.enterpriseA);

    // Before assignment only the enterprise and the district-wide readers see it.
    expect((await get(unit, "/api/enterprise-requests")).json().total).toBe(0);
    expect((await get(unit, `/api/enterprise-requests/${request.id}`)).statusCode).toBe(403);
    expect((await get(enterprise2, `/api/enterprise-requests/${request.id}`)).statusCode).toBe(403);
    expect((await get(enterprise2, "/api/enterprise-requests")).json().total).toBe(0);
    expect((await get(inspector, `/api/enterprise-requests/${request.id}`)).statusCode).toBe(200);
    const officeList = (await get(office, "/api/enterprise-requests?status=submitted")).json();
    expect(officeList.items.map((i: { id: number }) => i.id)).toContain(request.id);

    const assigned = await act(office, request.id, "assign", {
      unitId: world.unitA,
      coUnitIds: [industryBureau],
      note: "请商务局牵头协调",
    });
    expect(assigned.statusCode).toBe(200);
    const today = todayInChina();
    expect(assigned.json()).toMatchObject({
      status: "assigned",
      unit: { id: world.unitA },
      coUnits: [{ id: industryBureau }],
      deadline: requestDeadline(
        today,
        { limitDays: 5, dayKind: "working" },
        workingCalendarFrom(SHIPPED_OFFICIAL_YEARS.flatMap((entry) => entry.days)),
      ),
      light: "green",
    });
    // The unit is told, and now sees it; the co-unit sees it too but cannot accept or answer.
    const notices = (await get(unit, "/api/notifications")).json().items;
    const assignedNotice = notices.find((n: { link: string }) => n.link === `/requests/${request.id}`);
    const deadline = assigned.json().deadline;
    // Stored in Chinese, with the message each reader renders in its language.
    expect(assignedNotice.title).toBe("新交办诉求：厂房扩建规划许可办理");
    expect(assignedNotice.message.key).toBe("request.assigned.withCoUnits");
    expect(renderNotification(assignedNotice.message, "zh-CN")).toEqual({
      title: assignedNotice.title,
      body: assignedNotice.body,
    });
    expect(renderNotification(assignedNotice.message, "en")?.title).toBe("Request assigned: 厂房扩建规划许可办理");
    expect(renderNotification(assignedNotice.message, "en")?.body).toMatch(
      new RegExp(`^.+'s request is assigned to [A-Za-z].*, assisted by [A-Za-z].*; please answer by ${deadline}\\.$`),
    );
    const coNotice = (await get(coUnit, "/api/notifications"))
      .json()
      .items.find((n: { link: string }) => n.link === `/requests/${request.id}`);
    expect(coNotice.message.key).toBe("request.coUnit");
    expect(coNotice.body).toContain("贵单位协办");
    expect((await get(unit, "/api/enterprise-requests")).json().total).toBe(1);
    expect((await get(coUnit, "/api/enterprise-requests")).json().total).toBe(1);
    expect((await act(coUnit, request.id, "accept")).statusCode).toBe(403);
    expect((await act(coUnit, request.id, "answer", { answer: "协办意见" })).statusCode).toBe(403);
    expect((await act(coUnit, request.id, "notes", { note: "工信局已核实用地指标" })).statusCode).toBe(200);

    expect((await act(unit, request.id, "accept")).json().status).toBe("accepted");
    expect((await act(unit, request.id, "accept")).statusCode).toBe(409);
    expect((await act(unit, request.id, "notes", { note: "已联系自然资源分局" })).statusCode).toBe(200);
    expect((await act(leader, request.id, "notes", { note: "请本周内办结" })).statusCode).toBe(200);
    const answered = await act(unit, request.id, "answer", { answer: "规划许可已受理，预计 3 个工作日内核发。" });
    expect(answered.json()).toMatchObject({ status: "answered", light: null, answeredLate: false });

    // The enterprise rates: 不满意 needs a reason, and puts the request before the office.
    expect((await act(enterprise2, request.id, "rate", { rating: "satisfied" })).statusCode).toBe(403);
    expect((await act(enterprise, request.id, "rate", { rating: "unsatisfied" })).statusCode).toBe(400);
    const unhappy = await act(enterprise, request.id, "rate", { rating: "unsatisfied", comment: "未给出明确办结时间" });
    expect(unhappy.json()).toMatchObject({ status: "answered", rating: "unsatisfied" });
    expect((await act(enterprise, request.id, "rate", { rating: "satisfied" })).statusCode).toBe(409);
    const pending = (await get(office, "/api/enterprise-requests?unsatisfied=true")).json();
    expect(pending.items.map((i: { id: number }) => i.id)).toEqual([request.id]);
    expect((await get(office, "/api/enterprise-requests/stats")).json().unsatisfiedPending).toBe(1);

    const reopened = await act(office, request.id, "reopen", { reason: "企业不满意，请明确办结时间" });
    expect(reopened.json()).toMatchObject({ status: "assigned", reopenCount: 1, rating: null, answer: null });
    expect((await act(office, request.id, "reopen", { reason: "再次" })).statusCode).toBe(409);
    // A reopened request is accepted again before it is answered.
    const early = await act(unit, request.id, "answer", { answer: "规划许可证已于今日核发，请到政务服务中心领取。" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe("请先受理此诉求，再答复");
    expect((await act(unit, request.id, "accept")).json().status).toBe("accepted");
    await act(unit, request.id, "answer", { answer: "规划许可证已于今日核发，请到政务服务中心领取。" });
    const closed = await act(enterprise, request.id, "rate", { rating: "satisfied", comment: "办理迅速" });
    expect(closed.json()).toMatchObject({ status: "closed", rating: "satisfied" });
    expect(closed.json().closedAt).not.toBeNull();

    // Each notice of the round reads in both languages.
    const noticesOf = async (session: Session) =>
      (await get(session, "/api/notifications"))
        .json()
        .items.filter((n: { link: string }) => n.link === `/requests/${request.id}`);
    const rendered = (notices: { message: { key: string; params: Record<string, string | number> } }[]) =>
      Object.fromEntries(
        notices.map((n) => [
          n.message.key,
          [renderNotification(n.message, "zh-CN")?.body, renderNotification(n.message, "en")?.body],
        ]),
      );
    const unitTexts = rendered(await noticesOf(unit));
    expect(unitTexts["request.instruction"]).toEqual(["leader-a：请本周内办结", "leader-a: 请本周内办结"]);
    // Reopened to the same unit with the same co-unit.
    expect(unitTexts["request.reopened.withCoUnits"]?.[1]).toMatch(
      /'s request is assigned again to .+, assisted by .+; please answer by /,
    );
    const officeTexts = rendered(await noticesOf(office));
    expect(officeTexts["request.submitted"]).toEqual([
      expect.stringMatching(/ 提出诉求（审批办证），请交办责任单位。$/),
      expect.stringMatching(/ filed a request \(Approvals and licences\); please assign it to a responsible unit\.$/),
    ]);
    expect(officeTexts["request.unsatisfied"]?.[1]).toMatch(
      /is not satisfied with the answer of .+: 未给出明确办结时间\. Please reopen or close the request\.$/,
    );

    const detail = (await get(enterprise, `/api/enterprise-requests/${request.id}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      "submit",
      "assign",
      "progress",
      "accept",
      "progress",
      "instruct",
      "answer",
      "rate",
      "reopen",
      "accept",
      "answer",
      "rate",
    ]);
    expect(detail.timeline[1].data.coUnits).toEqual(["区工信局"]);
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "enterprise_request")
      .where("entity_id", "=", String(request.id))
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "create",
      "assign",
      "progress",
      "accept",
      "progress",
      "instruct",
      "answer",
      "rate",
      "reopen",
      "accept",
      "answer",
      "rate",
    ]);
    const verify = (await get(office, "/api/audit/verify")).json();
    expect(verify.ok).toBe(true);
  });

  it("keeps each role to its own: enterprises, leaders' enterprises, units, districts", async () => {
    // An enterprise files only for itself.
    expect((await submitAs(enterprise, { enterpriseId: world.enterpriseA2 })).statusCode).toBe(403);
    // The leader registers for the enterprise assigned to it, not for another.
    expect((await submitAs(leader, { enterpriseId: world.enterpriseA2 })).statusCode).toBe(403);
    const byLeader = await submitAs(leader, { enterpriseId: world.enterpriseA, category: "financing" });
    expect(byLeader.statusCode).toBe(201);
    expect(byLeader.json().channel).toBe("leader");
    // The office registers for any enterprise of its district; without an enterprise it is told to choose one.
    expect((await submitAs(office, {})).statusCode).toBe(400);
    const byOffice = await submitAs(office, { enterpriseId: world.enterpriseA2, category: "labour" });
    expect(byOffice.json()).toMatchObject({ channel: "office", enterprise: { id: world.enterpriseA2 } });
    // The leader's own enterprises: only enterprise A's requests.
    const mine = (await get(leader, "/api/enterprise-requests?mine=true")).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(
      mine.items.every(
        (i: { enterprise: { id: number }; mineAsLeader: boolean }) =>
          i.enterprise.id === world.enterpriseA && i.mineAsLeader,
      ),
    ).toBe(true);
    // A leader's instruction is only for its own enterprises' requests.
    expect((await act(leader, byOffice.json().id, "notes", { note: "请加快" })).statusCode).toBe(403);
    expect((await act(leader, byLeader.json().id, "notes", { note: "请加快" })).statusCode).toBe(200);
    // Assignment to a unit that cannot handle requests, or a deadline in the past, is refused.
    const leadingGroup = await db.kysely
      .selectFrom("units")
      .select("id")
      .where("district_id", "=", world.districtA)
      .where("code", "=", "leading-group")
      .executeTakeFirstOrThrow();
    expect((await act(office, byOffice.json().id, "assign", { unitId: leadingGroup.id })).statusCode).toBe(400);
    expect(
      (await act(office, byOffice.json().id, "assign", { unitId: world.unitA, deadline: "2020-01-01" })).statusCode,
    ).toBe(400);
    // The unit answers only what is assigned to it.
    expect((await act(unit, byOffice.json().id, "answer", { answer: "答复" })).statusCode).toBe(403);
    // Enterprise 2 sees its own request and nothing else; the list ignores a foreign enterprise filter.
    const own = (await get(enterprise2, "/api/enterprise-requests")).json();
    expect(own.items.map((i: { enterprise: { id: number } }) => i.enterprise.id)).toEqual([world.enterpriseA2]);
    expect((await get(enterprise2, `/api/enterprise-requests?enterprise=${world.enterpriseA}`)).json().total).toBe(0);
    // Another district's office finds nothing.
    const officeB = await loginAs(app, "office-b");
    expect((await get(officeB, `/api/enterprise-requests/${byOffice.json().id}`)).statusCode).toBe(404);
    expect((await get(officeB, "/api/enterprise-requests")).json().total).toBe(0);
    // The office can close a duplicate with a note.
    const closed = await act(office, byOffice.json().id, "close", { note: "与第 1 号诉求重复，已合并办理" });
    expect(closed.json().status).toBe("closed");
    expect((await act(office, byOffice.json().id, "close", { note: "再次" })).statusCode).toBe(409);
  });

  it("turns overdue requests yellow then red and escalates each once: unit, then office and the enterprise's leader", async () => {
    const created = (await submitAs(enterprise, { title: "融资担保对接", category: "financing" })).json();
    const today = todayInChina();
    await act(office, created.id, "assign", { unitId: world.unitA, deadline: today });

    const yellow = await runRequestEscalations(db, world.districtA, addDays(today, 2));
    expect(yellow.created).toBe(1);
    expect((await runRequestEscalations(db, world.districtA, addDays(today, 3))).created).toBe(0);
    const unitNotices = (await get(unit, "/api/notifications")).json().items;
    expect(
      unitNotices.some(
        (n: { kind: string; link: string }) => n.kind === "request-yellow" && n.link === `/requests/${created.id}`,
      ),
    ).toBe(true);
    const officeBefore = (await get(office, "/api/notifications")).json().items;
    expect(officeBefore.some((n: { kind: string }) => n.kind === "request-red")).toBe(false);

    const red = await runRequestEscalations(db, world.districtA, addDays(today, 9));
    expect(red.created).toBe(1);
    expect((await runRequestEscalations(db, world.districtA, addDays(today, 10))).created).toBe(0);
    // The office may run it by hand: as of the real date nothing is overdue yet, and no webhook is set up.
    const byHand = await app.inject({
      method: "POST",
      url: "/api/enterprise-requests/escalations/run",
      headers: office.headers,
    });
    expect(byHand.statusCode, byHand.body).toBe(200);
    expect(byHand.json()).toEqual({ created: 0, webhook: { sent: false }, redAfterDays: 5 });
    const officeNotices = (await get(office, "/api/notifications")).json().items;
    expect(officeNotices.filter((n: { kind: string }) => n.kind === "request-red")).toHaveLength(1);
    const leaderRows = await db.kysely
      .selectFrom("notifications")
      .selectAll()
      .where("user_id", "=", world.users.leader.id)
      .execute();
    expect(leaderRows.map((n) => n.kind)).toEqual(["request-red"]);
    const leaderNoticeId = leaderRows[0]?.id;
    const leaderNotice = (await get(leader, "/api/notifications"))
      .json()
      .items.find((n: { id: number }) => n.id === leaderNoticeId);
    expect(leaderNotice.message.key).toBe("request.overdue.red");
    expect(leaderNotice.title).toBe("诉求红色预警：融资担保对接");
    expect(renderNotification(leaderNotice.message, "zh-CN")?.body).toBe(leaderNotice.body);
    expect(leaderNotice.body).toMatch(/已逾期 9 天未答复/);
    expect(renderNotification(leaderNotice.message, "en")).toEqual({
      title: "Red warning on a request: 融资担保对接",
      body: expect.stringMatching(/is 9 days overdue without an answer; it was due on \d{4}-\d{2}-\d{2}\.$/),
    });
    // A leader sees only what is addressed to them, not the units' or the office's notices.
    expect(
      (await get(leader, "/api/notifications")).json().items.every((n: { kind: string }) => n.kind === "request-red"),
    ).toBe(true);
    expect((await get(leader, "/api/notifications")).json().items).toHaveLength(1);
    const read = await app.inject({
      method: "POST",
      url: `/api/notifications/${leaderNoticeId}/read`,
      headers: leader.headers,
    });
    expect(read.statusCode).toBe(200);

    const timeline = (await get(office, `/api/enterprise-requests/${created.id}`)).json().timeline;
    expect(
      timeline
        .filter((e: { kind: string }) => e.kind === "escalate")
        .map((e: { data: { colour: string } }) => e.data.colour),
    ).toEqual(["yellow", "red"]);

    // The lists as of the real date: a deadline six days gone reads red and overdue, and filters and exports so.
    await db.kysely
      .updateTable("enterprise_requests")
      .set({ deadline: addDays(today, -6) })
      .where("id", "=", created.id)
      .execute();
    const overdue = (await get(office, "/api/enterprise-requests?overdue=true")).json();
    expect(
      overdue.items.map((i: { id: number; light: string; overdueDays: number }) => [i.id, i.light, i.overdueDays]),
    ).toEqual([[created.id, "red", 6]]);
    const stats = (await get(office, "/api/enterprise-requests/stats")).json();
    expect(stats.overdue).toBe(1);
    expect(stats.red).toBe(1);
    expect(stats.byUnit.find((u: { unitId: number }) => u.unitId === world.unitA).overdue).toBe(1);
    // The counts follow the list's filters.
    const financing = (await get(office, "/api/enterprise-requests/stats?category=financing")).json();
    const financingList = (await get(office, "/api/enterprise-requests?category=financing")).json();
    expect(financing.total).toBe(financingList.total);
    expect(financing.byCategory).toEqual([{ category: "financing", count: financingList.total }]);
    expect(financing.total).toBeLessThan(stats.total);
    const overdueOnly = (await get(office, "/api/enterprise-requests/stats?overdue=true")).json();
    expect([overdueOnly.total, overdueOnly.overdue]).toEqual([1, 1]);

    const exported = await get(office, "/api/enterprise-requests/export?overdue=true&category=financing");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(cellText(sheet.getCell(2, 1).value)).toContain("类别：融资；逾期：仅逾期");
    expect(sheet.rowCount).toBe(4);
    const header = (sheet.getRow(3).values as ExcelJS.CellValue[]).map(cellText);
    const row = (sheet.getRow(4).values as ExcelJS.CellValue[]).map(cellText);
    expect(row[header.indexOf("标题")]).toBe("融资担保对接");
    expect(row[header.indexOf("预警")]).toBe("红色预警");
    expect(row[header.indexOf("逾期天数")]).toBe("6");
    // An enterprise's export holds its own requests only.
    const ownExport = await get(enterprise2, "/api/enterprise-requests/export");
    const ownBook = new ExcelJS.Workbook();
    await ownBook.xlsx.load(ownExport.rawPayload as unknown as ArrayBuffer);
    const names = new Set<string>();
    (ownBook.worksheets[0] as ExcelJS.Worksheet).eachRow((r, index) => {
      if (index > 3) names.add(cellText(r.getCell(2).value));
    });
    expect([...names]).toEqual(["景德镇乙医药有限公司"]);
  });

  it("records a service day and links the requests collected there", async () => {
    const event = await app.inject({
      method: "POST",
      url: "/api/service-days",
      headers: office.headers,
      payload: {
        heldOn: "2026-11-20",
        theme: "企业服务日·电子信息专场",
        venue: "园区管委会",
        unitIds: [world.unitA, industryBureau],
        enterpriseIds: [world.enterpriseA, world.enterpriseA2],
      },
    });
    expect(event.statusCode).toBe(201);
    const serviceDay = event.json();
    expect(serviceDay.units.map((u: { id: number }) => u.id).sort()).toEqual([world.unitA, industryBureau].sort());
    // Another district's enterprise cannot be listed as served.
    const foreign = await app.inject({
      method: "POST",
      url: "/api/service-days",
      headers: office.headers,
      payload: { heldOn: "2026-11-20", theme: "x", unitIds: [], enterpriseIds: [world.enterpriseB] },
    });
    expect(foreign.statusCode).toBe(400);
    // The leader registers a request collected there for its enterprise; an enterprise cannot claim a service day.
    const collected = await submitAs(leader, { enterpriseId: world.enterpriseA, serviceDayId: serviceDay.id });
    expect(collected.json()).toMatchObject({ channel: "service_day", serviceDay: { id: serviceDay.id } });
    expect((await submitAs(enterprise, { serviceDayId: serviceDay.id })).statusCode).toBe(403);
    const detail = (await get(inspector, `/api/service-days/${serviceDay.id}`)).json();
    expect(detail.requestCount).toBe(1);
    expect(detail.requests.map((r: { id: number }) => r.id)).toEqual([collected.json().id]);
    const list = (await get(unit, "/api/service-days")).json();
    expect(list.items.map((d: { id: number }) => d.id)).toContain(serviceDay.id);
    expect((await get(office, `/api/enterprise-requests?serviceDay=${serviceDay.id}`)).json().total).toBe(1);
  });

  it("counts answered requests with the 直通车 project problems in the units' handling-time indicator", async () => {
    const now = new Date().toISOString();
    const insertAnswered = async (unitId: number, assignedAt: string, answeredAt: string | null) =>
      db.kysely
        .insertInto("enterprise_requests")
        .values({
          district_id: world.districtA,
          enterprise_id: world.enterpriseA,
          category: "policy",
          title: "政策咨询",
          content: "咨询",
          contact_name: "李",
          contact_phone: "12345",
          channel: "enterprise",
          service_day_id: null,
          status: answeredAt ? "answered" : "accepted",
          unit_id: unitId,
          deadline: assignedAt.slice(0, 10),
          assigned_at: assignedAt,
          accepted_at: assignedAt,
          answer: answeredAt ? "答复" : null,
          answered_at: answeredAt,
          answered_by: null,
          rating: null,
          rating_comment: null,
          rated_at: null,
          closed_at: null,
          created_at: assignedAt,
          created_by: null,
          updated_at: now,
        })
        .execute();
    const project = await db.kysely
      .insertInto("projects")
      .values({
        district_id: world.districtA,
        code: "P-REQ",
        name: "诉求指标测试项目",
        investor: "测试",
        chain_id: "other",
        planned_investment_fen: "0",
        completed_investment_fen: "0",
        manufacturing: 0,
        origin: "other",
        location: "",
        is_demo: 0,
        stage: "construction",
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Unit A: a project problem answered in 3 days and a request answered in 7 → 5.0 days.
    await db.kysely
      .insertInto("project_blockers")
      .values({
        district_id: world.districtA,
        project_id: project.id,
        category: "land",
        description: "用地",
        unit_id: world.unitA,
        due_on: "2019-05-10",
        status: "answered",
        answer: "已协调",
        answered_at: "2019-05-04T02:00:00.000Z",
        answered_by: null,
        closed_on: null,
        closed_by: null,
        created_at: "2019-05-01T02:00:00.000Z",
        created_by: world.users.office.id,
      })
      .execute();
    await insertAnswered(world.unitA, "2019-05-02T02:00:00.000Z", "2019-05-09T02:00:00.000Z");
    // The industry bureau: only a request, answered in 2 days — ranked first; one assigned outside the period is not counted.
    await insertAnswered(industryBureau, "2019-05-06T02:00:00.000Z", "2019-05-08T02:00:00.000Z");
    await insertAnswered(industryBureau, "2019-08-01T02:00:00.000Z", null);

    const ranking = (await get(inspector, "/api/supervision/ranking?from=2019-04-01&to=2019-06-30")).json();
    const handling = ranking.indicators.find((i: { id: string }) => i.id === "request-handling");
    expect(handling.ranked.map((r: { unitId: number; value: string }) => [r.unitId, r.value])).toEqual([
      [industryBureau, "2.0 天"],
      [world.unitA, "5.0 天"],
    ]);
    expect(handling.last).toEqual([world.unitA]);
  });
  it("keeps a request's files for those who may see it: upload, list, download, limits, delete, audit", async () => {
    const request = (await submitAs(enterprise, { title: "来函扫描件" })).json();
    const pdf = Buffer.from("%PDF-1.7\n企业来函\n%%EOF\n");
    const upload = (session: Session, id: number, fileName: string, bytes: Buffer) =>
      app.inject({
        method: "POST",
        url: `/api/enterprise-requests/${id}/attachments`,
        headers: session.headers,
        payload: { fileName, dataBase64: bytes.toString("base64") },
      });
    const uploaded = await upload(enterprise, request.id, "企业来函.pdf", pdf);
    expect(uploaded.statusCode).toBe(201);
    const fileId = uploaded.json().id;
    expect(uploaded.json()).toMatchObject({ fileName: "企业来函.pdf", sizeBytes: pdf.length });

    // Limits: the type by extension and by content, the size; the errors are Chinese and name the file.
    const gif = await upload(enterprise, request.id, "照片.gif", Buffer.from("GIF89a"));
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.message).toContain("不支持的文件类型");
    const fake = await upload(enterprise, request.id, "现场.png", Buffer.from("not an image"));
    expect(fake.json().error.message).toContain("文件内容与扩展名 .png 不符");
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    big.write("%PDF");
    const tooBig = await upload(enterprise, request.id, "大文件.pdf", big);
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.message).toBe("附件 1（大文件.pdf）：文件超过 10 MB");
    // Another enterprise may neither attach to nor read the request.
    expect((await upload(enterprise2, request.id, "x.pdf", pdf)).statusCode).toBe(403);

    await act(office, request.id, "assign", { unitId: world.unitA });
    const detail = (await get(office, `/api/enterprise-requests/${request.id}`)).json();
    expect(detail.attachments).toEqual([
      expect.objectContaining({ id: fileId, fileName: "企业来函.pdf", sizeBytes: pdf.length, unit: null }),
    ]);
    expect(detail.attachments[0].uploadedBy).toBeTruthy();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toContain("attach");

    const download = (session: Session) => get(session, `/api/enterprise-request-attachments/${fileId}`);
    for (const reader of [enterprise, office, unit]) {
      const response = await download(reader);
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(pdf)).toBe(true);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toContain(encodeURIComponent("企业来函.pdf"));
    }
    // Not to another enterprise, nor to a unit the request is not assigned to.
    expect((await download(enterprise2)).statusCode).toBe(403);
    expect((await download(coUnit)).statusCode).toBe(403);
    expect((await upload(coUnit, request.id, "x.pdf", pdf)).statusCode).toBe(403);
    expect((await upload(inspector, request.id, "x.pdf", pdf)).statusCode).toBe(403);

    // The responsible unit answers with a photo; only its uploader or the office may delete a file.
    // The PNG signature and its image header (IHDR: 13 bytes of size and format, then its CRC).
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from("IHDR"),
      Buffer.alloc(17),
    ]);
    const photo = await upload(unit, request.id, "现场照片.png", png);
    expect(photo.statusCode).toBe(201);
    const remove = (session: Session, id: number) =>
      app.inject({ method: "DELETE", url: `/api/enterprise-request-attachments/${id}`, headers: session.headers });
    expect((await remove(enterprise, photo.json().id)).statusCode).toBe(403);
    expect((await remove(unit, photo.json().id)).statusCode).toBe(200);
    expect((await download(office)).statusCode).toBe(200);
    const after = (await get(enterprise, `/api/enterprise-requests/${request.id}`)).json();
    expect(after.attachments.map((a: { id: number }) => a.id)).toEqual([fileId]);
    expect(after.timeline.filter((e: { kind: string }) => e.kind === "attach" || e.kind === "detach")).toHaveLength(3);
    const audits = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "enterprise_request")
      .where("entity_id", "=", String(request.id))
      .where("action", "in", ["attach", "detach"])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(["attach", "attach", "detach"]);

    // A closed request keeps its files but takes no more.
    await act(office, request.id, "close", { note: "已电话答复" });
    expect((await upload(office, request.id, "y.pdf", pdf)).statusCode).toBe(409);
    expect((await download(unit)).statusCode).toBe(200);
  });

  it("lets the office edit a service day and delete one no request was registered with", async () => {
    const create = (theme: string) =>
      app.inject({
        method: "POST",
        url: "/api/service-days",
        headers: office.headers,
        payload: { heldOn: "2026-12-01", theme, unitIds: [world.unitA], enterpriseIds: [world.enterpriseA] },
      });
    const day = (await create("医药专场")).json();
    const edit = (session: Session, id: number, payload: Record<string, unknown>) =>
      app.inject({ method: "PUT", url: `/api/service-days/${id}`, headers: session.headers, payload });
    const edited = await edit(office, day.id, {
      heldOn: "2026-12-03",
      theme: "企业服务日·医药专场",
      venue: "高新区会议中心",
      note: "区长出席",
      unitIds: [industryBureau],
      enterpriseIds: [world.enterpriseA, world.enterpriseA2],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      heldOn: "2026-12-03",
      theme: "企业服务日·医药专场",
      venue: "高新区会议中心",
      note: "区长出席",
      units: [{ id: industryBureau }],
    });
    expect(edited.json().enterprises).toHaveLength(2);
    expect(
      (await edit(unit, day.id, { heldOn: "2026-12-03", theme: "x", unitIds: [], enterpriseIds: [] })).statusCode,
    ).toBe(403);
    expect(
      (
        await edit(office, day.id, {
          heldOn: "2026-12-03",
          theme: "x",
          unitIds: [],
          enterpriseIds: [world.enterpriseB],
        })
      ).statusCode,
    ).toBe(400);

    // Linked to a request: refused, in Chinese; without: deleted. Both audited.
    const remove = (id: number) =>
      app.inject({ method: "DELETE", url: `/api/service-days/${id}`, headers: office.headers });
    await submitAs(office, { enterpriseId: world.enterpriseA, serviceDayId: day.id });
    const refused = await remove(day.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe("此企业服务日已登记 1 条诉求，不能删除；如信息有误，请修改");
    const spare = (await create("误建的活动")).json();
    expect((await remove(spare.id)).statusCode).toBe(200);
    expect((await get(office, `/api/service-days/${spare.id}`)).statusCode).toBe(404);
    const audits = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity_type", "=", "service_day")
      .where("action", "in", ["update", "delete"])
      .execute();
    expect(audits.map((a) => [a.action, String(a.entity_id)])).toEqual(
      expect.arrayContaining([
        ["update", String(day.id)],
        ["delete", String(spare.id)],
      ]),
    );
  });
});
