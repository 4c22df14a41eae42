import type { ImportJobStatus } from "@beizeng/contract/figures";
import type {
  ChainRole,
  DesignationKind,
  DesignationLevel,
  ServiceNoteKind,
  WarningStatus,
} from "@beizeng/domain/register/vocabulary";
import type { Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export {
  DESIGNATION_KINDS,
  DESIGNATION_LEVELS,
  type DesignationKind,
  type DesignationLevel,
  type ServiceNoteKind,
} from "@beizeng/domain/register/vocabulary";

/** 专精特新 / 小巨人 / 单项冠军 / 两化融合, with its level and year. */
export interface EnterpriseDesignationTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  kind: DesignationKind;
  level: DesignationLevel;
  year: number;
  created_at: Timestamp;
}
export type EnterpriseDesignationRow = Selectable<EnterpriseDesignationTable>;

/**
 * An enterprise's role in one of the plan's chains for a year: 链主型 (leader) or 骨干型 (backbone), with the source
 * of the designation (the document or list that named it). The chain is the plan's id, checked when written.
 */
export interface EnterpriseChainRoleTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  chain_id: string;
  role: ChainRole;
  year: number;
  source: string;
  designated_by: number | null;
  is_demo: Generated<Flag>;
  created_at: Timestamp;
}
export type EnterpriseChainRoleRow = Selectable<EnterpriseChainRoleTable>;

/** One step of the listing pipeline (挂牌展示 → 股改 → 新三板 / 境内上市 / 境外上市) with its date. */
export interface EnterpriseListingEventTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  stage: string;
  /** YYYY-MM-DD */
  event_date: string;
  note: Generated<string>;
  created_at: Timestamp;
}
export type EnterpriseListingEventRow = Selectable<EnterpriseListingEventTable>;

/** A leader's visit (走访) or a 一企一策 note on an assigned enterprise. */
export interface EnterpriseServiceNoteTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  author_user_id: number | null;
  kind: ServiceNoteKind;
  /** YYYY-MM-DD */
  noted_on: string;
  content: string;
  created_at: Timestamp;
}
export type EnterpriseServiceNoteRow = Selectable<EnterpriseServiceNoteTable>;

/** Contact fields an enterprise keeps up to date itself. */
export interface EnterpriseProfileTable {
  enterprise_id: number;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  address: string;
  business_scope: string;
  updated_at: Timestamp;
}
export type EnterpriseProfileRow = Selectable<EnterpriseProfileTable>;

export interface MonitoringSettingsTable {
  district_id: string;
  /** Decimal share, e.g. "0.10": a fall of more than this against last year's month raises a warning. */
  revenue_drop_share: string;
  updated_at: Timestamp;
}

export interface MonitoringWarningTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  leader_user_id: number | null;
  metric: string;
  year: number;
  month: number;
  current_fen: Int8;
  previous_fen: Int8;
  /** The fall as a decimal share, rounded to 4 places (display only; the decision is exact). */
  drop_share: string;
  threshold_share: string;
  status: WarningStatus;
  raised_at: Timestamp;
  resolved_at: Timestamp | null;
}
export type MonitoringWarningRow = Selectable<MonitoringWarningTable>;

export interface ImportJobTable {
  id: string;
  district_id: string;
  user_id: number;
  kind: string;
  money_unit: string;
  file_name: string;
  file_size: number;
  file_base64: string | null;
  status: ImportJobStatus;
  rows_read: Generated<number>;
  result_json: string | null;
  error_message: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ImportJobRow = Selectable<ImportJobTable>;
