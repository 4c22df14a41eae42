/**
 * Entitlement explanations as stored: the record (types.ts `ExplanationRecord`) in a versioned
 * JSON form, written when an entitlement is stored and read back — with the compiled plan that
 * made it — when shown. Money is a decimal string of fen. Two forms, both `"v": 3`:
 * - a record its rule writes when shown (growth, R-MATCH, R-TECH): the rule id, of the enterprise
 *   years the fields the rule's wording reads with their source labels, band, subject and facts
 *   (none when the wording rebuilds them from the subject);
 * - an explanation the engine wrote as it ran (the other rules): its facts, thresholds,
 *   arithmetic and sentences (the rule's clause, quote and parameters come from the plan).
 * Both name the plan and its version, so the reader compiles the plan that computed it.
 * Explanations stored before this form (written out, no `v`) are not records: readers show them
 * as stored (`isStoredRecord` tells them apart).
 */
import type { CompiledRewardPlan } from "./engine";
import { type RuleMeta, restoredExplanationRecord, writtenExplanation, writtenExplanationRecord } from "./internal";
import type {
  EnterpriseYear,
  ExplainedYearField,
  Explanation,
  ExplanationFact,
  ExplanationRecord,
  ExplanationWording,
  SupportGrant,
  TechProject,
  YearSources,
} from "./types";

/** Written now; 2 is read too (its years keep every field, its R-MATCH and R-TECH records their facts). */
export const STORED_EXPLANATION_VERSION = 3;
const READ_VERSIONS: readonly unknown[] = [2, STORED_EXPLANATION_VERSION];

/** The plan that computed a stored record: its id and version. */
export interface StoredPlanRef {
  id: string;
  version: number;
}

type StoredMoney = string;

interface StoredYear {
  year: number;
  aboveScale?: boolean;
  newlyAboveScale?: boolean;
  revenue?: StoredMoney;
  tax?: StoredMoney;
  listing?: EnterpriseYear["listing"];
  listedRegistrationMovedIn?: boolean;
  top500SettledIn?: boolean;
  sources?: EnterpriseYear["sources"];
}

interface StoredSubject {
  id: string;
  source?: string;
  /** A grant. */
  level?: SupportGrant["level"];
  purpose?: SupportGrant["purpose"];
  amount?: StoredMoney;
  /** A tech project. */
  investment?: StoredMoney;
  equipmentInvoices?: StoredMoney;
  techFundsReceived?: boolean;
}

interface StoredRecordBase {
  v: 2 | typeof STORED_EXPLANATION_VERSION;
  plan: string;
  planVersion: number;
  /** The plan rule's id (R-PROJ for R-PROJ-50 and R-PROJ-20). */
  rule: string;
}

export interface StoredWordedRecord extends StoredRecordBase {
  year: StoredYear | null;
  previousYear: StoredYear | null;
  band: number;
  reached: number;
  subject: StoredSubject | null;
  facts: ExplanationFact[] | null;
  /** First-time milestones (version 3). */
  crossing?: { from: number; highest: StoredMoney | null; highestYear: number | null };
}

/** An explanation written as the engine ran, without what the plan's rule gives (id, clause, quote, parameters). */
export type StoredWrittenExplanation = Pick<
  Explanation,
  "facts" | "thresholds" | "arithmetic" | "zh" | "en" | "nextTier"
>;

export interface StoredWrittenRecord extends StoredRecordBase {
  written: StoredWrittenExplanation;
}

export type StoredExplanationRecord = StoredWordedRecord | StoredWrittenRecord;

function restoredYear(stored: StoredYear | null): EnterpriseYear | null {
  if (stored === null) return null;
  const year: EnterpriseYear = { year: stored.year };
  if (stored.aboveScale !== undefined) year.aboveScale = stored.aboveScale;
  if (stored.newlyAboveScale !== undefined) year.newlyAboveScale = stored.newlyAboveScale;
  if (stored.revenue !== undefined) year.revenue = BigInt(stored.revenue);
  if (stored.tax !== undefined) year.tax = BigInt(stored.tax);
  if (stored.listing !== undefined) year.listing = stored.listing;
  if (stored.listedRegistrationMovedIn !== undefined) year.listedRegistrationMovedIn = stored.listedRegistrationMovedIn;
  if (stored.top500SettledIn !== undefined) year.top500SettledIn = stored.top500SettledIn;
  if (stored.sources !== undefined) year.sources = stored.sources;
  return year;
}

