/**
 * Shared pieces of the rule evaluators: the state of one evaluation run and the builders of
 * entitlements and "why not" entries. Not part of the public interface.
 */
import type { Fen } from "../money";
import { formatYuan } from "../money";
import type { GrantedIndex } from "./granted";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  Entitlement,
  Explanation,
  ExplanationFact,
  ExplanationParameter,
  ExplanationRecord,
  ExplanationThreshold,
  ExplanationWording,
  InvestmentProject,
  MilestoneCrossing,
  NonPayment,
  NonPaymentReason,
  SupportGrant,
  TechProject,
  WhyNotWording,
  YearSources,
} from "./types";

/** The static description of one plan rule, built once per compile. */
export interface RuleMeta {
  id: string;
  clause: string;
  quote: string;
  /** The plan parameters this rule depends on, with their effective values. */
  parameters: ExplanationParameter[];
  /** The plan period, and as written in sentences: "2021—2023年" and "2021–2023". */
  startYear: number;
  endYear: number;
  yearsZh: string;
  yearsEn: string;
}

/** Texts that depend on a year only, built once per year and rule and then shared. */
export class YearTexts {
  readonly #texts = new Map<number, string>();
  constructor(private readonly build: (year: number) => string) {}

  get(year: number): string {
    let text = this.#texts.get(year);
    if (text === undefined) {
      text = this.build(year);
      this.#texts.set(year, text);
    }
    return text;
  }
}

export interface Run {
  /** Entitlements carry explanation records. */
  explain: boolean;
  /** Why-nots are recorded (only when explaining). */
  whyNots: boolean;
  startYear: number;
  endYear: number;
  granted: GrantedIndex;
  entitlements: Entitlement[];
  nonPayments: NonPayment[];
  /**
   * Per enterprise being explained, indexed like its sorted years: the revenue as yuan text
   * and its fact, shared by every rule that shows it (growth, revenue milestones). The engine
   * empties them before each enterprise.
   */
  revenueYuan: (string | undefined)[];
  revenueFacts: (ExplanationFact | undefined)[];
}

/** The revenue of years[index] as exact yuan text ("" when absent), built once per enterprise-year. */
export function revenueYuan(run: Run, years: readonly EnterpriseYear[], index: number): string {
  let text = run.revenueYuan[index];
  if (text === undefined) {
    const revenue = years[index]!.revenue;
    text = revenue === undefined ? "" : formatYuan(revenue);
    run.revenueYuan[index] = text;
  }
  return text;
}

/** The fact "营业收入" of years[index], one object shared by every explanation that shows it. */
export function revenueFact(run: Run, years: readonly EnterpriseYear[], index: number): ExplanationFact {
  let fact = run.revenueFacts[index];
  if (fact === undefined) {
    const year = years[index]!;
    fact = {
      name: "revenue",
      label: "营业收入",
      labelEn: "revenue",
      year: year.year,
      value: year.revenue === undefined ? null : revenueYuan(run, years, index),
    };
    const source = year.sources?.revenue;
    if (source) fact.source = source;
    run.revenueFacts[index] = fact;
  }
  return fact;
}

/** Kinds of yearly event a rule needs; with explanations off, an enterprise without any is skipped. */
export const HAS_NEW_SCALE = 1;
export const HAS_LISTED_MOVE = 2;
export const HAS_TOP500 = 4;
export const HAS_GRANTS = 8;
export const HAS_TECH_PROJECTS = 16;
export const HAS_LISTING = 32;

/** The events present in an enterprise's years, as HAS_* bits (one pass instead of one per rule). */
export function eventsOf(years: readonly EnterpriseYear[]): number {
  let events = 0;
  for (let index = 0; index < years.length; index++) {
    const year = years[index]!;
    if (year.newlyAboveScale === true) events |= HAS_NEW_SCALE;
    if (year.listedRegistrationMovedIn === true) events |= HAS_LISTED_MOVE;
    if (year.top500SettledIn === true) events |= HAS_TOP500;
    if (year.grants !== undefined && year.grants.length > 0) events |= HAS_GRANTS;
    if (year.techProjects !== undefined && year.techProjects.length > 0) events |= HAS_TECH_PROJECTS;
    if (year.listing !== undefined) events |= HAS_LISTING;
  }
  return events;
}

export interface EnterpriseRuleEvaluator {
  readonly meta: RuleMeta;
  /** HAS_* bit of the event the rule pays for; 0 when it reads the yearly figures. */
  readonly needs: number;
  /** How the rule writes the explanations it keeps as records (growth, R-MATCH, R-TECH); absent when it writes them as it runs. */
  readonly explanationWording?: ExplanationWording;
  /** `years` are the enterprise's years sorted ascending by year. */
  evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void;
}

