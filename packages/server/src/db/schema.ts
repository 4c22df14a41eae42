import type { AuditLogTable } from "./tables/audit-log";
import type { DistrictTable } from "./tables/districts";
import type { EnterpriseScaleYearTable, EnterpriseTable } from "./tables/enterprises";
import type { FigureTable } from "./tables/figures";
import type { LoginAttemptTable } from "./tables/login-attempts";
import type { PlanTable } from "./tables/plans";
import type { ProjectTable } from "./tables/projects";
import type { SessionTable } from "./tables/sessions";
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
  audit_log: AuditLogTable;
  enterprises: EnterpriseTable;
  enterprise_scale_years: EnterpriseScaleYearTable;
  figures: FigureTable;
  projects: ProjectTable;
}
