import { type Insertable, sql } from "kysely";
import type { DbContext } from "../db/database";
import type { AuditCheckpointRow, AuditCheckpointTable, AuditLogRow, AuditLogTable } from "./audit-log.table";

/**
 * Serialises writers of one district's chain until the transaction ends. PostgreSQL takes a
 * transaction-scoped advisory lock; SQLite already holds its write lock (BEGIN IMMEDIATE).
 */
export async function lockAuditChain(tx: DbContext, districtId: string): Promise<void> {
  if (tx.dialect !== "postgres") return;
  await sql`select pg_advisory_xact_lock(hashtext(${`audit_log:${districtId}`}))`.execute(tx.kysely);
}

export async function lastAuditEntry(
  tx: DbContext,
  districtId: string,
): Promise<Pick<AuditLogRow, "seq" | "hash"> | undefined> {
  return tx.kysely
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .where("district_id", "=", districtId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertAuditEntry(tx: DbContext, entry: Insertable<AuditLogTable>): Promise<number> {
  const row = await tx.kysely.insertInto("audit_log").values(entry).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** One batch of the chain in order (district, seq), after the given position. */
export async function auditBatch(
  db: DbContext,
  options: { districtId?: string; after?: { districtId: string; seq: number }; limit: number },
): Promise<AuditLogRow[]> {
  let query = db.kysely.selectFrom("audit_log").selectAll();
  if (options.districtId) query = query.where("district_id", "=", options.districtId);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb("district_id", ">", after.districtId),
        eb.and([eb("district_id", "=", after.districtId), eb("seq", ">", after.seq)]),
      ]),
    );
  }
  return query.orderBy("district_id").orderBy("seq").limit(options.limit).execute();
}

export interface AuditFilter {
  districtId: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Matches the actor's label (username) exactly, or the user id. */
  actor?: string;
  /** A day (YYYY-MM-DD, from its start in Beijing time) or an ISO timestamp. */
  from?: string;
  /** A day (YYYY-MM-DD, up to its end in Beijing time, included) or an ISO timestamp. */
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first moment of a day as the district's clocks read it (China Standard Time, no daylight saving), in UTC. */
function beijingDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The district's entries the filter keeps: the one reading of the filter, for the page and the export. */
function filteredAuditLog(db: DbContext, filter: AuditFilter) {
  let query = db.kysely.selectFrom("audit_log").where("district_id", "=", filter.districtId);
  if (filter.entityType) query = query.where("entity_type", "=", filter.entityType);
  if (filter.entityId) query = query.where("entity_id", "=", filter.entityId);
  if (filter.action) query = query.where("action", "=", filter.action);
  const actor = filter.actor;
  if (actor) {
    const asId = /^\d+$/.test(actor) ? Number(actor) : null;
    query = query.where((eb) =>
      asId === null
        ? eb("actor_label", "=", actor)
        : eb.or([eb("actor_label", "=", actor), eb("actor_user_id", "=", asId)]),
    );
  }
  if (filter.from) query = query.where("at", ">=", DAY.test(filter.from) ? beijingDayStart(filter.from) : filter.from);
  if (filter.to) {
    query = DAY.test(filter.to)
      ? query.where("at", "<", beijingDayStart(nextDay(filter.to)))
      : query.where("at", "<=", filter.to);
  }
  return query;
}

export async function findAuditEntries(
  db: DbContext,
  filter: AuditFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AuditLogRow[]; total: number }> {
  const query = filteredAuditLog(db, filter);
  const totalRow = await query.select((eb) => eb.fn.countAll().as("total")).executeTakeFirst();
  const rows = await query.selectAll().orderBy("seq", "desc").offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function countAuditEntries(db: DbContext, filter: AuditFilter): Promise<number> {
  const row = await filteredAuditLog(db, filter)
    .select((eb) => eb.fn.countAll().as("total"))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/**
 * The next chunk of the entries the filter keeps, newest first, older than `beforeSeq` (all when absent): a long
 * log is read chunk by chunk from where the previous one ended, never by an offset that rereads what it skips.
 */
export async function auditEntriesBefore(
  db: DbContext,
  filter: AuditFilter,
  beforeSeq: number | undefined,
  limit: number,
): Promise<AuditLogRow[]> {
  let query = filteredAuditLog(db, filter);
  if (beforeSeq !== undefined) query = query.where("seq", "<", beforeSeq);
  return query.selectAll().orderBy("seq", "desc").limit(limit).execute();
}

/** Each district's newest entry (the head of its chain). */
export async function auditChainHeads(
  db: DbContext,
  districtId?: string,
): Promise<Pick<AuditLogRow, "district_id" | "seq" | "hash" | "at">[]> {
  let query = db.kysely
    .selectFrom("audit_log as a")
    .select(["a.district_id", "a.seq", "a.hash", "a.at"])
    .where("a.seq", "=", (eb) =>
      eb
        .selectFrom("audit_log as b")
        .select((b) => b.fn.max("b.seq").as("max_seq"))
        .whereRef("b.district_id", "=", "a.district_id"),
    );
  if (districtId) query = query.where("a.district_id", "=", districtId);
  return query.orderBy("a.district_id").execute();
}

/** Seq and hash of a district's entries after `afterSeq` up to `uptoSeq`, in order, at most `limit`. */
export async function auditHashesInRange(
  db: DbContext,
  districtId: string,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): Promise<Pick<AuditLogRow, "seq" | "hash">[]> {
  return db.kysely
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .where("district_id", "=", districtId)
    .where("seq", ">", afterSeq)
    .where("seq", "<=", uptoSeq)
    .orderBy("seq")
    .limit(limit)
    .execute();
}

export async function auditEntryAtSeq(
  db: DbContext,
  districtId: string,
  seq: number,
): Promise<Pick<AuditLogRow, "seq" | "hash"> | undefined> {
  return db.kysely
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .where("district_id", "=", districtId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/** Stores a checkpoint unless one for the same district and seq exists (another process signed it first). */
export async function insertAuditCheckpoint(
  db: DbContext,
  checkpoint: Insertable<AuditCheckpointTable>,
): Promise<number | undefined> {
  const row = await db.kysely
    .insertInto("audit_checkpoints")
    .values(checkpoint)
    .onConflict((oc) => oc.columns(["district_id", "seq"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** The stored checkpoints (of one district, or of all), in order (district, seq). */
export async function listAuditCheckpoints(db: DbContext, districtId?: string): Promise<AuditCheckpointRow[]> {
  let query = db.kysely.selectFrom("audit_checkpoints").selectAll();
  if (districtId) query = query.where("district_id", "=", districtId);
  return query.orderBy("district_id").orderBy("seq").execute();
}

/** A district's checkpoints, newest first. */
export async function latestAuditCheckpoints(
  db: DbContext,
  districtId: string,
  limit: number,
): Promise<AuditCheckpointRow[]> {
  return db.kysely
    .selectFrom("audit_checkpoints")
    .selectAll()
    .where("district_id", "=", districtId)
    .orderBy("seq", "desc")
    .limit(limit)
    .execute();
}

export async function auditCheckpointKeyIds(db: DbContext): Promise<string[]> {
  const rows = await db.kysely.selectFrom("audit_checkpoints").select("key_id").distinct().execute();
  return rows.map((row) => row.key_id);
}

/** The key that signed the checkpoint stored last. */
export async function newestAuditCheckpointKeyId(db: DbContext): Promise<string | undefined> {
  const row = await db.kysely
    .selectFrom("audit_checkpoints")
    .select("key_id")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.key_id;
}
