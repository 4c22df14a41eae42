/**
 * The facts the two third-party engines get for one enterprise-year. A rules engine sees one
 * record at a time, so what a rule needs to know about the enterprise's other years is computed
 * here, in one pass over its history, and handed over as plain facts:
 *
 * - `priorMaxRevenue` / `priorMaxTax`: the highest figure before this year (the pre-2020 record
 *   and every earlier year listed), −1 when there is none — "first time ever" (首次突破) is then
 *   `figure > threshold and priorMax <= threshold`;
 * - `previousRevenue`: the revenue of the calendar year before, null when that year is not listed;
 * - `newScaleEarlierInPlan`, `listedMoveEarlierInPlan`, `top500EarlierInPlan`: the event already
 *   happened in an earlier plan year (these rewards are once per enterprise);
 * - `listingKindReachedBefore`: this year's listing kind happened in an earlier year, before the
 *   plan included (each kind is paid once, never when reached before the plan).
 *
 * Money is integer fen in JavaScript numbers (exact: checked to be safe integers).
 */
import type { EnterpriseHistory, InvestmentProject } from "@beizeng/domain/rewards/types";
import { fenNumber } from "./peer-rules";

export interface GrantFacts {
  id: string;
  level: string;
  amount: number;
}

export interface TechProjectFacts {
  id: string;
  investment: number;
  equipmentInvoices: number;
  techFundsReceived: boolean;
}

export interface YearFacts {
  year: number;
  revenue: number | null;
  priorMaxRevenue: number;
  tax: number | null;
  priorMaxTax: number;
  previousRevenue: number | null;
  aboveScale: boolean | null;
  newlyAboveScale: boolean;
  newScaleEarlierInPlan: boolean;
  listedRegistrationMovedIn: boolean;
  listedMoveEarlierInPlan: boolean;
  top500SettledIn: boolean;
  top500EarlierInPlan: boolean;
  listing: string | null;
  listingKindReachedBefore: boolean;
  grants: GrantFacts[];
  techProjects: TechProjectFacts[];
}

export interface ProjectFacts {
  id: string;
  creditCode: string;
  plannedInvestment: number;
  introducedYear: number;
  productionYear: number | null;
}

const NONE = -1;

/** One YearFacts per year of the enterprise, in year order. */
export function yearFactsOf(enterprise: EnterpriseHistory, startYear: number, endYear: number): YearFacts[] {
  const years = [...enterprise.years].sort((a, b) => a.year - b.year);
  const facts: YearFacts[] = [];
  let priorMaxRevenue = enterprise.before?.maxRevenue === undefined ? NONE : fenNumber(enterprise.before.maxRevenue);
  let priorMaxTax = enterprise.before?.maxTax === undefined ? NONE : fenNumber(enterprise.before.maxTax);
  let newScaleSeen = false;
  let listedMoveSeen = false;
  let top500Seen = false;
  let listingsSeen = 0;
  let previousYear = Number.NaN;
  let previousRevenue: number | null = null;
  for (const year of years) {
    const inPlan = year.year >= startYear && year.year <= endYear;
    const revenue = year.revenue === undefined ? null : fenNumber(year.revenue);
    const tax = year.tax === undefined ? null : fenNumber(year.tax);
    const listingBit =
      year.listing === "domestic" ? 1 : year.listing === "overseas" ? 2 : year.listing === "neeq" ? 4 : 0;
    facts.push({
      year: year.year,
      revenue,
      priorMaxRevenue,
      tax,
      priorMaxTax,
      previousRevenue: previousYear === year.year - 1 ? previousRevenue : null,
      aboveScale: year.aboveScale ?? null,
      newlyAboveScale: year.newlyAboveScale === true,
      newScaleEarlierInPlan: newScaleSeen,
      listedRegistrationMovedIn: year.listedRegistrationMovedIn === true,
      listedMoveEarlierInPlan: listedMoveSeen,
      top500SettledIn: year.top500SettledIn === true,
      top500EarlierInPlan: top500Seen,
      listing: year.listing ?? null,
      listingKindReachedBefore: (listingsSeen & listingBit) !== 0,
      grants: (year.grants ?? []).map((grant) => ({
        id: grant.id,
        level: grant.level,
        amount: fenNumber(grant.amount),
      })),
      techProjects: (year.techProjects ?? []).map((project) => ({
        id: project.id,
        investment: fenNumber(project.investment),
        equipmentInvoices: fenNumber(project.equipmentInvoices),
        techFundsReceived: project.techFundsReceived,
      })),
    });
    if (revenue !== null && revenue > priorMaxRevenue) priorMaxRevenue = revenue;
    if (tax !== null && tax > priorMaxTax) priorMaxTax = tax;
    if (inPlan && year.newlyAboveScale === true) newScaleSeen = true;
    if (inPlan && year.listedRegistrationMovedIn === true) listedMoveSeen = true;
    if (inPlan && year.top500SettledIn === true) top500Seen = true;
    listingsSeen |= listingBit;
    previousYear = year.year;
    previousRevenue = revenue;
  }
  return facts;
}

export function projectFactsOf(project: InvestmentProject): ProjectFacts {
  return {
    id: project.id,
    creditCode: project.creditCode,
    plannedInvestment: fenNumber(project.plannedInvestment),
    introducedYear: project.introducedYear,
    productionYear: project.productionYear ?? null,
  };
}
