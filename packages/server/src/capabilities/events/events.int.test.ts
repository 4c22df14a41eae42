import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  testApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { seedTasksFromPlan, todayInChina } from "../supervision/index";

/** A day `days` from today, as the district reads its calendar. */
function dayFromToday(days: number): string {
  const date = new Date(`${todayInChina()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe.each(testDatabases())("entrepreneurs' trainings and salons on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let holder: Session;
  let host: Session;
  let otherUnit: Session;
  let enterprise: Session;
  let enterprise2: Session;
  let holderUnit: number;
  let hostUnit: number;

  const send = (session: Session, method: "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload: payload as object } : {}) });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const count = async (table: "entrepreneur_events" | "event_registrations" | "event_feedback") =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const todoKinds = async (session: Session) =>
    ((await get(session, "/api/todo")).json().items as { kind: string; count: number }[]).filter((item) =>
      item.kind.startsWith("events."),
    );

  const event = (more: Record<string, unknown> = {}) => ({
    kind: "training",
    topic: "企业家赴浙江大学研修班",
    startsOn: dayFromToday(10),
    endsOn: dayFromToday(12),
    place: "浙江大学紫金港校区",
    hostUnitId: hostUnit,
    capacity: 3,
    invitationOnly: true,
    registrationClosesOn: dayFromToday(5),
    description: "现代企业管理与数字化转型",
    ...more,
  });

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    holderUnit = await unitIdOf(db, world.districtA, "organization-department");
    hostUnit = await unitIdOf(db, world.districtA, "human-resources-bureau");
    await addAccount(db, world.districtA, "unit-events", "unit", { unitId: holderUnit });
    await addAccount(db, world.districtA, "unit-host", "unit", { unitId: hostUnit });
    office = await loginAs(app, "office-a");
    holder = await loginAs(app, "unit-events");
    host = await loginAs(app, "unit-host");
    otherUnit = await loginAs(app, "unit-a");
    enterprise = await loginAs(app, "enterprise-a");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lets the unit the plan names hold events, refuses others by name and bad input by field, writing nothing", async () => {
    const created = await send(holder, "POST", "/api/events", event());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: "training",
      phase: "open",
      seatsTaken: 0,
      hostUnit: { id: hostUnit },
    });

    const refused = await send(otherUnit, "POST", "/api/events", event());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("区委组织部");

    const before = await count("entrepreneur_events");
    const backwards = await send(holder, "POST", "/api/events", event({ endsOn: dayFromToday(9) }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      expect.objectContaining({ path: "endsOn", message: expect.stringContaining("结束日期不能早于开始日期") }),
    ]);
    const noCapacity = await send(holder, "POST", "/api/events", event({ capacity: 0 }));
    expect(noCapacity.json().error.details).toEqual([
      expect.objectContaining({ path: "capacity", message: expect.stringContaining("名额至少为 1 人") }),
    ]);
    const strangeUnit = await send(holder, "POST", "/api/events", event({ hostUnitId: 999_999 }));
    expect(strangeUnit.statusCode).toBe(400);
    expect(strangeUnit.json().error.details[0].path).toBe("hostUnitId");
    expect(await count("entrepreneur_events")).toBe(before);
  });

  it("invites enterprises, which see the invitation to answer, register named persons within capacity or decline", async () => {
    const created = (await send(holder, "POST", "/api/events", event({ topic: "邀请制培训" }))).json();
    const invited = await send(holder, "POST", `/api/events/${created.id}/invitations`, {
      enterpriseIds: [world.enterpriseA, world.enterpriseA],
    });
    expect(invited.json()).toEqual({ invited: 1, alreadyInvited: 0 });
    expect(await todoKinds(enterprise)).toContainEqual(expect.objectContaining({ kind: "events.answer" }));

    // Invitation only: an enterprise not invited neither sees nor registers.
    const list2 = (await get(enterprise2, "/api/events")).json();
    expect(list2.items.map((item: { id: number }) => item.id)).not.toContain(created.id);
    const uninvited = await send(enterprise2, "POST", `/api/events/${created.id}/registrations`, {
      persons: [{ name: "李四", phone: "13800000002" }],
    });
    expect(uninvited.statusCode).toBe(403);

    const before = await count("event_registrations");
    const tooMany = await send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
      persons: [
        { name: "张三", phone: "13800000001" },
        { name: "王五", phone: "13800000003" },
        { name: "赵六", phone: "13800000004" },
        { name: "钱七", phone: "13800000005" },
      ],
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.message).toContain("仅剩 3 个名额");
    const badPhone = await send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
      persons: [{ name: "张三", phone: "电话" }],
    });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details[0].path).toBe("persons.0.phone");
    expect(await count("event_registrations")).toBe(before);

    const registered = await send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
      persons: [
        { name: "张三", title: "总经理", phone: "13800000001" },
        { name: "王五", phone: "13800000003" },
      ],
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toEqual({ registered: 2, seatsLeft: 1 });
    expect(await todoKinds(enterprise)).toEqual([]);
    const mine = (await get(enterprise, `/api/events/${created.id}`)).json();
    expect(mine.event.mine).toMatchObject({ invitation: "registered", persons: 2 });
    expect(mine.invitations).toHaveLength(1);

    const decline = await send(enterprise, "POST", `/api/events/${created.id}/decline`, { reason: "时间冲突" });
    expect(decline.statusCode).toBe(409);
    expect(decline.json().error.message).toContain("请先撤回报名");
  });

  it("never overbooks: of two registrations for the last seat, exactly one succeeds", async () => {
    const created = (
      await send(
        holder,
        "POST",
        "/api/events",
        event({ kind: "salon", topic: "最后一席", capacity: 1, invitationOnly: false }),
      )
    ).json();
    const [first, second] = await Promise.all([
      send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
        persons: [{ name: "张三", phone: "13800000001" }],
      }),
      send(enterprise2, "POST", `/api/events/${created.id}/registrations`, {
        persons: [{ name: "李四", phone: "13800000002" }],
      }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.message).toContain("名额已满");
    const row = await db.kysely
      .selectFrom("entrepreneur_events")
      .select(["seats_taken", "capacity"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ seats_taken: 1, capacity: 1 });
    const persons = await db.kysely
      .selectFrom("event_registrations")
      .select("id")
      .where("event_id", "=", created.id)
      .execute();
    expect(persons).toHaveLength(1);
  });

  it("has the host unit mark attendance once begun, the attendees' enterprise rate it after, and counts the year", async () => {
    const created = (
      await send(
        holder,
        "POST",
        "/api/events",
        event({ kind: "salon", topic: "企业家沙龙·数字化", invitationOnly: false }),
      )
    ).json();
    await send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
      persons: [
        { name: "张三", phone: "13800000001" },
        { name: "王五", phone: "13800000003" },
      ],
    });
    const early = await send(host, "PUT", `/api/events/${created.id}/attendance`, {
      marks: [{ registrationId: 1, attended: true }],
    });
    expect(early.statusCode).toBe(409);

    // The days pass: the salon was held yesterday.
    const yesterday = dayFromToday(-1);
    await db.kysely
      .updateTable("entrepreneur_events")
      .set({ starts_on: yesterday, ends_on: yesterday, registration_closes_on: dayFromToday(-3) })
      .where("id", "=", created.id)
      .execute();
    expect(await todoKinds(host)).toEqual([expect.objectContaining({ kind: "events.attendance", count: 1 })]);
    const detail = (await get(host, `/api/events/${created.id}`)).json();
    expect(detail.canMarkAttendance).toBe(true);
    const [zhang, wang] = detail.registrations as { id: number; personName: string }[];

    const notHost = await send(otherUnit, "PUT", `/api/events/${created.id}/attendance`, {
      marks: [{ registrationId: zhang?.id, attended: true }],
    });
    expect(notHost.statusCode).toBe(403);
    const marked = await send(host, "PUT", `/api/events/${created.id}/attendance`, {
      marks: [
        { registrationId: zhang?.id, attended: true },
        { registrationId: wang?.id, attended: false },
      ],
    });
    expect(marked.json()).toEqual({ changed: 2 });
    expect(await todoKinds(host)).toEqual([]);
    expect(await todoKinds(enterprise)).toContainEqual(expect.objectContaining({ kind: "events.feedback", count: 1 }));

    const before = await count("event_feedback");
    const badRating = await send(enterprise, "POST", `/api/events/${created.id}/feedback`, { rating: 6 });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().error.details[0]).toMatchObject({ path: "rating" });
    const absent = await send(enterprise2, "POST", `/api/events/${created.id}/feedback`, { rating: 5 });
    expect(absent.statusCode).toBe(403);
    expect(await count("event_feedback")).toBe(before);
    const rated = await send(enterprise, "POST", `/api/events/${created.id}/feedback`, {
      rating: 4,
      comment: "内容实用，希望多举办",
    });
    expect(rated.statusCode).toBe(201);
    expect((await send(enterprise, "POST", `/api/events/${created.id}/feedback`, { rating: 5 })).statusCode).toBe(409);

    const report = (await get(office, "/api/events/report")).json();
    const year = report.years.find((entry: { year: number }) => entry.year === Number(yesterday.slice(0, 4)));
    expect(year).toMatchObject({ salons: 1, salonAttendees: 1, enterprisesReached: 1, averageRating: "4.0" });

    const audit = await db.kysely
      .selectFrom("audit_log")
      .select("entity_type")
      .where("entity_type", "in", ["entrepreneur_event", "event_registration", "event_attendance", "event_feedback"])
      .execute();
    expect(new Set(audit.map((row) => row.entity_type))).toEqual(
      new Set(["entrepreneur_event", "event_registration", "event_attendance", "event_feedback"]),
    );
    for (const url of [
      "/api/events/export",
      "/api/events/report/export",
      `/api/events/${created.id}/registrations/export`,
    ]) {
      const file = await get(office, url);
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toContain("spreadsheetml");
    }
  });

  it("gives M12's tasks their quantities per period from the events, and M11's from the fee inspections", async () => {
    const salon = {
      district_id: world.districtA,
      kind: "salon" as const,
      topic: "2022 年第二季度企业家沙龙",
      starts_on: "2022-05-10",
      ends_on: "2022-05-10",
      place: "区行政中心",
      host_unit_id: holderUnit,
      capacity: 30,
      registration_closes_on: "2022-05-05",
      created_at: "2022-04-01T00:00:00.000Z",
      updated_at: "2022-04-01T00:00:00.000Z",
    };
    const ids = await db.kysely
      .insertInto("entrepreneur_events")
      .values([
        salon,
        {
          ...salon,
          topic: "取消的沙龙",
          starts_on: "2022-06-10",
          ends_on: "2022-06-10",
          cancelled_at: "2022-06-01T00:00:00.000Z",
        },
        { ...salon, kind: "training", topic: "浙大研修班", starts_on: "2022-09-01", ends_on: "2022-09-05" },
      ])
      .returning("id")
      .execute();
    const training = ids[2]?.id as number;
    await db.kysely
      .insertInto("event_registrations")
      .values(
        ["张三", "王五", "赵六"].map((name, index) => ({
          event_id: training,
          enterprise_id: world.enterpriseA,
          person_name: name,
          person_phone: "13800000001",
          registered_at: "2022-08-01T00:00:00.000Z",
          attended: index < 2 ? 1 : 0,
        })),
      )
      .execute();
    await db.kysely
      .insertInto("fee_inspections")
      .values(
        ["2022-04-20", "2022-05-30", "2022-08-01"].map((day) => ({
          district_id: world.districtA,
          inspected_on: day,
          inspected_unit: "区住建局",
          scope: "城市基础设施配套费征收",
          result: "compliant",
          created_at: "2022-09-01T00:00:00.000Z",
          updated_at: "2022-09-01T00:00:00.000Z",
        })),
      )
      .execute();
    await seedTasksFromPlan(db, world.districtA, { userId: null, label: "test" });
    const periodQuantities = async (planTaskId: string) => {
      const task = await db.kysely
        .selectFrom("tasks")
        .select("id")
        .where("district_id", "=", world.districtA)
        .where("plan_task_id", "=", planTaskId)
        .executeTakeFirstOrThrow();
      const detail = (await get(office, `/api/tasks/${task.id}`)).json();
      expect(detail.task.quantityFrom).not.toBeNull();
      return Object.fromEntries(
        (detail.periods as { key: string; computedQuantity: string | null }[]).map((p) => [p.key, p.computedQuantity]),
      );
    };
    expect(await periodQuantities("M12-salon")).toMatchObject({ "2022-Q1": "0", "2022-Q2": "1", "2022-Q3": "0" });
    expect(await periodQuantities("M12-training")).toMatchObject({ "2021": "0", "2022": "2" });
    expect(await periodQuantities("M11-fee-inspection")).toMatchObject({ "2022-Q2": "2", "2022-Q3": "1" });
  });

  it("cancels an event with its reason, after which nobody registers", async () => {
    const created = (
      await send(holder, "POST", "/api/events", event({ topic: "取消的培训", invitationOnly: false }))
    ).json();
    const cancelled = await send(holder, "POST", `/api/events/${created.id}/cancel`, { reason: "授课专家行程调整" });
    expect(cancelled.json()).toMatchObject({ phase: "cancelled", cancelReason: "授课专家行程调整" });
    const late = await send(enterprise, "POST", `/api/events/${created.id}/registrations`, {
      persons: [{ name: "张三", phone: "13800000001" }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain("活动已取消");
  });
});
