/**
 * R-REV-MILESTONE / R-TAX-MILESTONE: a tier paid when the figure exceeds its threshold for
 * the first time ever (首次突破). The history counts in full: the highest figure before the
 * years listed (`before`) and every year listed, including those before the plan. A tier
 * crossed before the plan is never paid (PLAN.md §5 reading 2). Several tiers first crossed
 * in one year pay each (default) or the highest only (reading 1).
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh, figureEn, figureZh, formatYuan, groupedYuan } from "@beizeng/domain/money";
import {
  type Comparison,
  type EnterpriseRuleEvaluator,
  explanationRecord,
  isPlanYear,
  KEY_TIER,
  moneyFact,
  NO_FACTS,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  revenueFact,
  threshold,
  writtenExplanation,
} from "@beizeng/domain/rewards/internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplanationFact,
  ExplanationRecord,
  ExplanationThreshold,
  ExplanationWording,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

export interface CrossingTier {
  threshold: Fen;
  amount: Fen;
}

export type SameYearTiers = "each" | "highest";

interface MetricWording {
  zh: string;
  en: string;
}

const METRICS: Record<"revenue" | "tax", MetricWording> = {
  revenue: { zh: "营业收入", en: "revenue" },
  tax: { zh: "入库税收", en: "tax paid into the treasury" },
};

export function firstCrossingRule(
  meta: RuleMeta,
  metric: "revenue" | "tax",
  tiersInput: readonly CrossingTier[],
  comparison: Comparison,
  sameYear: SameYearTiers,
): EnterpriseRuleEvaluator {
  const tiers = [...tiersInput].sort((a, b) => (a.threshold < b.threshold ? -1 : a.threshold > b.threshold ? 1 : 0));
  const count = tiers.length;
  const labels = tiers.map((tier) => formatYuan(tier.threshold));
  const thresholds = tiers.map((tier) => tier.threshold);
  const wording = METRICS[metric];
  const verbZh = comparison === "gt" ? "突破" : "达到";
  const verbEn = comparison === "gt" ? "exceeded" : "reached";
  const symbol = comparison === "gt" ? ">" : "≥";
  const notSymbol = comparison === "gt" ? "≤" : "<";
  const isRevenue = metric === "revenue";
  const strict = comparison === "gt";

  // Everything that does not depend on the enterprise, built once: the tiers as read, the lists
  // of tiers crossed together, and the fixed parts of the sentences.
  const tierZh = tiers.map((tier) => figureZh(tier.threshold));
  const tierEn = tiers.map((tier) => figureEn(tier.threshold));
  const tierThresholds: ExplanationThreshold[][] = labels.map((label) => [
    threshold(`首次${verbZh}门槛`, `first-crossing threshold`, label),
  ]);
  const tierListsZh: string[][] = [];
  const tierListsEn: string[][] = [];
  for (let from = 0; from <= count; from++) {
    tierListsZh.push([]);
    tierListsEn.push([]);
    for (let to = from; to <= count; to++) {
      const parts = tierZh.slice(from, to);
      tierListsZh[from]![to] = parts.length === 1 ? `${parts[0]}` : `${parts.join("、")}共${parts.length}档`;
      tierListsEn[from]![to] = tierEn.slice(from, to).join(", ");
    }
  }
  const tierList = (from: number, to: number) => tierListsZh[from]![to]!;
  const tierListEn = (from: number, to: number) => tierListsEn[from]![to]!;
  const paidRewardZh = tierZh.map((text) => `首次${verbZh} ${text}（`);
  const amountsZh = tiers.map((tier) => `），奖励 ${amountZh(tier.amount)}`);
  const amountsEn = tiers.map((tier) => `): reward of ${amountEn(tier.amount)}.`);
  const sameYearRuleZh = `，按参数“${sameYear === "each" ? "同年跨越多档逐档奖励" : "同年跨越多档只奖励最高档"}”`;
  const sameYearEn = ` Several tiers were first crossed that year; the same-year parameter says ${sameYear === "each" ? "each tier is paid" : "the highest tier only is paid"}.`;
  const beforeNotesZh: string[] = [""];
  const beforeNotesEn: string[] = [""];
  for (let crossed = 1; crossed <= count; crossed++) {
    beforeNotesZh.push(`（${tierList(0, crossed)}已在所列年度之前${verbZh}，不再奖励）`);
    beforeNotesEn.push(` (${tierListEn(0, crossed)} crossed before the years listed: never paid)`);
  }
  const belowNextZh = tierZh.map((text) => `，距首次${verbZh} ${text}差 `);
  const belowNextEn = tierEn.map((text) => ` short of first exceeding ${text}.`);
  const nextTierZh = tierZh.map((text) => `，距首次${verbZh} ${text}差 `);
  const nextTierEn = tierEn.map((text) => ` short of the ${text} tier.`);
  const metricZh = `年${wording.zh} `;
  const metricEn = ` ${wording.en} of `;
  const previousHighestName = `previousHighest${metric === "revenue" ? "Revenue" : "Tax"}`;
  const previousHighestZh = `此前最高${wording.zh}`;
  const previousHighestEn = `highest ${wording.en} before`;
  // Why-nots name tiers by their labels; these shared slices (labelSlices[from][to]) and the
  // index of each label let the sentence be written later from the record alone.
  const labelSlices: string[][][] = [];
  for (let from = 0; from <= count; from++) {
    labelSlices.push([]);
    for (let to = from; to <= count; to++) labelSlices[from]![to] = labels.slice(from, to);
  }
  const tierIndex = new Map(labels.map((label, index) => [label, index]));
  const indexOf = (label: string | null | undefined) => tierIndex.get(label ?? "") ?? 0;
  const fromOf = (tiers: readonly string[] | null) => (tiers && tiers.length > 0 ? indexOf(tiers[0]) : 0);
  const toOf = (tiers: readonly string[] | null) => fromOf(tiers) + (tiers?.length ?? 0);
  const whyNotWording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const y = entry.year;
      const value = entry.figure ?? 0n;
      const before = entry.tiersCrossedBefore?.length ?? 0;
      switch (entry.reason) {
        case "crossedBeforePlan": {
          const from = fromOf(entry.crossedTiers);
          const to = toOf(entry.crossedTiers);
          return zh
            ? `${y}${metricZh}${figureZh(value)}，已${verbZh} ${tierList(from, to)}，早于方案实施年度，该档不再奖励`
            : `In ${y}, before the plan years,${metricEn}${figureEn(value)} already ${verbEn} ${tierListEn(from, to)}: that tier is never paid.`;
        }
        case "sameYearLowerTier": {
          const index = indexOf(entry.subjectId);
          return zh
            ? `${y}${metricZh}${figureZh(value)}，同年首次${verbZh} ${tierList(fromOf(entry.crossedTiers), toOf(entry.crossedTiers))}；按参数“同年跨越多档只奖励最高档”，${tierZh[index]}档不奖励`
            : `In ${y}${metricEn}${figureEn(value)} first ${verbEn} several tiers at once; the same-year parameter pays the highest tier only, so the ${tierEn[index]} tier is not paid.`;
        }
        case "alreadyGranted": {
          const index = indexOf(entry.subjectId);
          return zh
            ? `${wording.zh}首次${verbZh} ${tierZh[index]} 的奖励此前已发放，不重复奖励`
            : `The reward for first exceeding ${tierEn[index]} of ${wording.en} was already granted.`;
        }
        case "allTiersCrossedBefore":
          return zh
            ? `${wording.zh}各档（${tierList(0, count)}）均已在此前${verbZh}，不再奖励`
            : `Every tier of ${wording.en} (${tierListEn(0, count)}) was crossed before: nothing left to pay.`;
        case "missingFigure": {
          const next = indexOf(entry.nearestTier);
          return zh
            ? `${meta.yearsZh}${wording.zh}数据缺失，无法判断是否首次${verbZh} ${tierZh[next]}${beforeNotesZh[before]}`
            : `${capitalize(wording.en)} is missing for ${meta.yearsEn}: cannot tell whether ${tierEn[next]} was first ${verbEn}.${beforeNotesEn[before]}`;
        }
        default: {
          // belowNextTier
          const next = indexOf(entry.nearestTier);
          const gap = entry.distance ?? 0n;
          if (gap === 0n)
            return zh
              ? `${y}${metricZh}${figureZh(value)}，恰好等于 ${tierZh[next]}，“突破”须严格超过，未奖励${beforeNotesZh[before]}`
              : `${y}${metricEn}${figureEn(value)} equals ${tierEn[next]}; the threshold must be exceeded.${beforeNotesEn[before]}`;
          return zh
            ? `${y}${metricZh}${nearZh(value, next)}${belowNextZh[next]}${figureZh(gap)}${beforeNotesZh[before]}`
            : `${y}${metricEn}${nearEn(value, next)} is ${figureEn(gap)}${belowNextEn[next]}${beforeNotesEn[before]}`;
        }
      }
    },
  };

  /** The figure as read (figureZh), exact in 元 when rounding would make it read as the tier. */
  function nearZh(value: Fen, tier: number): string {
    const shown = figureZh(value);
    return value !== thresholds[tier] && shown === tierZh[tier] ? `${groupedYuan(value)} 元` : shown;
  }

  function nearEn(value: Fen, tier: number): string {
    const shown = figureEn(value);
    return value !== thresholds[tier] && shown === tierEn[tier] ? amountEn(value) : shown;
  }

  function metricFact(run: Run, years: readonly EnterpriseYear[], index: number): ExplanationFact {
    if (isRevenue) return revenueFact(run, years, index);
    const year = years[index]!;
    return moneyFact(metric, wording.zh, wording.en, year.year, year.tax, year.sources?.tax);
  }

  const explanationWording: ExplanationWording = {
    explanation: paidExplanation,
    reads: { year: [metric], previousYear: [] },
    rebuildsFacts: true,
  };

  return {
    meta,
    needs: 0,
    explanationWording,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      const before = enterprise.before;
      const beforeMax = before === undefined ? undefined : isRevenue ? before.maxRevenue : before.maxTax;
      // Tiers [0, crossed) have been crossed already; crossing is monotone in the running maximum.
      let crossed = 0;
      if (beforeMax !== undefined)
        while (crossed < count && (strict ? beforeMax > thresholds[crossed]! : beforeMax >= thresholds[crossed]!))
          crossed++;
      const crossedByBefore = crossed;
      let highest: Fen | undefined = beforeMax;
      let highestYear: number | null = null;
      let paid = false;
      let explainedAlready = false;
      let lastPlanIndex = -1;

      for (let yearIndex = 0; yearIndex < years.length; yearIndex++) {
        const year = years[yearIndex]!;
        const value = isRevenue ? year.revenue : year.tax;
        if (value === undefined) continue;
        const inPlan = isPlanYear(run, year.year);
        if (inPlan) lastPlanIndex = yearIndex;
        let reached = crossed;
        while (reached < count && (strict ? value > thresholds[reached]! : value >= thresholds[reached]!)) reached++;
        if (reached > crossed) {
          if (!inPlan) {
            if (run.whyNots && year.year < run.startYear) {
              explainedAlready = true;
              pushNonPayment(
                run,
                meta,
                whyNotWording,
                code,
                "crossedBeforePlan",
                year.year,
                undefined,
                [metricFact(run, years, yearIndex)],
                { figure: value, crossedTiers: labelSlices[crossed]![reached]! },
              );
            }
          } else {
            for (let index = crossed; index < reached; index++) {
              const tier = tiers[index]!;
              const label = labels[index]!;
              if (sameYear === "highest" && index < reached - 1) {
                if (run.whyNots) {
                  explainedAlready = true;
                  pushNonPayment(
                    run,
                    meta,
                    whyNotWording,
                    code,
                    "sameYearLowerTier",
                    year.year,
                    label,
                    [metricFact(run, years, yearIndex)],
                    { figure: value, crossedTiers: labelSlices[crossed]![reached]! },
                  );
                }
                continue;
              }
              if (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${label}`)) {
                if (run.whyNots) {
                  explainedAlready = true;
                  pushNonPayment(run, meta, whyNotWording, code, "alreadyGranted", year.year, label, NO_FACTS);
                }
                continue;
              }
              paid = true;
              pushEntitlement(
                run,
                meta,
                KEY_TIER,
                code,
                meta.id,
                label,
                year.year,
                tier.amount,
                undefined,
                run.explain
                  ? explanationRecord(meta, explanationWording, year, null, index, reached, null, null, {
                      from: crossed,
                      highest: highest ?? null,
                      highestYear,
                    })
                  : undefined,
              );
            }
          }
          crossed = reached;
        }
        if (highest === undefined || value > highest) {
          highest = value;
          highestYear = year.year;
        }
      }

      if (paid || !run.whyNots) return;
      explainNoPayment(enterprise, years, run, lastPlanIndex, crossed, crossedByBefore, explainedAlready);
    },
  };

  /** The explanation of a tier paid, written from the record's year, tier, tiers reached and crossing when shown. */
  function paidExplanation(record: ExplanationRecord) {
    const year = record.year!;
    const index = record.band;
    const reached = record.reached;
    const { from: crossedFrom, highest: previousHighest, highestYear: previousYear } = record.crossing!;
    const value = year[metric]!;
    const label = labels[index]!;
    const valueText = formatYuan(value);
    const facts: ExplanationFact[] = [
      moneyFact(metric, wording.zh, wording.en, year.year, value, year.sources?.[metric]),
    ];
    let beforeZh = "此前无更高记录";
    let beforeEn = "no higher figure before";
    let arithmetic = `${valueText} ${symbol} ${label}`;
    if (previousHighest !== null) {
      const highestText = formatYuan(previousHighest);
      const highestFact: ExplanationFact = {
        name: previousHighestName,
        label: previousHighestZh,
        labelEn: previousHighestEn,
        year: previousYear,
        value: highestText,
      };
      facts.push(highestFact);
      beforeZh = `此前最高 ${figureZh(previousHighest)}${previousYear === null ? "，为所列年度之前" : `，为${previousYear}年`}`;
      beforeEn = `highest before ${figureEn(previousHighest)}${previousYear === null ? ", before the years listed" : `, in ${previousYear}`}`;
      arithmetic = `${arithmetic}；此前最高 ${highestText} ${notSymbol} ${label}`;
    }
    const multiple = reached - crossedFrom > 1;
    const next = reached < count ? tiers[reached]! : undefined;
    const valueZh = figureZh(value);
    const nextTier =
      next === undefined
        ? undefined
        : {
            zh: `${year.year}${metricZh}${valueZh}${nextTierZh[reached]}${figureZh(next.threshold - value)}`,
            en: `${year.year}${metricEn}${figureEn(value)} is ${figureEn(next.threshold - value)}${nextTierEn[reached]}`,
          };
    return writtenExplanation(
      meta,
      facts,
      tierThresholds[index]!,
      arithmetic,
      `${year.year}${metricZh}${nearZh(value, index)}，${paidRewardZh[index]}${beforeZh}${amountsZh[index]}${multiple ? `；同年首次${verbZh} ${tierList(crossedFrom, reached)}${sameYearRuleZh}` : ""}`,
      `In ${year.year}${metricEn}${nearEn(value, index)} ${verbEn} ${tierEn[index]} for the first time (${beforeEn}${amountsEn[index]}${multiple ? sameYearEn : ""}`,
      nextTier,
    );
  }

  function explainNoPayment(
    enterprise: EnterpriseHistory,
    years: readonly EnterpriseYear[],
    run: Run,
    lastPlanIndex: number,
    crossed: number,
    crossedByBefore: number,
    explainedAlready: boolean,
  ): void {
    const code = enterprise.creditCode;
    if (crossed >= count) {
      if (explainedAlready) return;
      pushNonPayment(run, meta, whyNotWording, code, "allTiersCrossedBefore", null, undefined, NO_FACTS);
      return;
    }
    const next = tiers[crossed]!;
    const crossedBefore = labelSlices[0]![crossedByBefore]!;
    const lastPlanYear = lastPlanIndex < 0 ? undefined : years[lastPlanIndex]!;
    const value = lastPlanYear?.[metric];
    if (lastPlanYear === undefined || value === undefined) {
      pushNonPayment(run, meta, whyNotWording, code, "missingFigure", null, undefined, NO_FACTS, {
        missing: metric,
        nearestTier: labels[crossed]!,
        tiersCrossedBefore: crossedBefore,
      });
      return;
    }
    pushNonPayment(
      run,
      meta,
      whyNotWording,
      code,
      "belowNextTier",
      lastPlanYear.year,
      undefined,
      [metricFact(run, years, lastPlanIndex)],
      {
        figure: value,
        nearestTier: labels[crossed]!,
        distance: next.threshold - value,
        tiersCrossedBefore: crossedBefore,
      },
    );
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
