/**
 * Puts the Changjiang plan and the synthetic demo data into a database, in one transaction, audited as
 * the actor "演示数据". Demo accounts have published passwords, so the demo goes only into an empty
 * database unless the operator insists (force), and never twice.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { createUser } from "../capabilities/accounts/index";
import { rebuildFigureSummaries } from "../capabilities/figures/index";
import { loadPlanIntoDistrict } from "../capabilities/plan/index";
import { todayInDistrict } from "../capabilities/projects/index";
import { recomputeWarnings } from "../capabilities/register/index";
import { listUnitRows } from "../capabilities/units/index";
import { listUserProfiles } from "../platform/auth/users.repository";
import type { DbContext } from "../platform/db/database";
import { inTransaction } from "../platform/db/transaction";
import { findActivePlan, findDistrict } from "../platform/plan/districts.repository";
import { timestampOn } from "./dates";
import {
  countDistrictRows,
  countDistricts,
  existingUsernames,
  insertBlockers,
  insertDecisions,
  insertDemoRows,
  insertEnterprises as insertEnterpriseRows,
  insertFigures,
  insertProjects as insertProjectRows,
  insertScaleYears,
} from "./demo-data.repository";
import {
  auditDemo,
  DEMO_ACTOR,
  type DemoWriter,
  demoStaff,
  demoWriter,
  insertAudited,
  insertEnterpriseRecords,
} from "./demo-writer";
import { playChainRolesAndEvents } from "./events-demo";
import { playFeeList } from "./fees-demo";
import {
  DEMO_ACCOUNT_LOGINS,
  DEMO_ACTOR_LABEL,
  type DemoAccount,
  type DemoDataset,
  demoRandomStream,
  generateDemoData,
} from "./generate";
import { playLand } from "./land-demo";
import { DEMO_REGION, demoRegionProfiles, playRegion } from "./region-demo";
import { playEnterpriseRequests } from "./requests-demo";
import { playRewardHistory } from "./reward-history";
import { playSupervisionHistory } from "./supervision-history";
import { playTalentLedger } from "./talent-demo";

export { DEMO_ACTOR } from "./demo-writer";

const REPOSITORY_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** The plan the product ships with, which the demo data belongs to. */
export const CHANGJIANG_PLAN_FILE = path.join(REPOSITORY_ROOT, "plans/changjiang-2021-2023/plan.yaml");

export function readChangjiangPlan(file = CHANGJIANG_PLAN_FILE): PlanFile {
  return parsePlan(readFileSync(file, "utf8"), path.relative(REPOSITORY_ROOT, file) || file).plan;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: DemoAccount["role"];
  displayName: string;
  /** The unit or enterprise the account belongs to, by name. */
  affiliation: string | null;
}

export type DemoLoadOutcome =
  | {
      status: "loaded";
      districtId: string;
      districtName: string;
      planLoaded: boolean;
      counts: {
        enterprises: number;
        figures: number;
        projects: number;
        users: number;
        designations: number;
        listingEvents: number;
        grants: number;
        techProjects: number;
        /** Entitlements of the first plan year taken through the workflow. */
        rewardsOfFirstYear: number;
        /** Tasks seeded from the plan, their progress reports (returned ones included) and open revenue warnings. */
        tasks: number;
        taskReports: number;
        revenueWarnings: number;
      };
      logins: DemoLogin[];
    }
  | { status: "already-loaded"; districtId: string; districtName: string; logins: DemoLogin[] }
  | { status: "refused"; reason: string };

export interface LoadDemoOptions {
  /** Add the demo to a database that already holds other data (its accounts' passwords are public). */
  force?: boolean;
  plan?: PlanFile;
}

/** True when the database holds no district at all (what `serve --demo-if-empty` looks for). */
export async function databaseIsEmpty(db: DbContext): Promise<boolean> {
  return (await countDistricts(db)) === 0;
}

