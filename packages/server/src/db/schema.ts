import type { AuditCheckpointTable, AuditLogTable } from "./tables/audit-log";
import type { DistrictTable } from "./tables/districts";
import type {
  EnterpriseDesignationTable,
  EnterpriseListingEventTable,
  EnterpriseProfileTable,
  EnterpriseServiceNoteTable,
  ImportJobTable,
  MonitoringSettingsTable,
  MonitoringWarningTable,
} from "./tables/enterprise-register";
import type * as Requests from "./tables/enterprise-requests";
import type { EnterpriseScaleYearTable, EnterpriseTable } from "./tables/enterprises";
import type { FigureTable } from "./tables/figures";
import type { LoginAttemptTable } from "./tables/login-attempts";
import type { LoginDeviceTable } from "./tables/login-devices";
import type { PlanTable } from "./tables/plans";
import type { ProjectTable } from "./tables/projects";
import type * as ProjectsLifecycle from "./tables/projects-lifecycle";
import type * as Rewards from "./tables/rewards";
import type { SessionTable } from "./tables/sessions";
import type { DistrictInvestmentYearTable, OnlineServiceItemTable, PublicBoardTable } from "./tables/targets";
import type * as Supervision from "./tables/tasks";
import type { UnitTable } from "./tables/units";
import type { UserTable } from "./tables/users";

/** Every table of the database, for Kysely. Other packages may add their own table files and extend this. */
export interface Database {
  districts: DistrictTable;
  plans: PlanTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_devices: LoginDeviceTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointTable;
  enterprises: EnterpriseTable;
  enterprise_scale_years: EnterpriseScaleYearTable;
  figures: FigureTable;
  projects: ProjectTable;
  project_stage_dates: ProjectsLifecycle.ProjectStageDateTable;
  project_stage_moves: ProjectsLifecycle.ProjectStageMoveTable;
  project_blockers: ProjectsLifecycle.ProjectBlockerTable;
  project_decisions: ProjectsLifecycle.ProjectDecisionTable;
  enterprise_designations: EnterpriseDesignationTable;
  enterprise_listing_events: EnterpriseListingEventTable;
  enterprise_service_notes: EnterpriseServiceNoteTable;
  enterprise_profiles: EnterpriseProfileTable;
  monitoring_settings: MonitoringSettingsTable;
  monitoring_warnings: MonitoringWarningTable;
  import_jobs: ImportJobTable;
  district_investment_years: DistrictInvestmentYearTable;
  online_service_items: OnlineServiceItemTable;
  public_boards: PublicBoardTable;
  enterprise_grants: Rewards.EnterpriseGrantTable;
  tech_projects: Rewards.TechProjectTable;
  enterprise_events: Rewards.EnterpriseEventTable;
  reward_batches: Rewards.RewardBatchTable;
  reward_entitlements: Rewards.RewardEntitlementTable;
  reward_payments: Rewards.RewardPaymentTable;
  reward_entitlement_events: Rewards.RewardEntitlementEventTable;
  reward_budgets: Rewards.RewardBudgetTable;
  reward_corrections: Rewards.RewardCorrectionTable;
  reward_notices: Rewards.RewardNoticeTable;
  tasks: Supervision.TaskTable;
  task_sharing_units: Supervision.TaskSharingUnitTable;
  task_reports: Supervision.TaskReportTable;
  report_attachments: Supervision.ReportAttachmentTable;
  notifications: Supervision.NotificationTable;
  webhook_settings: Supervision.WebhookSettingsTable;
  bulletins: Supervision.BulletinTable;
  summons_talks: Supervision.SummonsTalkTable;
  assessment_results: Supervision.AssessmentResultTable;
  enterprise_requests: Requests.EnterpriseRequestTable;
  enterprise_request_co_units: Requests.EnterpriseRequestCoUnitTable;
  enterprise_request_events: Requests.EnterpriseRequestEventTable;
  enterprise_request_attachments: Requests.EnterpriseRequestAttachmentTable;
  service_days: Requests.ServiceDayTable;
  service_day_units: Requests.ServiceDayUnitTable;
  service_day_enterprises: Requests.ServiceDayEnterpriseTable;
}
