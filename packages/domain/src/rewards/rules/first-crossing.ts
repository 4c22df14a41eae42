/**
 * R-REV-MILESTONE / R-TAX-MILESTONE: a tier paid when the figure exceeds its threshold for
 * the first time ever (首次突破). The history counts in full: the highest figure before the
 * years listed (`before`) and every year listed, including those before the plan. A tier
 * crossed before the plan is never paid (PLAN.md §5 reading 2). Several tiers first crossed
 * in one year pay each (default) or the highest only (reading 1).
 */
import type { Fen } from "../../money";
import { formatYuan } from "../../money";
import { amountEn, amountZh, figureEn, figureNearEn, figureNearZh, figureZh, yearRangeZh } from "../format";
import {
  type Comparison,
  type EnterpriseRuleEvaluator,
  type ExplanationParts,
  isPlanYear,
  KEY_TIER,
  moneyFact,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  threshold,
} from "../internal";
import type { EnterpriseHistory, EnterpriseYear, ExplanationFact } from "../types";

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

  return {
    meta,
    needs: 0,
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
      let lastPlanYear: EnterpriseYear | undefined;

      for (const year of years) {
        const value = isRevenue ? year.revenue : year.tax;
        if (value === undefined) continue;
        const inPlan = isPlanYear(run, year.year);
        if (inPlan) lastPlanYear = year;
        let reached = crossed;
        while (reached < count && (strict ? value > thresholds[reached]! : value >= thresholds[reached]!)) reached++;
        if (reached > crossed) {
          if (!inPlan) {
            if (run.explain && year.year < run.startYear) {
              explainedAlready = true;
              pushNonPayment(run, meta, {
                creditCode: code,
                reason: "crossedBeforePlan",
                year: year.year,
                facts: [moneyFact(metric, wording.zh, wording.en, year.year, value, year.sources?.[metric])],
                zh: `${year.year}年${wording.zh} ${figureZh(value)}，已${verbZh} ${tierList(crossed, reached)}，早于方案实施年度，该档不再奖励`,
                en: `In ${year.year}, before the plan years, ${wording.en} of ${figureEn(value)} already ${verbEn} ${tierListEn(crossed, reached)}: that tier is never paid.`,
              });
            }
          } else {
            for (let index = crossed; index < reached; index++) {
              const tier = tiers[index]!;
              const label = labels[index]!;
              if (sameYear === "highest" && index < reached - 1) {
                if (run.explain) {
                  explainedAlready = true;
                  pushNonPayment(run, meta, {
                    creditCode: code,
                    reason: "sameYearLowerTier",
                    year: year.year,
                    subjectId: label,
                    facts: [moneyFact(metric, wording.zh, wording.en, year.year, value, year.sources?.[metric])],
                    zh: `${year.year}年${wording.zh} ${figureZh(value)}，同年首次${verbZh} ${tierList(crossed, reached)}；按参数“同年跨越多档只奖励最高档”，${figureZh(tier.threshold)}档不奖励`,
                    en: `In ${year.year} ${wording.en} of ${figureEn(value)} first ${verbEn} several tiers at once; the same-year parameter pays the highest tier only, so the ${figureEn(tier.threshold)} tier is not paid.`,
                  });
                }
                continue;
              }
              if (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${label}`)) {
                if (run.explain) {
                  explainedAlready = true;
                  pushNonPayment(run, meta, {
                    creditCode: code,
                    reason: "alreadyGranted",
                    year: year.year,
                    subjectId: label,
                    zh: `${wording.zh}首次${verbZh} ${figureZh(tier.threshold)} 的奖励此前已发放，不重复奖励`,
                    en: `The reward for first exceeding ${figureEn(tier.threshold)} of ${wording.en} was already granted.`,
                  });
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
                run.explain ? paidExplanation(year, value, index, highest, highestYear, crossed, reached) : undefined,
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

      if (paid || !run.explain) return;
      explainNoPayment(enterprise, run, lastPlanYear, crossed, crossedByBefore, explainedAlready);
    },
  };

  function paidExplanation(
    year: EnterpriseYear,
    value: Fen,
    index: number,
    previousHighest: Fen | undefined,
    previousYear: number | null,
    crossedFrom: number,
    reached: number,
  ): ExplanationParts {
    const tier = tiers[index]!;
    const label = labels[index]!;
    const facts: ExplanationFact[] = [
      moneyFact(metric, wording.zh, wording.en, year.year, value, year.sources?.[metric]),
    ];
    if (previousHighest !== undefined)
      facts.push(
        moneyFact(
          `previousHighest${metric === "revenue" ? "Revenue" : "Tax"}`,
          `此前最高${wording.zh}`,
          `highest ${wording.en} before`,
          previousYear,
          previousHighest,
        ),
      );
    const before =
      previousHighest === undefined
        ? "此前无更高记录"
        : `此前最高 ${figureZh(previousHighest)}${previousYear === null ? "，为所列年度之前" : `，为${previousYear}年`}`;
    const beforeEn =
      previousHighest === undefined
        ? "no higher figure before"
        : `highest before ${figureEn(previousHighest)}${previousYear === null ? ", before the years listed" : `, in ${previousYear}`}`;
    const multiple = reached - crossedFrom > 1;
    const sameYearZh = multiple
      ? `；同年首次${verbZh} ${tierList(crossedFrom, reached)}，按参数“${sameYear === "each" ? "同年跨越多档逐档奖励" : "同年跨越多档只奖励最高档"}”`
      : "";
    const sameYearEn = multiple
      ? ` Several tiers were first crossed that year; the same-year parameter says ${sameYear === "each" ? "each tier is paid" : "the highest tier only is paid"}.`
      : "";
    const next = reached < count ? tiers[reached]! : undefined;
    const nextTier = next && {
      zh: `${year.year}年${wording.zh} ${figureZh(value)}，距首次${verbZh} ${figureZh(next.threshold)}差 ${figureZh(next.threshold - value)}`,
      en: `${year.year} ${wording.en} of ${figureEn(value)} is ${figureEn(next.threshold - value)} short of the ${figureEn(next.threshold)} tier.`,
    };
    return {
      nextTier,
      facts,
      thresholds: [threshold(`首次${verbZh}门槛`, `first-crossing threshold`, label)],
      arithmetic:
        `${formatYuan(value)} ${symbol} ${label}` +
        (previousHighest === undefined ? "" : `；此前最高 ${formatYuan(previousHighest)} ${notSymbol} ${label}`),
      zh: `${year.year}年${wording.zh} ${figureNearZh(value, tier.threshold)}，首次${verbZh} ${figureZh(tier.threshold)}（${before}），奖励 ${amountZh(tier.amount)}${sameYearZh}`,
      en: `In ${year.year} ${wording.en} of ${figureNearEn(value, tier.threshold)} ${verbEn} ${figureEn(tier.threshold)} for the first time (${beforeEn}): reward of ${amountEn(tier.amount)}.${sameYearEn}`,
    };
  }

  function tierList(from: number, to: number): string {
    const parts: string[] = [];
    for (let index = from; index < to; index++) parts.push(figureZh(tiers[index]!.threshold));
    return parts.length === 1 ? `${parts[0]}` : `${parts.join("、")}共${parts.length}档`;
  }

  function tierListEn(from: number, to: number): string {
    const parts: string[] = [];
    for (let index = from; index < to; index++) parts.push(figureEn(tiers[index]!.threshold));
    return parts.join(", ");
  }

  function explainNoPayment(
    enterprise: EnterpriseHistory,
    run: Run,
    lastPlanYear: EnterpriseYear | undefined,
    crossed: number,
    crossedByBefore: number,
    explainedAlready: boolean,
  ): void {
    const code = enterprise.creditCode;
    const beforeNote =
      crossedByBefore > 0 ? `（${tierList(0, crossedByBefore)}已在所列年度之前${verbZh}，不再奖励）` : "";
    const beforeNoteEn =
      crossedByBefore > 0 ? ` (${tierListEn(0, crossedByBefore)} crossed before the years listed: never paid)` : "";
    if (crossed >= count) {
      if (explainedAlready) return;
      pushNonPayment(run, meta, {
        creditCode: code,
        reason: "allTiersCrossedBefore",
        year: null,
        zh: `${wording.zh}各档（${tierList(0, count)}）均已在此前${verbZh}，不再奖励`,
        en: `Every tier of ${wording.en} (${tierListEn(0, count)}) was crossed before: nothing left to pay.`,
      });
      return;
    }
    const next = tiers[crossed]!;
    const value = lastPlanYear?.[metric];
    if (lastPlanYear === undefined || value === undefined) {
      pushNonPayment(run, meta, {
        creditCode: code,
        reason: "missingFigure",
        year: null,
        zh: `${yearRangeZh(run.startYear, run.endYear)}${wording.zh}数据缺失，无法判断是否首次${verbZh} ${figureZh(next.threshold)}${beforeNote}`,
        en: `${capitalize(wording.en)} is missing for ${run.startYear}–${run.endYear}: cannot tell whether ${figureEn(next.threshold)} was first ${verbEn}.${beforeNoteEn}`,
      });
      return;
    }
    const gap = next.threshold - value;
    const facts = [moneyFact(metric, wording.zh, wording.en, lastPlanYear.year, value, lastPlanYear.sources?.[metric])];
    pushNonPayment(run, meta, {
      creditCode: code,
      reason: "belowNextTier",
      year: lastPlanYear.year,
      facts,
      zh:
        gap === 0n
          ? `${lastPlanYear.year}年${wording.zh} ${figureZh(value)}，恰好等于 ${figureZh(next.threshold)}，“突破”须严格超过，未奖励${beforeNote}`
          : `${lastPlanYear.year}年${wording.zh} ${figureNearZh(value, next.threshold)}，距首次${verbZh} ${figureZh(next.threshold)}差 ${figureZh(gap)}${beforeNote}`,
      en:
        gap === 0n
          ? `${lastPlanYear.year} ${wording.en} of ${figureEn(value)} equals ${figureEn(next.threshold)}; the threshold must be exceeded.${beforeNoteEn}`
          : `${lastPlanYear.year} ${wording.en} of ${figureNearEn(value, next.threshold)} is ${figureEn(gap)} short of first exceeding ${figureEn(next.threshold)}.${beforeNoteEn}`,
    });
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
