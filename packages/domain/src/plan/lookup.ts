/**
 * Pure lookups over a validated plan (PlanFile data, as parsePlan returns it or as the server
 * stores it). No IO, no parsing: safe in the browser.
 */

import { planRewardRuleIds, rewardRuleOf } from "../rewards/language/outline";
import type {
  Chain,
  Clause,
  Measure,
  PlanDocument,
  PlanFile,
  PlanParameter,
  PlanUnit,
  RewardRule,
  Target,
} from "./schema";
import { PLACE_UNIT_KINDS, type UnitDuty } from "./vocabulary";

/** The clause with this id, if the plan has it. */
export function findClause(plan: PlanFile, id: string): Clause | undefined {
  return plan.clauses.find((clause) => clause.id === id);
}

/** The original Chinese text of a clause, as issued. */
export function clauseText(plan: PlanFile, id: string): string | undefined {
  return findClause(plan, id)?.text;
}

/** The document a clause comes from: the plan's own (id null) or one of its further documents. */
export interface ClauseDocument {
  /** The id in `documents`; null for the plan's own document. */
  id: string | null;
  title: string;
  titleEn?: string;
  number?: string;
  issuers: string[];
  issued?: string;
  /** The date of the latest revision (further documents only). */
  revised?: string;
}

function ownDocument(plan: PlanFile): ClauseDocument {
  const own: ClauseDocument = { id: null, title: plan.title, titleEn: plan.titleEn, issuers: plan.document.issuers };
  if (plan.document.number !== undefined) own.number = plan.document.number;
  if (plan.document.issued !== undefined) own.issued = plan.document.issued;
  return own;
}

function furtherDocument(document: PlanDocument): ClauseDocument {
  const found: ClauseDocument = { id: document.id, title: document.title, issuers: document.issuers };
  if (document.titleEn !== undefined) found.titleEn = document.titleEn;
  if (document.number !== undefined) found.number = document.number;
  if (document.issued !== undefined) found.issued = document.issued;
  if (document.revised !== undefined) found.revised = document.revised;
  return found;
}

/**
 * The document the clause with this id belongs to: the further document it names, otherwise the plan's own.
 * Undefined when the plan has no such clause (or names a document it does not list, which the loader refuses).
 */
export function documentOfClause(plan: PlanFile, clauseId: string): ClauseDocument | undefined {
  const clause = findClause(plan, clauseId);
  if (clause === undefined) return undefined;
  if (clause.document === undefined) return ownDocument(plan);
  const further = plan.documents?.find((document) => document.id === clause.document);
  return further === undefined ? undefined : furtherDocument(further);
}

/** The plan's clauses by the document they belong to: the plan's own first, then each further document in order. */
export function clausesByDocument(plan: PlanFile): { document: ClauseDocument; clauses: Clause[] }[] {
  return [
    { document: ownDocument(plan), clauses: plan.clauses.filter((clause) => clause.document === undefined) },
    ...(plan.documents ?? []).map((document) => ({
      document: furtherDocument(document),
      clauses: plan.clauses.filter((clause) => clause.document === document.id),
    })),
  ];
}

const CHINESE_DIGITS = "零一二三四五六七八九";

