/** Tables of the official calendar each district counts working days by (节假日与调休安排). */
import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

export interface OfficialCalendarDayTable {
  id: Generated<number>;
  district_id: string;
  /** The year of the arrangement the day belongs to (2023's 元旦 began on 2022-12-31). */
  year: number;
  /** YYYY-MM-DD, once per district. */
  day: string;
  /** One of OFFICIAL_DAY_KINDS (@beizeng/domain/calendar/official-calendar). */
  kind: string;
  name: string;
  name_en: string | null;
  source: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type OfficialCalendarDayRow = Selectable<OfficialCalendarDayTable>;

/** A shipped arrangement loaded into a district, once. */
export interface OfficialCalendarShippedYearTable {
  district_id: string;
  year: number;
  loaded_at: Timestamp;
}
