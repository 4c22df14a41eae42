/** Tables of the list of fees charged to enterprises (涉企收费清单), its versions, complaints and inspections. */
import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export interface FeeItemTable {
  id: Generated<number>;
  district_id: string;
  name: string;
  charging_unit: string;
  legal_basis: string;
  standard: string;
  /** YYYY-MM-DD. */
  effective_from: string;
  effective_to: string | null;
  /** One of FEE_ITEM_STATUSES (@beizeng/contract/fees). */
  status: string;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: number | null;
}
export type FeeItemRow = Selectable<FeeItemTable>;

/** A published list: numbered per district, with its items as they stood (fee_list_entries). */
export interface FeeListVersionTable {
  id: Generated<number>;
  district_id: string;
  number: number;
  /** The district's calendar day of publication: a list chosen by date is the last published by that day. */
  published_on: string;
  published_at: Timestamp;
  published_by: number | null;
  note: Generated<string>;
  is_demo: Generated<Flag>;
}
export type FeeListVersionRow = Selectable<FeeListVersionTable>;

export interface FeeListEntryTable {
  version_id: number;
  position: number;
  item_id: number | null;
  name: string;
  charging_unit: string;
  legal_basis: string;
  standard: string;
  effective_from: string;
  effective_to: string | null;
}
export type FeeListEntryRow = Selectable<FeeListEntryTable>;

/** A complaint's own facts; its handling (unit, deadline, answer) is the enterprise request it was filed as. */
export interface FeeComplaintTable {
  id: Generated<number>;
  district_id: string;
  request_id: number;
  enterprise_id: number;
  /** One of FEE_COMPLAINT_KINDS. */
  kind: string;
  fee_item_id: number | null;
  fee_name: string;
  charged_by: string;
  amount_fen: Int8;
  charged_on: string;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
}

export interface FeeInspectionTable {
  id: Generated<number>;
  district_id: string;
  inspected_on: string;
  inspected_unit: string;
  scope: string;
  /** One of FEE_INSPECTION_RESULTS. */
  result: string;
  findings: Generated<string>;
  complaint_id: number | null;
  /** One of FEE_ACCOUNTABILITY_KINDS; null without accountability. */
  accountability: string | null;
  accountability_on: string | null;
  accountability_note: Generated<string>;
  refund_fen: Int8 | null;
  recorded_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type FeeInspectionRow = Selectable<FeeInspectionTable>;
