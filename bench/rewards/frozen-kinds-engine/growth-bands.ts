/**
 * R-GROWTH: an above-scale enterprise, not newly above-scale that year, whose revenue grew
 * over the previous year strictly above a band (超过) earns the highest band reached (依次),
 * every plan year it qualifies. Growth is compared by cross-multiplication, never division:
 * (current − previous) × denominator > numerator × previous.
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh, divideToDecimalString, formatYuan } from "@beizeng/domain/money";
import {
  fixedQuotient,
  parseRate,
  percentOf,
  rateLabel,
  ratePercent,
  tierOrdinalZh,
} from "@beizeng/domain/rewards/format";
import {
  type Comparison,
  type EnterpriseRuleEvaluator,
  explanationRecord,
  FlagFacts,
  KEY_YEAR,
  KEY_YEAR_TIER,
  moneyFact,
  NO_FACTS,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  revenueFact,
  revenueYuan,
  threshold,
  writtenExplanation,
  YearTexts,
} from "@beizeng/domain/rewards/internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplanationFact,
  ExplanationRecord,
  ExplanationWording,
  NonPaymentReason,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

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
  /** The band as a percentage with 1…4 decimals (index = decimals), as growth is written. */
  fixed: string[];
  /** The gap to the band in percentage points is (numerator × previous − diff × denominator) × gapMultiplier ÷ (gapDivisor × previous). */
  gapMultiplier: number;
  gapDivisor: number;
  /** Numerator and denominator as numbers when small enough for exact double arithmetic, else NaN. */
  numeratorNumber: number;
  denominatorNumber: number;
}

