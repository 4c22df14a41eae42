/**
 * The investment-project pipeline: listing with derived category and schedule status, creating and
 * editing projects, moving them between stages, and the decisions leaders log on their projects.
 * Every change is audited in the same transaction.
 */
import type {
  BlockerCategory,
  BlockerStatus,
  BlockerView,
  DecisionView,
  ProjectDetail,
  ProjectOptions,
  ProjectOrigin,
  ProjectView,
  StageMoveView,
} from "@beizeng/contract/projects";
import { formatYuan } from "@beizeng/domain/money";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import {
  type ProjectCategory,
  type ProjectCategoryThresholds,
  projectCategory,
  projectCategoryThresholds,
} from "@beizeng/domain/projects/category";
import {
  checkStageMove,
  isIsoDate,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectStage,
  type StageDates,
  scheduleState,
  stageMoveEffect,
} from "@beizeng/domain/projects/lifecycle";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { getActivePlan } from "../plan/index";
import {
  decisionsOf,
  findBlockers,
  findDistrictUnits,
  findEnterpriseInDistrict,
  findLeaders,
  findProject,
  findProjectByCode,
  findProjects,
  insertDecision,
  insertProject,
  insertStageMove,
  type ProjectListRow,
  projectCodesLike,
  stageDatesOf,
  stageMovesOf,
  updateProjectRow,
  upsertStageDate,
} from "./projects.repository";
import { projectAccess, requireWrite } from "./projects-access";
import type { ProjectStageDateRow } from "./projects-lifecycle.table";

/** Today in the district (China Standard Time), as YYYY-MM-DD. */
export function todayInDistrict(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

function stageList(rows: readonly ProjectStageDateRow[]): StageDates[] {
  return PROJECT_STAGES.map((stage) => {
    const row = rows.find((candidate) => candidate.stage === stage);
    return { stage, plannedOn: row?.planned_on ?? null, reachedOn: row?.reached_on ?? null };
  });
}

interface ViewContext {
  thresholds: ProjectCategoryThresholds;
  today: string;
  dates: Map<number, ProjectStageDateRow[]>;
  blockers: Map<number, { open: number; overdue: number }>;
}

function toView(row: ProjectListRow, context: ViewContext): ProjectView {
  const stage = row.stage as ProjectStage;
  const stages = stageList(context.dates.get(row.id) ?? []);
  const blockers = context.blockers.get(row.id) ?? { open: 0, overdue: 0 };
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    investor: row.investor,
    chainId: row.chain_id,
    plannedInvestmentFen: String(row.planned_investment_fen),
    completedInvestmentFen: String(row.completed_investment_fen),
    category: projectCategory(BigInt(row.planned_investment_fen), context.thresholds),
    manufacturing: row.manufacturing === 1,
    sourceUnit: row.source_unit_id !== null ? { id: row.source_unit_id, name: row.source_unit_name ?? "" } : null,
    // The table's text columns hold these vocabularies only (the routes' schemas check what is written).
    origin: row.origin as ProjectOrigin,
    leadUnit: row.lead_unit_id !== null ? { id: row.lead_unit_id, name: row.lead_unit_name ?? "" } : null,
    leader: row.leader_user_id !== null ? { id: row.leader_user_id, name: row.leader_name ?? "" } : null,
    enterprise: row.enterprise_id !== null ? { id: row.enterprise_id, name: row.enterprise_name ?? "" } : null,
    location: row.location,
    stage,
    stages,
    schedule: scheduleState(stage, stages, context.today),
    introducedYear: row.introduced_year,
    productionYear: row.production_year,
    openBlockers: blockers.open,
    overdueBlockers: blockers.overdue,
    isDemo: row.is_demo === 1,
  };
}

