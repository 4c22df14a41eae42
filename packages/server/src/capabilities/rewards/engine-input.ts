/**
 * Builds the rewards engine's input from the register: enterprises with their above-scale history,
 * current official annual revenue and tax, support grants, tech-transformation projects, listings and
 * one-off events, and the investment projects with their introduced and production years.
 *
 * History before the plan: the figures of the years before the plan's baseline year are folded into
 * `before` (the highest revenue and tax ever reached), so a milestone crossed before the plan is never
 * paid; the baseline year itself is listed in full (R-GROWTH needs its revenue for the first plan year).
 */
import type {
  EnterpriseHistory,
  EnterpriseYear,
  GrantLevel,
  GrantPurpose,
  InvestmentProject,
  ListingKind,
  RewardInput,
} from "@beizeng/domain/rewards/types";
import type { RewardRegisterData } from "./rewards.repository";

const SOURCE_KIND_LABELS: Record<string, string> = {
  import: "导入",
  entry: "录入",
  self_report: "企业自报",
  demo: "演示数据",
};

/**
 * Source labels, one string per distinct label: a district's figures come from a handful of
 * files, and every explanation stored carries the labels of its figures.
 */
function sourceLabels(): (kind: string, ref: string | null) => string {
  const labels = new Map<string, string>();
  return (kind, ref) => {
    const kindLabel = SOURCE_KIND_LABELS[kind] ?? kind;
    if (!ref || ref === kindLabel) return kindLabel;
    const key = `${kind}\u0000${ref}`;
    let label = labels.get(key);
    if (label === undefined) {
      label = `${kindLabel}：${ref}`;
      labels.set(key, label);
    }
    return label;
  };
}

export interface BuiltRewardInput {
  input: RewardInput;
  enterpriseIdByCode: Map<string, number>;
  projectIdByCode: Map<string, number>;
}

/** What the input builder needs of the plan. */
export interface PlanPeriod {
  baselineYear: number;
  startYear: number;
}

/** A year being built: its sources are its own object, filled in place. */
type YearDraft = EnterpriseYear & { sources: NonNullable<EnterpriseYear["sources"]> };

