/**
 * The words of a formula rule: explanations and why-nots written from the rule's structure — its
 * conditions' own words, its tiers, categories, rates and cap — in Chinese and English, never a
 * sentence per rule. An explanation is written when first read and kept in the shape the server
 * stores (an explanation written by the engine: facts, thresholds, arithmetic, sentences).
 */
import { amountEn, amountZh, type Fen, figureEn, figureNearEn, figureNearZh, figureZh, formatYuan } from "../../money";
import { percentOf, ratePercent, tierOrdinalZh, yearRangeZh } from "../format";
import { writtenExplanation } from "../internal";
import type {
  Explanation,
  ExplanationFact,
  ExplanationParameter,
  ExplanationRecord,
  ExplanationThreshold,
  ExplanationWording,
  MilestoneCrossing,
  NonPayment,
  SupportGrant,
  TechProject,
  TextLocale,
  WhyNotWording,
} from "../types";
import { EARLIER_YEARS, type FactRead, type FormulaScope, yearBefore } from "./expressions";
import { marginalArithmetic, roundFraction } from "./marginal";
import type { AwardParts, CompiledFormula } from "./rule";

export interface FormulaWords {
  /** The why-not wording of every reason but a condition not met. */
  readonly whyNot: WhyNotWording;
  /** One wording per condition (`when[i]`), naming it. */
  readonly conditionWhyNot: readonly WhyNotWording[];
  /** The facts the rule reads, with their values in this scope (for why-nots). */
  facts(scope: FormulaScope): ExplanationFact[];
  /** The explanation of an award. */
  write(parts: AwardParts): Explanation;
}

/** Records of formula awards are written when first read: the stored form keeps the written explanation. */
const WRITTEN_WHEN_READ: ExplanationWording = {
  explanation(record) {
    return record.written as Explanation;
  },
};

/** An award's explanation record: the parts it rests on, written out on first read. */
export class FormulaExplanationRecord implements ExplanationRecord {
  readonly #words: FormulaWords;
  readonly #parts: AwardParts;
  #written: Explanation | undefined;
  readonly wording = WRITTEN_WHEN_READ;
  readonly year = null;
  readonly previousYear = null;
  readonly band = -1;
  readonly reached = -1;
  readonly subject: SupportGrant | TechProject | null = null;
  readonly facts = null;
  readonly crossing: MilestoneCrossing | null = null;

  constructor(words: FormulaWords, parts: AwardParts) {
    this.#words = words;
    this.#parts = parts;
  }

