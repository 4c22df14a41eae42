/**
 * How well does "the first N months → the year" work on this district's own history? Each past
 * year is forecast from its first N months (N = 1..11) by the product's method (./year-end,
 * combined) using only the years before it and the reference profile, and the
 * forecast is compared with the year's actual total: the mean absolute percentage error and how
 * often the interval held the truth.
 */
import { indexOfSnapshot } from "../targets/data-index";
import type { TargetSnapshot } from "../targets/snapshot";
import type { SeasonalProfile } from "./cumulative-series";
import { panelHistory } from "./district-series";
import { loadNationalProfile } from "./national-profile";
import { combinedYearEnd } from "./year-end";

export interface BacktestCase {
  year: number;
  throughMonth: number;
  actual: number;
  estimate: number;
  low: number;
  high: number;
  covered: boolean;
  absolutePercentageError: number;
  method: "t" | "prior";
}

export interface BacktestSummary {
  throughMonth: number;
  cases: number;
  /** Mean absolute percentage error, as a fraction (0.03 = 3 %). */
  meanAbsolutePercentageError: number;
  /** Share of cases whose interval held the actual total. */
  coverage: number;
  /** Mean interval width relative to the actual total. */
  meanRelativeWidth: number;
}

export interface BacktestResult {
  level: number;
  metric: string;
  cases: BacktestCase[];
  byMonth: BacktestSummary[];
  overall: { cases: number; coverage: number; meanAbsolutePercentageError: number };
}

export interface BacktestOptions {
  metric?: string;
  level?: number;
  /** The profile for months a panel has no history of (default: national). */
  seasonalProfile?: SeasonalProfile;
  /** Past years needed before a year is tested (default 2). */
  minPastYears?: number;
}

/**
 * Backtests the monthly-share estimate of the annual total of above-scale enterprises (all
 * enterprises when there is no directory), year by year and month by month.
 */
export function backtestAnnualFromMonths(snapshot: TargetSnapshot, options: BacktestOptions = {}): BacktestResult {
  const index = indexOfSnapshot(snapshot);
  const metric = options.metric ?? "revenue";
  const level = options.level ?? 0.8;
  const minPastYears = options.minPastYears ?? 2;
  const reference = options.seasonalProfile ?? loadNationalProfile();
  const { asOf } = snapshot;
  const completeYear = asOf.month >= 12 ? asOf.year : asOf.year - 1;
  const years = index.knownYears().filter((year) => year <= completeYear);
  const cases: BacktestCase[] = [];
  for (const year of years) {
    const members = index.hasDirectory(year)
      ? index.aboveScaleIn(year)
      : (snapshot.enterprises as TargetSnapshot["enterprises"]);
    const panel = members
      .map((enterprise) => enterprise.id)
      .filter((id) => index.hasAllMonths(id, metric, year) && index.annual(id, metric, year) !== undefined);
    if (panel.length === 0) continue;
    let actualFen = 0n;
    for (const id of panel) actualFen += index.annual(id, metric, year) as bigint;
    const actual = Number(actualFen) / 100;
    if (actual <= 0) continue;
    const earlier = years.filter((candidate) => candidate < year);
    const history = panelHistory(index, panel, earlier, metric);
    if (history.length < minPastYears) continue;
    // The panel's month totals once (every member has all twelve), their running sums then: exact in fen either way.
    const monthTotals = new Array<bigint>(13).fill(0n);
    for (const id of panel) {
      const slots = index.slotsIn(id, metric, year) as readonly (bigint | undefined)[];
      for (let month = 1; month <= 12; month++)
        monthTotals[month] = (monthTotals[month] as bigint) + (slots[month] as bigint);
    }
    let toDate = 0n;
    for (let throughMonth = 1; throughMonth <= 11; throughMonth++) {
      toDate += monthTotals[throughMonth] as bigint;
      const estimate = combinedYearEnd({
        throughMonth,
        yearToDate: Number(toDate) / 100,
        history,
        year,
        reference,
        level,
      });
      cases.push({
        year,
        throughMonth,
        actual,
        estimate: estimate.estimate,
        low: estimate.low as number,
        high: estimate.high as number,
        covered: (estimate.low as number) <= actual && actual <= (estimate.high as number),
        absolutePercentageError: Math.abs(estimate.estimate - actual) / actual,
        method: history.length - estimate.outlierYears.length >= 2 ? "t" : "prior",
      });
    }
  }
  const byMonth: BacktestSummary[] = [];
  for (let throughMonth = 1; throughMonth <= 11; throughMonth++) {
    const own = cases.filter((entry) => entry.throughMonth === throughMonth);
    if (own.length === 0) continue;
    byMonth.push({
      throughMonth,
      cases: own.length,
      meanAbsolutePercentageError: average(own.map((entry) => entry.absolutePercentageError)),
      coverage: own.filter((entry) => entry.covered).length / own.length,
      meanRelativeWidth: average(own.map((entry) => (entry.high - entry.low) / entry.actual)),
    });
  }
  return {
    level,
    metric,
    cases,
    byMonth,
    overall: {
      cases: cases.length,
      coverage: cases.length ? cases.filter((entry) => entry.covered).length / cases.length : Number.NaN,
      meanAbsolutePercentageError: average(cases.map((entry) => entry.absolutePercentageError)),
    },
  };
}

function average(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

/** The backtest as a plain-text table, one row per N (for the CLI and the test log). */
export function formatBacktest(result: BacktestResult): string {
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`.padStart(9);
  const lines = [
    `回测 backtest: ${result.metric}, ${Math.round(result.level * 100)}% interval`,
    "   N  cases      MAPE  coverage     width",
  ];
  for (const row of result.byMonth) {
    lines.push(
      `${String(row.throughMonth).padStart(4)}${String(row.cases).padStart(7)} ${percent(row.meanAbsolutePercentageError)} ${percent(row.coverage)} ${percent(row.meanRelativeWidth)}`,
    );
  }
  lines.push(
    ` all${String(result.overall.cases).padStart(7)} ${percent(result.overall.meanAbsolutePercentageError)} ${percent(result.overall.coverage)}`,
  );
  return lines.join("\n");
}
