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

/** A rule's condition of this exact text (the translations are written for these). */
function hasCondition(rule: PlanFile["rewards"][number], test: string): boolean {
  return rule.when.some((condition) => condition.test === test);
}

const LISTING_KINDS = ["domestic", "overseas", "neeq"] as const;
const GRANT_LEVELS = ["national", "provincial", "municipal"] as const;

/** Reads the plan's reward rules (in the rule language) into the peers' form, recognising each by its structure. */
export function peerRuleSet(plan: PlanFile): PeerRuleSet {
  const set: Partial<PeerRuleSet> & { crossings: PeerRuleSet["crossings"] } = {
    startYear: plan.period.startYear,
    endYear: plan.period.endYear,
    crossings: [],
  };
  const unsupported = (id: string) =>
    new Error(`the peer translations implement ${id} as written in the Changjiang plan`);
  for (const rule of plan.rewards) {
    const tiers = rule.tiers;
    if (rule.per === "project" && tiers !== undefined) {
      if (!hasCondition(rule, "project.introducedYear >= plan.startYear && project.introducedYear <= plan.endYear"))
        throw new Error(`the peer translations implement ${rule.id} for plan years`);
      set.projects = tiers.steps
        .map((step) => {
          const threshold =
            step.fromParameter === undefined ? step.from : String(parameterValue(plan, step.fromParameter));
          return { ruleId: step.ruleId ?? rule.id, minInvestment: yuan(threshold), amount: yuan(step.amount ?? "0") };
        })
        .sort((a, b) => b.minInvestment - a.minInvestment);
    } else if (rule.per === "grant" && rule.byCategory !== undefined) {
      set.match = {
        ruleId: rule.id,
        rates: rule.byCategory.values.map((value) => {
          const level = GRANT_LEVELS.find((candidate) => candidate === value.is);
          if (level === undefined || value.rate === undefined) throw unsupported(rule.id);
          return { ...rateParts(value.rate), label: rateLabel(value.rate), level };
        }),
      };
    } else if (rule.per === "techProject") {
      const minimum = rule.when
        .map((condition) => /^techProject\.investment >= yuan\("([\d.]+)"\)$/.exec(condition.test)?.[1])
        .find((found) => found !== undefined);
      if (minimum === undefined || !hasCondition(rule, "!techProject.techFundsReceived") || rule.rate === undefined)
        throw unsupported(rule.id);
      set.tech = { ruleId: rule.id, minInvestment: yuan(minimum), rate: rateParts(rule.rate) };
    } else if (tiers?.firstTime === true && (tiers.of === "revenue" || tiers.of === "tax")) {
      if (typeof tiers.compare === "string" || typeof tiers.pay === "string") throw unsupported(rule.id);
      expectReading(plan, tiers.compare.parameter, "gt");
      expectReading(plan, tiers.pay.parameter, "each");
      set.crossings.push({
        ruleId: rule.id,
        metric: tiers.of,
        tiers: tiers.steps.map((step) => ({
          threshold: yuan(step.from),
          label: yuanLabel(step.from),
          amount: yuan(step.amount ?? "0"),
        })),
      });
    } else if (tiers?.growthOf === "revenue") {
      if (
        tiers.compare !== "gt" ||
        tiers.pay !== "highest" ||
        !hasCondition(rule, "aboveScale") ||
        !hasCondition(rule, "!newlyAboveScale")
      )
        throw unsupported(rule.id);
      set.growth = {
        ruleId: rule.id,
        bands: tiers.steps
          .map((step) => ({ ...rateParts(step.from), label: rateLabel(step.from), amount: yuan(step.amount ?? "0") }))
          .sort((a, b) => a.numerator * b.denominator - b.numerator * a.denominator),
      };
    } else if (rule.caseByCase !== undefined && rule.event?.test === "top500SettledIn") {
      set.top500 = { ruleId: rule.id };
    } else if (rule.event?.test === "newlyAboveScale" && rule.amount !== undefined) {
      if (rule.oncePerYearParameter !== undefined) expectReading(plan, rule.oncePerYearParameter, false);
      set.newScale = { ruleId: rule.id, amount: yuan(rule.amount) };
    } else if (rule.event?.test === "listedRegistrationMovedIn" && rule.amount !== undefined) {
      set.listedMove = { ruleId: rule.id, amount: yuan(rule.amount) };
    } else if (rule.byCategory?.of === "listing") {
      for (const value of rule.byCategory.values)
        if (value.notAfter?.unlessParameter !== undefined) expectReading(plan, value.notAfter.unlessParameter, true);
      set.listing = {
        ruleId: rule.id,
        kinds: rule.byCategory.values.map((value) => {
          const kind = LISTING_KINDS.find((candidate) => candidate === value.is);
          if (kind === undefined || value.amount === undefined) throw unsupported(rule.id);
          return { kind, amount: yuan(value.amount) };
        }),
      };
    } else throw unsupported(rule.id);
  }
  const { growth, newScale, listedMove, top500, listing, match, tech, projects } = set;
  if (!growth || !newScale || !listedMove || !top500 || !listing || !match || !tech || !projects)
    throw new Error("the plan lacks one of the eleven Changjiang reward rules");
  return { ...set, growth, newScale, listedMove, top500, listing, match, tech, projects } as PeerRuleSet;
}
