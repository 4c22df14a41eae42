import type { AccountActivationTable } from "../../capabilities/accounts/account-activations.table";
import type * as Calendar from "../../capabilities/calendar/calendar.table";
import type * as Events from "../../capabilities/events/events.table";
import type * as Fees from "../../capabilities/fees/fees.table";
import type { DeclaredFactValueTable } from "../../capabilities/figures/declared-facts.table";
import type { DistrictDataVersionTable, FigureYearTable } from "../../capabilities/figures/figure-summaries.table";
import type { FigureTable } from "../../capabilities/figures/figures.table";
import type * as Land from "../../capabilities/land/land.table";
import type { NotificationTable } from "../../capabilities/notifications/notifications.table";
import type { ProjectTable } from "../../capabilities/projects/projects.table";
import type * as ProjectsLifecycle from "../../capabilities/projects/projects-lifecycle.table";
import type {
  EnterpriseChainRoleTable,
  EnterpriseDesignationTable,
  EnterpriseListingEventTable,
  EnterpriseProfileTable,
  EnterpriseServiceNoteTable,
  ImportJobTable,
  MonitoringSettingsTable,
  MonitoringWarningTable,
} from "../../capabilities/register/enterprise-register.table";
import type { EnterpriseScaleYearTable, EnterpriseTable } from "../../capabilities/register/enterprises.table";
import type * as Requests from "../../capabilities/requests/enterprise-requests.table";
import type * as Rewards from "../../capabilities/rewards/rewards.table";
import type { RulePagePublicationTable } from "../../capabilities/rewards/rule-pages.table";
import type { RewardScenarioTable } from "../../capabilities/rewards/scenarios.table";
import type * as Supervision from "../../capabilities/supervision/tasks.table";
import type * as Talent from "../../capabilities/talent/talent.table";
import type {
  ComputedAnswerTable,
  DashboardSettingsTable,
  DistrictInvestmentYearTable,
  OnlineServiceItemTable,
  PublicBoardTable,
} from "../../capabilities/targets/targets.table";
import type { UnitTable } from "../../capabilities/units/units.table";
import type { AuditCheckpointTable, AuditLogTable } from "../audit/audit-log.table";
import type { LoginAttemptTable } from "../auth/login-attempts.table";
import type { LoginDeviceTable } from "../auth/login-devices.table";
import type { SessionTable } from "../auth/sessions.table";
import type { UserTable } from "../auth/users.table";
import type { BackgroundJobTable, ScheduledRunTable } from "../jobs/jobs.table";
import type { DistrictTable } from "../plan/districts.table";
import type { PlanTable } from "../plan/plans.table";
import type { RegionDistrictTable, RegionTable } from "../plan/regions.table";

/** Every table of the database, for Kysely. Other packages may add their own table files and extend this. */
export interface Database {
  districts: DistrictTable;
  plans: PlanTable;
  regions: RegionTable;
  region_districts: RegionDistrictTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_devices: LoginDeviceTable;
  account_activations: AccountActivationTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointTable;
  enterprises: EnterpriseTable;
  enterprise_scale_years: EnterpriseScaleYearTable;
  figures: FigureTable;
  figure_years: FigureYearTable;
  district_data_versions: DistrictDataVersionTable;
  declared_fact_values: DeclaredFactValueTable;
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
  background_jobs: BackgroundJobTable;
  scheduled_runs: ScheduledRunTable;
  district_investment_years: DistrictInvestmentYearTable;
  online_service_items: OnlineServiceItemTable;
  public_boards: PublicBoardTable;
  dashboard_settings: DashboardSettingsTable;
  computed_answers: ComputedAnswerTable;
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
  reward_publicities: Rewards.RewardPublicityTable;
  reward_publicity_items: Rewards.RewardPublicityItemTable;
  reward_objections: Rewards.RewardObjectionTable;
  reward_recoveries: Rewards.RewardRecoveryTable;
  tasks: Supervision.TaskTable;
  task_sharing_units: Supervision.TaskSharingUnitTable;
  task_reports: Supervision.TaskReportTable;
  report_attachments: Supervision.ReportAttachmentTable;
  notifications: NotificationTable;
  webhook_settings: Supervision.WebhookSettingsTable;
  bulletins: Supervision.BulletinTable;
  summons_talks: Supervision.SummonsTalkTable;
  assessment_results: Supervision.AssessmentResultTable;
  talent_people: Talent.TalentPersonTable;
  job_posts: Talent.JobPostTable;
  talent_recommendations: Talent.TalentRecommendationTable;
  enterprise_requests: Requests.EnterpriseRequestTable;
  enterprise_request_co_units: Requests.EnterpriseRequestCoUnitTable;
  enterprise_request_events: Requests.EnterpriseRequestEventTable;
  enterprise_request_attachments: Requests.EnterpriseRequestAttachmentTable;
  service_days: Requests.ServiceDayTable;
  service_day_units: Requests.ServiceDayUnitTable;
  service_day_enterprises: Requests.ServiceDayEnterpriseTable;
  fee_items: Fees.FeeItemTable;
  fee_list_versions: Fees.FeeListVersionTable;
  fee_list_entries: Fees.FeeListEntryTable;
  fee_complaints: Fees.FeeComplaintTable;
  fee_inspections: Fees.FeeInspectionTable;
  land_parcels: Land.LandParcelTable;
  zombie_cases: Land.ZombieCaseTable;
  zombie_criteria_settings: Land.ZombieCriteriaSettingsTable;
  official_calendar_days: Calendar.OfficialCalendarDayTable;
  official_calendar_shipped_years: Calendar.OfficialCalendarShippedYearTable;
  enterprise_chain_roles: EnterpriseChainRoleTable;
  entrepreneur_events: Events.EntrepreneurEventTable;
  event_invitations: Events.EventInvitationTable;
  event_registrations: Events.EventRegistrationTable;
  event_feedback: Events.EventFeedbackTable;
  reward_scenarios: RewardScenarioTable;
  rule_page_publications: RulePagePublicationTable;
}
