/**
 * A plan difference in the reader's words. The domain's diff-text writes it for the command line (with each
 * entry's id); on screen an entry is named by its name in the reader's language, a unit's kind and duties,
 * a measure's units, a target's values in its own unit of measure and a choice by its meaning.
 */
import { amountEn, amountInUnit, amountZh, parseYuan } from "@beizeng/domain/money";
import type { PlanEntryChange, PlanFieldChange } from "@beizeng/domain/plan/diff";
import { type DiffLanguage, describeValue, fieldLabel, PLAN_DIFF_SECTION_LABELS } from "@beizeng/domain/plan/diff-text";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import type { MessageKey } from "../../../../shared/i18n/dictionary";
import { isMessageKey, type Translate } from "../../../../shared/i18n/i18n";
import { rateToPercent } from "../editor/draft";
import { choiceLabel } from "../parameter-words";

export interface DiffWords {
  /** The plans names are read from: the revision (when known) first, then the current one. */
  plans: readonly PlanFile[];
  language: DiffLanguage;
  t: Translate;
}

type Named = {
  id: string;
  name?: string;
  nameEn?: string;
  title?: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
};

function entryOf(words: DiffWords, section: string, id: string | undefined): Named | undefined {
  if (id === undefined) return undefined;
  for (const plan of words.plans) {
    const entries = (plan as unknown as Record<string, unknown>)[section];
    if (!Array.isArray(entries)) continue;
    const found = (entries as Named[]).find((entry) => entry.id === id);
    if (found) return found;
  }
  return undefined;
}

export function sectionLabel(section: PlanEntryChange["section"], language: DiffLanguage): string {
  return PLAN_DIFF_SECTION_LABELS[section][language];
}

/** The changed entry's name in the reader's language; the section's name for the plan's own settings. */
export function entryTitle(change: PlanEntryChange, words: DiffWords): string {
  const entry = entryOf(words, change.section, change.id);
  if (entry) {
    const english = words.language === "en";
    const text = english
      ? (entry.nameEn ?? entry.titleEn ?? entry.descriptionEn ?? entry.name ?? entry.title)
      : (entry.name ?? entry.title ?? entry.description);
    if (text) return text;
  }
  return change.name ?? sectionLabel(change.section, words.language);
}

/** "档次 2 金额" / "tier 2 amount": each part by the dictionary's name for it, else the domain's. */
export function fieldName(path: string, words: DiffWords): string {
  return path
    .split(".")
    .map((part) => {
      const match = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
      if (!match) return part;
      const [, key = "", index] = match;
      const dictionaryKey = `planField.${key}`;
      const label = isMessageKey(dictionaryKey) ? words.t(dictionaryKey) : fieldLabel(key, words.language);
      return index === undefined ? label : `${label} ${Number(index) + 1}`;
    })
    .join(" ");
}

function lastKey(path: string): string {
  return (
    path
      .replace(/\[\d+\]/g, "")
      .split(".")
      .pop() ?? ""
  );
}

function unitName(words: DiffWords, id: unknown): string {
  const unit = entryOf(words, "units", String(id));
  if (!unit) return String(id);
  return (words.language === "en" ? unit.nameEn : unit.name) ?? unit.name ?? String(id);
}

function wordOr(words: DiffWords, key: string, fallback: string): string {
  return isMessageKey(key) ? words.t(key as MessageKey) : fallback;
}

function list(words: DiffWords, values: readonly string[]): string {
  if (values.length === 0) return words.language === "zh" ? "（空）" : "(empty)";
  return values.join(words.language === "zh" ? "、" : ", ");
}

