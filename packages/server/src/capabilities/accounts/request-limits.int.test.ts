/**
 * What an anonymous caller can cost the server, and where a state-changing request may come from: small
 * bodies on the auth routes (refused unread), the permission checked before any body is read, one session
 * per browser and a bounded number per account, and an Origin check against configured origins only.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, DEFAULT_BODY_LIMIT, UPLOAD_BODY_LIMITS } from "../../app";
import { MAX_SESSIONS_PER_USER } from "../../platform/auth/auth.service";
import type { BeizengDb } from "../../platform/db/database";
import { closeSuite, loginAs, type SeededWorld, seededApp, TEST_PASSWORD } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { AUTH_BODY_LIMIT } from "./auth.routes";

describe.each(testDatabases())("request limits on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  const sessionRows = async (userId: number) =>
    (await db.kysely.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).length;

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
  });
  afterAll(() => closeSuite(app, db));

  it("refuses a login body of more than a few KB with 413 and a Chinese message, recording nothing", async () => {
    const before = await db.kysely.selectFrom("login_attempts").select("id").execute();
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "office-a", password: TEST_PASSWORD, padding: "x".repeat(AUTH_BODY_LIMIT) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: "payload_too_large", message: "请求内容过大：此接口最多接受 4 KB" });
    const after = await db.kysely.selectFrom("login_attempts").select("id").execute();
    expect(after).toHaveLength(before.length);
    // A login of ordinary size still works.
    await loginAs(app, "office-a");
  });

  it("keeps the logout and password routes to a few KB as well", async () => {
    const session = await loginAs(app, "inspector-a");
    for (const url of ["/api/auth/logout", "/api/auth/password"]) {
      const response = await app.inject({
        method: "POST",
        url,
        headers: session.headers,
        payload: { currentPassword: "x".repeat(AUTH_BODY_LIMIT), newPassword: "y" },
      });
      expect(response.statusCode, url).toBe(413);
    }
  });

  it("refuses an anonymous caller before reading the body of a route that needs a login", async () => {
    // Were the body read first, this would be a JSON error (400); the permission answers before it.
    const response = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("unauthorized");
  });

  it("holds ordinary routes to 1 MB and lets only the upload routes take more", async () => {
    const office = await loginAs(app, "office-a");
    const large = await app.inject({
      method: "POST",
      url: "/api/units",
      headers: office.headers,
      payload: { code: "big-town", name: "大镇", nameEn: "Big", kind: "town", note: "x".repeat(DEFAULT_BODY_LIMIT) },
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().error.message).toBe("请求内容过大：此接口最多接受 1 MB");
    const registered = new Set(app.apiRoutes.map((route) => `${route.method} ${route.url}`));
    for (const route of Object.keys(UPLOAD_BODY_LIMITS)) expect(registered.has(route), route).toBe(true);
    // An attachment of 2 MB passes the body limit (and is refused or taken by the request's own checks).
    const attachment = await app.inject({
      method: "POST",
      url: "/api/enterprise-requests/999999/attachments",
      headers: office.headers,
      payload: { fileName: "a.txt", dataBase64: Buffer.alloc(2 * 1024 * 1024, 0x41).toString("base64") },
    });
    expect(attachment.statusCode).not.toBe(413);
  });

  it("ends the session a browser held when it signs in again", async () => {
    const first = await loginAs(app, "leader-a");
    const again = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: first.cookie },
      payload: { username: "leader-a", password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: first.cookie } })).statusCode).toBe(401);
    const second = `bz_session=${again.cookies.find((c) => c.name === "bz_session")!.value}`;
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: second } })).statusCode).toBe(200);
    // Signing in as someone else from that browser ends the first account's session too.
    const other = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: second },
      payload: { username: "unit-a", password: TEST_PASSWORD },
    });
    expect(other.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: second } })).statusCode).toBe(401);
    // A failed login leaves the held session alone.
    const third = await loginAs(app, "leader-a");
    const failed = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { cookie: third.cookie },
      payload: { username: "leader-a", password: "wrong-password-1" },
    });
    expect(failed.statusCode).toBe(401);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: third.cookie } })).statusCode).toBe(200);
  });

  it("keeps at most ten live sessions per account, ending the oldest", async () => {
    const userId = world.users.enterprise.id;
    const sessions = [];
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 1; i += 1) sessions.push(await loginAs(app, "enterprise-a"));
    expect(await sessionRows(userId)).toBe(MAX_SESSIONS_PER_USER);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: sessions[0]!.cookie } })).statusCode).toBe(401);
    for (const session of sessions.slice(1)) {
      expect((await app.inject({ url: "/api/auth/me", headers: { cookie: session.cookie } })).statusCode).toBe(200);
    }
  });

  it("with a trusted proxy, refuses a foreign Origin that a forged X-Forwarded-Host matches", async () => {
    const proxied = await buildApp({ db, trustProxy: true, publicOrigins: ["https://beizeng.example.gov.cn"] });
    try {
      const login = (origin: string, host: string) =>
        proxied.inject({
          method: "POST",
          url: "/api/auth/login",
          headers: { origin, host: "127.0.0.1:3000", "x-forwarded-host": host, "x-forwarded-proto": "https" },
          payload: { username: "office-a", password: TEST_PASSWORD },
        });
      const forged = await login("https://evil.example", "evil.example");
      expect(forged.statusCode).toBe(403);
      expect(forged.json().error.code).toBe("origin");
      expect((await login("https://beizeng.example.gov.cn", "beizeng.example.gov.cn")).statusCode).toBe(200);
      // The configured origin is what counts, not the forwarded host.
      expect((await login("https://beizeng.example.gov.cn/", "elsewhere.example")).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("with a trusted proxy and no public origin configured, accepts no Origin by the Host header", async () => {
    const proxied = await buildApp({ db, trustProxy: true, publicOrigins: [] });
    try {
      const response = await proxied.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { origin: "http://app.example", host: "app.example" },
        payload: { username: "office-a", password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe("origin");
      // A request without an Origin header (curl, the CLI) is not a browser's cross-site post.
      const bare = await proxied.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "office-a", password: TEST_PASSWORD },
      });
      expect(bare.statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it("without a proxy, accepts the Origin the Host header names unless public origins are configured", async () => {
    const login = (target: FastifyInstance) =>
      target.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" },
        payload: { username: "office-a", password: TEST_PASSWORD },
      });
    expect((await login(app)).statusCode).toBe(200);
    const configured = await buildApp({ db, publicOrigins: ["https://beizeng.example.gov.cn"] });
    try {
      expect((await login(configured)).statusCode).toBe(403);
    } finally {
      await configured.close();
    }
  });
});
