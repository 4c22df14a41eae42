/**
 * The values of the facts a plan declares (electricity use, land area, a recognition's level …): how a
 * value written by a person or a file is read, kept, shown and handed to the rules. A value is kept as
 * text, exactly: money in fen, a quantity in hundredths of its unit, a count as a whole number, a
 * category by its id. Rules read every number in hundredths of its unit, the scale of fen, so that a
 * tier or a `yuan("…")` written in the fact's unit compares directly; categories read as their ids.
 */
import { amountEn, amountZh, groupedYuan } from "../money";
import type { DeclaredFact } from "../plan/schema";

/** The periods of a year a fact's values cover: 0 for the year itself, else quarters 1–4 or months 1–12. */
export function factPeriods(fact: Pick<DeclaredFact, "period">): number[] {
  if (fact.period === "quarter") return [1, 2, 3, 4];
  if (fact.period === "month") return Array.from({ length: 12 }, (_, index) => index + 1);
  return [0];
}

/** A period in words: 2024年, 2024年第2季度, 2024年3月 (or 2024, 2024 Q2, 2024-03). */
export function factPeriodLabel(
  fact: Pick<DeclaredFact, "period">,
  year: number,
  period: number,
  locale: "zh" | "en",
): string {
  if (fact.period === "quarter") return locale === "zh" ? `${year}年第${period}季度` : `${year} Q${period}`;
  if (fact.period === "month")
    return locale === "zh" ? `${year}年${period}月` : `${year}-${String(period).padStart(2, "0")}`;
  return locale === "zh" ? `${year}年` : String(year);
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** A value that cannot be kept, with the reason in Chinese (shown beside the row and column). */
export type FactValueReading = { ok: true; value: string } | { ok: false; message: string };

/** "1234.5" at two places → 123450n; null when it is finer than that. */
function scaled(text: string, places: number): bigint | null {
  const [whole = "0", fraction = ""] = text.split(".");
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > places) return null;
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(significant.padEnd(places, "0") || "0");
}

/**
 * Reads a value as a person writes it: money in yuan ("1234.56"), a quantity in the fact's unit (at
 * most two decimals), a count as a whole number, a category by its id or its name in either language.
 * Thousands separators and spaces around are taken; anything else is refused with a Chinese reason.
 */
export function readFactValue(fact: DeclaredFact, written: string): FactValueReading {
  const text = written.trim();
  if (text === "") return { ok: false, message: "不能为空" };
  if (fact.measure === "category") {
    const category = (fact.categories ?? []).find(
      (candidate) => candidate.id === text || candidate.name === text || candidate.nameEn === text,
    );
    if (category === undefined)
      return {
        ok: false,
        message: `不是可选的类别（可选：${(fact.categories ?? []).map((candidate) => candidate.name).join("、")}）`,
      };
    return { ok: true, value: category.id };
  }
  const number = text.replace(/,/g, "");
  if (!DECIMAL.test(number)) return { ok: false, message: "不是十进制数" };
  if (fact.measure === "count") {
    const whole = scaled(number, 0);
    return whole === null ? { ok: false, message: "个数必须是整数" } : { ok: true, value: whole.toString() };
  }
  const hundredths = scaled(number, 2);
  if (hundredths === null)
    return { ok: false, message: fact.measure === "money" ? "金额最多精确到分（两位小数）" : "最多两位小数" };
  return { ok: true, value: hundredths.toString() };
}

/** A kept value as a person writes it back (the form's and the template's text): "1234.5", "12", "provincial". */
export function factValueText(fact: DeclaredFact, kept: string): string {
  if (fact.measure === "category" || fact.measure === "count") return kept;
  return groupedYuan(BigInt(kept)).replace(/,/g, "");
}

/** A kept value shown to a person: "12.5 万元", "1,200 千瓦时", "3 个", "省级". */
export function formatFactValue(fact: DeclaredFact, kept: string, locale: "zh" | "en"): string {
  switch (fact.measure) {
    case "money":
      return locale === "zh" ? amountZh(BigInt(kept)) : amountEn(BigInt(kept));
    case "quantity":
      return `${groupedYuan(BigInt(kept))} ${(locale === "zh" ? fact.unitName : fact.unitNameEn) ?? ""}`.trim();
    case "count":
      return BigInt(kept).toLocaleString("en-US");
    case "category": {
      const category = fact.categories?.find((candidate) => candidate.id === kept);
      return category === undefined ? kept : locale === "zh" ? category.name : category.nameEn;
    }
  }
}

/** A kept value as the rules read it: numbers in hundredths of their unit (a count scaled up), categories by id. */
export function factRuleValue(fact: DeclaredFact, kept: string): bigint | string {
  if (fact.measure === "category") return kept;
  return fact.measure === "count" ? BigInt(kept) * 100n : BigInt(kept);
}

/** One kept value of an enterprise: which fact, which year and period. */
export interface KeptFactValue {
  fact: string;
  year: number;
  period: number;
  value: string;
}

/**
 * The values the rules read for one enterprise-year, by fact id. A fact kept by quarter or month reads
 * as the year's sum, and only once every period of the year is there (a year half entered is unknown).
 */
export function yearFactValues(
  facts: readonly DeclaredFact[],
  values: readonly KeptFactValue[],
  year: number,
): Record<string, bigint | string> {
  const read: Record<string, bigint | string> = {};
  for (const fact of facts) {
    const own = values.filter((value) => value.fact === fact.id && value.year === year);
    if (fact.measure === "category") {
      const value = own.find((entry) => entry.period === 0);
      if (value !== undefined) read[fact.id] = value.value;
      continue;
    }
    const periods = factPeriods(fact);
    const byPeriod = new Map(own.map((entry) => [entry.period, factRuleValue(fact, entry.value) as bigint]));
    if (periods.every((period) => byPeriod.has(period)))
      read[fact.id] = periods.reduce((sum, period) => sum + byPeriod.get(period)!, 0n);
  }
  return read;
}
