import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, type SeededWorld, seedWorld, testApp } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import type { BeizengDb } from "./database";
import { KNOWN_MIGRATIONS, migrateToLatest, migrateUpTo, migrationStatus } from "./migrate";

/**
 * The last migration of the release before this one: a district that ran it upgrades by starting the new version
 * (or `beizeng migrate`) on its database, and everything it had keeps reading.
 */
const PREVIOUS_RELEASE = "20261205150000_account_activation";

describe.each(testDatabases())("upgrading a database of the previous release on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;

  beforeAll(async () => {
    db = await database.create();
    await migrateUpTo(db, PREVIOUS_RELEASE);
    // The previous release's district: its plan, enterprises, figures and accounts, a robot and a notice.
    world = await seedWorld(db);
    const now = new Date().toISOString();
    await sql`insert into webhook_settings (district_id, url, format, enabled, updated_at, updated_by)
      values (${world.districtA}, ${"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=old"}, ${"markdown"}, ${1}, ${now}, ${null})`.execute(
      db.kysely,
    );
    await sql`insert into notifications (district_id, unit_id, kind, title, body, link, dedupe_key, created_at, read_at)
      values (${world.districtA}, ${world.unitA}, ${"returned"}, ${"进度报告被退回"}, ${"原因：名单未盖章"}, ${null}, ${"old|1"}, ${now}, ${null})`.execute(
      db.kysely,
    );
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(KNOWN_MIGRATIONS.slice(KNOWN_MIGRATIONS.indexOf(PREVIOUS_RELEASE) + 1));
    app = await testApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("applies every newer migration once and leaves none pending", async () => {
    expect((await migrationStatus(db)).pending).toEqual([]);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("keeps what the district had: accounts log in, the register, notices and the robot read as before", async () => {
    const office = await loginAs(app, "office-a");
    const unit = await loginAs(app, "unit-a");
    const enterprises = await app.inject({ url: "/api/enterprises", headers: office.headers });
    expect(enterprises.statusCode).toBe(200);
    expect(enterprises.json().total).toBe(2);
    const robot = (await app.inject({ url: "/api/webhook-settings", headers: office.headers })).json();
    // A robot set up before platforms were told apart was a WeCom one, without a secret.
    expect(robot.settings).toMatchObject({ platform: "wecom", format: "markdown", enabled: true, hasSecret: false });
    const notices = (await app.inject({ url: "/api/notifications", headers: unit.headers })).json();
    expect(notices.items.map((n: { body: string }) => n.body)).toContain("原因：名单未盖章");
    const plan = await app.inject({ url: "/api/plan", headers: office.headers });
    expect(plan.statusCode).toBe(200);
  });
});