function isGrant(subject: SupportGrant | TechProject): subject is SupportGrant {
  return "level" in subject;
}

function restoredSubject(stored: StoredSubject | null): SupportGrant | TechProject | null {
  if (stored === null) return null;
  const source = stored.source === undefined ? {} : { source: stored.source };
  if (stored.level !== undefined)
    return {
      id: stored.id,
      level: stored.level,
      purpose: stored.purpose ?? "project",
      amount: BigInt(stored.amount ?? "0"),
      ...source,
    };
  return {
    id: stored.id,
    investment: BigInt(stored.investment ?? "0"),
    equipmentInvoices: BigInt(stored.equipmentInvoices ?? "0"),
    techFundsReceived: stored.techFundsReceived ?? false,
    ...source,
  };
}

/*
 * The stored form is written by hand rather than through intermediate objects and
 * JSON.stringify: a district's batch stores hundreds of thousands of records, and this is most of
 * what storing one costs. Texts go through JSON.stringify (escaping); the rest are numbers,
 * booleans and digits.
 */

/**
 * Source labels as JSON text, by label: a district's figures come from a handful of files, so
 * the same few labels recur in every record.
 */
const labelJson = new Map<string, string>();
function textJson(text: string): string {
  let json = labelJson.get(text);
  if (json === undefined) {
    if (labelJson.size >= 4096) labelJson.clear();
    json = JSON.stringify(text);
    labelJson.set(text, json);
  }
  return json;
}

/** JSON text of lists the engine shares between records (a rule's thresholds, shared facts). */
const sharedJson = new WeakMap<object, string>();
function listJson(list: readonly object[]): string {
  let json = sharedJson.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    sharedJson.set(list, json);
  }
  return json;
}

const EVERY_YEAR_FIELD: readonly ExplainedYearField[] = [
  "aboveScale",
  "newlyAboveScale",
  "revenue",
  "tax",
  "listing",
  "listedRegistrationMovedIn",
  "top500SettledIn",
];

/** A year with the given fields and their source labels (the fields a rule's wording reads). */
function yearJson(year: EnterpriseYear | null, fields: readonly ExplainedYearField[]): string {
  if (year === null) return "null";
  const mask = fieldMask(fields);
  return mask < 0 ? yearJsonOf(year, fields) : yearJsonMasked(year, mask);
}

function yearJsonOf(year: EnterpriseYear, fields: readonly ExplainedYearField[]): string {
  let json = `{"year":${year.year}`;
  let sources = "";
  const labels = year.sources;
  for (const field of fields) {
    const value = year[field];
    if (value !== undefined) json += `,"${field}":${value === true || value === false ? value : `"${value}"`}`;
    // A label without its figure is kept too: a fact names the source of a flag it reads as false.
    const label = labels?.[field];
    if (label !== undefined) sources += `${sources === "" ? "" : ","}"${field}":${textJson(label)}`;
  }
  return sources === "" ? `${json}}` : `${json},"sources":{${sources}}}`;
}

/**
 * The fields as bits, or −1 when they are not in the order of EVERY_YEAR_FIELD: the bits write the
 * same text, field by field by name, without reading a year's fields by a computed key. Found by
 * comparing names (a lookup table by name costs more than these few comparisons).
 */
function fieldMask(fields: readonly ExplainedYearField[]): number {
  let mask = 0;
  for (let index = 0; index < fields.length; index++) {
    const bit = fieldBit(fields[index]!);
    if (bit <= mask) return -1;
    mask |= bit;
  }
  return mask;
}

