/**
 * The hand-written function: the eleven rules of the Changjiang plan (PLAN.md §5) written out
 * directly, with the plan's default readings, no rule data, no explanations. It is the speed
 * ceiling of the benchmark and the oracle every competitor's entitlements are compared with.
 * Written from the plan's text alone, not from the engine.
 */
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject } from "@beizeng/domain/rewards/types";
import type { District } from "./generate";
import type { EntitlementRow } from "./rows";

const FIRST_PLAN_YEAR = 2021;
const LAST_PLAN_YEAR = 2023;
const YUAN = 100n;

// 首次突破: strictly above, every tier first crossed in a plan year paid (readings 1–3).
const REVENUE_TIERS: readonly [threshold: bigint, label: string, amount: bigint][] = [
  [5_000_000_000n * YUAN, "5000000000", 1_000_000n * YUAN],
  [10_000_000_000n * YUAN, "10000000000", 2_000_000n * YUAN],
  [30_000_000_000n * YUAN, "30000000000", 6_000_000n * YUAN],
];
const TAX_TIERS: readonly [threshold: bigint, label: string, amount: bigint][] = [
  [100_000_000n * YUAN, "100000000", 1_000_000n * YUAN],
  [500_000_000n * YUAN, "500000000", 5_000_000n * YUAN],
  [1_000_000_000n * YUAN, "1000000000", 10_000_000n * YUAN],
  [2_000_000_000n * YUAN, "2000000000", 20_000_000n * YUAN],
];
// 增幅超过 5 % / 8 % / 10 % / 15 %: highest band only, checked from the top.
const GROWTH_BANDS: readonly [percent: bigint, label: string, amount: bigint][] = [
  [15n, "0.15", 200_000n * YUAN],
  [10n, "0.10", 100_000n * YUAN],
  [8n, "0.08", 80_000n * YUAN],
  [5n, "0.05", 20_000n * YUAN],
];
const MATCH_PERCENT = { national: 20n, provincial: 15n, municipal: 10n } as const;
const MATCH_LABEL = { national: "0.20", provincial: "0.15", municipal: "0.10" } as const;
const LISTING_AMOUNT = { domestic: 5_000_000n * YUAN, overseas: 2_000_000n * YUAN, neeq: 500_000n * YUAN } as const;
const NEW_SCALE_AMOUNT = 30_000n * YUAN;
const LISTED_MOVE_AMOUNT = 2_000_000n * YUAN;
const TECH_MINIMUM = 3_000_000n * YUAN;
const PROJECT_50_MINIMUM = 5_000_000_000n * YUAN;
const PROJECT_20_MINIMUM = 2_000_000_000n * YUAN;

function inPlan(year: number): boolean {
  return year >= FIRST_PLAN_YEAR && year <= LAST_PLAN_YEAR;
}

/** percent % of an amount in fen, half-up to the fen. */
function percentHalfUp(fen: bigint, percent: bigint): bigint {
  return (fen * percent + 50n) / 100n;
}

function milestones(
  out: EntitlementRow[],
  code: string,
  ruleId: string,
  tiers: typeof REVENUE_TIERS,
  highestBefore: bigint | undefined,
  years: readonly EnterpriseYear[],
  figure: (year: EnterpriseYear) => bigint | undefined,
): void {
  let highest = highestBefore ?? -1n;
  for (const year of years) {
    const value = figure(year);
    if (value === undefined) continue;
    if (value > highest) {
      if (inPlan(year.year)) {
        for (const [threshold, label, amount] of tiers) {
          if (highest <= threshold && value > threshold)
            out.push({ creditCode: code, ruleId, tier: label, year: year.year, amount, subjectId: null });
        }
      }
      highest = value;
    }
  }
}

