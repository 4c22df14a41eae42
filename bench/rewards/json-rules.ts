/**
 * The Changjiang rules in json-rules-engine: one JSON rule per tier, band, event, listing kind,
 * grant level, tech-project rule and project category, each emitting an `entitlement` event
 * whose params carry the rule id, tier and amount. Four engines, one per kind of record the
 * rules look at, each run once per record with `engine.run(facts)` as its documentation shows:
 * enterprise-years, grants, tech projects and investment projects.
 *
 * What the engine cannot express is given to it as facts (see ./facts.ts): the highest figure
 * before the year, the previous year's revenue, whether a once-per-enterprise event or a listing
 * kind happened earlier. Growth bands use a custom operator (`growthAbove`, the documented way to
 * add one) comparing (current − previous) × denominator with numerator × previous in BigInt; a
 * share of a grant or of equipment invoices is computed, half-up to the fen, from the
 * numerator/denominator the event carries, in BigInt, by the caller.
 */
import { Engine, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import { type ProjectFacts, projectFactsOf, type YearFacts, yearFactsOf } from "./facts";
import type { District } from "./generate";
import type { PeerRuleSet } from "./peer-rules";
import type { EntitlementRow } from "./rows";

type Condition = { fact: string; operator: string; value: unknown };

interface EntitlementParams {
  ruleId: string;
  tier: string | null;
  /** Fen, or null for R-500. */
  amount?: number | null;
  /** A share to apply to the record's amount, when the amount is not fixed. */
  numerator?: number;
  denominator?: number;
}

function rule(name: string, all: Condition[], params: EntitlementParams): RuleProperties {
  return { name, conditions: { all } as TopLevelCondition, event: { type: "entitlement", params: { ...params } } };
}

function planYear(set: PeerRuleSet, fact = "year"): Condition[] {
  return [
    { fact, operator: "greaterThanInclusive", value: set.startYear },
    { fact, operator: "lessThanInclusive", value: set.endYear },
  ];
}

/** Smallest amount in fen whose share rounds half-up to at least one fen: amount × n ÷ d ≥ ½. */
function smallestPaying(numerator: number, denominator: number): number {
  return Math.ceil(denominator / (2 * numerator));
}

/** (current − previous) × d > n × previous, exactly; false without a positive previous year. */
function growthAbove(pair: [number | null, number | null] | null, band: [number, number]): boolean {
  if (pair === null) return false;
  const [current, previous] = pair;
  if (current === null || previous === null || previous <= 0) return false;
  return (BigInt(current) - BigInt(previous)) * BigInt(band[1]) > BigInt(band[0]) * BigInt(previous);
}

export function yearRules(set: PeerRuleSet): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const crossing of set.crossings) {
    const figure = crossing.metric;
    const prior = crossing.metric === "revenue" ? "priorMaxRevenue" : "priorMaxTax";
    for (const tier of crossing.tiers)
      rules.push(
        rule(
          `${crossing.ruleId} ${tier.label}`,
          [
            ...planYear(set),
            { fact: figure, operator: "greaterThan", value: tier.threshold },
            { fact: prior, operator: "lessThanInclusive", value: tier.threshold },
          ],
          { ruleId: crossing.ruleId, tier: tier.label, amount: tier.amount },
        ),
      );
  }
  const bands = set.growth.bands;
  bands.forEach((band, index) => {
    const next = bands[index + 1];
    const conditions: Condition[] = [
      ...planYear(set),
      { fact: "aboveScale", operator: "equal", value: true },
      { fact: "newlyAboveScale", operator: "equal", value: false },
      { fact: "revenuePair", operator: "growthAbove", value: [band.numerator, band.denominator] },
    ];
    // Only the highest band reached is paid: a band applies up to the next one.
    if (next)
      conditions.push({ fact: "revenuePair", operator: "growthNotAbove", value: [next.numerator, next.denominator] });
    rules.push(
      rule(`${set.growth.ruleId} ${band.label}`, conditions, {
        ruleId: set.growth.ruleId,
        tier: band.label,
        amount: band.amount,
      }),
    );
  });
  rules.push(
    rule(
      set.newScale.ruleId,
      [
        ...planYear(set),
        { fact: "newlyAboveScale", operator: "equal", value: true },
        { fact: "newScaleEarlierInPlan", operator: "equal", value: false },
      ],
      { ruleId: set.newScale.ruleId, tier: null, amount: set.newScale.amount },
    ),
    rule(
      set.listedMove.ruleId,
      [
        ...planYear(set),
        { fact: "listedRegistrationMovedIn", operator: "equal", value: true },
        { fact: "listedMoveEarlierInPlan", operator: "equal", value: false },
      ],
      { ruleId: set.listedMove.ruleId, tier: null, amount: set.listedMove.amount },
    ),
    rule(
      set.top500.ruleId,
      [
        ...planYear(set),
        { fact: "top500SettledIn", operator: "equal", value: true },
        { fact: "top500EarlierInPlan", operator: "equal", value: false },
      ],
      { ruleId: set.top500.ruleId, tier: null, amount: null },
    ),
  );
  for (const kind of set.listing.kinds)
    rules.push(
      rule(
        `${set.listing.ruleId} ${kind.kind}`,
        [
          ...planYear(set),
          { fact: "listing", operator: "equal", value: kind.kind },
          { fact: "listingKindReachedBefore", operator: "equal", value: false },
        ],
        { ruleId: set.listing.ruleId, tier: kind.kind, amount: kind.amount },
      ),
    );
  return rules;
}

