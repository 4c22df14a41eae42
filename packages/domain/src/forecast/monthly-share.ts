/**
 * From the first N months of a year to the whole year: the months 1..N usually carry a share of the
 * annual revenue (seasonality, and the year-end rush of Chinese industrial reporting); that share is
 * learnt from earlier years of the same enterprises, and the running year's months to date are
 * scaled up by it. See docs/forecast.md.
 */
import type { SnapshotIndex } from "../targets/data-index";
import { mean, normalQuantile, sampleSd, studentTQuantile } from "./stats";

export interface ShareObservation {
  year: number;
  /** Σ months 1..N ÷ Σ annual, over the panel's enterprises that reported every month of that year. */
  share: number;
  enterprises: number;
}

/**
 * The share of annual revenue that months 1..throughMonth carried in each of `years`, aggregated
 * over the panel (revenue-weighted: big enterprises weigh most, as they do in the total).
 */
export function pastShares(
  index: SnapshotIndex,
  panel: readonly number[],
  throughMonth: number,
  years: readonly number[],
  metric = "revenue",
): ShareObservation[] {
  const observations: ShareObservation[] = [];
  for (const year of years) {
    let part = 0n;
    let whole = 0n;
    let enterprises = 0;
    for (const enterpriseId of panel) {
      const toDate = index.yearToDate(enterpriseId, metric, year, throughMonth);
      const annual = index.annual(enterpriseId, metric, year);
      // Only enterprises that reported every month: a gap would look like a seasonal dip.
      if (toDate === undefined || annual === undefined || !index.hasAllMonths(enterpriseId, metric, year)) continue;
      part += toDate;
      whole += annual;
      enterprises++;
    }
    if (whole > 0n && part > 0n) observations.push({ year, share: Number(part) / Number(whole), enterprises });
  }
  return observations;
}

export interface AnnualEstimate {
  /** Point estimate of the whole year, in the unit of yearToDate. */
  estimate: number;
  low: number;
  high: number;
  level: number;
  /** Mean and spread of log(1 / share): the log multiplier from months to date to the year. */
  logMultiplier: number;
  /** Standard deviation of the log of the estimate (prediction, not just the mean). */
  logSd: number;
  /** "t": t-based interval from past shares; "prior": fewer than two past years, a stated default spread. */
  method: "t" | "prior";
  degreesOfFreedom: number | null;
  pastYears: number;
}

/**
 * A default spread (sd of the log multiplier) for when fewer than two past years are known: wide
 * early in the year, narrow late. Chosen generously; the backtest shows how it compares.
 */
export function priorLogSd(throughMonth: number): number {
  return 0.08 * Math.sqrt((12 - throughMonth) / throughMonth) + 0.01;
}

/**
 * Scales months to date up to the year. With k ≥ 2 past shares the interval is the t prediction
 * interval of log(1/share): mean ± t(k−1) · sd · √(1 + 1/k); with fewer, the prior spread and
 * the normal quantile. The interval is symmetric on the log scale, so skewed upward in money.
 */
export function estimateAnnualFromMonths(input: {
  yearToDate: number;
  shares: readonly number[];
  throughMonth: number;
  level?: number;
}): AnnualEstimate {
  const level = input.level ?? 0.8;
  if (input.throughMonth >= 12) {
    return {
      estimate: input.yearToDate,
      low: input.yearToDate,
      high: input.yearToDate,
      level,
      logMultiplier: 0,
      logSd: 0,
      method: "t",
      degreesOfFreedom: null,
      pastYears: input.shares.length,
    };
  }
  const multipliers = input.shares.filter((share) => share > 0).map((share) => -Math.log(share));
  const k = multipliers.length;
  let center: number;
  let spread: number;
  let quantile: number;
  let method: AnnualEstimate["method"];
  let degreesOfFreedom: number | null = null;
  if (k >= 2) {
    center = mean(multipliers);
    spread = sampleSd(multipliers) * Math.sqrt(1 + 1 / k);
    degreesOfFreedom = k - 1;
    quantile = studentTQuantile((1 + level) / 2, degreesOfFreedom);
    method = "t";
  } else {
    center = k === 1 ? (multipliers[0] as number) : Math.log(12 / input.throughMonth);
    spread = priorLogSd(input.throughMonth);
    quantile = normalQuantile((1 + level) / 2);
    method = "prior";
  }
  const logEstimate = Math.log(Math.max(input.yearToDate, Number.MIN_VALUE)) + center;
  return {
    estimate: input.yearToDate > 0 ? Math.exp(logEstimate) : 0,
    low: input.yearToDate > 0 ? Math.exp(logEstimate - quantile * spread) : 0,
    high: input.yearToDate > 0 ? Math.exp(logEstimate + quantile * spread) : 0,
    level,
    logMultiplier: center,
    logSd: spread,
    method,
    degreesOfFreedom,
    pastYears: k,
  };
}