export function buildRewardInput(data: RewardRegisterData, period: PlanPeriod): BuiltRewardInput {
  const enterpriseIdByCode = new Map<string, number>();
  const sourceLabel = sourceLabels();
  const codeById = new Map<number, string>();
  for (const enterprise of data.enterprises) {
    enterpriseIdByCode.set(enterprise.credit_code, enterprise.id);
    codeById.set(enterprise.id, enterprise.credit_code);
  }

  // The first year any scale record exists: an enterprise whose history starts later entered the directory then.
  // (Of the whole district, also when one enterprise was loaded.)
  let firstScaleYear = data.firstScaleYear ?? Number.POSITIVE_INFINITY;
  for (const row of data.scaleYears) firstScaleYear = Math.min(firstScaleYear, row.year);

  const byEnterprise = new Map<number, Map<number, YearDraft>>();
  const yearOf = (enterpriseId: number, year: number): YearDraft => {
    let years = byEnterprise.get(enterpriseId);
    if (!years) {
      years = new Map();
      byEnterprise.set(enterpriseId, years);
    }
    let draft = years.get(year);
    if (!draft) {
      draft = { year, sources: {} };
      years.set(year, draft);
    }
    return draft;
  };

  const scaleByEnterprise = new Map<number, Map<number, string>>();
  for (const row of data.scaleYears) {
    let years = scaleByEnterprise.get(row.enterprise_id);
    if (!years) {
      years = new Map();
      scaleByEnterprise.set(row.enterprise_id, years);
    }
    years.set(row.year, row.status);
  }
  for (const [enterpriseId, years] of scaleByEnterprise) {
    for (const [year, status] of years) {
      const draft = yearOf(enterpriseId, year);
      draft.aboveScale = status === "above";
      const previous = years.get(year - 1);
      draft.newlyAboveScale =
        status === "above" && (previous === undefined ? year > firstScaleYear : previous !== "above");
      draft.sources.aboveScale = "规模企业名录库";
      draft.sources.newlyAboveScale = "规模企业名录库";
    }
  }

  // Figures arrive ordered by id: a later current row of the same year and metric wins.
  const before = new Map<number, { maxRevenue?: bigint; maxTax?: bigint }>();
  for (const figure of data.annualFigures) {
    const value = BigInt(figure.value);
    const metric = figure.metric === "revenue" ? "revenue" : "tax";
    if (figure.year < period.baselineYear) {
      const max = before.get(figure.enterprise_id) ?? {};
      const key = metric === "revenue" ? "maxRevenue" : "maxTax";
      const known = max[key];
      if (known === undefined || value > known) max[key] = value;
      before.set(figure.enterprise_id, max);
      continue;
    }
    const draft = yearOf(figure.enterprise_id, figure.year);
    draft[metric] = value;
    draft.sources[metric] = sourceLabel(figure.source_kind, figure.source_ref);
  }

  for (const grant of data.grants) {
    const draft = yearOf(grant.enterprise_id, grant.year);
    const grants = [...(draft.grants ?? [])];
    grants.push({
      id: grant.code,
      level: grant.level as GrantLevel,
      purpose: grant.purpose as GrantPurpose,
      amount: BigInt(grant.amount_fen),
      ...(grant.source ? { source: grant.source } : {}),
    });
    draft.grants = grants;
  }
  for (const project of data.techProjects) {
    const draft = yearOf(project.enterprise_id, project.year);
    draft.techProjects = [
      ...(draft.techProjects ?? []),
      {
        id: project.code,
        investment: BigInt(project.investment_fen),
        equipmentInvoices: BigInt(project.equipment_invoices_fen),
        techFundsReceived: project.tech_funds_received === 1,
        ...(project.source ? { source: project.source } : {}),
      },
    ];
  }
  for (const event of data.events) {
    const draft = yearOf(event.enterprise_id, event.year);
    if (event.kind === "listed_move_in") draft.listedRegistrationMovedIn = true;
    if (event.kind === "top500_settled") draft.top500SettledIn = true;
  }
  for (const listing of data.listings) {
    const draft = yearOf(listing.enterprise_id, listing.year);
    // Two kinds in one year: the engine takes one listing a year; the higher one counts.
    const rank: Record<string, number> = { neeq: 1, overseas: 2, domestic: 3 };
    if (draft.listing === undefined || (rank[listing.stage] ?? 0) > (rank[draft.listing] ?? 0))
      draft.listing = listing.stage as ListingKind;
    draft.sources.listing = "企业上市挂牌记录";
  }

  const enterprises: EnterpriseHistory[] = [];
  for (const enterprise of data.enterprises) {
    const years = [...(byEnterprise.get(enterprise.id)?.values() ?? [])].sort((a, b) => a.year - b.year);
    const history: EnterpriseHistory = { creditCode: enterprise.credit_code, name: enterprise.name, years };
    const max = before.get(enterprise.id);
    if (max) history.before = max;
    enterprises.push(history);
  }

  const projectIdByCode = new Map<string, number>();
  const projects: InvestmentProject[] = [];
  for (const project of data.projects) {
    if (project.enterprise_id === null || project.introduced_year === null) continue;
    const creditCode = codeById.get(project.enterprise_id);
    if (!creditCode) continue;
    projectIdByCode.set(project.code, project.id);
    projects.push({
      id: project.code,
      creditCode,
      name: project.name,
      plannedInvestment: BigInt(project.planned_investment_fen),
      introducedYear: project.introduced_year,
      ...(project.production_year !== null ? { productionYear: project.production_year } : {}),
    });
  }

  return { input: { enterprises, projects }, enterpriseIdByCode, projectIdByCode };
}
