/**
 * The rewards engine's input and output, in domain form (money as bigint fen). The batch
 * exchange format of `beizeng rewards` (EXCHANGE.md §1) is parsed into these types by
 * `./batch.ts`; the server builds them from its tables.
 */
import type { Fen } from "../money";

export type ListingKind = "domestic" | "overseas" | "neeq";
export type GrantLevel = "national" | "provincial" | "municipal";
export type GrantPurpose = "project" | "tech";

/** Project support funds received (到位) by an enterprise in a year. */
export interface SupportGrant {
  id: string;
  level: GrantLevel;
  purpose: GrantPurpose;
  amount: Fen;
  /** Where the figure comes from, shown in explanations (e.g. "省工信厅文件"). */
  source?: string;
}

/** A technical-transformation (技术改造) project of an enterprise, in the year it is claimed. */
export interface TechProject {
  id: string;
  investment: Fen;
  equipmentInvoices: Fen;
  /** Received national, provincial or municipal tech-transformation funds. */
  techFundsReceived: boolean;
  source?: string;
}

/** Source labels of a year's figures, shown beside each fact in explanations. */
export type YearSources = Partial<
  Record<
    "aboveScale" | "newlyAboveScale" | "revenue" | "tax" | "listing" | "listedRegistrationMovedIn" | "top500SettledIn",
    string
  >
>;

export interface EnterpriseYear {
  year: number;
  /** Above-scale (规上) in that year; absent means unknown. */
  aboveScale?: boolean;
  /** Entered the above-scale directory (规模企业名录库) that year. */
  newlyAboveScale?: boolean;
  revenue?: Fen;
  /** Tax paid into the treasury (入库税收). */
  tax?: Fen;
  grants?: readonly SupportGrant[];
  techProjects?: readonly TechProject[];
  /** The listing that happened that year. */
  listing?: ListingKind;
  /** R-LISTED-MOVE's event happened that year. */
  listedRegistrationMovedIn?: boolean;
  /** A 中国制造业500强 enterprise settled in the district that year. */
  top500SettledIn?: boolean;
  /**
   * The plan's declared facts for that year, by id (read in formulas as `fact("id")`): money and
   * quantities in hundredths of their unit (fen), counts whole, categories by id. Absent means unknown.
   */
  facts?: Readonly<Record<string, bigint | string>>;
  sources?: YearSources;
}

export interface EnterpriseHistory {
  creditCode: string;
  name?: string;
  /** Highest annual revenue and tax of the years before the first year listed. */
  before?: { maxRevenue?: Fen; maxTax?: Fen };
  years: readonly EnterpriseYear[];
}

/** An investment project (招商项目) for R-PROJ. */
export interface InvestmentProject {
  id: string;
  creditCode: string;
  name?: string;
  /** Planned (contracted) total investment: decides the "50"/"20" category. */
  plannedInvestment: Fen;
  introducedYear: number;
  /** The year it went into production (投产); absent while not yet in production. */
  productionYear?: number;
}

/**
 * A one-time reward paid before this evaluation. Either an entitlement key (see `Entitlement.key`)
 * or the parts: `tier` for milestones and listings, `subjectId` for a grant, tech project or
 * investment project, `year` for R-NEW-SCALE when re-entry is paid.
 */
export type PriorGrant =
  | string
  | { ruleId: string; creditCode?: string; tier?: string | null; subjectId?: string; year?: number };

export interface RewardInput {
  enterprises: readonly EnterpriseHistory[];
  projects?: readonly InvestmentProject[];
  alreadyGranted?: readonly PriorGrant[];
  /** Amounts enterprises owe back and have not repaid, deducted from later awards of rules that say so. */
  shortfalls?: readonly Shortfall[];
}

/** An amount an enterprise owes back (an award recovered, an installment forfeited) and has not repaid. */
export interface Shortfall {
  creditCode: string;
  /** Its own id (the recovery's): with `fromYear`, the order shortfalls are deducted in. */
  id: string;
  /** What is still owed, fen (above zero). */
  amount: Fen;
  /** Deducted from awards of this year and later. */
  fromYear: number;
  /** What it is, in words: “2022年新进规模企业奖励追回”. */
  zh: string;
  en: string;
}

export interface EvaluateOptions {
  /** Build explanations and "why not" entries (default true). Off for speed in bulk runs. */
  explain?: boolean;
  /**
   * With explanations, also say for every enterprise × rule that paid nothing why not (default
   * true). A batch that stores entitlements leaves them out: a why-not page evaluates its one
   * enterprise again with them.
   */
  whyNots?: boolean;
  /** Override plan parameters by id, e.g. `{ milestoneSameYearTiers: "highest" }` for a what-if. */
  parameters?: Readonly<Record<string, string | boolean | number>>;
  /**
   * Apply the rules' yearly budgets over all enterprises and deduct shortfalls once every enterprise ran (default
   * true). A caller evaluating enterprises in chunks turns it off and applies the compiled plan's `awardFinalizer`
   * once over the year.
   */
  finalize?: boolean;
}

