/**
 * Enterprise requests under the categories of the district's plan: the test district (990101) files under its
 * own categories, the office's assignment starts from the unit the plan proposes, the deadline follows the
 * category's limit in the plan, an unknown category is refused naming the plan's, and a category a revised plan
 * drops still shows on the requests filed under it.
 */
import { SHIPPED_OFFICIAL_YEARS, workingCalendarFrom } from "@beizeng/domain/calendar/official-calendar";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { requestDeadline } from "@beizeng/domain/requests/categories";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  shippedPlan,
  TEST_ACTOR,
  TEST_PASSWORD,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { createUser } from "../accounts/index";
import { loadPlanIntoDistrict } from "../plan/index";
import { todayInChina } from "../supervision/index";

function cellText(value: ExcelJS.CellValue): string {
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return value === null || value === undefined ? "" : String(value);
}

describe.each(testDatabases())("request categories from the plan on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let enterprise: Session;
  let investmentUnit: Session;
  const units = new Map<string, { id: number; name: string }>();
  const plan: PlanFile = shippedPlan("test-district-2024-2026");

  const submit = (category: string, title = "新厂房施工许可") =>
    app.inject({
      method: "POST",
      url: "/api/enterprise-requests",
      headers: enterprise.headers,
      payload: {
        category,
        title,
        content: "新厂房已完成设计，请协调办理施工许可。",
        contactName: "李经理",
        contactPhone: "0571-1234567",
      },
    });
  const act = (session: Session, id: number, action: string, payload: Record<string, unknown> = {}) =>
    app.inject({ method: "POST", url: `/api/enterprise-requests/${id}/${action}`, headers: session.headers, payload });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const unit = (code: string) => {
    const found = units.get(code);
    if (!found) throw new Error(`no unit ${code}`);
    return found;
  };

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const rows = await db.kysely
      .selectFrom("units")
      .select(["id", "code", "name"])
      .where("district_id", "=", world.districtB)
      .execute();
    for (const row of rows) units.set(row.code, { id: row.id, name: row.name });
    const accounts: [string, "unit" | "enterprise", { unitId?: number; enterpriseId?: number }][] = [
      ["requests-enterprise-b", "enterprise", { enterpriseId: world.enterpriseB }],
      ["requests-commerce-b", "unit", { unitId: unit("investment-bureau").id }],
    ];
    for (const [username, role, links] of accounts) {
      await createUser(
        db,
        {
          districtId: world.districtB,
          username,
          displayName: username,
          role,
          password: TEST_PASSWORD,
          mustChangePassword: false,
          ...links,
        },
        TEST_ACTOR,
      );
    }
    office = await loginAs(app, "office-b");
    enterprise = await loginAs(app, "requests-enterprise-b");
    investmentUnit = await loginAs(app, "requests-commerce-b");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("files under the district's own category and assigns to the unit the plan proposes, due by its limit", async () => {
    const submitted = await submit("permits");
    expect(submitted.statusCode, submitted.body).toBe(201);
    const request = submitted.json();
    // permits → units: [investment-bureau] in the plan: 区商务局 is proposed.
    expect(request).toMatchObject({ category: "permits", status: "submitted", unit: null });
    expect(request.proposedUnit).toEqual(unit("investment-bureau"));

    // The office's notice names the category as the plan does, in both languages.
    const notice = (await get(office, "/api/notifications"))
      .json()
      .items.find((n: { link: string }) => n.link === `/requests/${request.id}`);
    expect(notice.message.params).toMatchObject({ category: "审批办证", categoryEn: "Approvals and licences" });

    // Assigned without naming a unit: the proposed one, with 5 working days from today by the official calendar.
    const assigned = await act(office, request.id, "assign", {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    const today = todayInChina();
    expect(assigned.json()).toMatchObject({
      status: "assigned",
      unit: unit("investment-bureau"),
      deadline: requestDeadline(
        today,
        { limitDays: 5, dayKind: "working" },
        workingCalendarFrom(SHIPPED_OFFICIAL_YEARS.flatMap((entry) => entry.days)),
      ),
    });
    const accepted = await act(investmentUnit, request.id, "accept");
    expect(accepted.statusCode, accepted.body).toBe(200);
    const answered = await act(investmentUnit, request.id, "answer", { answer: "施工许可已于今日办结。" });
    expect(answered.json().status).toBe("answered");
  });

  it("counts calendar days for a calendar-day category and assigns to a development zone", async () => {
    const submitted = await submit("general", "园区道路照明");
    expect(submitted.statusCode).toBe(201);
    const request = submitted.json();
    expect(request.proposedUnit).toEqual(unit("economy-bureau"));
    const zone = unit("yunxi-high-tech-park");
    // The office may choose another unit than the proposed one, a zone among them, with a co-unit.
    const assigned = await act(office, request.id, "assign", {
      unitId: zone.id,
      coUnitIds: [unit("beishan-town").id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      unit: zone,
      coUnits: [unit("beishan-town")],
      deadline: requestDeadline(todayInChina(), { limitDays: 20, dayKind: "calendar" }),
    });
    // A unit that answers no requests (the leading group) is refused.
    const refused = await act(office, request.id, "assign", { unitId: unit("task-force").id });
    expect(refused.statusCode).toBe(400);
  });

  it("refuses a category the plan does not have, naming the plan's categories in Chinese", async () => {
    // 'approval' is another district's category, not this one's.
    const refused = await submit("approval");
    expect(refused.statusCode).toBe(400);
    const message: string = refused.json().error.message;
    expect(message).toBe(
      "诉求类别“approval”不在本区行动方案中，可选：land-and-factors（用地与要素保障）、finance（融资）、permits（审批办证）、general（其他）",
    );
    expect(refused.json().error.details[0].path).toBe("category");
    const malformed = await submit("审批");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toContain("诉求类别编号");
    // Nothing was written.
    const list = (await get(office, "/api/enterprise-requests?category=approval")).json();
    expect(list.total).toBe(0);
  });

  it("keeps showing requests of a category a revised plan drops, and asks the office for their deadline", async () => {
    const filed = (await submit("finance", "流动资金贷款对接")).json();
    expect(filed.proposedUnit).toEqual(unit("fiscal-bureau"));
    const revised: PlanFile = {
      ...plan,
      version: plan.version + 1,
      requestCategories: plan.requestCategories.filter((category) => category.id !== "finance"),
    };
    await loadPlanIntoDistrict(db, revised, SYSTEM_ACTOR);

    const shown = await get(office, `/api/enterprise-requests/${filed.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ category: "finance", proposedUnit: null });
    const stats = (await get(office, "/api/enterprise-requests/stats?category=finance")).json();
    expect(stats.byCategory).toEqual([{ category: "finance", count: 1 }]);

    // No time limit to count from: the office must set the day, and may.
    const withoutDeadline = await act(office, filed.id, "assign", { unitId: unit("fiscal-bureau").id });
    expect(withoutDeadline.statusCode).toBe(400);
    expect(withoutDeadline.json().error.details[0].path).toBe("deadline");
    const withoutUnit = await act(office, filed.id, "assign", { deadline: "2099-01-01" });
    expect(withoutUnit.statusCode).toBe(400);
    expect(withoutUnit.json().error.details[0].path).toBe("unitId");
    const assigned = await act(office, filed.id, "assign", {
      unitId: unit("fiscal-bureau").id,
      deadline: "2099-01-01",
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().deadline).toBe("2099-01-01");

    // The export names it as a discontinued category, never by its id; new requests may not use it.
    const exported = await get(office, "/api/enterprise-requests/export?category=finance");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(3).values as ExcelJS.CellValue[]).map(cellText);
    const row = (sheet.getRow(4).values as ExcelJS.CellValue[]).map(cellText);
    expect(row[header.indexOf("类别")]).toBe("已停用的类别");
    expect(row[header.indexOf("标题")]).toBe("流动资金贷款对接");
    expect((await submit("finance")).statusCode).toBe(400);
    const permits = new ExcelJS.Workbook();
    await permits.xlsx.load(
      (await get(office, "/api/enterprise-requests/export?category=permits")).rawPayload as unknown as ArrayBuffer,
    );
    const permitsSheet = permits.worksheets[0] as ExcelJS.Worksheet;
    expect(cellText(permitsSheet.getCell(2, 1).value)).toContain("类别：审批办证");
    expect(cellText(permitsSheet.getRow(4).getCell(header.indexOf("类别")).value)).toBe("审批办证");
  });
});