export interface ProjectRuleEvaluator {
  readonly meta: RuleMeta;
  evaluateProjects(projects: readonly InvestmentProject[], enterprises: readonly EnterpriseHistory[], run: Run): void;
  /** Every output rule id of this plan rule (R-PROJ-50, R-PROJ-20). */
  readonly outputRuleIds: readonly string[];
}

export type Comparison = "gt" | "gte";

/** value compared with threshold: strictly greater (超过/突破) or greater or equal (以上含). */
export function passes(value: bigint, threshold: bigint, comparison: Comparison): boolean {
  return comparison === "gt" ? value > threshold : value >= threshold;
}

/** The facts of an explanation not built (explanations off): shared, never written to. */
export const NO_FACTS: ExplanationFact[] = [];

export function isPlanYear(run: Run, year: number): boolean {
  return year >= run.startYear && year <= run.endYear;
}

export function moneyFact(
  name: string,
  label: string,
  labelEn: string,
  year: number | null,
  value: Fen | undefined,
  source?: string,
): ExplanationFact {
  const fact: ExplanationFact = { name, label, labelEn, year, value: value === undefined ? null : formatYuan(value) };
  if (source) fact.source = source;
  return fact;
}

export function flagFact(
  name: keyof YearSources,
  label: string,
  labelEn: string,
  year: EnterpriseYear,
  value: boolean | string | undefined,
): ExplanationFact {
  const fact: ExplanationFact = {
    name,
    label,
    labelEn,
    year: year.year,
    value: value === undefined ? null : value === true ? "true" : value === false ? "false" : value,
  };
  const source = year.sources?.[name];
  if (source) fact.source = source;
  return fact;
}

/**
 * Facts of a yes/no field of a year ("规模以上工业企业 2022: true"), shared by every enterprise
 * whose year carries no source labels, with the one-fact lists that hold them.
 */
export class FlagFacts {
  readonly #facts = new Map<number, ExplanationFact>();
  readonly #lists = new Map<number, ExplanationFact[]>();
  constructor(
    /** The year's field the facts read. */
    readonly field: keyof YearSources,
    private readonly label: string,
    private readonly labelEn: string,
  ) {}

  get(year: EnterpriseYear, value: boolean | undefined): ExplanationFact {
    if (year.sources !== undefined) return flagFact(this.field, this.label, this.labelEn, year, value);
    const key = year.year * 4 + (value === undefined ? 0 : value ? 1 : 2);
    let fact = this.#facts.get(key);
    if (fact === undefined) {
      fact = flagFact(this.field, this.label, this.labelEn, year, value);
      this.#facts.set(key, fact);
    }
    return fact;
  }

  /** [get(year, value)], the list shared as well. */
  list(year: EnterpriseYear, value: boolean | undefined): ExplanationFact[] {
    if (year.sources !== undefined) return [flagFact(this.field, this.label, this.labelEn, year, value)];
    const key = year.year * 4 + (value === undefined ? 0 : value ? 1 : 2);
    let list = this.#lists.get(key);
    if (list === undefined) {
      list = [this.get(year, value)];
      this.#lists.set(key, list);
    }
    return list;
  }
}

export function threshold(label: string, labelEn: string, value: string): ExplanationThreshold {
  return { label, labelEn, value };
}

/**
 * The record of an entitlement's explanation (see `ExplanationRecord`): what is its own — the
 * enterprise-years, the band paid and reached, or an explanation already written — and the rule's
 * id, clause, quote and parameters read from the rule it shares with every other record.
 */
class ExplanationRecordOf implements ExplanationRecord {
  readonly #meta: RuleMeta;
  constructor(
    meta: RuleMeta,
    readonly wording: ExplanationWording,
    readonly year: EnterpriseYear | null,
    readonly previousYear: EnterpriseYear | null,
    readonly band: number,
    readonly reached: number,
    readonly subject: SupportGrant | TechProject | null,
    readonly facts: ExplanationFact[] | null,
    readonly crossing: MilestoneCrossing | null,
    readonly written: Explanation | null,
  ) {
    this.#meta = meta;
  }

  get ruleId(): string {
    return this.#meta.id;
  }
  get clause(): string {
    return this.#meta.clause;
  }
  get quote(): string {
    return this.#meta.quote;
  }
  get parameters(): ExplanationParameter[] {
    return this.#meta.parameters;
  }
}

/** An explanation record whose text its rule's `wording` writes from the years, bands or subject. */
export function explanationRecord(
  meta: RuleMeta,
  wording: ExplanationWording,
  year: EnterpriseYear,
  previousYear: EnterpriseYear | null,
  band: number,
  reached: number,
  subject: SupportGrant | TechProject | null = null,
  facts: ExplanationFact[] | null = null,
  crossing: MilestoneCrossing | null = null,
): ExplanationRecord {
  return new ExplanationRecordOf(meta, wording, year, previousYear, band, reached, subject, facts, crossing, null);
}

