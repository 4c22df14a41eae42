/**
 * Reward tables: the register inputs of the reward rules, computation batches, entitlements and
 * their workflow events, the payment ledger, budgets, corrections and approval notices.
 */
import type { Expression, Insertable, SqlBool, Updateable } from "kysely";
import { sql } from "kysely";
import type { DbContext } from "../../platform/db/database";
import { containsText } from "../register/index";
import type {
  EntitlementStatus,
  ObjectionStatus,
  RewardBatchRow,
  RewardBatchTable,
  RewardCorrectionRow,
  RewardEntitlementEventRow,
  RewardEntitlementRow,
  RewardEntitlementTable,
  RewardObjectionRow,
  RewardObjectionTable,
  RewardPublicityItemRow,
  RewardPublicityItemTable,
  RewardPublicityRow,
  RewardPublicityTable,
  RewardRecoveryRow,
  RewardRecoveryTable,
} from "./rewards.table";

// ---------------------------------------------------------------- register inputs

export interface RewardRegisterData {
  enterprises: { id: number; credit_code: string; name: string }[];
  scaleYears: { enterprise_id: number; year: number; status: string }[];
  /**
   * The district's first year of any scale record, when only one enterprise is loaded: an enterprise whose own
   * history starts later entered the directory then, as the district's batch reads it.
   */
  firstScaleYear?: number | null;
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
  // The reads go out together: on PostgreSQL, the database finds the rows of one while these are parsed.
  const enterprisesRead = k
    .selectFrom("enterprises")
    .select(["id", "credit_code", "name"])
    .where("district_id", "=", districtId)
    .orderBy("credit_code")
    .$if(one, (q) => q.where("id", "=", id))
    .execute();
  const scaleYearsRead = k
    .selectFrom("enterprise_scale_years as s")
    .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
    .select(["s.enterprise_id", "s.year", "s.status"])
    .where("e.district_id", "=", districtId)
    .$if(one, (q) => q.where("s.enterprise_id", "=", id))
    .execute();
  const annualFiguresRead = k
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
  const grantsRead = k
    .selectFrom("enterprise_grants")
    .select(["id", "enterprise_id", "code", "year", "level", "purpose", "amount_fen", "source"])
    .where("district_id", "=", districtId)
    // Only the current official value: corrected rows and pending self-reports never count.
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .orderBy("code")
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const techProjectsRead = k
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
  const eventsRead = k
    .selectFrom("enterprise_events")
    .select(["enterprise_id", "kind", "year"])
    .where("district_id", "=", districtId)
    .where("superseded_by", "is", null)
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const registerListingsRead = k
    .selectFrom("enterprise_listing_events")
    .select(["enterprise_id", "stage", "event_date"])
    .where("district_id", "=", districtId)
    .where("stage", "in", ["neeq", "domestic", "overseas"])
    .$if(one, (q) => q.where("enterprise_id", "=", id))
    .execute();
  const projectsRead = k
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
  const [enterprises, scaleYears, annualFigures, grants, techProjects, events, registerListings, projects] =
    await Promise.all([
      enterprisesRead,
      scaleYearsRead,
      annualFiguresRead,
      grantsRead,
      techProjectsRead,
      eventsRead,
      registerListingsRead,
      projectsRead,
    ]);
  // The first year each stage was reached, whichever table recorded it.
  const firstListing = new Map<string, { enterprise_id: number; stage: string; year: number }>();
  const note = (enterpriseId: number, stage: string, year: number) => {
    const key = `${enterpriseId}|${stage}`;
    const known = firstListing.get(key);
    if (!known || year < known.year) firstListing.set(key, { enterprise_id: enterpriseId, stage, year });
  };
  for (const row of registerListings) note(row.enterprise_id, row.stage, Number(row.event_date.slice(0, 4)));
  // One enterprise read alone tells newly above scale as the district's batch does: from the district's first year.
  const firstScaleYear = one
    ? ((
        await k
          .selectFrom("enterprise_scale_years as s")
          .innerJoin("enterprises as e", "e.id", "s.enterprise_id")
          .select((eb) => eb.fn.min<number>("s.year").as("first"))
          .where("e.district_id", "=", districtId)
          .executeTakeFirst()
      )?.first ?? null)
    : undefined;
  return {
    enterprises,
    scaleYears,
    ...(firstScaleYear === undefined
      ? {}
      : { firstScaleYear: firstScaleYear === null ? null : Number(firstScaleYear) }),
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

/** Where each entitlement still in the workflow stands (of one enterprise, or the whole district), with its amount. */
export async function findOpenEntitlementSteps(db: DbContext, districtId: string, enterpriseId?: number) {
  let query = db.kysely
    .selectFrom("reward_entitlements")
    .select(["status", "workflow_step", "amount_fen"])
    .where("district_id", "=", districtId)
    .where("status", "not in", ["paid", "rejected", "superseded"]);
  if (enterpriseId !== undefined) query = query.where("enterprise_id", "=", enterpriseId);
  return query.execute();
}

/** One enterprise's entitlements of a year that are not superseded. */
export async function findLiveEntitlementsOfEnterprise(
  db: DbContext,
  districtId: string,
  enterpriseId: number,
  year: number,
): Promise<RewardEntitlementRow[]> {
  return db.kysely
    .selectFrom("reward_entitlements")
    .selectAll()
    .where("district_id", "=", districtId)
    .where("enterprise_id", "=", enterpriseId)
    .where("year", "=", year)
    .where("status", "<>", "superseded")
    .execute();
}

/**
 * Rows written per statement by the bulk writes below: an entitlement has 26 columns, so 500 rows stay well under
 * both databases' limits on parameters (PostgreSQL 65,535, SQLite 32,766); the same size each time lets SQLite
 * reuse the prepared statement.
 */
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts entitlements a few hundred per statement, in order; answers each new row's id by its one-time key (unique
 * among the live rows written, which the batch's rows are).
 */
export async function insertEntitlements(
  db: DbContext,
  rows: readonly Insertable<RewardEntitlementTable>[],
): Promise<Map<string, number>> {
  const idByKey = new Map<string, number>();
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const inserted = await db.kysely
      .insertInto("reward_entitlements")
      .values(rows.slice(start, start + ROWS_PER_STATEMENT))
      .returning(["id", "one_time_key"])
      .execute();
    for (const row of inserted) idByKey.set(row.one_time_key, row.id);
  }
  return idByKey;
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

/**
 * Moves an entitlement on only if it is still where the caller found it (status and awaited step): the check and
 * the change are one statement, so of two simultaneous callers exactly one moves it. Returns whether it moved.
 */
export async function moveEntitlement(
  db: DbContext,
  id: number,
  found: { status: EntitlementStatus; workflowStep: string | null },
  changes: Updateable<RewardEntitlementTable>,
): Promise<boolean> {
  const result = await db.kysely
    .updateTable("reward_entitlements")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", found.status)
    .where((eb) =>
      found.workflowStep === null ? eb("workflow_step", "is", null) : eb("workflow_step", "=", found.workflowStep),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds a recovery to a paid entitlement only while what is recovered stays within its amount (one statement). */
export async function addRecovered(db: DbContext, id: number, amountFen: string, updatedAt: string): Promise<boolean> {
  const amount = sql<string>`cast(${amountFen} as bigint)`;
  const result = await db.kysely
    .updateTable("reward_entitlements")
    .set({ recovered_fen: sql<string>`recovered_fen + ${amount}`, updated_at: updatedAt })
    .where("id", "=", id)
    .where("status", "=", "paid")
    .where(sql<SqlBool>`recovered_fen + ${amount} <= amount_fen`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Entitlements a recompute found unchanged: each takes the batch and its explanation as computed again, a few
 * hundred rows per statement (the explanation chosen by id within it).
 */
export async function refreshEntitlements(
  db: DbContext,
  batchId: number,
  updatedAt: string,
  rows: readonly { id: number; explanation_json: string }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    await db.kysely
      .updateTable("reward_entitlements")
      .set((eb) => {
        let explanation = eb
          .case("id")
          .when(chunk[0]?.id ?? 0)
          .then(chunk[0]?.explanation_json ?? "null");
        for (const row of chunk.slice(1)) explanation = explanation.when(row.id).then(row.explanation_json);
        return {
          batch_id: batchId,
          updated_at: updatedAt,
          explanation_json: explanation.else(eb.ref("explanation_json")).end(),
        };
      })
      .where(
        "id",
        "in",
        chunk.map((row) => row.id),
      )
      .execute();
  }
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
  batchId?: number;
  /**
   * Waiting for a step of the plan: its id stored with the row, or, for a row without a usable stored step,
   * one of the statuses that wait for it (workflow.ts in the domain reads them).
   */
  step?: { id: string; knownStepIds: readonly string[]; statusesWithoutStoredStep: readonly EntitlementStatus[] };
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
  if (filter.batchId !== undefined) query = query.where("r.batch_id", "=", filter.batchId);
  const step = filter.step;
  if (step) {
    query = query.where((eb) => {
      const alternatives: Expression<SqlBool>[] = [eb("r.workflow_step", "=", step.id)];
      if (step.statusesWithoutStoredStep.length > 0)
        alternatives.push(
          eb.and([
            eb.or([eb("r.workflow_step", "is", null), eb("r.workflow_step", "not in", [...step.knownStepIds])]),
            eb("r.status", "in", [...step.statusesWithoutStoredStep]),
          ]),
        );
      return eb.and([eb.or(alternatives), eb("r.status", "not in", ["paid", "rejected", "superseded"])]);
    });
  }
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

/** Amount totals (and what has been recovered) by year, rule and status (superseded rows left out). */
export async function sumEntitlements(
  db: DbContext,
  districtId: string,
): Promise<
  { year: number; rule_id: string; status: string; total_fen: string | null; recovered_fen: string; n: number }[]
> {
  const rows = await db.kysely
    .selectFrom("reward_entitlements")
    .select(["year", "rule_id", "status"])
    .select((eb) => eb.fn.sum<string>("amount_fen").as("total_fen"))
    .select((eb) => eb.fn.sum<string>("recovered_fen").as("recovered_fen"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("district_id", "=", districtId)
    .where("status", "<>", "superseded")
    .groupBy(["year", "rule_id", "status"])
    .execute();
  // SUM over BIGINT: PostgreSQL answers numeric (a string), SQLite an integer; both become exact text.
  return rows.map((row) => ({
    ...row,
    total_fen: row.total_fen === null ? null : String(row.total_fen),
    recovered_fen: row.recovered_fen === null ? "0" : String(row.recovered_fen),
    n: Number(row.n),
  }));
}

// ---------------------------------------------------------------- events, payments

export async function insertEntitlementEvents(
  db: DbContext,
  events: Omit<RewardEntitlementEventRow, "id">[],
): Promise<void> {
  // Chunks keep each statement well under the parameter limits of both databases (9 columns a row).
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    await db.kysely
      .insertInto("reward_entitlement_events")
      .values(events.slice(start, start + ROWS_PER_STATEMENT))
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

/** The plan's id (code) of a unit of the district, by the unit's row id (a unit account's unit). */
export async function findUnitCode(db: DbContext, districtId: string, unitId: number): Promise<string | undefined> {
  const row = await db.kysely
    .selectFrom("units")
    .select("code")
    .where("district_id", "=", districtId)
    .where("id", "=", unitId)
    .executeTakeFirst();
  return row?.code;
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

// ---------------------------------------------------------------- publicities, objections, recoveries

export async function insertPublicity(db: DbContext, row: Insertable<RewardPublicityTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("reward_publicities")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertPublicityItems(db: DbContext, rows: Insertable<RewardPublicityItemTable>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200)
    await db.kysely
      .insertInto("reward_publicity_items")
      .values(rows.slice(start, start + 200))
      .execute();
}

export interface PublicityRowWithCounts extends RewardPublicityRow {
  item_count: number;
  objection_count: number;
  open_objection_count: number;
  publisher: string | null;
}

function publicityQuery(db: DbContext) {
  return db.kysely
    .selectFrom("reward_publicities as p")
    .leftJoin("users as u", "u.id", "p.published_by")
    .selectAll("p")
    .select("u.display_name as publisher")
    .select((eb) => [
      eb
        .selectFrom("reward_publicity_items as i")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("i.publicity_id", "=", "p.id")
        .as("item_count"),
      eb
        .selectFrom("reward_objections as o")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("o.publicity_id", "=", "p.id")
        .as("objection_count"),
      eb
        .selectFrom("reward_objections as o")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("o.publicity_id", "=", "p.id")
        .where("o.status", "=", "open")
        .as("open_objection_count"),
    ]);
}

function withCounts(row: {
  item_count: number | null;
  objection_count: number | null;
  open_objection_count: number | null;
}) {
  return {
    item_count: Number(row.item_count ?? 0),
    objection_count: Number(row.objection_count ?? 0),
    open_objection_count: Number(row.open_objection_count ?? 0),
  };
}

export async function findPublicities(db: DbContext, districtId: string): Promise<PublicityRowWithCounts[]> {
  const rows = await publicityQuery(db).where("p.district_id", "=", districtId).orderBy("p.id", "desc").execute();
  return rows.map((row) => ({ ...row, ...withCounts(row) }));
}

/** A publicity by its id, in any district when `districtId` is left out (the public page knows only the id). */
export async function findPublicity(
  db: DbContext,
  id: number,
  districtId?: string,
): Promise<PublicityRowWithCounts | undefined> {
  let query = publicityQuery(db).where("p.id", "=", id);
  if (districtId !== undefined) query = query.where("p.district_id", "=", districtId);
  const row = await query.executeTakeFirst();
  return row ? { ...row, ...withCounts(row) } : undefined;
}

/** The publicities running on `today`, of one district or of all. */
export async function findRunningPublicities(
  db: DbContext,
  today: string,
  districtId?: string,
): Promise<RewardPublicityRow[]> {
  let query = db.kysely
    .selectFrom("reward_publicities")
    .selectAll()
    .where("starts_on", "<=", today)
    .where("ends_on", ">=", today);
  if (districtId !== undefined) query = query.where("district_id", "=", districtId);
  return query.orderBy("id").execute();
}

export async function findPublicityItems(db: DbContext, publicityId: number): Promise<RewardPublicityItemRow[]> {
  return db.kysely
    .selectFrom("reward_publicity_items")
    .selectAll()
    .where("publicity_id", "=", publicityId)
    .orderBy("id")
    .execute();
}

export async function findPublicityItem(
  db: DbContext,
  publicityId: number,
  itemId: number,
): Promise<RewardPublicityItemRow | undefined> {
  return db.kysely
    .selectFrom("reward_publicity_items")
    .selectAll()
    .where("publicity_id", "=", publicityId)
    .where("id", "=", itemId)
    .executeTakeFirst();
}

/** The last publicity that listed an entitlement. */
export async function findLatestListing(
  db: DbContext,
  entitlementId: number,
): Promise<(RewardPublicityRow & { item_id: number }) | undefined> {
  return db.kysely
    .selectFrom("reward_publicity_items as i")
    .innerJoin("reward_publicities as p", "p.id", "i.publicity_id")
    .selectAll("p")
    .select("i.id as item_id")
    .where("i.entitlement_id", "=", entitlementId)
    .orderBy("p.id", "desc")
    .executeTakeFirst();
}

export async function countOpenObjections(db: DbContext, entitlementId: number): Promise<number> {
  const row = await db.kysely
    .selectFrom("reward_objections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("entitlement_id", "=", entitlementId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Objections filed from one source since a moment (the rate limit). */
export async function countObjectionsFrom(db: DbContext, sourceKey: string, since: string): Promise<number> {
  const row = await db.kysely
    .selectFrom("reward_objections")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("source_key", "=", sourceKey)
    .where("filed_at", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertObjection(db: DbContext, row: Insertable<RewardObjectionTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("reward_objections")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ObjectionListRow extends RewardObjectionRow {
  enterprise_name: string;
  rule_name: string;
  rule_name_en: string;
  amount_fen: string | null;
  clause: string;
  entitlement_status: EntitlementStatus;
}

export async function findObjections(
  db: DbContext,
  districtId: string,
  filter: { status?: ObjectionStatus; publicityId?: number; entitlementId?: number; id?: number },
): Promise<ObjectionListRow[]> {
  let query = db.kysely
    .selectFrom("reward_objections as o")
    .innerJoin("reward_publicity_items as i", "i.id", "o.item_id")
    .innerJoin("reward_entitlements as r", "r.id", "o.entitlement_id")
    .selectAll("o")
    .select([
      "i.enterprise_name",
      "i.rule_name",
      "i.rule_name_en",
      "i.amount_fen",
      "i.clause",
      "r.status as entitlement_status",
    ])
    .where("o.district_id", "=", districtId);
  if (filter.status) query = query.where("o.status", "=", filter.status);
  if (filter.publicityId !== undefined) query = query.where("o.publicity_id", "=", filter.publicityId);
  if (filter.entitlementId !== undefined) query = query.where("o.entitlement_id", "=", filter.entitlementId);
  if (filter.id !== undefined) query = query.where("o.id", "=", filter.id);
  return query.orderBy("o.id", "desc").limit(500).execute();
}

/** Closes an open objection; false when it is not open (any more). */
export async function resolveObjection(
  db: DbContext,
  districtId: string,
  id: number,
  changes: { status: "upheld" | "dismissed"; resolution: string; resolved_by: number | null; resolved_at: string },
): Promise<boolean> {
  const result = await db.kysely
    .updateTable("reward_objections")
    .set(changes)
    .where("district_id", "=", districtId)
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertRecovery(db: DbContext, row: Insertable<RewardRecoveryTable>): Promise<number> {
  const inserted = await db.kysely
    .insertInto("reward_recoveries")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findRecoveries(
  db: DbContext,
  entitlementId: number,
): Promise<(RewardRecoveryRow & { recorder: string | null })[]> {
  return db.kysely
    .selectFrom("reward_recoveries as c")
    .leftJoin("users as u", "u.id", "c.recorded_by")
    .selectAll("c")
    .select("u.display_name as recorder")
    .where("c.entitlement_id", "=", entitlementId)
    .orderBy("c.id")
    .execute();
}

/**
 * The recoveries of a district settled by deduction from later awards, oldest first, each with the award it
 * recovers (its enterprise and year): what the batch hands the engine as shortfalls.
 */
export async function findRecoveriesByDeduction(db: DbContext, districtId: string) {
  return db.kysely
    .selectFrom("reward_recoveries as c")
    .innerJoin("reward_entitlements as e", "e.id", "c.entitlement_id")
    .select(["c.id", "c.amount_fen", "c.recovered_on", "e.credit_code", "e.year", "e.rule_id"])
    .where("c.district_id", "=", districtId)
    .where("c.settlement", "=", "deduction")
    .orderBy("c.recovered_on")
    .orderBy("c.id")
    .execute();
}

// ---------------------------------------------------------------- budgets and recoveries as they stand

/** The summary of each year's latest finished batch (its budgets' shares), by year. */
export async function findLatestBatchSummaries(db: DbContext, districtId: string): Promise<Map<number, string>> {
  const rows = await db.kysely
    .selectFrom("reward_batches")
    .select(["year", "summary_json"])
    .where("district_id", "=", districtId)
    .where("status", "=", "done")
    .orderBy("year")
    .orderBy("id")
    .execute();
  const latest = new Map<number, string>();
  for (const row of rows) if (row.summary_json !== null) latest.set(row.year, row.summary_json);
  return latest;
}

/** Every recovery of the district with its settlement and the award it recovers (enterprise, year, rule). */
export async function findRecoveriesWithAwards(db: DbContext, districtId: string) {
  const rows = await db.kysely
    .selectFrom("reward_recoveries as c")
    .innerJoin("reward_entitlements as e", "e.id", "c.entitlement_id")
    .select(["c.id", "c.amount_fen", "c.settlement", "e.credit_code", "e.year", "e.rule_id", "e.status"])
    .where("c.district_id", "=", districtId)
    .orderBy("c.id")
    .execute();
  return rows.map((row) => ({ ...row, amount_fen: String(row.amount_fen) }));
}

/**
 * What awards that stand (the live row of a batch, not rejected) were reduced by for shortfalls, per award: the
 * deductions actually made so far.
 */
export async function findDeductionsMade(db: DbContext, districtId: string) {
  const rows = await db.kysely
    .selectFrom("reward_entitlements")
    .select(["id", "credit_code", "year", "deducted_fen"])
    .where("district_id", "=", districtId)
    .where("status", "not in", ["superseded", "rejected"])
    .where(sql<boolean>`deducted_fen > 0`)
    .orderBy("year")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ ...row, deducted_fen: String(row.deducted_fen) }));
}
