/**
 * The try-it calculator of a rule page: the figures of one enterprise-year, keyed by the facts the rule
 * reads (rule-page.ts), turned into the engine's own input (an enterprise's years, its grant, tech project
 * or investment project) — and back, an enterprise's real history read out as those figures. The engine
 * then runs on it as a batch runs: nothing here computes an award.
 */
import { type Fen, formatYuan, parseYuan } from "../../money";
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject, SupportGrant, TechProject } from "../types";
import { EARLIER_YEARS } from "./expressions";
import type { RuleFact, RulePageOutline } from "./rule-page";

/** One figure per fact name: money in fen (integer text), a year, a count or quantity as decimal text, a flag, a category id. */
export type CalculatorFigures = Record<string, string | boolean>;

/** A figure that cannot be read: its path in the request and the reason (Chinese). */
export interface CalculatorProblem {
  path: string;
  message: string;
}

/** The id of the grant, tech project or investment project a calculation makes up. */
export const TRIED_SUBJECT_ID = "A";

const INTEGER = /^-?\d{1,18}$/;
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

type Value = bigint | boolean | string;

/** A figure read as its fact's kind, or the reason it cannot be. */
function readFigure(fact: RuleFact, raw: string | boolean): Value | { problem: string } {
  switch (fact.kind) {
    case "flag":
      return typeof raw === "boolean" ? raw : { problem: "应为是或否（true/false）" };
    case "money":
      return typeof raw === "string" && INTEGER.test(raw.trim())
        ? BigInt(raw.trim())
        : { problem: "应为金额（以分计的整数）" };
    case "year": {
      const text = typeof raw === "string" ? raw.trim() : "";
      const year = Number(text);
      return /^\d{4}$/.test(text) && year >= 1949 && year <= 2200 ? BigInt(year) : { problem: "应为四位年份" };
    }
    case "count":
    case "quantity":
      return typeof raw === "string" && DECIMAL.test(raw.trim())
        ? parseYuan(raw.trim())
        : { problem: `应为数字（最多两位小数）${fact.unitZh === null ? "" : `，单位：${fact.unitZh}`}` };
    case "category": {
      if (typeof raw !== "string" || raw.trim() === "") return { problem: "应为一个类别" };
      const id = raw.trim();
      if (fact.options.length > 0 && !fact.options.some((option) => option.id === id))
        return {
          problem: `应为以下类别之一：${fact.options.map((option) => `${option.zh}（${option.id}）`).join("、")}`,
        };
      return id;
    }
  }
}

export interface CalculatorSubject {
  enterprise: EnterpriseHistory;
  projects: InvestmentProject[];
  problems: CalculatorProblem[];
}

/**
 * The engine's input for one enterprise-year from the figures entered: each fact placed in the year it
 * belongs to (`previous.revenue` in the year before), the highest figure before the year as the
 * enterprise's earlier record, and the grant, tech project or investment project assessed.
 */