function enterpriseRewards(out: EntitlementRow[], enterprise: EnterpriseHistory): void {
  const code = enterprise.creditCode;
  const years = [...enterprise.years].sort((a, b) => a.year - b.year);

  milestones(out, code, "R-REV-MILESTONE", REVENUE_TIERS, enterprise.before?.maxRevenue, years, (y) => y.revenue);
  milestones(out, code, "R-TAX-MILESTONE", TAX_TIERS, enterprise.before?.maxTax, years, (y) => y.tax);

  let newScalePaid = false;
  let listedMovePaid = false;
  let top500Recorded = false;
  const listingsSeen = new Set<string>();
  let previous: EnterpriseYear | undefined;
  for (const year of years) {
    const y = year.year;
    const plan = inPlan(y);

    // R-GROWTH: above scale, not newly so, previous calendar year's revenue known and positive.
    if (plan && year.aboveScale === true && year.newlyAboveScale !== true && year.revenue !== undefined) {
      const last = previous !== undefined && previous.year === y - 1 ? previous.revenue : undefined;
      if (last !== undefined && last > 0n) {
        const growthTimes100 = (year.revenue - last) * 100n;
        for (const [percent, label, amount] of GROWTH_BANDS) {
          if (growthTimes100 > percent * last) {
            out.push({ creditCode: code, ruleId: "R-GROWTH", tier: label, year: y, amount, subjectId: null });
            break;
          }
        }
      }
    }

    if (plan && year.newlyAboveScale === true && !newScalePaid) {
      newScalePaid = true;
      out.push({
        creditCode: code,
        ruleId: "R-NEW-SCALE",
        tier: null,
        year: y,
        amount: NEW_SCALE_AMOUNT,
        subjectId: null,
      });
    }
    if (plan && year.listedRegistrationMovedIn === true && !listedMovePaid) {
      listedMovePaid = true;
      out.push({
        creditCode: code,
        ruleId: "R-LISTED-MOVE",
        tier: null,
        year: y,
        amount: LISTED_MOVE_AMOUNT,
        subjectId: null,
      });
    }
    if (plan && year.top500SettledIn === true && !top500Recorded) {
      top500Recorded = true;
      out.push({ creditCode: code, ruleId: "R-500", tier: null, year: y, amount: null, subjectId: null });
    }

    // R-IPO: each kind the first time it happens; a kind reached before the plan is never paid.
    if (year.listing !== undefined) {
      if (!listingsSeen.has(year.listing) && plan)
        out.push({
          creditCode: code,
          ruleId: "R-IPO",
          tier: year.listing,
          year: y,
          amount: LISTING_AMOUNT[year.listing],
          subjectId: null,
        });
      listingsSeen.add(year.listing);
    }

    if (plan) {
      for (const grant of year.grants ?? []) {
        const amount = percentHalfUp(grant.amount, MATCH_PERCENT[grant.level]);
        if (amount > 0n)
          out.push({
            creditCode: code,
            ruleId: "R-MATCH",
            tier: MATCH_LABEL[grant.level],
            year: y,
            amount,
            subjectId: grant.id,
          });
      }
      for (const project of year.techProjects ?? []) {
        if (project.investment < TECH_MINIMUM || project.techFundsReceived) continue;
        const amount = percentHalfUp(project.equipmentInvoices, 1n);
        if (amount > 0n)
          out.push({ creditCode: code, ruleId: "R-TECH", tier: null, year: y, amount, subjectId: project.id });
      }
    }
    previous = year;
  }
}

function projectReward(out: EntitlementRow[], project: InvestmentProject): void {
  if (!inPlan(project.introducedYear) || project.productionYear === undefined) return;
  const base = { creditCode: project.creditCode, tier: null, year: project.productionYear, subjectId: project.id };
  if (project.plannedInvestment >= PROJECT_50_MINIMUM)
    out.push({ ...base, ruleId: "R-PROJ-50", amount: 3_000_000n * YUAN });
  else if (project.plannedInvestment >= PROJECT_20_MINIMUM)
    out.push({ ...base, ruleId: "R-PROJ-20", amount: 1_000_000n * YUAN });
}

/** Every entitlement of the district under the Changjiang plan's eleven rules (default readings). */
export function handWrittenRewards(district: District): EntitlementRow[] {
  const out: EntitlementRow[] = [];
  for (const enterprise of district.enterprises) enterpriseRewards(out, enterprise);
  for (const project of district.projects) projectReward(out, project);
  return out;
}
