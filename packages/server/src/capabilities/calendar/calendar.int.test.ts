/**
 * The official calendar kept per district: the State Council's arrangements of 2021–2026 loaded the first time it is
 * read (once), a request's working-day limit counted by it (a request assigned the day before 国庆节 is due after the
 * holiday, a make-up Saturday counting), the office's edits audited, bad input refused in Chinese naming the field and
 * nothing half-written, a year imported from the template or pasted, the export.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
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

const NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知";

describe.each(testDatabases())("the official calendar on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let enterprise: Session;

  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const send = (method: "POST" | "PUT" | "DELETE", url: string, payload?: Record<string, unknown>, session = office) =>
    app.inject(
      payload === undefined
        ? { method, url, headers: session.headers }
        : { method, url, headers: session.headers, payload },
    );
  const auditOf = (entityType: string) =>
    db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_id", "actor_label", "before_json", "after_json"])
      .where("district_id", "=", world.districtB)
      .where("entity_type", "=", entityType)
      .orderBy("seq")
      .execute();
  const daysOf = (year: number) =>
    db.kysely
      .selectFrom("official_calendar_days")
      .select(["day", "kind", "name"])
      .where("district_id", "=", world.districtB)
      .where("year", "=", year)
      .orderBy("day")
      .execute();

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    await createUser(
      db,
      {
        districtId: world.districtB,
        username: "calendar-enterprise-b",
        displayName: "calendar-enterprise-b",
        role: "enterprise",
        password: TEST_PASSWORD,
        mustChangePassword: false,
        enterpriseId: world.enterpriseB,
      },
      TEST_ACTOR,
    );
    office = await loginAs(app, "office-b");
    enterprise = await loginAs(app, "calendar-enterprise-b");
  });
  afterAll(async () => {
    vi.useRealTimers();
    await app?.close();
    await db?.close();
  });

  it("loads the State Council's arrangements of 2021 to 2026 the first time, once, audited", async () => {
    const first = await get(office, "/api/calendar?year=2025");
    expect(first.statusCode, first.body).toBe(200);
    const calendar = first.json();
    expect(calendar.years.map((year: { year: number }) => year.year)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(calendar.years[1]).toEqual({
      year: 2025,
      holidays: 28,
      workdays: 5,
      sources: ["国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）"],
      shipped: true,
    });
    const national = calendar.days.filter((day: { name: string }) => day.name === "国庆节、中秋节");
    expect(national.map((day: { date: string; kind: string }) => `${day.date} ${day.kind}`)).toEqual([
      "2025-09-28 workday",
      ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => `2025-10-${d} holiday`),
      "2025-10-11 workday",
    ]);
    await get(office, "/api/calendar");
    const loads = await auditOf("official_calendar_year");
    expect(loads.map((entry) => [entry.action, entry.entity_id, entry.actor_label])).toEqual(
      [2021, 2022, 2023, 2024, 2025, 2026].map((year) => ["load", String(year), "system"]),
    );
  });

  it("flags this year and next year when their arrangement is not entered", async () => {
    const calendar = (await get(office, "/api/calendar")).json();
    const thisYear = Number(calendar.today.slice(0, 4));
    expect(calendar.year).toBe(thisYear);
    expect(calendar.missingYears).toEqual([thisYear, thisYear + 1].filter((year) => year > 2026));
    expect((await get(office, "/api/calendar?year=2031")).json()).toMatchObject({
      days: [],
      missingYears: [...[thisYear, thisYear + 1].filter((year) => year > 2026), 2031],
    });
  });

  it("counts a request's working-day limit across 国庆节, a make-up Saturday counting", async () => {
    const filed = await send(
      "POST",
      "/api/enterprise-requests",
      {
        category: "permits",
        title: "节前申请施工许可",
        content: "国庆节前提交，请协调办理施工许可。",
        contactName: "李经理",
        contactPhone: "0571-1234567",
      },
      enterprise,
    );
    expect(filed.statusCode, filed.body).toBe(201);
    // Tuesday 30 September 2025 in China, the day before the holiday (1–8 October off, Saturday 11th worked).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-09-30T02:00:00Z"));
    try {
      const assigned = await send("POST", `/api/enterprise-requests/${filed.json().id}/assign`, {});
      expect(assigned.statusCode, assigned.body).toBe(200);
      // 5 working days: 9th, 10th, Saturday 11th, 13th, 14th (Monday to Friday alone would say 7 October).
      expect(assigned.json().deadline).toBe("2025-10-14");
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets the office add, correct and delete a day, each change audited", async () => {
    const added = await send("POST", "/api/calendar/days", {
      year: 2026,
      date: "2026-12-28",
      kind: "holiday",
      name: "区庆",
      nameEn: "District Day",
      source: "区人民政府办公室关于区庆放假的通知",
    });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    const corrected = await send("PUT", `/api/calendar/days/${id}`, {
      year: 2026,
      date: "2026-12-29",
      kind: "holiday",
      name: "区庆",
      source: "区人民政府办公室关于区庆放假的通知",
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ date: "2026-12-29", nameEn: null });
    const deleted = await send("DELETE", `/api/calendar/days/${id}`);
    expect(deleted.json()).toEqual({ id, deleted: true });
    const trail = await auditOf("official_calendar_day");
    expect(trail.map((entry) => [entry.action, entry.entity_id])).toEqual([
      ["create", String(id)],
      ["update", String(id)],
      ["delete", String(id)],
    ]);
    expect(JSON.parse(trail[1]?.before_json ?? "{}")).toMatchObject({ date: "2026-12-28" });
    expect(JSON.parse(trail[1]?.after_json ?? "{}")).toMatchObject({ date: "2026-12-29", kind: "holiday" });
    expect(await get(enterprise, "/api/calendar").then((response) => response.statusCode)).toBe(403);
  });

  it("refuses bad input in Chinese naming the field, writing nothing", async () => {
    const weekdayWorked = await send("POST", "/api/calendar/days", {
      year: 2026,
      date: "2026-12-30",
      kind: "workday",
      name: "元旦",
      source: NOTICE_2027,
    });
    expect(weekdayWorked.statusCode).toBe(400);
    expect(weekdayWorked.json().error.message).toContain("类型：调休上班日应为周六或周日，2026-12-30 是工作日");
    expect(weekdayWorked.json().error.details).toEqual([
      { path: "kind", message: "类型：调休上班日应为周六或周日，2026-12-30 是工作日" },
    ]);
    const taken = await send("POST", "/api/calendar/days", {
      year: 2026,
      date: "2026-10-01",
      kind: "holiday",
      name: "国庆节",
      source: NOTICE_2027,
    });
    expect(taken.json().error.message).toBe("日期：2026-10-01 已在2026年的安排中（国庆节 放假），请修改那一天");
    const noName = await send("POST", "/api/calendar/days", {
      year: 2026,
      date: "2026-12-31",
      kind: "holiday",
      name: "",
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toContain("名称");

    const before = await daysOf(2026);
    const pasted = await send("PUT", "/api/calendar/years/2026", {
      source: NOTICE_2027,
      text: "2026-01-01 放假 元旦\n2026-01-05 调休上班 元旦\n2026-02-30 放假 春节",
    });
    expect(pasted.statusCode).toBe(400);
    expect(pasted.json().error.message).toBe(
      "导入2026年节假日安排未执行，有 2 处错误：第2行 类型：调休上班日应为周六或周日，2026-01-05 是工作日；第3行 日期：应为 YYYY-MM-DD 格式的真实日期，实为“2026-02-30”",
    );
    expect(await daysOf(2026)).toEqual(before);
  });

  it("replaces a year with a pasted list, refusing a date another year holds", async () => {
    // 2023's 元旦 began on Saturday 31 December 2022: that date is 2023's, not 2022's to take.
    const before = await daysOf(2022);
    const clash = await send("PUT", "/api/calendar/years/2022", {
      source: "国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号）",
      text: "2022-01-01 放假 元旦\n2022-12-31 放假 元旦",
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.message).toContain("日期：2022-12-31 已在2023年的安排中");
    expect(await daysOf(2022)).toEqual(before);

    const text = [
      "2027-01-01\t放假\t元旦\tNew Year's Day",
      "2027-02-05\t放假\t春节\tSpring Festival",
      "2027-02-06\t放假\t春节",
      "2027-02-07\t放假\t春节",
      "2027-02-08\t放假\t春节",
      "2027-01-30\t调休上班\t春节",
    ].join("\n");
    const imported = await send("PUT", "/api/calendar/years/2027", { source: NOTICE_2027, text });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ year: 2027, holidays: 5, workdays: 1, replaced: 0 });
    const again = await send("PUT", "/api/calendar/years/2027", { source: NOTICE_2027, text: text.split("\n")[0] });
    expect(again.json()).toEqual({ year: 2027, holidays: 1, workdays: 0, replaced: 6 });
    const calendar = (await get(office, "/api/calendar?year=2027")).json();
    expect(calendar.days).toHaveLength(1);
    expect(calendar.missingYears).not.toContain(2027);
    const imports = (await auditOf("official_calendar_year")).filter((entry) => entry.action === "import");
    expect(imports.map((entry) => JSON.parse(entry.after_json ?? "{}"))).toEqual([
      { year: 2027, source: NOTICE_2027, from: "粘贴清单", holidays: 5, workdays: 1 },
      { year: 2027, source: NOTICE_2027, from: "粘贴清单", holidays: 1, workdays: 0 },
    ]);
  });

  it("imports a year from the template all or nothing, and exports the calendar", async () => {
    const template = await get(office, "/api/calendar/template");
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["日期", "类型", "名称", "英文名称"]);
    sheet.addRow([new Date(Date.UTC(2028, 0, 1)), "放假", "元旦", "New Year's Day"]);
    sheet.addRow(["2028-01-29", "调休上班", "春节"]);
    sheet.addRow(["2028-01-31", "休假", "春节"]);
    const upload = async (bytes: Buffer) => {
      const form = new FormData();
      form.append("source", "国务院办公厅关于2028年部分节假日安排的通知");
      form.append("file", new Blob([new Uint8Array(bytes)]), "2028.xlsx");
      const request = new Request("http://localhost/", { method: "POST", body: form });
      return app.inject({
        method: "POST",
        url: "/api/calendar/years/2028/import",
        headers: { ...office.headers, "content-type": request.headers.get("content-type") ?? "" },
        payload: Buffer.from(await request.arrayBuffer()),
      });
    };
    const refused = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      "导入2028年节假日安排未执行，有 1 处错误：第4行 B列（类型）：应为“放假”或“调休上班”，实为“休假”",
    );
    expect(await daysOf(2028)).toEqual([]);
    sheet.getRow(4).getCell(2).value = "放假";
    const accepted = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ year: 2028, holidays: 2, workdays: 1, replaced: 0 });
    expect(await daysOf(2028)).toEqual([
      { day: "2028-01-01", kind: "holiday", name: "元旦" },
      { day: "2028-01-29", kind: "workday", name: "春节" },
      { day: "2028-01-31", kind: "holiday", name: "春节" },
    ]);

    const exported = await get(office, "/api/calendar/export?year=2028");
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.slice(-3).map((row) => row.slice(0, 5))).toEqual([
      [2028, "2028-01-01", "周六", "放假", "元旦"],
      [2028, "2028-01-29", "周六", "调休上班", "春节"],
      [2028, "2028-01-31", "周一", "放假", "春节"],
    ]);
  });
});