/**
 * A record read back from storage (./stored-explanation.ts): the same parts as when the engine
 * made it, with the rule's meta and wording from the compiled plan.
 */
export function restoredExplanationRecord(
  meta: RuleMeta,
  wording: ExplanationWording,
  year: EnterpriseYear | null,
  previousYear: EnterpriseYear | null,
  band: number,
  reached: number,
  subject: SupportGrant | TechProject | null,
  facts: ExplanationFact[] | null,
  crossing: MilestoneCrossing | null,
): ExplanationRecord {
  return new ExplanationRecordOf(meta, wording, year, previousYear, band, reached, subject, facts, crossing, null);
}

/** A record of an explanation already written (read back from storage): it renders as itself. */
export function writtenExplanationRecord(written: Explanation): ExplanationRecord {
  const meta: RuleMeta = {
    id: written.ruleId,
    clause: written.clause,
    quote: written.quote,
    parameters: written.parameters,
    startYear: 0,
    endYear: 0,
    yearsZh: "",
    yearsEn: "",
  };
  return new ExplanationRecordOf(meta, WRITTEN, null, null, -1, -1, null, null, null, written);
}

const WRITTEN: ExplanationWording = {
  explanation(record) {
    return record.written as Explanation;
  },
};

/**
 * An explanation written when the engine runs, kept in a record; facts, thresholds and texts may
 * be shared (never written to).
 */
export function explanation(
  meta: RuleMeta,
  facts: ExplanationFact[],
  thresholds: ExplanationThreshold[],
  arithmetic: string,
  zh: string,
  en: string,
  nextTier?: { zh: string; en: string },
): ExplanationRecord {
  return new ExplanationRecordOf(
    meta,
    WRITTEN,
    null,
    null,
    -1,
    -1,
    null,
    null,
    null,
    writtenExplanation(meta, facts, thresholds, arithmetic, zh, en, nextTier),
  );
}

/** An explanation in the shape shown and stored (`Explanation`), from its parts. */
export function writtenExplanation(
  meta: RuleMeta,
  facts: ExplanationFact[],
  thresholds: ExplanationThreshold[],
  arithmetic: string,
  zh: string,
  en: string,
  nextTier?: { zh: string; en: string },
): Explanation {
  if (nextTier === undefined)
    return {
      ruleId: meta.id,
      clause: meta.clause,
      quote: meta.quote,
      facts,
      thresholds,
      arithmetic,
      parameters: meta.parameters,
      zh,
      en,
    };
  return {
    ruleId: meta.id,
    clause: meta.clause,
    quote: meta.quote,
    facts,
    thresholds,
    arithmetic,
    parameters: meta.parameters,
    zh,
    en,
    nextTier,
  };
}

/** How an entitlement's key is formed from its fields (see `Entitlement.key`). */
export const KEY_ENTERPRISE = 0; // rule|creditCode: once per enterprise
export const KEY_TIER = 1; // rule|creditCode|tier: once per tier or listing kind
export const KEY_SUBJECT = 2; // rule|creditCode|subjectId: once per grant or tech project
export const KEY_YEAR = 3; // rule|creditCode|year: once per year
export const KEY_YEAR_TIER = 4; // rule|creditCode|year|tier: once per year and band
export const KEY_PROJECT = 5; // rule|subjectId: once per investment project, whatever its category
export type KeyShape = 0 | 1 | 2 | 3 | 4 | 5;

export function entitlementKey(
  planRuleId: string,
  shape: KeyShape,
  creditCode: string,
  tier: string | null,
  year: number,
  subjectId: string | undefined,
): string {
  switch (shape) {
    case KEY_ENTERPRISE:
      return `${planRuleId}|${creditCode}`;
    case KEY_TIER:
      return `${planRuleId}|${creditCode}|${tier ?? ""}`;
    case KEY_SUBJECT:
      return `${planRuleId}|${creditCode}|${subjectId ?? ""}`;
    case KEY_YEAR:
      return `${planRuleId}|${creditCode}|${year}`;
    case KEY_YEAR_TIER:
      return `${planRuleId}|${creditCode}|${year}|${tier ?? ""}`;
    case KEY_PROJECT:
      return `${planRuleId}|${subjectId ?? ""}`;
  }
}

/**
 * An entitlement as the engine makes it. The key is formed when read: building a string for
 * every entitlement of a bulk run would cost more than the rules themselves.
 */
