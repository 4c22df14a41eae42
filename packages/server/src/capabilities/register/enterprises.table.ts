import type { ScaleStatus } from "@beizeng/domain/register/vocabulary";
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

export { LISTING_STAGES, SCALE_STATUSES, type ScaleStatus } from "@beizeng/domain/register/vocabulary";

export interface EnterpriseTable {
  id: Generated<number>;
  district_id: string;
  /** 统一社会信用代码, 18 characters. */
  credit_code: string;
  name: string;
  town_unit_id: number | null;
  /** One of the district plan's chains (plan.chains[].id), checked against the plan when written. */
  chain_id: string;
  industry_code: string | null;
  is_key: Flag;
  leader_user_id: number | null;
  listing_stage: string | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type EnterpriseRow = Selectable<EnterpriseTable>;

export interface EnterpriseScaleYearTable {
  enterprise_id: number;
  year: number;
  status: ScaleStatus;
}
export type EnterpriseScaleYearRow = Selectable<EnterpriseScaleYearTable>;
