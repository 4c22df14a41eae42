import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  loginAs,
  type SeededWorld,
  type Session,
  seedWorld,
  testApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

const PARCEL = {
  code: "YL-2021-01",
  location: "鱼丽工业平台纬二路北侧",
  area: "12.35",
  use: "industrial",
  owner: "景德镇某陶瓷有限公司",
  status: "idle",
  idleSince: "2019-06-30",
};

describe.each(testDatabases())("the platform's land and zombie enterprises on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let keeper: Session;
  let otherUnit: Session;
  let town: number;
  let parcelId: number;

  const send = (session: Session, method: "POST" | "PUT", url: string, payload: unknown) =>
    app.inject({ method, url, headers: session.headers, payload: payload as Record<string, unknown> });
  const get = (session: Session, url: string) => app.inject({ url, headers: session.headers });
  const auditCount = async (entityType: string, action: string) =>
    Number(
      (
        await db.kysely
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("entity_type", "=", entityType)
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    db = await database.createMigrated();
    world = await seedWorld(db);
    app = await testApp(db);
    const keeperUnit = await unitIdOf(db, world.districtA, "key-projects-center");
    town = await unitIdOf(db, world.districtA, "liyang-town");
    await addAccount(db, world.districtA, "unit-land", "unit", { unitId: keeperUnit });
    office = await loginAs(app, "office-a");
    keeper = await loginAs(app, "unit-land");
    otherUnit = await loginAs(app, "unit-a");
  });
  afterAll(() => closeSuite(app, db));

  it("lets the unit the plan gives keepLandParcels add a parcel, and refuses others and bad input naming the field", async () => {
    const created = await send(keeper, "POST", "/api/land/parcels", { ...PARCEL, townUnitId: town });
    expect(created.statusCode).toBe(201);
    parcelId = created.json().id;
    expect(created.json()).toMatchObject({
      area: "12.35",
      status: "idle",
      town: { id: town },
      nextStatuses: ["recovering"],
    });

    const refused = await send(otherUnit, "POST", "/api/land/parcels", { ...PARCEL, code: "YL-X" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("区重点项目推进中心");

    const notANumber = await send(keeper, "POST", "/api/land/parcels", { ...PARCEL, code: "YL-2", area: "十二亩" });
    expect(notANumber.statusCode).toBe(400);
    expect(JSON.stringify(notANumber.json())).toContain("面积：不是数字");
    const twice = await send(keeper, "POST", "/api/land/parcels", PARCEL);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain("地块编号：“YL-2021-01”已在台账中");
    const missingDate = await send(keeper, "POST", "/api/land/parcels", {
      ...PARCEL,
      code: "YL-3",
      status: "recovered",
    });
    expect(missingDate.statusCode).toBe(400);
    expect(missingDate.json().error.message).toContain("开始收回日期：状态为“已收回”的地块须填写开始收回日期");
  });

  it("takes a parcel one step at a time and never from idle straight to built", async () => {
    const jump = await send(keeper, "POST", `/api/land/parcels/${parcelId}/step`, {
      status: "built",
      on: "2021-08-01",
    });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.message).toContain("状态：地块不能从“闲置”变为“已建设”，只能变为“收回中”");
    expect(
      (await send(keeper, "POST", `/api/land/parcels/${parcelId}/step`, { status: "recovering", on: "2021-08-01" }))
        .statusCode,
    ).toBe(200);
    const early = await send(keeper, "POST", `/api/land/parcels/${parcelId}/step`, {
      status: "recovered",
      on: "2021-07-01",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain("日期：不能早于地块上一步的日期（2021-08-01）");
    const recovered = await send(keeper, "POST", `/api/land/parcels/${parcelId}/step`, {
      status: "recovered",
      on: "2021-09-15",
    });
    expect(recovered.json()).toMatchObject({
      status: "recovered",
      recoveredOn: "2021-09-15",
      nextStatuses: ["relet", "built"],
    });

    await send(office, "POST", "/api/land/parcels", {
      ...PARCEL,
      code: "YL-2021-02",
      area: "7.5",
      status: "recovered",
      recoveryStartedOn: "2021-10-01",
      recoveredOn: "2021-11-20",
    });
    const list = (await get(office, "/api/land/parcels")).json();
    expect(list.totals.all).toEqual({ area: "19.85", count: 2 });
    expect(list.totals.byStatus.find((line: { status: string }) => line.status === "recovered")).toEqual({
      status: "recovered",
      area: "19.85",
      count: 2,
    });
    expect(
      list.totals.byTown.map((line: { town: { name: string } | null; all: unknown }) => [
        line.town?.name ?? null,
        line.all,
      ]),
    ).toEqual([
      ["丽阳镇", { area: "12.35", count: 1 }],
      [null, { area: "7.5", count: 1 }],
    ]);
    expect((await get(office, "/api/land/parcels?status=idle")).json().items).toHaveLength(0);
    expect(await auditCount("land_parcel", "create")).toBe(2);
    expect(await auditCount("land_parcel", "status_step")).toBe(2);

    const exported = await get(office, "/api/land/parcels/export");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toContain("spreadsheetml");
  });

  it("suggests zombie enterprises from the monthly figures by the office's criteria, and counts their disposal in the M1 task", async () => {
    const rows = [];
    for (let month = 1; month <= 12; month++) {
      for (const metric of ["revenue", "tax"]) {
        rows.push({
          district_id: world.districtA,
          enterprise_id: world.enterpriseA2,
          year: 2021,
          month,
          metric,
          value: month <= 2 && metric === "revenue" ? 150_000_00n : 0n,
          source_kind: "import",
          source_ref: "test.xlsx",
          official: 1,
          recorded_at: new Date().toISOString(),
        });
      }
    }
    await db.kysely.insertInto("figures").values(rows).execute();
    let zombies = (await get(keeper, "/api/zombies")).json();
    expect(zombies.criteria).toMatchObject({ noRevenueMonths: 12, noTaxMonths: 12, setBy: "plan" });
    expect(zombies.figuresThrough).toBe("2021-12");
    expect(zombies.suggestions).toEqual([
      {
        enterprise: { id: world.enterpriseA2, name: "景德镇乙医药有限公司" },
        creditCode: "91360202MA35XXXX02",
        criteria: ["noTax"],
        lastRevenueMonth: "2021-02",
      },
    ]);
    expect(
      (await send(keeper, "PUT", "/api/zombies/criteria", { noRevenueMonths: 10, noTaxMonths: 12 })).statusCode,
    ).toBe(403);
    const criteria = await send(office, "PUT", "/api/zombies/criteria", { noRevenueMonths: 10, noTaxMonths: 24 });
    expect(criteria.json()).toMatchObject({
      noRevenueMonths: 10,
      noTaxMonths: 24,
      setBy: "office",
      planNoRevenueMonths: 12,
    });
    expect((await get(keeper, "/api/zombies")).json().suggestions[0].criteria).toEqual(["noRevenue"]);
    expect(await auditCount("zombie_criteria", "update")).toBe(1);

    const none = await send(keeper, "POST", "/api/zombies", {
      enterpriseId: world.enterpriseA2,
      decision: "confirm",
      criteria: [],
      finding: "停产一年",
      on: "2022-01-10",
    });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json())).toContain("认定标准：认定为僵尸企业须至少符合一项标准");
    const confirmed = await send(keeper, "POST", "/api/zombies", {
      enterpriseId: world.enterpriseA2,
      decision: "confirm",
      criteria: ["noRevenue", "productionStopped"],
      finding: "2021年3月起停产，无营业收入",
      on: "2022-01-10",
    });
    expect(confirmed.statusCode).toBe(201);
    const caseId = confirmed.json().id;
    zombies = (await get(office, "/api/zombies")).json();
    expect(zombies.suggestions).toEqual([]);
    expect(zombies.cases[0]).toMatchObject({ status: "confirmed", unitName: "区重点项目推进中心" });
    const early = await send(keeper, "POST", `/api/zombies/${caseId}/disposal`, {
      disposal: "merger",
      startedOn: "2022-01-01",
    });
    expect(early.json().error.message).toContain("开始处置日期：不能早于认定日期（2022-01-10）");
    const disposed = await send(keeper, "POST", `/api/zombies/${caseId}/disposal`, {
      disposal: "merger",
      startedOn: "2022-02-01",
      disposedOn: "2022-05-20",
      note: "由同行业企业兼并重组",
    });
    expect(disposed.json()).toMatchObject({ status: "disposed", disposal: "merger", disposedOn: "2022-05-20" });
    expect(await auditCount("zombie_case", "confirm")).toBe(1);
    expect(await auditCount("zombie_case", "dispose")).toBe(1);
    expect((await get(office, "/api/zombies/export")).statusCode).toBe(200);

    // The M1 tasks take their quantities from these records.
    expect((await send(office, "POST", "/api/tasks/seed", {})).statusCode).toBe(200);
    const tasks = (await get(office, "/api/tasks?measure=M1&asOf=2022-07-15")).json().items as {
      id: number;
      planTaskId: string;
      quantityFrom: string | null;
      health: { achievedQuantity: string | null };
    }[];
    const land = tasks.find((task) => task.planTaskId === "M1-idle-land");
    const zombieTask = tasks.find((task) => task.planTaskId === "M1-zombie-enterprises");
    expect(land).toMatchObject({ quantityFrom: "land.idleAreaRecovered", health: { achievedQuantity: "19.85" } });
    expect(zombieTask).toMatchObject({ quantityFrom: "zombies.disposed", health: { achievedQuantity: "1" } });
    const detail = (await get(office, `/api/tasks/${land?.id}?asOf=2022-07-15`)).json();
    expect(
      detail.periods
        .filter((period: { computedQuantity: string | null }) => period.computedQuantity !== null)
        .map((period: { key: string; computedQuantity: string }) => [period.key, period.computedQuantity]),
    ).toEqual([
      ["2021-Q3", "12.35"],
      ["2021-Q4", "7.5"],
      ["2022-Q1", "0"],
      ["2022-Q2", "0"],
      ["2022-Q3", "0"],
    ]);
    const zombieDetail = (await get(office, `/api/tasks/${zombieTask?.id}?asOf=2022-07-15`)).json();
    expect(zombieDetail.periods.find((period: { key: string }) => period.key === "2022-Q2").computedQuantity).toBe("1");
  });

  it("refuses a typed quantity in a report on a task whose quantity comes from the records", async () => {
    const keeperTasks = (await get(keeper, "/api/tasks?measure=M1")).json().items as {
      id: number;
      planTaskId: string;
    }[];
    const land = keeperTasks.find((task) => task.planTaskId === "M1-idle-land");
    const detail = (await get(keeper, `/api/tasks/${land?.id}`)).json();
    const open = detail.periods.find(
      (period: { state: string }) => period.state === "overdue" || period.state === "open",
    );
    const typed = await app.inject({
      method: "POST",
      url: `/api/tasks/${land?.id}/reports`,
      headers: keeper.headers,
      payload: { period: open.key, content: "本期收回闲置用地", quantity: "30", attachments: [] },
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toContain(
      "字段 quantity：此任务的完成数量由台账自动计算（收回闲置用地面积（地块台账）），不需填写",
    );
  });
});