/** 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105; undefined for anything else. */
function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const character of text) {
    const value = CHINESE_DIGITS.indexOf(character);
    if (value >= 0) digit = value;
    else if (character === "〇") digit = 0;
    else if (character === "十" || character === "百") {
      total += (digit === 0 && character === "十" ? 1 : digit) * (character === "十" ? 10 : 100);
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

/**
 * How a clause is cited: an article of measures by the number its text opens with (第三条, Article 3), any other
 * clause by its id in the plan (M4), which is the document's own numbering.
 */
export function clauseNumber(clause: Pick<Clause, "id" | "text">): { zh: string; en: string } {
  const article = /^\s*第([零〇一二三四五六七八九十百\d]+)条/.exec(clause.text);
  const number = article?.[1] === undefined ? undefined : chineseNumber(article[1]);
  if (article === null || number === undefined || number === 0) return { zh: clause.id, en: clause.id };
  return { zh: `第${article[1]}条`, en: `Article ${number}` };
}

/** The unit with this id. */
export function findUnit(plan: PlanFile, id: string): PlanUnit | undefined {
  return plan.units.find((unit) => unit.id === id);
}

/** The unit a name (or one of its other spellings in the document) refers to, e.g. 区应急局. */
export function findUnitByName(plan: PlanFile, name: string): PlanUnit | undefined {
  const wanted = name.trim();
  return plan.units.find((unit) => unit.name === wanted || unit.aliases.includes(wanted));
}

/** The places an enterprise sits in: towns, subdistricts and development zones (各乡镇（街道）、园区). */
export function townsAndStreets(plan: PlanFile): PlanUnit[] {
  return plan.units.filter((unit) => PLACE_UNIT_KINDS.includes(unit.kind));
}

/** The units the plan gives a duty (确认数据、拨付奖励 …), in plan order. */
export function unitsWithDuty(plan: PlanFile, duty: UnitDuty): PlanUnit[] {
  return plan.units.filter((unit) => unit.duties.includes(duty));
}

/** Whether the plan gives the unit with this id the duty. */
export function unitHasDuty(plan: PlanFile, unitId: string | null | undefined, duty: UnitDuty): boolean {
  return unitId != null && plan.units.some((unit) => unit.id === unitId && unit.duties.includes(duty));
}

export function findParameter(plan: PlanFile, id: string): PlanParameter | undefined {
  return plan.parameters.find((parameter) => parameter.id === id);
}

/** A parameter's value; throws when the plan lacks it, since rules cannot run without their readings. */
export function parameterValue(plan: PlanFile, id: string): string | boolean | number {
  const parameter = findParameter(plan, id);
  if (!parameter) throw new Error(`计划中没有参数“${id}”`);
  return parameter.value;
}

export function findTarget(plan: PlanFile, id: string): Target | undefined {
  return plan.targets.find((target) => target.id === id);
}

export function findMeasure(plan: PlanFile, id: string): Measure | undefined {
  return plan.measures.find((measure) => measure.id === id);
}

/** The measures a unit leads or shares (责任单位). */
export function measuresOfUnit(plan: PlanFile, unitId: string): { measure: Measure; role: "lead" | "responsible" }[] {
  const found: { measure: Measure; role: "lead" | "responsible" }[] = [];
  for (const measure of plan.measures) {
    if (measure.lead.includes(unitId)) found.push({ measure, role: "lead" });
    else if (measure.responsible.includes(unitId)) found.push({ measure, role: "responsible" });
  }
  return found;
}

/**
 * Every reward rule id the plan pays under: the rule ids, with a rule whose tiers carry their own ids
 * replaced by those (R-PROJ → R-PROJ-20, R-PROJ-50).
 */
export function rewardRuleIds(plan: PlanFile): string[] {
  return planRewardRuleIds(plan);
}

/** The reward rule a rule id belongs to (a tier's own rule id finds its rule). */
export function findRewardRule(plan: PlanFile, ruleId: string): RewardRule | undefined {
  return rewardRuleOf(plan, ruleId);
}

/**
 * The chain an enterprise of this GB/T 4754 industry code belongs to: the chain with the longest
 * matching code prefix ("3581" falls in "358"), otherwise the plan's "other" chain.
 */
export function chainForIndustryCode(plan: PlanFile, industryCode: string): Chain | undefined {
  let best: { chain: Chain; length: number } | undefined;
  for (const chain of plan.chains) {
    for (const code of chain.industryCodes) {
      if (industryCode.startsWith(code) && (!best || code.length > best.length)) best = { chain, length: code.length };
    }
  }
  return best?.chain ?? plan.chains.find((chain) => chain.role === "other");
}
