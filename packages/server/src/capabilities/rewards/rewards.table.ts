import type {
  CorrectionStatus,
  EntitlementChangeFlag,
  EntitlementStatus,
  RewardBatchStatus,
} from "@beizeng/contract/rewards";
import type { ColumnType, Generated, Selectable } from "kysely";
import type { Flag, Int8, Timestamp } from "../../platform/db/common-columns";

export type { EntitlementStatus };

export type SupportSourceKind = "import" | "entry" | "self_report" | "demo";

/** Project support funds received (到位) by an enterprise: R-MATCH pays a share, R-TECH checks tech funds. */
export interface EnterpriseGrantTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  /** The grant's own reference, unique in the district (e.g. the funding document number). */
  code: string;
  year: number;
  level: "national" | "provincial" | "municipal";
  purpose: "project" | "tech";
  amount_fen: Int8;
  source: Generated<string>;
  created_at: Timestamp;
  /** What the funds were for (the funding document or programme), free text. */
  note: Generated<string>;
  /** How it was recorded: entry (by an account), self_report (the enterprise), import, demo. */
  source_kind: Generated<SupportSourceKind>;
  /** 1 = official; 0 = self-reported by the enterprise, waiting for confirmation. */
  official: Generated<Flag>;
  recorded_by: number | null;
  /** The correcting row's id; the old row stays visible. */
  superseded_by: number | null;
}

/** A technical-transformation (技术改造) project, in the year it is claimed (R-TECH). */
export interface TechProjectTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  code: string;
  name: string;
  year: number;
  investment_fen: Int8;
  equipment_invoices_fen: Int8;
  tech_funds_received: Flag;
  source: Generated<string>;
  created_at: Timestamp;
  /** How it was recorded: entry (by an account), self_report (the enterprise), import, demo. */
  source_kind: Generated<SupportSourceKind>;
  /** 1 = official; 0 = self-reported by the enterprise, waiting for confirmation. */
  official: Generated<Flag>;
  recorded_by: number | null;
  /** The correcting row's id; the old row stays visible. */
  superseded_by: number | null;
}

export type EnterpriseEventKind = "listed_move_in" | "top500_settled";

/** One-off events the reward rules read: R-LISTED-MOVE (listed_move_in) and R-500 (top500_settled). */
export interface EnterpriseEventTable {
  id: Generated<number>;
  district_id: string;
  enterprise_id: number;
  kind: EnterpriseEventKind;
  year: number;
  note: Generated<string>;
  created_at: Timestamp;
  source_kind: Generated<SupportSourceKind>;
  source: Generated<string>;
  recorded_by: number | null;
  superseded_by: number | null;
}

/** One computation of a year's entitlements for the whole district, with its progress (polled by the UI). */
export interface RewardBatchTable {
  id: Generated<number>;
  district_id: string;
  year: number;
  plan_id: string;
  plan_version: number;
  status: RewardBatchStatus;
  progress_done: number;
  progress_total: number;
  summary_json: string | null;
  error_message: string | null;
  computed_by: number | null;
  computed_at: Timestamp;
  finished_at: Timestamp | null;
}
export type RewardBatchRow = Selectable<RewardBatchTable>;

export interface RewardEntitlementTable {
  id: Generated<number>;
  district_id: string;
  batch_id: number;
  enterprise_id: number | null;
  project_id: number | null;
  credit_code: string;
  rule_id: string;
  tier: string | null;
  subject_id: string | null;
  year: number;
  /** Null for R-500 until the case-by-case decision is recorded. */
  amount_fen: Int8 | null;
  clause: string;
  explanation_json: string;
  status: EntitlementStatus;
  /** The engine's event key (e.g. R-REV-MILESTONE|<code>|5000000000): unique among live rows of a district. */
  one_time_key: string;
  /** Set by a recompute: a new event, or a changed amount. */
  change_flag: EntitlementChangeFlag | null;
  previous_amount_fen: Int8 | null;
  bank_account_name: string | null;
  bank_name: string | null;
  bank_account_no: string | null;
  voucher_no: string | null;
  /** YYYY-MM-DD */
  paid_on: string | null;
  reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The id of the plan's workflow step it waits for; NULL for rows stored before (their status says it) and once done. */
  workflow_step: string | null;
  /** What has been recovered (追回) of a paid reward; never more than its amount. */
  recovered_fen: ColumnType<string, bigint | string | number | undefined, bigint | string | number>;
  /** What was deducted from it for shortfalls the enterprise owed (从以后年度奖励中抵扣); its amount is what is left. */
  deducted_fen: ColumnType<string, bigint | string | number | undefined, bigint | string | number>;
}
export type RewardEntitlementRow = Selectable<RewardEntitlementTable>;