async function viewContext(db: DbContext, districtId: string, plan: PlanFile, rows: readonly ProjectListRow[]) {
  const today = todayInDistrict();
  const dates = new Map<number, ProjectStageDateRow[]>();
  for (const row of await stageDatesOf(
    db,
    rows.map((project) => project.id),
  )) {
    const list = dates.get(row.project_id) ?? [];
    list.push(row);
    dates.set(row.project_id, list);
  }
  const blockers = new Map<number, { open: number; overdue: number }>();
  for (const blocker of await findBlockers(db, { districtId })) {
    if (blocker.status === "closed") continue;
    const counts = blockers.get(blocker.project_id) ?? { open: 0, overdue: 0 };
    counts.open++;
    if (blocker.status === "open" && blocker.due_on < today) counts.overdue++;
    blockers.set(blocker.project_id, counts);
  }
  return { thresholds: projectCategoryThresholds(plan), today, dates, blockers } satisfies ViewContext;
}

export interface ProjectListQuery {
  q?: string;
  stage?: string;
  chain?: string;
  leadUnit?: number;
  leader?: number;
  category?: ProjectCategory;
  status?: "green" | "yellow" | "red" | "done";
  /** Only the caller's own projects (a leader's 我的项目). */
  mine?: boolean;
  page: number;
  pageSize: number;
}

/** Every project of the district matching the query, with category and schedule derived. */
export async function projectViews(db: DbContext, user: AuthUser, query: Omit<ProjectListQuery, "page" | "pageSize">) {
  const plan = await getActivePlan(db, user.districtId);
  const rows = await findProjects(db, {
    districtId: user.districtId,
    q: query.q,
    stage: query.stage,
    chain: query.chain,
    leadUnitId: query.leadUnit,
    leaderUserId: query.mine ? user.id : query.leader,
  });
  const context = await viewContext(db, user.districtId, plan, rows);
  return rows
    .map((row) => toView(row, context))
    .filter((view) => (query.category ? view.category === query.category : true))
    .filter((view) => (query.status ? view.schedule.status === query.status : true));
}

