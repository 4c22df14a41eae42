/**
 * The office's working copy of the plan: changed one field at a time, kept consistent where the plan format
 * ties two fields together, and written out as the next version's plan file. Pure, so it is tested alone.
 * Amounts and rates stay decimal strings from end to end: a form's text becomes a plan value by moving the
 * decimal point or through the money module, never through a binary float.
 */
import { formatYuan, MoneyFormatError, parseAmountInUnit } from "@beizeng/domain/money";
import type { PlanFile, PlanUnit } from "@beizeng/domain/plan/schema";
import type { UnitKind } from "@beizeng/domain/plan/vocabulary";

/** A field's place in the plan, as the plan's validation names it: `rewards[4].tiers[1].amount`. */
export type FieldPath = readonly (string | number)[];

export function pathText(path: FieldPath): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text;
}

/** The plan with one value replaced, every object on the way copied and the rest shared. */
export function setAt<T>(root: T, path: FieldPath, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const record = root as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head as string], rest, value) } as T;
}

export function getAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/**
 * Sets a field and whatever the plan format requires to hold the same value: a parameter's reading and the
 * targets that compare by it, a threshold parameter and the reward categories that name it. The loader refuses
 * a plan where they differ, so the form keeps them together instead.
 */
export function updateDraft(plan: PlanFile, path: FieldPath, value: unknown): PlanFile {
  let next = setAt(plan, path, value);
  const [section, index, field, subIndex] = path;
  if (section === "parameters" && typeof index === "number" && field === "value") {
    const id = plan.parameters[index]?.id;
    next.targets.forEach((target, targetIndex) => {
      if (target.comparisonParameter === id && (value === "gt" || value === "gte")) {
        next = setAt(next, ["targets", targetIndex, "comparison"], value);
      }
    });
    next.rewards.forEach((rule, ruleIndex) => {
      rule.tiers?.steps.forEach((step, stepIndex) => {
        if (step.fromParameter === id && typeof value === "string")
          next = setAt(next, ["rewards", ruleIndex, "tiers", "steps", stepIndex, "from"], value);
      });
    });
  }
  // A tier's threshold in the rule language, and the parameter holding it.
  const stepIndex = path[4];
  if (
    section === "rewards" &&
    typeof index === "number" &&
    field === "tiers" &&
    subIndex === "steps" &&
    typeof stepIndex === "number" &&
    path[5] === "from"
  ) {
    const rule = plan.rewards[index];
    const parameterId = rule?.tiers?.steps[stepIndex]?.fromParameter;
    const parameterIndex = plan.parameters.findIndex((parameter) => parameter.id === parameterId);
    if (parameterIndex >= 0) next = setAt(next, ["parameters", parameterIndex, "value"], value);
  }
  return next;
}

/** What else a parameter's value decides, so the form can say so beside it. */
export function parameterLinks(plan: PlanFile, parameterId: string): { targets: string[]; rewards: string[] } {
  const targets = plan.targets.filter((target) => target.comparisonParameter === parameterId).map((t) => t.id);
  const rewards = plan.rewards
    .filter((rule) => rule.tiers?.steps.some((step) => step.fromParameter === parameterId) ?? false)
    .map((rule) => rule.id);
  return { targets, rewards };
}

/**
 * The id of a unit added in the form: "unit-<n>", n one more than the highest such number among the plan's
 * units and every unit the district ever had (a retired unit's id is never reused, so its records stay its own).
 */
