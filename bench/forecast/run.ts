/**
 * Forecast backtest on real statistics: every year-end method on every published series shipped under
 * packages/domain/test-data/forecast/ (each value with its source), for N = 2..11 months known, with
 * the two simple methods beside the product in the same run; then the demo district, top-down (its
 * total as one series) against bottom-up (each enterprise with its own seasonality).
 *
 *   node --import tsx bench/forecast/run.ts              (npm run -w @beizeng/bench forecast)
 *   --write-profile    rewrite the shipped national seasonal profile from the national series
 *   --no-demo          skip the demo district (it builds a scratch SQLite database)
 *
 * Fairness: a case (year, N) is forecast from that year's months 1..N and the series' earlier years
 * only; the reference profile is learnt from the national series without the year being forecast.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forecastAboveScaleCount } from "@beizeng/domain/forecast/above-scale";
import {
  type CumulativeSeries,
  parseSeriesFile,
  profileToJson,
  seasonalProfileFrom,
} from "@beizeng/domain/forecast/cumulative-series";
import { bottomUpYearEnd, districtSeriesFrom } from "@beizeng/domain/forecast/district-series";
import { loadNationalProfile } from "@beizeng/domain/forecast/national-profile";
import {
  backtestSeries,
  formatIntervalCalibration,
  formatSeriesBacktest,
  leaveOneYearOutReference,
  previousMethod,
  type SeriesBacktestRow,
  summarise,
} from "@beizeng/domain/forecast/series-backtest";
import { combined, lastYearGrowth, seasonalRatio, type YearEndMethod } from "@beizeng/domain/forecast/year-end";
import { SnapshotIndex } from "@beizeng/domain/targets/data-index";
import type { TargetSnapshot } from "@beizeng/domain/targets/snapshot";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA_DIR = path.join(ROOT, "packages/domain/test-data/forecast");
const NATIONAL = "national-above-scale-revenue";
const PROFILE_FILE = path.join(ROOT, "packages/domain/src/forecast/national-seasonal-profile.data.ts");
const METHODS: YearEndMethod[] = [previousMethod, seasonalRatio, lastYearGrowth, combined];

function loadSeries(): CumulativeSeries[] {
  return readdirSync(DATA_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => parseSeriesFile(JSON.parse(readFileSync(path.join(DATA_DIR, name), "utf8"))));
}

async function demoDistrict(): Promise<void> {
  const { createDatabase } = await import("@beizeng/server/platform/db/database");
  const { migrateToLatest } = await import("@beizeng/server/platform/db/migrate");
  const { loadDemo } = await import("@beizeng/server/demo/load-demo");
  const { cutSnapshot, readDistrictRows } = await import("@beizeng/server/capabilities/targets/index");
  const folder = mkdtempSync(path.join(tmpdir(), "beizeng-forecast-"));
  const db = createDatabase({ sqliteFile: path.join(folder, "demo.sqlite") });
  try {
    await migrateToLatest(db);
    await loadDemo(db);
    const rows = await readDistrictRows(db, "360202", 0);
    const district = districtSeriesFrom(rows.snapshot);
    const reference = loadNationalProfile();
    const topDown = backtestSeries([district], { methods: METHODS, referenceFor: () => reference });
    console.log(`\n演示区 demo district, years ${district.years.map((entry) => entry.year).join(", ")}: top-down`);
    console.log(formatSeriesBacktest(topDown, METHODS));
    const bottomUp: SeriesBacktestRow[] = topDown
      .filter((row) => row.method === combined.id)
      .map((row) => ({
        ...row,
        method: "bottom-up",
        low: undefined,
        high: undefined,
        estimate: bottomUpYearEnd(rows.snapshot, row.year, row.throughMonth, reference).estimate,
      }));
    const blend: SeriesBacktestRow[] = topDown
      .filter((row) => row.method === combined.id)
      .map((row, i) => ({
        ...row,
        method: "blend",
        estimate: (row.estimate + (bottomUp[i] as SeriesBacktestRow).estimate) / 2,
      }));
    const label = (id: string, text: string): YearEndMethod => ({
      id,
      label: text,
      forecast: () => ({ estimate: 0, pastYears: 0, outlierYears: [], fellBack: false }),
    });
    console.log("\ntop-down (combined on the district total) against bottom-up (each enterprise, its own seasonality)");
    console.log(
      formatSeriesBacktest(
        [...topDown.filter((row) => row.method === combined.id), ...bottomUp, ...blend],
        [combined, label("bottom-up", "自下而上 bottom-up (enterprises)"), label("blend", "两者平均 mean of both")],
      ),
    );
    countBacktest(rows.snapshot, rows.plan.aboveScaleThreshold, cutSnapshot);
  } finally {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * G3 by month: next year's count of above-scale enterprises forecast at the end of each month of this
 * year (the next directory follows this year's revenue), against two simple methods — this year's count
 * (persistence) and this year's count plus the mean yearly net change so far — with the 80 % interval's
 * coverage and the enterprises closest to the threshold (probability nearest one half) named.
 */