export async function listProjects(db: DbContext, user: AuthUser, query: ProjectListQuery) {
  const views = await projectViews(db, user, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: views.slice(start, start + query.pageSize),
    total: views.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function projectView(db: DbContext, user: AuthUser, plan: PlanFile, id: number): Promise<ProjectView> {
  const row = await findProject(db, user.districtId, id);
  if (!row) throw notFound(`项目 ${id} 不存在`);
  const context = await viewContext(db, user.districtId, plan, [row]);
  return toView(row, context);
}

/** One project with its history of moves, its problems and its leader's decisions. */
export async function getProject(db: DbContext, user: AuthUser, id: number): Promise<ProjectDetail> {
  const plan = await getActivePlan(db, user.districtId);
  const project = await projectView(db, user, plan, id);
  const access = await projectAccess(db, user, plan);
  const [moves, blockers, decisions] = await Promise.all([
    stageMovesOf(db, id),
    findBlockers(db, { districtId: user.districtId, projectId: id }),
    decisionsOf(db, id),
  ]);
  const today = todayInDistrict();
  return {
    project,
    moves: moves.map((move) => ({
      id: move.id,
      fromStage: move.from_stage as StageMoveView["fromStage"],
      toStage: move.to_stage as StageMoveView["toStage"],
      reachedOn: move.reached_on,
      reason: move.reason,
      movedBy: move.moved_by_label,
      movedAt: move.moved_at,
    })),
    blockers: blockers.map((blocker) => blockerView(blocker, today)),
    decisions: decisions.map((decision) => ({
      id: decision.id,
      decidedOn: decision.decided_on,
      text: decision.text,
      author: decision.author_label,
      createdAt: decision.created_at,
    })),
    canWrite: access.canWrite,
    canDecide: user.role === "leader" && project.leader?.id === user.id,
  };
}

export function blockerView(blocker: Awaited<ReturnType<typeof findBlockers>>[number], today: string): BlockerView {
  return {
    id: blocker.id,
    projectId: blocker.project_id,
    projectCode: blocker.project_code,
    projectName: blocker.project_name,
    category: blocker.category as BlockerCategory,
    description: blocker.description,
    unit: { id: blocker.unit_id, name: blocker.unit_name },
    dueOn: blocker.due_on,
    status: blocker.status as BlockerStatus,
    // Overdue: still waiting for the unit's answer after the due date.
    overdue: blocker.status === "open" && blocker.due_on < today,
    answer: blocker.answer,
    answeredAt: blocker.answered_at,
    closedOn: blocker.closed_on,
    createdAt: blocker.created_at,
  };
}

export interface ProjectFields {
  code?: string;
  name: string;
  investor: string;
  chainId: string;
  plannedInvestmentFen: bigint;
  completedInvestmentFen: bigint;
  manufacturing: boolean;
  sourceUnitId: number | null;
  origin: ProjectOrigin;
  leadUnitId: number | null;
  leaderUserId: number | null;
  enterpriseId: number | null;
  location: string;
  /** The planned date of each stage (YYYY-MM-DD), or null to clear it. */
  plannedDates?: Partial<Record<ProjectStage, string | null>>;
}

export interface NewProject extends ProjectFields {
  /** The stage a project enters the register in (default 策划储备), reached on `reachedOn` (default today). */
  stage?: ProjectStage;
  reachedOn?: string;
}

/** Checks the references of a project against the plan and the district; throws a 400 naming the field. */
export async function checkProjectFields(
  db: DbContext,
  districtId: string,
  plan: PlanFile,
  fields: Partial<ProjectFields>,
) {
  const problems: { path: string; message: string }[] = [];
  if (fields.chainId !== undefined && !plan.chains.some((chain) => chain.id === fields.chainId)) {
    problems.push({ path: "chainId", message: `产业链“${fields.chainId}”不在本区方案中` });
  }
  const units = await findDistrictUnits(db, districtId);
  for (const key of ["sourceUnitId", "leadUnitId"] as const) {
    const unitId = fields[key];
    if (unitId !== undefined && unitId !== null && !units.some((unit) => unit.id === unitId)) {
      problems.push({ path: key, message: `单位 ${unitId} 不存在` });
    }
  }
  if (fields.leaderUserId !== undefined && fields.leaderUserId !== null) {
    const leaders = await findLeaders(db, districtId);
    if (!leaders.some((leader) => leader.id === fields.leaderUserId)) {
      problems.push({ path: "leaderUserId", message: "挂点领导须是本区的区领导账号" });
    }
  }
  if (fields.enterpriseId !== undefined && fields.enterpriseId !== null) {
    if (!(await findEnterpriseInDistrict(db, districtId, fields.enterpriseId))) {
      problems.push({ path: "enterpriseId", message: `企业 ${fields.enterpriseId} 不在本区企业名录中` });
    }
  }
  for (const [stage, date] of Object.entries(fields.plannedDates ?? {})) {
    if (date !== null && date !== undefined && !isIsoDate(date)) {
      problems.push({ path: `plannedDates.${stage}`, message: `计划日期应为 YYYY-MM-DD 格式：${date}` });
    }
  }
  if (problems.length > 0) throw badRequest(`项目信息有误：${problems.map((p) => p.message).join("；")}`, problems);
}

/** The next free code of the form XM<year>-NNN. */
async function nextProjectCode(db: DbContext, districtId: string, year: number): Promise<string> {
  const prefix = `XM${year}-`;
  let highest = 0;
  for (const code of await projectCodesLike(db, districtId, prefix)) {
    const serial = Number.parseInt(code.slice(prefix.length), 10);
    if (Number.isSafeInteger(serial) && serial > highest) highest = serial;
  }
  return `${prefix}${String(highest + 1).padStart(3, "0")}`;
}

function auditable(view: ProjectView) {
  return {
    code: view.code,
    name: view.name,
    investor: view.investor,
    chainId: view.chainId,
    plannedInvestmentFen: view.plannedInvestmentFen,
    completedInvestmentFen: view.completedInvestmentFen,
    category: view.category,
    manufacturing: view.manufacturing,
    sourceUnitId: view.sourceUnit?.id ?? null,
    origin: view.origin,
    leadUnitId: view.leadUnit?.id ?? null,
    leaderUserId: view.leader?.id ?? null,
    enterpriseId: view.enterprise?.id ?? null,
    location: view.location,
    stage: view.stage,
    stages: view.stages,
    introducedYear: view.introducedYear,
    productionYear: view.productionYear,
  };
}

async function savePlannedDates(tx: DbContext, projectId: number, dates: ProjectFields["plannedDates"]) {
  for (const [stage, plannedOn] of Object.entries(dates ?? {})) {
    if (plannedOn === undefined) continue;
    await upsertStageDate(tx, { project_id: projectId, stage, planned_on: plannedOn });
  }
}

/**
 * Creates a project (within a transaction the caller may already hold: the import creates many).
 * The category is derived, the code generated when not given.
 */
export async function insertNewProject(
  tx: DbContext,
  user: AuthUser,
  plan: PlanFile,
  input: NewProject,
  actor: Actor,
): Promise<ProjectView> {
  const today = todayInDistrict();
  const stage = input.stage ?? "planning";
  const reachedOn = input.reachedOn ?? today;
  const code = input.code?.trim() || (await nextProjectCode(tx, user.districtId, Number(today.slice(0, 4))));
  if (await findProjectByCode(tx, user.districtId, code)) throw conflict(`项目编号 ${code} 已存在`);
  const effect = stageMoveEffect({
    from: "planning",
    to: stage,
    reachedOn,
    dates: [],
    introducedYear: null,
    productionYear: null,
  });
  const now = new Date().toISOString();
  const id = await insertProject(tx, {
    district_id: user.districtId,
    code,
    name: input.name.trim(),
    investor: input.investor.trim(),
    chain_id: input.chainId,
    planned_investment_fen: input.plannedInvestmentFen,
    completed_investment_fen: input.completedInvestmentFen,
    manufacturing: input.manufacturing ? 1 : 0,
    source_unit_id: input.sourceUnitId,
    origin: input.origin,
    lead_unit_id: input.leadUnitId,
    leader_user_id: input.leaderUserId,
    enterprise_id: input.enterpriseId,
    location: input.location.trim(),
    stage,
    introduced_year: stage === "planning" ? null : effect.introducedYear,
    production_year: stage === "planning" ? null : effect.productionYear,
    is_demo: 0,
    created_at: now,
    updated_at: now,
  });
  await upsertStageDate(tx, { project_id: id, stage, reached_on: reachedOn, reached_by: user.id });
  await savePlannedDates(tx, id, input.plannedDates);
  await insertStageMove(tx, {
    district_id: user.districtId,
    project_id: id,
    from_stage: null,
    to_stage: stage,
    reached_on: reachedOn,
    reason: null,
    moved_by: user.id,
    moved_by_label: actor.label,
    moved_at: now,
  });
  const view = await projectView(tx, user, plan, id);
  await recordAudit(tx, {
    districtId: user.districtId,
    actor,
    action: "create",
    entityType: "project",
    entityId: id,
    after: auditable(view),
  });
  return view;
}

export async function createProject(db: DbContext, user: AuthUser, input: NewProject, actor: Actor) {
  const plan = await getActivePlan(db, user.districtId);
  requireWrite(await projectAccess(db, user, plan));
  await checkProjectFields(db, user.districtId, plan, input);
  if (input.reachedOn !== undefined && (!isIsoDate(input.reachedOn) || input.reachedOn > todayInDistrict())) {
    throw badRequest(`到达日期无效或晚于今天：${input.reachedOn}`, [{ path: "reachedOn", message: "到达日期无效" }]);
  }
  return inTransaction(db, (tx) => insertNewProject(tx, user, plan, input, actor));
}

/** Applies changed fields to an existing project (the stage moves only through moveProject). */
export async function applyProjectChanges(
  tx: DbContext,
  user: AuthUser,
  plan: PlanFile,
  id: number,
  patch: Partial<ProjectFields>,
  actor: Actor,
): Promise<ProjectView> {
  const before = await projectView(tx, user, plan, id);
  if (patch.code !== undefined && patch.code.trim() !== before.code) {
    if (await findProjectByCode(tx, user.districtId, patch.code.trim()))
      throw conflict(`项目编号 ${patch.code} 已存在`);
  }
  const set: Parameters<typeof updateProjectRow>[2] = { updated_at: new Date().toISOString() };
  if (patch.code !== undefined) set.code = patch.code.trim();
  if (patch.name !== undefined) set.name = patch.name.trim();
  if (patch.investor !== undefined) set.investor = patch.investor.trim();
  if (patch.chainId !== undefined) set.chain_id = patch.chainId;
  if (patch.plannedInvestmentFen !== undefined) set.planned_investment_fen = patch.plannedInvestmentFen;
  if (patch.completedInvestmentFen !== undefined) set.completed_investment_fen = patch.completedInvestmentFen;
  if (patch.manufacturing !== undefined) set.manufacturing = patch.manufacturing ? 1 : 0;
  if (patch.sourceUnitId !== undefined) set.source_unit_id = patch.sourceUnitId;
  if (patch.origin !== undefined) set.origin = patch.origin;
  if (patch.leadUnitId !== undefined) set.lead_unit_id = patch.leadUnitId;
  if (patch.leaderUserId !== undefined) set.leader_user_id = patch.leaderUserId;
  if (patch.enterpriseId !== undefined) set.enterprise_id = patch.enterpriseId;
  if (patch.location !== undefined) set.location = patch.location.trim();
  await updateProjectRow(tx, id, set);
  await savePlannedDates(tx, id, patch.plannedDates);
  const after = await projectView(tx, user, plan, id);
  await recordAudit(tx, {
    districtId: user.districtId,
    actor,
    action: "update",
    entityType: "project",
    entityId: id,
    before: auditable(before),
    after: auditable(after),
  });
  return after;
}

export async function updateProject(
  db: DbContext,
  user: AuthUser,
  id: number,
  patch: Partial<ProjectFields>,
  actor: Actor,
) {
  const plan = await getActivePlan(db, user.districtId);
  requireWrite(await projectAccess(db, user, plan));
  await checkProjectFields(db, user.districtId, plan, patch);
  return inTransaction(db, (tx) => applyProjectChanges(tx, user, plan, id, patch, actor));
}

/**
 * Moves a project to another stage reached on a date. Forward moves may skip stages; a move back
 * needs a reason and clears the later stages' reached dates. Signing sets the year introduced,
 * 建成投产 the year in production (which the rewards engine reads for R-PROJ).
 */
export async function moveProject(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { stage: ProjectStage; reachedOn?: string; reason?: string },
  actor: Actor,
) {
  const plan = await getActivePlan(db, user.districtId);
  requireWrite(await projectAccess(db, user, plan));
  const today = todayInDistrict();
  const reachedOn = input.reachedOn ?? today;
  if (!isIsoDate(reachedOn)) throw badRequest(`到达日期应为 YYYY-MM-DD 格式：${reachedOn}`);
  return inTransaction(db, async (tx) => {
    const before = await projectView(tx, user, plan, id);
    const current = before.stages.find((entry) => entry.stage === before.stage);
    const problem = checkStageMove({
      from: before.stage,
      to: input.stage,
      reachedOn,
      today,
      reason: input.reason,
      currentReachedOn: current?.reachedOn ?? null,
    });
    if (problem)
      throw badRequest(problem.message, [
        { path: problem.code === "reasonRequired" ? "reason" : "reachedOn", message: problem.message },
      ]);
    const effect = stageMoveEffect({
      from: before.stage,
      to: input.stage,
      reachedOn,
      dates: before.stages,
      introducedYear: before.introducedYear,
      productionYear: before.productionYear,
    });
    for (const stage of effect.reached) {
      await upsertStageDate(tx, { project_id: id, stage, reached_on: reachedOn, reached_by: user.id });
    }
    for (const stage of effect.cleared) {
      await upsertStageDate(tx, { project_id: id, stage, reached_on: null, reached_by: null });
    }
    const now = new Date().toISOString();
    await updateProjectRow(tx, id, {
      stage: input.stage,
      introduced_year: effect.introducedYear,
      production_year: effect.productionYear,
      updated_at: now,
    });
    const reason = input.reason?.trim() || null;
    await insertStageMove(tx, {
      district_id: user.districtId,
      project_id: id,
      from_stage: before.stage,
      to_stage: input.stage,
      reached_on: reachedOn,
      reason,
      moved_by: user.id,
      moved_by_label: actor.label,
      moved_at: now,
    });
    const after = await projectView(tx, user, plan, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "stage_move",
      entityType: "project",
      entityId: id,
      before: { stage: before.stage, introducedYear: before.introducedYear, productionYear: before.productionYear },
      after: {
        stage: after.stage,
        stageLabel: PROJECT_STAGE_LABELS[after.stage],
        reachedOn,
        reason,
        introducedYear: after.introducedYear,
        productionYear: after.productionYear,
      },
    });
    return after;
  });
}

/** A leader logs a decision (批示, 协调意见) on a project assigned to them. */
export async function addDecision(
  db: DbContext,
  user: AuthUser,
  id: number,
  input: { decidedOn?: string; text: string },
  actor: Actor,
): Promise<DecisionView> {
  const project = await findProject(db, user.districtId, id);
  if (!project) throw notFound(`项目 ${id} 不存在`);
  if (user.role !== "leader" || project.leader_user_id !== user.id) {
    throw forbidden("只有该项目的挂点领导可以记录决策");
  }
  const decidedOn = input.decidedOn ?? todayInDistrict();
  if (!isIsoDate(decidedOn)) throw badRequest(`日期应为 YYYY-MM-DD 格式：${decidedOn}`);
  return inTransaction(db, async (tx) => {
    const now = new Date().toISOString();
    const decisionId = await insertDecision(tx, {
      district_id: user.districtId,
      project_id: id,
      decided_on: decidedOn,
      text: input.text.trim(),
      author_id: user.id,
      author_label: user.displayName,
      created_at: now,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "project_decision",
      entityId: decisionId,
      after: { projectId: id, decidedOn, text: input.text.trim() },
    });
    return { id: decisionId, decidedOn, text: input.text.trim(), author: user.displayName, createdAt: now };
  });
}

/** What the project forms offer: units, leaders, the caller's rights and the category thresholds. */
export async function projectOptions(db: DbContext, user: AuthUser): Promise<ProjectOptions> {
  const plan = await getActivePlan(db, user.districtId);
  const access = await projectAccess(db, user, plan);
  const thresholds = projectCategoryThresholds(plan);
  const units = await findDistrictUnits(db, user.districtId);
  const leaders = await findLeaders(db, user.districtId);
  const show = (fen: bigint | null) => (fen === null ? null : formatYuan(fen));
  return {
    canWrite: access.canWrite,
    canEnterInvestment: access.canEnterInvestment,
    pipelineUnits: units.filter((unit) => access.pipelineUnitCodes.includes(unit.code)),
    units: units.map((unit) => ({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind })),
    leaders: leaders.map((leader) => ({ id: leader.id, name: leader.display_name })),
    /** Minimum planned investment of each category, decimal yuan. */
    thresholds: {
      fifty: show(thresholds.fifty),
      twenty: show(thresholds.twenty),
      industrial: show(thresholds.industrial),
    },
  };
}
