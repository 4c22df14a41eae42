import type { Generated, Selectable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

/** The planned and reached date (YYYY-MM-DD) of one stage of a project. */
export interface ProjectStageDateTable {
  project_id: number;
  stage: string;
  planned_on: string | null;
  reached_on: string | null;
  reached_by: number | null;
  updated_at: Timestamp;
}
export type ProjectStageDateRow = Selectable<ProjectStageDateTable>;

/** One move of a project between stages; a move back carries its reason. */
export interface ProjectStageMoveTable {
  id: Generated<number>;
  district_id: string;
  project_id: number;
  /** Null for the stage a project was created in. */
  from_stage: string | null;
  to_stage: string;
  reached_on: string;
  reason: string | null;
  moved_by: number | null;
  moved_by_label: string;
  moved_at: Timestamp;
}
export type ProjectStageMoveRow = Selectable<ProjectStageMoveTable>;

/** A problem holding a project up (直通车), assigned to a unit with a due date. */
export interface ProjectBlockerTable {
  id: Generated<number>;
  district_id: string;
  project_id: number;
  /** One of BLOCKER_CATEGORIES (@beizeng/domain/projects/vocabulary). */
  category: string;
  description: string;
  unit_id: number;
  due_on: string;
  /** One of BLOCKER_STATUSES (@beizeng/domain/projects/vocabulary). */
  status: Generated<string>;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  closed_on: string | null;
  closed_by: number | null;
  created_at: Timestamp;
  created_by: number | null;
}
export type ProjectBlockerRow = Selectable<ProjectBlockerTable>;

/** A decision a district leader logs on a project assigned to them. */
export interface ProjectDecisionTable {
  id: Generated<number>;
  district_id: string;
  project_id: number;
  decided_on: string;
  text: string;
  author_id: number | null;
  author_label: string;
  created_at: Timestamp;
}
export type ProjectDecisionRow = Selectable<ProjectDecisionTable>;