function countBacktest(
  snapshot: TargetSnapshot,
  threshold: string,
  cut: (snapshot: TargetSnapshot, asOf: { year: number; month: number }) => TargetSnapshot,
): void {
  const index = new SnapshotIndex(snapshot);
  const counted = index.knownYears().filter((year) => index.hasDirectory(year));
  const countIn = (year: number) => index.aboveScaleIn(year).length;
  const monthYears = counted.filter(
    (year) => counted.includes(year + 1) && snapshot.figures.some((figure) => figure.year === year && figure.month > 0),
  );
  const rows: {
    year: number;
    month: number;
    actual: number;
    product: number;
    low: number;
    high: number;
    persistence: number;
    drift: number;
  }[] = [];
  const named: string[] = [];
  for (const year of monthYears) {
    const earlier = counted.filter((candidate) => candidate <= year);
    const changes = earlier.slice(1).map((y) => countIn(y) - countIn(y - 1));
    const meanChange = changes.length ? changes.reduce((a, b) => a + b, 0) / changes.length : 0;
    for (let month = 1; month <= 11; month++) {
      const forecast = forecastAboveScaleCount(cut(snapshot, { year, month }), {
        deadlineYear: year + 1,
        baselineYear: earlier[0] as number,
        threshold,
      });
      rows.push({
        year: year + 1,
        month,
        actual: countIn(year + 1),
        product: forecast.expectedCount,
        low: forecast.low,
        high: forecast.high,
        persistence: countIn(year),
        drift: countIn(year) + meanChange,
      });
      if (month === 6) {
        const closest = [...forecast.candidates, ...forecast.exitRisks]
          .sort((a, b) => Math.abs(a.probabilityAtDeadline - 0.5) - Math.abs(b.probabilityAtDeadline - 0.5))
          .slice(0, 3)
          .map((outlook) => `${outlook.name} ${(outlook.probabilityAtDeadline * 100).toFixed(0)}%`);
        named.push(`  ${year + 1} at ${year}-06, closest to the threshold: ${closest.join("; ")}`);
      }
    }
  }
  const mae = (pick: (row: (typeof rows)[number]) => number, subset = rows) =>
    subset.reduce((sum, row) => sum + Math.abs(pick(row) - row.actual), 0) / subset.length;
  console.log("\nG3: next year's above-scale count at the end of each month (mean absolute error, enterprises)");
  console.log("  month  cases  persistence  +mean change  product  covered");
  for (let month = 1; month <= 11; month++) {
    const own = rows.filter((row) => row.month === month);
    console.log(
      `  ${String(month).padStart(5)}  ${String(own.length).padStart(5)}  ${mae((r) => r.persistence, own)
        .toFixed(2)
        .padStart(11)}  ${mae((r) => r.drift, own)
        .toFixed(2)
        .padStart(12)}  ${mae((r) => r.product, own)
        .toFixed(2)
        .padStart(7)}  ${own.filter((r) => r.low <= r.actual && r.actual <= r.high).length}/${own.length}`,
    );
  }
  const covered = rows.filter((row) => row.low <= row.actual && row.actual <= row.high).length;
  console.log(
    `  all    ${String(rows.length).padStart(5)}  ${mae((r) => r.persistence)
      .toFixed(2)
      .padStart(11)}  ${mae((r) => r.drift)
      .toFixed(2)
      .padStart(12)}  ${mae((r) => r.product)
      .toFixed(2)
      .padStart(
        7,
      )}  ${covered}/${rows.length}, mean width ${(rows.reduce((s, r) => s + r.high - r.low, 0) / rows.length).toFixed(1)} enterprises`,
  );
  console.log(named.join("\n"));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const series = loadSeries();
  const national = series.find((entry) => entry.id === NATIONAL);
  if (!national) throw new Error(`${NATIONAL}.json is missing from ${DATA_DIR}`);
  if (argv.includes("--write-profile")) {
    const json = JSON.stringify(profileToJson(seasonalProfileFrom(national)), null, 2);
    writeFileSync(
      PROFILE_FILE,
      `/** Written by \`npm run -w @beizeng/bench forecast -- --write-profile\` from test-data/forecast/${NATIONAL}.json; do not edit. */\nexport const NATIONAL_SEASONAL_PROFILE = ${json};\n`,
    );
    console.log(`wrote ${path.relative(ROOT, PROFILE_FILE)}`);
  }
  const rows = backtestSeries(series, {
    methods: METHODS,
    referenceFor: leaveOneYearOutReference(national),
  });
  console.log(
    `series: ${series.map((entry) => `${entry.id} (${entry.years.map((y) => y.year).join(",")})`).join("; ")}`,
  );
  console.log(formatSeriesBacktest(rows, METHODS));
  console.log(`\n${formatIntervalCalibration(rows, combined.id)}`);
  console.log(
    "\nthe same cases forecast from only the latest k earlier years (what fewer past years do to the interval)",
  );
  for (const maxPastYears of [0, 1, 2, 3, undefined]) {
    const limited = backtestSeries(series, {
      methods: [combined],
      referenceFor: leaveOneYearOutReference(national),
      maxPastYears,
    });
    const summary = summarise(limited, combined.id);
    console.log(
      `  ${maxPastYears === undefined ? "all" : `k=${maxPastYears}`}: mean width ${((summary.meanRelativeWidth ?? 0) * 100).toFixed(1)}%, covered ${(
        (summary.coverage ?? 0) * 100
      ).toFixed(1)}%, MAPE ${(summary.meanAbsolutePercentageError * 100).toFixed(2)}%`,
    );
  }
  if (!argv.includes("--no-demo")) await demoDistrict();
}

await main();
