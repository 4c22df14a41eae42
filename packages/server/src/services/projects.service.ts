/** Reading the investment-project pipeline. */
import type { DbContext } from "../db/database";
import { findProjects, type ProjectListRow } from "../repositories/projects.repository";
import type { AuthUser } from "./auth.service";

export interface ProjectView {
  id: number;
  code: string;
  name: string;
  investor: string;
  chainId: string;
  /** Decimal strings of fen. */
  plannedInvestmentFen: string;
  completedInvestmentFen: string;
  manufacturing: boolean;
  sourceUnitId: number | null;
  origin: string;
  leadUnit: { id: number; name: string } | null;
  leaderUserId: number | null;
  enterprise: { id: number; name: string } | null;
  location: string;
  stage: string;
  introducedYear: number | null;
  productionYear: number | null;
  isDemo: boolean;
}

function toView(row: ProjectListRow): ProjectView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    investor: row.investor,
    chainId: row.chain_id,
    plannedInvestmentFen: String(row.planned_investment_fen),
    completedInvestmentFen: String(row.completed_investment_fen),
    manufacturing: row.manufacturing === 1,
    sourceUnitId: row.source_unit_id,
    origin: row.origin,
    leadUnit: row.lead_unit_id !== null ? { id: row.lead_unit_id, name: row.lead_unit_name ?? "" } : null,
    leaderUserId: row.leader_user_id,
    enterprise: row.enterprise_id !== null ? { id: row.enterprise_id, name: row.enterprise_name ?? "" } : null,
    location: row.location,
    stage: row.stage,
    introducedYear: row.introduced_year,
    productionYear: row.production_year,
    isDemo: row.is_demo === 1,
  };
}

export async function listProjects(
  db: DbContext,
  user: AuthUser,
  query: { q?: string; stage?: string; chain?: string; leadUnit?: number; page: number; pageSize: number },
) {
  const { rows, total } = await findProjects(
    db,
    { districtId: user.districtId, q: query.q, stage: query.stage, chain: query.chain, leadUnitId: query.leadUnit },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}
