/** Tables of enterprise requests (企业诉求直通车) and service days (企业服务日). */
import type { Generated, Selectable } from "kysely";
import type { Flag, Timestamp } from "../../platform/db/common-columns";

export interface EnterpriseRequestTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  /** A category id of the district plan's requestCategories when the request was filed (the plan may retire it). */
  category: string;
  title: string;
  content: string;
  contact_name: string;
  contact_phone: string;
  /** One of REQUEST_CHANNELS (@beizeng/domain/requests/view). */
  channel: string;
  service_day_id: number | null;
  /** One of REQUEST_STATUSES (@beizeng/domain/requests/view). */
  status: string;
  /** The responsible unit (主办单位); null until assigned. */
  unit_id: number | null;
  /** YYYY-MM-DD: the day the final answer is due. */
  deadline: string | null;
  /** The latest assignment (a reopened request is assigned again). */
  assigned_at: Timestamp | null;
  accepted_at: Timestamp | null;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  /** One of REQUEST_RATINGS (@beizeng/domain/requests/view). */
  rating: string | null;
  rating_comment: string | null;
  rated_at: Timestamp | null;
  reopen_count: Generated<number>;
  closed_at: Timestamp | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  created_by: number | null;
  updated_at: Timestamp;
}
export type EnterpriseRequestRow = Selectable<EnterpriseRequestTable>;

export interface EnterpriseRequestCoUnitTable {
  request_id: number;
  unit_id: number;
}

export interface EnterpriseRequestEventTable {
  id: Generated<number>;
  request_id: number;
  /** One of REQUEST_EVENT_KINDS (@beizeng/contract/requests). */
  kind: string;
  at: Timestamp;
  actor_user_id: number | null;
  actor_label: string;
  /** The unit the step concerns (assigned to, answering, escalated). */
  unit_id: number | null;
  note: string;
  data_json: string | null;
}
export type EnterpriseRequestEventRow = Selectable<EnterpriseRequestEventTable>;

/** A file attached to a request; the checks and limits are the shared ones (`services/stored-files.ts`). */
export interface EnterpriseRequestAttachmentTable {
  id: Generated<number>;
  district_id: string;
  request_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_by_label: string;
  /** The uploader's unit, when a unit's staff uploaded it. */
  unit_id: number | null;
  created_at: Timestamp;
}

export interface ServiceDayTable {
  id: Generated<number>;
  district_id: string;
  held_on: string;
  theme: string;
  venue: Generated<string>;
  note: Generated<string>;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  created_by: number | null;
}
export type ServiceDayRow = Selectable<ServiceDayTable>;

export interface ServiceDayUnitTable {
  service_day_id: number;
  unit_id: number;
}

export interface ServiceDayEnterpriseTable {
  service_day_id: number;
  enterprise_id: number;
}
