import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../db/common-columns";

export interface LoginAttemptTable {
  id: Generated<number>;
  /** As typed (lower-cased), whether or not such a user exists. */
  username: string;
  ip: string;
  at: Timestamp;
  /** An attempt is written as a failure before the password is checked and turned into a success after. */
  succeeded: Flag;
  /**
   * The known browser the attempt came from: the hash of its device cookie registered for this account, or the
   * id of the account's session it held. Null for an unknown browser.
   */
  device_key: string | null;
}
export type LoginAttemptRow = Selectable<LoginAttemptTable>;
/** What the throttling rules read of an attempt. */
export type AttemptRecord = Pick<LoginAttemptRow, "id" | "at" | "ip" | "succeeded" | "device_key">;