/**
 * Loads the plan (if its district has no active plan) and the demo data into the plan's district.
 * Refuses a database that holds anything else unless `force`; reports an existing demo instead of
 * loading it twice.
 */
export async function loadDemo(db: DbContext, options: LoadDemoOptions = {}): Promise<DemoLoadOutcome> {
  const plan = options.plan ?? readChangjiangPlan();
  const districtId = plan.district.code;
  const district = await findDistrict(db, districtId);
  if (district) {
    const rows = await countDistrictRows(db, districtId);
    if (rows.demoEnterprises > 0 || rows.demoProjects > 0) {
      return {
        status: "already-loaded",
        districtId,
        districtName: district.name,
        logins: await storedLogins(db, districtId),
      };
    }
  }
  const districts = await countDistricts(db);
  if (districts > 0 && !options.force) {
    return {
      status: "refused",
      reason:
        `数据库不是空的（已有 ${districts} 个区县的数据）。演示数据只应放入空数据库：它带有公开密码的演示账号。` +
        "如确需加入，请加 --force。/ The database is not empty; demo accounts have published passwords. Use --force to add the demo anyway.",
    };
  }
  const taken = await existingUsernames(
    db,
    DEMO_ACCOUNT_LOGINS.map((account) => account.username),
  );
  if (taken.length > 0) {
    return { status: "refused", reason: `用户名已被使用，无法创建演示账号：${taken.join("、")}` };
  }

  return inTransaction(db, async (tx) => {
    const hadPlan = (await findActivePlan(tx, districtId)) !== undefined;
    if (!hadPlan) await loadPlanIntoDistrict(tx, plan, DEMO_ACTOR);
    const units = await unitRefs(tx, districtId);
    const dataset = generateDemoData({ units, today: todayInDistrict() });
    const counts = await insertDemoData(tx, districtId, dataset);
    const name = (await findDistrict(tx, districtId))?.name ?? plan.district.name;
    return {
      status: "loaded",
      districtId,
      districtName: name,
      planLoaded: !hadPlan,
      counts,
      logins: await storedLogins(tx, districtId),
    };
  });
}

async function unitRefs(db: DbContext, districtId: string) {
  return (await listUnitRows(db, districtId)).map((unit) => ({ code: unit.code, name: unit.name, kind: unit.kind }));
}

/** The demo accounts as stored (an operator may have disabled one since): with their unit or enterprise. */
async function storedLogins(db: DbContext, districtId: string): Promise<DemoLogin[]> {
  const rows = [...(await listUserProfiles(db, districtId)), ...(await demoRegionProfiles(db))];
  const profiles = new Map(rows.map((row) => [row.username, row]));
  return DEMO_ACCOUNT_LOGINS.flatMap(({ unitName: _unitName, ...login }) => {
    const profile = profiles.get(login.username);
    if (!profile || profile.disabled) return [];
    return [
      {
        ...login,
        affiliation: profile.unit_name ?? profile.enterprise_name ?? (profile.region_id ? DEMO_REGION.name : null),
      },
    ];
  });
}

/**
 * Writes the dataset into a district (inside the caller's transaction) and audits each record. Each part of the
 * demo is one call below; a part that needs ids of what came before finds them in the writer.
 */
