/**
 * R-GROWTH: an above-scale enterprise, not newly above-scale that year, whose revenue grew
 * over the previous year strictly above a band (超过) earns the highest band reached (依次),
 * every plan year it qualifies. Growth is compared by cross-multiplication, never division:
 * (current − previous) × denominator > numerator × previous.
 */
import type { Fen } from "../../money";
import { divideToDecimalString, formatYuan } from "../../money";
import { amountEn, amountZh, parseRate, percentOf, rateLabel, ratePercent, tierOrdinalZh } from "../format";
import {
  type Comparison,
  type EnterpriseRuleEvaluator,
  flagFact,
  KEY_YEAR,
  KEY_YEAR_TIER,
  moneyFact,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  threshold,
} from "../internal";
import type { EnterpriseHistory, EnterpriseYear, ExplanationFact, NonPaymentReason } from "../types";

export interface GrowthBand {
  rate: string;
  amount: Fen;
}

export interface GrowthOptions {
  comparison: Comparison;
  requireAboveScale: boolean;
  excludeNewlyAboveScale: boolean;
  payHighestTierOnly: boolean;
}

interface CompiledBand {
  numerator: bigint;
  denominator: bigint;
  amount: Fen;
  label: string;
  percent: string;
}

export function growthBandsRule(
  meta: RuleMeta,
  bandsInput: readonly GrowthBand[],
  options: GrowthOptions,
): EnterpriseRuleEvaluator {
  const bands: CompiledBand[] = bandsInput
    .map((band) => {
      const rate = parseRate(band.rate);
      return {
        numerator: rate.numerator,
        denominator: rate.denominator,
        amount: band.amount,
        label: rateLabel(band.rate),
        percent: ratePercent(rate),
      };
    })
    .sort((a, b) => {
      const left = a.numerator * b.denominator;
      const right = b.numerator * a.denominator;
      return left < right ? -1 : left > right ? 1 : 0;
    });
  const count = bands.length;
  const numerators = bands.map((band) => band.numerator);
  const commonDenominator = bands.every((band) => band.denominator === bands[0]!.denominator)
    ? bands[0]!.denominator
    : undefined;
  const { comparison, requireAboveScale, excludeNewlyAboveScale, payHighestTierOnly } = options;
  const strict = comparison === "gt";
  const overZh = strict ? "超过" : "达到";
  const notOverZh = strict ? "未超过" : "未达到";
  const overEn = strict ? "above" : "at least";
  const symbol = strict ? ">" : "≥";

  /** Whether growth diff/previous passes the band (previous > 0). */
  function reaches(band: CompiledBand, diff: bigint, previous: bigint): boolean {
    const left = diff * band.denominator;
    const right = band.numerator * previous;
    return strict ? left > right : left >= right;
  }

  return {
    meta,
    needs: 0,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let seenYears = 0;
      for (let index = 0; index < years.length; index++) {
        const year = years[index]!;
        if (year.year < run.startYear || year.year > run.endYear) continue;
        if (run.explain) seenYears |= 1 << (year.year - run.startYear);
        if (requireAboveScale && year.aboveScale !== true) {
          if (run.explain)
            notPaid(run, code, year, year.aboveScale === undefined ? "aboveScaleUnknown" : "notAboveScale", [
              flagFact("aboveScale", "规模以上工业企业", "above-scale", year, year.aboveScale),
            ]);
          continue;
        }
        if (excludeNewlyAboveScale && year.newlyAboveScale === true) {
          if (run.explain)
            notPaid(run, code, year, "newlyAboveScale", [
              flagFact("newlyAboveScale", "当年新增规上企业", "newly above-scale", year, true),
            ]);
          continue;
        }
        const current = year.revenue;
        if (current === undefined) {
          if (run.explain) notPaid(run, code, year, "missingFigure", []);
          continue;
        }
        const previousYear = index > 0 && years[index - 1]!.year === year.year - 1 ? years[index - 1] : undefined;
        const previous = previousYear?.revenue;
        if (previous === undefined || previous === 0n) {
          if (run.explain)
            notPaid(run, code, year, previous === undefined ? "previousRevenueMissing" : "previousRevenueZero", [
              moneyFact("revenue", "营业收入", "revenue", year.year, current, year.sources?.revenue),
              moneyFact("previousRevenue", "上年营业收入", "previous year's revenue", year.year - 1, previous),
            ]);
          continue;
        }
        const diff = current - previous;
        let reached = -1;
        if (commonDenominator !== undefined) {
          // Bands written with the same number of decimals share a denominator: one product fewer per band.
          const left = diff * commonDenominator;
          for (let band = count - 1; band >= 0; band--) {
            const right = numerators[band]! * previous;
            if (strict ? left > right : left >= right) {
              reached = band;
              break;
            }
          }
        } else {
          for (let band = count - 1; band >= 0; band--) {
            if (reaches(bands[band]!, diff, previous)) {
              reached = band;
              break;
            }
          }
        }
        if (reached < 0) {
          if (run.explain) belowLowest(run, code, year, current, previous, previousYear!);
          continue;
        }
        // Yearly, not one-time: still, a year's reward granted before (a re-run) is not paid twice.
        if (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${year.year}`)) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: "alreadyGranted",
              year: year.year,
              zh: `${year.year}年营业收入增幅奖励此前已发放，不重复奖励`,
              en: `The growth reward for ${year.year} was already granted.`,
            });
          continue;
        }
        const from = payHighestTierOnly ? reached : 0;
        for (let band = from; band <= reached; band++) {
          const paidBand = bands[band]!;
          pushEntitlement(
            run,
            meta,
            payHighestTierOnly ? KEY_YEAR : KEY_YEAR_TIER,
            code,
            meta.id,
            paidBand.label,
            year.year,
            paidBand.amount,
            undefined,
            run.explain ? paidExplanation(year, previousYear!, current, previous, diff, band, reached) : undefined,
          );
        }
      }
      if (!run.explain) return;
      for (let planYear = run.startYear; planYear <= run.endYear; planYear++) {
        if (seenYears & (1 << (planYear - run.startYear))) continue;
        pushNonPayment(run, meta, {
          creditCode: code,
          reason: "missingFigure",
          year: planYear,
          zh: `缺少${planYear}年数据，无法判断营业收入增幅`,
          en: `No figures for ${planYear}: revenue growth cannot be assessed.`,
        });
      }
    },
  };

  /**
   * The growth as a percentage with one decimal, more when rounding would make it read as equal
   * to a band it is not equal to; beyond four decimals it says "slightly above/below" the band.
   */
  function growthText(diff: bigint, previous: bigint): { zh: string; en: string } {
    let shown = "";
    for (let digits = 1; digits <= 4; digits++) {
      shown = percentOf(diff, previous, digits);
      const confused = bands.find(
        (band) =>
          diff * band.denominator !== band.numerator * previous &&
          shown === divideToDecimalString(band.numerator * 100n, band.denominator, digits),
      );
      if (!confused) return { zh: `${shown}%`, en: `${shown}%` };
      if (digits === 4) {
        const above = diff * confused.denominator > confused.numerator * previous;
        return {
          zh: `${shown}%（略${above ? "高" : "低"}于 ${confused.percent}%）`,
          en: `${shown}% (just ${above ? "above" : "below"} ${confused.percent}%)`,
        };
      }
    }
    return { zh: `${shown}%`, en: `${shown}%` };
  }

  function paidExplanation(
    year: EnterpriseYear,
    previousYear: EnterpriseYear,
    current: Fen,
    previous: Fen,
    diff: bigint,
    band: number,
    reached: number,
  ) {
    const paidBand = bands[band]!;
    const growth = growthText(diff, previous);
    const next = bands[reached + 1];
    const upperZh = next ? `，${notOverZh} ${next.percent}%` : "";
    const upperEn = next ? ` and not ${overEn} ${next.percent}%` : "";
    const topZh = next ? "" : "（最高档）";
    const modeZh = payHighestTierOnly ? "" : "（各档分别奖励）";
    const nextTier = next
      ? {
          zh: `${year.year}年营业收入同比增长 ${growth.zh}，距 ${next.percent}% 档差 ${bandGap(next, diff, previous).zh} 个百分点`,
          en: `Revenue in ${year.year} grew ${growth.en}, ${bandGap(next, diff, previous).en} percentage points short of the ${next.percent}% band.`,
        }
      : undefined;
    const facts: ExplanationFact[] = [
      moneyFact("revenue", "营业收入", "revenue", year.year, current, year.sources?.revenue),
      moneyFact(
        "previousRevenue",
        "上年营业收入",
        "previous year's revenue",
        previousYear.year,
        previous,
        previousYear.sources?.revenue,
      ),
      flagFact("aboveScale", "规模以上工业企业", "above-scale", year, year.aboveScale),
      flagFact("newlyAboveScale", "当年新增规上企业", "newly above-scale", year, year.newlyAboveScale ?? false),
    ];
    return {
      facts,
      thresholds: bands.map((item, index) =>
        threshold(`${tierOrdinalZh(index)}增幅`, `band ${index + 1} growth`, item.label),
      ),
      arithmetic:
        `增幅 = (${formatYuan(current)} − ${formatYuan(previous)}) ÷ ${formatYuan(previous)} ≈ ${percentOf(diff, previous, 4)}%；` +
        `${formatYuan(diff)} × ${paidBand.denominator} ${symbol} ${paidBand.numerator} × ${formatYuan(previous)}`,
      zh: `${year.year}年营业收入同比增长 ${growth.zh}，${overZh} ${paidBand.percent}%${band === reached ? upperZh : ""}，按${tierOrdinalZh(band)}${band === reached ? topZh : ""}奖励 ${amountZh(paidBand.amount)}${modeZh}`,
      en: `Revenue in ${year.year} grew ${growth.en} year on year, ${overEn} ${paidBand.percent}%${band === reached ? upperEn : ""}: band ${band + 1}, reward of ${amountEn(paidBand.amount)}.`,
      nextTier: band === reached ? nextTier : undefined,
    };
  }

  /** Percentage points from the growth diff/previous up to the band, with enough decimals to be non-zero. */
  function bandGap(band: CompiledBand, diff: bigint, previous: bigint): { zh: string; en: string } {
    const numerator = (band.numerator * previous - diff * band.denominator) * 100n;
    const denominator = band.denominator * previous;
    for (let digits = 1; digits <= 4; digits++) {
      const gap = divideToDecimalString(numerator, denominator, digits);
      if (/[1-9]/.test(gap)) return { zh: gap, en: gap };
    }
    return { zh: "不足 0.0001", en: "less than 0.0001" };
  }

  function notPaid(run: Run, code: string, year: EnterpriseYear, reason: NonPaymentReason, facts: ExplanationFact[]) {
    const y = year.year;
    const text: Record<string, [string, string]> = {
      aboveScaleUnknown: [
        `${y}年是否为规模以上工业企业未提供，无法判断`,
        `Whether the enterprise was above-scale in ${y} is not given.`,
      ],
      notAboveScale: [
        `${y}年不是规模以上工业企业，不适用营业收入增长奖励`,
        `Not above-scale in ${y}: the growth reward does not apply.`,
      ],
      newlyAboveScale: [
        `${y}年为当年新增规上企业，按“当年新增的除外”不参与增长奖励`,
        `Newly above-scale in ${y}: excluded from the growth reward (当年新增的除外).`,
      ],
      missingFigure: [
        `${y}年营业收入数据缺失，无法计算增幅`,
        `Revenue for ${y} is missing: growth cannot be computed.`,
      ],
      previousRevenueMissing: [
        `缺少${y - 1}年营业收入，无法计算${y}年同比增幅，不奖励`,
        `Revenue for ${y - 1} is missing: no growth for ${y} can be computed, so no reward.`,
      ],
      previousRevenueZero: [
        `${y - 1}年营业收入为零，无法计算${y}年同比增幅，不奖励`,
        `Revenue for ${y - 1} is zero: no growth for ${y} can be computed, so no reward.`,
      ],
    };
    const [zh, en] = text[reason] ?? ["", ""];
    pushNonPayment(run, meta, { creditCode: code, reason, year: y, facts, zh, en });
  }

  function belowLowest(
    run: Run,
    code: string,
    year: EnterpriseYear,
    current: Fen,
    previous: Fen,
    previousYear: EnterpriseYear,
  ) {
    const lowest = bands[0]!;
    const diff = current - previous;
    const growth = growthText(diff, previous);
    const gap = bandGap(lowest, diff, previous);
    const equal = lowest.numerator * previous === diff * lowest.denominator;
    pushNonPayment(run, meta, {
      creditCode: code,
      reason: "belowLowestBand",
      year: year.year,
      facts: [
        moneyFact("revenue", "营业收入", "revenue", year.year, current, year.sources?.revenue),
        moneyFact(
          "previousRevenue",
          "上年营业收入",
          "previous year's revenue",
          previousYear.year,
          previous,
          previousYear.sources?.revenue,
        ),
      ],
      zh: equal
        ? `${year.year}年营业收入同比增长 ${growth.zh}，恰好等于 ${lowest.percent}%，须${overZh} ${lowest.percent}%，不奖励`
        : `${year.year}年营业收入同比增长 ${growth.zh}，距 ${lowest.percent}% 档差 ${gap.zh} 个百分点`,
      en: equal
        ? `Revenue in ${year.year} grew exactly ${lowest.percent}%; growth must be ${overEn} ${lowest.percent}%: no reward.`
        : `Revenue in ${year.year} grew ${growth.en} year on year, ${gap.en} percentage points short of the ${lowest.percent}% band.`,
    });
  }
}
