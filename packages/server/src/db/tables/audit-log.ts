import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "./common";

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
