/**
 * The office keeps the district's places: towns, streets and development zones (开发区/园区). The plan is their one
 * source of truth: each change the office makes on the units page is saved as the plan's next version with the
 * office's reason, so the plan page, the version history, the YAML download and a later plan load all have it.
 * Two offices editing at once: the second is refused and nothing is half-written. The plan's departments stay the
 * plan's; a place still in use cannot be taken out of the plan.
 */
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import ExcelJS from "exceljs";
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
  shippedPlan,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface UnitJson {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  editable: boolean;
  active: boolean;
}

const PLAN_ID = "test-district-2024-2026";

describe.each(testDatabases())("places kept by the office, in the plan, on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  const send = (method: "POST" | "PATCH", url: string, payload: unknown, session = office) =>
    app.inject({ method, url, headers: session.headers, payload: payload as object });
  const get = (url: string) => app.inject({ url, headers: office.headers });
  const unitList = async () =>
    (await get("/api/units")).json() as { items: UnitJson[]; plan: { expectedCurrent: string; version: number } };
  const unitByCode = async (code: string) => (await unitList()).items.find((unit) => unit.code === code) as UnitJson;
  /** The plan version the page shows, as the web sends it with a change. */
  const expectedCurrent = async () => (await unitList()).plan.expectedCurrent;
  const currentVersion = async () => (await unitList()).plan.version;
  const count = async (table: "plans" | "units" | "audit_log") =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-b");
  });
  afterAll(() => closeSuite(app, db));

  it("lists the plan's zone as an editable place, with the plan version the units follow", async () => {
    const list = await unitList();
    expect(list.plan).toEqual({ planId: PLAN_ID, version: 1, expectedCurrent: `${PLAN_ID}@1` });
    expect(list.items.find((unit) => unit.code === "yunxi-high-tech-park")).toMatchObject({
      name: "云溪高新技术产业园区",
      kind: "zone",
      editable: true,
      active: true,
    });
  });

  it("saves a new street and a rename as the plan's next versions, with their reasons, in history, plan and YAML", async () => {
    const created = await send("POST", "/api/units", {
      name: "南湖街道",
      nameEn: "Nanhu Subdistrict",
      kind: "street",
      reason: "区划调整，新设南湖街道",
      expectedCurrent: await expectedCurrent(),
    });
    expect(created.statusCode, created.body).toBe(201);
    // No code given: the first free place-<n>.
    expect(created.json()).toEqual({
      unit: expect.objectContaining({
        code: "place-1",
        name: "南湖街道",
        kind: "street",
        editable: true,
        active: true,
      }),
      plan: { planId: PLAN_ID, version: 2, expectedCurrent: `${PLAN_ID}@2` },
    });

    const town = await unitByCode("beishan-town");
    const renamed = await send("PATCH", `/api/units/${town.id}`, {
      name: "北山街道",
      nameEn: "Beishan Subdistrict",
      kind: "street",
      reason: "撤镇设街道",
      expectedCurrent: `${PLAN_ID}@2`,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      unit: { id: town.id, code: "beishan-town", name: "北山街道", kind: "street" },
      plan: { version: 3 },
    });

    const versions = (await get("/api/plan/versions")).json().items;
    expect(versions.slice(0, 3)).toMatchObject([
      { planId: PLAN_ID, version: 3, current: true, reason: "撤镇设街道", loadedBy: "office-b" },
      { planId: PLAN_ID, version: 2, current: false, reason: "区划调整，新设南湖街道" },
      { planId: PLAN_ID, version: 1, current: false },
    ]);
    // This year, within the plan's period (2024–2026).
    const thisYear = Math.min(Math.max(new Date().getFullYear(), 2024), 2026);
    expect(versions[0].effectiveYear).toBe(thisYear);

    const plan = (await get("/api/plan")).json() as PlanFile;
    expect(plan.version).toBe(3);
    expect(plan.units.find((unit) => unit.id === "place-1")).toMatchObject({
      name: "南湖街道",
      nameEn: "Nanhu Subdistrict",
      kind: "street",
      editable: true,
    });
    expect(plan.units.find((unit) => unit.id === "beishan-town")).toMatchObject({ name: "北山街道", kind: "street" });

    const yaml = await get(`/api/plan/versions/${PLAN_ID}/3/yaml`);
    expect(yaml.statusCode).toBe(200);
    const downloaded = parsePlan(yaml.body, "download.yaml").plan;
    expect(downloaded.units.map((unit) => unit.name)).toEqual(expect.arrayContaining(["南湖街道", "北山街道"]));

    // The audit log: the plan's load with its difference and reason, and each unit's change.
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_type", "before_json", "after_json"])
      .where("district_id", "=", world.districtB)
      .where("entity_type", "in", ["plan", "unit"])
      .orderBy("seq", "desc")
      .limit(2)
      .execute();
    expect(audit.map((entry) => [entry.entity_type, entry.action])).toEqual([
      ["unit", "update"],
      ["plan", "load"],
    ]);
    expect(JSON.parse(String(audit[0]?.before_json))).toMatchObject({ name: "北山镇", kind: "town" });
    expect(JSON.parse(String(audit[1]?.after_json))).toMatchObject({
      version: 3,
      reason: "撤镇设街道",
      changes: [{ section: "units", added: 0, removed: 0, changed: 1 }],
    });
  });

  it("refuses to reload the previous plan file, so the office's edits are not lost", async () => {
    const before = await count("plans");
    const older = await send("POST", "/api/plan/versions", {
      content: JSON.stringify(shippedPlan(PLAN_ID)),
      effectiveYear: 2026,
      reason: "重新载入原方案",
      expectedCurrent: await expectedCurrent(),
    });
    expect(older.statusCode).toBe(409);
    expect(older.json().error.message).toContain("第 1 版已载入过");
    expect(await count("plans")).toBe(before);
    expect((await unitByCode("beishan-town")).name).toBe("北山街道");
  });

  it("refuses the second of two offices editing the same version, in Chinese, writing nothing", async () => {
    await addAccount(db, world.districtB, "office-b2", "office");
    const other = await loginAs(app, "office-b2");
    const seen = await expectedCurrent();
    const town = await unitByCode("beishan-town");
    const first = await send("PATCH", `/api/units/${town.id}`, {
      nameEn: "Beishan Street",
      reason: "英文名称统一",
      expectedCurrent: seen,
    });
    expect(first.statusCode, first.body).toBe(200);

    const counts = { plans: await count("plans"), units: await count("units"), audit: await count("audit_log") };
    const second = await send(
      "POST",
      "/api/units",
      { name: "西岭镇", nameEn: "Xiling Town", kind: "town", reason: "新设西岭镇", expectedCurrent: seen },
      other,
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: "plan_changed" });
    expect(second.json().error.message).toMatch(
      /^方案已被他人修改（现为“.+”第 \d+ 版），未保存本次修改：请刷新后重试$/,
    );
    expect({ plans: await count("plans"), units: await count("units"), audit: await count("audit_log") }).toEqual(
      counts,
    );
  });

  it("lets exactly one of two simultaneous changes of one version through; the other is refused whole", async () => {
    const seen = await expectedCurrent();
    const version = await currentVersion();
    const plans = await count("plans");
    const answers = await Promise.all(
      ["东岭镇", "西岭镇"].map((name, index) =>
        send("POST", "/api/units", {
          code: `ling-${index + 1}`,
          name,
          nameEn: `Ling ${index + 1} Town`,
          kind: "town",
          reason: `新设${name}`,
          expectedCurrent: seen,
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const refused = answers.find((answer) => answer.statusCode === 409);
    expect(refused?.json().error.message).toContain("请刷新后重试");
    expect(await count("plans")).toBe(plans + 1);
    expect(await currentVersion()).toBe(version + 1);
    const codes = (await unitList()).items.map((unit) => unit.code);
    expect(codes.filter((code) => code.startsWith("ling-"))).toHaveLength(1);
  });

  it("refuses taking out of the plan a street that still has an enterprise, naming it; takes it out once moved, and puts it back", async () => {
    const street = await unitByCode("place-1");
    const placed = await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: street.id });
    expect(placed.statusCode, placed.body).toBe(200);

    const plans = await count("plans");
    const refused = await send("PATCH", `/api/units/${street.id}`, {
      active: false,
      reason: "并入东湖街道",
      expectedCurrent: await expectedCurrent(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("plan_orphans");
    expect(refused.json().error.message).toBe(
      "南湖街道 仍有所在企业 1 条（如 云溪丙制造有限公司），不能停用：请先把这些记录移交给其他单位",
    );
    expect(await count("plans")).toBe(plans);
    expect((await unitByCode("place-1")).active).toBe(true);

    const donghu = await unitByCode("donghu-subdistrict");
    expect((await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: donghu.id })).statusCode).toBe(
      200,
    );
    const removed = await send("PATCH", `/api/units/${street.id}`, {
      active: false,
      reason: "并入东湖街道",
      expectedCurrent: await expectedCurrent(),
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().unit).toMatchObject({ code: "place-1", active: false });
    const plan = (await get("/api/plan")).json() as PlanFile;
    expect(plan.units.some((unit) => unit.id === "place-1")).toBe(false);

    // A retired place is changed only by being put back.
    const renameRetired = await send("PATCH", `/api/units/${street.id}`, { name: "南湖新街道", reason: "更名" });
    expect(renameRetired.statusCode).toBe(409);
    expect(renameRetired.json().error.message).toContain("已停用");
    // Its code stays its own: a new place does not take it.
    const taken = await send("POST", "/api/units", {
      code: "place-1",
      name: "另一街道",
      nameEn: "Another Subdistrict",
      kind: "street",
      reason: "新设",
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain("已停用的“南湖街道”");

    const back = await send("PATCH", `/api/units/${street.id}`, { active: true, reason: "恢复南湖街道" });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().unit).toMatchObject({ id: street.id, name: "南湖街道", kind: "street", active: true });
    const restored = (await get("/api/plan")).json() as PlanFile;
    expect(restored.units.find((unit) => unit.id === "place-1")).toMatchObject({ name: "南湖街道", editable: true });
  });

  it("refuses taking out a place the plan's measures name, naming where", async () => {
    const donghu = await unitByCode("donghu-subdistrict");
    const plans = await count("plans");
    const refused = await send("PATCH", `/api/units/${donghu.id}`, { active: false, reason: "撤销" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("plan_cites_unit");
    expect(refused.json().error.message).toMatch(/^东湖街道 仍被行动方案引用（measures\[\d+\]\.responsible\[\d+\]/);
    expect(await count("plans")).toBe(plans);
  });

  it("stores no version for a change that changes nothing", async () => {
    const zone = await unitByCode("yunxi-high-tech-park");
    const version = await currentVersion();
    const same = await send("PATCH", `/api/units/${zone.id}`, { name: zone.name, kind: "zone", reason: "核对" });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().plan.version).toBe(version);
    expect(await currentVersion()).toBe(version);
  });

  it("refuses a missing reason, other kinds than places, a name another unit has, and the plan's departments", async () => {
    const plans = await count("plans");
    const noReason = await send("POST", "/api/units", { name: "新镇", nameEn: "New Town", kind: "town" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain("请填写修改原因");

    const department = await send("POST", "/api/units", {
      code: "new-bureau",
      name: "新局",
      nameEn: "New Bureau",
      kind: "department",
      reason: "新设",
    });
    expect(department.statusCode).toBe(400);
    expect(department.json().error.message).toContain("开发区/园区（zone）");
    const zone = await unitByCode("yunxi-high-tech-park");
    const toOffice = await send("PATCH", `/api/units/${zone.id}`, { kind: "office", reason: "改类别" });
    expect(toOffice.statusCode).toBe(400);
    expect((await unitByCode("yunxi-high-tech-park")).kind).toBe("zone");

    // The zone's alias is a name too: files name the zone by it.
    const alias = await send("POST", "/api/units", {
      name: "云溪高新区",
      nameEn: "Yunxi Zone",
      kind: "zone",
      reason: "新设",
    });
    expect(alias.statusCode).toBe(409);
    expect(alias.json().error.message).toBe("名称“云溪高新区”已是“云溪高新技术产业园区”（yunxi-high-tech-park）的别名");

    // A department the plan names stays as the plan has it.
    const bureau = await unitByCode("stats-bureau");
    const fixed = await send("PATCH", `/api/units/${bureau.id}`, { kind: "zone", reason: "改类别" });
    expect(fixed.statusCode).toBe(403);
    expect(fixed.json().error.code).toBe("not_editable");
    expect(await count("plans")).toBe(plans);
  });

  it("creates a zone with the code the office gives, places an enterprise in it, and refuses a department as its place", async () => {
    const created = await send("POST", "/api/units", {
      code: "xinqiao-park",
      name: "新桥工业园",
      nameEn: "Xinqiao Industrial Park",
      kind: "zone",
      reason: "新设新桥工业园",
    });
    expect(created.statusCode, created.body).toBe(201);
    const zone = created.json().unit as UnitJson;
    expect(zone).toMatchObject({ code: "xinqiao-park", kind: "zone", editable: true, active: true });

    const placed = await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: zone.id });
    expect(placed.statusCode, placed.body).toBe(200);
    const detail = (await get(`/api/enterprises/${world.enterpriseB}`)).json();
    expect(detail.town).toMatchObject({ id: zone.id, code: "xinqiao-park" });
    const bureau = await unitByCode("economy-bureau");
    const refused = await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: bureau.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("所属乡镇（街道、园区）不存在");
  });

  it("exports the units list as .xlsx with each unit's kind in Chinese", async () => {
    const exported = await get("/api/units/export");
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((row, number) => {
      if (number > 3) rows.push([String(row.getCell(1).value), String(row.getCell(3).value)]);
    });
    expect(rows).toHaveLength((await unitList()).items.length);
    expect(rows).toContainEqual(["云溪高新技术产业园区", "开发区/园区"]);
    const unit = await loginAs(app, world.users.unit.username);
    expect((await app.inject({ url: "/api/units/export", headers: unit.headers })).statusCode).toBe(403);
  });
});
