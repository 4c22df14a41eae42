import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

/** A one-time activation code of an enterprise account (platform/auth/activation-codes.ts says how it is made). */
export interface AccountActivationTable {
  id: Generated<number>;
  district_id: string;
  user_id: number;
  /** argon2id, PHC string, of the code as normalised; the code itself is never stored. */
  code_hash: string;
  issued_at: Timestamp;
  /** The office account that issued it (null when issued from the command line). */
  issued_by: number | null;
  expires_at: Timestamp;
  /** When the account was activated with it: the code is spent. */
  used_at: Timestamp | null;
  /** When another code replaced it or the office reset the password: the code is void. */
  revoked_at: Timestamp | null;
}
export type AccountActivationRow = Selectable<AccountActivationTable>;