/** One side of a changed field, in words. */
export function valueWords(value: unknown, field: PlanFieldChange, change: PlanEntryChange, words: DiffWords): string {
  if (value === undefined) return describeValue(value, field, words.language);
  const key = lastKey(field.path);
  const { section } = change;
  if (section === "units" && key === "kind") return wordOr(words, `planEdit.kind.${String(value)}`, String(value));
  if (section === "units" && key === "duties" && Array.isArray(value)) {
    return list(
      words,
      value.map((duty) => wordOr(words, `unitDuty.${String(duty)}`, String(duty))),
    );
  }
  if (section === "units" && key === "hostUnit") return unitName(words, value);
  if ((key === "lead" || key === "responsible" || key === "units") && Array.isArray(value)) {
    return list(
      words,
      value.map((id) => unitName(words, id)),
    );
  }
  if (key === "comparison" && typeof value === "string") return wordOr(words, `comparison.${value}`, value);
  if (section === "targets" && key === "value" && typeof value === "string") {
    const target = entryOf(words, "targets", change.id) as { unit?: string } | undefined;
    return measured(value, target?.unit, field, words);
  }
  if (section === "parameters" && key === "value") {
    const parameter = entryOf(words, "parameters", change.id) as
      | { description: string; descriptionEn: string; unit?: string; allowed?: unknown[] }
      | undefined;
    if (parameter?.allowed && (typeof value === "string" || typeof value === "boolean")) {
      return choiceLabel(parameter, value, words.language === "en", (yes) => words.t(yes ? "common.yes" : "common.no"));
    }
    if (parameter?.unit && typeof value === "string") return measured(value, parameter.unit, field, words);
  }
  if (field.kind === "yuan" && typeof value === "string") return exactAmount(value, words) ?? value;
  return describeValue(value, field, words.language);
}

/**
 * An amount exactly, as the domain writes it (万元 when whole hundreds of yuan, else yuan), or in 亿元 when it is a
 * whole number of them: a revenue target reads "400 亿元", not "4000000 万元". Never rounded: a difference must
 * show the change however small.
 */
function exactAmount(value: string, words: DiffWords): string | null {
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const fen = parseYuan(value);
  if (words.language === "zh" && fen !== 0n && fen % 10_000_000_000n === 0n) return `${amountInUnit(fen, "亿元")} 亿元`;
  return words.language === "zh" ? amountZh(fen) : amountEn(fen);
}

/** A quantity in its unit of measure: money as an amount, a share as a percentage, else with its unit's word. */
function measured(value: string, unit: string | undefined, field: PlanFieldChange, words: DiffWords): string {
  if (unit === "yuan") return exactAmount(value, words) ?? value;
  if (unit === "share" && /^\d+(\.\d+)?$/.test(value)) return `${rateToPercent(value)}%`;
  if (unit) {
    const word = wordOr(words, `measure.${unit}`, "");
    return word ? `${value} ${word}` : value;
  }
  return describeValue(value, field, words.language);
}

/** "金额：200 万元 → 250 万元". */
export function fieldWords(field: PlanFieldChange, change: PlanEntryChange, words: DiffWords) {
  return {
    label: fieldName(field.path, words),
    before: valueWords(field.before, field, change, words),
    after: valueWords(field.after, field, change, words),
  };
}

/**
 * A field of a plan named for a reader: "奖励条款 “上市企业引进奖励” 金额" for `rewards[2].amount`; null when the
 * path leads nowhere in the plan.
 */
export function describePath(path: string, plan: PlanFile, words: DiffWords): string | null {
  const match = /^([A-Za-z]+)\[(\d+)\]\.?(.*)$/.exec(path);
  if (!match) return path ? fieldName(path, words) : null;
  const [, section = "", index = "0", rest = ""] = match;
  const entries = (plan as unknown as Record<string, unknown>)[section];
  if (!Array.isArray(entries)) return null;
  const entry = entries[Number(index)] as Named | undefined;
  if (!entry) return null;
  const label =
    section in PLAN_DIFF_SECTION_LABELS ? sectionLabel(section as PlanEntryChange["section"], words.language) : section;
  const english = words.language === "en";
  const name =
    (english ? (entry.nameEn ?? entry.titleEn ?? entry.descriptionEn) : undefined) ??
    entry.name ??
    entry.title ??
    entry.description ??
    "";
  const quoted = name ? (english ? ` "${name}"` : `“${name}”`) : ` ${Number(index) + 1}`;
  return `${label}${quoted}${rest ? ` ${fieldName(rest, words)}` : ""}`;
}
