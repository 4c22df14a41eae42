/** Tables of the talent ledger (返乡人才台账): people, enterprises' job posts and recommendations. */
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

export interface TalentPersonTable {
  id: Generated<number>;
  district_id: string;
  name: string;
  /** The mobile number as its 11 digits. */
  phone: string;
  /** The plan's id of the town the person comes from. */
  origin_town: string;
  /** One of EDUCATION_LEVELS. */
  education: string;
  /** A JSON array of the skills, as written. */
  skills: string;
  experience: Generated<string>;
  wished_work: Generated<string>;
  wished_place: string | null;
  /** 元 a month. */
  wished_pay: number | null;
  /** YYYY-MM-DD; null: not agreed to be recommended. */
  consent_on: string | null;
  /** The plan's id of the unit that recorded the person. */
  recorded_by_unit: string;
  /** The district's calendar day the person was recorded (the M13 task's quantity counts by it). */
  recorded_on: string;
  created_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type TalentPersonRow = Selectable<TalentPersonTable>;

export interface JobPostTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  title: string;
  /** A JSON array of the skills asked. */
  skills: string;
  /** 元 a month. */
  pay_min: number;
  pay_max: number;
  /** The plan's id of the place the work is in. */
  place: string;
  headcount: number;
  description: Generated<string>;
  /** One of JOB_POST_STATUSES. */
  status: string;
  posted_on: string;
  created_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type JobPostRow = Selectable<JobPostTable>;

export interface TalentRecommendationTable {
  id: Generated<number>;
  district_id: string;
  post_id: number;
  /** null once the person was removed from the ledger. */
  person_id: number | null;
  /** The person's masked name, kept for when the person is removed. */
  person_label: string;
  contact_shared: Generated<Flag>;
  /** One of RECOMMENDATION_OUTCOMES. */
  outcome: string;
  recommended_on: string;
  outcome_on: string | null;
  note: Generated<string>;
  recommended_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type TalentRecommendationRow = Selectable<TalentRecommendationTable>;
