import type { Role } from "@beizeng/domain/accounts/vocabulary";
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../db/common-columns";

export { ROLES, type Role } from "@beizeng/domain/accounts/vocabulary";

export interface UserTable {
  id: Generated<number>;
  district_id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  enterprise_id: number | null;
  /** argon2id, PHC string. */
  password_hash: string;
  must_change_password: Flag;
  disabled: Flag;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type UserRow = Selectable<UserTable>;