class EntitlementRecord implements Entitlement {
  readonly #planRuleId: string;
  readonly #keyShape: KeyShape;
  constructor(
    planRuleId: string,
    keyShape: KeyShape,
    readonly creditCode: string,
    readonly ruleId: string,
    readonly clause: string,
    readonly tier: string | null,
    readonly year: number,
    readonly amount: Fen | null,
    readonly subjectId: string | undefined,
    readonly explanation: ExplanationRecord | undefined,
  ) {
    this.#planRuleId = planRuleId;
    this.#keyShape = keyShape;
  }

  get key(): string {
    return entitlementKey(this.#planRuleId, this.#keyShape, this.creditCode, this.tier, this.year, this.subjectId);
  }
}

/**
 * Records an entitlement. Positional arguments and one object shape keep bulk runs free of
 * intermediate objects; the explanation record is made by the caller only when `run.explain`.
 */
export function pushEntitlement(
  run: Run,
  meta: RuleMeta,
  keyShape: KeyShape,
  creditCode: string,
  ruleId: string,
  tier: string | null,
  year: number,
  amount: Fen | null,
  subjectId: string | undefined,
  built?: ExplanationRecord,
): void {
  run.entitlements.push(
    new EntitlementRecord(meta.id, keyShape, creditCode, ruleId, meta.clause, tier, year, amount, subjectId, built),
  );
}

/** The figures of a why-not beyond its reason (see `NonPayment`); absent ones are null. */
export interface WhyNotFigures {
  figure?: Fen | null;
  previousFigure?: Fen | null;
  nearestTier?: string | null;
  distance?: Fen | null;
  otherYear?: number | null;
  category?: string | null;
  missing?: string | null;
  crossedTiers?: readonly string[] | null;
  tiersCrossedBefore?: readonly string[] | null;
  amountDue?: Fen | null;
}

const NO_FIGURES: WhyNotFigures = {};

/**
 * The record of why a rule did not pay (see `NonPayment`). A bulk run makes about ten per
 * enterprise, so a record holds only what is its own — the enterprise, reason, year, subject,
 * facts and the figures object its rule passed — and reads the rule's id, clause and parameters
 * from the rule it shares with every other record of that rule.
 */
class NonPaymentRecord implements NonPayment {
  readonly #meta: RuleMeta;
  readonly #figures: WhyNotFigures;
  constructor(
    meta: RuleMeta,
    readonly wording: WhyNotWording,
    readonly creditCode: string,
    readonly reason: NonPaymentReason,
    readonly year: number | null,
    readonly subjectId: string | undefined,
    readonly facts: ExplanationFact[],
    figures: WhyNotFigures,
  ) {
    this.#meta = meta;
    this.#figures = figures;
  }

  get ruleId(): string {
    return this.#meta.id;
  }
  get clause(): string {
    return this.#meta.clause;
  }
  get parameters(): ExplanationParameter[] {
    return this.#meta.parameters;
  }
  get figure(): Fen | null {
    return this.#figures.figure ?? null;
  }
  get previousFigure(): Fen | null {
    return this.#figures.previousFigure ?? null;
  }
  get nearestTier(): string | null {
    return this.#figures.nearestTier ?? null;
  }
  get distance(): Fen | null {
    return this.#figures.distance ?? null;
  }
  get otherYear(): number | null {
    return this.#figures.otherYear ?? null;
  }
  get category(): string | null {
    return this.#figures.category ?? null;
  }
  get missing(): string | null {
    return this.#figures.missing ?? null;
  }
  get crossedTiers(): readonly string[] | null {
    return this.#figures.crossedTiers ?? null;
  }
  get tiersCrossedBefore(): readonly string[] | null {
    return this.#figures.tiersCrossedBefore ?? null;
  }
  get amountDue(): Fen | null {
    return this.#figures.amountDue ?? null;
  }
}

/**
 * Records why a rule did not pay, as figures: the sentence is written when shown (whyNotText).
 * Call only when `run.whyNots` is on. `facts` may be shared (NO_FACTS when there are none).
 */
export function pushNonPayment(
  run: Pick<Run, "nonPayments">,
  meta: RuleMeta,
  wording: WhyNotWording,
  creditCode: string,
  reason: NonPaymentReason,
  year: number | null,
  subjectId: string | undefined,
  facts: ExplanationFact[],
  figures: WhyNotFigures = NO_FIGURES,
): void {
  run.nonPayments.push(new NonPaymentRecord(meta, wording, creditCode, reason, year, subjectId, facts, figures));
}

/** fen × rate, rounded half-up to the fen (amounts here are never negative). */
export function applyRateHalfUp(fen: Fen, numerator: bigint, denominator: bigint): Fen {
  return (fen * numerator * 2n + denominator) / (denominator * 2n);
}