/** The payment ledger: (district, one-time key) is unique, so an event is paid once. */
export interface RewardPaymentTable {
  id: Generated<number>;
  district_id: string;
  entitlement_id: number;
  one_time_key: string;
  amount_fen: Int8;
  voucher_no: string;
  paid_on: string;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface RewardEntitlementEventTable {
  id: Generated<number>;
  district_id: string;
  entitlement_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_user_id: number | null;
  actor_label: string;
  reason: string | null;
  at: Timestamp;
}
export type RewardEntitlementEventRow = Selectable<RewardEntitlementEventTable>;

export interface RewardBudgetTable {
  district_id: string;
  year: number;
  amount_fen: Int8;
  note: Generated<string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** A difference found by a recompute for an entitlement already paid: reviewed, never applied to the paid row. */
export interface RewardCorrectionTable {
  id: Generated<number>;
  district_id: string;
  entitlement_id: number;
  batch_id: number;
  one_time_key: string;
  paid_amount_fen: Int8;
  recomputed_amount_fen: Int8 | null;
  difference_fen: Int8;
  explanation_json: string | null;
  status: CorrectionStatus;
  reason: string | null;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
}
export type RewardCorrectionRow = Selectable<RewardCorrectionTable>;

/** An approval notice issued to an enterprise: its number is 〔year〕serial. */
export interface RewardNoticeTable {
  id: Generated<number>;
  district_id: string;
  year: number;
  serial: number;
  enterprise_id: number;
  issued_by: number | null;
  issued_at: Timestamp;
}

/** A batch's list made public (公示) for the days of the plan's publicity step; first and last day included. */
export interface RewardPublicityTable {
  id: Generated<number>;
  district_id: string;
  batch_id: number;
  year: number;
  step_id: string;
  days: number;
  /** YYYY-MM-DD */
  starts_on: string;
  /** YYYY-MM-DD, the last day objections are taken. */
  ends_on: string;
  published_by: number | null;
  published_at: Timestamp;
}
export type RewardPublicityRow = Selectable<RewardPublicityTable>;

/** One reward as a publicity listed it, kept as listed whatever happens to the entitlement afterwards. */
export interface RewardPublicityItemTable {
  id: Generated<number>;
  district_id: string;
  publicity_id: number;
  entitlement_id: number;
  enterprise_name: string;
  rule_name: string;
  rule_name_en: string;
  amount_fen: Int8 | null;
  clause: string;
}
export type RewardPublicityItemRow = Selectable<RewardPublicityItemTable>;

export type ObjectionStatus = "open" | "upheld" | "dismissed";

/** An objection filed by anyone against a listed reward during its publicity, and the office's handling of it. */
export interface RewardObjectionTable {
  id: Generated<number>;
  district_id: string;
  publicity_id: number;
  item_id: number;
  entitlement_id: number;
  objector_name: string | null;
  contact: string;
  content: string;
  status: ObjectionStatus;
  /** A digest of the address it came from: the rate limit counts by it; the address itself is not kept. */
  source_key: string;
  filed_at: Timestamp;
  resolution: string | null;
  resolved_by: number | null;
  resolved_at: Timestamp | null;
}
export type RewardObjectionRow = Selectable<RewardObjectionTable>;

/** A recovery (追回) of (part of) a paid reward. */
export interface RewardRecoveryTable {
  id: Generated<number>;
  district_id: string;
  entitlement_id: number;
  amount_fen: Int8;
  reason: string;
  /** YYYY-MM-DD */
  recovered_on: string;
  document_no: string;
  /** `repaid` by the enterprise, or `deduction`: owed, and deducted from its later awards of the rules that say so. */
  settlement: ColumnType<RecoverySettlement, RecoverySettlement | undefined, RecoverySettlement>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}
export type RecoverySettlement = "repaid" | "deduction";
export type RewardRecoveryRow = Selectable<RewardRecoveryTable>;