async function insertDemoData(tx: DbContext, districtId: string, dataset: DemoDataset) {
  const units = new Map((await listUnitRows(tx, districtId)).map((unit) => [unit.code, unit.id]));
  const writer = demoWriter(tx, districtId, dataset, units);
  // Staff accounts first (enterprises name their leader), enterprise accounts once their enterprise exists.
  await createAccounts(writer, (account) => account.role !== "enterprise" && account.role !== "region");
  await insertEnterprises(writer);
  await createAccounts(writer, (account) => account.role === "enterprise");
  await insertProjects(writer);
  await insertProjectFollowUp(writer);
  await insertRegisterRecords(writer);
  await insertDistrictInputs(writer);
  await insertRewardInputs(writer);
  const rewarded = await playFirstRewardYear(writer);
  const supervision = await playSupervision(writer);
  const requests = await playEnterpriseRequests(writer);
  const feeRecords = await playFeeList(writer);
  const entrepreneurs = await playChainRolesAndEvents(writer);
  const landRecords = await playLand(writer);
  const talentRecords = await playTalentLedger(writer);
  await playRegion(writer);
  // The key enterprises' monthly revenue against the same month a year earlier, as the figures service does.
  const warnings = await recomputeWarnings(tx, districtId);
  await auditFigures(writer);
  return {
    enterprises: dataset.enterprises.length,
    figures: dataset.figures.length,
    projects: dataset.projects.length,
    users: dataset.accounts.length,
    designations: dataset.designations.length,
    listingEvents: dataset.listingEvents.length,
    grants: dataset.grants.length,
    techProjects: dataset.techProjects.length,
    rewardsOfFirstYear: rewarded,
    tasks: supervision.tasks,
    taskReports: supervision.reports,
    enterpriseRequests: requests,
    feeRecords,
    chainRoles: entrepreneurs.chainRoles,
    entrepreneurEvents: entrepreneurs.events,
    landRecords,
    talentRecords,
    revenueWarnings: warnings.open,
  };
}

async function createAccounts(writer: DemoWriter, which: (account: DemoAccount) => boolean) {
  for (const account of writer.dataset.accounts.filter(which)) {
    const user = await createUser(
      writer.tx,
      {
        districtId: writer.districtId,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        unitId: writer.unitId(account.unitCode),
        enterpriseId: account.enterpriseCreditCode === null ? null : writer.enterpriseId(account.enterpriseCreditCode),
        password: account.password,
        mustChangePassword: false,
      },
      DEMO_ACTOR,
    );
    writer.ids.users.set(account.username, user.id);
  }
}