export interface ExplanationFact {
  /** Field name: revenue, tax, previousRevenue, grant, investment, … */
  name: string;
  label: string;
  labelEn: string;
  year: number | null;
  /** Decimal string of yuan for money, "true"/"false" for flags, else the text. */
  value: string | null;
  source?: string;
}

export interface ExplanationThreshold {
  label: string;
  labelEn: string;
  /** Decimal string: yuan for thresholds, a rate such as "0.10" for bands. */
  value: string;
}

export interface ExplanationParameter {
  id: string;
  value: string | boolean | number;
  description: string;
  descriptionEn: string;
}

/**
 * Why an entitlement is paid, as a clerk reads it (and as the server stores it): written from the
 * entitlement's `ExplanationRecord` by `explanationOf`. Its facts, thresholds and parameters (and
 * those of why-nots) may be objects shared between entries: read them, never write to them.
 */
export interface Explanation {
  ruleId: string;
  clause: string;
  /** The clause's sentence stating the reward, verbatim. */
  quote: string;
  facts: ExplanationFact[];
  thresholds: ExplanationThreshold[];
  /** The exact arithmetic done, in yuan. */
  arithmetic: string;
  parameters: ExplanationParameter[];
  /** The sentence a clerk reads. */
  zh: string;
  en: string;
  /** For a tiered reward below the top tier: how far the figure is from the next tier. */
  nextTier?: { zh: string; en: string };
}

/** A field of an enterprise-year an explanation can read (with its source label). */
export type ExplainedYearField = keyof YearSources;

/** How one compiled rule writes its entitlements' explanations; shared by every record of the rule. Use `explanationOf`. */
export interface ExplanationWording {
  explanation(record: ExplanationRecord): Explanation;
  /**
   * What `explanation` reads of the record's years; a stored record keeps these fields and their
   * sources and nothing else of them (./stored-explanation.ts). Absent: every field.
   */
  readonly reads?: {
    readonly year: readonly ExplainedYearField[];
    readonly previousYear: readonly ExplainedYearField[];
  };
  /** `explanation` rebuilds the record's facts from its year and subject: a stored record leaves them out. */
  readonly rebuildsFacts?: boolean;
}

/**
 * Why an entitlement is paid, as a record: the figures it rests on, by reference to what the
 * engine was given and to the compiled rule. The explanation a clerk reads (`Explanation`: facts
 * formatted, thresholds, arithmetic, sentences) is written from it when shown, by
 * `explanationOf(entitlement)` or `explanationText(entitlement, "zh" | "en")` (./explanation.ts).
 */
export interface ExplanationRecord {
  readonly ruleId: string;
  readonly clause: string;
  readonly quote: string;
  readonly parameters: ExplanationParameter[];
  /**
   * The enterprise-year paid for and, for growth, the year before it: the figures and source
   * labels as given to the engine (read, never written; do not change the input while records
   * are kept).
   */
  readonly year: EnterpriseYear | null;
  readonly previousYear: EnterpriseYear | null;
  /**
   * Growth and milestones: the index of the band (tier) paid and of the highest reached, in the
   * rule's bands ascending. R-IPO: 1 when the NEEQ quotation was paid before. Else −1.
   */
  readonly band: number;
  readonly reached: number;
  /** R-MATCH, R-TECH: the grant or tech project paid, as given, and the facts the rule read from it. */
  readonly subject: SupportGrant | TechProject | null;
  readonly facts: ExplanationFact[] | null;
  /** First-time milestones: the tiers crossed that year and the highest figure before it. */
  readonly crossing: MilestoneCrossing | null;
  /** The rule whose explanation is still written when the engine runs (R-PROJ) carries it here; null otherwise. */
  readonly written: Explanation | null;
  readonly wording: ExplanationWording;
}

/** What a first-time milestone's explanation tells beyond its year and the tier paid (`band`) and reached. */
export interface MilestoneCrossing {
  /** The first tier crossed that year (several are crossed together when `reached` − `from` > 1). */
  readonly from: number;
  /** The highest figure before that year (the pre-plan record or an earlier year), null when none. */
  readonly highest: Fen | null;
  /** The year of that figure; null when it is the pre-plan record or there is none. */
  readonly highestYear: number | null;
}