function fieldBit(field: ExplainedYearField): number {
  switch (field) {
    case "aboveScale":
      return ABOVE_SCALE;
    case "newlyAboveScale":
      return NEWLY_ABOVE_SCALE;
    case "revenue":
      return REVENUE;
    case "tax":
      return TAX;
    case "listing":
      return LISTING;
    case "listedRegistrationMovedIn":
      return LISTED_MOVE;
    case "top500SettledIn":
      return TOP500;
    default:
      return 0;
  }
}

const ABOVE_SCALE = 1;
const NEWLY_ABOVE_SCALE = 2;
const REVENUE = 4;
const TAX = 8;
const LISTING = 16;
const LISTED_MOVE = 32;
const TOP500 = 64;

function flagJson(name: string, value: boolean | undefined): string {
  return value === undefined ? "" : value ? `,"${name}":true` : `,"${name}":false`;
}

function yearJsonMasked(year: EnterpriseYear, mask: number): string {
  let json = yearOpening(year.year);
  if ((mask & ABOVE_SCALE) !== 0) json += flagJson("aboveScale", year.aboveScale);
  if ((mask & NEWLY_ABOVE_SCALE) !== 0) json += flagJson("newlyAboveScale", year.newlyAboveScale);
  if ((mask & REVENUE) !== 0 && year.revenue !== undefined) json += `,"revenue":"${year.revenue}"`;
  if ((mask & TAX) !== 0 && year.tax !== undefined) json += `,"tax":"${year.tax}"`;
  if ((mask & LISTING) !== 0 && year.listing !== undefined) json += `,"listing":"${year.listing}"`;
  if ((mask & LISTED_MOVE) !== 0) json += flagJson("listedRegistrationMovedIn", year.listedRegistrationMovedIn);
  if ((mask & TOP500) !== 0) json += flagJson("top500SettledIn", year.top500SettledIn);
  const labels = year.sources;
  return labels === undefined ? `${json}}` : json + sourcesClosing(labels, mask);
}

/** `{"year":2022`, once per year. */
const yearOpenings = new Map<number, string>();
function yearOpening(year: number): string {
  let text = yearOpenings.get(year);
  if (text === undefined) {
    if (yearOpenings.size >= 256) yearOpenings.clear();
    text = `{"year":${year}`;
    yearOpenings.set(year, text);
  }
  return text;
}

function labelOf(labels: YearSources, bit: number): string | undefined {
  switch (bit) {
    case ABOVE_SCALE:
      return labels.aboveScale;
    case NEWLY_ABOVE_SCALE:
      return labels.newlyAboveScale;
    case REVENUE:
      return labels.revenue;
    case TAX:
      return labels.tax;
    case LISTING:
      return labels.listing;
    case LISTED_MOVE:
      return labels.listedRegistrationMovedIn;
    default:
      return labels.top500SettledIn;
  }
}

/**
 * The source labels of a year's fields as they close its JSON (`,"sources":{…}}`), found in a
 * tree of the labels met, field by field: a district's labels are one per import file, so the
 * same few combinations recur in every record and their text is written once.
 */
interface SourcesNode {
  /** The entries so far, `"revenue":"…"`, comma-separated. */
  readonly entries: string;
  /** The year's closing with these entries. */
  readonly closing: string;
  /** By field bit's position, the nodes with one more label. */
  readonly next: (Map<string, SourcesNode> | undefined)[];
}

const SOURCES_ROOT: SourcesNode = { entries: "", closing: "}", next: [] };
let sourcesNodes = 0;

