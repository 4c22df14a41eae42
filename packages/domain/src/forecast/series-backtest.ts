/**
 * Backtest of year-end methods on published series: every (year, N) whose months 1..N and whole year
 * are both published, N = 2..11, is forecast by every method from that year's months 1..N and the
 * series' earlier years only; the reference profile never contains the year being forecast
 * (leave-one-year-out), so no case helps predict itself.
 */
import type { CumulativeSeries, SeasonalProfile, SeriesYear } from "./cumulative-series";
import { estimateAnnualFromMonths } from "./monthly-share";
import type { YearEndEstimate, YearEndInput, YearEndMethod } from "./year-end";

export interface SeriesBacktestRow {
  series: string;
  year: number;
  throughMonth: number;
  actual: number;
  method: string;
  estimate: number;
  low?: number;
  high?: number;
  pastYears: number;
  outlierYears: number[];
  fellBack: boolean;
}

/** The forecast before this method existed: log-mean of past shares, t interval or a prior spread. */
export const previousMethod: YearEndMethod = {
  id: "previous",
  label: "原方法 previous (log mean of shares)",
  forecast(input: YearEndInput): YearEndEstimate {
    const shares = input.history
      .map((entry) => {
        const whole = entry.cumulative.get(12);
        const part = entry.cumulative.get(input.throughMonth);
        return whole && part ? part / whole : undefined;
      })
      .filter((share): share is number => share !== undefined);
    const result = estimateAnnualFromMonths({
      yearToDate: input.yearToDate,
      shares,
      throughMonth: input.throughMonth,
      level: input.level,
    });
    return {
      estimate: result.estimate,
      low: result.low,
      high: result.high,
      pastYears: shares.length,
      outlierYears: [],
      fellBack: shares.length === 0,
    };
  },
};

export interface SeriesBacktestOptions {
  methods: readonly YearEndMethod[];
  /** The reference profile for forecasting `year` of `series`; it must not contain that year. */
  referenceFor: (series: CumulativeSeries, year: number) => SeasonalProfile;
  months?: readonly number[];
  level?: number;
}

export function backtestSeries(
  seriesList: readonly CumulativeSeries[],
  options: SeriesBacktestOptions,
): SeriesBacktestRow[] {
  const months = options.months ?? [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const rows: SeriesBacktestRow[] = [];
  for (const series of seriesList) {
    for (const target of series.years) {
      const actual = target.cumulative.get(12);
      if (!actual) continue;
      const history: SeriesYear[] = series.years.filter((entry) => entry.year < target.year);
      const reference = options.referenceFor(series, target.year);
      for (const throughMonth of months) {
        const yearToDate = target.cumulative.get(throughMonth);
        if (!yearToDate) continue;
        for (const method of options.methods) {
          const result = method.forecast({
            throughMonth,
            yearToDate,
            history,
            year: target.year,
            reference,
            level: options.level,
          });
          rows.push({
            series: series.id,
            year: target.year,
            throughMonth,
            actual,
            method: method.id,
            ...result,
          });
        }
      }
    }
  }
  return rows;
}

export interface MethodSummary {
  method: string;
  cases: number;
  meanAbsolutePercentageError: number;
  /** Mean signed error (estimate − actual) ÷ actual: the bias. */
  meanPercentageError: number;
  /** Null for methods without an interval. */
  coverage: number | null;
  meanRelativeWidth: number | null;
}

export function summarise(rows: readonly SeriesBacktestRow[], method: string): MethodSummary {
  const own = rows.filter((row) => row.method === method);
  const errors = own.map((row) => (row.estimate - row.actual) / row.actual);
  const withInterval = own.filter((row) => row.low !== undefined && row.high !== undefined);
  return {
    method,
    cases: own.length,
    meanAbsolutePercentageError: average(errors.map(Math.abs)),
    meanPercentageError: average(errors),
    coverage: withInterval.length
      ? withInterval.filter((row) => (row.low as number) <= row.actual && row.actual <= (row.high as number)).length /
        withInterval.length
      : null,
    meanRelativeWidth: withInterval.length
      ? average(withInterval.map((row) => ((row.high as number) - (row.low as number)) / row.actual))
      : null,
  };
}

function average(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN;
}

/** The table: MAPE by N for every method, then overall and N ≥ 3, with the intervals' coverage and width. */
export function formatSeriesBacktest(rows: readonly SeriesBacktestRow[], methods: readonly YearEndMethod[]): string {
  const percent = (value: number | null) =>
    value === null || Number.isNaN(value) ? "—" : `${(value * 100).toFixed(2)}%`;
  const months = [...new Set(rows.map((row) => row.throughMonth))].sort((a, b) => a - b);
  const header = ["N", "cases", ...methods.map((method) => method.id)];
  const lines: string[][] = [header];
  for (const month of months) {
    const atMonth = rows.filter((row) => row.throughMonth === month);
    const first = methods[0] as YearEndMethod;
    lines.push([
      String(month),
      String(atMonth.filter((row) => row.method === first.id).length),
      ...methods.map((method) => percent(summarise(atMonth, method.id).meanAbsolutePercentageError)),
    ]);
  }
  for (const [label, subset] of [
    ["all", rows],
    ["N≥3", rows.filter((row) => row.throughMonth >= 3)],
  ] as const) {
    const first = methods[0] as YearEndMethod;
    lines.push([
      label,
      String(subset.filter((row) => row.method === first.id).length),
      ...methods.map((method) => percent(summarise(subset, method.id).meanAbsolutePercentageError)),
    ]);
  }
  const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] as string).length)));
  const table = lines.map((line) => line.map((cell, column) => cell.padStart(widths[column] as number)).join("  "));
  const detail = methods.map((method) => {
    const summary = summarise(rows, method.id);
    return `  ${method.id.padEnd(18)} ${method.label}: MAPE ${percent(summary.meanAbsolutePercentageError)}, bias ${percent(summary.meanPercentageError)}, 80% interval coverage ${percent(summary.coverage)}, mean width ${percent(summary.meanRelativeWidth)}`;
  });
  return ["mean absolute % error of the year-end forecast, by months known (N)", ...table, "", ...detail].join("\n");
}