export function nextUnitId(plan: PlanFile, knownCodes: readonly string[] = []): string {
  let highest = 0;
  for (const id of [...plan.units.map((unit) => unit.id), ...knownCodes]) {
    const match = /^unit-(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `unit-${highest + 1}`;
}

/** A new place (town, street or zone): the office keeps places, so it may edit them later too. */
export function newPlaceUnit(id: string, kind: UnitKind): PlanUnit {
  return { id, name: "", nameEn: "", kind, duties: [], editable: true, aliases: [] };
}

/** The plan to save: the working copy as the next version. */
export function nextVersion(draft: PlanFile, version: number): PlanFile {
  return { ...draft, version };
}

/** The version number a saved edit takes: one above the current one and above any stored version of the plan. */
export function nextVersionNumber(current: PlanFile, storedVersions: readonly { planId: string; version: number }[]) {
  const stored = storedVersions.filter((item) => item.planId === current.id).map((item) => item.version);
  return Math.max(current.version, ...stored) + 1;
}

// ---------------------------------------------------------------- numbers in forms

const DECIMAL = /^\d+(\.\d+)?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** Amount units a form offers: yuan, 万元 (most of a plan's amounts) and 亿元 (revenue thresholds and targets). */
export type AmountUnit = "元" | "万元" | "亿元";
const YUAN_PER_UNIT: Record<AmountUnit, bigint> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };
const DIGITS_OF_UNIT: Record<AmountUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/** The unit an amount reads best in: the largest it is a whole number of. */
export function amountUnitOf(yuan: string): AmountUnit {
  if (!/^\d+$/.test(yuan) || /^0+$/.test(yuan)) return "元";
  if (yuan.length > 8 && yuan.endsWith("00000000")) return "亿元";
  if (yuan.length > 4 && yuan.endsWith("0000")) return "万元";
  return "元";
}

/** The text a person typed, in 元, 万元 or 亿元, as the plan's decimal string of yuan; null when it is not an amount. */
export function yuanFromInput(text: string, unit: AmountUnit): string | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  try {
    return formatYuan(parseAmountInUnit(trimmed, YUAN_PER_UNIT[unit]));
  } catch (error) {
    if (error instanceof MoneyFormatError) return null;
    throw error;
  }
}

/** A decimal string of yuan written in 元, 万元 or 亿元, exactly (as many decimals as it needs). */
export function yuanToInput(yuan: string, unit: AmountUnit): string {
  return shiftDecimal(yuan, -DIGITS_OF_UNIT[unit]);
}

/** "0.05" → "5": a rate as the percentage a person types, exactly. */
export function rateToPercent(rate: string): string {
  return shiftDecimal(rate, 2);
}

/** "5" → "0.05", "12.5" → "0.125"; null when the text is not a decimal. */
export function percentToRate(text: string): string | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  return shiftDecimal(trimmed, -2);
}

/** The decimal string with its point moved `places` to the right (left when negative), without float arithmetic. */
export function shiftDecimal(text: string, places: number): string {
  const [whole = "0", fraction = ""] = text.trim().split(".");
  const digits = `${whole}${fraction}`;
  let point = whole.length + places;
  let padded = digits;
  if (point > padded.length) padded = padded.padEnd(point, "0");
  if (point < 0) {
    padded = `${"0".repeat(-point)}${padded}`;
    point = 0;
  }
  return normalizeDecimal(`${padded.slice(0, point) || "0"}.${padded.slice(point)}`);
}

/** "007.500" → "7.5", "3." → "3". */
export function normalizeDecimal(text: string): string {
  const [whole = "0", fraction = ""] = text.split(".");
  const integer = whole.replace(/^0+(?=\d)/, "") || "0";
  const rest = fraction.replace(/0+$/, "");
  return rest ? `${integer}.${rest}` : integer;
}

/**
 * Every field the edit forms show, by path: the server's messages for these are shown under their field, the
 * others in a list above the forms.
 */
export function editablePaths(plan: PlanFile): Set<string> {
  const paths = new Set<string>(["aboveScaleThreshold"]);
  const add = (...path: (string | number)[]) => paths.add(pathText(path));
  plan.parameters.forEach((_, index) => {
    add("parameters", index, "value");
  });
  plan.rewards.forEach((rule, index) => {
    for (const field of ["amount", "rate", "cap"] as const) if (rule[field] !== undefined) add("rewards", index, field);
    rule.tiers?.steps.forEach((step, i) => {
      add("rewards", index, "tiers", "steps", i, "from");
      if (step.amount !== undefined) add("rewards", index, "tiers", "steps", i, "amount");
      if (step.rate !== undefined) add("rewards", index, "tiers", "steps", i, "rate");
    });
    rule.byCategory?.values.forEach((value, i) => {
      add("rewards", index, "byCategory", "values", i, value.amount !== undefined ? "amount" : "rate");
    });
  });
  plan.units.forEach((_, index) => {
    for (const field of ["name", "nameEn", "kind", "duties"]) add("units", index, field);
  });
  plan.targets.forEach((target, index) => {
    add("targets", index, "value");
    add("targets", index, "deadline");
    target.yearly.forEach((_, i) => {
      add("targets", index, "yearly", i, "year");
      add("targets", index, "yearly", i, "value");
    });
  });
  return paths;
}
