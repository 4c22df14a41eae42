import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export { FIGURE_SOURCE_KINDS } from "@beizeng/contract/figures";

export interface FigureTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  year: number;
  /** 0 = the whole year; 1..12 = that month's own value (not cumulative). */
  month: number;
  /** revenue, tax, output, employees, fixed_asset_investment, … */
  metric: string;
  /** Fen for money, a count otherwise. */
  value: Int8;
  source_kind: string;
  source_ref: string | null;
  official: Flag;
  recorded_at: Timestamp;
  recorded_by: number | null;
  /** The id of the correcting row; the old value stays visible. */
  superseded_by: number | null;
}
export type FigureRow = Selectable<FigureTable>;
