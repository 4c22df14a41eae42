/**
 * Small builders for rewards tests: enterprise histories written with yuan strings, and
 * summaries of results that read like the hand computation.
 */
import { withCheckCharacter } from "../../credit-code";
import { formatYuan, parseYuan } from "../../money";
import type { PlanFile } from "../../plan/schema";
import { evaluateRewards } from "../engine";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  EvaluateOptions,
  InvestmentProject,
  NonPayment,
  PriorGrant,
  RewardResult,
  SupportGrant,
  TechProject,
} from "../types";
import { whyNotText } from "../why-not";

/** A valid credit code numbered n (the check character computed). */
export function code(n: number): string {
  return withCheckCharacter(`91360200MA${String(n).padStart(7, "0")}`);
}

export const A = code(1);
export const B = code(2);

type YuanGrant = Omit<SupportGrant, "amount"> & { amount: string };
type YuanTech = Omit<TechProject, "investment" | "equipmentInvoices"> & {
  investment: string;
  equipmentInvoices: string;
};

export type YearSpec = Omit<EnterpriseYear, "revenue" | "tax" | "grants" | "techProjects"> & {
  revenue?: string;
  tax?: string;
  grants?: YuanGrant[];
  techProjects?: YuanTech[];
};

export function enterprise(
  creditCode: string,
  years: YearSpec[],
  before?: { maxRevenue?: string; maxTax?: string },
): EnterpriseHistory {
  const history: EnterpriseHistory = {
    creditCode,
    years: years.map((spec) => {
      const { revenue, tax, grants, techProjects, ...rest } = spec;
      const year: EnterpriseYear = { ...rest };
      if (revenue !== undefined) year.revenue = parseYuan(revenue);
      if (tax !== undefined) year.tax = parseYuan(tax);
      if (grants) year.grants = grants.map((grant) => ({ ...grant, amount: parseYuan(grant.amount) }));
      if (techProjects)
        year.techProjects = techProjects.map((project) => ({
          ...project,
          investment: parseYuan(project.investment),
          equipmentInvoices: parseYuan(project.equipmentInvoices),
        }));
      return year;
    }),
  };
  if (before)
    history.before = {
      maxRevenue: before.maxRevenue === undefined ? undefined : parseYuan(before.maxRevenue),
      maxTax: before.maxTax === undefined ? undefined : parseYuan(before.maxTax),
    };
  return history;
}

export function project(
  id: string,
  creditCode: string,
  plannedInvestment: string,
  introducedYear: number,
  productionYear?: number,
): InvestmentProject {
  const built: InvestmentProject = { id, creditCode, plannedInvestment: parseYuan(plannedInvestment), introducedYear };
  if (productionYear !== undefined) built.productionYear = productionYear;
  return built;
}

export interface RunSpec {
  enterprises?: EnterpriseHistory[];
  projects?: InvestmentProject[];
  alreadyGranted?: PriorGrant[];
  options?: EvaluateOptions;
}

export function run(plan: PlanFile, spec: RunSpec): RewardResult {
  return evaluateRewards(
    plan,
    { enterprises: spec.enterprises ?? [], projects: spec.projects ?? [], alreadyGranted: spec.alreadyGranted ?? [] },
    spec.options,
  );
}

/** Entitlements of one rule as "year tier amount" lines, in the order produced. */
export function paid(result: RewardResult, ruleId: string, creditCode?: string): string[] {
  return result.entitlements
    .filter(
      (entitlement) =>
        entitlement.ruleId === ruleId && (creditCode === undefined || entitlement.creditCode === creditCode),
    )
    .map(
      (entitlement) =>
        `${entitlement.year} ${entitlement.tier ?? "-"} ${entitlement.amount === null ? "null" : formatYuan(entitlement.amount)}`,
    );
}

export function whyNot(result: RewardResult, ruleId: string, creditCode?: string): NonPayment[] {
  return result.nonPayments.filter(
    (entry) => entry.ruleId === ruleId && (creditCode === undefined || entry.creditCode === creditCode),
  );
}

export function reasons(result: RewardResult, ruleId: string): string[] {
  return whyNot(result, ruleId).map((entry) => `${entry.year ?? "-"} ${entry.reason}`);
}

/** A why-not's Chinese sentence as shown (written from the record), undefined when there is no entry. */
export function zh(entry: NonPayment | undefined): string | undefined {
  return entry === undefined ? undefined : whyNotText(entry, "zh");
}
