/**
 * Reward tables: the register inputs of the reward rules, computation batches, entitlements and
 * their workflow events, the payment ledger, budgets, corrections and approval notices.
 */
import type { Insertable, Updateable } from "kysely";
import type { DbContext } from "../../platform/db/database";
import { containsText } from "../register/index";
import type {
  EntitlementStatus,
  RewardBatchRow,
  RewardBatchTable,
  RewardCorrectionRow,
  RewardEntitlementEventRow,
  RewardEntitlementRow,
  RewardEntitlementTable,
} from "./rewards.table";

// ---------------------------------------------------------------- register inputs

export interface RewardRegisterData {
  enterprises: { id: number; credit_code: string; name: string }[];
  scaleYears: { enterprise_id: number; year: number; status: string }[];
  /** Current (not superseded), official annual figures of revenue and tax. */
  annualFigures: {
    id: number;
    enterprise_id: number;
    year: number;
    metric: string;
    value: string;
    source_ref: string | null;
    source_kind: string;
  }[];
  grants: {
    id: number;
    enterprise_id: number;
    code: string;
    year: number;
    level: string;
    purpose: string;
    amount_fen: string;
    source: string;
  }[];
  techProjects: {
    id: number;
    enterprise_id: number;
    code: string;
    year: number;
    investment_fen: string;
    equipment_invoices_fen: string;
    tech_funds_received: number;
    source: string;
  }[];
  events: { enterprise_id: number; kind: string; year: number }[];
  /** Listing stages reached (新三板, 境内, 境外), with the first year, from the register's listing pipeline. */
  listings: { enterprise_id: number; stage: string; year: number }[];
  projects: {
    id: number;
    code: string;
    name: string;
    enterprise_id: number | null;
    planned_investment_fen: string;
    introduced_year: number | null;
    production_year: number | null;
    stage: string;
  }[];
}

/** Everything the reward rules read for a district (or one enterprise of it). */
export async function loadRewardRegister(
  db: DbContext,
  districtId: string,
  onlyEnterpriseId?: number,
): Promise<RewardRegisterData> {
  const k = db.kysely;
  const one = onlyEnterpriseId !== undefined;
  const id = onlyEnterpriseId ?? 0;
  const enterprises = await k
    .selectFrom("enterprises")
    .select(["id", "credit_code", "name"])
    .where("district_id", "=", districtId)
    .orderBy("credit_code")
    .$if(one, (q) => q.where("id", "=", id))
    .execute();
  const scaleYears = await k
    .selectFrom("enterprise_scale_years as s")
    .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
    .select(["s.enterprise_id", "s.year", "s.status"])
    .where("e.district_id", "=", districtId)
    .$if(one, (q) => q.where("s.enterprise_id", "=", id))
    .execute();
  const annualFigures = await k
    .selectFrom("figures")
    .select(["id", "enterprise_id", "year", "metric", "value", "source_ref", "source_kind"])
    .where("district_id", "=", districtId)
    .where("month", "=", 0)
    .where("metric", "in", ["revenue", "tax"])
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .orderBy("id")
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const grants = await k
    .selectFrom("enterprise_grants")
    .select(["id", "enterprise_id", "code", "year", "level", "purpose", "amount_fen", "source"])
    .where("district_id", "=", districtId)
    // Only the current official value: corrected rows and pending self-reports never count.
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .orderBy("code")
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const techProjects = await k
    .selectFrom("tech_projects")
    .select([
      "id",
      "enterprise_id",
      "code",
      "year",
      "investment_fen",
      "equipment_invoices_fen",
      "tech_funds_received",
      "source",
    ])
    .where("district_id", "=", districtId)
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .orderBy("code")
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const events = await k
    .selectFrom("enterprise_events")
    .select(["enterprise_id", "kind", "year"])
    .where("district_id", "=", districtId)
    .where("superseded_by", "is", null)
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const registerListings = await k
    .selectFrom("enterprise_listing_events")
    .select(["enterprise_id", "stage", "event_date"])
    .where("district_id", "=", districtId)
    .where("stage", "in", ["neeq", "domestic", "overseas"])
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const projects = await k
    .selectFrom("projects")
    .select([
      "id",
      "code",
      "name",
      "enterprise_id",
      "planned_investment_fen",
      "introduced_year",
      "production_year",
      "stage",
    ])
    .where("district_id", "=", districtId)
    .where("enterprise_id", "is not", null)
    .where("introduced_year", "is not", null)
    .orderBy("code")
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  // The first year each stage was reached, whichever table recorded it.
  const firstListing = new Map<string, { enterprise_id: number; stage: string; year: number }>();
  const note = (enterpriseId: number, stage: string, year: number) => {
    const key = `${enterpriseId}|${stage}`;
    const known = firstListing.get(key);
    if (!known || year < known.year) firstListing.set(key, { enterprise_id: enterpriseId, stage, year });
  };
  for (const row of registerListings) note(row.enterprise_id, row.stage, Number(row.event_date.slice(0, 4)));
  return {
    enterprises,
    scaleYears,
    annualFigures,
    grants,
    techProjects,
    events,
    listings: [...firstListing.values()],
    projects,
  };
}