function sourcesClosing(labels: YearSources, mask: number): string {
  let node = SOURCES_ROOT;
  for (let position = 0; position < EVERY_YEAR_FIELD.length; position++) {
    const bit = 1 << position;
    if ((mask & bit) === 0) continue;
    // A label without its figure is kept too: a fact names the source of a flag it reads as false.
    const label = labelOf(labels, bit);
    if (label === undefined) continue;
    let children = node.next[position];
    if (children === undefined) {
      children = new Map();
      node.next[position] = children;
    }
    let child = children.get(label);
    if (child === undefined) {
      // Labels are few; many would be a district's data not interned: start again rather than grow.
      if (sourcesNodes >= 4096) {
        SOURCES_ROOT.next.length = 0;
        sourcesNodes = 0;
        return sourcesClosing(labels, mask);
      }
      const entry = `"${EVERY_YEAR_FIELD[position]}":${JSON.stringify(label)}`;
      const entries = node.entries === "" ? entry : `${node.entries},${entry}`;
      child = { entries, closing: `,"sources":{${entries}}}`, next: [] };
      children.set(label, child);
      sourcesNodes++;
    }
    node = child;
  }
  return node.closing;
}

function subjectJson(subject: SupportGrant | TechProject | null): string {
  if (subject === null) return "null";
  let json = `{"id":${JSON.stringify(subject.id)}`;
  if (subject.source !== undefined) json += `,"source":${textJson(subject.source)}`;
  if (isGrant(subject))
    return `${json},"level":"${subject.level}","purpose":"${subject.purpose}","amount":"${subject.amount}"}`;
  return `${json},"investment":"${subject.investment}","equipmentInvoices":"${subject.equipmentInvoices}","techFundsReceived":${subject.techFundsReceived}}`;
}

/** The opening of a stored record, per plan and rule: the same for every record of a batch's rule. */
interface Head {
  /** `{"v":3,"plan":…,"rule":…`. */
  readonly text: string;
  /** The same with `,"year":` after it: a record its rule words when shown goes on with its year. */
  readonly worded: string;
}

let headsFor: StoredPlanRef | undefined;
const heads = new Map<string, Head>();
function head(plan: StoredPlanRef, ruleId: string): Head {
  if (headsFor !== plan) {
    heads.clear();
    headsFor = plan;
  }
  let opening = heads.get(ruleId);
  if (opening === undefined) {
    const text = `{"v":${STORED_EXPLANATION_VERSION},"plan":${JSON.stringify(plan.id)},"planVersion":${plan.version},"rule":${JSON.stringify(ruleId)}`;
    opening = { text, worded: `${text},"year":` };
    heads.set(ruleId, opening);
  }
  return opening;
}

/** The end of a record with no subject, facts or crossing, by band and band reached: a few small numbers. */
const plainTails = new Map<number, string>();
function plainTail(band: number, reached: number): string {
  if (band < -1 || band > 62 || reached < -2 || reached > 61)
    return `,"band":${band},"reached":${reached},"subject":null,"facts":null}`;
  const key = (band + 1) * 64 + reached + 2;
  let text = plainTails.get(key);
  if (text === undefined) {
    text = `,"band":${band},"reached":${reached},"subject":null,"facts":null}`;
    plainTails.set(key, text);
  }
  return text;
}

/**
 * The stored form of an explanation record, as JSON text. An explanation already written keeps
 * only what is its own (facts, thresholds, arithmetic, sentences): the rule's id, clause, quote
 * and parameters are the plan's, read back from it. A record its rule words when shown keeps of
 * its years only the fields the wording reads, and no facts when the wording rebuilds them.
 */
export function serializeExplanation(record: ExplanationRecord, plan: StoredPlanRef): string {
  const opening = head(plan, record.ruleId);
  const written = record.written;
  if (written !== null) {
    const next = written.nextTier === undefined ? "" : `,"nextTier":${JSON.stringify(written.nextTier)}`;
    return `${opening.text},"written":{"facts":${JSON.stringify(written.facts)},"thresholds":${listJson(written.thresholds)},"arithmetic":${JSON.stringify(written.arithmetic)},"zh":${JSON.stringify(written.zh)},"en":${JSON.stringify(written.en)}${next}}}`;
  }
  const wording = record.wording;
  const reads = wording.reads;
  const facts = record.facts === null || wording.rebuildsFacts === true ? null : JSON.stringify(record.facts);
  const crossing = record.crossing;
  const subject = record.subject;
  const tail =
    subject === null && facts === null && crossing === null
      ? plainTail(record.band, record.reached)
      : `,"band":${record.band},"reached":${record.reached},"subject":${subjectJson(subject)},"facts":${facts ?? "null"}${
          crossing === null
            ? ""
            : `,"crossing":{"from":${crossing.from},"highest":${crossing.highest === null ? "null" : `"${crossing.highest}"`},"highestYear":${crossing.highestYear}}`
        }}`;
  const previousYear = record.previousYear;
  return `${opening.worded}${yearJson(record.year, reads?.year ?? EVERY_YEAR_FIELD)}${
    previousYear === null
      ? ',"previousYear":null'
      : `,"previousYear":${yearJson(previousYear, reads?.previousYear ?? EVERY_YEAR_FIELD)}`
  }${tail}`;
}

