/**
 * The office keeps the district's places: towns, streets and development zones (开发区/园区). A zone is created and
 * edited like a town or a street, an enterprise may sit in it; the plan's departments stay the plan's.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { loginAs, type SeededWorld, type Session, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("places kept by the office on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  const send = (method: "POST" | "PATCH", url: string, payload: unknown) =>
    app.inject({ method, url, headers: office.headers, payload: payload as object });
  const unitByCode = async (code: string) =>
    (await app.inject({ url: "/api/units", headers: office.headers }))
      .json()
      .items.find((unit: { code: string }) => unit.code === code);

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    office = await loginAs(app, "office-b");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lists the plan's zone as an editable place", async () => {
    expect(await unitByCode("yunxi-high-tech-park")).toMatchObject({
      name: "云溪高新技术产业园区",
      kind: "zone",
      editable: true,
      active: true,
    });
  });

  it("creates a zone, renames it, makes a town a street, and audits each change", async () => {
    const created = await send("POST", "/api/units", {
      code: "xinqiao-park",
      name: "新桥工业园",
      nameEn: "Xinqiao Industrial Park",
      kind: "zone",
    });
    expect(created.statusCode, created.body).toBe(201);
    const zone = created.json().unit;
    expect(zone).toMatchObject({ code: "xinqiao-park", kind: "zone", editable: true, active: true });

    const renamed = await send("PATCH", `/api/units/${zone.id}`, { name: "新桥经济开发区" });
    expect(renamed.json().unit).toMatchObject({ name: "新桥经济开发区", kind: "zone" });

    const town = await unitByCode("beishan-town");
    const street = await send("PATCH", `/api/units/${town.id}`, { kind: "street" });
    expect(street.statusCode, street.body).toBe(200);
    expect(street.json().unit.kind).toBe("street");

    const audit = (await app.inject({ url: "/api/audit?entityType=unit", headers: office.headers })).json();
    const of = (id: number) => audit.items.filter((entry: { entityId: string }) => entry.entityId === String(id));
    expect(
      of(zone.id)
        .map((entry: { action: string }) => entry.action)
        .sort(),
    ).toEqual(["create", "update"]);
    expect(of(town.id).find((entry: { action: string }) => entry.action === "update")).toMatchObject({
      before: { kind: "town" },
      after: { kind: "street" },
    });
  });

  it("refuses other kinds than places, naming the field in Chinese", async () => {
    const department = await send("POST", "/api/units", {
      code: "new-bureau",
      name: "新局",
      nameEn: "New Bureau",
      kind: "department",
    });
    expect(department.statusCode).toBe(400);
    expect(department.json().error.message).toContain("开发区/园区（zone）");
    const zone = await unitByCode("yunxi-high-tech-park");
    const toOffice = await send("PATCH", `/api/units/${zone.id}`, { kind: "office" });
    expect(toOffice.statusCode).toBe(400);
    expect((await unitByCode("yunxi-high-tech-park")).kind).toBe("zone");
    // A department the plan names stays as the plan has it.
    const bureau = await unitByCode("stats-bureau");
    const fixed = await send("PATCH", `/api/units/${bureau.id}`, { kind: "zone" });
    expect(fixed.statusCode).toBe(403);
  });

  it("places an enterprise in a zone, and refuses a department as its place", async () => {
    const zone = await unitByCode("yunxi-high-tech-park");
    const placed = await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: zone.id });
    expect(placed.statusCode, placed.body).toBe(200);
    const detail = (await app.inject({ url: `/api/enterprises/${world.enterpriseB}`, headers: office.headers })).json();
    expect(detail.town).toMatchObject({ id: zone.id, code: "yunxi-high-tech-park" });
    const bureau = await unitByCode("economy-bureau");
    const refused = await send("PATCH", `/api/enterprises/${world.enterpriseB}`, { townUnitId: bureau.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe("所属乡镇（街道、园区）不存在");
  });
});
