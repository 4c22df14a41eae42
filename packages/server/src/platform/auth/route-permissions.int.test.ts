/**
 * Walks every /api route the app registers × every role (and anonymous) and checks who gets in.
 * A route missing from EXPECTED fails the test: adding a route means deciding who may call it here.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addRegionAccount, loginAs, type SeededWorld, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "../db/database";
import { routesWithoutResponseContract } from "../http/response-contract";
import { ALL_ROLES, type Role } from "./permissions";

const READERS: Role[] = ["office", "leader", "unit", "inspector"];
/** A region (市/省) reads its districts' targets, dashboards, register, monitoring and projects; it writes nothing. */
const REGION_READERS: Role[] = [...READERS, "region"];
const DISTRICT_ROLES: Role[] = ["office", "leader", "unit", "inspector", "enterprise"];

/** Who may call each route: "public" (anyone, even without login) or the roles allowed. */
const EXPECTED: Record<string, "public" | readonly Role[]> = {
  "GET /api/health": "public",
  "GET /api/meta": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": ALL_ROLES,
  "GET /api/auth/me": ALL_ROLES,
  "GET /api/auth/session": "public",
  "POST /api/auth/password": ALL_ROLES,
  "POST /api/auth/activate": "public",
  "GET /api/plan": ALL_ROLES,
  "GET /api/plan/versions": ["office", "leader", "inspector"],
  "GET /api/plan/versions/:planId/:version/yaml": ["office", "leader", "inspector"],
  "POST /api/plan/versions/preview": ["office"],
  "POST /api/plan/versions": ["office"],
  "POST /api/plan/drafts": ["office"],
  "GET /api/units": ALL_ROLES,
  "GET /api/units/export": ["office"],
  "POST /api/units": ["office"],
  "PATCH /api/units/:id": ["office"],
  "GET /api/users": ["office"],
  "GET /api/users/export": ["office"],
  "POST /api/users": ["office"],
  "PATCH /api/users/:id": ["office"],
  "POST /api/users/:id/reset-password": ["office"],
  "POST /api/users/:id/unlock": ["office"],
  "POST /api/users/enterprise-accounts/preview": ["office"],
  "POST /api/users/enterprise-accounts": ["office"],
  "GET /api/users/activations": ["office"],
  "POST /api/users/:id/activation-code": ["office"],
  "GET /api/audit": ["office"],
  "GET /api/audit/verify": ["office"],
  "GET /api/audit/export": ["office"],
  "GET /api/audit/checkpoints": ["office", "inspector"],
  "GET /api/audit/public-key": ["office", "inspector"],
  "GET /api/enterprises": [...REGION_READERS, "enterprise"],
  "GET /api/enterprises/:id": [...REGION_READERS, "enterprise"],
  "GET /api/projects": REGION_READERS,
  "GET /api/projects/options": REGION_READERS,
  "GET /api/projects/stats": REGION_READERS,
  "GET /api/projects/export": REGION_READERS,
  "POST /api/projects/import": ["office", "unit"],
  "POST /api/projects": ["office", "unit"],
  "GET /api/projects/:id": REGION_READERS,
  "PATCH /api/projects/:id": ["office", "unit"],
  "POST /api/projects/:id/stage": ["office", "unit"],
  "POST /api/projects/:id/decisions": ["leader"],
  "POST /api/projects/:id/blockers": ["office", "unit"],
  "GET /api/project-blockers": REGION_READERS,
  "GET /api/project-blockers/export": REGION_READERS,
  "POST /api/project-blockers/:id": ["office", "unit"],
  "GET /api/fixed-asset-investment": REGION_READERS,
  "PUT /api/fixed-asset-investment/:year": ["office", "unit"],
  "GET /api/enterprises/export": [...REGION_READERS, "enterprise"],
  "GET /api/enterprises/:id/figures/export": [...REGION_READERS, "enterprise"],
  "GET /api/enterprises/:id/history": REGION_READERS,
  "POST /api/enterprises": ["office"],
  "PATCH /api/enterprises/:id": ["office"],
  "PUT /api/enterprises/:id/scale-years/:year": ["office"],
  "DELETE /api/enterprises/:id/scale-years/:year": ["office"],
  "POST /api/enterprises/:id/designations": ["office"],
  "DELETE /api/enterprises/:id/designations/:designationId": ["office"],
  "POST /api/enterprises/:id/listing-events": ["office", "unit"],
  "POST /api/enterprises/:id/service-notes": ["office", "leader"],
  "PATCH /api/enterprises/:id/profile": ["office", "enterprise"],
  "POST /api/enterprises/:id/figures": ["office", "unit", "enterprise"],
  "POST /api/figures/:id/confirm": ["office", "unit"],
  "GET /api/enterprises/:id/declared-facts": [...REGION_READERS, "enterprise"],
  "PUT /api/enterprises/:id/declared-facts": ["office", "unit", "enterprise"],
  "POST /api/enterprises/:id/declared-facts/confirm": ["office", "unit"],
  "GET /api/enterprises/:id/support": [...REGION_READERS, "enterprise"],
  "GET /api/enterprises/:id/grants/export": [...REGION_READERS, "enterprise"],
  "GET /api/enterprises/:id/tech-projects/export": [...REGION_READERS, "enterprise"],
  "POST /api/enterprises/:id/grants": ["office", "unit", "enterprise"],
  "POST /api/enterprise-grants/:id/correct": ["office", "unit", "enterprise"],
  "POST /api/enterprise-grants/:id/confirm": ["office", "unit"],
  "POST /api/enterprises/:id/tech-projects": ["office", "unit", "enterprise"],
  "POST /api/tech-projects/:id/correct": ["office", "unit", "enterprise"],
  "POST /api/tech-projects/:id/confirm": ["office", "unit"],
  "POST /api/enterprises/:id/reward-events": ["office", "unit"],
  "POST /api/enterprise-events/:id/correct": ["office", "unit"],
  "GET /api/monitoring/warnings": REGION_READERS,
  "GET /api/monitoring/warnings/export": REGION_READERS,
  "GET /api/monitoring/settings": REGION_READERS,
  "PUT /api/monitoring/settings": ["office"],
  "POST /api/monitoring/recompute": ["office"],
  "GET /api/imports/templates/:kind": ["office", "unit"],
  "POST /api/imports": ["office", "unit"],
  "GET /api/imports/declared-facts/template": ["office", "unit"],
  "POST /api/imports/declared-facts": ["office", "unit"],
  "GET /api/imports/:id": ["office", "unit"],
  "POST /api/imports/:id/apply": ["office", "unit"],
  "GET /api/targets": REGION_READERS,
  "GET /api/targets/:id/records": REGION_READERS,
  "GET /api/targets/inputs": REGION_READERS,
  "PUT /api/targets/inputs/investment": ["office"],
  "PUT /api/targets/inputs/online-services": ["office"],
  "GET /api/board/publication": REGION_READERS,
  "PUT /api/board/publication": ["office"],
  "PUT /api/dashboard/settings": ["office"],
  "GET /api/dashboard": REGION_READERS,
  "GET /api/dashboard/records": REGION_READERS,
  "GET /api/dashboard/export": REGION_READERS,
  "GET /api/public/board": "public",
  "GET /api/rewards/batches": READERS,
  "POST /api/rewards/batches": ["office"],
  "GET /api/rewards/batches/:id": READERS,
  "GET /api/rewards/entitlements": [...READERS, "enterprise"],
  "GET /api/rewards/entitlements/:id": [...READERS, "enterprise"],
  "POST /api/rewards/entitlements/:id/confirm": ["enterprise"],
  "POST /api/rewards/entitlements/:id/decline": ["enterprise"],
  "POST /api/rewards/entitlements/:id/review": ["office", "unit"],
  "POST /api/rewards/entitlements/:id/approve": ["office", "unit"],
  "POST /api/rewards/entitlements/:id/pay": ["unit"],
  "POST /api/rewards/entitlements/:id/reject": ["office", "unit"],
  "POST /api/rewards/entitlements/:id/recover": ["office"],
  "GET /api/rewards/workflow": [...READERS, "enterprise"],
  "GET /api/rewards/publicities": READERS,
  "POST /api/rewards/publicities": ["office"],
  "GET /api/rewards/objections": READERS,
  "POST /api/rewards/objections/:id/resolve": ["office"],
  "GET /api/public/rewards/publicities": "public",
  "GET /api/public/rewards/publicities/:id": "public",
  "POST /api/public/rewards/publicities/:id/objections": "public",
  "GET /api/rules": ALL_ROLES,
  "GET /api/rules/publication": ALL_ROLES,
  "PUT /api/rules/publication": ["office"],
  "GET /api/rules/:ruleId": ALL_ROLES,
  "POST /api/rules/:ruleId/try": ALL_ROLES,
  "GET /api/public/rules": "public",
  "GET /api/public/rules/:ruleId": "public",
  "POST /api/public/rules/:ruleId/try": "public",
  "GET /api/rewards/why-not": READERS,
  "GET /api/rewards/budget": READERS,
  "PUT /api/rewards/budgets/:year": ["office"],
  "GET /api/rewards/forecast": READERS,
  "GET /api/rewards/corrections": READERS,
  "POST /api/rewards/corrections/:id/resolve": ["office"],
  "GET /api/rewards/exports/payments.xlsx": READERS,
  "POST /api/rewards/notices": ["office", "unit"],
  "POST /api/rewards/notices.pdf": ["office", "unit"],
  "GET /api/rewards/scenarios": ["office", "leader"],
  "GET /api/rewards/scenarios/editor": ["office", "leader"],
  "GET /api/rewards/scenarios/compare": ["office", "leader"],
  "POST /api/rewards/scenarios": ["office", "leader"],
  "GET /api/rewards/scenarios/:id": ["office", "leader"],
  "PUT /api/rewards/scenarios/:id": ["office", "leader"],
  "DELETE /api/rewards/scenarios/:id": ["office", "leader"],
  "GET /api/rewards/scenarios/:id/result": ["office", "leader"],
  "GET /api/rewards/scenarios/:id/export.xlsx": ["office", "leader"],
  "GET /api/rewards/scenarios/:id/briefing.docx": ["office", "leader"],
  "GET /api/rewards/scenarios/:id/briefing.pdf": ["office", "leader"],
  "GET /api/tasks": READERS,
  "GET /api/tasks/export": READERS,
  "POST /api/tasks/seed": ["office"],
  "POST /api/tasks/reminders/run": ["office"],
  "GET /api/tasks/:id": READERS,
  "PATCH /api/tasks/:id": ["office"],
  "POST /api/tasks/:id/reports": ["unit"],
  "POST /api/task-reports/:id/return": ["office"],
  "GET /api/task-attachments/:id": READERS,
  "GET /api/notifications": [...READERS, "enterprise"],
  "POST /api/notifications/:id/read": [...READERS, "enterprise"],
  "GET /api/todo": ALL_ROLES,
  "GET /api/webhook-settings": ["office"],
  "PUT /api/webhook-settings": ["office"],
  "POST /api/webhook-settings/test": ["office"],
  "GET /api/bulletins": READERS,
  "GET /api/bulletins/preview": READERS,
  "GET /api/bulletins/draft.docx": READERS,
  "GET /api/bulletins/draft.pdf": READERS,
  "POST /api/bulletins": ["inspector"],
  "GET /api/bulletins/:id/docx": READERS,
  "GET /api/bulletins/:id/pdf": READERS,
  "PUT /api/bulletins/:id": ["inspector"],
  "PATCH /api/bulletins/:id": ["inspector"],
  "DELETE /api/bulletins/:id": ["inspector"],
  "GET /api/supervision/ranking": READERS,
  "GET /api/summons-talks": READERS,
  "POST /api/summons-talks": ["inspector"],
  "GET /api/assessment/history": READERS,
  "GET /api/assessment/:year": READERS,
  "POST /api/assessment/:year/finalize": ["office"],
  "GET /api/assessment/:year/report.docx": READERS,
  "GET /api/assessment/:year/report.pdf": READERS,
  "GET /api/enterprise-requests": DISTRICT_ROLES,
  "GET /api/enterprise-requests/export": DISTRICT_ROLES,
  "GET /api/enterprise-requests/stats": READERS,
  "POST /api/enterprise-requests": ["office", "leader", "enterprise"],
  "POST /api/enterprise-requests/escalations/run": ["office"],
  "GET /api/enterprise-requests/:id": DISTRICT_ROLES,
  "POST /api/enterprise-requests/:id/assign": ["office"],
  "POST /api/enterprise-requests/:id/accept": ["unit"],
  "POST /api/enterprise-requests/:id/notes": ["office", "leader", "unit"],
  "POST /api/enterprise-requests/:id/answer": ["unit"],
  "POST /api/enterprise-requests/:id/rate": ["enterprise"],
  "POST /api/enterprise-requests/:id/reopen": ["office"],
  "POST /api/enterprise-requests/:id/close": ["office"],
  "POST /api/enterprise-requests/:id/attachments": ["office", "leader", "unit", "enterprise"],
  "GET /api/enterprise-request-attachments/:id": DISTRICT_ROLES,
  "DELETE /api/enterprise-request-attachments/:id": ["office", "leader", "unit", "enterprise"],
  "GET /api/service-days": READERS,
  "POST /api/service-days": ["office"],
  "GET /api/service-days/:id": READERS,
  "PUT /api/service-days/:id": ["office"],
  "DELETE /api/service-days/:id": ["office"],
  "GET /api/public/fees": "public",
  "GET /api/public/fees/export": "public",
  "GET /api/fees/items": READERS,
  "GET /api/fees/items/export": READERS,
  "POST /api/fees/items": ["office", "unit"],
  "PUT /api/fees/items/:id": ["office", "unit"],
  "GET /api/fees/versions": READERS,
  "POST /api/fees/versions": ["office", "unit"],
  "GET /api/fees/complaints": [...READERS, "enterprise"],
  "GET /api/fees/complaints/export": [...READERS, "enterprise"],
  "POST /api/fees/complaints": ["enterprise"],
  "GET /api/fees/inspections": READERS,
  "GET /api/fees/inspections/export": READERS,
  "POST /api/fees/inspections": ["office", "unit", "inspector"],
  "PUT /api/fees/inspections/:id": ["office", "unit", "inspector"],
  "GET /api/fees/report": READERS,
  "GET /api/land/parcels": READERS,
  "GET /api/land/parcels/export": READERS,
  "POST /api/land/parcels": ["office", "unit"],
  "PUT /api/land/parcels/:id": ["office", "unit"],
  "POST /api/land/parcels/:id/step": ["office", "unit"],
  "GET /api/zombies": READERS,
  "GET /api/zombies/export": READERS,
  "POST /api/zombies": ["office", "unit"],
  "POST /api/zombies/:id/disposal": ["office", "unit"],
  "PUT /api/zombies/criteria": ["office"],
  "POST /api/enterprises/:id/chain-roles": ["office", "unit"],
  "DELETE /api/enterprises/:id/chain-roles/:chainRoleId": ["office", "unit"],
  "GET /api/chain-leaders": REGION_READERS,
  "GET /api/chain-leaders/export": REGION_READERS,
  "GET /api/events": DISTRICT_ROLES,
  "GET /api/events/export": READERS,
  "GET /api/events/report": READERS,
  "GET /api/events/report/export": READERS,
  "POST /api/events": ["office", "unit"],
  "GET /api/events/:id": DISTRICT_ROLES,
  "GET /api/events/:id/registrations/export": DISTRICT_ROLES,
  "PUT /api/events/:id": ["office", "unit"],
  "POST /api/events/:id/cancel": ["office", "unit"],
  "POST /api/events/:id/invitations": ["office", "unit"],
  "POST /api/events/:id/decline": ["enterprise"],
  "POST /api/events/:id/registrations": ["enterprise"],
  "DELETE /api/events/:id/registrations/:registrationId": ["enterprise"],
  "PUT /api/events/:id/attendance": ["office", "unit"],
  "POST /api/events/:id/feedback": ["enterprise"],
  "GET /api/talent/people": READERS,
  "GET /api/talent/people/export": READERS,
  "POST /api/talent/people": ["unit"],
  "PUT /api/talent/people/:id": ["unit"],
  "POST /api/talent/people/:id/removal": ["unit"],
  "POST /api/talent/people/:id/reveal": ["unit"],
  "GET /api/talent/people/:id/posts": READERS,
  "GET /api/talent/people/template": ["unit"],
  "POST /api/talent/people/import": ["unit"],
  "GET /api/talent/posts": [...READERS, "enterprise"],
  "GET /api/talent/posts/export": [...READERS, "enterprise"],
  "POST /api/talent/posts": ["unit", "enterprise"],
  "PUT /api/talent/posts/:id": ["unit", "enterprise"],
  "GET /api/talent/posts/:id/candidates": READERS,
  "GET /api/talent/recommendations": [...READERS, "enterprise"],
  "GET /api/talent/recommendations/export": [...READERS, "enterprise"],
  "POST /api/talent/recommendations": ["unit"],
  "PUT /api/talent/recommendations/:id/outcome": ["unit", "enterprise"],
  "GET /api/talent/summary": READERS,
  "GET /api/calendar": READERS,
  "GET /api/calendar/export": READERS,
  "GET /api/calendar/template": ["office"],
  "POST /api/calendar/days": ["office"],
  "PUT /api/calendar/days/:id": ["office"],
  "DELETE /api/calendar/days/:id": ["office"],
  "PUT /api/calendar/years/:year": ["office"],
  "POST /api/calendar/years/:year/import": ["office"],
  "GET /api/openapi.json": ALL_ROLES,
  "GET /api/region": ["region"],
  "PUT /api/region/viewing": ["region"],
  "GET /api/region/overview": ["region"],
  "GET /api/region/overview/export.xlsx": ["region"],
};

