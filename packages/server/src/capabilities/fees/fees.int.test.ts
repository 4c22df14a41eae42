import { SHIPPED_OFFICIAL_YEARS, workingCalendarFrom } from "@beizeng/domain/calendar/official-calendar";
import { requestDeadline } from "@beizeng/domain/requests/categories";
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
import { requestHandlingDays } from "../requests/index";
import { todayInChina } from "../supervision/index";

const ITEM = {
  name: "城市基础设施配套费",
  chargingUnit: "区住建局",
  legalBasis: "《江西省城市基础设施配套费征收管理办法》",
  standard: "按建筑面积每平方米 30 元",
  effectiveFrom: "2021-01-01",
  status: "active",
};

describe.each(testDatabases())("the fee list on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let keeper: Session;
  let otherUnit: Session;
  let inspector: Session;
  let enterprise: Session;
  let enterprise2: Session;
  let keeperUnit: number;

  const send = (session: Session | null, method: "POST" | "PUT", url: string, payload: unknown) =>
    app.inject({ method, url, headers: session?.headers ?? {}, payload: payload as Record<string, unknown> });
  const get = (session: Session | null, url: string) => app.inject({ url, headers: session?.headers ?? {} });
  const count = async (table: "fee_items" | "fee_complaints" | "fee_inspections" | "enterprise_requests") =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    keeperUnit = await unitIdOf(db, world.districtA, "development-reform-commission");
    await addAccount(db, world.districtA, "unit-fees", "unit", { unitId: keeperUnit });
    office = await loginAs(app, "office-a");
    keeper = await loginAs(app, "unit-fees");
    otherUnit = await loginAs(app, "unit-a");
    inspector = await loginAs(app, "inspector-a");
    enterprise = await loginAs(app, "enterprise-a");
    enterprise2 = await loginAs(app, "enterprise-a2");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lets the unit the plan names keep the items, refuses others by name and bad input by field, writing nothing", async () => {
    const created = await send(keeper, "POST", "/api/fees/items", ITEM);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: ITEM.name, standard: ITEM.standard, effectiveTo: null });

    const refused = await send(otherUnit, "POST", "/api/fees/items", ITEM);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("区发改委");

    const before = await count("fee_items");
    const noStandard = await send(keeper, "POST", "/api/fees/items", { ...ITEM, standard: " " });
    expect(noStandard.statusCode).toBe(400);
    expect(noStandard.json().error.details).toEqual([
      expect.objectContaining({ path: "standard", message: expect.stringContaining("请填写收费标准") }),
    ]);
    const outOfOrder = await send(keeper, "POST", "/api/fees/items", { ...ITEM, effectiveTo: "2020-12-31" });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().error.details).toEqual([
      expect.objectContaining({ path: "effectiveTo", message: expect.stringContaining("失效日期不能早于生效日期") }),
    ]);
    expect(await count("fee_items")).toBe(before);

    const list = (await get(otherUnit, "/api/fees/items")).json();
    expect(list.canManage).toBe(false);
    expect(list.keepers).toEqual(["区发改委"]);
    expect((await get(keeper, "/api/fees/items")).json().canManage).toBe(true);
  });

  it("publishes numbered versions that anyone reads without login, the past ones by number or by date", async () => {
    const second = (
      await send(office, "POST", "/api/fees/items", { ...ITEM, name: "污水处理费", standard: "每吨 0.95 元" })
    ).json();
    const first = await send(keeper, "POST", "/api/fees/versions", { note: "首次公布" });
    expect(first.statusCode).toBe(201);
    const firstNumber = first.json().number as number;
    expect(first.json().itemCount).toBe(2);

    await send(keeper, "PUT", `/api/fees/items/${second.id}`, {
      ...ITEM,
      name: "污水处理费",
      standard: "每吨 0.80 元",
    });
    const items = (await get(keeper, "/api/fees/items")).json().items as { id: number; name: string }[];
    const firstItem = items.find((item) => item.name === ITEM.name) as { id: number };
    await send(keeper, "PUT", `/api/fees/items/${firstItem.id}`, { ...ITEM, status: "abolished" });
    const again = (await send(keeper, "POST", "/api/fees/versions", { note: "取消城市基础设施配套费" })).json();
    expect(again.number).toBe(firstNumber + 1);
    expect(again.itemCount).toBe(1);

    // The first version as if published last year: a day between the two shows it.
    await db.kysely
      .updateTable("fee_list_versions")
      .set({ published_on: "2025-03-01" })
      .where("number", "=", firstNumber)
      .where("district_id", "=", world.districtA)
      .execute();

    const latest = await get(null, "/api/public/fees?district=360202");
    expect(latest.statusCode).toBe(200);
    expect(latest.json().version.number).toBe(firstNumber + 1);
    expect(latest.json().items).toEqual([expect.objectContaining({ name: "污水处理费", standard: "每吨 0.80 元" })]);
    const byNumber = (await get(null, `/api/public/fees?district=360202&version=${firstNumber}`)).json();
    expect(byNumber.items.map((item: { standard: string }) => item.standard)).toEqual([ITEM.standard, "每吨 0.95 元"]);
    const byDate = (await get(null, "/api/public/fees?district=360202&date=2025-06-30")).json();
    expect(byDate.version.number).toBe(firstNumber);
    const beforeAny = (await get(null, "/api/public/fees?district=360202&date=2020-01-01")).json();
    expect(beforeAny.version).toBeNull();
    expect(beforeAny.items).toEqual([]);
    const badDate = await get(null, "/api/public/fees?district=360202&date=2025-6-30");
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain("查询日期");

    const sheet = await get(null, "/api/public/fees/export?district=360202");
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers["content-type"]).toContain("spreadsheetml");
  });

  it("files an enterprise's complaint as a request of the plan's fee category: assigned, timed, answered, counted", async () => {
    const items = (await get(office, "/api/fees/items")).json().items as { id: number; name: string }[];
    const sewage = items.find((item) => item.name === "污水处理费") as { id: number };
    const complaint = {
      kind: "aboveStandard",
      feeName: "污水处理费",
      chargedBy: "某污水处理公司",
      amountYuan: "1200.50",
      chargedOn: "2025-05-10",
      content: "按每吨 1.2 元收取，高于清单标准。",
      contactName: "李会计",
      contactPhone: "0798-8222222",
    };
    const requestsBefore = await count("enterprise_requests");
    const missingItem = await send(enterprise, "POST", "/api/fees/complaints", complaint);
    expect(missingItem.statusCode).toBe(400);
    expect(missingItem.json().error.details[0].path).toBe("feeItemId");
    expect(await count("enterprise_requests")).toBe(requestsBefore);

    const filed = await send(enterprise, "POST", "/api/fees/complaints", { ...complaint, feeItemId: sewage.id });
    expect(filed.statusCode).toBe(201);
    const filedComplaint = filed.json();
    expect(filedComplaint).toMatchObject({ status: "submitted", amountFen: "120050", kind: "aboveStandard" });
    expect(filedComplaint.feeItem.standard).toBe("每吨 0.80 元");

    const request = (await get(office, `/api/enterprise-requests/${filedComplaint.requestId}`)).json();
    expect(request.category).toBe("fees");
    const assigned = await send(office, "POST", `/api/enterprise-requests/${filedComplaint.requestId}/assign`, {});
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().unit.id).toBe(keeperUnit);
    // 10 working days by the official calendar (the shipped arrangements the district starts from).
    const calendar = workingCalendarFrom(SHIPPED_OFFICIAL_YEARS.flatMap((entry) => entry.days));
    expect(assigned.json().deadline).toBe(
      requestDeadline(todayInChina(), { limitDays: 10, dayKind: "working" }, calendar),
    );

    await send(keeper, "POST", `/api/enterprise-requests/${filedComplaint.requestId}/accept`, {});
    const answered = await send(keeper, "POST", `/api/enterprise-requests/${filedComplaint.requestId}/answer`, {
      answer: "已责令收费单位按清单标准收取并退还多收部分。",
    });
    expect(answered.statusCode).toBe(200);

    const own = (await get(enterprise, "/api/fees/complaints")).json();
    expect(own.acceptsComplaints).toBe(true);
    expect(own.limit).toEqual({ days: 10, working: true });
    expect(own.items).toEqual([expect.objectContaining({ status: "answered", unit: "区发改委" })]);
    expect((await get(enterprise2, "/api/fees/complaints")).json().items).toEqual([]);
    expect((await get(otherUnit, "/api/fees/complaints")).json().items).toEqual([]);
    expect((await get(inspector, "/api/fees/complaints")).json().items).toHaveLength(1);

    const year = todayInChina().slice(0, 4);
    const handling = await requestHandlingDays(db, world.districtA, `${year}-01-01`, `${year}-12-31`, "9999-12-31");
    expect(handling.get(keeperUnit)).toHaveLength(1);
  });

  it("records inspections and their accountability, refuses accountability without a violation, and reports per year", async () => {
    const inspection = {
      inspectedOn: "2025-06-15",
      inspectedUnit: "某污水处理公司",
      scope: "污水处理费收取标准",
      result: "compliant",
      accountability: "refund",
      accountabilityOn: "2025-06-20",
    };
    const before = await count("fee_inspections");
    const wrong = await send(inspector, "POST", "/api/fees/inspections", inspection);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toMatchObject({ path: "accountability" });
    expect(await count("fee_inspections")).toBe(before);
    const refused = await send(otherUnit, "POST", "/api/fees/inspections", { ...inspection, result: "violation" });
    expect(refused.statusCode).toBe(403);

    const recorded = await send(inspector, "POST", "/api/fees/inspections", {
      ...inspection,
      result: "violation",
      findings: "超标准收取污水处理费",
      refundYuan: "3000",
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ refundFen: "300000", accountability: "refund" });
    await send(keeper, "POST", "/api/fees/inspections", {
      ...inspection,
      accountability: null,
      accountabilityOn: null,
    });

    const report = (await get(office, "/api/fees/report")).json();
    const year2025 = report.years.find((year: { year: number }) => year.year === 2025);
    expect(year2025).toMatchObject({ inspections: 2, violations: 1, refundFen: "300000" });
    expect(year2025.accountability).toContainEqual({ kind: "refund", count: 1 });

    for (const url of ["/api/fees/items/export", "/api/fees/complaints/export", "/api/fees/inspections/export"]) {
      const sheet = await get(office, url);
      expect(sheet.statusCode, url).toBe(200);
      expect(sheet.headers["content-type"]).toContain("spreadsheetml");
    }

    const audited = await db.kysely
      .selectFrom("audit_log")
      .select("entity_type")
      .distinct()
      .where("entity_type", "in", ["fee_item", "fee_list", "fee_complaint", "fee_inspection"])
      .execute();
    expect(audited.map((row) => row.entity_type).sort()).toEqual([
      "fee_complaint",
      "fee_inspection",
      "fee_item",
      "fee_list",
    ]);
  });
});
