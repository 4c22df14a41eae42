import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  testApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

describe.each(testDatabases())("the chains' leader and backbone enterprises on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let designator: Session;
  let otherUnit: Session;
  let leader: Session;
  let enterprise: Session;

  const post = (session: Session, url: string, payload: unknown) =>
    app.inject({ method: "POST", url, headers: session.headers, payload: payload as object });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const roles = async () =>
    Number(
      (
        await db.kysely
          .selectFrom("enterprise_chain_roles")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const bureau = await unitIdOf(db, world.districtA, "industry-it-bureau");
    await addAccount(db, world.districtA, "unit-chains", "unit", { unitId: bureau });
    designator = await loginAs(app, "unit-chains");
    otherUnit = await loginAs(app, "unit-a");
    leader = await loginAs(app, "leader-a");
    enterprise = await loginAs(app, "enterprise-a");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("lets the unit the plan names designate a chain's leader for a year with its source, and nobody else", async () => {
    const url = `/api/enterprises/${world.enterpriseA}/chain-roles`;
    const body = { chainId: "electronics", role: "leader", year: 2022, source: "昌工信字〔2022〕15号" };
    const created = await post(designator, url, body);
    expect(created.statusCode).toBe(201);
    await post(designator, `/api/enterprises/${world.enterpriseA2}/chain-roles`, {
      ...body,
      chainId: "biomedicine",
      role: "backbone",
    });

    const refused = await post(otherUnit, url, { ...body, year: 2023 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("区工信局");
    expect((await post(enterprise, url, { ...body, year: 2023 })).statusCode).toBe(403);

    const before = await roles();
    const twice = await post(designator, url, { ...body, role: "backbone" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain("电子信息产业链链主型");
    const unknownChain = await post(designator, url, { ...body, chainId: "textiles" });
    expect(unknownChain.statusCode).toBe(400);
    expect(unknownChain.json().error.details[0]).toMatchObject({ path: "chainId" });
    const otherChain = await post(designator, url, { ...body, chainId: "other" });
    expect(otherChain.statusCode).toBe(400);
    expect(otherChain.json().error.message).toContain("不是一条产业链");
    const noSource = await post(designator, url, { ...body, year: 2023, source: " " });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().error.details[0]).toMatchObject({ path: "source" });
    expect(await roles()).toBe(before);

    const detail = (await get(enterprise, `/api/enterprises/${world.enterpriseA}`)).json();
    expect(detail.chainRoles).toEqual([
      expect.objectContaining({ chainId: "electronics", chainName: "电子信息", role: "leader", year: 2022 }),
    ]);
    expect(detail.canDesignateChainRoles).toBe(false);
    const history = (await get(leader, `/api/enterprises/${world.enterpriseA}/history`)).json();
    expect(history.items.map((item: { entityType: string }) => item.entityType)).toContain("enterprise_chain_role");
  });

  it("filters the register by role and shows each chain's leaders for the dashboards", async () => {
    const leaders = (await get(leader, "/api/enterprises?chainRole=leader")).json();
    expect(leaders.items.map((item: { id: number }) => item.id)).toEqual([world.enterpriseA]);
    expect((await get(leader, "/api/enterprises?chainRole=leader&year=2021")).json().items).toEqual([]);
    expect((await get(leader, "/api/enterprises?chainRole=backbone&chain=biomedicine")).json().total).toBe(1);
    const bad = await get(leader, "/api/enterprises?chainRole=chief");
    expect(bad.statusCode).toBe(400);

    const board = (await get(leader, "/api/chain-leaders")).json();
    expect(board.year).toBe(2022);
    expect(board.chains.find((chain: { id: string }) => chain.id === "electronics").leaders).toEqual([
      { id: world.enterpriseA, name: "景德镇甲电子有限公司" },
    ]);
    expect(board.chains.map((chain: { id: string }) => chain.id)).not.toContain("other");
    expect(board.designators).toContain("区工信局");
    const file = await get(leader, "/api/chain-leaders/export?year=2022");
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect((await get(enterprise, "/api/chain-leaders")).statusCode).toBe(403);
  });

  it("withdraws a designation, audited", async () => {
    const detail = (await get(designator, `/api/enterprises/${world.enterpriseA}`)).json();
    expect(detail.canDesignateChainRoles).toBe(true);
    const removed = await app.inject({
      method: "DELETE",
      url: `/api/enterprises/${world.enterpriseA}/chain-roles/${detail.chainRoles[0].id}`,
      headers: designator.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(leader, "/api/enterprises?chainRole=leader")).json().items).toEqual([]);
    const audit = await db.kysely
      .selectFrom("audit_log")
      .select("action")
      .where("entity_type", "=", "enterprise_chain_role")
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(["create", "create", "delete"]);
  });
});