export function calculatorSubject(
  outline: RulePageOutline,
  year: number,
  figures: CalculatorFigures,
  creditCode: string,
): CalculatorSubject {
  const problems: CalculatorProblem[] = [];
  const facts = new Map(outline.facts.map((fact) => [fact.name, fact]));
  const years = new Map<number, EnterpriseYear & Record<string, unknown>>();
  const yearOf = (back: number) => {
    let entry = years.get(year - back);
    if (entry === undefined) {
      entry = { year: year - back };
      years.set(year - back, entry);
    }
    return entry;
  };
  const before: { maxRevenue?: Fen; maxTax?: Fen } = {};
  const grant: Record<string, unknown> = { id: TRIED_SUBJECT_ID, purpose: "project" };
  const techProject: Record<string, unknown> = { id: TRIED_SUBJECT_ID, techFundsReceived: false };
  const project: Record<string, unknown> = { id: TRIED_SUBJECT_ID, creditCode };
  yearOf(0);
  for (const [name, raw] of Object.entries(figures)) {
    const path = `figures.${name}`;
    const fact = facts.get(name);
    if (fact === undefined) {
      problems.push({ path, message: "本条规则不读取这一项" });
      continue;
    }
    const value = readFigure(fact, raw);
    if (typeof value === "object" && value !== null && "problem" in value) {
      problems.push({ path, message: `${fact.zh}：${value.problem}` });
      continue;
    }
    const [head = "", ...rest] = name.split(".");
    const field = rest.join(".");
    const place = (entry: Record<string, unknown>, key: string) => {
      if (key.startsWith("fact.")) {
        entry.facts = { ...((entry.facts as Record<string, unknown> | undefined) ?? {}), [key.slice(5)]: value };
      } else entry[key] = value;
    };
    if (head === "grant") grant[field] = value;
    else if (head === "techProject") techProject[field] = value;
    else if (head === "project")
      project[field] = typeof value === "bigint" && fact.kind === "year" ? Number(value) : value;
    else if (head === "before") {
      if (field === "revenue") before.maxRevenue = value as Fen;
      else if (field === "tax") before.maxTax = value as Fen;
      else place(yearOf(1), field);
    } else if (EARLIER_YEARS[head] !== undefined) place(yearOf(EARLIER_YEARS[head].back), field);
    else place(yearOf(0), name);
  }
  const assessed = yearOf(0);
  if (outline.subject === "grant") assessed.grants = [grant as unknown as SupportGrant];
  if (outline.subject === "techProject") assessed.techProjects = [techProject as unknown as TechProject];
  const enterprise: EnterpriseHistory = {
    creditCode,
    years: [...years.values()].sort((a, b) => a.year - b.year),
    ...(Object.keys(before).length === 0 ? {} : { before }),
  };
  const projects = outline.subject === "project" ? [project as unknown as InvestmentProject] : [];
  return { enterprise, projects, problems };
}

function figureOf(fact: RuleFact, value: unknown): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "bigint")
    return fact.kind === "count" || fact.kind === "quantity" ? formatYuan(value) : value.toString();
  return String(value);
}

/**
 * An enterprise's real figures for the year, as the calculator asks for them: each fact read from the
 * year it belongs to, the highest figure before the year, and the first grant, tech project or investment
 * project of the year (`subjectId` chooses one).
 */
export function calculatorFigures(
  outline: RulePageOutline,
  enterprise: EnterpriseHistory,
  projects: readonly InvestmentProject[],
  year: number,
  subjectId?: string,
): CalculatorFigures {
  const figures: CalculatorFigures = {};
  const yearBack = (back: number) => enterprise.years.find((entry) => entry.year === year - back);
  const current = yearBack(0);
  const pick = <T extends { id: string }>(items: readonly T[] | undefined) =>
    items?.find((item) => item.id === subjectId) ?? items?.[0];
  const grant = pick(current?.grants);
  const techProject = pick(current?.techProjects);
  const ownProjects = projects.filter((project) => project.creditCode === enterprise.creditCode);
  const project =
    ownProjects.find((candidate) => candidate.id === subjectId) ??
    ownProjects.find((candidate) => candidate.productionYear === year) ??
    ownProjects[0];
  const read = (entry: EnterpriseYear | undefined, key: string): unknown => {
    if (entry === undefined) return undefined;
    if (key.startsWith("fact.")) return entry.facts?.[key.slice(5)];
    return (entry as unknown as Record<string, unknown>)[key];
  };
  for (const fact of outline.facts) {
    const [head = "", ...rest] = fact.name.split(".");
    const field = rest.join(".");
    let value: unknown;
    if (head === "grant") value = (grant as unknown as Record<string, unknown> | undefined)?.[field];
    else if (head === "techProject") value = (techProject as unknown as Record<string, unknown> | undefined)?.[field];
    else if (head === "project") value = (project as unknown as Record<string, unknown> | undefined)?.[field];
    else if (head === "before") {
      const earlier = enterprise.years.filter((entry) => entry.year < year);
      if (field === "revenue" || field === "tax") {
        let highest: Fen | undefined = field === "revenue" ? enterprise.before?.maxRevenue : enterprise.before?.maxTax;
        for (const entry of earlier) {
          const figure = entry[field];
          if (figure !== undefined && (highest === undefined || figure > highest)) highest = figure;
        }
        value = highest;
      } else value = [...earlier].reverse().find((entry) => read(entry, field) !== undefined)?.[field as "listing"];
    } else if (EARLIER_YEARS[head] !== undefined) value = read(yearBack(EARLIER_YEARS[head].back), field);
    else value = read(current, fact.name);
    const figure = figureOf(fact, value);
    if (figure !== undefined) figures[fact.name] = figure;
  }
  return figures;
}