/**
 * The only requests other than reads a region account may make: its own session and password, a rule's calculator
 * (a computation that stores nothing) and which of its districts its session reads. Every other route that writes
 * refuses it, and a new one that admits it fails here.
 */
const REGION_UNSAFE_ALLOWED = [
  "POST /api/auth/logout",
  "POST /api/auth/password",
  "POST /api/rules/:ruleId/try",
  "PUT /api/region/viewing",
];

/** Routes after which the caller's session may be gone. */
const SESSION_ENDING = new Set(["POST /api/auth/logout", "POST /api/auth/password"]);

const ROLE_USERS: Record<Role, string> = {
  office: "office-a",
  leader: "leader-a",
  unit: "unit-a",
  inspector: "inspector-a",
  enterprise: "enterprise-a",
  region: "region-a",
};

describe.each(testDatabases())("route × role permissions on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    await addRegionAccount(db, { id: "region-a", name: "甲市", districtIds: [world.districtA] }, "region-a");
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** A concrete URL: ids that do not exist (the guard answers before the lookup), except where the role matters. */
  function concreteUrl(route: string, url: string): string {
    if (route === "GET /api/enterprises/:id") return url.replace(":id", String(world.enterpriseA));
    // The enterprise account's own enterprise: these routes answer it (a missing one reads as another's).
    if (route === "PATCH /api/enterprises/:id/profile" || route === "GET /api/enterprises/:id/figures/export")
      return url.replace(":id", String(world.enterpriseA));
    if (/^GET \/api\/enterprises\/:id\/(support|grants\/export|tech-projects\/export|declared-facts)$/.test(route))
      return url.replace(":id", String(world.enterpriseA));
    if (route === "GET /api/imports/templates/:kind") return url.replace(":kind", "monthly");
    return url.replace(/:[a-zA-Z]+/g, "999999");
  }

  it("has an expectation for every registered route, and every expectation names a route", () => {
    const registered = app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = registered.filter((key) => !(key in EXPECTED));
    expect(missing, "routes without an entry in EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it("declares what every route answers (a schema of the contract, a file or nothing)", () => {
    expect(routesWithoutResponseContract(app), "routes without config.response").toEqual([]);
  });

  it("lets in exactly the expected roles on every route", async () => {
    const failures: string[] = [];
    // One login per role (argon2 is slow on purpose); only the routes that end a session force a new one.
    const sessions = new Map<Role, Awaited<ReturnType<typeof loginAs>>>();
    const sessionOf = async (role: Role) => {
      let session = sessions.get(role);
      if (!session) {
        session = await loginAs(app, ROLE_USERS[role]);
        sessions.set(role, session);
      }
      return session;
    };
    for (const route of app.apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const expected = EXPECTED[key];
      if (!expected) continue;
      const url = concreteUrl(key, route.url);
      const unsafe = route.method !== "GET";
      for (const role of [null, ...ALL_ROLES] as const) {
        const session = role ? await sessionOf(role) : null;
        const response = await app.inject({
          method: route.method as "GET",
          url,
          headers: session ? session.headers : {},
          ...(unsafe ? { payload: {} } : {}),
        });
        if (role && SESSION_ENDING.has(key)) sessions.delete(role);
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
  }, 300_000);

  it("admits a region account to no request that writes but its session's own and a calculation", () => {
    const unsafe = app.apiRoutes
      .filter((route) => route.method !== "GET" && route.method !== "HEAD")
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => {
        const expected = EXPECTED[key];
        return expected !== undefined && expected !== "public" && expected.includes("region");
      });
    expect(unsafe.sort()).toEqual([...REGION_UNSAFE_ALLOWED].sort());
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
