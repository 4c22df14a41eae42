import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, type Session, seededApp, TEST_PASSWORD } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("account management on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
  });
  afterAll(() => closeSuite(app, db));

  const send = (method: "POST" | "PATCH", url: string, payload: unknown) =>
    app.inject({ method, url, headers: office.headers, payload: payload as object });

  it("creates an account that must choose its own password", async () => {
    const response = await send("POST", "/api/users", {
      username: "Zhang.San",
      displayName: "张三",
      role: "unit",
      unitId: world.unitA,
      password: "Initial-passw0rd",
    });
    expect(response.statusCode).toBe(201);
    const { user } = response.json();
    expect(user).toMatchObject({
      username: "zhang.san",
      role: "unit",
      unit: { id: world.unitA, code: "commerce-bureau" },
      mustChangePassword: true,
      disabled: false,
    });
    const list = (await app.inject({ url: "/api/users", headers: office.headers })).json();
    expect(list.items.map((u: { username: string }) => u.username)).toContain("zhang.san");
    const audit = (
      await app.inject({ url: "/api/audit?entityType=user&action=create", headers: office.headers })
    ).json();
    const logged = audit.items.find((e: { entityId: string }) => e.entityId === String(user.id));
    expect(logged.after).toMatchObject({ username: "zhang.san", role: "unit" });
    expect(JSON.stringify(logged)).not.toContain("argon2");
    expect(logged.actor).toEqual({ userId: world.users.office.id, label: "office-a" });
  });

  it("refuses bad accounts with the field named", async () => {
    const weak = await send("POST", "/api/users", {
      username: "weak",
      displayName: "弱",
      role: "leader",
      password: "abc",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("password");
    const duplicate = await send("POST", "/api/users", {
      username: "office-a",
      displayName: "重名",
      role: "leader",
      password: "Initial-passw0rd",
    });
    expect(duplicate.statusCode).toBe(409);
    const noUnit = await send("POST", "/api/users", {
      username: "no-unit",
      displayName: "无单位",
      role: "unit",
      password: "Initial-passw0rd",
    });
    expect(noUnit.json().error.message).toContain("unitId");
    const badRole = await send("POST", "/api/users", {
      username: "bad-role",
      displayName: "角色",
      role: "admin",
      password: "Initial-passw0rd",
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details[0].path).toBe("role");
  });

  it("edits role and unit, and a disabled account can no longer log in", async () => {
    const leader = await loginAs(app, "leader-a");
    const edited = await send("PATCH", `/api/users/${world.users.leader.id}`, {
      role: "unit",
      unitId: world.unitA,
      displayName: "李四",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().user).toMatchObject({ role: "unit", displayName: "李四", unit: { id: world.unitA } });
    // A changed role ends the account's sessions.
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: leader.cookie } })).statusCode).toBe(401);

    await loginAs(app, "leader-a");
    const disabled = await send("PATCH", `/api/users/${world.users.leader.id}`, { disabled: true });
    expect(disabled.json().user.disabled).toBe(true);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "leader-a", password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe("disabled");
    const audit = (
      await app.inject({ url: `/api/audit?entityType=user&entityId=${world.users.leader.id}`, headers: office.headers })
    ).json();
    const change = audit.items.find(
      (e: { action: string; after: { disabled: boolean } }) => e.action === "update" && e.after.disabled,
    );
    expect(change.before.disabled).toBe(false);
  });

  it("does not let the office disable itself", async () => {
    const response = await send("PATCH", `/api/users/${world.users.office.id}`, { disabled: true });
    expect(response.statusCode).toBe(403);
  });

  it("resets a password to a generated one that must be changed", async () => {
    const response = await send("POST", `/api/users/${world.users.unit.id}/reset-password`, {});
    expect(response.statusCode).toBe(200);
    const { temporaryPassword } = response.json();
    expect(temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    const session = await loginAs(app, "unit-a", temporaryPassword);
    const me = (await app.inject({ url: "/api/auth/me", headers: { cookie: session.cookie } })).json();
    expect(me.user.mustChangePassword).toBe(true);
  });

  it("creates towns and edits them, but not the departments the plan fixes", async () => {
    const created = await send("POST", "/api/units", {
      code: "xin-town",
      name: "新镇",
      nameEn: "Xin Town",
      kind: "town",
      reason: "新设新镇",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().unit.id;
    const renamed = await send("PATCH", `/api/units/${id}`, { name: "新兴镇", reason: "更名" });
    expect(renamed.json().unit.name).toBe("新兴镇");
    const fixed = await send("PATCH", `/api/units/${world.unitA}`, { name: "改名", reason: "更名" });
    expect(fixed.statusCode).toBe(403);
    expect(fixed.json().error.code).toBe("not_editable");
    const verify = (await app.inject({ url: "/api/audit/verify", headers: office.headers })).json();
    expect(verify.ok).toBe(true);
    expect(verify.count).toBeGreaterThan(10);
  });

  it("exports the accounts list as .xlsx in Chinese, with the time of export in Beijing time", async () => {
    const exported = await app.inject({ url: "/api/users/export", headers: office.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-disposition"]).toContain(encodeURIComponent("账号列表.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet?.getCell(2, 1).value)).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/);
    const rows: string[][] = [];
    sheet?.eachRow((row, number) => {
      if (number > 3) rows.push([String(row.getCell(1).value), String(row.getCell(3).value)]);
    });
    const listed = (await app.inject({ url: "/api/users", headers: office.headers })).json().items;
    expect(rows).toHaveLength(listed.length);
    expect(rows).toContainEqual(["office-a", "牵头办公室"]);
    expect(rows.every(([, role]) => ["牵头办公室", "领导", "责任单位", "纪检监察", "企业"].includes(role ?? ""))).toBe(
      true,
    );
  });
});
