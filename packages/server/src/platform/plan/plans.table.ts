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
  /** The current version (the last confirmed); computations for a year use the version in force that year. */
  is_active: Flag;
  /** The first year this version governs; null only for a stored text that never parsed. */
  effective_year: number | null;
  /** Why this version was loaded (修订原因), as the office wrote it. */
  reason: string | null;
  /** Who loaded it: an account's display name, or cli:<user>. */
  loaded_by: string | null;
  /** SHA-256 of `content`: tells versions apart without reading the text. */
  content_sha256: string | null;
}
export type PlanRow = Selectable<PlanTable>;
