import type { Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

/** Whether the office publishes the district's rule pages (one row per district once set). */
export interface RulePagePublicationTable {
  district_id: string;
  published: Flag;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type RulePagePublicationRow = Selectable<RulePagePublicationTable>;
