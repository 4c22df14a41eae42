import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export interface ProjectTable {
  id: Generated<number>;
  district_id: string;
  code: string;
  name: string;
  investor: string;
  chain_id: string;
  planned_investment_fen: Int8;
  completed_investment_fen: Int8;
  manufacturing: Flag;
  source_unit_id: number | null;
  /** One of PROJECT_ORIGINS (@beizeng/domain/projects/vocabulary). */
  origin: string;
  lead_unit_id: number | null;
  leader_user_id: number | null;
  enterprise_id: number | null;
  location: string;
  /** One of PROJECT_STAGES (@beizeng/domain/projects/lifecycle). */
  stage: string;
  introduced_year: number | null;
  production_year: number | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ProjectRow = Selectable<ProjectTable>;