export function grantRules(set: PeerRuleSet): RuleProperties[] {
  return set.match.rates.map((rate) =>
    rule(
      `${set.match.ruleId} ${rate.level}`,
      [
        ...planYear(set),
        { fact: "level", operator: "equal", value: rate.level },
        { fact: "amount", operator: "greaterThanInclusive", value: smallestPaying(rate.numerator, rate.denominator) },
      ],
      { ruleId: set.match.ruleId, tier: rate.label, numerator: rate.numerator, denominator: rate.denominator },
    ),
  );
}

export function techRules(set: PeerRuleSet): RuleProperties[] {
  const { rate } = set.tech;
  return [
    rule(
      set.tech.ruleId,
      [
        ...planYear(set),
        { fact: "investment", operator: "greaterThanInclusive", value: set.tech.minInvestment },
        { fact: "techFundsReceived", operator: "equal", value: false },
        {
          fact: "equipmentInvoices",
          operator: "greaterThanInclusive",
          value: smallestPaying(rate.numerator, rate.denominator),
        },
      ],
      { ruleId: set.tech.ruleId, tier: null, numerator: rate.numerator, denominator: rate.denominator },
    ),
  ];
}

export function projectRules(set: PeerRuleSet): RuleProperties[] {
  return set.projects.map((category, index) => {
    const higher = set.projects[index - 1];
    const conditions: Condition[] = [
      ...planYear(set, "introducedYear"),
      { fact: "productionYear", operator: "notEqual", value: null },
      { fact: "plannedInvestment", operator: "greaterThanInclusive", value: category.minInvestment },
    ];
    // A project is of the highest category it reaches.
    if (higher) conditions.push({ fact: "plannedInvestment", operator: "lessThan", value: higher.minInvestment });
    return rule(category.ruleId, conditions, { ruleId: category.ruleId, tier: null, amount: category.amount });
  });
}

function engineWith(rules: RuleProperties[]): Engine {
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  engine.addOperator("growthAbove", growthAbove);
  engine.addOperator(
    "growthNotAbove",
    (pair: [number | null, number | null] | null, band: [number, number]) => !growthAbove(pair, band),
  );
  return engine;
}

/** Half-up share of an amount in fen, in BigInt. */
function share(amount: number, numerator: number, denominator: number): bigint {
  const d = BigInt(denominator);
  return (BigInt(amount) * BigInt(numerator) * 2n + d) / (2n * d);
}

