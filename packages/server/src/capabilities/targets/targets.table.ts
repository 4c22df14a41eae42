import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

/** The district's fixed-asset investment (全社会固定资产投资) of a year and its manufacturing part (T-M5). */
export interface DistrictInvestmentYearTable {
  district_id: string;
  year: number;
  total_fen: Int8;
  manufacturing_fen: Int8;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type DistrictInvestmentYearRow = Selectable<DistrictInvestmentYearTable>;

/** An enterprise-related government service item (涉企服务事项) and whether it can be done online (T-M9). */
export interface OnlineServiceItemTable {
  id: Generated<number>;
  district_id: string;
  code: string;
  name: string;
  unit_id: number | null;
  online: Flag;
  updated_at: Timestamp;
}
export type OnlineServiceItemRow = Selectable<OnlineServiceItemTable>;

/** Whether the office publishes the login-free target board of its district. */
export interface PublicBoardTable {
  district_id: string;
  published: Flag;
  updated_at: Timestamp;
  updated_by: number | null;
}

/** The office's dashboard settings: the share of the directory (thousandths) that makes a month count as reported. */
export interface DashboardSettingsTable {
  district_id: string;
  month_coverage_permille: number;
  updated_at: Timestamp;
  updated_by: number | null;
}

/**
 * An answer of the dashboards (its name: dashboard, targets, public board; `as_of` the month asked for or
 * `default`) as sent, with the counters of the district's data version it was computed at and how long it took.
 */
export interface ComputedAnswerTable {
  district_id: string;
  name: string;
  as_of: string;
  audit_seq: number;
  figures_version: number;
  body: string;
  compute_ms: number;
  computed_at: Timestamp;
}
