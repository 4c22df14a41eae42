/**
 * The whole year from its first N months: the two simple methods every forecast must beat, and the
 * product's method, which combines what each knows. See docs/forecast.md.
 *
 * - seasonal ratio (naive): months to date ÷ the average share months 1..N carried in past years
 *   (N/12 without a past year);
 * - last year's growth: this year's months to date grown as last year grew from the same months to its
 *   end (the seasonal ratio of last year alone; the seasonal ratio when last year is not known);
 * - combined: every past year's multiplier log(year ÷ months 1..N) — last year weighing most — together
 *   with a reference seasonal profile (national by default, or the one a plan names) as one more
 *   witness; a year far from the others is named an outlier and down-weighted; a year that did not
 *   publish month N is filled in from its own published months along the reference's shape. The
 *   interval is t-based on the log scale, from the spread years show around the profile.
 */
import { remainderShape, type SeasonalProfile, type SeriesYear, yearMultiplier } from "./cumulative-series";
import { studentTQuantile } from "./stats";

export interface YearEndInput {
  throughMonth: number;
  yearToDate: number;
  /** Earlier years of the same series (any order); only their within-year ratios are used. */
  history: readonly SeriesYear[];
  /** The year being forecast (to find last year). */
  year: number;
  reference: SeasonalProfile;
  /** Interval level, default 0.8. */
  level?: number;
}

export interface YearEndEstimate {
  estimate: number;
  /** Absent for methods without an interval. */
  low?: number;
  high?: number;
  /** Past years that contributed. */
  pastYears: number;
  /** Years judged too far from the others at this month and down-weighted. */
  outlierYears: number[];
  /** True when the method could not use its own rule and fell back (e.g. no last year). */
  fellBack: boolean;
}

export interface YearEndMethod {
  id: string;
  label: string;
  forecast(input: YearEndInput): YearEndEstimate;
}

function observedShare(entry: SeriesYear, month: number): number | undefined {
  const whole = entry.cumulative.get(12);
  const part = entry.cumulative.get(month);
  return whole && part ? part / whole : undefined;
}

/** The naive baseline: the arithmetic mean of past shares at month N, or N/12 with none. */
export const seasonalRatio: YearEndMethod = {
  id: "seasonal-ratio",
  label: "季节比例 seasonal ratio (baseline)",
  forecast(input) {
    const shares = input.history
      .map((entry) => observedShare(entry, input.throughMonth))
      .filter((share): share is number => share !== undefined);
    const share = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : input.throughMonth / 12;
    return { estimate: input.yearToDate / share, pastYears: shares.length, outlierYears: [], fellBack: !shares.length };
  },
};

/** The other baseline: last year's growth from months 1..N to the year, applied to this year's months. */
export const lastYearGrowth: YearEndMethod = {
  id: "last-year-growth",
  label: "去年增长 last year's growth (baseline)",
  forecast(input) {
    const lastYear = input.history.find((entry) => entry.year === input.year - 1);
    const share = lastYear ? observedShare(lastYear, input.throughMonth) : undefined;
    if (share === undefined) return { ...seasonalRatio.forecast(input), fellBack: true };
    return { estimate: input.yearToDate / share, pastYears: 1, outlierYears: [], fellBack: false };
  },
};

/** Weight of a year k years before last year, relative to last year: recent seasonality counts most. */
const RECENCY = 0.75;
/** Weight of a year whose month N is filled in from its other months rather than published. */
const FILLED_WEIGHT = 0.5;
/** The reference profile counts as this many years. */
const REFERENCE_WEIGHT = 1;
/** The reference's spread counts as this many years' worth of evidence against a series' own. */
const PRIOR_YEARS = 4;
/** Beyond this many spreads from the centre a year is an outlier; its weight falls as (limit/distance)². */
const OUTLIER_LIMIT = 3;

interface Witness {
  year: number;
  multiplier: number;
  weight: number;
  filled: boolean;
}

function weightedMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface CombinedDetail extends YearEndEstimate {
  logMultiplier: number;
  logSd: number;
  /** Of the t quantile used for the interval. */
  degreesOfFreedom: number;
  effectiveYears: number;
  witnesses: Witness[];
}

/** The product's year-end estimate (see the module comment). */
export function combinedYearEnd(input: YearEndInput): CombinedDetail {
  const level = input.level ?? 0.8;
  const month = input.throughMonth;
  const shape = remainderShape(month);
  const referenceMultiplier = -Math.log(input.reference.shares[month - 1] as number);
  const lastYear = input.year - 1;
  const witnesses: Witness[] = [];
  for (const entry of input.history) {
    if (entry.year >= input.year) continue;
    const found = yearMultiplier(entry, month, input.reference.shares);
    if (!found) continue;
    const recency = RECENCY ** Math.max(0, lastYear - entry.year);
    witnesses.push({
      year: entry.year,
      multiplier: found.multiplier,
      weight: recency * (found.filled ? FILLED_WEIGHT : 1),
      filled: found.filled,
    });
  }
  // Outliers are judged against the reference's spread.
  const scale = input.reference.spreadScale * shape;
  const centre = weightedMedian([referenceMultiplier, ...witnesses.map((witness) => witness.multiplier)]);
  const outlierYears: number[] = [];
  for (const witness of witnesses) {
    const distance = Math.abs(witness.multiplier - centre) / scale;
    if (distance > OUTLIER_LIMIT) {
      witness.weight *= (OUTLIER_LIMIT / distance) ** 2;
      outlierYears.push(witness.year);
    }
  }
  const all = [{ multiplier: referenceMultiplier, weight: REFERENCE_WEIGHT }, ...witnesses];
  const totalWeight = all.reduce((sum, witness) => sum + witness.weight, 0);
  const logMultiplier = all.reduce((sum, witness) => sum + witness.weight * witness.multiplier, 0) / totalWeight;
  const effectiveYears = totalWeight ** 2 / all.reduce((sum, witness) => sum + witness.weight ** 2, 0);
  // The spread: the reference's, pooled with what this series' own years show (a district's few
  // enterprises vary more than the nation); the reference counts as PRIOR_YEARS years.
  const ownResiduals = witnesses
    .filter((witness) => !outlierYears.includes(witness.year) && !witness.filled)
    .map((witness) => (witness.multiplier - logMultiplier) / shape);
  // Around the combined centre, so that a district's own steady seasonality (unlike the nation's) is
  // not mistaken for year-to-year variation; one degree of freedom goes to the centre.
  const pooledScale = Math.sqrt(
    (PRIOR_YEARS * input.reference.spreadScale ** 2 + ownResiduals.reduce((sum, value) => sum + value * value, 0)) /
      (PRIOR_YEARS + Math.max(0, ownResiduals.length - 1)),
  );
  // The remainder of the year varies by the spread; the centre itself is uncertain by spread/√(effective years).
  const logSd = pooledScale * shape * Math.sqrt(1 + 1 / effectiveYears);
  // Fewer years, fewer degrees of freedom: a wider t quantile.
  const degreesOfFreedom = PRIOR_YEARS + ownResiduals.length - 1;
  const quantile = studentTQuantile((1 + level) / 2, degreesOfFreedom);
  const logEstimate = Math.log(input.yearToDate) + logMultiplier;
  return {
    estimate: Math.exp(logEstimate),
    low: Math.exp(logEstimate - quantile * logSd),
    high: Math.exp(logEstimate + quantile * logSd),
    pastYears: witnesses.length,
    outlierYears,
    fellBack: witnesses.length === 0,
    logMultiplier,
    logSd,
    degreesOfFreedom,
    effectiveYears,
    witnesses,
  };
}

export const combined: YearEndMethod = {
  id: "combined",
  label: "组合 combined (product)",
  forecast: combinedYearEnd,
};
