/**
 * G1's deadline value: the annual revenue of above-scale enterprises (规上工业企业营业收入) in the
 * deadline year, with an interval. The running year comes from its months to date (./monthly-share);
 * later years follow the trend of the yearly totals (a random walk with drift on the log scale).
 */
import type { Fen } from "../money";
import { NoteList, type NoteMessage } from "../notes/messages";
import { indexOfSnapshot, type SnapshotIndex } from "../targets/data-index";
import type { TargetSnapshot } from "../targets/snapshot";
import { backtestAnnualFromMonths } from "./backtest";
import type { SeasonalProfile } from "./cumulative-series";
import { panelHistory } from "./district-series";
import { type AnnualEstimate, pastShares, type ShareObservation } from "./monthly-share";
import { loadNationalProfile } from "./national-profile";
import { mean, normalCdf, normalQuantile, sampleSd, studentTCdf, studentTQuantile } from "./stats";
import { combinedYearEnd } from "./year-end";

export interface RevenueForecastOptions {
  deadlineYear: number;
  /** The target, to state the probability of meeting it. */
  target?: { fen: Fen; comparison: "gt" | "gte" };
  /** Interval level, default 0.8. */
  level?: number;
  /** How many recent yearly growth rates make the trend (default 5). */
  trendYears?: number;
  /**
   * The seasonal profile standing in for years the district has no months of (default: the national
   * profile of all above-scale enterprises); a plan may name another.
   */
  seasonalProfile?: SeasonalProfile;
  /** Also backtest the method on the district's past years (`measuredError`); off by default. */
  measureError?: boolean;
  /** Spread of yearly log growth used when fewer than two growth rates are known (default 0.08). */
  priorGrowthSd?: number;
}

export interface RevenueForecast {
  deadlineYear: number;
  level: number;
  /** Rounded to the yuan. */
  estimate: Fen;
  low: Fen;
  high: Fen;
  /** Probability that the deadline value meets the target, under the model; null without a target. */
  probabilityMet: number | null;
  /** actual: the deadline year is complete; months: the deadline year is running; trend: a later year. */
  basis: "actual" | "months" | "trend";
  /** The year the forecast starts from, with its value (actual, or estimated from its months). */
  base: {
    year: number;
    value: Fen;
    fromMonths: {
      throughMonth: number;
      yearToDate: Fen;
      /** Revenue of enterprises without months to date, carried from their last annual figure. */
      carriedForward: Fen;
      pastShares: ShareObservation[];
      estimate: AnnualEstimate;
    } | null;
  } | null;
  trend: {
    history: { year: number; value: Fen }[];
    growthRates: { year: number; rate: number }[];
    /** Mean yearly log growth. */
    meanLogGrowth: number;
    logGrowthSd: number;
    sdSource: "data" | "prior";
    horizon: number;
  } | null;
  /** Missing data and defaults used, in Chinese; `noteMessages` holds them as messages, one for one. */
  notes: string[];
  noteMessages: NoteMessage[];
  /**
   * The running-year method backtested on this district's past years (each from its first N months and
   * the years before it): mean absolute percentage error (a fraction) by N; empty without monthly history
   * or when not asked for (`measureError`).
   */
  measuredError: { throughMonth: number; cases: number; meanAbsolutePercentageError: number }[];
}

/** Above-scale revenue of every complete year with a directory: the sum of annual revenue of that year's 规上 enterprises. */
export function aboveScaleRevenueHistory(
  index: SnapshotIndex,
  throughYear: number,
): { year: number; value: Fen; missing: number }[] {
  const history: { year: number; value: Fen; missing: number }[] = [];
  for (const year of index.knownYears()) {
    if (year > throughYear || !index.hasDirectory(year)) continue;
    let total = 0n;
    let missing = 0;
    for (const enterprise of index.aboveScaleIn(year)) {
      const revenue = index.annual(enterprise.id, "revenue", year);
      if (revenue === undefined) missing++;
      else total += revenue;
    }
    history.push({ year, value: total, missing });
  }
  return history;
}

const toYuan = (fen: Fen): number => Number(fen) / 100;
const toFen = (yuan: number): Fen => BigInt(Math.round(yuan)) * 100n;

