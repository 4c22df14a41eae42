import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const CODE_A = "91360202MA35XXXX01";
const CODE_D = "91360202MA35A1B2CL";

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("数据");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDatabases())("enterprise register write side on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let leader: Session;
  let unit: Session;
  let enterprise: Session;
  let createdId = 0;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, "office-a");
    leader = await loginAs(app, "leader-a");
    unit = await loginAs(app, "unit-a");
    enterprise = await loginAs(app, "enterprise-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const send = (session: Session, method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });

  it("creates and edits an enterprise with checked fields, and shows every change as history", async () => {
    const bad = await send(office, "POST", "/api/enterprises", {
      creditCode: "91360202MA35XXXX0A",
      name: "景德镇丁科技有限公司",
      chainId: "aviation",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("统一社会信用代码");
    const badIndustry = await send(office, "POST", "/api/enterprises", {
      creditCode: "91360202MA35A1B2CL",
      name: "景德镇丁科技有限公司",
      chainId: "aviation",
      industryCode: "abc",
    });
    expect(badIndustry.statusCode).toBe(400);
    expect(badIndustry.json().error.message).toContain("GB/T 4754");

    const created = await send(office, "POST", "/api/enterprises", {
      creditCode: "91360202ma35a1b2cl",
      name: "景德镇丁科技有限公司",
      chainId: "aviation",
      industryCode: "c3741",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    createdId = id;
    const duplicate = await send(office, "POST", "/api/enterprises", {
      creditCode: CODE_D,
      name: "x",
      chainId: "other",
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain("景德镇丁科技有限公司");
    const notLeader = await send(office, "PATCH", `/api/enterprises/${id}`, { leaderUserId: world.users.unit.id });
    expect(notLeader.statusCode).toBe(400);
    const edited = await send(office, "PATCH", `/api/enterprises/${id}`, {
      isKey: true,
      leaderUserId: world.users.leader.id,
    });
    expect(edited.json().changed.sort()).toEqual(["isKey", "leaderUserId"]);
    expect((await send(unit, "PATCH", `/api/enterprises/${id}`, { isKey: false })).statusCode).toBe(403);

    expect(
      (await send(office, "PUT", `/api/enterprises/${id}/scale-years/2022`, { status: "reserve" })).statusCode,
    ).toBe(200);
    expect((await send(office, "PUT", `/api/enterprises/${id}/scale-years/2023`, { status: "above" })).statusCode).toBe(
      200,
    );
    const designation = await send(office, "POST", `/api/enterprises/${id}/designations`, {
      kind: "specialized",
      level: "provincial",
      year: 2022,
    });
    expect(designation.statusCode).toBe(201);
    expect(
      (
        await send(office, "POST", `/api/enterprises/${id}/designations`, {
          kind: "specialized",
          level: "provincial",
          year: 2022,
        })
      ).statusCode,
    ).toBe(409);
    // Only 区金融办 among the units keeps the listing pipeline.
    expect(
      (await send(unit, "POST", `/api/enterprises/${id}/listing-events`, { stage: "display", date: "2022-05-01" }))
        .statusCode,
    ).toBe(403);
    const listed = await send(office, "POST", `/api/enterprises/${id}/listing-events`, {
      stage: "shareholding",
      date: "2023-02-01",
    });
    expect(listed.json().listingStage).toBe("shareholding");
    await send(office, "POST", `/api/enterprises/${id}/listing-events`, { stage: "display", date: "2022-05-01" });

    const detail = (await get(leader, `/api/enterprises/${id}`)).json();
    expect(detail).toMatchObject({
      creditCode: "91360202MA35A1B2CL",
      industryCode: "C3741",
      isKey: true,
      listingStage: "shareholding",
      leader: { id: world.users.leader.id },
      scale: { year: 2023, status: "above" },
    });
    expect(detail.designations).toEqual([
      { id: expect.any(Number), kind: "specialized", level: "provincial", year: 2022 },
    ]);
    expect(detail.listingEvents.map((e: { stage: string }) => e.stage)).toEqual(["display", "shareholding"]);

    const history = (await get(office, `/api/enterprises/${id}/history`)).json().items;
    expect(history.map((h: { entityType: string }) => h.entityType)).toEqual([
      "enterprise_listing_event",
      "enterprise_listing_event",
      "enterprise_designation",
      "enterprise_scale_year",
      "enterprise_scale_year",
      "enterprise",
      "enterprise",
    ]);
    expect((await get(enterprise, `/api/enterprises/${world.enterpriseA}/history`)).statusCode).toBe(403);
  });

  it("lets a leader log visits only on the enterprises assigned to them", async () => {
    const note = { kind: "visit", date: "2023-03-01", content: "走访了解用工需求" };
    expect((await send(leader, "POST", `/api/enterprises/${world.enterpriseA2}/service-notes`, note)).statusCode).toBe(
      403,
    );
    await send(office, "PATCH", `/api/enterprises/${world.enterpriseA2}`, { leaderUserId: world.users.leader.id });
    expect((await send(leader, "POST", `/api/enterprises/${world.enterpriseA2}/service-notes`, note)).statusCode).toBe(
      201,
    );
    const policy = { kind: "policy", date: "2023-03-02", content: "一企一策：协调用地指标" };
    expect(
      (await send(leader, "POST", `/api/enterprises/${world.enterpriseA2}/service-notes`, policy)).statusCode,
    ).toBe(201);
    const staffView = (await get(office, `/api/enterprises/${world.enterpriseA2}`)).json();
    expect(staffView.serviceNotes.map((n: { kind: string }) => n.kind)).toEqual(["policy", "visit"]);
    const ownView = (await get(await loginAs(app, "enterprise-a2"), `/api/enterprises/${world.enterpriseA2}`)).json();
    expect(ownView.serviceNotes).toEqual([]);
  });

  it("corrects an official figure by superseding it, and keeps the old value visible", async () => {
    const url = `/api/enterprises/${world.enterpriseA}/figures`;
    const figure = { year: 2023, month: 0, metric: "tax", value: "120.5", unit: "万元" };
    expect((await send(unit, "POST", url, figure)).statusCode).toBe(403); // 区商务局 does not own figures
    const first = await send(office, "POST", url, figure);
    expect(first.statusCode).toBe(201);
    expect((await send(office, "POST", url, figure)).statusCode).toBe(409);
    const second = await send(office, "POST", url, { ...figure, value: "121" });
    expect(second.json().superseded).toBe(first.json().id);
    const rows = (await get(office, `/api/enterprises/${world.enterpriseA}`))
      .json()
      .figures.filter((f: { metric: string; year: number }) => f.metric === "tax" && f.year === 2023);
    expect(rows).toEqual([
      expect.objectContaining({
        value: "120500000",
        supersededBy: second.json().id,
        official: true,
        sourceKind: "entry",
      }),
      expect.objectContaining({ value: "121000000", supersededBy: null, official: true }),
    ]);
    expect(rows[1].sourceRef).toContain("领导小组办公室");
    const bad = await send(office, "POST", url, { ...figure, value: "12a" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("入库税收");
  });

  it("takes an enterprise's own figures as self-reported until confirmed, and never another's", async () => {
    const figure = { year: 2023, month: 0, metric: "employees", value: "85" };
    expect((await send(enterprise, "POST", `/api/enterprises/${world.enterpriseA2}/figures`, figure)).statusCode).toBe(
      403,
    );
    expect((await send(enterprise, "POST", `/api/enterprises/${world.enterpriseB}/figures`, figure)).statusCode).toBe(
      403,
    );
    expect(
      (await send(enterprise, "PATCH", `/api/enterprises/${world.enterpriseA2}/profile`, { contactName: "张三" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send(enterprise, "PATCH", `/api/enterprises/${world.enterpriseA}`, { name: "改名" })).statusCode,
    ).toBe(403);
    const own = await send(enterprise, "PATCH", `/api/enterprises/${world.enterpriseA}/profile`, {
      contactName: "张三",
      contactPhone: "0798-1234567",
    });
    expect(own.json().changed).toEqual(["contactName", "contactPhone"]);

    const reported = await send(enterprise, "POST", `/api/enterprises/${world.enterpriseA}/figures`, figure);
    expect(reported.statusCode).toBe(201);
    expect(reported.json().official).toBe(false);
    const detail = (await get(enterprise, `/api/enterprises/${world.enterpriseA}`)).json();
    expect(detail.profile).toMatchObject({ contactName: "张三", contactPhone: "0798-1234567" });
    const selfRow = detail.figures.find((f: { id: number }) => f.id === reported.json().id);
    expect(selfRow).toMatchObject({ sourceKind: "self_report", official: false, value: "85" });

    expect((await send(enterprise, "POST", `/api/figures/${selfRow.id}/confirm`)).statusCode).toBe(403);
    expect((await send(unit, "POST", `/api/figures/${selfRow.id}/confirm`)).statusCode).toBe(403);
    const confirmed = await send(office, "POST", `/api/figures/${selfRow.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const after = (await get(enterprise, `/api/enterprises/${world.enterpriseA}`)).json();
    expect(after.figures.find((f: { id: number }) => f.id === selfRow.id)).toMatchObject({ official: true });
  });

  it("warns the assigned leader when a key enterprise's monthly revenue falls more than the set share", async () => {
    await send(office, "PATCH", `/api/enterprises/${world.enterpriseA}`, {
      isKey: true,
      leaderUserId: world.users.leader.id,
    });
    const url = `/api/enterprises/${world.enterpriseA}/figures`;
    await send(office, "POST", url, { year: 2022, month: 3, metric: "revenue", value: "100", unit: "万元" });
    await send(office, "POST", url, { year: 2023, month: 3, metric: "revenue", value: "85", unit: "万元" });
    await send(office, "POST", url, { year: 2022, month: 4, metric: "revenue", value: "100", unit: "万元" });
    await send(office, "POST", url, { year: 2023, month: 4, metric: "revenue", value: "90", unit: "万元" }); // exactly 10 %: no warning
    const warnings = (await get(leader, "/api/monitoring/warnings?status=open")).json();
    expect(warnings.items).toEqual([
      expect.objectContaining({ year: 2023, month: 3, dropShare: "0.1500", currentFen: "85000000", status: "open" }),
    ]);
    expect((await get(unit, "/api/monitoring/warnings")).json().items).toEqual([]);
    expect((await send(leader, "PUT", "/api/monitoring/settings", { revenueDropShare: "0.2" })).statusCode).toBe(403);
    expect((await send(office, "PUT", "/api/monitoring/settings", { revenueDropShare: "20%" })).statusCode).toBe(400);
    const relaxed = await send(office, "PUT", "/api/monitoring/settings", { revenueDropShare: "0.20" });
    expect(relaxed.json()).toMatchObject({ resolved: 1, open: 0 });
    expect((await get(leader, "/api/monitoring/warnings?status=open")).json().items).toEqual([]);
    await send(office, "PUT", "/api/monitoring/settings", { revenueDropShare: "0.05" });
    expect((await get(office, "/api/monitoring/warnings?status=open")).json().total).toBe(2);
  });

  it("imports through a job: shows row-numbered errors and writes nothing, then applies the fixed file", async () => {
    const poll = async (id: string) => (await get(office, `/api/imports/${id}?wait=10`)).json();
    const upload = (bytes: Buffer) =>
      app.inject({
        method: "POST",
        url: `/api/imports?kind=monthly&unit=${encodeURIComponent("千元")}&fileName=${encodeURIComponent("月报.xlsx")}`,
        headers: { ...office.headers, "content-type": "application/octet-stream" },
        payload: bytes,
      });
    const before = (await get(office, `/api/enterprises/${createdId}`)).json().figures.length;
    const broken = await workbook([
      ["统一社会信用代码", "企业名称", "年份", "月份", "营业收入"],
      [CODE_D, "丁", 2023, 5, "abc"],
    ]);
    const job = await upload(broken);
    expect(job.statusCode).toBe(202);
    const previewed = await poll(job.json().id);
    expect(previewed.status).toBe("previewed");
    expect(previewed.result.errors[0]).toMatchObject({ row: 2, columnLetter: "E" });
    expect((await send(office, "POST", `/api/imports/${job.json().id}/apply`)).statusCode).toBe(409);
    expect((await get(office, `/api/enterprises/${createdId}`)).json().figures.length).toBe(before);
    // Units other than 区统计局 / 区税务局 cannot import; nor read the office's jobs.
    expect((await get(unit, `/api/imports/${job.json().id}`)).statusCode).toBe(404);

    const fixed = await workbook([
      ["统一社会信用代码", "企业名称", "年份", "月份", "营业收入"],
      [CODE_D, "丁", 2023, 5, "1234.5"],
    ]);
    const good = await upload(fixed);
    const preview = await poll(good.json().id);
    expect(preview.result.summary).toMatchObject({ create: 1, errors: 0 });
    expect(preview.result.changes[0]).toMatchObject({ after: "1234500" });
    const applying = await send(office, "POST", `/api/imports/${good.json().id}/apply`);
    expect(applying.statusCode).toBe(202);
    const applied = await poll(good.json().id);
    expect(applied.status).toBe("applied");
    const figures = (await get(office, `/api/enterprises/${createdId}`)).json().figures;
    expect(figures.find((f: { month: number; year: number }) => f.year === 2023 && f.month === 5)).toMatchObject({
      value: "123450000",
      sourceKind: "import",
      sourceRef: "月报.xlsx",
    });
    expect((await send(office, "POST", `/api/imports/${good.json().id}/apply`)).statusCode).toBe(409);
    const template = await get(office, "/api/imports/templates/monthly");
    expect(template.headers["content-type"]).toContain("spreadsheetml");
  });

  it("exports the enterprise list with its filters and Chinese headers", async () => {
    const response = await get(office, "/api/enterprises/export?chain=electronics&key=true");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(encodeURIComponent("企业名录.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell(2, 1).value)).toContain("产业链：电子信息；重点企业：是");
    expect(sheet?.getRow(3).values).toContain("统一社会信用代码");
    expect(sheet?.getCell(4, 2).value).toBe(CODE_A);
    expect(sheet?.rowCount).toBe(4);
    const listed = (await get(office, "/api/enterprises?designation=specialized")).json();
    expect(listed.total).toBe(1);
    const own = await get(enterprise, `/api/enterprises/${world.enterpriseA}/figures/export`);
    expect(own.statusCode).toBe(200);
    expect((await get(enterprise, `/api/enterprises/${world.enterpriseA2}/figures/export`)).statusCode).toBe(403);
  });
});
