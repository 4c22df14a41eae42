import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

/** One value of a fact the plan declares, for an enterprise and a period of a year. */
export interface DeclaredFactValueTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  /** The fact's id in the plan. */
  fact: string;
  year: number;
  /** 0: the year; 1–4 a quarter or 1–12 a month, as the fact's period says. */
  period: number;
  /** Exact text: fen, hundredths of the unit, a whole count or a category id (domain facts/declared-facts). */
  value: string;
  /** entry, import or self_report. */
  source_kind: string;
  source_ref: string | null;
  recorded_at: Timestamp;
  recorded_by: number | null;
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
}
export type DeclaredFactValueRow = Selectable<DeclaredFactValueTable>;
