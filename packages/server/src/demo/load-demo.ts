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
import type { DbContext } from "../db/database";
import { inTransaction } from "../db/transaction";
import {
  countDistrictRows,
  countDistricts,
  existingUsernames,
  insertBlockers,
  insertDecisions,
  insertDemoRows,
  insertEnterprises,
  insertFigures,
  insertProjects,
  insertScaleYears,
} from "../repositories/demo-data.repository";
import { findActivePlan, findDistrict } from "../repositories/districts.repository";
import { listUnitRows } from "../repositories/units.repository";
import { listUserProfiles } from "../repositories/users.repository";
import { type Actor, recordAudit } from "../services/audit.service";
import type { AuthUser } from "../services/auth.service";
import { recomputeWarnings } from "../services/enterprises-monitoring.service";
import { loadPlanIntoDistrict } from "../services/plan.service";
import { todayInDistrict } from "../services/projects.service";
import { createUser } from "../services/users.service";
import { timestampOn } from "./dates";
import {
  DEMO_ACCOUNT_LOGINS,
  DEMO_ACTOR_LABEL,
  type DemoAccount,
  type DemoDataset,
  demoRandomStream,
  generateDemoData,
} from "./generate";
import { playRewardHistory } from "./reward-history";
import { playSupervisionHistory } from "./supervision-history";

export const DEMO_ACTOR: Actor = { userId: null, label: DEMO_ACTOR_LABEL };

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
  const profiles = new Map((await listUserProfiles(db, districtId)).map((row) => [row.username, row]));
  return DEMO_ACCOUNT_LOGINS.flatMap(({ unitName: _unitName, ...login }) => {
    const profile = profiles.get(login.username);
    if (!profile || profile.disabled) return [];
    return [{ ...login, affiliation: profile.unit_name ?? profile.enterprise_name ?? null }];
  });
}

