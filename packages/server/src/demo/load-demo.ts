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
  insertEnterprises,
  insertFigures,
  insertProjects,
  insertScaleYears,
} from "../repositories/demo-data.repository";
import { findActivePlan, findDistrict } from "../repositories/districts.repository";
import { listUnitRows } from "../repositories/units.repository";
import { listUserProfiles } from "../repositories/users.repository";
import { type Actor, recordAudit } from "../services/audit.service";
import { loadPlanIntoDistrict } from "../services/plan.service";
import { createUser } from "../services/users.service";
import {
  DEMO_ACCOUNT_LOGINS,
  DEMO_ACTOR_LABEL,
  type DemoAccount,
  type DemoDataset,
  generateDemoData,
} from "./generate";

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
      counts: { enterprises: number; figures: number; projects: number; users: number };
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
    const dataset = generateDemoData({ units });
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
  return DEMO_ACCOUNT_LOGINS.flatMap((login) => {
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
  for (const p of dataset.projects) {
    await recordAudit(tx, {
      districtId,
      actor: DEMO_ACTOR,
      action: "create",
      entityType: "project",
      entityId: projectIds.get(p.code) ?? null,
      after: {
        code: p.code,
        name: p.name,
        plannedInvestmentFen: p.plannedInvestmentFen.toString(),
        stage: p.stage,
        introducedYear: p.introducedYear,
        productionYear: p.productionYear,
        isDemo: true,
      },
    });
  }
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
  };
}
