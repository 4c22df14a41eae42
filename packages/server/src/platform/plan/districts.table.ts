import type { Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

export interface DistrictTable {
  /** The administrative division code, e.g. "360202" for 昌江区. */
  id: string;
  name: string;
  created_at: Timestamp;
}
export type DistrictRow = Selectable<DistrictTable>;
