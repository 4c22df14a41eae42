import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import { containsText } from "../register/index";
import type { ProjectRow, ProjectTable } from "./projects.table";
import type {
  ProjectBlockerRow,
  ProjectBlockerTable,
  ProjectDecisionRow,
  ProjectDecisionTable,
  ProjectStageDateRow,
  ProjectStageMoveRow,
  ProjectStageMoveTable,
} from "./projects-lifecycle.table";

export interface ProjectFilter {
  districtId: string;
  q?: string;
  stage?: string;
  chain?: string;
  leadUnitId?: number;
  leaderUserId?: number;
  ids?: number[];
}

export interface ProjectListRow extends ProjectRow {
  lead_unit_name: string | null;
  source_unit_name: string | null;
  enterprise_name: string | null;
  leader_name: string | null;
}

function projectQuery(db: DbContext) {
  return db.kysely
    .selectFrom("projects as p")
    .leftJoin("units as lead", "lead.id", "p.lead_unit_id")
    .leftJoin("units as source", "source.id", "p.source_unit_id")
    .leftJoin("enterprises as e", "e.id", "p.enterprise_id")
    .leftJoin("users as leader", "leader.id", "p.leader_user_id")
    .selectAll("p")
    .select([
      "lead.name as lead_unit_name",
      "source.name as source_unit_name",
      "e.name as enterprise_name",
      "leader.display_name as leader_name",
    ]);
}

/**
 * Every project of the district matching the filter, in code order. A district's pipeline holds
 * hundreds of projects, not millions: the derived filters (category, schedule status) and paging
 * are applied by the service over this list.
 */
export async function findProjects(db: DbContext, filter: ProjectFilter): Promise<ProjectListRow[]> {
  let query = projectQuery(db).where("p.district_id", "=", filter.districtId);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([containsText("p.name", q), containsText("p.investor", q), containsText("p.code", q)]),
    );
  }
  if (filter.stage) query = query.where("p.stage", "=", filter.stage);
  if (filter.chain) query = query.where("p.chain_id", "=", filter.chain);
  if (filter.leadUnitId !== undefined) query = query.where("p.lead_unit_id", "=", filter.leadUnitId);
  if (filter.leaderUserId !== undefined) query = query.where("p.leader_user_id", "=", filter.leaderUserId);
  if (filter.ids !== undefined) {
    if (filter.ids.length === 0) return [];
    query = query.where("p.id", "in", filter.ids);
  }
  return query.orderBy("p.code").orderBy("p.id").execute();
}

export async function findProject(db: DbContext, districtId: string, id: number): Promise<ProjectListRow | undefined> {
  return projectQuery(db).where("p.district_id", "=", districtId).where("p.id", "=", id).executeTakeFirst();
}

export async function findProjectByCode(
  db: DbContext,
  districtId: string,
  code: string,
): Promise<ProjectRow | undefined> {
  return db.kysely
    .selectFrom("projects")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .executeTakeFirst();
}

/** The codes of the district's projects that start with a prefix (to number the next one). */
export async function projectCodesLike(db: DbContext, districtId: string, prefix: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom("projects")
    .select("code")
    .where("district_id", "=", districtId)
    .where("code", "like", `${prefix}%`)
    .execute();
  return rows.map((row) => row.code);
}

export async function insertProject(db: DbContext, values: Insertable<ProjectTable>): Promise<number> {
  const row = await db.kysely.insertInto("projects").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProjectRow(db: DbContext, id: number, patch: Updateable<ProjectTable>): Promise<void> {
  await db.kysely.updateTable("projects").set(patch).where("id", "=", id).execute();
}

export async function stageDatesOf(db: DbContext, projectIds: readonly number[]): Promise<ProjectStageDateRow[]> {
  if (projectIds.length === 0) return [];
  const rows: ProjectStageDateRow[] = [];
  // Chunked: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let start = 0; start < projectIds.length; start += 500) {
    const chunk = projectIds.slice(start, start + 500);
    rows.push(
      ...(await db.kysely.selectFrom("project_stage_dates").selectAll().where("project_id", "in", chunk).execute()),
    );
  }
  return rows;
}

export async function upsertStageDate(
  db: DbContext,
  row: {
    project_id: number;
    stage: string;
    planned_on?: string | null;
    reached_on?: string | null;
    reached_by?: number | null;
  },
): Promise<void> {
  const now = new Date().toISOString();
  const { project_id, stage, ...changes } = row;
  await db.kysely
    .insertInto("project_stage_dates")
    .values({ project_id, stage, planned_on: null, reached_on: null, reached_by: null, ...changes, updated_at: now })
    .onConflict((oc) => oc.columns(["project_id", "stage"]).doUpdateSet({ ...changes, updated_at: now }))
    .execute();
}

