import type { Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

export interface DistrictTable {
  /** The six-digit administrative division code (行政区划代码) of the plan's district. */
  id: string;
  name: string;
  created_at: Timestamp;
}
export type DistrictRow = Selectable<DistrictTable>;
