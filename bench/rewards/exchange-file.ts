/**
 * The generated district written as the rewards batch's input file (EXCHANGE.md §1): amounts as
 * decimal strings of yuan, optional fields left out, one line per enterprise so that the file
 * reads like one a bureau would send (and is not one line of 75 MB).
 */
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject } from "@beizeng/domain/rewards/types";
import type { District } from "./generate";

/** Fen as yuan text, written here rather than with the product's money module. */
function yuan(fen: bigint): string {
  const whole = fen / 100n;
  const cents = fen % 100n;
  return cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, "0")}`;
}

function yearObject(entry: EnterpriseYear): Record<string, unknown> {
  const out: Record<string, unknown> = { year: entry.year };
  if (entry.aboveScale !== undefined) out.aboveScale = entry.aboveScale;
  if (entry.newlyAboveScale !== undefined) out.newlyAboveScale = entry.newlyAboveScale;
  if (entry.revenue !== undefined) out.revenue = yuan(entry.revenue);
  if (entry.tax !== undefined) out.tax = yuan(entry.tax);
  if (entry.grants)
    out.grants = entry.grants.map((grant) => ({
      id: grant.id,
      level: grant.level,
      purpose: grant.purpose,
      amount: yuan(grant.amount),
    }));
  if (entry.techProjects)
    out.techProjects = entry.techProjects.map((project) => ({
      id: project.id,
      investment: yuan(project.investment),
      equipmentInvoices: yuan(project.equipmentInvoices),
      techFundsReceived: project.techFundsReceived,
    }));
  if (entry.listing !== undefined) out.listing = entry.listing;
  if (entry.listedRegistrationMovedIn !== undefined) out.listedRegistrationMovedIn = entry.listedRegistrationMovedIn;
  if (entry.top500SettledIn !== undefined) out.top500SettledIn = entry.top500SettledIn;
  return out;
}

function enterpriseObject(enterprise: EnterpriseHistory): Record<string, unknown> {
  const out: Record<string, unknown> = { creditCode: enterprise.creditCode };
  if (enterprise.name !== undefined) out.name = enterprise.name;
  if (enterprise.before) {
    const before: Record<string, string> = {};
    if (enterprise.before.maxRevenue !== undefined) before.maxRevenue = yuan(enterprise.before.maxRevenue);
    if (enterprise.before.maxTax !== undefined) before.maxTax = yuan(enterprise.before.maxTax);
    out.before = before;
  }
  out.years = enterprise.years.map(yearObject);
  return out;
}

function projectObject(project: InvestmentProject): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: project.id,
    creditCode: project.creditCode,
    plannedInvestment: yuan(project.plannedInvestment),
    introducedYear: project.introducedYear,
  };
  if (project.productionYear !== undefined) out.productionYear = project.productionYear;
  return out;
}

/** The district as the text of a `beizeng rewards --input` file. */
export function exchangeText(district: District): string {
  const lines = ['{"enterprises": ['];
  district.enterprises.forEach((enterprise, index) => {
    lines.push(`${JSON.stringify(enterpriseObject(enterprise))}${index + 1 < district.enterprises.length ? "," : ""}`);
  });
  lines.push('], "projects": [');
  district.projects.forEach((project, index) => {
    lines.push(`${JSON.stringify(projectObject(project))}${index + 1 < district.projects.length ? "," : ""}`);
  });
  lines.push("]}");
  return `${lines.join("\n")}\n`;
}
