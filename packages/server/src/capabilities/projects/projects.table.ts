import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export const PROJECT_STAGES = ["planning", "negotiation", "signed", "construction", "production"] as const;
export const PROJECT_ORIGINS = ["top500", "listed", "other"] as const;

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
  origin: string;
  lead_unit_id: number | null;
  leader_user_id: number | null;
  enterprise_id: number | null;
  location: string;
  stage: string;
  introduced_year: number | null;
  production_year: number | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ProjectRow = Selectable<ProjectTable>;
