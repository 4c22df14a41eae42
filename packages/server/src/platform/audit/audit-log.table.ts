import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

export interface AuditLogTable {
  id: Generated<number>;
  district_id: string;
  /** Per district, from 1, without gaps. */
  seq: number;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;

/**
 * A signed checkpoint of one district's chain head, so that a removed tail or a recomputed chain is
 * caught by a signature made with a key the database does not hold. Append-only like the log.
 */
export interface AuditCheckpointTable {
  id: Generated<number>;
  district_id: string;
  /** The previous checkpoint's seq (0 for the first): entry_digests covers from_seq + 1 … seq. */
  from_seq: number;
  seq: number;
  /** The hash of the entry at `seq` when the checkpoint was signed. */
  hash: string;
  at: Timestamp;
  /** Fingerprint of the signing key's public half. */
  key_id: string;
  /** The first 16 hex digits of each entry's hash, from_seq + 1 … seq, concatenated. */
  entry_digests: string;
  /** Ed25519 over the checkpoint's canonical payload, base64. */
  signature: string;
}
export type AuditCheckpointRow = Selectable<AuditCheckpointTable>;