/** Whether a parsed explanation column holds a record in the stored form (else it is shown as stored). */
export function isStoredRecord(parsed: unknown): parsed is StoredExplanationRecord {
  return (
    typeof parsed === "object" &&
    parsed !== null &&
    READ_VERSIONS.includes((parsed as { v?: unknown }).v) &&
    typeof (parsed as { plan?: unknown }).plan === "string"
  );
}

/** The plan a stored record was computed with. */
export function storedRecordPlan(stored: StoredExplanationRecord): StoredPlanRef {
  return { id: stored.plan, version: stored.planVersion };
}

/** A plan rule that words its records when shown, by rule id. */
interface WordedRule {
  meta: RuleMeta;
  wording: ExplanationWording;
}

interface PlanRules {
  meta: Map<string, RuleMeta>;
  worded: Map<string, WordedRule>;
}

const rulesOf = new WeakMap<CompiledRewardPlan, PlanRules>();

function planRules(compiled: CompiledRewardPlan): PlanRules {
  let rules = rulesOf.get(compiled);
  if (rules === undefined) {
    rules = { meta: new Map(), worded: new Map() };
    for (const rule of compiled.projectRules) rules.meta.set(rule.meta.id, rule.meta);
    for (const rule of compiled.enterpriseRules) {
      rules.meta.set(rule.meta.id, rule.meta);
      if (rule.explanationWording !== undefined)
        rules.worded.set(rule.meta.id, { meta: rule.meta, wording: rule.explanationWording });
    }
    rulesOf.set(compiled, rules);
  }
  return rules;
}

/** A plan whose rules cannot word a stored record (the rule is not in it). */
export class StoredExplanationError extends Error {}

/**
 * The record back from its stored form (parsed), worded by `compiled` — the plan and version it
 * names (`storedRecordPlan`). `explanationOf` then writes the same explanation as before storing.
 */
export function deserializeExplanation(
  stored: StoredExplanationRecord,
  compiled: CompiledRewardPlan,
): ExplanationRecord {
  const rules = planRules(compiled);
  const missing = () =>
    new StoredExplanationError(`方案 ${compiled.planId} 中没有奖励规则 ${stored.rule}，无法显示其说明`);
  if ("written" in stored) {
    const meta = rules.meta.get(stored.rule);
    if (meta === undefined) throw missing();
    const { facts, thresholds, arithmetic, zh, en, nextTier } = stored.written;
    return writtenExplanationRecord(writtenExplanation(meta, facts, thresholds, arithmetic, zh, en, nextTier));
  }
  const rule = rules.worded.get(stored.rule);
  if (rule === undefined) throw missing();
  return restoredExplanationRecord(
    rule.meta,
    rule.wording,
    restoredYear(stored.year),
    restoredYear(stored.previousYear),
    stored.band,
    stored.reached,
    restoredSubject(stored.subject),
    stored.facts,
    stored.crossing === undefined
      ? null
      : {
          from: stored.crossing.from,
          highest: stored.crossing.highest === null ? null : BigInt(stored.crossing.highest),
          highestYear: stored.crossing.highestYear,
        },
  );
}

/** The explanation a record writes (`explanationOf` for a record alone). */
export function renderExplanation(record: ExplanationRecord): Explanation {
  return record.wording.explanation(record);
}