function fixedAmount(params: EntitlementParams): bigint | null {
  return params.amount === null || params.amount === undefined ? null : BigInt(params.amount);
}

export interface JsonRulesEngines {
  years: Engine;
  grants: Engine;
  tech: Engine;
  projects: Engine;
}

export function jsonRulesEngines(set: PeerRuleSet): JsonRulesEngines {
  return {
    years: engineWith(yearRules(set)),
    grants: engineWith(grantRules(set)),
    tech: engineWith(techRules(set)),
    projects: engineWith(projectRules(set)),
  };
}

function yearFactRecord(facts: YearFacts): Record<string, unknown> {
  return {
    year: facts.year,
    revenue: facts.revenue,
    priorMaxRevenue: facts.priorMaxRevenue,
    tax: facts.tax,
    priorMaxTax: facts.priorMaxTax,
    revenuePair: [facts.revenue, facts.previousRevenue],
    aboveScale: facts.aboveScale,
    newlyAboveScale: facts.newlyAboveScale,
    newScaleEarlierInPlan: facts.newScaleEarlierInPlan,
    listedRegistrationMovedIn: facts.listedRegistrationMovedIn,
    listedMoveEarlierInPlan: facts.listedMoveEarlierInPlan,
    top500SettledIn: facts.top500SettledIn,
    top500EarlierInPlan: facts.top500EarlierInPlan,
    listing: facts.listing,
    listingKindReachedBefore: facts.listingKindReachedBefore,
  };
}

/** Every entitlement of the district, one engine run per enterprise-year, grant, tech project and project. */
export async function jsonRulesRewards(set: PeerRuleSet, district: District): Promise<EntitlementRow[]> {
  const engines = jsonRulesEngines(set);
  const rows: EntitlementRow[] = [];
  for (const enterprise of district.enterprises) {
    const code = enterprise.creditCode;
    for (const facts of yearFactsOf(enterprise, set.startYear, set.endYear)) {
      const { events } = await engines.years.run(yearFactRecord(facts));
      for (const event of events) {
        const params = event.params as EntitlementParams;
        rows.push({
          creditCode: code,
          ruleId: params.ruleId,
          tier: params.tier,
          year: facts.year,
          amount: fixedAmount(params),
          subjectId: null,
        });
      }
      for (const grant of facts.grants) {
        const { events: paid } = await engines.grants.run({
          year: facts.year,
          level: grant.level,
          amount: grant.amount,
        });
        for (const event of paid) {
          const params = event.params as EntitlementParams;
          rows.push({
            creditCode: code,
            ruleId: params.ruleId,
            tier: params.tier,
            year: facts.year,
            amount: share(grant.amount, params.numerator as number, params.denominator as number),
            subjectId: grant.id,
          });
        }
      }
      for (const project of facts.techProjects) {
        const { events: paid } = await engines.tech.run({
          year: facts.year,
          investment: project.investment,
          equipmentInvoices: project.equipmentInvoices,
          techFundsReceived: project.techFundsReceived,
        });
        for (const event of paid) {
          const params = event.params as EntitlementParams;
          rows.push({
            creditCode: code,
            ruleId: params.ruleId,
            tier: params.tier,
            year: facts.year,
            amount: share(project.equipmentInvoices, params.numerator as number, params.denominator as number),
            subjectId: project.id,
          });
        }
      }
    }
  }
  for (const project of district.projects) {
    const facts: ProjectFacts = projectFactsOf(project);
    const { events } = await engines.projects.run({
      introducedYear: facts.introducedYear,
      productionYear: facts.productionYear,
      plannedInvestment: facts.plannedInvestment,
    });
    for (const event of events) {
      const params = event.params as EntitlementParams;
      rows.push({
        creditCode: facts.creditCode,
        ruleId: params.ruleId,
        tier: params.tier,
        year: facts.productionYear as number,
        amount: fixedAmount(params),
        subjectId: facts.id,
      });
    }
  }
  return rows;
}
