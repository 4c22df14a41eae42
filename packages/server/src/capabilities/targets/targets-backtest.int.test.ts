/**
 * The G1 forecast checked against the demo district's own history, read from the database the way
 * the dashboard reads it: 2023 forecast from its first N months (learning the seasonal shares of
 * 2021 and 2022) must land within 3 % of the actual year for N ≥ 6. The demo has one backtest year, so each
 * N is one case: its 80 % interval is checked over the N ≥ 6 cases together, not case by case.
 */
import { backtestAnnualFromMonths } from "@beizeng/domain/forecast/backtest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BeizengDb } from "../../platform/db/database";
import { demoDatabase } from "../../testing/fixtures";
import { testDatabases } from "../../testing/test-databases";
import { readDistrictRows, targetsResult } from "./targets.service";

/** The stated bound: mean absolute percentage error of the G1 year estimate from six or more months. */
const MAPE_BOUND_FROM_SIX_MONTHS = 0.03;

describe.each(testDatabases())("G1 backtest on the demo data ($name)", (database) => {
  let db: BeizengDb;

  beforeAll(async () => {
    db = await demoDatabase(database);
  });
  afterAll(async () => {
    await db?.close();
  });

  it(`keeps the error within ${MAPE_BOUND_FROM_SIX_MONTHS * 100} % for N ≥ 6 months, mostly inside the interval`, async () => {
    const rows = await readDistrictRows(db, "360202", 0);
    const result = backtestAnnualFromMonths(rows.snapshot);
    const late = result.byMonth.filter((summary) => summary.throughMonth >= 6);
    expect(late.length).toBe(6);
    for (const summary of late) {
      expect(summary.cases).toBeGreaterThan(0);
      expect(summary.meanAbsolutePercentageError).toBeLessThan(MAPE_BOUND_FROM_SIX_MONTHS);
    }
    // Two years of history make the late-year intervals narrow (docs/forecast.md): at least half must still hold.
    const covered = late.reduce((sum, summary) => sum + summary.coverage * summary.cases, 0);
    const cases = late.reduce((sum, summary) => sum + summary.cases, 0);
    expect(covered / cases).toBeGreaterThanOrEqual(0.5);
    // More months, a narrower interval.
    const widths = result.byMonth.map((summary) => summary.meanRelativeWidth);
    expect(widths.at(-1)).toBeLessThan(widths[0] as number);
  });

  it("states the method's error measured on the years before the one being read", async () => {
    const result = await targetsResult(db, "360202", { year: 2023, month: 6 });
    const revenue = [...result.forecasts.values()].find((forecast) => forecast.revenue)?.revenue;
    expect(revenue?.basis).toBe("months");
    const atSix = revenue?.measuredError.find((row) => row.throughMonth === 6);
    // Only 2022 (learning from 2021) is complete before mid-2023: one case, a small error.
    expect(atSix?.cases).toBe(1);
    expect(atSix?.meanAbsolutePercentageError).toBeGreaterThan(0);
    expect(atSix?.meanAbsolutePercentageError).toBeLessThan(0.05);
  });
});
