/**
 * A region (市/省) over two of three districts: its account reads those two side by side and each one's own pages,
 * never the third, and writes nothing; the districts' offices do not manage it.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.service";
import type { BeizengDb } from "../../platform/db/database";
import {
  addRegionAccount,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  shippedPlan,
  testApp,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { loadPlanIntoDistrict } from "../plan/index";
import { removeDistrictFromRegion } from "./index";

/** A third district on the test district's plan under its own code, so that its targets compare with district B's. */
const DISTRICT_C = "990102";

describe.each(testDatabases())("regions on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let region: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    const plan = shippedPlan("test-district-2024-2026");
    await loadPlanIntoDistrict(
      db,
      { ...plan, district: { ...plan.district, code: DISTRICT_C, name: "云溪二区", nameEn: "Yunxi Two" } },
      SYSTEM_ACTOR,
    );
    await addRegionAccount(
      db,
      { id: "yunxi", name: "云溪市", districtIds: [world.districtB, DISTRICT_C] },
      "city-reader",
    );
    app = await testApp(db);
    region = await loginAs(app, "city-reader");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = (url: string, session = region) => app.inject({ url, headers: session.headers });

  it("lists its two districts side by side, with their completeness and the sums of comparable targets", async () => {
    const response = await get("/api/region/overview");
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json();
    expect(overview.region).toEqual({ id: "yunxi", name: "云溪市", nameEn: "云溪市" });
    expect(overview.districts.map((d: { id: string }) => d.id)).toEqual([world.districtB, DISTRICT_C]);
    for (const district of overview.districts) {
      expect(district.planTitle).toBeTruthy();
      expect(district.targets.length).toBeGreaterThan(0);
      expect(district.coverage).not.toBeNull();
    }
    // The same plan twice: every target that adds up is summed over both, and the sum is the sum of the two.
    const [b, c] = overview.districts;
    expect(overview.sums.length).toBeGreaterThan(0);
    for (const sum of overview.sums) {
      expect(sum.districtIds).toEqual([world.districtB, DISTRICT_C]);
      const own = [b, c].map((d) => d.targets.find((t: { sumKey: string | null }) => t.sumKey === sum.key));
      expect(BigInt(sum.target.value)).toBe(BigInt(own[0].target.value) + BigInt(own[1].target.value));
      expect(sum.target.unit).not.toBe("share");
    }
    // A share never adds up across districts.
    const shares = b.targets.filter((t: { target: { unit: string } }) => t.target.unit === "share");
    for (const share of shares) expect(share.sumKey).toBeNull();

    const exported = await get("/api/region/overview/export.xlsx");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
  });

  it("opens a district's own pages read only, and never the district outside the region", async () => {
    const view = (await get("/api/region")).json();
    expect(view.viewingDistrictId).toBe(world.districtB);
    expect((await get("/api/meta")).json().district.id).toBe(world.districtB);
    expect((await get("/api/enterprises")).json().items.map((e: { id: number }) => e.id)).toEqual([world.enterpriseB]);
    expect((await get("/api/dashboard")).statusCode).toBe(200);
    expect((await get("/api/targets")).statusCode).toBe(200);
    expect((await get(`/api/enterprises/${world.enterpriseB}`)).statusCode).toBe(200);
    // District A is not the region's: its enterprises are absent and it cannot be chosen.
    expect((await get(`/api/enterprises/${world.enterpriseA}`)).statusCode).toBe(404);
    const refused = await app.inject({
      method: "PUT",
      url: "/api/region/viewing",
      headers: region.headers,
      payload: { districtId: world.districtA },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("不在本区域内");
    expect((await get("/api/region")).json().viewingDistrictId).toBe(world.districtB);

    const switched = await app.inject({
      method: "PUT",
      url: "/api/region/viewing",
      headers: region.headers,
      payload: { districtId: DISTRICT_C },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect((await get("/api/meta")).json().district.id).toBe(DISTRICT_C);
    expect((await get("/api/enterprises")).json().items).toEqual([]);
    expect((await get(`/api/enterprises/${world.enterpriseB}`)).statusCode).toBe(404);
  });

  it("writes nothing: every write it tries is refused in Chinese", async () => {
    const writes: [string, string, Record<string, unknown>][] = [
      ["POST", "/api/enterprises", { creditCode: "91990101MA00XXXX09", name: "某企业", chainId: "x" }],
      [
        "POST",
        `/api/enterprises/${world.enterpriseB}/figures`,
        { year: 2024, month: 1, metric: "revenue", value: "1" },
      ],
      ["PUT", "/api/targets/inputs/investment", {}],
      ["PUT", "/api/dashboard/settings", { monthCoveragePermille: 500 }],
      ["POST", "/api/users", {}],
      ["POST", "/api/rewards/batches", {}],
      ["POST", "/api/projects", {}],
    ];
    for (const [method, url, payload] of writes) {
      const response = await app.inject({ method: method as "POST", url, headers: region.headers, payload });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("belongs to the region, not to the district's office", async () => {
    const officeB = await loginAs(app, "office-b");
    const users = (await get("/api/users", officeB)).json().items as { username: string }[];
    expect(users.map((user) => user.username)).not.toContain("city-reader");
    const regionUser = await db.kysely
      .selectFrom("users")
      .select("id")
      .where("username", "=", "city-reader")
      .executeTakeFirstOrThrow();
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/users/${regionUser.id}`,
      headers: officeB.headers,
      payload: { disabled: true },
    });
    expect(patched.statusCode).toBe(404);
    // The district's log says which region reads it.
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("district_id", "=", DISTRICT_C)
      .where("entity_type", "=", "region")
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["region_cover", "region_view"]));
  });

  it("reads the region's first district once the one its session chose leaves the region", async () => {
    await removeDistrictFromRegion(db, "yunxi", DISTRICT_C, SYSTEM_ACTOR);
    expect((await get("/api/region")).json().viewingDistrictId).toBe(world.districtB);
    expect((await get("/api/meta")).json().district.id).toBe(world.districtB);
    const overview = (await get("/api/region/overview")).json();
    expect(overview.districts.map((d: { id: string }) => d.id)).toEqual([world.districtB]);
    expect(overview.sums).toEqual([]);
    await expect(removeDistrictFromRegion(db, "yunxi", world.districtB, SYSTEM_ACTOR)).rejects.toThrow(/最后一个区县/);
  });
});