/** Writes the dataset into a district (inside the caller's transaction) and audits each record. */
async function insertDemoData(tx: DbContext, districtId: string, dataset: DemoDataset) {
  const now = new Date().toISOString();
  const unitIds = new Map((await listUnitRows(tx, districtId)).map((unit) => [unit.code, unit.id]));
  const unitId = (code: string | null) => (code === null ? null : (unitIds.get(code) ?? null));
  const userIds = new Map<string, number>();

  const createAccount = async (account: DemoAccount, enterpriseId: number | null) => {
    const user = await createUser(
      tx,
      {
        districtId,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        unitId: unitId(account.unitCode),
        enterpriseId,
        password: account.password,
        mustChangePassword: false,
      },
      DEMO_ACTOR,
    );
    userIds.set(account.username, user.id);
  };
  // Staff accounts first (enterprises name their leader), enterprise accounts once their enterprise exists.
  for (const account of dataset.accounts.filter((a) => a.role !== "enterprise")) await createAccount(account, null);
  const leaderId = (username: string | null) => (username === null ? null : (userIds.get(username) ?? null));

  const enterpriseIds = await insertEnterprises(
    tx,
    dataset.enterprises.map((e) => ({
      district_id: districtId,
      credit_code: e.creditCode,
      name: e.name,
      town_unit_id: unitId(e.townUnitCode),
      chain_id: e.chainId,
      industry_code: e.industryCode,
      is_key: e.isKey ? 1 : 0,
      leader_user_id: leaderId(e.leaderUsername),
      listing_stage: e.listingStage,
      is_demo: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  const enterpriseId = (creditCode: string) => {
    const id = enterpriseIds.get(creditCode);
    if (id === undefined) throw new Error(`demo enterprise ${creditCode} was not inserted`);
    return id;
  };
  await insertScaleYears(
    tx,
    dataset.enterprises.flatMap((e) =>
      e.scaleYears.map((s) => ({ enterprise_id: enterpriseId(e.creditCode), year: s.year, status: s.status })),
    ),
  );
  await insertFigures(
    tx,
    dataset.figures.map((f) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(f.creditCode),
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
  for (const e of dataset.enterprises) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "enterprise",
      entityId: enterpriseId(e.creditCode),
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
  for (const account of dataset.accounts.filter((a) => a.role === "enterprise")) {
    await createAccount(account, enterpriseId(account.enterpriseCreditCode!));
  }

  const projectIds = await insertProjects(
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
      source_unit_id: unitId(p.sourceUnitCode),
      origin: p.origin,
      lead_unit_id: unitId(p.leadUnitCode),
      leader_user_id: leaderId(p.leaderUsername),
      enterprise_id: p.enterpriseCreditCode === null ? null : enterpriseId(p.enterpriseCreditCode),
      location: p.location,
      stage: p.stage,
      introduced_year: p.introducedYear,
      production_year: p.productionYear,
      is_demo: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  const projectId = (code: string) => {
    const id = projectIds.get(code);
    if (id === undefined) throw new Error(`demo project ${code} was not inserted`);
    return id;
  };
  const schedules = new Map(dataset.projectSchedules.map((schedule) => [schedule.projectCode, schedule]));
  await insertDemoRows(
    tx,
    "project_stage_dates",
    dataset.projectSchedules.flatMap((schedule) =>
      schedule.dates
        .filter((date) => date.plannedOn !== null || date.reachedOn !== null)
        .map((date) => ({
          project_id: projectId(schedule.projectCode),
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
        project_id: projectId(schedule.projectCode),
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
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "project",
      entityId: projectId(p.code),
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
  await insertProjectFollowUp(tx, districtId, dataset, { projectId, unitId, userId: leaderId });
  await insertRegisterRecords(tx, districtId, dataset, enterpriseId, leaderId, now);
  await insertDistrictInputs(tx, districtId, dataset, { unitId, userId: leaderId }, now);
  await insertRewardInputs(tx, districtId, dataset, enterpriseId, leaderId, now);
  const rewarded = await playFirstRewardYear(tx, districtId, dataset, userIds, unitId, enterpriseId);
  const supervision = await playSupervision(tx, districtId, dataset, userIds, unitId);
  // The key enterprises' monthly revenue against the same month a year earlier, as the figures service does.
  const warnings = await recomputeWarnings(tx, districtId);
  // Figures are many (one row per enterprise, metric and period): one entry records the whole batch.
  await recordAudit(tx, {
    districtId,
    actor: DEMO_ACTOR,
    action: "import",
    entityType: "figures",
    after: {
      sourceKind: "demo",
      rows: dataset.figures.length,
      enterprises: dataset.enterprises.length,
      years: [...new Set(dataset.figures.map((f) => f.year))],
    },
  });
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
    revenueWarnings: warnings.open,
  };
}

function demoStaff(
  dataset: DemoDataset,
  districtId: string,
  id: number,
  username: string,
  role: AuthUser["role"],
  unit: number | null,
): AuthUser {
  return {
    id,
    username,
    displayName: dataset.accounts.find((a) => a.username === username)?.displayName ?? username,
    role,
    districtId,
    unitId: unit,
    enterpriseId: null,
    mustChangePassword: false,
  };
}

/** 2021–2023's tasks, reports, bulletin and summons (supervision-history.ts); needs the office and the commission. */
async function playSupervision(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  userIds: ReadonlyMap<string, number>,
  unitId: (code: string | null) => number | null,
) {
  const officeId = userIds.get("demo-office");
  const inspectorId = userIds.get("demo-inspector");
  if (officeId === undefined || inspectorId === undefined) return { tasks: 0, reports: 0 };
  const unitAccounts = new Map<number, number>();
  for (const account of dataset.accounts.filter((a) => a.role === "unit")) {
    const unit = unitId(account.unitCode);
    const user = userIds.get(account.username);
    if (unit !== null && user !== undefined && !unitAccounts.has(unit)) unitAccounts.set(unit, user);
  }
  return playSupervisionHistory(
    tx,
    districtId,
    demoRandomStream(7),
    {
      office: demoStaff(dataset, districtId, officeId, "demo-office", "office", null),
      inspector: demoStaff(dataset, districtId, inspectorId, "demo-inspector", "inspector", null),
      unitAccounts,
    },
    DEMO_ACTOR,
  );
}

/**
 * The first plan year's rewards, computed and taken through the workflow (reward-history.ts). Needs the office,
 * and 区财政局's demo account in its unit; a plan without that unit gets no reward history.
 */
async function playFirstRewardYear(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  userIds: ReadonlyMap<string, number>,
  unitId: (code: string | null) => number | null,
  enterpriseId: (creditCode: string) => number,
): Promise<number> {
  const account = (username: string) => dataset.accounts.find((a) => a.username === username);
  const officeId = userIds.get("demo-office");
  const financeId = userIds.get("demo-finance");
  const financeUnitId = unitId(account("demo-finance")?.unitCode ?? null);
  if (officeId === undefined || financeId === undefined || financeUnitId === null) return 0;
  const staff = (id: number, username: string, role: "office" | "unit", unit: number | null): AuthUser => ({
    id,
    username,
    displayName: account(username)?.displayName ?? username,
    role,
    districtId,
    unitId: unit,
    enterpriseId: null,
    mustChangePassword: false,
  });
  const enterpriseIds = new Set(
    dataset.accounts.flatMap((a) => (a.enterpriseCreditCode === null ? [] : [enterpriseId(a.enterpriseCreditCode)])),
  );
  const counts = await playRewardHistory(
    tx,
    demoRandomStream(6),
    {
      office: staff(officeId, "demo-office", "office", null),
      finance: staff(financeId, "demo-finance", "unit", financeUnitId),
      accountEnterpriseIds: enterpriseIds,
    },
    DEMO_ACTOR,
  );
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

interface Lookups {
  projectId: (code: string) => number;
  unitId: (code: string | null) => number | null;
  userId: (username: string | null) => number | null;
}

/** Problems raised on projects (直通车) and the leader's decisions, each audited as the services do. */
async function insertProjectFollowUp(tx: DbContext, districtId: string, dataset: DemoDataset, lookups: Lookups) {
  const blockers = dataset.blockers.flatMap((blocker) => {
    const unit = lookups.unitId(blocker.unitCode);
    return unit === null ? [] : [{ blocker, unit }];
  });
  const blockerIds = await insertBlockers(
    tx,
    blockers.map(({ blocker, unit }) => ({
      district_id: districtId,
      project_id: lookups.projectId(blocker.projectCode),
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
      created_by: lookups.userId(blocker.raisedByUsername),
    })),
  );
  for (const [index, { blocker }] of blockers.entries()) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "project_blocker",
      entityId: blockerIds[index] ?? null,
      after: { ...blocker, isDemo: true },
    });
  }

  const decisions = dataset.decisions.map((decision) => ({
    decision,
    author: dataset.accounts.find((account) => account.username === decision.leaderUsername),
  }));
  const decisionIds = await insertDecisions(
    tx,
    decisions.map(({ decision, author }) => ({
      district_id: districtId,
      project_id: lookups.projectId(decision.projectCode),
      decided_on: decision.decidedOn,
      text: decision.text,
      author_id: lookups.userId(decision.leaderUsername),
      author_label: author?.displayName ?? decision.leaderUsername,
      created_at: timestampOn(decision.decidedOn),
    })),
  );
  for (const [index, { decision }] of decisions.entries()) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "project_decision",
      entityId: decisionIds[index] ?? null,
      after: { ...decision, isDemo: true },
    });
  }
}

/**
 * Designations, listing steps and the leader's notes. Each is audited under the enterprise's id, as the register
 * does, so that it shows in the enterprise's history.
 */
async function insertRegisterRecords(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  enterpriseId: (creditCode: string) => number,
  userId: (username: string | null) => number | null,
  now: string,
) {
  await insertDemoRows(
    tx,
    "enterprise_designations",
    dataset.designations.map((d) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(d.creditCode),
      kind: d.kind,
      level: d.level,
      year: d.year,
      created_at: now,
    })),
  );
  await insertDemoRows(
    tx,
    "enterprise_listing_events",
    dataset.listingEvents.map((event) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(event.creditCode),
      stage: event.stage,
      event_date: event.date,
      note: event.note,
      created_at: now,
    })),
  );
  await insertDemoRows(
    tx,
    "enterprise_service_notes",
    dataset.serviceNotes.map((note) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(note.creditCode),
      author_user_id: userId(note.authorUsername),
      kind: note.kind,
      noted_on: note.notedOn,
      content: note.content,
      created_at: timestampOn(note.notedOn),
    })),
  );
  const entries: [string, string, object][] = [
    ...dataset.designations.map((d): [string, string, object] => [
      "enterprise_designation",
      d.creditCode,
      { kind: d.kind, level: d.level, year: d.year },
    ]),
    ...dataset.listingEvents.map((e): [string, string, object] => [
      "enterprise_listing_event",
      e.creditCode,
      { stage: e.stage, date: e.date, note: e.note },
    ]),
    ...dataset.serviceNotes.map((n): [string, string, object] => [
      "enterprise_service_note",
      n.creditCode,
      { kind: n.kind, date: n.notedOn, content: n.content },
    ]),
  ];
  for (const [entityType, creditCode, after] of entries) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType,
      entityId: enterpriseId(creditCode),
      after: { ...after, isDemo: true },
    });
  }
}

