import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import {
  addAccount,
  closeSuite,
  loginAs,
  type SeededWorld,
  type Session,
  seededApp,
  unitIdOf,
} from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";

interface SupportJson {
  grants: {
    id: number;
    code: string;
    year: number;
    amountFen: string;
    official: boolean;
    sourceKind: string;
    source: string;
    recordedBy: string | null;
    supersededBy: number | null;
    correctedBy: string | null;
    correctedAt: string | null;
  }[];
  techProjects: {
    id: number;
    code: string;
    investmentFen: string;
    equipmentInvoicesFen: string;
    official: boolean;
    supersededBy: number | null;
  }[];
  events: { id: number; kind: string; year: number; supersededBy: number | null }[];
  access: { grants: boolean; events: boolean; selfReport: boolean };
}

const grant = (code: string, extra: object = {}) => ({
  code,
  year: 2022,
  level: "national",
  purpose: "project",
  amount: "100",
  unit: "万元",
  ...extra,
});

const techProject = (code: string, extra: object = {}) => ({
  code,
  name: "智能产线技术改造",
  year: 2022,
  investment: "3000000",
  equipmentInvoices: "1234567.50",
  unit: "元",
  techFundsReceived: false,
  ...extra,
});

describe.each(testDatabases())("support grants, tech projects and reward events on $name", (database) => {
  let db: BeizengDb;
  let app: FastifyInstance;
  let world: SeededWorld;
  let office: Session;
  let commerce: Session;
  let industry: Session;
  let science: Session;
  let leader: Session;
  let enterprise: Session;
  let enterpriseA2: Session;
  let officeB: Session;

  async function unitAccount(username: string, unitCode: string) {
    await addAccount(db, world.districtA, username, "unit", { unitId: await unitIdOf(db, world.districtA, unitCode) });
    return loginAs(app, username);
  }

  beforeAll(async () => {
    ({ db, world, app } = await seededApp(database));
    office = await loginAs(app, "office-a");
    commerce = await loginAs(app, "unit-a");
    leader = await loginAs(app, "leader-a");
    enterprise = await loginAs(app, "enterprise-a");
    enterpriseA2 = await loginAs(app, "enterprise-a2");
    officeB = await loginAs(app, "office-b");
    industry = await unitAccount("industry-a", "industry-it-bureau");
    science = await unitAccount("science-a", "science-technology-bureau");
  });
  afterAll(() => closeSuite(app, db));

  const post = (session: Session, url: string, payload: object) =>
    app.inject({ method: "POST", url, headers: session.headers, payload });
  const support = async (session: Session, id = world.enterpriseA): Promise<SupportJson> => {
    const response = await app.inject({ url: `/api/enterprises/${id}/support`, headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it("validates grants with Chinese messages and converts amounts exactly", async () => {
    const url = `/api/enterprises/${world.enterpriseA}/grants`;
    const badLevel = await post(office, url, grant("G-BAD", { level: "county" }));
    expect(badLevel.statusCode).toBe(400);
    expect(badLevel.json().error.message).toContain("级别应为国家级、省级或市级");
    const future = await post(office, url, grant("G-BAD", { year: new Date().getFullYear() + 1 }));
    expect(future.json().error.message).toContain("年度不能晚于今年");
    const tooFine = await post(office, url, grant("G-BAD", { amount: "0.0000001" }));
    expect(tooFine.statusCode).toBe(400);
    expect(tooFine.json().error.message).toContain("最多两位小数");
    const separators = await post(office, url, grant("G-BAD", { amount: "1,000" }));
    expect(separators.json().error.message).toContain("千分位");

    const created = await post(office, url, grant("G-UNIT", { amount: "12.3456", note: "省级专项" }));
    expect(created.statusCode, created.body).toBe(201);
    const yuan = await post(office, url, grant("G-YUAN", { amount: "1234.56", unit: "元", level: "municipal" }));
    expect(yuan.statusCode).toBe(201);
    const rows = (await support(office)).grants;
    expect(rows.find((row) => row.code === "G-UNIT")?.amountFen).toBe("12345600");
    expect(rows.find((row) => row.code === "G-YUAN")?.amountFen).toBe("123456");
    const row = rows.find((r) => r.code === "G-UNIT");
    expect(row).toMatchObject({ official: true, sourceKind: "entry", source: "领导小组办公室：office-a" });

    // The code is unique in the district, across enterprises.
    const again = await post(office, `/api/enterprises/${world.enterpriseA2}/grants`, grant("G-UNIT"));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("只能登记一次");
  });

  it("lets the plan's M6/M8 lead units enter grants and tech projects, 区商务局 only events", async () => {
    const byIndustry = await post(industry, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-IND"));
    expect(byIndustry.statusCode, byIndustry.body).toBe(201);
    const byScience = await post(science, `/api/enterprises/${world.enterpriseA}/tech-projects`, techProject("T-SCI"));
    expect(byScience.statusCode, byScience.body).toBe(201);
    const byCommerce = await post(commerce, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-COM"));
    expect(byCommerce.statusCode).toBe(403);
    const eventByIndustry = await post(industry, `/api/enterprises/${world.enterpriseA}/reward-events`, {
      kind: "listed_move_in",
      year: 2022,
    });
    expect(eventByIndustry.statusCode).toBe(403);
    const eventByCommerce = await post(commerce, `/api/enterprises/${world.enterpriseA}/reward-events`, {
      kind: "listed_move_in",
      year: 2022,
      note: "并购重组后迁入",
    });
    expect(eventByCommerce.statusCode, eventByCommerce.body).toBe(201);
    const twice = await post(office, `/api/enterprises/${world.enterpriseA}/reward-events`, {
      kind: "listed_move_in",
      year: 2023,
    });
    expect(twice.statusCode).toBe(409);
    const leaderTries = await post(leader, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-LEAD"));
    expect(leaderTries.statusCode).toBe(403);
    const otherDistrict = await post(officeB, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-B"));
    expect(otherDistrict.statusCode).toBe(404);

    expect((await support(industry)).access).toEqual({ grants: true, events: false, selfReport: false });
    expect((await support(commerce)).access).toEqual({ grants: false, events: true, selfReport: false });
    expect((await support(leader)).access).toEqual({ grants: false, events: false, selfReport: false });
  });

  it("validates tech projects: invoices within the investment", async () => {
    const url = `/api/enterprises/${world.enterpriseA}/tech-projects`;
    const over = await post(office, url, techProject("T-OVER", { investment: "100", equipmentInvoices: "100.01" }));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain("设备购置发票金额不能超过技改投资额");
    const missing = await post(office, url, { ...techProject("T-MISS"), techFundsReceived: undefined });
    expect(missing.json().error.message).toContain("是否获得");
    const ok = await post(
      office,
      url,
      techProject("T-OK", { investment: "350", equipmentInvoices: "200", unit: "万元" }),
    );
    expect(ok.statusCode).toBe(201);
    const row = (await support(office)).techProjects.find((p) => p.code === "T-OK");
    expect(row).toMatchObject({ investmentFen: "350000000", equipmentInvoicesFen: "200000000", official: true });
  });

  it("keeps the old value visible when a grant is corrected", async () => {
    const created = await post(office, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-FIX"));
    const oldId = created.json().id as number;
    const same = await post(office, `/api/enterprise-grants/${oldId}/correct`, grant("G-FIX"));
    expect(same.statusCode).toBe(409);
    const corrected = await post(industry, `/api/enterprise-grants/${oldId}/correct`, grant("G-FIX", { amount: "80" }));
    expect(corrected.statusCode, corrected.body).toBe(200);
    const newId = corrected.json().id as number;
    const rows = (await support(office)).grants.filter((row) => row.code === "G-FIX");
    expect(rows).toHaveLength(2);
    const old = rows.find((row) => row.id === oldId);
    expect(old).toMatchObject({ amountFen: "100000000", supersededBy: newId, correctedBy: "industry-a" });
    expect(old?.correctedAt).toBeTruthy();
    expect(rows.find((row) => row.id === newId)).toMatchObject({ amountFen: "80000000", supersededBy: null });
    const twice = await post(office, `/api/enterprise-grants/${oldId}/correct`, grant("G-FIX", { amount: "70" }));
    expect(twice.statusCode).toBe(409);

    const history = (
      await app.inject({ url: `/api/enterprises/${world.enterpriseA}/history`, headers: office.headers })
    ).json().items as { entityType: string; action: string }[];
    expect(history.filter((entry) => entry.entityType === "enterprise_grant").map((e) => e.action)).toContain("update");
  });

  it("takes the enterprise's own reports as self-reported until confirmed, and never another's", async () => {
    const own = await post(enterprise, `/api/enterprises/${world.enterpriseA}/grants`, grant("G-SELF"));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().official).toBe(false);
    const other = await post(enterprise, `/api/enterprises/${world.enterpriseA2}/grants`, grant("G-OTHER"));
    expect(other.statusCode).toBe(403);
    const otherTech = await post(
      enterprise,
      `/api/enterprises/${world.enterpriseA2}/tech-projects`,
      techProject("T-X"),
    );
    expect(otherTech.statusCode).toBe(403);
    const otherRead = await app.inject({
      url: `/api/enterprises/${world.enterpriseA2}/support`,
      headers: enterprise.headers,
    });
    expect(otherRead.statusCode).toBe(403);
    const event = await post(enterprise, `/api/enterprises/${world.enterpriseA}/reward-events`, {
      kind: "top500_settled",
      year: 2022,
    });
    expect(event.statusCode).toBe(403);

    // Another enterprise cannot correct it; the enterprise cannot correct an official row.
    const id = own.json().id as number;
    const byA2 = await post(enterpriseA2, `/api/enterprise-grants/${id}/correct`, grant("G-SELF", { amount: "1" }));
    expect(byA2.statusCode).toBe(403);
    const officialId = (await support(office)).grants.find((row) => row.code === "G-UNIT")?.id;
    const officialFix = await post(
      enterprise,
      `/api/enterprise-grants/${officialId}/correct`,
      grant("G-UNIT", { amount: "1" }),
    );
    expect(officialFix.statusCode).toBe(403);
    const ownFix = await post(enterprise, `/api/enterprise-grants/${id}/correct`, grant("G-SELF", { amount: "90" }));
    expect(ownFix.statusCode, ownFix.body).toBe(200);
    const pendingId = ownFix.json().id as number;
    const cannotConfirm = await post(enterprise, `/api/enterprise-grants/${pendingId}/confirm`, {});
    expect(cannotConfirm.statusCode).toBe(403);
    const commerceConfirm = await post(commerce, `/api/enterprise-grants/${pendingId}/confirm`, {});
    expect(commerceConfirm.statusCode).toBe(403);
    const confirmed = await post(industry, `/api/enterprise-grants/${pendingId}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const again = await post(office, `/api/enterprise-grants/${pendingId}/confirm`, {});
    expect(again.statusCode).toBe(409);

    const mine = await support(enterprise);
    expect(mine.access).toEqual({ grants: false, events: false, selfReport: true });
    const selfRows = mine.grants.filter((row) => row.code === "G-SELF");
    expect(selfRows.map((row) => [row.sourceKind, row.official, row.supersededBy !== null])).toEqual([
      ["self_report", false, true],
      ["self_report", true, false],
    ]);
    expect((await support(enterpriseA2, world.enterpriseA2)).grants).toEqual([]);
  });

  it("exports each list as .xlsx", async () => {
    const response = await app.inject({
      url: `/api/enterprises/${world.enterpriseA}/grants/export`,
      headers: enterprise.headers,
    });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0]?.getSheetValues());
    expect(text).toContain("G-FIX");
    expect(text).toContain("已更正");
    const tech = await app.inject({
      url: `/api/enterprises/${world.enterpriseA}/tech-projects/export`,
      headers: office.headers,
    });
    expect(tech.statusCode).toBe(200);
  });

  it("pays R-MATCH on a national grant of 1,000,000 yuan in 2022, counting only the current official value", async () => {
    const target = world.enterpriseA2;
    const url = `/api/enterprises/${target}/grants`;
    const first = await post(office, url, grant("G-MATCH", { amount: "90", note: "国家级专项" }));
    // Corrected to the right amount: the superseded 90万 must not count.
    const fixed = await post(office, `/api/enterprise-grants/${first.json().id}/correct`, grant("G-MATCH"));
    expect(fixed.statusCode).toBe(200);
    const pendingSelf = await post(enterpriseA2, url, grant("G-PENDING", { amount: "500" }));
    expect(pendingSelf.json().official).toBe(false);

    const started = await post(office, "/api/rewards/batches", { year: 2022 });
    expect(started.statusCode, started.body).toBe(202);
    const batchId = started.json().id as number;
    for (let attempt = 0; attempt < 400; attempt++) {
      const batch = (await app.inject({ url: `/api/rewards/batches/${batchId}`, headers: office.headers })).json();
      if (batch.status !== "running") {
        expect(batch.status, JSON.stringify(batch)).toBe("done");
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const listed = await app.inject({
      url: `/api/rewards/entitlements?year=2022&rule=R-MATCH&enterpriseId=${target}&pageSize=100`,
      headers: office.headers,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as { ruleId: string; subjectId: string; amountFen: string; tier: string }[];
    const matches = items.filter((item) => item.ruleId === "R-MATCH");
    expect(matches.map((item) => [item.subjectId, item.tier, item.amountFen])).toEqual([
      ["G-MATCH", "0.20", "20000000"],
    ]);
  });
});