// ---------------------------------------------------------------- batches

export async function findRunningBatch(db: DbContext, districtId: string): Promise<RewardBatchRow | undefined> {
  return db.kysely
    .selectFrom("reward_batches")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("status", "=", "running")
    .executeTakeFirst();
}

export async function insertBatch(db: DbContext, batch: Insertable<RewardBatchTable>): Promise<number> {
  const row = await db.kysely.insertInto("reward_batches").values(batch).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateBatch(db: DbContext, id: number, changes: Updateable<RewardBatchTable>): Promise<void> {
  await db.kysely.updateTable("reward_batches").set(changes).where("id", "=", id).execute();
}

export async function findBatch(db: DbContext, districtId: string, id: number): Promise<RewardBatchRow | undefined> {
  return db.kysely
    .selectFrom("reward_batches")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function listBatches(db: DbContext, districtId: string, year?: number): Promise<RewardBatchRow[]> {
  let query = db.kysely.selectFrom("reward_batches").selectAll().where("district_id", "=", districtId);
  if (year !== undefined) query = query.where("year", "=", year);
  return query.orderBy("id", "desc").limit(50).execute();
}

export async function countFinishedBatches(db: DbContext, districtId: string, year: number): Promise<number> {
  const row = await db.kysely
    .selectFrom("reward_batches")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("district_id", "=", districtId)
    .where("year", "=", year)
    .where("status", "=", "done")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- entitlements

/** Every entitlement that is not superseded (at most one per one-time key). */
export async function findLiveEntitlements(db: DbContext, districtId: string): Promise<RewardEntitlementRow[]> {
  return db.kysely
    .selectFrom("reward_entitlements")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("status", "<>", "superseded")
    .execute();
}

export async function insertEntitlement(db: DbContext, row: Insertable<RewardEntitlementTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("reward_entitlements")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Moves an entitlement on only if it is still in one of `from`: the check and the change are one
 * statement, so of two simultaneous callers exactly one moves it. Returns whether it moved.
 */
export async function transitionEntitlement(
  db: DbContext,
  id: number,
  from: readonly EntitlementStatus[],
  changes: Updateable<RewardEntitlementTable>,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable("reward_entitlements")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function refreshEntitlement(
  db: DbContext,
  id: number,
  changes: { batch_id: number; explanation_json: string; updated_at: string },
): Promise<void> {
  await db.kysely.updateTable("reward_entitlements").set(changes).where("id", "=", id).execute();
}

export interface EntitlementListRow extends RewardEntitlementRow {
  enterprise_name: string | null;
  project_name: string | null;
}

export interface EntitlementFilter {
  districtId: string;
  enterpriseId?: number;
  year?: number;
  ruleId?: string;
  statuses?: readonly string[];
  changedOnly?: boolean;
  q?: string;
}

function entitlementQuery(db: DbContext, filter: EntitlementFilter) {
  let query = db.kysely
    .selectFrom("reward_entitlements as r")
    .leftJoin("enterprises as e", "e.id", "r.enterprise_id")
    .leftJoin("projects as p", "p.id", "r.project_id")
    .where("r.district_id", "=", filter.districtId);
  if (filter.enterpriseId !== undefined) query = query.where("r.enterprise_id", "=", filter.enterpriseId);
  if (filter.year !== undefined) query = query.where("r.year", "=", filter.year);
  if (filter.ruleId) query = query.where("r.rule_id", "=", filter.ruleId);
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where("r.status", "in", filter.statuses as EntitlementStatus[]);
  else query = query.where("r.status", "<>", "superseded");
  if (filter.changedOnly) query = query.where("r.change_flag", "is not", null);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText("e.name", q), containsText("r.credit_code", q.toUpperCase())]));
  }
  return query;
}

export async function findEntitlements(
  db: DbContext,
  filter: EntitlementFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: EntitlementListRow[]; total: number }> {
  const query = entitlementQuery(db, filter);
  const totalRow = await query.select((eb) => eb.fn.countAll().as("total")).executeTakeFirst();
  const rows = await query
    .selectAll("r")
    .select(["e.name as enterprise_name", "p.name as project_name"])
    .orderBy("r.year", "desc")
    .orderBy("r.credit_code")
    .orderBy("r.rule_id")
    .orderBy("r.id")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function findAllEntitlements(db: DbContext, filter: EntitlementFilter): Promise<EntitlementListRow[]> {
  return entitlementQuery(db, filter)
    .selectAll("r")
    .select(["e.name as enterprise_name", "p.name as project_name"])
    .orderBy("r.year")
    .orderBy("r.credit_code")
    .orderBy("r.rule_id")
    .orderBy("r.id")
    .execute();
}

export async function findEntitlement(
  db: DbContext,
  districtId: string,
  id: number,
): Promise<EntitlementListRow | undefined> {
  return db.kysely
    .selectFrom("reward_entitlements as r")
    .leftJoin("enterprises as e", "e.id", "r.enterprise_id")
    .leftJoin("projects as p", "p.id", "r.project_id")
    .selectAll("r")
    .select(["e.name as enterprise_name", "p.name as project_name"])
    .where("r.district_id", "=", districtId)
    .where("r.id", "=", id)
    .executeTakeFirst();
}

/** Amount totals by year, rule and status (superseded rows left out). */
export async function sumEntitlements(
  db: DbContext,
  districtId: string,
): Promise<{ year: number; rule_id: string; status: string; total_fen: string | null; n: number }[]> {
  const rows = await db.kysely
    .selectFrom("reward_entitlements")
    .select(["year", "rule_id", "status"])
    .select((eb) => eb.fn.sum<string>("amount_fen").as("total_fen"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("district_id", "=", districtId)
    .where("status", "<>", "superseded")
    .groupBy(["year", "rule_id", "status"])
    .execute();
  // SUM over BIGINT: PostgreSQL answers numeric (a string), SQLite an integer; both become exact text.
  return rows.map((row) => ({
    ...row,
    total_fen: row.total_fen === null ? null : String(row.total_fen),
    n: Number(row.n),
  }));
}

// ---------------------------------------------------------------- events, payments

export async function insertEntitlementEvents(
  db: DbContext,
  events: Omit<RewardEntitlementEventRow, "id">[],
): Promise<void> {
  // Chunks keep each statement well under the parameter limits of both databases.
  for (let start = 0; start < events.length; start += 200) {
    await db.kysely
      .insertInto("reward_entitlement_events")
      .values(events.slice(start, start + 200))
      .execute();
  }
}

export async function findEntitlementEvents(
  db: DbContext,
  entitlementId: number,
): Promise<RewardEntitlementEventRow[]> {
  return db.kysely
    .selectFrom("reward_entitlement_events")
    .selectAll()
    .where("entitlement_id", "=", entitlementId)
    .orderBy("id")
    .execute();
}

export async function insertPayment(
  db: DbContext,
  payment: {
    district_id: string;
    entitlement_id: number;
    one_time_key: string;
    amount_fen: string;
    voucher_no: string;
    paid_on: string;
    recorded_by: number | null;
    recorded_at: string;
  },
): Promise<void> {
  await db.kysely.insertInto("reward_payments").values(payment).execute();
}

// ---------------------------------------------------------------- budgets, corrections, notices

export async function findBudgets(
  db: DbContext,
  districtId: string,
): Promise<{ year: number; amount_fen: string; note: string; updated_at: string }[]> {
  return db.kysely
    .selectFrom("reward_budgets")
    .select(["year", "amount_fen", "note", "updated_at"])
    .where("district_id", "=", districtId)
    .orderBy("year")
    .execute();
}

export async function upsertBudget(
  db: DbContext,
  budget: {
    district_id: string;
    year: number;
    amount_fen: string;
    note: string;
    updated_by: number | null;
    updated_at: string;
  },
): Promise<void> {
  await db.kysely
    .insertInto("reward_budgets")
    .values(budget)
    .onConflict((oc) =>
      oc.columns(["district_id", "year"]).doUpdateSet({
        amount_fen: budget.amount_fen,
        note: budget.note,
        updated_by: budget.updated_by,
        updated_at: budget.updated_at,
      }),
    )
    .execute();
}

export async function findOpenCorrection(
  db: DbContext,
  entitlementId: number,
): Promise<RewardCorrectionRow | undefined> {
  return db.kysely
    .selectFrom("reward_corrections")
    .selectAll()
    .where("entitlement_id", "=", entitlementId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

export async function insertCorrection(db: DbContext, correction: Omit<RewardCorrectionRow, "id">): Promise<number> {
  const row = await db.kysely
    .insertInto("reward_corrections")
    .values(correction)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceOpenCorrection(
  db: DbContext,
  id: number,
  changes: {
    batch_id: number;
    recomputed_amount_fen: string | null;
    difference_fen: string;
    explanation_json: string | null;
  },
): Promise<void> {
  await db.kysely.updateTable("reward_corrections").set(changes).where("id", "=", id).execute();
}

export async function findCorrections(
  db: DbContext,
  districtId: string,
  status?: string,
): Promise<
  (RewardCorrectionRow & { credit_code: string; rule_id: string; year: number; enterprise_name: string | null })[]
> {
  let query = db.kysely
    .selectFrom("reward_corrections as c")
    .innerJoin("reward_entitlements as r", "r.id", "c.entitlement_id")
    .leftJoin("enterprises as e", "e.id", "r.enterprise_id")
    .selectAll("c")
    .select(["r.credit_code", "r.rule_id", "r.year", "e.name as enterprise_name"])
    .where("c.district_id", "=", districtId);
  if (status) query = query.where("c.status", "=", status as "open");
  return query.orderBy("c.id", "desc").execute();
}

export async function resolveCorrection(
  db: DbContext,
  districtId: string,
  id: number,
  changes: { status: "accepted" | "dismissed"; reason: string; resolved_at: string; resolved_by: number | null },
): Promise<boolean> {
  const result = await db.kysely
    .updateTable("reward_corrections")
    .set(changes)
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertNotice(
  db: DbContext,
  notice: { district_id: string; year: number; enterprise_id: number; issued_by: number | null; issued_at: string },
): Promise<number> {
  const last = await db.kysely
    .selectFrom("reward_notices")
    .select((eb) => eb.fn.max("serial").as("serial"))
    .where("district_id", "=", notice.district_id)
    .where("year", "=", notice.year)
    .executeTakeFirst();
  const serial = Number(last?.serial ?? 0) + 1;
  await db.kysely
    .insertInto("reward_notices")
    .values({ ...notice, serial })
    .execute();
  return serial;
}

/** Unit id of the unit with this code in the district (e.g. the finance bureau). */
export async function findUnitIdByCode(db: DbContext, districtId: string, code: string): Promise<number | undefined> {
  const row = await db.kysely
    .selectFrom("units")
    .select("id")
    .where("district_id", "=", districtId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row?.id;
}

export async function findEnterpriseBrief(
  db: DbContext,
  districtId: string,
  id: number,
): Promise<{ id: number; credit_code: string; name: string } | undefined> {
  return db.kysely
    .selectFrom("enterprises")
    .select(["id", "credit_code", "name"])
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Whether the error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
