/**
 * Plan versions through the API on SQLite and PostgreSQL: a revision is previewed (its difference, the
 * records it would orphan, the version-number problems) before anything is stored, confirmed with the
 * year it takes effect and a reason, kept in the history, downloadable as YAML that loads back as the
 * same plan, and read by year (the version in force). Refusals are Chinese and change nothing.
 */
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { requirePlanInForce } from "../../platform/plan/plan-reader";
import { loginAs, type SeededWorld, type Session, seedWorld, shippedPlan, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { planToYaml } from "./index";

type Json = Record<string, unknown>;

describe.each(testDatabases())("plan versions on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let officeA: Session;
  let officeB: Session;

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    officeA = await loginAs(app, world.users.office.username);
    officeB = await loginAs(app, world.users.officeB.username);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (session: Session, url: string, payload: Json) =>
    app.inject({ method: "POST", url, headers: session.headers, payload });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const planCount = async () =>
    Number(
      (
        await db.kysely
          .selectFrom("plans")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  function revisedTestDistrict(change: (plan: PlanFile) => void): PlanFile {
    const plan = structuredClone(shippedPlan("test-district-2024-2026")) as PlanFile;
    change(plan);
    return plan;
  }

  it("previews a revision without storing it: the changed amount, the summary and the current version", async () => {
    const revised = revisedTestDistrict((plan) => {
      plan.version = 2;
      plan.aboveScaleThreshold = "25000000";
      const rule = plan.rewards.find((candidate) => candidate.id === "R-NEW-SCALE");
      if (rule?.amount === undefined) throw new Error("R-NEW-SCALE pays a fixed amount");
      rule.amount = "80000";
    });
    const before = await planCount();
    const response = await post(officeB, "/api/plan/versions/preview", {
      content: planToYaml(revised),
      fileName: "plan-v2.yaml",
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      status: "revision",
      current: { planId: revised.id, version: 1 },
      expectedCurrent: `${revised.id}@1`,
      orphans: [],
      problems: [],
    });
    expect(preview.diff.changes).toContainEqual({
      section: "rewards",
      id: "R-NEW-SCALE",
      name: expect.any(String),
      change: "changed",
      fields: [{ path: "amount", before: "50000", after: "80000", kind: "yuan" }],
    });
    expect(preview.diff.summary).toEqual([
      { section: "plan", added: 0, removed: 0, changed: 1 },
      { section: "rewards", added: 0, removed: 0, changed: 1 },
    ]);
    expect(await planCount()).toBe(before);
  });

  it("confirms a revision with its year and reason; history, audit and the version in force by year follow", async () => {
    const revised = revisedTestDistrict((plan) => {
      plan.version = 2;
      const rule = plan.rewards.find((candidate) => candidate.id === "R-NEW-SCALE");
      if (rule?.amount === undefined) throw new Error("R-NEW-SCALE pays a fixed amount");
      rule.amount = "80000";
      const town = plan.units.find((unit) => unit.id === "beishan-town");
      if (town) town.name = "北山镇（更名）";
    });
    const response = await post(officeB, "/api/plan/versions", {
      content: JSON.stringify(revised),
      effectiveYear: 2025,
      reason: "2025 年起提高新上规奖励",
      expectedCurrent: `${revised.id}@1`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 2, effectiveYear: 2025, unitsUpdated: 1, unitsRetired: 0 });

    const versions = (await get(officeB, "/api/plan/versions")).json().items;
    expect(versions).toMatchObject([
      { version: 2, current: true, effectiveYear: 2025, reason: "2025 年起提高新上规奖励", loadedBy: "office-b" },
      { version: 1, current: false, effectiveYear: 2024 },
    ]);
    const town = await db.kysely
      .selectFrom("units")
      .select("name")
      .where("district_id", "=", world.districtB)
      .where("code", "=", "beishan-town")
      .executeTakeFirstOrThrow();
    expect(town.name).toBe("北山镇（更名）");

    const amountIn = async (year: number) => {
      const stored = await requirePlanInForce(db, world.districtB, year);
      const rule = stored.plan.rewards.find((candidate) => candidate.id === "R-NEW-SCALE");
      return { version: stored.version, amount: rule?.amount };
    };
    expect(await amountIn(2024)).toEqual({ version: 1, amount: "50000" });
    expect(await amountIn(2025)).toEqual({ version: 2, amount: "80000" });
    expect(await amountIn(2026)).toEqual({ version: 2, amount: "80000" });
    expect(await amountIn(2020)).toEqual({ version: 1, amount: "50000" });

    const audit = await db.kysely
      .selectFrom("audit_log")
      .select(["action", "after_json"])
      .where("district_id", "=", world.districtB)
      .where("entity_type", "=", "plan")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("load");
    expect(JSON.parse(String(audit.after_json))).toMatchObject({ version: 2, effectiveYear: 2025 });
  });

  it("downloads a version as YAML that loads back as the same plan", async () => {
    const response = await get(officeB, "/api/plan/versions/test-district-2024-2026/2/yaml");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("yaml");
    expect(String(response.headers["content-disposition"])).toContain("filename*=UTF-8''");
    const loaded = parsePlan(response.body, "download.yaml").plan;
    const stored = await requirePlanInForce(db, world.districtB, 2026);
    expect(loaded).toEqual(stored.plan);
  });

  it("refuses a used version number with other content, an older number and a stale preview, storing nothing", async () => {
    const before = await planCount();
    const sameNumber = revisedTestDistrict((plan) => {
      plan.version = 2;
      plan.title = "另一份第二版";
    });
    const reused = await post(officeB, "/api/plan/versions", {
      content: JSON.stringify(sameNumber),
      effectiveYear: 2025,
      reason: "重复的版本号",
      expectedCurrent: `${sameNumber.id}@2`,
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.message).toContain("第 2 版已载入且内容不同");

    const older = revisedTestDistrict((plan) => {
      plan.version = 1;
      plan.title = "更早的版本";
    });
    const preview = (await post(officeB, "/api/plan/versions/preview", { content: JSON.stringify(older) })).json();
    expect(preview.problems.join("")).toContain("第 1 版已载入且内容不同");

    const next = revisedTestDistrict((plan) => {
      plan.version = 3;
    });
    const stale = await post(officeB, "/api/plan/versions", {
      content: JSON.stringify(next),
      effectiveYear: 2026,
      reason: "按旧预览确认",
      expectedCurrent: `${next.id}@1`,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain("请重新预览");
    expect(await planCount()).toBe(before);
  });

  it("refuses a revision that removes a unit or chain still in use, naming the records", async () => {
    const changjiang = shippedPlan("changjiang-2021-2023");
    const revised = structuredClone(changjiang) as PlanFile;
    revised.version = changjiang.version + 1;
    revised.units = revised.units.filter((unit) => unit.id !== "commerce-bureau");
    for (const measure of revised.measures) {
      measure.lead = measure.lead.filter((id) => id !== "commerce-bureau");
      measure.responsible = measure.responsible.filter((id) => id !== "commerce-bureau");
    }
    for (const category of revised.requestCategories) {
      category.units = category.units.filter((id) => id !== "commerce-bureau");
    }
    revised.chains = revised.chains.filter((chain) => chain.id !== "electronics");
    const preview = await post(officeA, "/api/plan/versions/preview", { content: JSON.stringify(revised) });
    expect(preview.statusCode, preview.body).toBe(200);
    const orphans = preview.json().orphans as { id: string; records: { label: string; examples: string[] }[] }[];
    expect(orphans.map((orphan) => orphan.id).sort()).toEqual(["commerce-bureau", "electronics"]);
    expect(orphans.find((orphan) => orphan.id === "commerce-bureau")?.records).toContainEqual({
      kind: "accounts",
      label: "账号",
      count: 1,
      examples: ["unit-a"],
    });
    expect(orphans.find((orphan) => orphan.id === "electronics")?.records[0]?.examples).toContain(
      "景德镇甲电子有限公司",
    );

    const before = await planCount();
    const refused = await post(officeA, "/api/plan/versions", {
      content: JSON.stringify(revised),
      effectiveYear: 2022,
      reason: "撤并单位",
      expectedCurrent: `${changjiang.id}@${changjiang.version}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("plan_orphans");
    expect(refused.json().error.message).toContain("单位“区商务局”（commerce-bureau）仍有账号 1 条（如 unit-a）");
    expect(refused.json().error.message).toContain("产业链");
    expect(await planCount()).toBe(before);
  });

  it("retires a unit the revision removes when nothing depends on it", async () => {
    const revised = revisedTestDistrict((plan) => {
      plan.version = 3;
      plan.units = plan.units.filter((unit) => unit.id !== "yunxi-high-tech-park");
    });
    const current = (await get(officeB, "/api/plan/versions")).json().items[0];
    const response = await post(officeB, "/api/plan/versions", {
      content: JSON.stringify(revised),
      effectiveYear: 2026,
      reason: "园区并入北山镇",
      expectedCurrent: `${current.planId}@${current.version}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ unitsRetired: 1 });
    const park = await db.kysely
      .selectFrom("units")
      .select("active")
      .where("district_id", "=", world.districtB)
      .where("code", "=", "yunxi-high-tech-park")
      .executeTakeFirstOrThrow();
    expect(park.active).toBe(0);
  });

  it("refuses another district's plan, an invalid file naming its line, and callers who may not load plans", async () => {
    const foreign = await post(officeB, "/api/plan/versions/preview", {
      content: JSON.stringify(shippedPlan("changjiang-2021-2023")),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain("与本区 990101 不符");

    const yaml = planToYaml(shippedPlan("test-district-2024-2026")).replace(
      'aboveScaleThreshold: "20000000"',
      "aboveScaleThreshold: 20000000",
    );
    const invalid = await post(officeB, "/api/plan/versions/preview", { content: yaml, fileName: "坏的方案.yaml" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: "plan_invalid" });
    expect(invalid.json().error.message).toMatch(/坏的方案\.yaml: aboveScaleThreshold: .*（第 \d+ 行/);

    const unit = await loginAs(app, world.users.unit.username);
    expect((await get(unit, "/api/plan/versions")).statusCode).toBe(403);
    const leader = await loginAs(app, world.users.leader.username);
    expect((await get(leader, "/api/plan/versions")).statusCode).toBe(200);
    const leaderPreview = await post(leader, "/api/plan/versions/preview", {
      content: JSON.stringify(shippedPlan("changjiang-2021-2023")),
    });
    expect(leaderPreview.statusCode).toBe(403);
  });
});
