/**
 * One enterprise of a rewards batch (EXCHANGE.md §1), read without the schema when it is plainly
 * valid: the fields EXCHANGE.md lists, of the right types, amounts that are decimals of yuan to
 * the fen, a valid credit code, no year, grant or tech project twice. Such an enterprise becomes
 * exactly what the domain's parseRewardsBatch makes of it (amounts in fen through the domain's
 * parseYuan, ids trimmed), at a fraction of the schema's cost, which is most of a large batch's
 * time. Anything else (a field it does not know, null where it does not expect it, any doubt)
 * gives null, and the enterprise is read by parseRewardsBatch, which takes it or names its problem.
 * `batch-enterprise.test.ts` holds the two readings to the same result.
 */
import { creditCodeMessage } from "@beizeng/domain/credit-code";
import { type Fen, parseYuan } from "@beizeng/domain/money";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  GrantLevel,
  GrantPurpose,
  ListingKind,
  SupportGrant,
  TechProject,
} from "@beizeng/domain/rewards/types";

type Fields = Record<string, unknown>;

const PLAIN_YUAN = /^\d+(\.\d+)?$/;
const ENTERPRISE_FIELDS = new Set(["creditCode", "name", "before", "years"]);
const BEFORE_FIELDS = new Set(["maxRevenue", "maxTax"]);
const YEAR_FIELDS = new Set([
  "year",
  "aboveScale",
  "newlyAboveScale",
  "revenue",
  "tax",
  "grants",
  "techProjects",
  "listing",
  "listedRegistrationMovedIn",
  "top500SettledIn",
]);
const GRANT_FIELDS = new Set(["id", "level", "purpose", "amount"]);
const TECH_FIELDS = new Set(["id", "investment", "equipmentInvoices", "techFundsReceived"]);
const LEVELS = new Set<unknown>(["national", "provincial", "municipal"]);
const PURPOSES = new Set<unknown>(["project", "tech"]);
const LISTINGS = new Set<unknown>(["domestic", "overseas", "neeq"]);

/** Thrown inside, caught at the top: this enterprise is left to the schema. */
class Doubt extends Error {}
const DOUBT = new Doubt();

function object(value: unknown, allowed: ReadonlySet<string>): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw DOUBT;
  for (const key in value) if (!allowed.has(key)) throw DOUBT;
  return value as Fields;
}

function fen(value: unknown): Fen {
  if (typeof value !== "string" || !PLAIN_YUAN.test(value)) throw DOUBT;
  try {
    return parseYuan(value);
  } catch {
    throw DOUBT;
  }
}

/** An amount that may be absent or null (both mean absent). */
function optionalFen(value: unknown): Fen | undefined {
  return value === undefined || value === null ? undefined : fen(value);
}

function optionalFlag(value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw DOUBT;
  return value;
}

function identifier(value: unknown): string {
  if (typeof value !== "string") throw DOUBT;
  const trimmed = value.trim();
  if (trimmed === "") throw DOUBT;
  return trimmed;
}

function list(value: unknown): readonly unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw DOUBT;
  return value;
}

function yearOf(value: unknown, grantIds: Set<string>, techIds: Set<string>): EnterpriseYear {
  const fields = object(value, YEAR_FIELDS);
  const number = fields.year;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1900 || number > 2100) throw DOUBT;
  const year: EnterpriseYear = { year: number };
  const aboveScale = optionalFlag(fields.aboveScale);
  if (aboveScale !== undefined) year.aboveScale = aboveScale;
  const newlyAboveScale = optionalFlag(fields.newlyAboveScale);
  if (newlyAboveScale !== undefined) year.newlyAboveScale = newlyAboveScale;
  const revenue = optionalFen(fields.revenue);
  if (revenue !== undefined) year.revenue = revenue;
  const tax = optionalFen(fields.tax);
  if (tax !== undefined) year.tax = tax;
  const grants = list(fields.grants);
  if (grants !== undefined && grants.length > 0)
    year.grants = grants.map((entry): SupportGrant => {
      const grant = object(entry, GRANT_FIELDS);
      const id = identifier(grant.id);
      if (grantIds.has(id) || !LEVELS.has(grant.level) || !PURPOSES.has(grant.purpose)) throw DOUBT;
      grantIds.add(id);
      return {
        id,
        level: grant.level as GrantLevel,
        purpose: grant.purpose as GrantPurpose,
        amount: fen(grant.amount),
      };
    });
  const techProjects = list(fields.techProjects);
  if (techProjects !== undefined && techProjects.length > 0)
    year.techProjects = techProjects.map((entry): TechProject => {
      const project = object(entry, TECH_FIELDS);
      const id = identifier(project.id);
      if (techIds.has(id) || typeof project.techFundsReceived !== "boolean") throw DOUBT;
      techIds.add(id);
      return {
        id,
        investment: fen(project.investment),
        equipmentInvoices: fen(project.equipmentInvoices),
        techFundsReceived: project.techFundsReceived,
      };
    });
  if (fields.listing !== undefined && fields.listing !== null) {
    if (!LISTINGS.has(fields.listing)) throw DOUBT;
    year.listing = fields.listing as ListingKind;
  }
  const movedIn = optionalFlag(fields.listedRegistrationMovedIn);
  if (movedIn !== undefined) year.listedRegistrationMovedIn = movedIn;
  const top500 = optionalFlag(fields.top500SettledIn);
  if (top500 !== undefined) year.top500SettledIn = top500;
  return year;
}

/** The enterprise as parseRewardsBatch converts it, or null when it is left to parseRewardsBatch. */
export function plainlyValidEnterprise(value: unknown): EnterpriseHistory | null {
  try {
    const fields = object(value, ENTERPRISE_FIELDS);
    const code = fields.creditCode;
    if (typeof code !== "string" || creditCodeMessage(code) !== null) return null;
    const rawYears = fields.years;
    if (!Array.isArray(rawYears)) return null;
    const grantIds = new Set<string>();
    const techIds = new Set<string>();
    const seenYears = new Set<number>();
    const years = rawYears.map((entry) => {
      const year = yearOf(entry, grantIds, techIds);
      if (seenYears.has(year.year)) throw DOUBT;
      seenYears.add(year.year);
      return year;
    });
    const history: EnterpriseHistory = { creditCode: code, years };
    if (fields.name !== undefined && fields.name !== null) {
      if (typeof fields.name !== "string") return null;
      history.name = fields.name;
    }
    if (fields.before !== undefined && fields.before !== null) {
      const before = object(fields.before, BEFORE_FIELDS);
      history.before = { maxRevenue: optionalFen(before.maxRevenue), maxTax: optionalFen(before.maxTax) };
    }
    return history;
  } catch (error) {
    if (error === DOUBT) return null;
    throw error;
  }
}
