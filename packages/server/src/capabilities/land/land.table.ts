/** Tables of the platform's land (M1 腾笼换鸟): parcels, zombie-enterprise cases, the office's zombie criteria. */
import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export interface LandParcelTable {
  id: Generated<number>;
  district_id: string;
  /** 地块编号, unique in the district. */
  code: string;
  /** 坐落: where it lies. */
  location: string;
  /** The town, street or zone it lies in. */
  town_unit_id: number | null;
  /** Area in hundredths of a mu (0.01 亩), exact. */
  area_hundredths: Int8;
  /** One of PARCEL_USES. */
  land_use: string;
  /** 权利人: who holds the land now. */
  owner: string;
  /** One of PARCEL_STATUSES. */
  status: string;
  /** YYYY-MM-DD of each status reached. */
  idle_since: string | null;
  recovery_started_on: string | null;
  recovered_on: string | null;
  relet_on: string | null;
  built_on: string | null;
  enterprise_id: number | null;
  project_id: number | null;
  note: Generated<string>;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type LandParcelRow = Selectable<LandParcelTable>;

export interface ZombieCaseTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  /** One of ZOMBIE_CASE_STATUSES. */
  status: string;
  /** JSON array of the ZOMBIE_CRITERIA the unit found met (empty for a dismissed suggestion). */
  criteria: string;
  /** What the unit found, in its words. */
  finding: string;
  /** The unit that confirmed or dismissed it; null for the office. */
  unit_id: number | null;
  confirmed_on: string;
  /** One of ZOMBIE_DISPOSALS, once chosen. */
  disposal: string | null;
  disposal_started_on: string | null;
  disposed_on: string | null;
  disposal_note: Generated<string>;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type ZombieCaseRow = Selectable<ZombieCaseTable>;

/** The office's zombie criteria; without a row, the plan's parameters. */
export interface ZombieCriteriaSettingsTable {
  district_id: string;
  no_revenue_months: number;
  no_tax_months: number;
  updated_at: Timestamp;
  updated_by: number | null;
}
