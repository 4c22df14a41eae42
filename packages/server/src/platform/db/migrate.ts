import { type Migration, type MigrationProvider, type MigrationResult, Migrator, sql } from "kysely";
import type { BeizengDb } from "./database";
import * as initialSchema from "./migrations/20251125120000_initial_schema";
import * as enterpriseRegister from "./migrations/20261125131500_enterprise_register";
import * as targetsDashboard from "./migrations/20261125134000_targets_dashboard";
import * as rewards from "./migrations/20261125135500_rewards";
import * as projectsLifecycle from "./migrations/20261125135900_projects_lifecycle";
import * as supervision from "./migrations/20261125141500_supervision";
import * as enterpriseSupport from "./migrations/20261125143700_enterprise_support";
import * as enterpriseRequests from "./migrations/20261125150000_enterprise_requests";
import * as notificationMessages from "./migrations/20261125152000_notification_messages";
import * as requestAttachments from "./migrations/20261125190000_request_attachments";
import * as loginThrottling from "./migrations/20261205100000_login_throttling";
import * as auditCheckpoints from "./migrations/20261205110000_audit_checkpoints";
import * as liftChainCheck from "./migrations/20261205120000_lift_chain_check";
import * as planVersions from "./migrations/20261205130000_plan_versions";
import * as awardWorkflow from "./migrations/20261205140000_award_workflow";
import * as accountActivation from "./migrations/20261205150000_account_activation";
import * as backgroundJobs from "./migrations/20261206110000_background_jobs";
import * as notificationResolved from "./migrations/20261206130000_notification_resolved";
import * as feeList from "./migrations/20261207120000_fee_list";
import * as declaredFacts from "./migrations/20261207140000_declared_facts";
import * as dashboardSettings from "./migrations/20261208100000_dashboard_settings";
import * as robotPlatforms from "./migrations/20261209090000_robot_platforms";
import * as officialCalendar from "./migrations/20261210100000_official_calendar";
import * as landParcelsAndZombieCases from "./migrations/20261210110000_land_parcels_and_zombie_cases";
import * as chainRolesAndEvents from "./migrations/20261210120000_chain_roles_and_events";
import * as talentLedger from "./migrations/20261210130000_talent_ledger";
import * as rewardScenarios from "./migrations/20261210140000_reward_scenarios";
import * as rulePagePublications from "./migrations/20261210150000_rule_page_publications";
import * as bulletinDocument from "./migrations/20261211090000_bulletin_document";
import * as rewardShortfalls from "./migrations/20261212030000_reward_shortfalls";
import * as figureSummaries from "./migrations/20261212050000_figure_summaries";
import * as regions from "./migrations/20261212060000_regions";
import * as computedAnswers from "./migrations/20261213010000_computed_answers";

/** Every migration, in order. Listed statically (no file-system scan) so bundling and tsx behave alike. */
export const migrations: Record<string, Migration> = {
  "20251125120000_initial_schema": initialSchema,
  "20261125131500_enterprise_register": enterpriseRegister,
  "20261125134000_targets_dashboard": targetsDashboard,
  "20261125135500_rewards": rewards,
  "20261125135900_projects_lifecycle": projectsLifecycle,
  "20261125141500_supervision": supervision,
  "20261125143700_enterprise_support": enterpriseSupport,
  "20261125150000_enterprise_requests": enterpriseRequests,
  "20261125152000_notification_messages": notificationMessages,
  "20261125190000_request_attachments": requestAttachments,
  "20261205100000_login_throttling": loginThrottling,
  "20261205110000_audit_checkpoints": auditCheckpoints,
  "20261205120000_lift_chain_check": liftChainCheck,
  "20261205130000_plan_versions": planVersions,
  "20261205140000_award_workflow": awardWorkflow,
  "20261205150000_account_activation": accountActivation,
  "20261206110000_background_jobs": backgroundJobs,
  "20261206130000_notification_resolved": notificationResolved,
  "20261207120000_fee_list": feeList,
  "20261207140000_declared_facts": declaredFacts,
  "20261208100000_dashboard_settings": dashboardSettings,
  "20261209090000_robot_platforms": robotPlatforms,
  "20261210100000_official_calendar": officialCalendar,
  "20261210110000_land_parcels_and_zombie_cases": landParcelsAndZombieCases,
  "20261210120000_chain_roles_and_events": chainRolesAndEvents,
  "20261210130000_talent_ledger": talentLedger,
  "20261210140000_reward_scenarios": rewardScenarios,
  "20261210150000_rule_page_publications": rulePagePublications,
  "20261211090000_bulletin_document": bulletinDocument,
  "20261212030000_reward_shortfalls": rewardShortfalls,
  "20261212050000_figure_summaries": figureSummaries,
  "20261212060000_regions": regions,
  "20261213010000_computed_answers": computedAnswers,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The names of the migrations this version knows, oldest first: a database with others was made by a newer one. */
export const KNOWN_MIGRATIONS: readonly string[] = Object.keys(migrations).sort();

/** Applies the migrations up to and including `name` (an upgrade test builds an older release's database so). */
export async function migrateUpTo(db: BeizengDb, name: string): Promise<string[]> {
  const { results, error } = await (await migrator(db)).migrateTo(name);
  return unwrap(results, error);
}

/**
 * On PostgreSQL the migration tables are looked for in the connection's own schema: the migrator otherwise
 * takes another schema's tables of the same database for its own (and finds none where it then writes).
 */
export async function migrator(db: BeizengDb): Promise<Migrator> {
  if (db.dialect !== "postgres") return new Migrator({ db: db.kysely, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]?.schema;
  return new Migrator({ db: db.kysely, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

function unwrap(results: MigrationResult[] | undefined, error: unknown): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ""}：${message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrateToLatest(db: BeizengDb): Promise<string[]> {
  const { results, error } = await (await migrator(db)).migrateToLatest();
  return unwrap(results, error);
}

/** Reverts the most recent migration; returns the names reverted. */
export async function migrateDown(db: BeizengDb): Promise<string[]> {
  const { results, error } = await (await migrator(db)).migrateDown();
  return unwrap(results, error);
}

/** Reverts every migration (tests and `beizeng migrate --reset`). */
export async function migrateToNone(db: BeizengDb): Promise<string[]> {
  const { NO_MIGRATIONS } = await import("kysely");
  const { results, error } = await (await migrator(db)).migrateTo(NO_MIGRATIONS);
  return unwrap(results, error);
}

/** Names of applied migrations and of those still pending. */
export async function migrationStatus(db: BeizengDb): Promise<{ applied: string[]; pending: string[] }> {
  const all = await (await migrator(db)).getMigrations();
  return {
    applied: all.filter((m) => m.executedAt).map((m) => m.name),
    pending: all.filter((m) => !m.executedAt).map((m) => m.name),
  };
}
