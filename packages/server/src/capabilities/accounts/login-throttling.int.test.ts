/**
 * Password guessing is held back by growing waits that an attacker cannot turn against the account's owner:
 * a browser that has signed in to the account before keeps working, whatever happens at its address or
 * elsewhere; unknown browsers wait; the office clears an account's restrictions.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { hashSessionToken } from "../../platform/auth/auth.service";
import { ACCOUNT_POLICY, ADDRESS_POLICY, PAIR_POLICY } from "../../platform/auth/login-throttle";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
  TEST_PASSWORD,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const WRONG = "wrong-password-1";

interface Attempt {
  username: string;
  password?: string;
  /** The client's address as the socket sees it. */
  ip?: string;
  /** The browser's cookies (bz_device, bz_session), as a Cookie header. */
  cookie?: string;
  headers?: Record<string, string>;
}

function cookieOf(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((cookie) => cookie.name === name)?.value;
}

describe.each(testDatabases())("login throttling on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;

  const attempt = (target: FastifyInstance, input: Attempt) =>
    target.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: input.ip ?? "127.0.0.1",
      headers: { ...(input.cookie ? { cookie: input.cookie } : {}), ...input.headers },
      payload: { username: input.username, password: input.password ?? TEST_PASSWORD },
    });
  const signIn = (input: Attempt) => attempt(app, input);

  /** A fresh account, so that each test starts from no recorded attempts. */
  async function account(username: string) {
    return (await addAccount(db, world.districtA, username, "leader")).id;
  }

  /** A browser that signed in to the account from an address: its device cookie. */
  async function knownBrowser(username: string, ip: string): Promise<string> {
    const response = await signIn({ username, ip });
    expect(response.statusCode).toBe(200);
    const device = cookieOf(response, "bz_device");
    expect(device).toBeDefined();
    return `bz_device=${device}`;
  }

  /** Moves an account's recorded attempts into the past, as if `ms` had gone by. */
  async function letTimePass(username: string, ms: number) {
    const rows = await db.kysely
      .selectFrom("login_attempts")
      .select(["id", "at"])
      .where("username", "=", username)
      .execute();
    for (const row of rows) {
      const at = new Date(Date.parse(row.at) - ms).toISOString();
      await db.kysely.updateTable("login_attempts").set({ at }).where("id", "=", row.id).execute();
    }
    // The account's password was set before those attempts; it must stay so.
    const user = await db.kysely
      .selectFrom("users")
      .select("password_changed_at")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    const changedAt = new Date(Date.parse(user.password_changed_at) - ms).toISOString();
    await db.kysely
      .updateTable("users")
      .set({ password_changed_at: changedAt })
      .where("username", "=", username)
      .execute();
  }

  function expectWait(response: LightMyRequestResponse, maxSeconds: number) {
    expect(response.statusCode).toBe(429);
    const body = response.json().error;
    expect(body.code).toBe("rate_limited");
    expect(body.message).toMatch(/^登录尝试过于频繁，请 \d+ (秒|分钟)后再试$/);
    expect(body.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(maxSeconds);
    expect(response.headers["retry-after"]).toBe(String(body.retryAfterSeconds));
    return body.retryAfterSeconds as number;
  }

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
  });
  afterAll(() => closeSuite(app, db));

  it("sets a long-lived device cookie on login, sent only to the login route, and stores only its hash", async () => {
    const userId = await account("device-cookie");
    const response = await signIn({ username: "device-cookie" });
    const cookie = response.cookies.find((c) => c.name === "bz_device")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/auth/login" });
    expect(cookie.maxAge).toBeGreaterThanOrEqual(90 * 24 * 3600);
    const stored = await db.kysely.selectFrom("login_devices").selectAll().where("user_id", "=", userId).execute();
    expect(stored.map((row) => row.token_hash)).toEqual([hashSessionToken(cookie.value)]);
    // The same browser signing in again keeps its cookie and its one record.
    const again = await signIn({ username: "device-cookie", cookie: `bz_device=${cookie.value}` });
    expect(cookieOf(again, "bz_device")).toBe(cookie.value);
    const after = await db.kysely.selectFrom("login_devices").select("id").where("user_id", "=", userId).execute();
    expect(after).toHaveLength(1);
  });

  it("makes an unknown browser wait after a few failures from its address, the wait growing with each failure", async () => {
    await account("pair-target");
    const from = { username: "pair-target", ip: "198.51.100.10" };
    for (let i = 0; i < PAIR_POLICY.free; i += 1) {
      expect((await signIn({ ...from, password: WRONG })).statusCode).toBe(401);
    }
    // The next attempt waits, even with the right password; the answer says how long, in Chinese.
    const first = expectWait(await signIn(from), PAIR_POLICY.firstDelayMs / 1000);
    // A refused attempt is not a failure: asking again does not lengthen the wait.
    expect(expectWait(await signIn({ ...from, password: WRONG }), first)).toBeLessThanOrEqual(first);
    // Once the wait has passed, one more failure doubles it.
    await letTimePass("pair-target", PAIR_POLICY.firstDelayMs + 1000);
    expect((await signIn({ ...from, password: WRONG })).statusCode).toBe(401);
    const second = expectWait(await signIn(from), (2 * PAIR_POLICY.firstDelayMs) / 1000);
    expect(second).toBeGreaterThan(PAIR_POLICY.firstDelayMs / 1000);
    // Another address is not held back by this one's failures.
    expect((await signIn({ ...from, ip: "198.51.100.11" })).statusCode).toBe(200);
  });

  it("lets only the allowed guesses of many sent at once reach the password", async () => {
    await account("burst-target");
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => signIn({ username: "burst-target", ip: "198.51.100.20", password: WRONG })),
    );
    const checked = guesses.filter((r) => r.statusCode === 401).length;
    const refused = guesses.filter((r) => r.statusCode === 429).length;
    expect(checked).toBeLessThanOrEqual(PAIR_POLICY.free);
    expect(checked + refused).toBe(8);
  });

  it("does not let guessing from elsewhere keep the owner out on a browser that signed in before", async () => {
    const ownerId = await account("owner-a");
    const ownerBrowser = await knownBrowser("owner-a", "203.0.113.5");
    // Guesses from several addresses, each within its own allowance, together reach the account's.
    const guesses = ACCOUNT_POLICY.free;
    for (let i = 0; i < guesses; i += 1) {
      const ip = `192.0.2.${Math.floor(i / PAIR_POLICY.free) + 1}`;
      expect((await signIn({ username: "owner-a", ip, password: WRONG })).statusCode).toBe(401);
    }
    // An unknown browser now waits, wherever it is, even with the right password …
    expectWait(await signIn({ username: "owner-a", ip: "203.0.113.99" }), ACCOUNT_POLICY.firstDelayMs / 1000);
    // … but the owner's browser signs in at once, from its usual address or another.
    expect((await signIn({ username: "owner-a", ip: "203.0.113.5", cookie: ownerBrowser })).statusCode).toBe(200);
    expect((await signIn({ username: "owner-a", ip: "192.0.2.1", cookie: ownerBrowser })).statusCode).toBe(200);
    // A device cookie of another account does not count for this one.
    const otherBrowser = await knownBrowser("leader-a", "203.0.113.98");
    expectWait(await signIn({ username: "owner-a", ip: "203.0.113.98", cookie: otherBrowser }), 60);

    // The office sees the restriction and clears it; the clearing is audited.
    const list = (await app.inject({ url: "/api/users", headers: office.headers })).json();
    const listed = list.items.find((u: { id: number }) => u.id === ownerId);
    expect(listed.loginRestriction.failures).toBe(guesses);
    expect(Date.parse(listed.loginRestriction.delayedUntil)).toBeGreaterThan(Date.now());
    expect(list.items.find((u: { username: string }) => u.username === "office-a").loginRestriction).toBeNull();
    const unlock = await app.inject({
      method: "POST",
      url: `/api/users/${ownerId}/unlock`,
      headers: office.headers,
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().user).toMatchObject({ id: ownerId, loginRestriction: null });
    expect((await signIn({ username: "owner-a", ip: "203.0.113.99" })).statusCode).toBe(200);
    const audit = (
      await app.inject({ url: `/api/audit?entityType=user&entityId=${ownerId}`, headers: office.headers })
    ).json();
    const cleared = audit.items.find((e: { action: string }) => e.action === "login_unlock");
    expect(cleared.before).toEqual({ failures: guesses });
    expect(cleared.actor).toEqual({ userId: world.users.office.id, label: "office-a" });
  });

  it("refuses to clear restrictions of an account in another district", async () => {
    const response = await app.inject({
      method: "POST",
      url: `/api/users/${world.users.officeB.id}/unlock`,
      headers: office.headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it("behind an untrusted proxy (one address for all): known browsers sign in, unknown ones wait", async () => {
    const proxy = "10.0.0.1";
    await account("proxied-known");
    await account("proxied-new");
    const knownDevice = await knownBrowser("proxied-known", proxy);
    // A session the browser holds counts as known too.
    const sessionResponse = await signIn({ username: "leader-a", ip: proxy });
    const heldSession = `bz_session=${cookieOf(sessionResponse, "bz_session")}`;
    // Failures for many usernames through the proxy, each username within its own allowance.
    for (let i = 0; i < ADDRESS_POLICY.free; i += 1) {
      const name = `nobody-${Math.floor(i / PAIR_POLICY.free)}`;
      expect((await signIn({ username: name, ip: proxy, password: WRONG })).statusCode).toBe(401);
    }
    expectWait(await signIn({ username: "proxied-new", ip: proxy }), ADDRESS_POLICY.firstDelayMs / 1000);
    expect((await signIn({ username: "proxied-known", ip: proxy, cookie: knownDevice })).statusCode).toBe(200);
    expect((await signIn({ username: "leader-a", ip: proxy, cookie: heldSession })).statusCode).toBe(200);
    // Another address is not affected.
    expect((await signIn({ username: "proxied-new", ip: "10.0.0.2" })).statusCode).toBe(200);
  });

  it("tells addresses apart by X-Forwarded-For only when the proxy is trusted", async () => {
    await account("forwarded");
    const trusting = await buildApp({ db, trustProxy: true });
    try {
      const via = (client: string, password = TEST_PASSWORD) =>
        attempt(trusting, {
          username: "forwarded",
          ip: "10.0.0.9",
          password,
          headers: { "x-forwarded-for": client },
        });
      for (let i = 0; i < PAIR_POLICY.free; i += 1) expect((await via("198.51.100.30", WRONG)).statusCode).toBe(401);
      expectWait(await via("198.51.100.30"), PAIR_POLICY.firstDelayMs / 1000);
      expect((await via("198.51.100.31")).statusCode).toBe(200);
      // Without trust, the header is ignored: every client is the proxy's address, which has failed.
      for (let i = 0; i < PAIR_POLICY.free; i += 1) {
        const response = await signIn({
          username: "forwarded",
          ip: "10.0.0.10",
          password: WRONG,
          headers: { "x-forwarded-for": `198.51.100.${40 + i}` },
        });
        expect(response.statusCode).toBe(401);
      }
      const spoofed = await signIn({
        username: "forwarded",
        ip: "10.0.0.10",
        headers: { "x-forwarded-for": "198.51.100.50" },
      });
      expectWait(spoofed, PAIR_POLICY.firstDelayMs / 1000);
    } finally {
      await trusting.close();
    }
  });

  it("shares the attempts between app processes through the database", async () => {
    await account("shared");
    const other = await testApp(db);
    try {
      for (let i = 0; i < PAIR_POLICY.free; i += 1) {
        const instance = i % 2 === 0 ? app : other;
        const response = await attempt(instance, { username: "shared", ip: "198.51.100.60", password: WRONG });
        expect(response.statusCode).toBe(401);
      }
      expectWait(await attempt(other, { username: "shared", ip: "198.51.100.60" }), 60);
      expectWait(await attempt(app, { username: "shared", ip: "198.51.100.60" }), 60);
    } finally {
      await other.close();
    }
  });

  it("lifts the restrictions when the office resets the password", async () => {
    const id = await account("reset-lifts");
    for (let i = 0; i < PAIR_POLICY.free; i += 1) {
      await signIn({ username: "reset-lifts", ip: "198.51.100.70", password: WRONG });
    }
    expectWait(await signIn({ username: "reset-lifts", ip: "198.51.100.70" }), 60);
    const reset = await app.inject({
      method: "POST",
      url: `/api/users/${id}/reset-password`,
      headers: office.headers,
      payload: { newPassword: "Fresh-passw0rd" },
    });
    expect(reset.statusCode).toBe(204);
    const after = await signIn({ username: "reset-lifts", ip: "198.51.100.70", password: "Fresh-passw0rd" });
    expect(after.statusCode).toBe(200);
    expect(after.json().user.mustChangePassword).toBe(true);
  });
});
