/**
 * The Changjiang reward rules as the two third-party engines receive them: thresholds, amounts
 * and rates read from the parsed plan file, money as integer fen in JavaScript numbers (exact:
 * every figure is checked to be a safe integer), rates as integer numerator/denominator and as
 * the plan's decimal text. The translations are written for the plan's default readings;
 * another reading stops the benchmark rather than computing something else.
 */
import { parseYuan } from "@beizeng/domain/money";
import type { PlanFile } from "@beizeng/domain/plan/schema";

export interface PeerTier {
  /** Threshold in fen. */
  threshold: number;
  /** The tier's name in entitlements: the threshold in yuan. */
  label: string;
  amount: number;
}

export interface PeerBand {
  numerator: number;
  denominator: number;
  /** The rate as written in the plan ("0.05"), also the tier name. */
  label: string;
  amount: number;
}

export interface PeerRate {
  numerator: number;
  denominator: number;
  label: string;
}

export interface PeerRuleSet {
  startYear: number;
  endYear: number;
  crossings: { ruleId: string; metric: "revenue" | "tax"; tiers: PeerTier[] }[];
  growth: { ruleId: string; bands: PeerBand[] };
  newScale: { ruleId: string; amount: number };
  listedMove: { ruleId: string; amount: number };
  top500: { ruleId: string };
  listing: { ruleId: string; kinds: { kind: "domestic" | "overseas" | "neeq"; amount: number }[] };
  match: { ruleId: string; rates: (PeerRate & { level: "national" | "provincial" | "municipal" })[] };
  tech: { ruleId: string; minInvestment: number; rate: PeerRate };
  /** Highest minimum first: a project takes the first category it reaches. */
  projects: { ruleId: string; minInvestment: number; amount: number }[];
}

/** Integer fen as a JavaScript number, refusing anything a double could not hold exactly. */
export function fenNumber(fen: bigint): number {
  const value = Number(fen);
  if (!Number.isSafeInteger(value)) throw new Error(`amount of ${fen} fen is beyond exact double precision`);
  return value;
}

function yuan(text: string): number {
  return fenNumber(parseYuan(text));
}

/** "0.15" → 15/100, exactly. */
export function rateParts(text: string): PeerRate {
  const [whole = "0", fraction = ""] = text.split(".");
  const denominator = 10 ** fraction.length;
  return { numerator: Number(whole) * denominator + Number(fraction || "0"), denominator, label: text };
}

/** The plan's own label of a rate: at least two decimals ("0.1" → "0.10"). */
function rateLabel(text: string): string {
  const [whole = "0", fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

/** The fen figure in yuan as a decimal string, the way entitlements name a milestone tier. */
function yuanLabel(text: string): string {
  const fen = parseYuan(text);
  const cents = fen % 100n;
  return cents === 0n ? (fen / 100n).toString() : `${fen / 100n}.${cents.toString().padStart(2, "0")}`;
}

function parameterValue(plan: PlanFile, id: string): string | boolean | number {
  const parameter = plan.parameters.find((candidate) => candidate.id === id);
  if (parameter === undefined) throw new Error(`plan parameter ${id} missing`);
  return parameter.value;
}

function expectReading(plan: PlanFile, id: string, expected: string | boolean): void {
  const value = parameterValue(plan, id);
  if (String(value) !== String(expected))
    throw new Error(`the peer translations implement ${id} = ${expected}; the plan says ${String(value)}`);
}

/** Reads the plan's reward rules into the peers' form. */
export function peerRuleSet(plan: PlanFile): PeerRuleSet {
  const set: Partial<PeerRuleSet> & { crossings: PeerRuleSet["crossings"] } = {
    startYear: plan.period.startYear,
    endYear: plan.period.endYear,
    crossings: [],
  };
  for (const rule of plan.rewards) {
    switch (rule.kind) {
      case "firstCrossing":
        expectReading(plan, rule.comparisonParameter, "gt");
        expectReading(plan, rule.sameYearParameter, "each");
        set.crossings.push({
          ruleId: rule.id,
          metric: rule.metric,
          tiers: rule.tiers.map((tier) => ({
            threshold: yuan(tier.threshold),
            label: yuanLabel(tier.threshold),
            amount: yuan(tier.amount),
          })),
        });
        break;
      case "growthBands":
        if (
          rule.comparison !== "gt" ||
          !rule.requireAboveScale ||
          !rule.excludeNewlyAboveScale ||
          !rule.payHighestTierOnly
        )
          throw new Error(`the peer translations implement ${rule.id} as written in the Changjiang plan`);
        set.growth = {
          ruleId: rule.id,
          bands: rule.tiers
            .map((tier) => ({ ...rateParts(tier.rate), label: rateLabel(tier.rate), amount: yuan(tier.amount) }))
            .sort((a, b) => a.numerator * b.denominator - b.numerator * a.denominator),
        };
        break;
      case "newAboveScale":
        expectReading(plan, rule.reentryParameter, false);
        set.newScale = { ruleId: rule.id, amount: yuan(rule.amount) };
        break;
      case "eventOnce":
        set.listedMove = { ruleId: rule.id, amount: yuan(rule.amount) };
        break;
      case "caseByCase":
        set.top500 = { ruleId: rule.id };
        break;
      case "listing":
        expectReading(plan, rule.neeqThenListedParameter, true);
        set.listing = {
          ruleId: rule.id,
          kinds: rule.kinds.map((kind) => ({ kind: kind.listing, amount: yuan(kind.amount) })),
        };
        break;
      case "grantMatch":
        set.match = {
          ruleId: rule.id,
          rates: rule.rates.map((rate) => ({
            ...rateParts(rate.rate),
            label: rateLabel(rate.rate),
            level: rate.level,
          })),
        };
        break;
      case "techTransformation":
        if (rule.comparison !== "gte" || !rule.excludeIfTechFundsReceived)
          throw new Error(`the peer translations implement ${rule.id} as written in the Changjiang plan`);
        set.tech = { ruleId: rule.id, minInvestment: yuan(rule.minInvestment), rate: rateParts(rule.rate) };
        break;
      case "projectProduction":
        if (!rule.introducedYearsFromPlan) throw new Error(`the peer translations implement ${rule.id} for plan years`);
        set.projects = rule.categories
          .map((category) => {
            const threshold =
              category.minInvestmentParameter === undefined
                ? category.minInvestment
                : String(parameterValue(plan, category.minInvestmentParameter));
            return { ruleId: category.ruleId, minInvestment: yuan(threshold), amount: yuan(category.amount) };
          })
          .sort((a, b) => b.minInvestment - a.minInvestment);
        break;
    }
  }
  const { growth, newScale, listedMove, top500, listing, match, tech, projects } = set;
  if (!growth || !newScale || !listedMove || !top500 || !listing || !match || !tech || !projects)
    throw new Error("the plan lacks one of the eleven Changjiang reward rules");
  return { ...set, growth, newScale, listedMove, top500, listing, match, tech, projects } as PeerRuleSet;
}
