import type { Selectable } from "kysely";
import type { Timestamp } from "../db/common-columns";

/** A city or province (市/省) above the districts it covers; its accounts read them and write nothing. */
export interface RegionTable {
  /** The operator's code of the region, such as its administrative division code. */
  id: string;
  name: string;
  name_en: string;
  created_at: Timestamp;
}
export type RegionRow = Selectable<RegionTable>;

/** The districts a region covers, in the order its pages list them. */
export interface RegionDistrictTable {
  region_id: string;
  district_id: string;
  position: number;
}
