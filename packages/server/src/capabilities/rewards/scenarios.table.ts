import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Timestamp } from "../../platform/db/common-columns";

/** A policy-simulation scenario: changes to the active plan's reward rules (JSON) and the years it covers (JSON). */
export interface RewardScenarioTable {
  id: Generated<number>;
  district_id: string;
  name: string;
  description: string;
  plan_id: string;
  plan_version: number;
  changes_json: string;
  years_json: string;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}
export type RewardScenarioRow = Selectable<RewardScenarioTable>;
export type NewRewardScenario = Insertable<RewardScenarioTable>;
export type RewardScenarioUpdate = Updateable<RewardScenarioTable>;