export interface Entitlement {
  /**
   * Identity of the reward event: the same event always gives the same key, so storing it as a
   * unique key pays a one-time reward exactly once (e.g. `R-REV-MILESTONE|<code>|5000000000`,
   * `R-GROWTH|<code>|2022`, `R-MATCH|<code>|g1`, `R-PROJ|p1`). On the engine's entitlements it is
   * formed when read (a getter), so copy it explicitly when serialising.
   */
  readonly key: string;
  creditCode: string;
  /** The output rule id: R-PROJ-50 or R-PROJ-20 for the project rule, else the plan rule id. */
  ruleId: string;
  clause: string;
  /** Threshold or rate as a decimal string, the listing kind for R-IPO, else null. */
  tier: string | null;
  year: number;
  /** Null for R-500 (decided case by case). */
  amount: Fen | null;
  /** The grant, tech project or investment project that earned it. */
  subjectId?: string;
  /** Absent when explanations are off; written as text by `explanationOf` (./explanation.ts). */
  explanation?: ExplanationRecord;
}

export type NonPaymentReason =
  | "noEvent"
  | "missingFigure"
  | "previousRevenueMissing"
  | "previousRevenueZero"
  | "notAboveScale"
  | "aboveScaleUnknown"
  | "newlyAboveScale"
  | "belowLowestBand"
  | "belowNextTier"
  | "allTiersCrossedBefore"
  | "crossedBeforePlan"
  | "sameYearLowerTier"
  | "alreadyGranted"
  | "alreadyPaidInPlan"
  | "reentryNotPaid"
  | "outsidePlanPeriod"
  | "reachedBefore"
  | "neeqThenListedNotPaid"
  | "levelNotCovered"
  | "belowMinimumInvestment"
  | "techFundsReceived"
  | "notIntroducedInPlan"
  | "notInProduction"
  | "belowAllCategories"
  | "zeroAmount"
  /** A formula rule's condition does not hold (its words are the rule's). */
  | "conditionNotMet"
  /** A formula rule's category is not paid after another one paid (不重复享受). */
  | "stackingExcluded";

/** The language a why-not is written in. */
export type TextLocale = "zh" | "en";

/** How one compiled rule writes its why-nots; shared by every entry of the rule. Use `whyNotText`. */
export interface WhyNotWording {
  sentence(entry: NonPayment, locale: TextLocale): string;
}

/**
 * Why a rule did not pay an enterprise (or one of its grants, tech projects or investment
 * projects), as a record: the reason and every figure it rests on. The sentence is written when
 * shown, by `whyNotText(entry, "zh" | "en")` (./why-not.ts); fields a reason does not use are null.
 */
export interface NonPayment {
  creditCode: string;
  /** The plan's rule id (R-PROJ for the project rule). */
  ruleId: string;
  clause: string;
  reason: NonPaymentReason;
  year: number | null;
  /** The grant, tech project, investment project, listing kind or milestone tier concerned. */
  subjectId?: string;
  /** The facts used, with their sources; may be shared between entries (read, never write). */
  facts: ExplanationFact[];
  parameters: ExplanationParameter[];
  /**
   * The figure compared (fen): revenue or tax (milestones), the year's revenue (growth), the
   * investment (R-TECH), the planned investment (R-PROJ).
   */
  figure: Fen | null;
  /** Growth: the previous year's revenue the growth is computed from. */
  previousFigure: Fen | null;
  /**
   * The nearest tier not reached, named as an entitlement's `tier` is ("5000000000", "0.05"), or
   * the minimum not reached (R-TECH, R-PROJ, in yuan).
   */
  nearestTier: string | null;
  /**
   * How far `figure` is from `nearestTier`, in fen. Null for growth: the percentage points are
   * computed exactly from `figure` and `previousFigure` when written.
   */
  distance: Fen | null;
  /** Another year the reason names: the year paid before (re-entry), the year a listing kind was first reached, the year a project was introduced. */
  otherYear: number | null;
  /** The grant's level (R-MATCH) or the project's category ("50", "20"; R-PROJ). */
  category: string | null;
  /**
   * The figure that is missing, by fact name (revenue, previousRevenue, tax, aboveScale), or
   * "year" when the year has no figures at all.
   */
  missing: string | null;
  /** Milestones: the tiers (thresholds in yuan) first crossed in `year` together. */
  crossedTiers: readonly string[] | null;
  /** Milestones: the tiers crossed before the years listed (never paid). */
  tiersCrossedBefore: readonly string[] | null;
  /** Not due yet (its paid year unknown): what the subject's figures would pay once it is, in fen. */
  amountDue: Fen | null;
  readonly wording: WhyNotWording;
}

export interface RewardResult {
  entitlements: Entitlement[];
  /** Empty when explanations or why-nots are off. */
  nonPayments: NonPayment[];
}
