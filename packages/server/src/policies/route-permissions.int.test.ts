/**
 * Walks every /api route the app registers × every role (and anonymous) and checks who gets in.
 * A route missing from EXPECTED fails the test: adding a route means deciding who may call it here.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../db/database";
import { loginAs, type SeededWorld, seedWorld, testApp } from "../testing/fixtures";
import { testDatabases } from "../testing/test-databases";
import { ALL_ROLES, type Role } from "./permissions";

const READERS: Role[] = ["office", "leader", "unit", "inspector"];

/** Who may call each route: "public" (anyone, even without login) or the roles allowed. */
const EXPECTED: Record<string, "public" | readonly Role[]> = {
  "GET /api/health": "public",
  "GET /api/meta": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": ALL_ROLES,
  "GET /api/auth/me": ALL_ROLES,
  "POST /api/auth/password": ALL_ROLES,
  "GET /api/plan": ALL_ROLES,
  "GET /api/units": ALL_ROLES,
  "POST /api/units": ["office"],
  "PATCH /api/units/:id": ["office"],
  "GET /api/users": ["office"],
  "POST /api/users": ["office"],
  "PATCH /api/users/:id": ["office"],
  "POST /api/users/:id/reset-password": ["office"],
  "GET /api/audit": ["office"],
  "GET /api/audit/verify": ["office"],
  "GET /api/enterprises": [...READERS, "enterprise"],
  "GET /api/enterprises/:id": [...READERS, "enterprise"],
  "GET /api/projects": READERS,
};

const ROLE_USERS: Record<Role, string> = {
  office: "office-a",
  leader: "leader-a",
  unit: "unit-a",
  inspector: "inspector-a",
  enterprise: "enterprise-a",
};

describe.each(testDatabases())("route × role permissions on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** A concrete URL: ids that do not exist (the guard answers before the lookup), except where the role matters. */
  function concreteUrl(route: string, url: string): string {
    if (route === "GET /api/enterprises/:id") return url.replace(":id", String(world.enterpriseA));
    return url.replace(/:[a-zA-Z]+/g, "999999");
  }

  it("has an expectation for every registered route, and every expectation names a route", () => {
    const registered = app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !(key in EXPECTED));
    expect(missing, "routes without an entry in EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it("lets in exactly the expected roles on every route", async () => {
    const failures: string[] = [];
    for (const route of app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const expected = EXPECTED[key];
      if (!expected) continue;
      const url = concreteUrl(key, route.url);
      const unsafe = route.method !== "GET";
      for (const role of [null, ...ALL_ROLES] as const) {
        const session = role ? await loginAs(app, ROLE_USERS[role]) : null;
        const response = await app.inject({
          method: route.method as "GET",
          url,
          headers: session ? session.headers : {},
          ...(unsafe ? { payload: {} } : {}),
        });
        const allowed = expected === "public" || (role !== null && expected.includes(role));
        const code = response.statusCode;
        const ok = allowed
          ? code !== 401 && code !== 403
          : role === null
            ? code === 401 && response.json().error.code === "unauthorized"
            : code === 403 && response.json().error.code === "forbidden";
        if (!ok) failures.push(`${key} as ${role ?? "anonymous"}: ${code} ${response.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("never lets an enterprise account read another enterprise", async () => {
    const session = await loginAs(app, "enterprise-a");
    const own = await app.inject({ url: `/api/enterprises/${world.enterpriseA}`, headers: session.headers });
    expect(own.statusCode).toBe(200);
    for (const other of [world.enterpriseA2, world.enterpriseB, 999999]) {
      const response = await app.inject({ url: `/api/enterprises/${other}`, headers: session.headers });
      expect(response.statusCode).toBe(403);
    }
    const list = (await app.inject({ url: "/api/enterprises", headers: session.headers })).json();
    expect(list.items.map((e: { id: number }) => e.id)).toEqual([world.enterpriseA]);
    expect(list.total).toBe(1);
    const searched = (await app.inject({ url: "/api/enterprises?q=乙医药", headers: session.headers })).json();
    expect(searched.items).toEqual([]);
  });
});
