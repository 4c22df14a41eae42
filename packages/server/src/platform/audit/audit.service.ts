/**
 * The append-only audit log. Every data change records who, when, what, before and after, in the
 * same transaction as the change. Entries are chained per district: each hash covers the entry's
 * canonical JSON and the previous entry's hash, so an edited, removed or reordered row is detected.
 * A removed tail, or a chain recomputed after an edit, is whole again: the signed checkpoints
 * (audit-checkpoints.service.ts) anchor the chain outside the database against those.
 */
import { createHash } from "node:crypto";
import type { AuditBreakReason, AuditEntry } from "@beizeng/contract/audit";
import type { DbContext } from "../db/database";
import { inTransaction } from "../db/transaction";
import {
  type AuditFilter,
  auditBatch,
  findAuditEntries,
  insertAuditEntry,
  lastAuditEntry,
  lockAuditChain,
} from "./audit.repository";
import type { AuditLogRow } from "./audit-log.table";
import { canonicalJson } from "./canonical-json";

/** Who acted: a user, or a named system actor (e.g. "cli", "demo"). */
export interface Actor {
  userId: number | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntryInput {
  districtId: string;
  actor: Actor;
  /** create | update | delete | login | logout | password_change | password_reset | load | … */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Pick<
  AuditLogRow,
  | "district_id"
  | "seq"
  | "at"
  | "actor_user_id"
  | "actor_label"
  | "action"
  | "entity_type"
  | "entity_id"
  | "before_json"
  | "after_json"
  | "prev_hash"
>;

/** sha256 over the previous hash and the canonical JSON of the entry's fields. */
export function auditEntryHash(fields: HashedFields): string {
  const content = canonicalJson({
    districtId: fields.district_id,
    seq: fields.seq,
    at: fields.at,
    actorUserId: fields.actor_user_id,
    actorLabel: fields.actor_label,
    action: fields.action,
    entityType: fields.entity_type,
    entityId: fields.entity_id,
    before: fields.before_json,
    after: fields.after_json,
  });
  return createHash("sha256").update(`${fields.prev_hash}\n${content}`).digest("hex");
}

/**
 * Appends one entry to the district's chain. Joins the caller's transaction (or opens one), so the
 * entry commits or rolls back together with the change it describes.
 */
export async function recordAudit(db: DbContext, input: AuditEntryInput): Promise<{ id: number; seq: number }> {
  return inTransaction(db, async (tx) => {
    await lockAuditChain(tx, input.districtId);
    const last = await lastAuditEntry(tx, input.districtId);
    const fields: HashedFields = {
      district_id: input.districtId,
      seq: (last?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      actor_user_id: input.actor.userId,
      actor_label: input.actor.label,
      action: input.action,
      entity_type: input.entityType,
      entity_id: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      before_json: input.before === undefined ? null : canonicalJson(input.before),
      after_json: input.after === undefined ? null : canonicalJson(input.after),
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const id = await insertAuditEntry(tx, { ...fields, hash: auditEntryHash(fields) });
    return { id, seq: fields.seq };
  });
}

export type { AuditBreakReason };

const REASON_MESSAGES: Record<AuditBreakReason, string> = {
  seq_gap: "序号不连续：有记录被删除或插入",
  prev_hash_mismatch: "与上一条记录的哈希不衔接：记录被删除、替换或重排",
  hash_mismatch: "内容与哈希不符：记录被修改",
};

export type AuditVerification =
  | { ok: true; count: number }
  | {
      ok: false;
      count: number;
      firstBroken: { districtId: string; seq: number; id: number; reason: AuditBreakReason; message: string };
    };

/** Walks the chain (of one district, or of all) and reports the first entry that does not hold. */
export async function verifyAuditChain(db: DbContext, districtId?: string): Promise<AuditVerification> {
  let count = 0;
  let current: { districtId: string; seq: number; hash: string } | undefined;
  for (;;) {
    const batch = await auditBatch(db, {
      districtId,
      after: current ? { districtId: current.districtId, seq: current.seq } : undefined,
      limit: 1000,
    });
    if (batch.length === 0) return { ok: true, count };
    for (const row of batch) {
      const sameDistrict = current?.districtId === row.district_id;
      const expectedSeq = sameDistrict && current ? current.seq + 1 : 1;
      const expectedPrev = sameDistrict && current ? current.hash : GENESIS_HASH;
      let reason: AuditBreakReason | null = null;
      if (row.seq !== expectedSeq) reason = "seq_gap";
      else if (row.prev_hash !== expectedPrev) reason = "prev_hash_mismatch";
      else if (auditEntryHash(row) !== row.hash) reason = "hash_mismatch";
      if (reason) {
        return {
          ok: false,
          count,
          firstBroken: {
            districtId: row.district_id,
            seq: row.seq,
            id: row.id,
            reason,
            message: REASON_MESSAGES[reason],
          },
        };
      }
      count += 1;
      current = { districtId: row.district_id, seq: row.seq, hash: row.hash };
    }
  }
}

export type AuditEntryView = AuditEntry;

function toView(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor: { userId: row.actor_user_id, label: row.actor_label },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    hash: row.hash,
  };
}

/** A page of a district's audit log, newest first. */
export async function listAuditEntries(
  db: DbContext,
  filter: AuditFilter,
  page: { page: number; pageSize: number },
): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await findAuditEntries(db, filter, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { items: rows.map(toView), total, page: page.page, pageSize: page.pageSize };
}
