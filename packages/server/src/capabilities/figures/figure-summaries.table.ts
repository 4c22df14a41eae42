import type { Int8 } from "../../platform/db/common-columns";

/**
 * The current official figures of one enterprise, metric and year in one row: `value_0` the whole year,
 * `value_1` … `value_12` the months (null where none is in force). Kept by `refreshFigureSummaries`.
 */
export interface FigureYearTable {
  district_id: string;
  enterprise_id: number;
  metric: string;
  year: number;
  /** The district's data version of the write that last changed the row. */
  version: number;
  value_0: Int8 | null;
  value_1: Int8 | null;
  value_2: Int8 | null;
  value_3: Int8 | null;
  value_4: Int8 | null;
  value_5: Int8 | null;
  value_6: Int8 | null;
  value_7: Int8 | null;
  value_8: Int8 | null;
  value_9: Int8 | null;
  value_10: Int8 | null;
  value_11: Int8 | null;
  value_12: Int8 | null;
}

/** A district's data version: raised in the same transaction as every write of figures. */
export interface DistrictDataVersionTable {
  district_id: string;
  version: number;
}
