import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, seededApp, TEST_PASSWORD } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("auth on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
  });
  afterAll(() => closeSuite(app, db));

  it("serves health and meta without login", async () => {
    expect((await app.inject({ url: "/api/health" })).json()).toMatchObject({ status: "ok" });
    const meta = (await app.inject({ url: "/api/meta" })).json();
    expect(meta.district).toEqual({ id: "360202", name: "昌江区" });
    expect(meta.plan.id).toBe("changjiang-2021-2023");
    expect(meta.demo).toBe(false);
  });

  it("logs in, reports the user, and logs out", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "Office-A", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "bz_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.path).toBe("/");
    const { user, csrfToken } = response.json();
    expect(user).toMatchObject({
      username: "office-a",
      role: "office",
      districtId: "360202",
      mustChangePassword: false,
    });
    expect(user.passwordHash).toBeUndefined();

    const headers = { cookie: `bz_session=${cookie.value}` };
    const me = await app.inject({ url: "/api/auth/me", headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: world.users.office.id }, csrfToken });

    // The session is stored as a hash, never as the cookie value.
    const stored = await db.kysely.selectFrom("sessions").select("id").execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);

    const logout = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { ...headers, "x-csrf-token": csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/auth/me", headers })).statusCode).toBe(401);
  });

  it("answers the session question with 200 whether or not anyone is signed in", async () => {
    const anonymous = await app.inject({ url: "/api/auth/session" });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });
    const expired = await app.inject({ url: "/api/auth/session", headers: { cookie: "bz_session=not-a-session" } });
    expect(expired.statusCode).toBe(200);
    expect(expired.json()).toEqual({ user: null });

    const session = await loginAs(app, "leader-a");
    const signedIn = await app.inject({ url: "/api/auth/session", headers: { cookie: session.cookie } });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      user: { username: "leader-a", role: "leader" },
      csrfToken: expect.any(String),
    });
    expect(signedIn.json().user.passwordHash).toBeUndefined();
  });

  it("reports the enterprise of an enterprise account", async () => {
    const session = await loginAs(app, "enterprise-a");
    const me = (await app.inject({ url: "/api/auth/me", headers: { cookie: session.cookie } })).json();
    expect(me.user.enterprise).toMatchObject({ id: world.enterpriseA, name: "景德镇甲电子有限公司" });
  });

  it("refuses a wrong password with the contract's error", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "leader-a", password: "wrong-password-1" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: "invalid_credentials", message: "用户名或密码错误" } });
  });

  it("names the missing field in Chinese", async () => {
    const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "x" } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.message).toContain("password");
    expect(body.error.details[0].path).toBe("password");
  });

  it("refuses a state-changing request without the CSRF header", async () => {
    const session = await loginAs(app, "office-a");
    const without = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie: session.cookie },
      payload: { code: "new-town", name: "新镇", nameEn: "New Town", kind: "town", reason: "新设新镇" },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("csrf");
    const wrong = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: { cookie: session.cookie, "x-csrf-token": "forged" },
      payload: { code: "new-town", name: "新镇", nameEn: "New Town", kind: "town", reason: "新设新镇" },
    });
    expect(wrong.json().error.code).toBe("csrf");
    const right = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: session.headers,
      payload: { code: "new-town", name: "新镇", nameEn: "New Town", kind: "town", reason: "新设新镇" },
    });
    expect(right.statusCode).toBe(201);
  });

  it("refuses a foreign Origin on state-changing requests", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { username: "office-a", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("origin");
  });

  it("changes the password, keeps this session and ends the others", async () => {
    const first = await loginAs(app, "leader-a");
    const second = await loginAs(app, "leader-a");
    const weak = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: first.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short1" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("至少需要 10 个字符");
    const noDigit = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: first.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "onlyletters-here" },
    });
    expect(noDigit.json().error.message).toContain("字母和数字");
    const wrongCurrent = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: first.headers,
      payload: { currentPassword: "not-my-passw0rd", newPassword: "Another-passw0rd" },
    });
    expect(wrongCurrent.json().error.code).toBe("wrong_password");
    const ok = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: first.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Another-passw0rd" },
    });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: first.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: second.cookie } })).statusCode).toBe(401);
    await loginAs(app, "leader-a", "Another-passw0rd");
  });

  it("keeps a user who must change the password to the auth routes", async () => {
    const office = await loginAs(app, "office-a");
    const created = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: office.headers,
      payload: { username: "newcomer", displayName: "新同事", role: "leader", password: "Initial-passw0rd" },
    });
    expect(created.statusCode).toBe(201);
    const session = await loginAs(app, "newcomer", "Initial-passw0rd");
    const plan = await app.inject({ url: "/api/plan", headers: { cookie: session.cookie } });
    expect(plan.statusCode).toBe(403);
    expect(plan.json().error.code).toBe("password_change_required");
    await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: session.headers,
      payload: { currentPassword: "Initial-passw0rd", newPassword: "Chosen-passw0rd" },
    });
    expect((await app.inject({ url: "/api/plan", headers: { cookie: session.cookie } })).statusCode).toBe(200);
  });

  it("ends a session idle for more than two hours", async () => {
    const session = await loginAs(app, "enterprise-a");
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000).toISOString();
    await db.kysely.updateTable("sessions").set({ last_seen_at: threeHoursAgo }).execute();
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it("sets security headers", async () => {
    const response = await app.inject({ url: "/api/health" });
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const response = await app.inject({ url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
  });
});