export async function insertStageMove(db: DbContext, values: Insertable<ProjectStageMoveTable>): Promise<void> {
  await db.kysely.insertInto("project_stage_moves").values(values).execute();
}

export async function stageMovesOf(db: DbContext, projectId: number): Promise<ProjectStageMoveRow[]> {
  return db.kysely
    .selectFrom("project_stage_moves")
    .selectAll()
    .where("project_id", "=", projectId)
    .orderBy("id")
    .execute();
}

export interface BlockerListRow extends ProjectBlockerRow {
  unit_name: string;
  project_name: string;
  project_code: string;
}

export interface BlockerFilter {
  districtId: string;
  projectId?: number;
  unitId?: number;
  status?: string;
}

export async function findBlockers(db: DbContext, filter: BlockerFilter): Promise<BlockerListRow[]> {
  let query = db.kysely
    .selectFrom("project_blockers as b")
    .innerJoin("units as u", "u.id", "b.unit_id")
    .innerJoin("projects as p", "p.id", "b.project_id")
    .selectAll("b")
    .select(["u.name as unit_name", "p.name as project_name", "p.code as project_code"])
    .where("b.district_id", "=", filter.districtId);
  if (filter.projectId !== undefined) query = query.where("b.project_id", "=", filter.projectId);
  if (filter.unitId !== undefined) query = query.where("b.unit_id", "=", filter.unitId);
  if (filter.status) query = query.where("b.status", "=", filter.status);
  return query.orderBy("b.due_on").orderBy("b.id").execute();
}

export async function findBlocker(db: DbContext, districtId: string, id: number): Promise<BlockerListRow | undefined> {
  return (await findBlockers(db, { districtId })).find((row) => row.id === id);
}

export async function insertBlocker(db: DbContext, values: Insertable<ProjectBlockerTable>): Promise<number> {
  const row = await db.kysely.insertInto("project_blockers").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateBlockerRow(
  db: DbContext,
  id: number,
  patch: Updateable<ProjectBlockerTable>,
): Promise<void> {
  await db.kysely.updateTable("project_blockers").set(patch).where("id", "=", id).execute();
}

export async function insertDecision(db: DbContext, values: Insertable<ProjectDecisionTable>): Promise<number> {
  const row = await db.kysely.insertInto("project_decisions").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function decisionsOf(db: DbContext, projectId: number): Promise<ProjectDecisionRow[]> {
  return db.kysely
    .selectFrom("project_decisions")
    .selectAll()
    .where("project_id", "=", projectId)
    .orderBy("decided_on", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The district's leaders (role leader, not disabled): whom a project may be assigned to. */
export async function findLeaders(db: DbContext, districtId: string): Promise<{ id: number; display_name: string }[]> {
  return db.kysely
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("district_id", "=", districtId)
    .where("role", "=", "leader")
    .where("disabled", "=", 0)
    .orderBy("display_name")
    .execute();
}

export async function findDistrictUnits(
  db: DbContext,
  districtId: string,
): Promise<{ id: number; code: string; name: string; kind: string }[]> {
  return db.kysely
    .selectFrom("units")
    .select(["id", "code", "name", "kind"])
    .where("district_id", "=", districtId)
    .where("active", "=", 1)
    .orderBy("id")
    .execute();
}

export async function findEnterpriseInDistrict(
  db: DbContext,
  districtId: string,
  id: number,
): Promise<{ id: number; name: string } | undefined> {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "name"])
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findEnterprisesByCodes(
  db: DbContext,
  districtId: string,
  creditCodes: readonly string[],
): Promise<{ id: number; credit_code: string; name: string }[]> {
  if (creditCodes.length === 0) return [];
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "credit_code", "name"])
    .where("district_id", "=", districtId)
    .where("credit_code", "in", [...creditCodes])
    .execute();
}

export async function findInvestmentYears(
  db: DbContext,
  districtId: string,
): Promise<
  { year: number; total_fen: string; manufacturing_fen: string; updated_at: string; updated_by: number | null }[]
> {
  return db.kysely
    .selectFrom("district_investment_years")
    .select(["year", "total_fen", "manufacturing_fen", "updated_at", "updated_by"])
    .where("district_id", "=", districtId)
    .orderBy("year")
    .execute();
}

export async function saveInvestmentYear(
  db: DbContext,
  row: { district_id: string; year: number; total_fen: bigint; manufacturing_fen: bigint; updated_by: number | null },
): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto("district_investment_years")
    .values({ ...row, updated_at: now })
    .onConflict((oc) =>
      oc.columns(["district_id", "year"]).doUpdateSet({
        total_fen: row.total_fen,
        manufacturing_fen: row.manufacturing_fen,
        updated_at: now,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}
