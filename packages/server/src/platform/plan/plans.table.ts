import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../db/common-columns";

export interface PlanTable {
  id: Generated<number>;
  district_id: string;
  /** The plan file's own id, e.g. "changjiang-2021-2023". */
  plan_id: string;
  version: number;
  title: string;
  /** JSON of the validated plan file. */
  content: string;
  loaded_at: Timestamp;
  is_active: Flag;
}
export type PlanRow = Selectable<PlanTable>;