/** The district's yearly fixed-asset investment (entered by 区统计局) and the online service items. */
async function insertDistrictInputs(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  lookups: Pick<Lookups, "unitId" | "userId">,
  now: string,
) {
  const statistics = lookups.userId("demo-stats");
  await insertDemoRows(
    tx,
    "district_investment_years",
    dataset.investmentYears.map((row) => ({
      district_id: districtId,
      year: row.year,
      total_fen: row.totalFen,
      manufacturing_fen: row.manufacturingFen,
      updated_at: now,
      updated_by: statistics,
    })),
  );
  for (const row of dataset.investmentYears) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "district_investment_year",
      entityId: row.year,
      after: { year: row.year, total_fen: String(row.totalFen), manufacturing_fen: String(row.manufacturingFen) },
    });
  }
  const items = dataset.serviceItems.map((item) => ({
    district_id: districtId,
    code: item.code,
    name: item.name,
    unit_id: lookups.unitId(item.unitCode),
    online: item.online ? 1 : 0,
    updated_at: now,
  }));
  await insertDemoRows(tx, "online_service_items", items);
  await recordAudit(tx, {
    districtId,
    actor: DEMO_ACTOR,
    action: "update",
    entityType: "online_service_items",
    entityId: districtId,
    before: [],
    after: items.map(({ code, name, unit_id, online }) => ({ code, name, unit_id, online })),
  });
}

