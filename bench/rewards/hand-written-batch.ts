/**
 * The hand-written function as a whole process, the peer of `beizeng rewards --input FILE --json`:
 * reads the EXCHANGE.md §1 file in one piece, converts it (its own reading, not the product's
 * validation), computes with the hand-written function (./oracle.ts) and prints the output object
 * of EXCHANGE.md §1 in the order the contract defines. It is bundled to JavaScript by
 * ./whole-process.ts and run with plain `node`, as a user would run a hand-written script.
 *
 *   node hand-written-batch.mjs FILE
 */
import { readFileSync } from "node:fs";
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject } from "@beizeng/domain/rewards/types";
import { handWrittenRewards } from "./oracle";
import type { EntitlementRow } from "./rows";

const PLAN_ID = "changjiang-2021-2023";
/** The clause each rule of the Changjiang plan cites (plans/changjiang-2021-2023/plan.yaml). */
const CLAUSES: Record<string, string> = {
  "R-PROJ-50": "M2",
  "R-PROJ-20": "M2",
  "R-500": "M2",
  "R-LISTED-MOVE": "M2",
  "R-NEW-SCALE": "M3",
  "R-REV-MILESTONE": "M4",
  "R-TAX-MILESTONE": "M4",
  "R-GROWTH": "M4",
  "R-MATCH": "M6",
  "R-IPO": "M7",
  "R-TECH": "M8",
};

function fen(text: string): bigint {
  const [whole = "0", cents = ""] = text.split(".");
  return BigInt(whole) * 100n + BigInt((cents || "0").padEnd(2, "0"));
}

function yuan(amount: bigint): string {
  const cents = amount % 100n;
  return cents === 0n ? (amount / 100n).toString() : `${amount / 100n}.${cents.toString().padStart(2, "0")}`;
}

// biome-ignore lint/suspicious/noExplicitAny: the file's own shape, read without a schema
type Json = any;

function enterpriseOf(raw: Json): EnterpriseHistory {
  const years: EnterpriseYear[] = raw.years.map((entry: Json) => {
    const year: EnterpriseYear = { year: entry.year };
    if (entry.aboveScale != null) year.aboveScale = entry.aboveScale;
    if (entry.newlyAboveScale != null) year.newlyAboveScale = entry.newlyAboveScale;
    if (entry.revenue != null) year.revenue = fen(entry.revenue);
    if (entry.tax != null) year.tax = fen(entry.tax);
    if (entry.grants) year.grants = entry.grants.map((grant: Json) => ({ ...grant, amount: fen(grant.amount) }));
    if (entry.techProjects)
      year.techProjects = entry.techProjects.map((project: Json) => ({
        ...project,
        investment: fen(project.investment),
        equipmentInvoices: fen(project.equipmentInvoices),
      }));
    if (entry.listing != null) year.listing = entry.listing;
    if (entry.listedRegistrationMovedIn != null) year.listedRegistrationMovedIn = entry.listedRegistrationMovedIn;
    if (entry.top500SettledIn != null) year.top500SettledIn = entry.top500SettledIn;
    return year;
  });
  const enterprise: EnterpriseHistory = { creditCode: raw.creditCode, years };
  if (raw.before)
    enterprise.before = {
      maxRevenue: raw.before.maxRevenue == null ? undefined : fen(raw.before.maxRevenue),
      maxTax: raw.before.maxTax == null ? undefined : fen(raw.before.maxTax),
    };
  return enterprise;
}

function projectOf(raw: Json): InvestmentProject {
  const project: InvestmentProject = {
    id: raw.id,
    creditCode: raw.creditCode,
    plannedInvestment: fen(raw.plannedInvestment),
    introducedYear: raw.introducedYear,
  };
  if (raw.productionYear != null) project.productionYear = raw.productionYear;
  return project;
}

const NUMBER = /^\d+(\.\d+)?$/;
function compareTier(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  if (NUMBER.test(left) && NUMBER.test(right)) return Number(left) - Number(right);
  return left < right ? -1 : 1;
}
const compareText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/** EXCHANGE.md §1's order: credit code, year, rule, tier (numerically); the subject keeps ties stable. */
function contractOrder(left: EntitlementRow, right: EntitlementRow): number {
  return (
    compareText(left.creditCode, right.creditCode) ||
    left.year - right.year ||
    compareText(left.ruleId, right.ruleId) ||
    compareTier(left.tier, right.tier) ||
    compareText(left.subjectId ?? "", right.subjectId ?? "")
  );
}

const file = process.argv[2];
if (!file) throw new Error("usage: hand-written-batch FILE");
const data = JSON.parse(readFileSync(file, "utf8"));
const rows = handWrittenRewards({
  enterprises: data.enterprises.map(enterpriseOf),
  projects: (data.projects ?? []).map(projectOf),
}).sort(contractOrder);
let total = 0n;
for (const row of rows) total += row.amount ?? 0n;
const output = {
  plan: PLAN_ID,
  entitlements: rows.map((row) => ({
    creditCode: row.creditCode,
    ruleId: row.ruleId,
    tier: row.tier,
    year: row.year,
    amount: row.amount === null ? null : yuan(row.amount),
    clause: CLAUSES[row.ruleId],
  })),
  total: yuan(total),
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
