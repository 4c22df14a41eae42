import type { Role } from "@beizeng/domain/accounts/vocabulary";
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../db/common-columns";

export { DISTRICT_ROLES, ROLES, type Role } from "@beizeng/domain/accounts/vocabulary";

export interface UserTable {
  id: Generated<number>;
  district_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  enterprise_id: number | null;
  /**
   * A region account's region; null for a district's own accounts. Its district_id is then the region's district
   * it was made in, never what it may read: that is the region's districts (platform/plan/regions.repository).
   */
  region_id: string | null;
  /** argon2id, PHC string. */
  password_hash: string;
  must_change_password: Flag;
  disabled: Flag;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type UserRow = Selectable<UserTable>;