  get written(): Explanation {
    if (this.#written === undefined) this.#written = this.#words.write(this.#parts);
    return this.#written;
  }
  get ruleId(): string {
    return this.written.ruleId;
  }
  get clause(): string {
    return this.written.clause;
  }
  get quote(): string {
    return this.written.quote;
  }
  get parameters(): ExplanationParameter[] {
    return this.written.parameters;
  }
}

const isYearNumber = (name: string) => /(^|\.)(year|[a-z]+Year)$/.test(name);

function factValue(read: FactRead, scope: FormulaScope): string | null {
  const value = read.read(scope);
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return isYearNumber(read.name) ? value.toString() : formatYuan(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

function percentText(rate: { numerator: bigint; denominator: bigint }): string {
  return `${ratePercent(rate)}%`;
}

export function formulaWords(rule: CompiledFormula): FormulaWords {
  const { meta } = rule;
  const source = rule.rule;
  const yearsZh = yearRangeZh(meta.startYear, meta.endYear);
  const yearsEn = `${meta.startYear}–${meta.endYear}`;
  const expressions = [rule.event, ...rule.when, rule.paidYear, rule.tiersOf, rule.category, rule.percentOf];
  const reads = new Map<string, FactRead>();
  for (const compiled of expressions) for (const read of compiled?.reads ?? []) reads.set(read.name, read);
  const factReads = [...reads.values()];
  const growthZh = rule.growthOf === "tax" ? "入库税收" : "营业收入";
  const growthEn = rule.growthOf === "tax" ? "tax paid" : "revenue";
  const measureRead = rule.tiersOf?.reads.length === 1 ? rule.tiersOf.reads[0]! : null;
  const measureZh = measureRead?.zh ?? (rule.tiersOf === null ? growthZh : "计算指标");
  const measureEn = measureRead?.en ?? (rule.tiersOf === null ? growthEn : "the figure");
  const categoryRead = rule.category?.reads.length === 1 ? rule.category.reads[0]! : null;
  const categoryZh = categoryRead?.zh ?? "类别";
  const categoryEn = categoryRead?.en ?? "category";
  const baseRead = rule.percentOf?.reads.length === 1 ? rule.percentOf.reads[0]! : null;
  const baseZh = baseRead?.zh ?? "计算基数";
  const baseEn = baseRead?.en ?? "the base";
  const compareZh = rule.strict ? "超过" : "达到";
  const compareEn = rule.strict ? "above" : "at least";
  const symbol = rule.strict ? ">" : "≥";
  const eventZh = source.event?.zh;
  const eventEn = source.event?.en;
  const thresholds: ExplanationThreshold[] = rule.steps.map((step, index) => ({
    label: tierOrdinalZh(index),
    labelEn: `tier ${index + 1}`,
    value: step.shown,
  }));
  const stepShownZh = (index: number) => {
    const step = rule.steps[index]!;
    return step.thresholdRate !== null ? percentText(step.thresholdRate) : figureZh(step.threshold);
  };
  const stepShownEn = (index: number) => {
    const step = rule.steps[index]!;
    return step.thresholdRate !== null ? percentText(step.thresholdRate) : figureEn(step.threshold);
  };
  const categoryWords = (category: string | null, zh: boolean): string => {
    const compiled = category === null ? undefined : rule.categories.get(category);
    return compiled === undefined ? (category ?? "") : zh ? compiled.zh : compiled.en;
  };
  const factName = (name: string | null, zh: boolean): string => {
    if (name === null) return zh ? "数据" : "a figure";
    if (name === "year") return zh ? "全部数据" : "every figure";
    if (name.startsWith("previous.")) {
      const metric = name.slice("previous.".length);
      return zh
        ? `上年${metric === "tax" ? "入库税收" : "营业收入"}`
        : `the previous year's ${metric === "tax" ? "tax" : "revenue"}`;
    }
    const read = reads.get(name);
    if (read !== undefined) return zh ? read.zh : read.en;
    // Growth bands read their figure without an expression.
    if (name === rule.growthOf) return zh ? growthZh : growthEn;
    return name;
  };
  /** The facts the paid year is read from (`project.productionYear`): missing, the award is not due yet. */
  const paidYearReads = new Set((rule.paidYear?.reads ?? []).map((read) => read.name));

  const facts = (scope: FormulaScope): ExplanationFact[] => {
    const year = scope.year;
    const item = scope.grant ?? scope.techProject;
    const shown = factReads.map((read) => {
      const fact: ExplanationFact = {
        name: read.name,
        label: read.zh,
        labelEn: read.en,
        year:
          read.name.startsWith("project.") || read.name.startsWith("plan.")
            ? null
            : year == null
              ? null
              : year.year - (EARLIER_YEARS[read.name.split(".")[0]!]?.back ?? 0),
        value: factValue(read, scope),
      };
      const label = read.name.includes(".")
        ? read.name.startsWith("grant.") || read.name.startsWith("techProject.")
          ? item?.source
          : undefined
        : year?.sources?.[read.name as keyof NonNullable<typeof year.sources>];
      if (label) fact.source = label;
      return fact;
    });
    // A growth band reads the figure of the year and of the year before, each with its source.
    if (rule.growthOf !== null && year != null) {
      const metric = rule.growthOf;
      const previous = yearBefore(scope, 1);
      const grown = (name: string, from: typeof year | undefined, yearOf: number, zh: string, en: string) => {
        const value = from?.[metric];
        const fact: ExplanationFact = {
          name,
          label: zh,
          labelEn: en,
          year: yearOf,
          value: value === undefined ? null : formatYuan(value),
        };
        const source = from?.sources?.[metric];
        if (source) fact.source = source;
        return fact;
      };
      const previousName = metric === "tax" ? "previousTax" : "previousRevenue";
      shown.push(
        grown(metric, year, year.year, growthZh, growthEn),
        grown(previousName, previous, year.year - 1, `上年${growthZh}`, `previous year's ${growthEn}`),
      );
    }
    return shown;
  };

  const subjectZh = (parts: AwardParts) => {
    if (parts.grant !== null) return `${parts.paidYear}年扶持资金 ${parts.grant.id}`;
    if (parts.techProject !== null) return `${parts.paidYear}年技术改造项目 ${parts.techProject.id}`;
    if (parts.project !== null) return `项目 ${parts.project.id}（${parts.paidYear}年兑现）`;
    return `${parts.paidYear}年`;
  };
  const subjectEn = (parts: AwardParts) => {
    if (parts.grant !== null) return `Support funds ${parts.grant.id} in ${parts.paidYear}`;
    if (parts.techProject !== null) return `Tech-transformation project ${parts.techProject.id} in ${parts.paidYear}`;
    if (parts.project !== null) return `Project ${parts.project.id} (paid in ${parts.paidYear})`;
    return `In ${parts.paidYear}`;
  };

  const write = (parts: AwardParts): Explanation => {
    const scope: FormulaScope = {
      year: parts.year,
      grant: parts.grant,
      techProject: parts.techProject,
      project: parts.project,
      plan: { startYear: BigInt(meta.startYear), endYear: BigInt(meta.endYear) },
      history:
        parts.year === null ? null : parts.previousYear === null ? [parts.year] : [parts.previousYear, parts.year],
      at: parts.previousYear === null ? 0 : 1,
    };
    const zh: string[] = [subjectZh(parts)];
    const en: string[] = [subjectEn(parts)];
    let arithmetic = "";
    if (eventZh !== undefined && eventEn !== undefined) {
      zh.push(eventZh);
      en.push(eventEn);
    }
    for (const condition of source.when) {
      zh.push(condition.zh);
      en.push(condition.en);
    }
    if (parts.band >= 0 && parts.figure !== null) {
      const step = rule.steps[parts.band]!;
      const ordinal = tierOrdinalZh(parts.band);
      if (rule.growthOf !== null && parts.previousFigure !== null) {
        const growth = percentOf(parts.figure - parts.previousFigure, parts.previousFigure, 2);
        zh.push(`${growthZh}同比增长 ${growth}%，${compareZh} ${stepShownZh(parts.band)}（${ordinal}）`);
        en.push(
          `${growthEn} grew ${growth}% over the previous year, ${compareEn} ${stepShownEn(parts.band)} (tier ${parts.band + 1})`,
        );
        arithmetic = `(${formatYuan(parts.figure)} − ${formatYuan(parts.previousFigure)}) ÷ ${formatYuan(parts.previousFigure)} = ${growth}% ${symbol} ${step.shown}`;
      } else {
        const first = rule.tiersFirstTime;
        zh.push(
          `${measureZh} ${figureZh(parts.figure)}，${first ? "首次" : ""}${rule.strict && first ? "突破" : compareZh} ${stepShownZh(parts.band)}（${ordinal}）`,
        );
        en.push(
          `${measureEn} of ${figureEn(parts.figure)} is ${first ? "for the first time " : ""}${compareEn} ${stepShownEn(parts.band)} (tier ${parts.band + 1})`,
        );
        arithmetic = `${formatYuan(parts.figure)} ${symbol} ${step.shown}`;
      }
      if (step.category !== null) {
        zh.push(`属“${step.category}”类`);
        en.push(`category "${step.category}"`);
      }
    }
    if (parts.category !== null) {
      const category = rule.categories.get(parts.category);
      zh.push(`${categoryZh}为“${category?.zh ?? parts.category}”`);
      en.push(`${categoryEn} "${category?.en ?? parts.category}"`);
    }
    if (parts.amount === null) {
      const upTo = source.caseByCase?.upTo;
      zh.push(
        `给予奖励，金额按“一事一议”另行决定${upTo === undefined ? "" : `（最高不超过 ${upTo} 元）`}，系统只记录决定`,
      );
      en.push(
        `a reward whose amount is decided case by case${upTo === undefined ? "" : ` (at most ${upTo} yuan)`}; the system records the decision`,
      );
      arithmetic = "金额不由系统计算（amount decided case by case）";
    } else if (parts.marginal !== undefined && parts.uncapped !== null) {
      const capped = parts.uncapped !== parts.amount;
      const bandsZh = parts.marginal
        .map((part) => `${amountZh(roundFraction(part.portion, "halfUp"))}按 ${percentText(part.rate)}`)
        .join("、");
      const bandsEn = parts.marginal
        .map((part) => `${amountEn(roundFraction(part.portion, "halfUp"))} at ${percentText(part.rate)}`)
        .join(", ");
      zh.push(
        `分段累进：${bandsZh}，计 ${amountZh(parts.uncapped)}${capped ? `，封顶 ${amountZh(parts.amount)}` : ""}`,
      );
      en.push(
        `marginal rates: ${bandsEn}, ${amountEn(parts.uncapped)}${capped ? `, capped at ${amountEn(parts.amount)}` : ""}`,
      );
      arithmetic = `${arithmetic === "" ? "" : `${arithmetic}；`}${marginalArithmetic(parts.marginal)} = ${formatYuan(parts.uncapped)}${capped ? `；封顶 / cap ${formatYuan(parts.amount)}` : ""}`;
    } else if (parts.rate !== null && parts.base !== null && parts.uncapped !== null) {
      const percent = percentText(parts.rate);
      const rounding =
        rule.rounding === "halfUp"
          ? "四舍五入到分 / half-up to the fen"
          : rule.rounding === "down"
            ? "舍去分以下 / rounded down"
            : "进到分 / rounded up";
      const capped = parts.uncapped !== parts.amount;
      zh.push(
        `按${baseZh} ${amountZh(parts.base)}的 ${percent} 计 ${amountZh(parts.uncapped)}${capped ? `，封顶 ${amountZh(parts.amount)}` : ""}`,
      );
      en.push(
        `${percent} of ${baseEn} of ${amountEn(parts.base)} is ${amountEn(parts.uncapped)}${capped ? `, capped at ${amountEn(parts.amount)}` : ""}`,
      );
      arithmetic = `${arithmetic === "" ? "" : `${arithmetic}；`}${formatYuan(parts.base)} × ${parts.rateText ?? percent} = ${formatYuan(parts.uncapped)}（${rounding}）${capped ? `；封顶 / cap ${formatYuan(parts.amount)}` : ""}`;
    } else {
      const capped = parts.uncapped !== null && parts.uncapped !== parts.amount;
      zh.push(`奖励 ${amountZh(parts.amount)}${capped ? "（已封顶）" : ""}`);
      en.push(`reward of ${amountEn(parts.amount)}${capped ? " (capped)" : ""}`);
      arithmetic = `${arithmetic === "" ? "" : `${arithmetic} → `}${formatYuan(parts.amount)}`;
    }
    let nextTier: { zh: string; en: string } | undefined;
    if (
      parts.band >= 0 &&
      parts.reached + 1 < rule.steps.length &&
      rule.growthOf !== null &&
      parts.figure !== null &&
      parts.previousFigure !== null &&
      parts.previousFigure > 0n
    ) {
      // Percentage points short of the next band: its rate − the growth, exactly, shown to two decimals.
      const index = parts.reached + 1;
      const band = rule.steps[index]!.thresholdRate!;
      const gap = band.numerator * parts.previousFigure - (parts.figure - parts.previousFigure) * band.denominator;
      const points = percentOf(gap, band.denominator * parts.previousFigure, 2);
      nextTier =
        gap <= 0n
          ? {
              zh: `同比增长恰为${tierOrdinalZh(index)} ${stepShownZh(index)}，须${compareZh}该档`,
              en: `growth is exactly tier ${index + 1} (${stepShownEn(index)}); it must be ${compareEn} it`,
            }
          : {
              zh: `距${tierOrdinalZh(index)} ${stepShownZh(index)}差 ${points === "0.00" ? "不足 0.01" : points} 个百分点`,
              en: `${points === "0.00" ? "less than 0.01" : points} percentage points short of tier ${index + 1} (${stepShownEn(index)})`,
            };
    }
    if (parts.band >= 0 && parts.reached + 1 < rule.steps.length && rule.growthOf === null && parts.figure !== null) {
      const next = rule.steps[parts.reached + 1]!;
      const distance = next.threshold - parts.figure;
      nextTier = {
        zh: `距${tierOrdinalZh(parts.reached + 1)} ${figureZh(next.threshold)}差 ${figureZh(distance)}`,
        en: `${figureEn(distance)} short of tier ${parts.reached + 2} (${figureEn(next.threshold)})`,
      };
    }
    const sentenceEn = `${en.join(", ")}.`;
    return writtenExplanation(
      meta,
      facts(scope),
      thresholds,
      arithmetic,
      zh.join("，"),
      sentenceEn.charAt(0).toUpperCase() + sentenceEn.slice(1),
      nextTier,
    );
  };

  const yearZh = (entry: NonPayment) => (entry.year === null ? "" : `${entry.year}年`);
  /** The item a why-not is about (an investment project, a grant, a tech project), named before its figure. */
  const subjectOf = (entry: NonPayment, zh: boolean): string => {
    if (entry.subjectId === undefined) return "";
    if (rule.per === "project") return zh ? `项目 ${entry.subjectId} ` : `project ${entry.subjectId}: `;
    if (rule.per === "grant") return zh ? `扶持资金 ${entry.subjectId} ` : `support funds ${entry.subjectId}: `;
    if (rule.per === "techProject")
      return zh ? `技术改造项目 ${entry.subjectId} ` : `tech project ${entry.subjectId}: `;
    return "";
  };
  const yearEn = (entry: NonPayment) => (entry.year === null ? "" : `In ${entry.year}: `);
  const sentence = (entry: NonPayment, locale: TextLocale): string => {
    const zh = locale === "zh";
    const subjectWords =
      entry.subjectId !== undefined && rule.categories.has(entry.subjectId)
        ? categoryWords(entry.subjectId, zh)
        : entry.subjectId;
    const subject = subjectWords === undefined ? "" : zh ? `“${subjectWords}”` : `"${subjectWords}" `;
    switch (entry.reason) {
      case "noEvent":
        if (eventZh !== undefined)
          return zh ? `${yearsZh}无“${eventZh}”的记录` : `No record that ${eventEn} in ${yearsEn}.`;
        return zh ? `${yearsZh}无可据以奖励的记录` : `Nothing in ${yearsEn} this reward could be computed from.`;
      case "outsidePlanPeriod":
        return zh
          ? `${yearZh(entry)}${subject}不在方案实施年度（${yearsZh}）内，不奖励`
          : `${yearEn(entry)}${subject}outside the plan years ${yearsEn}: not paid.`;
      case "missingFigure":
      case "previousRevenueMissing": {
        const name = factName(entry.missing, zh);
        const about = subjectOf(entry, zh);
        if (entry.missing !== null && paidYearReads.has(entry.missing)) {
          const due = entry.amountDue;
          if (due !== null && due > 0n)
            return zh
              ? `${yearZh(entry)}${about}尚无${name}，现不奖励；有${name}后，按现有数据应奖励 ${amountZh(due)}`
              : `${yearEn(entry)}${about}no ${name} yet, so nothing is paid now; once there is one, ${amountEn(due)} is due on the present figures.`;
          return zh
            ? `${yearZh(entry)}${about}尚无${name}，有${name}后方可兑现，现不奖励`
            : `${yearEn(entry)}${about}no ${name} yet: paid once there is one.`;
        }
        // A first-time tier's figure missing in a plan year, or in every one: that tier is undecided.
        const undecided = rule.tiersFirstTime
          ? rule.steps.findIndex((step) => (step.label ?? step.shown) === entry.nearestTier)
          : -1;
        if (undecided >= 0 && rule.per !== "project") {
          const when = entry.year === null ? yearsZh : yearZh(entry);
          const whenEn = entry.year === null ? yearsEn : String(entry.year);
          return zh
            ? `${when}缺少${name}，无法判断是否首次${rule.strict ? "突破" : "达到"} ${stepShownZh(undecided)}`
            : `${name} is missing for ${whenEn}: cannot tell whether ${stepShownEn(undecided)} was first ${rule.strict ? "exceeded" : "reached"}.`;
        }
        // Missing in every plan year: said for the plan's years.
        if (entry.year === null && rule.per !== "project") {
          return zh
            ? `${yearsZh}缺少${name}，无法计算，不奖励`
            : `${name} is missing for ${yearsEn}: nothing can be computed.`;
        }
        return zh
          ? `${yearZh(entry)}${about}缺少${name}，无法计算，不奖励`
          : `${yearEn(entry)}${about}${name} is missing: nothing can be computed.`;
      }
      case "previousRevenueZero":
        return zh
          ? `${yearZh(entry)}上年营业收入为零，无法计算增幅，不奖励`
          : `${yearEn(entry)}the previous year's revenue is zero: no growth can be computed.`;
      case "belowLowestBand":
      case "belowNextTier": {
        const index = rule.steps.findIndex((candidate) => (candidate.label ?? candidate.shown) === entry.nearestTier);
        const step = index < 0 ? undefined : rule.steps[index];
        if (entry.figure !== null && entry.previousFigure !== null && entry.previousFigure > 0n) {
          const growth = percentOf(entry.figure - entry.previousFigure, entry.previousFigure, 2);
          const band = step?.thresholdRate ?? rule.steps[0]?.thresholdRate ?? null;
          const shownZh = stepShownZh(Math.max(index, 0));
          const shownEn = stepShownEn(Math.max(index, 0));
          if (band === null)
            return zh
              ? `${yearZh(entry)}${growthZh}同比增长 ${growth}%，未${compareZh} ${shownZh}，不奖励`
              : `${yearEn(entry)}${growthEn} grew ${growth}%, not ${compareEn} ${shownEn}.`;
          // Percentage points short of the band: band − growth, exactly, shown to two decimals.
          const gap = band.numerator * entry.previousFigure - (entry.figure - entry.previousFigure) * band.denominator;
          const points = percentOf(gap, band.denominator * entry.previousFigure, 2);
          if (gap <= 0n)
            return zh
              ? `${yearZh(entry)}${growthZh}同比增长 ${growth}%，须${compareZh} ${shownZh}，不奖励`
              : `${yearEn(entry)}${growthEn} grew ${growth}%; it must be ${compareEn} ${shownEn}.`;
          return zh
            ? `${yearZh(entry)}${growthZh}同比增长 ${growth}%，距 ${shownZh} 档差 ${points} 个百分点，不奖励`
            : `${yearEn(entry)}${growthEn} grew ${growth}% year on year, ${points} percentage points short of the ${shownEn} band.`;
        }
        const threshold = step?.threshold ?? null;
        const distance =
          entry.distance === null
            ? ""
            : zh
              ? `，差 ${figureZh(entry.distance)}`
              : `, ${figureEn(entry.distance)} short`;
        const figure =
          entry.figure === null
            ? ""
            : zh
              ? ` ${threshold === null ? figureZh(entry.figure) : figureNearZh(entry.figure, threshold)}`
              : ` of ${threshold === null ? figureEn(entry.figure) : figureNearEn(entry.figure, threshold)}`;
        const target =
          threshold === null
            ? `${entry.nearestTier ?? ""} ${zh ? "元" : "yuan"}`
            : zh
              ? figureZh(threshold)
              : figureEn(threshold);
        if (entry.reason === "belowNextTier" && rule.tiersFirstTime) {
          const crossZh = rule.strict ? "突破" : "达到";
          const crossEn = rule.strict ? "exceeding" : "reaching";
          return zh
            ? `${yearZh(entry)}${measureZh}${figure}，距首次${crossZh} ${target}${entry.distance === null ? "" : `差 ${figureZh(entry.distance)}`}`
            : `${yearEn(entry)}${measureEn}${figure} is ${entry.distance === null ? "" : `${figureEn(entry.distance)} `}short of first ${crossEn} ${target}.`;
        }
        const what = zh
          ? step?.category == null
            ? target
            : `“${step.category}”类门槛 ${target}`
          : step?.category == null
            ? target
            : `the "${step.category}" minimum of ${target}`;
        return zh
          ? `${yearZh(entry)}${subjectOf(entry, true)}${measureZh}${figure}，未${compareZh} ${what}${distance}，不奖励`
          : `${yearEn(entry)}${subjectOf(entry, false)}${measureEn}${figure} is not ${compareEn} ${what}${distance}.`;
      }
      case "allTiersCrossedBefore":
        return zh
          ? "各档均已在此前达到（只奖励首次），不再奖励"
          : "Every tier was reached before (first time only): nothing more to pay.";
      case "sameYearLowerTier":
        return zh
          ? `${yearZh(entry)}同时首次越过多档，按参数只奖励最高档，${subject}档不另奖励`
          : `${yearEn(entry)}several tiers were crossed together; by the parameter only the highest is paid, not ${subject}.`;
      case "levelNotCovered":
        return zh
          ? `${yearZh(entry)}${categoryZh}“${entry.category ?? ""}”不在本条奖励范围内`
          : `${yearEn(entry)}${categoryEn} "${entry.category ?? ""}" is not covered by this reward.`;
      case "stackingExcluded":
        return zh
          ? `${yearZh(entry)}${categoryZh}“${categoryWords(entry.category, true)}”：此前已获同条其他奖励，按“不重复享受”不再奖励`
          : `${yearEn(entry)}${categoryEn} "${categoryWords(entry.category, false)}": another award of this clause was paid before and they do not stack.`;
      case "zeroAmount":
        return zh
          ? `${yearZh(entry)}${subject}按比例计算不足 1 分，无奖励`
          : `${yearEn(entry)}${subject}comes to less than a fen.`;
      case "alreadyGranted":
        return zh
          ? `${yearZh(entry)}${subject}此项奖励此前已兑现，不重复奖励`
          : `${yearEn(entry)}${subject}this reward was granted before: not paid again.`;
      case "alreadyPaidInPlan":
        return zh
          ? `${yearZh(entry)}${subject}此项奖励已于${entry.otherYear ?? ""}年兑现，不重复奖励`
          : `${yearEn(entry)}${subject}this reward was paid in ${entry.otherYear ?? ""}: not paid again.`;
      case "reachedBefore":
        return zh
          ? `${yearZh(entry)}${subject}已于${entry.otherYear ?? ""}年达到，不是首次，不奖励`
          : `${yearEn(entry)}${subject}was reached in ${entry.otherYear ?? ""} already: not a first time.`;
      default:
        return zh
          ? `${yearZh(entry)}不符合本条奖励的条件`
          : `${yearEn(entry)}the conditions of this reward are not met.`;
    }
  };
  // An English sentence starts with a capital, whatever comes first (a year, a fact's name, "not …").
  const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const whyNot: WhyNotWording = {
    sentence: (entry, locale) => (locale === "en" ? capitalized(sentence(entry, locale)) : sentence(entry, locale)),
  };
  const conditionWhyNot = source.when.map(
    (condition): WhyNotWording => ({
      sentence(entry, locale) {
        return locale === "zh"
          ? `${yearZh(entry)}不符合“${condition.zh}”，不奖励`
          : capitalized(`${yearEn(entry)}not ${condition.en}: not paid.`);
      },
    }),
  );
  return { whyNot, conditionWhyNot, facts, write };
}

export type { Fen };
