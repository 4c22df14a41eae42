/**
 * What a revised plan changes, entry by entry: clauses, units, chains, targets, measures, parameters,
 * rewards (amounts, tiers, rates), request categories and the plan's own settings. Entries of a section
 * are matched by id, so a renamed unit reads as "changed", a new street as "added". Pure and zod-free, so
 * the web can show the same difference the server checked. Values keep the plan's own notation; `kind`
 * says how to show them (yuan strings as 万元, rates as percentages).
 */
import type { PlanFile } from "./schema";

export const PLAN_DIFF_SECTIONS = [
  "plan",
  "documents",
  "clauses",
  "units",
  "chains",
  "groups",
  "targets",
  "measures",
  "parameters",
  "rewards",
  "requestCategories",
  "assessment",
  "awardWorkflow",
  "fund",
] as const;
export type PlanDiffSection = (typeof PLAN_DIFF_SECTIONS)[number];

/** How a changed value is shown: money in yuan, a rate, a list, or plain text/number/boolean. */
export type PlanValueKind = "yuan" | "rate" | "list" | "text" | "number" | "boolean" | "object" | "absent";

export interface PlanFieldChange {
  /** The field's path inside the entry, e.g. `tiers[1].amount`, or `value`. */
  path: string;
  before: unknown;
  after: unknown;
  kind: PlanValueKind;
}

export interface PlanEntryChange {
  section: PlanDiffSection;
  /** The entry's id in its section; absent for the plan's own settings. */
  id?: string;
  /** The entry's name (or title) after the change, before it when removed. */
  name?: string;
  change: "added" | "removed" | "changed";
  /** The changed fields, for "changed" entries. */
  fields: PlanFieldChange[];
}

export interface PlanDiff {
  changes: PlanEntryChange[];
  /** Counts per section and kind of change, for a summary line. */
  summary: { section: PlanDiffSection; added: number; removed: number; changed: number }[];
}

type Entry = { id: string } & Record<string, unknown>;

const ID_SECTIONS = [
  "documents",
  "clauses",
  "units",
  "chains",
  "groups",
  "targets",
  "measures",
  "parameters",
  "rewards",
  "requestCategories",
] as const satisfies readonly PlanDiffSection[];

/** Plan-level fields compared as one "plan" entry; the sections above are compared entry by entry. */
const PLAN_FIELDS = ["id", "title", "titleEn", "document", "district", "period", "aboveScaleThreshold"] as const;

/** Field names whose string values are amounts in yuan (decimal strings). */
const YUAN_FIELDS = new Set(["amount", "threshold", "minInvestment", "aboveScaleThreshold", "yearly"]);
/** Field names whose string values are rates ("0.05" for 5 %). */
const RATE_FIELDS = new Set(["rate", "weight"]);

/** The difference from `before` to `after`; empty when they hold the same plan data. */
export function diffPlans(before: PlanFile, after: PlanFile): PlanDiff {
  const changes: PlanEntryChange[] = [];

  const planFields: PlanFieldChange[] = [];
  for (const field of PLAN_FIELDS) {
    compareValues(before[field], after[field], field, planFields, {});
  }
  if (planFields.length > 0) changes.push({ section: "plan", change: "changed", fields: planFields });

  for (const section of ID_SECTIONS) {
    // Optional sections (further documents) are absent from plans that have none.
    const beforeEntries = (before[section] ?? []) as readonly Entry[];
    const afterEntries = (after[section] ?? []) as readonly Entry[];
    const yuanParameters = section === "parameters" ? yuanParameterIds(before, after) : new Set<string>();
    const beforeById = new Map(beforeEntries.map((entry) => [entry.id, entry]));
    const afterIds = new Set(afterEntries.map((entry) => entry.id));
    for (const entry of afterEntries) {
      const previous = beforeById.get(entry.id);
      if (previous === undefined) {
        changes.push({ section, id: entry.id, name: entryName(entry), change: "added", fields: [] });
        continue;
      }
      const fields: PlanFieldChange[] = [];
      compareValues(previous, entry, "", fields, { yuanValue: yuanParameters.has(entry.id) });
      if (fields.length > 0) changes.push({ section, id: entry.id, name: entryName(entry), change: "changed", fields });
    }
    for (const entry of beforeEntries) {
      if (!afterIds.has(entry.id)) {
        changes.push({ section, id: entry.id, name: entryName(entry), change: "removed", fields: [] });
      }
    }
  }

  for (const section of ["assessment", "awardWorkflow", "fund"] as const) {
    const fields: PlanFieldChange[] = [];
    const beforeValue = (before as Record<string, unknown>)[section];
    const afterValue = (after as Record<string, unknown>)[section];
    compareValues(beforeValue, afterValue, "", fields, {});
    if (fields.length === 0) continue;
    const change = beforeValue === undefined ? "added" : afterValue === undefined ? "removed" : "changed";
    changes.push({ section, change, fields: change === "changed" ? fields : [] });
  }

  return { changes, summary: summarise(changes) };
}

/** Parameters whose value is an amount in yuan, in either version. */
function yuanParameterIds(before: PlanFile, after: PlanFile): Set<string> {
  return new Set(
    [...before.parameters, ...after.parameters]
      .filter((parameter) => parameter.unit === "yuan")
      .map((parameter) => parameter.id),
  );
}

function entryName(entry: Entry): string | undefined {
  for (const key of ["name", "title", "description"]) {
    const value = entry[key];
    if (typeof value === "string") return value;
  }
  return undefined;
}

interface CompareOptions {
  /** The entry is a parameter whose `value` is in yuan. */
  yuanValue?: boolean;
}

function compareValues(
  before: unknown,
  after: unknown,
  path: string,
  out: PlanFieldChange[],
  options: CompareOptions,
): void {
  if (sameValue(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      compareValues(before[key], after[key], path ? `${path}.${key}` : key, out, options);
    }
    return;
  }
  // Lists of objects of equal length (tiers, categories, yearly milestones) are compared item by item, so
  // a changed amount of one tier reads as that tier's amount; lists of words (duties, lead units) as a whole.
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    before.length === after.length &&
    before.every(isPlainObject) &&
    after.every(isPlainObject)
  ) {
    before.forEach((item, index) => {
      compareValues(item, after[index], `${path}[${index}]`, out, options);
    });
    return;
  }
  out.push({ path, before, after, kind: valueKind(path, before ?? after, options) });
}

function valueKind(path: string, value: unknown, options: CompareOptions): PlanValueKind {
  if (value === undefined) return "absent";
  const field =
    path
      .replace(/\[\d+\]/g, "")
      .split(".")
      .pop() ?? "";
  if (typeof value === "string") {
    if (YUAN_FIELDS.has(field) || (options.yuanValue && field === "value")) return "yuan";
    if (RATE_FIELDS.has(field)) return "rate";
    return "text";
  }
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  if (Array.isArray(value)) return "list";
  return "object";
}

function summarise(changes: readonly PlanEntryChange[]): PlanDiff["summary"] {
  const bySection = new Map<PlanDiffSection, { added: number; removed: number; changed: number }>();
  for (const change of changes) {
    const counts = bySection.get(change.section) ?? { added: 0, removed: 0, changed: 0 };
    counts[change.change] += 1;
    bySection.set(change.section, counts);
  }
  return PLAN_DIFF_SECTIONS.filter((section) => bySection.has(section)).map((section) => ({
    section,
    ...(bySection.get(section) as { added: number; removed: number; changed: number }),
  }));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