/** Written percentages of zero with 1…4 decimals. */
const ZERO_TEXTS = ["0", "0.0", "0.00", "0.000", "0.0000"];
/** |revenue| and |growth| up to 2^44 fen take the double arithmetic below (products stay under 2^53). */
const GROWTH_FAST_LIMIT = 2 ** 44;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function growthBandsRule(
  meta: RuleMeta,
  bandsInput: readonly GrowthBand[],
  options: GrowthOptions,
): EnterpriseRuleEvaluator {
  const bands: CompiledBand[] = bandsInput
    .map((band) => {
      const rate = parseRate(band.rate);
      const small = rate.numerator <= 100n && rate.denominator <= 100n;
      const denominator = Number(rate.denominator);
      const common = small ? gcd(100, denominator) : 1;
      return {
        numerator: rate.numerator,
        denominator: rate.denominator,
        amount: band.amount,
        label: rateLabel(band.rate),
        percent: ratePercent(rate),
        fixed: [1, 2, 3, 4].reduce(
          (texts, digits) => {
            texts[digits] = divideToDecimalString(rate.numerator * 100n, rate.denominator, digits);
            return texts;
          },
          [""],
        ),
        gapMultiplier: 100 / common,
        gapDivisor: denominator / common,
        numeratorNumber: small ? Number(rate.numerator) : Number.NaN,
        denominatorNumber: small ? denominator : Number.NaN,
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

  // Everything that does not depend on the enterprise, built once: per band the end of the
  // sentences (paid as the band reached, or as a lower band when each band is paid).
  const modeZh = payHighestTierOnly ? "" : "（各档分别奖励）";
  const thresholds = bands.map((item, index) =>
    threshold(`${tierOrdinalZh(index)}增幅`, `band ${index + 1} growth`, item.label),
  );
  const paidTopZh: string[] = [];
  const paidTopEn: string[] = [];
  const paidLowerZh: string[] = [];
  const paidLowerEn: string[] = [];
  const gapBeforeZh: string[] = [];
  const gapAfterEn: string[] = [];
  const numeratorTexts: string[] = [];
  const denominatorTexts: string[] = [];
  bands.forEach((band, index) => {
    const next = bands[index + 1];
    const upperZh = next ? `，${notOverZh} ${next.percent}%` : "";
    const upperEn = next ? ` and not ${overEn} ${next.percent}%` : "";
    const topZh = next ? "" : "（最高档）";
    paidTopZh.push(
      `，${overZh} ${band.percent}%${upperZh}，按${tierOrdinalZh(index)}${topZh}奖励 ${amountZh(band.amount)}${modeZh}`,
    );
    paidLowerZh.push(`，${overZh} ${band.percent}%，按${tierOrdinalZh(index)}奖励 ${amountZh(band.amount)}${modeZh}`);
    paidTopEn.push(
      ` year on year, ${overEn} ${band.percent}%${upperEn}: band ${index + 1}, reward of ${amountEn(band.amount)}.`,
    );
    paidLowerEn.push(
      ` year on year, ${overEn} ${band.percent}%: band ${index + 1}, reward of ${amountEn(band.amount)}.`,
    );
    gapBeforeZh.push(`，距 ${band.percent}% 档差 `);
    gapAfterEn.push(` percentage points short of the ${band.percent}% band.`);
    numeratorTexts.push(band.numerator.toString());
    denominatorTexts.push(band.denominator.toString());
  });
  const lowestPercent = bands[0]!.percent;
  const equalLowestZh = `，恰好等于 ${lowestPercent}%，须${overZh} ${lowestPercent}%，不奖励`;
  const grewZh = new YearTexts((y) => `${y}年营业收入同比增长 `);
  const grewEn = new YearTexts((y) => `Revenue in ${y} grew `);
  const equalLowestEn = new YearTexts(
    (y) => `Revenue in ${y} grew exactly ${lowestPercent}%; growth must be ${overEn} ${lowestPercent}%: no reward.`,
  );
  const reasonTexts: Partial<Record<NonPaymentReason, [YearTexts, YearTexts]>> = {
    aboveScaleUnknown: [
      new YearTexts((y) => `${y}年是否为规模以上工业企业未提供，无法判断`),
      new YearTexts((y) => `Whether the enterprise was above-scale in ${y} is not given.`),
    ],
    notAboveScale: [
      new YearTexts((y) => `${y}年不是规模以上工业企业，不适用营业收入增长奖励`),
      new YearTexts((y) => `Not above-scale in ${y}: the growth reward does not apply.`),
    ],
    newlyAboveScale: [
      new YearTexts((y) => `${y}年为当年新增规上企业，按“当年新增的除外”不参与增长奖励`),
      new YearTexts((y) => `Newly above-scale in ${y}: excluded from the growth reward (当年新增的除外).`),
    ],
    missingFigure: [
      new YearTexts((y) => `${y}年营业收入数据缺失，无法计算增幅`),
      new YearTexts((y) => `Revenue for ${y} is missing: growth cannot be computed.`),
    ],
    previousRevenueMissing: [
      new YearTexts((y) => `缺少${y - 1}年营业收入，无法计算${y}年同比增幅，不奖励`),
      new YearTexts((y) => `Revenue for ${y - 1} is missing: no growth for ${y} can be computed, so no reward.`),
    ],
    previousRevenueZero: [
      new YearTexts((y) => `${y - 1}年营业收入为零，无法计算${y}年同比增幅，不奖励`),
      new YearTexts((y) => `Revenue for ${y - 1} is zero: no growth for ${y} can be computed, so no reward.`),
    ],
  };
  const aboveScaleFacts = new FlagFacts("aboveScale", "规模以上工业企业", "above-scale");
  const newlyFacts = new FlagFacts("newlyAboveScale", "当年新增规上企业", "newly above-scale");
  const noYearZh = new YearTexts((y) => `缺少${y}年数据，无法判断营业收入增幅`);
  const noYearEn = new YearTexts((y) => `No figures for ${y}: revenue growth cannot be assessed.`);
  const wording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const y = entry.year ?? 0;
      switch (entry.reason) {
        case "belowLowestBand":
          return belowLowestText(y, entry.figure ?? 0n, entry.previousFigure ?? 1n, zh);
        case "alreadyGranted":
          return zh
            ? `${y}年营业收入增幅奖励此前已发放，不重复奖励`
            : `The growth reward for ${y} was already granted.`;
        default: {
          if (entry.missing === "year") return zh ? noYearZh.get(y) : noYearEn.get(y);
          const texts = reasonTexts[entry.reason];
          return texts === undefined ? "" : texts[zh ? 0 : 1].get(y);
        }
      }
    },
  };

  const explanationWording: ExplanationWording = {
    explanation: paidExplanation,
    reads: { year: ["aboveScale", "newlyAboveScale", "revenue"], previousYear: ["revenue"] },
  };

  /** Whether growth diff/previous passes the band (previous > 0). */
  function reaches(band: CompiledBand, diff: bigint, previous: bigint): boolean {
    const left = diff * band.denominator;
    const right = band.numerator * previous;
    return strict ? left > right : left >= right;
  }

  return {
    meta,
    needs: 0,
    explanationWording,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let seenYears = 0;
      for (let index = 0; index < years.length; index++) {
        const year = years[index]!;
        if (year.year < run.startYear || year.year > run.endYear) continue;
        if (run.whyNots) seenYears |= 1 << (year.year - run.startYear);
        if (requireAboveScale && year.aboveScale !== true) {
          if (run.whyNots)
            notPaid(
              run,
              code,
              year,
              year.aboveScale === undefined ? "aboveScaleUnknown" : "notAboveScale",
              aboveScaleFacts.list(year, year.aboveScale),
              year.aboveScale === undefined ? "aboveScale" : null,
            );
          continue;
        }
        if (excludeNewlyAboveScale && year.newlyAboveScale === true) {
          if (run.whyNots) notPaid(run, code, year, "newlyAboveScale", newlyFacts.list(year, true));
          continue;
        }
        const current = year.revenue;
        if (current === undefined) {
          if (run.whyNots) notPaid(run, code, year, "missingFigure", NO_FACTS, "revenue");
          continue;
        }
        const previousYear = index > 0 && years[index - 1]!.year === year.year - 1 ? years[index - 1] : undefined;
        const previous = previousYear?.revenue;
        if (previous === undefined || previous === 0n) {
          if (run.whyNots)
            notPaid(
              run,
              code,
              year,
              previous === undefined ? "previousRevenueMissing" : "previousRevenueZero",
              [
                revenueFact(run, years, index),
                moneyFact("previousRevenue", "上年营业收入", "previous year's revenue", year.year - 1, previous),
              ],
              previous === undefined ? "previousRevenue" : null,
            );
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
          if (run.whyNots) belowLowest(run, code, years, index, current, previous);
          continue;
        }
        // Yearly, not one-time: still, a year's reward granted before (a re-run) is not paid twice.
        if (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${year.year}`)) {
          if (run.whyNots) pushNonPayment(run, meta, wording, code, "alreadyGranted", year.year, undefined, NO_FACTS);
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
            run.explain ? explanationRecord(meta, explanationWording, year, previousYear!, band, reached) : undefined,
          );
        }
      }
      if (!run.whyNots) return;
      for (let planYear = run.startYear; planYear <= run.endYear; planYear++) {
        if (seenYears & (1 << (planYear - run.startYear))) continue;
        pushNonPayment(run, meta, wording, code, "missingFigure", planYear, undefined, NO_FACTS, { missing: "year" });
      }
    },
  };

  /** diff/previous as a percentage with `digits` decimals, half-up (percentOf), in doubles when exact. */
  function percentText(diff: bigint, previous: bigint, diffNumber: number, previousNumber: number, digits: number) {
    if (
      previousNumber > 0 &&
      previousNumber <= GROWTH_FAST_LIMIT &&
      diffNumber <= GROWTH_FAST_LIMIT &&
      diffNumber >= -GROWTH_FAST_LIMIT
    ) {
      const magnitude = diffNumber < 0 ? -diffNumber : diffNumber;
      if (magnitude / previousNumber < 1e9) {
        const text = fixedQuotient(magnitude * 100, previousNumber, digits);
        return diffNumber < 0 ? `-${text}` : text;
      }
    }
    return percentOf(diff, previous, digits);
  }

  /**
   * The growth as a percentage with one decimal, more when rounding would make it read as equal
   * to a band it is not equal to; beyond four decimals it says "slightly above/below" the band.
   * Sets growthZh and growthEn.
   */
  function growthText(diff: bigint, previous: bigint, diffNumber: number, previousNumber: number): void {
    for (let digits = 1; digits <= 4; digits++) {
      const shown = percentText(diff, previous, diffNumber, previousNumber, digits);
      let confused: CompiledBand | undefined;
      for (let index = 0; index < count; index++) {
        const band = bands[index]!;
        if (shown === band.fixed[digits] && diff * band.denominator !== band.numerator * previous) {
          confused = band;
          break;
        }
      }
      if (confused === undefined) {
        growthZh = `${shown}%`;
        growthEn = growthZh;
        return;
      }
      if (digits === 4) {
        const above = diff * confused.denominator > confused.numerator * previous;
        growthZh = `${shown}%（略${above ? "高" : "低"}于 ${confused.percent}%）`;
        growthEn = `${shown}% (just ${above ? "above" : "below"} ${confused.percent}%)`;
      }
    }
  }

  function previousFact(run: Run, years: readonly EnterpriseYear[], index: number): ExplanationFact {
    const previousYear = years[index - 1]!;
    const fact: ExplanationFact = {
      name: "previousRevenue",
      label: "上年营业收入",
      labelEn: "previous year's revenue",
      year: previousYear.year,
      value: revenueYuan(run, years, index - 1),
    };
    const source = previousYear.sources?.revenue;
    if (source) fact.source = source;
    return fact;
  }

  /** The explanation of a band paid, written from the record's two years when shown. */
  function paidExplanation(record: ExplanationRecord) {
    const year = record.year!;
    const previousYear = record.previousYear!;
    const current = year.revenue!;
    const previous = previousYear.revenue!;
    const diff = current - previous;
    const band = record.band;
    const reached = record.reached;
    const y = year.year;
    const diffNumber = Number(diff);
    const previousNumber = Number(previous);
    growthText(diff, previous, diffNumber, previousNumber);
    const zh = growthZh;
    const en = growthEn;
    const top = band === reached;
    const next = top ? bands[reached + 1] : undefined;
    let nextTier: { zh: string; en: string } | undefined;
    if (next !== undefined) {
      const gap = bandGap(next, diff, previous, diffNumber, previousNumber);
      nextTier = {
        zh: `${grewZh.get(y)}${zh}${gapBeforeZh[reached + 1]}${gap ?? "不足 0.0001"} 个百分点`,
        en: `${grewEn.get(y)}${en}, ${gap ?? "less than 0.0001"}${gapAfterEn[reached + 1]}`,
      };
    }
    const currentText = formatYuan(current);
    const previousText = formatYuan(previous);
    const facts: ExplanationFact[] = [
      revenueFactOf(year, "revenue", "营业收入", "revenue", currentText),
      revenueFactOf(previousYear, "previousRevenue", "上年营业收入", "previous year's revenue", previousText),
      aboveScaleFacts.get(year, year.aboveScale),
      newlyFacts.get(year, year.newlyAboveScale ?? false),
    ];
    return writtenExplanation(
      meta,
      facts,
      thresholds,
      `增幅 = (${currentText} − ${previousText}) ÷ ${previousText} ≈ ${percentText(diff, previous, diffNumber, previousNumber, 4)}%；` +
        `${formatYuan(diff)} × ${denominatorTexts[band]} ${symbol} ${numeratorTexts[band]} × ${previousText}`,
      `${grewZh.get(y)}${zh}${top ? paidTopZh[band] : paidLowerZh[band]}`,
      `${grewEn.get(y)}${en}${top ? paidTopEn[band] : paidLowerEn[band]}`,
      nextTier,
    );
  }

  /** A year's revenue as a fact, with its source label when the year has one. */
  function revenueFactOf(
    year: EnterpriseYear,
    name: string,
    label: string,
    labelEn: string,
    value: string,
  ): ExplanationFact {
    const fact: ExplanationFact = { name, label, labelEn, year: year.year, value };
    const source = year.sources?.revenue;
    if (source) fact.source = source;
    return fact;
  }

  /**
   * Percentage points from the growth diff/previous up to the band, with enough decimals to be
   * non-zero; null when under 0.0001.
   */
  function bandGap(
    band: CompiledBand,
    diff: bigint,
    previous: bigint,
    diffNumber: number,
    previousNumber: number,
  ): string | null {
    if (
      previousNumber > 0 &&
      previousNumber <= GROWTH_FAST_LIMIT &&
      diffNumber <= GROWTH_FAST_LIMIT &&
      diffNumber >= -GROWTH_FAST_LIMIT
    ) {
      // Products of numbers of at most 100 with 2^44 stay exact; NaN (large rates) fails the test.
      const points = (band.numeratorNumber * previousNumber - diffNumber * band.denominatorNumber) * band.gapMultiplier;
      const divisor = band.gapDivisor * previousNumber;
      if (points >= 0 && points <= 2 ** 52 && divisor <= 2 ** 48 && points / divisor < 1e9) {
        for (let digits = 1; digits <= 4; digits++) {
          const gap = fixedQuotient(points, divisor, digits);
          if (gap !== ZERO_TEXTS[digits]) return gap;
        }
        return null;
      }
    }
    const numerator = (band.numerator * previous - diff * band.denominator) * 100n;
    const denominator = band.denominator * previous;
    for (let digits = 1; digits <= 4; digits++) {
      const gap = divideToDecimalString(numerator, denominator, digits);
      if (/[1-9]/.test(gap)) return gap;
    }
    return null;
  }

  function notPaid(
    run: Run,
    code: string,
    year: EnterpriseYear,
    reason: NonPaymentReason,
    facts: ExplanationFact[],
    missing: string | null = null,
  ) {
    pushNonPayment(run, meta, wording, code, reason, year.year, undefined, facts, { missing });
  }

  function belowLowest(
    run: Run,
    code: string,
    years: readonly EnterpriseYear[],
    index: number,
    current: Fen,
    previous: Fen,
  ) {
    pushNonPayment(
      run,
      meta,
      wording,
      code,
      "belowLowestBand",
      years[index]!.year,
      undefined,
      [revenueFact(run, years, index), previousFact(run, years, index)],
      { figure: current, previousFigure: previous, nearestTier: bands[0]!.label },
    );
  }

  /** The sentence of a growth below the lowest band: the growth and how far it is from the band. */
  function belowLowestText(y: number, current: Fen, previous: Fen, zh: boolean): string {
    const lowest = bands[0]!;
    const diff = current - previous;
    const diffNumber = Number(diff);
    const previousNumber = Number(previous);
    growthText(diff, previous, diffNumber, previousNumber);
    if (lowest.numerator * previous === diff * lowest.denominator)
      return zh ? `${grewZh.get(y)}${growthZh}${equalLowestZh}` : equalLowestEn.get(y);
    const gap = bandGap(lowest, diff, previous, diffNumber, previousNumber);
    return zh
      ? `${grewZh.get(y)}${growthZh}${gapBeforeZh[0]}${gap ?? "不足 0.0001"} 个百分点`
      : `${grewEn.get(y)}${growthEn} year on year, ${gap ?? "less than 0.0001"}${gapAfterEn[0]}`;
  }
}

/** The growth text of the last growthText call (zh and en differ only when it is ambiguous). */
let growthZh = "";
let growthEn = "";