/** The enterprises, their years above scale and their figures (many rows: one audit entry for all, at the end). */
async function insertEnterprises(writer: DemoWriter) {
  const { tx, districtId, now, dataset } = writer;
  const ids = await insertEnterpriseRows(
    tx,
    dataset.enterprises.map((e) => ({
      district_id: districtId,
      credit_code: e.creditCode,
      name: e.name,
      town_unit_id: writer.unitId(e.townUnitCode),
      chain_id: e.chainId,
      industry_code: e.industryCode,
      is_key: e.isKey ? 1 : 0,
      leader_user_id: writer.userId(e.leaderUsername),
      listing_stage: e.listingStage,
      is_demo: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  for (const [creditCode, id] of ids) writer.ids.enterprises.set(creditCode, id);
  await insertScaleYears(
    tx,
    dataset.enterprises.flatMap((e) =>
      e.scaleYears.map((s) => ({ enterprise_id: writer.enterpriseId(e.creditCode), year: s.year, status: s.status })),
    ),
  );
  await insertFigures(
    tx,
    dataset.figures.map((f) => ({
      district_id: districtId,
      enterprise_id: writer.enterpriseId(f.creditCode),
      year: f.year,
      month: f.month,
      metric: f.metric,
      value: f.value,
      source_kind: "demo",
      source_ref: DEMO_ACTOR_LABEL,
      official: 1,
      recorded_at: now,
      recorded_by: null,
      superseded_by: null,
    })),
  );
  await rebuildFigureSummaries(tx, districtId);
  for (const e of dataset.enterprises) {
    await auditDemo(writer, {
      entityType: "enterprise",
      entityId: writer.enterpriseId(e.creditCode),
      after: {
        creditCode: e.creditCode,
        name: e.name,
        chainId: e.chainId,
        townUnitCode: e.townUnitCode,
        isKey: e.isKey,
        listingStage: e.listingStage,
        scaleYears: e.scaleYears,
        isDemo: true,
      },
    });
  }
}

/** Figures are many (one row per enterprise, metric and period): one entry records the whole batch. */
async function auditFigures(writer: DemoWriter) {
  const { figures, enterprises } = writer.dataset;
  await auditDemo(writer, {
    action: "import",
    entityType: "figures",
    entityId: null,
    after: {
      sourceKind: "demo",
      rows: figures.length,
      enterprises: enterprises.length,
      years: [...new Set(figures.map((f) => f.year))],
    },
  });
}

/** The investment projects with their stage dates and moves. */
async function insertProjects(writer: DemoWriter) {
  const { tx, districtId, now, dataset } = writer;
  const ids = await insertProjectRows(
    tx,
    dataset.projects.map((p) => ({
      district_id: districtId,
      code: p.code,
      name: p.name,
      investor: p.investor,
      chain_id: p.chainId,
      planned_investment_fen: p.plannedInvestmentFen,
      completed_investment_fen: p.completedInvestmentFen,
      manufacturing: p.manufacturing ? 1 : 0,
      source_unit_id: writer.unitId(p.sourceUnitCode),
      origin: p.origin,
      lead_unit_id: writer.unitId(p.leadUnitCode),
      leader_user_id: writer.userId(p.leaderUsername),
      enterprise_id: p.enterpriseCreditCode === null ? null : writer.enterpriseId(p.enterpriseCreditCode),
      location: p.location,
      stage: p.stage,
      introduced_year: p.introducedYear,
      production_year: p.productionYear,
      is_demo: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  for (const [code, id] of ids) writer.ids.projects.set(code, id);
  const schedules = new Map(dataset.projectSchedules.map((schedule) => [schedule.projectCode, schedule]));
  await insertDemoRows(
    tx,
    "project_stage_dates",
    dataset.projectSchedules.flatMap((schedule) =>
      schedule.dates
        .filter((date) => date.plannedOn !== null || date.reachedOn !== null)
        .map((date) => ({
          project_id: writer.projectId(schedule.projectCode),
          stage: date.stage,
          planned_on: date.plannedOn,
          reached_on: date.reachedOn,
          reached_by: null,
          updated_at: now,
        })),
    ),
  );
  await insertDemoRows(
    tx,
    "project_stage_moves",
    dataset.projectSchedules.flatMap((schedule) =>
      schedule.moves.map((move) => ({
        district_id: districtId,
        project_id: writer.projectId(schedule.projectCode),
        from_stage: move.fromStage,
        to_stage: move.toStage,
        reached_on: move.reachedOn,
        reason: move.reason,
        moved_by: null,
        moved_by_label: DEMO_ACTOR_LABEL,
        moved_at: timestampOn(move.reachedOn),
      })),
    ),
  );
  for (const p of dataset.projects) {
    const schedule = schedules.get(p.code);
    await auditDemo(writer, {
      entityType: "project",
      entityId: writer.projectId(p.code),
      after: {
        code: p.code,
        name: p.name,
        plannedInvestmentFen: p.plannedInvestmentFen.toString(),
        stage: p.stage,
        introducedYear: p.introducedYear,
        productionYear: p.productionYear,
        stageDates: schedule?.dates ?? [],
        stageMoves: schedule?.moves.length ?? 0,
        isDemo: true,
      },
    });
  }
}

/** 2021–2023's tasks, reports, bulletin and summons (supervision-history.ts); needs the office and the commission. */
async function playSupervision(writer: DemoWriter) {
  const office = demoStaff(writer, "demo-office", "office");
  const inspector = demoStaff(writer, "demo-inspector", "inspector");
  if (office === undefined || inspector === undefined) return { tasks: 0, reports: 0 };
  const unitAccounts = new Map<number, number>();
  for (const account of writer.dataset.accounts.filter((a) => a.role === "unit")) {
    const unit = writer.unitId(account.unitCode);
    const user = writer.ids.users.get(account.username);
    if (unit !== null && user !== undefined && !unitAccounts.has(unit)) unitAccounts.set(unit, user);
  }
  return playSupervisionHistory(
    writer.tx,
    writer.districtId,
    demoRandomStream(7),
    { office, inspector, unitAccounts },
    DEMO_ACTOR,
  );
}

/**
 * The first plan year's rewards, computed and taken through the workflow (reward-history.ts). Needs the office,
 * and 区财政局's demo account in its unit; a plan without that unit gets no reward history.
 */
async function playFirstRewardYear(writer: DemoWriter): Promise<number> {
  const office = demoStaff(writer, "demo-office", "office");
  const finance = demoStaff(writer, "demo-finance", "unit");
  if (office === undefined || finance === undefined || finance.unitId === null) return 0;
  const accountEnterpriseIds = new Set(
    writer.dataset.accounts.flatMap((a) =>
      a.enterpriseCreditCode === null ? [] : [writer.enterpriseId(a.enterpriseCreditCode)],
    ),
  );
  const counts = await playRewardHistory(
    writer.tx,
    demoRandomStream(6),
    { office, finance, accountEnterpriseIds },
    DEMO_ACTOR,
  );
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Problems raised on projects (直通车) and the leader's decisions, each audited as the services do. */
async function insertProjectFollowUp(writer: DemoWriter) {
  const { tx, districtId, dataset } = writer;
  const blockers = dataset.blockers.flatMap((blocker) => {
    const unit = writer.unitId(blocker.unitCode);
    return unit === null ? [] : [{ blocker, unit }];
  });
  const blockerIds = await insertBlockers(
    tx,
    blockers.map(({ blocker, unit }) => ({
      district_id: districtId,
      project_id: writer.projectId(blocker.projectCode),
      category: blocker.category,
      description: blocker.description,
      unit_id: unit,
      due_on: blocker.dueOn,
      status: blocker.status,
      answer: blocker.answer,
      answered_at: blocker.answeredOn === null ? null : timestampOn(blocker.answeredOn),
      answered_by: null,
      closed_on: blocker.closedOn,
      closed_by: null,
      created_at: timestampOn(blocker.raisedOn),
      created_by: writer.userId(blocker.raisedByUsername),
    })),
  );
  await auditEach(
    writer,
    "project_blocker",
    blockerIds,
    blockers.map(({ blocker }) => blocker),
  );

  const decisions = dataset.decisions.map((decision) => ({
    decision,
    author: dataset.accounts.find((account) => account.username === decision.leaderUsername),
  }));
  const decisionIds = await insertDecisions(
    tx,
    decisions.map(({ decision, author }) => ({
      district_id: districtId,
      project_id: writer.projectId(decision.projectCode),
      decided_on: decision.decidedOn,
      text: decision.text,
      author_id: writer.userId(decision.leaderUsername),
      author_label: author?.displayName ?? decision.leaderUsername,
      created_at: timestampOn(decision.decidedOn),
    })),
  );
  await auditEach(writer, "project_decision", decisionIds, dataset.decisions);
}

/** Audits records inserted one by one, each under the id it was given. */
async function auditEach(writer: DemoWriter, entityType: string, ids: readonly number[], records: readonly object[]) {
  for (const [index, record] of records.entries()) {
    await auditDemo(writer, { entityType, entityId: ids[index] ?? null, after: { ...record, isDemo: true } });
  }
}

/** Designations, listing steps and the leader's notes on enterprises. */
async function insertRegisterRecords(writer: DemoWriter) {
  const { now, dataset } = writer;
  await insertEnterpriseRecords(
    writer,
    "enterprise_designations",
    "enterprise_designation",
    dataset.designations,
    (d) => ({ kind: d.kind, level: d.level, year: d.year, created_at: now }),
    (d) => ({ kind: d.kind, level: d.level, year: d.year }),
  );
  await insertEnterpriseRecords(
    writer,
    "enterprise_listing_events",
    "enterprise_listing_event",
    dataset.listingEvents,
    (e) => ({ stage: e.stage, event_date: e.date, note: e.note, created_at: now }),
    (e) => ({ stage: e.stage, date: e.date, note: e.note }),
  );
  await insertEnterpriseRecords(
    writer,
    "enterprise_service_notes",
    "enterprise_service_note",
    dataset.serviceNotes,
    (n) => ({
      author_user_id: writer.userId(n.authorUsername),
      kind: n.kind,
      noted_on: n.notedOn,
      content: n.content,
      created_at: timestampOn(n.notedOn),
    }),
    (n) => ({ kind: n.kind, date: n.notedOn, content: n.content }),
  );
}

/** The district's yearly fixed-asset investment (entered by 区统计局) and the online service items. */
async function insertDistrictInputs(writer: DemoWriter) {
  const { districtId, now, dataset } = writer;
  const statistics = writer.userId("demo-stats");
  await insertAudited(
    writer,
    "district_investment_years",
    dataset.investmentYears,
    (row) => ({
      district_id: districtId,
      year: row.year,
      total_fen: row.totalFen,
      manufacturing_fen: row.manufacturingFen,
      updated_at: now,
      updated_by: statistics,
    }),
    (row) => ({
      entityType: "district_investment_year",
      entityId: row.year,
      after: { year: row.year, total_fen: String(row.totalFen), manufacturing_fen: String(row.manufacturingFen) },
    }),
  );
  const items = dataset.serviceItems.map((item) => ({
    district_id: districtId,
    code: item.code,
    name: item.name,
    unit_id: writer.unitId(item.unitCode),
    online: item.online ? 1 : 0,
    updated_at: now,
  }));
  await insertDemoRows(writer.tx, "online_service_items", items);
  await auditDemo(writer, {
    action: "update",
    entityType: "online_service_items",
    entityId: districtId,
    before: [],
    after: items.map(({ code, name, unit_id, online }) => ({ code, name, unit_id, online })),
  });
}

/** Support grants, tech-transformation projects, one-off events and the yearly rewards budget. */
async function insertRewardInputs(writer: DemoWriter) {
  const { districtId, now, dataset } = writer;
  await insertEnterpriseRecords(
    writer,
    "enterprise_grants",
    "enterprise_grant",
    dataset.grants,
    (g) => ({
      code: g.code,
      year: g.year,
      level: g.level,
      purpose: g.purpose,
      amount_fen: g.amountFen,
      source: DEMO_ACTOR_LABEL,
      created_at: now,
    }),
    (g) => ({ code: g.code, year: g.year, level: g.level, purpose: g.purpose, amountFen: String(g.amountFen) }),
  );
  await insertEnterpriseRecords(
    writer,
    "tech_projects",
    "tech_project",
    dataset.techProjects,
    (t) => ({
      code: t.code,
      name: t.name,
      year: t.year,
      investment_fen: t.investmentFen,
      equipment_invoices_fen: t.equipmentInvoicesFen,
      tech_funds_received: t.techFundsReceived ? 1 : 0,
      source: DEMO_ACTOR_LABEL,
      created_at: now,
    }),
    (t) => ({
      code: t.code,
      name: t.name,
      year: t.year,
      investmentFen: String(t.investmentFen),
      equipmentInvoicesFen: String(t.equipmentInvoicesFen),
      techFundsReceived: t.techFundsReceived,
    }),
  );
  await insertEnterpriseRecords(
    writer,
    "enterprise_events",
    "enterprise_event",
    dataset.enterpriseEvents,
    (e) => ({ kind: e.kind, year: e.year, note: e.note, created_at: now }),
    (e) => ({ kind: e.kind, year: e.year, note: e.note }),
  );
  const office = writer.userId("demo-office");
  await insertAudited(
    writer,
    "reward_budgets",
    dataset.rewardBudgets,
    (budget) => ({
      district_id: districtId,
      year: budget.year,
      amount_fen: budget.amountFen,
      note: budget.note,
      updated_by: office,
      updated_at: now,
    }),
    (budget) => ({
      entityType: "reward_budget",
      entityId: budget.year,
      after: { year: budget.year, amountFen: String(budget.amountFen), note: budget.note },
    }),
  );
}