/** Forecasts G1's deadline-year value with its interval. */
export function forecastAboveScaleRevenue(snapshot: TargetSnapshot, options: RevenueForecastOptions): RevenueForecast {
  const index = indexOfSnapshot(snapshot);
  const level = options.level ?? 0.8;
  const { asOf } = snapshot;
  const completeYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
  const notes = new NoteList();
  const history = aboveScaleRevenueHistory(index, completeYear);
  // The method's error on this district's own past years, month by month, to state beside the forecast.
  const measuredError = options.measureError
    ? backtestAnnualFromMonths(snapshot, {
        minPastYears: 1,
        seasonalProfile: options.seasonalProfile,
      }).byMonth.map(({ throughMonth, cases, meanAbsolutePercentageError }) => ({
        throughMonth,
        cases,
        meanAbsolutePercentageError,
      }))
    : [];
  for (const entry of history) {
    if (entry.missing > 0) notes.add("forecast.missingRevenue", { year: entry.year, count: entry.missing });
  }
  const probability = (logCenter: number, logSpread: number, df: number | null): number | null => {
    if (!options.target) return null;
    const needed = toYuan(options.target.fen) + (options.target.comparison === "gt" ? 0.01 : 0);
    if (logSpread <= 0) return Math.exp(logCenter) >= needed ? 1 : 0;
    const z = (Math.log(needed) - logCenter) / logSpread;
    return 1 - (df === null ? normalCdf(z) : studentTCdf(z, df));
  };

  const deadlineActual = history.find((entry) => entry.year === options.deadlineYear);
  if (deadlineActual && options.deadlineYear <= completeYear) {
    const value = deadlineActual.value;
    return {
      deadlineYear: options.deadlineYear,
      level,
      estimate: value,
      low: value,
      high: value,
      probabilityMet: options.target ? probability(Math.log(Math.max(toYuan(value), 1e-9)), 0, null) : null,
      basis: "actual",
      base: { year: options.deadlineYear, value, fromMonths: null },
      trend: null,
      notes: notes.notes,
      noteMessages: notes.messages,
      measuredError,
    };
  }

  // The base year: the running year estimated from its months, else the last complete year.
  let base: RevenueForecast["base"] = null;
  let baseLog = Number.NaN;
  let baseLogVariance = 0;
  let baseDf: number | null = null;
  if (asOf.month >= 1 && asOf.month < 12 && asOf.year <= options.deadlineYear) {
    const directoryYear = index.hasDirectory(asOf.year) ? asOf.year : completeYear;
    const panel = index.aboveScaleIn(directoryYear).map((enterprise) => enterprise.id);
    let yearToDate = 0n;
    let carried = 0n;
    const reporting: number[] = [];
    for (const enterpriseId of panel) {
      const toDate = index.yearToDate(enterpriseId, "revenue", asOf.year, asOf.month);
      if (toDate !== undefined) {
        yearToDate += toDate;
        reporting.push(enterpriseId);
      } else {
        const last = index.annual(enterpriseId, "revenue", completeYear);
        if (last !== undefined) carried += last;
      }
    }
    if (yearToDate > 0n) {
      const earlier = index.knownYears().filter((year) => year < asOf.year);
      const shares = pastShares(index, reporting, asOf.month, earlier);
      const combined = combinedYearEnd({
        throughMonth: asOf.month,
        yearToDate: toYuan(yearToDate),
        history: panelHistory(index, reporting, earlier),
        year: asOf.year,
        reference: options.seasonalProfile ?? loadNationalProfile(),
        level,
      });
      const estimate: AnnualEstimate = {
        estimate: combined.estimate,
        low: combined.low as number,
        high: combined.high as number,
        level,
        logMultiplier: combined.logMultiplier,
        logSd: combined.logSd,
        // "prior": fewer than two own past years, the reference profile carries the estimate.
        method: combined.pastYears - combined.outlierYears.length >= 2 ? "t" : "prior",
        degreesOfFreedom: combined.degreesOfFreedom,
        pastYears: combined.pastYears,
      };
      if (carried > 0n) notes.add("forecast.carriedForward", { amount: carried.toString() });
      if (estimate.method === "prior") notes.add("forecast.monthsPriorSpread", {});
      const value = estimate.estimate + toYuan(carried);
      base = {
        year: asOf.year,
        value: toFen(value),
        fromMonths: { throughMonth: asOf.month, yearToDate, carriedForward: carried, pastShares: shares, estimate },
      };
      // Carried-forward revenue is treated as known; the spread applies to the estimated part only.
      const scaledSd = estimate.logSd * (estimate.estimate / value);
      baseLog = Math.log(value);
      baseLogVariance = scaledSd ** 2;
      baseDf = estimate.degreesOfFreedom;
    }
  }
  if (!base) {
    const last = history.filter((entry) => entry.year <= completeYear).at(-1);
    if (!last || last.value <= 0n) {
      notes.add("forecast.noRevenue", {});
      return {
        deadlineYear: options.deadlineYear,
        level,
        estimate: 0n,
        low: 0n,
        high: 0n,
        probabilityMet: null,
        basis: "trend",
        base: null,
        trend: null,
        notes: notes.notes,
        noteMessages: notes.messages,
        measuredError,
      };
    }
    base = { year: last.year, value: last.value, fromMonths: null };
    baseLog = Math.log(toYuan(last.value));
  }

  const horizon = options.deadlineYear - base.year;
  if (horizon <= 0) {
    const estimate = base.fromMonths?.estimate;
    const quantile = quantileFor(level, baseDf);
    const spread = Math.sqrt(baseLogVariance);
    return {
      deadlineYear: options.deadlineYear,
      level,
      estimate: base.value,
      low: toFen(Math.exp(baseLog - quantile * spread)),
      high: toFen(Math.exp(baseLog + quantile * spread)),
      probabilityMet: probability(baseLog, spread, baseDf),
      basis: estimate ? "months" : "actual",
      base,
      trend: null,
      notes: notes.notes,
      noteMessages: notes.messages,
      measuredError,
    };
  }

  // The trend: recent yearly log growth of the totals (entries and exits included, as they were).
  const trendYears = options.trendYears ?? 5;
  const growthRates: { year: number; rate: number }[] = [];
  for (let i = 1; i < history.length; i++) {
    const previous = history[i - 1] as (typeof history)[number];
    const current = history[i] as (typeof history)[number];
    if (current.year === previous.year + 1 && previous.value > 0n && current.value > 0n) {
      growthRates.push({ year: current.year, rate: Math.log(toYuan(current.value) / toYuan(previous.value)) });
    }
  }
  const recent = growthRates.slice(-trendYears);
  const rates = recent.map((entry) => entry.rate);
  const meanLogGrowth = rates.length > 0 ? mean(rates) : 0;
  const fromData = rates.length >= 2;
  const logGrowthSd = fromData ? sampleSd(rates) : (options.priorGrowthSd ?? 0.08);
  if (!fromData) notes.add("forecast.trendPriorSpread", { sd: logGrowthSd });
  if (rates.length === 0) notes.add("forecast.noGrowthRates", {});
  // Random walk with drift: h yearly shocks, plus the uncertainty of the estimated drift.
  const variance =
    baseLogVariance +
    horizon * logGrowthSd ** 2 +
    (rates.length > 0 ? (horizon ** 2 * logGrowthSd ** 2) / rates.length : 0);
  const spread = Math.sqrt(variance);
  const center = baseLog + horizon * meanLogGrowth;
  const df = fromData ? rates.length - 1 : null;
  const quantile = quantileFor(level, df);
  return {
    deadlineYear: options.deadlineYear,
    level,
    estimate: toFen(Math.exp(center)),
    low: toFen(Math.exp(center - quantile * spread)),
    high: toFen(Math.exp(center + quantile * spread)),
    probabilityMet: probability(center, spread, df),
    basis: "trend",
    base,
    trend: {
      history: history.map((entry) => ({ year: entry.year, value: entry.value })),
      growthRates: recent,
      meanLogGrowth,
      logGrowthSd,
      sdSource: fromData ? "data" : "prior",
      horizon,
    },
    notes: notes.notes,
    noteMessages: notes.messages,
    measuredError,
  };
}

function quantileFor(level: number, df: number | null): number {
  const p = (1 + level) / 2;
  return df === null ? normalQuantile(p) : studentTQuantile(p, df);
}
