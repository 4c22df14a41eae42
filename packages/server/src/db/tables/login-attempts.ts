import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "./common";

export interface LoginAttemptTable {
  id: Generated<number>;
  /** As typed (lower-cased), whether or not such a user exists. */
  username: string;
  ip: string;
  at: Timestamp;
  succeeded: Flag;
}
export type LoginAttemptRow = Selectable<LoginAttemptTable>;
