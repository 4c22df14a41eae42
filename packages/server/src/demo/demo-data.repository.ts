/**
 * Writes demo rows in bulk. Callers pass a transaction (see services' loadDemoData): the demo data is
 * written all at once or not at all.
 */
import type { Insertable } from "kysely";
import type { FigureTable } from "../capabilities/figures/index";
import type { ProjectTable } from "../capabilities/projects/index";
import type { EnterpriseScaleYearTable, EnterpriseTable } from "../capabilities/register/index";
import type { DbContext } from "../platform/db/database";
import type { Database } from "../platform/db/schema";

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const BATCH_ROWS = 500;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) await write(rows.slice(start, start + BATCH_ROWS));
}

/** Inserts enterprises and returns their ids by credit code. */
export async function insertEnterprises(
  db: DbContext,
  rows: readonly Insertable<EnterpriseTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await inBatches(rows, async (batch) => {
    const inserted = await db.kysely.insertInto("enterprises").values(batch).returning(["id", "credit_code"]).execute();
    for (const row of inserted) ids.set(row.credit_code, row.id);
  });
  return ids;
}

export async function insertScaleYears(db: DbContext, rows: readonly Insertable<EnterpriseScaleYearTable>[]) {
  await inBatches(rows, async (batch) => {
    await db.kysely.insertInto("enterprise_scale_years").values(batch).execute();
  });
}

export async function insertFigures(db: DbContext, rows: readonly Insertable<FigureTable>[]) {
  await inBatches(rows, async (batch) => {
    await db.kysely.insertInto("figures").values(batch).execute();
  });
}

/** Inserts projects and returns their ids by project code. */
export async function insertProjects(
  db: DbContext,
  rows: readonly Insertable<ProjectTable>[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await inBatches(rows, async (batch) => {
    const inserted = await db.kysely.insertInto("projects").values(batch).returning(["id", "code"]).execute();
    for (const row of inserted) ids.set(row.code, row.id);
  });
  return ids;
}

/** Tables the demo fills without needing the new rows' ids back. */
export type DemoRowTable =
  | "enterprise_designations"
  | "enterprise_listing_events"
  | "enterprise_service_notes"
  | "project_stage_dates"
  | "project_stage_moves"
  | "district_investment_years"
  | "online_service_items"
  | "enterprise_grants"
  | "tech_projects"
  | "enterprise_events"
  | "reward_budgets"
  | "task_reports";

/** Inserts rows into one of the demo's tables, in batches. */
export async function insertDemoRows<T extends DemoRowTable>(
  db: DbContext,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  await inBatches(rows, async (batch) => {
    // Kysely cannot relate Insertable<Database[T]> to its insert type for a generic T; the signature checks rows.
    await db.kysely
      .insertInto(table)
      .values(batch as never)
      .execute();
  });
}

/** Inserts project problems (直通车) one by one and returns their ids, in order. */
export async function insertBlockers(
  db: DbContext,
  rows: readonly Insertable<Database["project_blockers"]>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    ids.push((await db.kysely.insertInto("project_blockers").values(row).returning("id").executeTakeFirstOrThrow()).id);
  }
  return ids;
}

/** Inserts leaders' decisions on projects one by one and returns their ids, in order. */
export async function insertDecisions(
  db: DbContext,
  rows: readonly Insertable<Database["project_decisions"]>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const row of rows) {
    ids.push(
      (await db.kysely.insertInto("project_decisions").values(row).returning("id").executeTakeFirstOrThrow()).id,
    );
  }
  return ids;
}

export async function countDistricts(db: DbContext): Promise<number> {
  const row = await db.kysely
    .selectFrom("districts")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** How many enterprises and projects of a district are real (not demo) and how many are demo. */
export async function countDistrictRows(
  db: DbContext,
  districtId: string,
): Promise<{ realEnterprises: number; demoEnterprises: number; realProjects: number; demoProjects: number }> {
  const enterprises = await db.kysely
    .selectFrom("enterprises")
    .select(["is_demo", (eb) => eb.fn.countAll().as("count")])
    .where("district_id", "=", districtId)
    .groupBy("is_demo")
    .execute();
  const projects = await db.kysely
    .selectFrom("projects")
    .select(["is_demo", (eb) => eb.fn.countAll().as("count")])
    .where("district_id", "=", districtId)
    .groupBy("is_demo")
    .execute();
  const count = (rows: { is_demo: number; count: unknown }[], demo: number) =>
    Number(rows.find((row) => Number(row.is_demo) === demo)?.count ?? 0);
  return {
    realEnterprises: count(enterprises, 0),
    demoEnterprises: count(enterprises, 1),
    realProjects: count(projects, 0),
    demoProjects: count(projects, 1),
  };
}

export async function existingUsernames(db: DbContext, usernames: readonly string[]): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows = await db.kysely.selectFrom("users").select("username").where("username", "in", usernames).execute();
  return rows.map((row) => row.username);
}

/** Ids and names of all districts (the CLI picks the only one when none is named). */
export async function listDistricts(db: DbContext): Promise<{ id: string; name: string }[]> {
  return db.kysely.selectFrom("districts").select(["id", "name"]).orderBy("id").execute();
}
