/**
 * Backtest of year-end methods on published series: every (year, N) whose months 1..N and whole year
 * are both published, N = 2..11, is forecast by every method from that year's months 1..N and the
 * series' earlier years only; the reference profile never contains the year being forecast
 * (leave-one-year-out), so no case helps predict itself.
 */
import { type CumulativeSeries, type SeasonalProfile, type SeriesYear, seasonalProfileFrom } from "./cumulative-series";
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
  /** Forecast from at most this many of the latest earlier years (to show what fewer years do); all by default. */
  maxPastYears?: number;
}

/** Years with a published total a series needs, besides the one forecast, to serve as its own reference. */
const OWN_REFERENCE_YEARS = 3;

/**
 * The reference for forecasting `year` of a series: the series' own profile without that year when
 * it has enough other complete years (profit has a seasonality of its own, unlike revenue's), else the
 * national revenue profile without that year. Either way the year being forecast is left out.
 */
export function leaveOneYearOutReference(
  national: CumulativeSeries,
): (series: CumulativeSeries, year: number) => SeasonalProfile {
  return (series, year) => {
    const others = series.years.filter((entry) => entry.year !== year && entry.cumulative.has(12)).length;
    return seasonalProfileFrom(others >= OWN_REFERENCE_YEARS ? series : national, { excludeYears: [year] });
  };
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
      const earlier: SeriesYear[] = series.years
        .filter((entry) => entry.year < target.year)
        .sort((a, b) => a.year - b.year);
      const history =
        options.maxPastYears === undefined
          ? earlier
          : earlier.slice(Math.max(0, earlier.length - options.maxPastYears));
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

/** A case's miss in units of its own interval: |log(actual ÷ estimate)| ÷ the log half-width on that side. */
function intervalDistance(row: SeriesBacktestRow): number {
  const error = Math.log(row.actual / row.estimate);
  const bound = error >= 0 ? (row.high as number) : (row.low as number);
  return Math.abs(error) / Math.abs(Math.log(bound / row.estimate));
}

function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const below = sorted[Math.floor(position)] as number;
  const above = sorted[Math.ceil(position)] as number;
  return below + (above - below) * (position - Math.floor(position));
}

export interface ScaledIntervalCheck {
  /** How the cases were split: each group's scale is learnt from the other groups' cases only. */
  heldOut: "year" | "series";
  cases: number;
  covered: number;
  /** Mean width of the scaled intervals ÷ actual. */
  meanRelativeWidth: number;
  /** The scale learnt from all cases together (what a product change would ship). */
  scaleFromAll: number;
}

/**
 * What narrowing or widening the interval would do, judged honestly: the factor on the log
 * half-width that would make it cover `level` of the cases is learnt from the other years' (or other
 * series') cases and applied to the held-out ones, so no case's own outcome sets its interval.
 */
export function checkIntervalScale(
  rows: readonly SeriesBacktestRow[],
  method: string,
  heldOut: "year" | "series",
  level = 0.8,
): ScaledIntervalCheck {
  const own = rows.filter((row) => row.method === method && row.low !== undefined && row.high !== undefined);
  const groupOf = (row: SeriesBacktestRow) => (heldOut === "year" ? String(row.year) : row.series);
  let covered = 0;
  let width = 0;
  for (const group of new Set(own.map(groupOf))) {
    const scale = quantile(own.filter((row) => groupOf(row) !== group).map(intervalDistance), level);
    for (const row of own.filter((entry) => groupOf(entry) === group)) {
      if (intervalDistance(row) <= scale) covered++;
      const low = row.estimate * ((row.low as number) / row.estimate) ** scale;
      const high = row.estimate * ((row.high as number) / row.estimate) ** scale;
      width += (high - low) / row.actual;
    }
  }
  return {
    heldOut,
    cases: own.length,
    covered,
    meanRelativeWidth: width / own.length,
    scaleFromAll: quantile(own.map(intervalDistance), level),
  };
}

/** Coverage and mean width of one method's interval per series, and per number of past years used. */
export function formatIntervalCalibration(rows: readonly SeriesBacktestRow[], method: string): string {
  const own = rows.filter((row) => row.method === method);
  const line = (label: string, subset: readonly SeriesBacktestRow[]) => {
    const summary = summarise(subset, method);
    const covered = Math.round((summary.coverage ?? 0) * summary.cases);
    return `  ${label.padEnd(32)} ${String(summary.cases).padStart(3)} cases, covered ${covered}/${summary.cases} (${(
      (summary.coverage ?? 0) * 100
    ).toFixed(
      1,
    )}%), mean width ${((summary.meanRelativeWidth ?? 0) * 100).toFixed(1)}%, MAPE ${(summary.meanAbsolutePercentageError * 100).toFixed(2)}%`;
  };
  const lines = [`80% interval of ${method}, by series`, line("all", own)];
  for (const series of [...new Set(own.map((row) => row.series))].sort())
    lines.push(
      line(
        series,
        own.filter((row) => row.series === series),
      ),
    );
  const missed = own.filter((row) => !((row.low as number) <= row.actual && row.actual <= (row.high as number)));
  lines.push(
    `  missed: ${missed.map((row) => `${row.series.replace("national-above-scale-", "")} ${row.year} N=${row.throughMonth}`).join("; ")}`,
  );
  for (const heldOut of ["year", "series"] as const) {
    const check = checkIntervalScale(rows, method, heldOut);
    lines.push(
      `  scaled to 80% (scale learnt leaving each ${heldOut} out): covered ${check.covered}/${check.cases} (${(
        (check.covered / check.cases) * 100
      ).toFixed(
        1,
      )}%), mean width ${(check.meanRelativeWidth * 100).toFixed(1)}%; scale from all cases ${check.scaleFromAll.toFixed(2)}`,
    );
  }
  return lines.join("\n");
}
