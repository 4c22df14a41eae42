import type { Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

export interface SessionTable {
  /** sha256 hex of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  /** The absolute expiry; the idle expiry is computed from last_seen_at. */
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** A region account's session: which of the region's districts it reads now (null: the first). */
  viewed_district_id: string | null;
}
export type SessionRow = Selectable<SessionTable>;
