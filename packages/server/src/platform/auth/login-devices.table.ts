import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

/**
 * A browser that has signed in to an account: the sha256 of its long-lived random cookie (bz_device). Such a
 * browser is not held back by failures from its address or from other browsers, only by its own.
 */
export interface LoginDeviceTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp;
}
export type LoginDeviceRow = Selectable<LoginDeviceTable>;