/** Support grants, tech-transformation projects, one-off events and the yearly rewards budget. */
async function insertRewardInputs(
  tx: DbContext,
  districtId: string,
  dataset: DemoDataset,
  enterpriseId: (creditCode: string) => number,
  userId: (username: string | null) => number | null,
  now: string,
) {
  await insertDemoRows(
    tx,
    "enterprise_grants",
    dataset.grants.map((grant) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(grant.creditCode),
      code: grant.code,
      year: grant.year,
      level: grant.level,
      purpose: grant.purpose,
      amount_fen: grant.amountFen,
      source: DEMO_ACTOR_LABEL,
      created_at: now,
    })),
  );
  await insertDemoRows(
    tx,
    "tech_projects",
    dataset.techProjects.map((project) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(project.creditCode),
      code: project.code,
      name: project.name,
      year: project.year,
      investment_fen: project.investmentFen,
      equipment_invoices_fen: project.equipmentInvoicesFen,
      tech_funds_received: project.techFundsReceived ? 1 : 0,
      source: DEMO_ACTOR_LABEL,
      created_at: now,
    })),
  );
  await insertDemoRows(
    tx,
    "enterprise_events",
    dataset.enterpriseEvents.map((event) => ({
      district_id: districtId,
      enterprise_id: enterpriseId(event.creditCode),
      kind: event.kind,
      year: event.year,
      note: event.note,
      created_at: now,
    })),
  );
  const office = userId("demo-office");
  await insertDemoRows(
    tx,
    "reward_budgets",
    dataset.rewardBudgets.map((budget) => ({
      district_id: districtId,
      year: budget.year,
      amount_fen: budget.amountFen,
      note: budget.note,
      updated_by: office,
      updated_at: now,
    })),
  );
  const entries: [string, string, object][] = [
    ...dataset.grants.map((g): [string, string, object] => [
      "enterprise_grant",
      g.creditCode,
      { code: g.code, year: g.year, level: g.level, purpose: g.purpose, amountFen: String(g.amountFen) },
    ]),
    ...dataset.techProjects.map((t): [string, string, object] => [
      "tech_project",
      t.creditCode,
      {
        code: t.code,
        name: t.name,
        year: t.year,
        investmentFen: String(t.investmentFen),
        equipmentInvoicesFen: String(t.equipmentInvoicesFen),
        techFundsReceived: t.techFundsReceived,
      },
    ]),
    ...dataset.enterpriseEvents.map((e): [string, string, object] => [
      "enterprise_event",
      e.creditCode,
      { kind: e.kind, year: e.year, note: e.note },
    ]),
  ];
  for (const [entityType, creditCode, after] of entries) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType,
      entityId: enterpriseId(creditCode),
      after: { ...after, isDemo: true },
    });
  }
  for (const budget of dataset.rewardBudgets) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "reward_budget",
      entityId: budget.year,
      after: { year: budget.year, amountFen: String(budget.amountFen), note: budget.note },
    });
  }
}
