import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSeriesFile, profileToJson, seasonalProfileFrom } from "./cumulative-series";
import { NATIONAL_SEASONAL_PROFILE } from "./national-seasonal-profile.data";
import {
  backtestSeries,
  checkIntervalScale,
  leaveOneYearOutReference,
  previousMethod,
  summarise,
} from "./series-backtest";
import { combined, combinedYearEnd, lastYearGrowth, seasonalRatio } from "./year-end";

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-data/forecast");
const files = readdirSync(DATA_DIR)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, json: JSON.parse(readFileSync(path.join(DATA_DIR, name), "utf8")) }));
const series = files.map((file) => parseSeriesFile(file.json));
const national = series.find((entry) => entry.id === "national-above-scale-revenue");
if (!national) throw new Error("national series missing");
const methods = [previousMethod, seasonalRatio, lastYearGrowth, combined];
const rows = backtestSeries(series, { methods, referenceFor: leaveOneYearOutReference(national) });

describe("published series", () => {
  it("ships only series whose every value names where it was read and the figure as published there", () => {
    expect(files.map((file) => file.name)).toEqual(
      expect.arrayContaining(["national-above-scale-profit.json", "national-above-scale-revenue.json"]),
    );
    for (const { name, json } of files) {
      for (const [year, entry] of Object.entries(
        json.years as Record<string, { cumulative: Record<string, number>; sources: Record<string, unknown> }>,
      )) {
        for (const month of Object.keys(entry.cumulative)) {
          const source = (entry.sources[month] ?? entry.sources.all) as { url?: string; as_published?: string };
          expect(source?.url, `${name} ${year}-${month}`).toMatch(/\S/);
          // A figure read from one release states it; a whole-year table names its column instead.
          expect(source?.as_published, `${name} ${year}-${month}`).toMatch(/\S/);
        }
      }
    }
  });

  it("refuses a value without a source, naming the year and month", () => {
    const file = {
      id: "x",
      name: "x",
      years: { "2024": { cumulative: { "3": 10, "12": 40 }, sources: { "12": { url: "u" } } } },
    };
    expect(() => parseSeriesFile(file)).toThrow("2024年1-3月的数值没有来源");
  });

  it("refuses a running total that falls", () => {
    const source = { url: "u" };
    const file = {
      id: "x",
      name: "x",
      years: { "2024": { cumulative: { "3": 50, "12": 40 }, sources: { "3": source, "12": source } } },
    };
    expect(() => parseSeriesFile(file)).toThrow("1-12月的累计值小于1-3月");
  });

  it("ships the national profile exactly as the national series gives it, 2020 named an outlier", () => {
    expect(NATIONAL_SEASONAL_PROFILE).toEqual(profileToJson(seasonalProfileFrom(national)));
    expect(NATIONAL_SEASONAL_PROFILE.outlierYears).toEqual([2020]);
    // January–February is slow: well under 2/12 of the year.
    expect(NATIONAL_SEASONAL_PROFILE.shares[1]).toBeLessThan(0.15);
  });
});

describe("year-end forecast on the published series (leave-one-year-out reference, past years only)", () => {
  const summary = (method: string, fromMonth = 2) =>
    summarise(
      rows.filter((row) => row.throughMonth >= fromMonth),
      method,
    );

  it("beats both simple methods overall and for N ≥ 3", () => {
    for (const fromMonth of [2, 3]) {
      const product = summary("combined", fromMonth).meanAbsolutePercentageError;
      expect(product).toBeLessThan(summary("seasonal-ratio", fromMonth).meanAbsolutePercentageError);
      expect(product).toBeLessThan(summary("last-year-growth", fromMonth).meanAbsolutePercentageError);
    }
    expect(summary("combined").cases).toBeGreaterThanOrEqual(68);
  });

  it("gives a narrower interval than before that still holds most outcomes", () => {
    const now = summary("combined");
    const before = summary("previous");
    expect(now.meanRelativeWidth as number).toBeLessThan(before.meanRelativeWidth as number);
    expect(now.coverage as number).toBeGreaterThanOrEqual(0.75);
    expect(now.coverage as number).toBeLessThanOrEqual(0.9);
  });

  it("judges a narrower interval only on cases its scale was not learnt from", () => {
    for (const heldOut of ["year", "series"] as const) {
      const check = checkIntervalScale(rows, "combined", heldOut);
      expect(check.cases).toBe(summary("combined").cases);
      // Narrowing toward 80 % costs coverage on held-out cases; it never reaches what it was fitted to blindly.
      expect(check.covered / check.cases).toBeLessThan(summary("combined").coverage as number);
      expect(check.meanRelativeWidth).toBeLessThan(summary("combined").meanRelativeWidth as number);
      expect(check.scaleFromAll).toBeGreaterThan(0.5);
      expect(check.scaleFromAll).toBeLessThan(1.2);
    }
  });

  it("flags 2020 when forecasting 2021 from its first months", () => {
    const row = rows.find(
      (entry) =>
        entry.series === national.id && entry.method === "combined" && entry.year === 2021 && entry.throughMonth === 2,
    );
    expect(row?.outlierYears).toEqual([2020]);
  });

  it("widens the interval when fewer past years are known", () => {
    const reference = seasonalProfileFrom(national);
    const years = national.years.filter((entry) => entry.year < 2025);
    const forecast = (history: typeof years) => {
      const result = combinedYearEnd({ throughMonth: 6, yearToDate: 600, history, year: 2025, reference });
      return ((result.high as number) - (result.low as number)) / result.estimate;
    };
    expect(forecast([])).toBeGreaterThan(forecast(years));
  });

  it("gives wider intervals on the published cases when fewer earlier years are used", () => {
    const widthWith = (maxPastYears?: number) =>
      summarise(
        backtestSeries(series, { methods: [combined], referenceFor: leaveOneYearOutReference(national), maxPastYears }),
        "combined",
      ).meanRelativeWidth as number;
    const widths = [0, 1, 2, undefined].map(widthWith);
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1] as number);
  });

  it("uses a series' own profile, without the forecast year, once it has three other complete years", () => {
    const profit = series.find((entry) => entry.id === "national-above-scale-profit");
    if (!profit) throw new Error("profit series missing");
    const reference = leaveOneYearOutReference(national)(profit, 2023);
    expect(reference.id).toBe(profit.id);
    expect(reference.years).not.toContain(2023);
    const shanghai = series.find((entry) => entry.id === "shanghai-above-scale-output");
    if (!shanghai) throw new Error("Shanghai series missing");
    expect(leaveOneYearOutReference(national)(shanghai, 2017).id).toBe(national.id);
  });
});
