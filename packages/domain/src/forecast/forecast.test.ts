/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../plan/load";
import { computeTargets } from "../targets/compute";
import { forecastAboveScaleCount } from "./above-scale";
import { backtestAnnualFromMonths, formatBacktest } from "./backtest";
import { estimateAnnualFromMonths } from "./monthly-share";
import { forecastAboveScaleRevenue } from "./revenue";
import { syntheticDistrict, trueAboveScaleCount, trueAboveScaleRevenue } from "./synthetic";
import { forecastInputs, forecastTargets } from "./targets";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PLAN_PATH = "plans/changjiang-2021-2023/plan.yaml";
const plan = parsePlan(readFileSync(`${repoRoot}${PLAN_PATH}`, "utf8"), PLAN_PATH).plan;

/** The bound this method is held to on the synthetic district: MAPE for N ≥ 6 months. */
const MAPE_BOUND_FROM_SIX_MONTHS = 0.04;

describe("months to date → the year", () => {
  it("scales by the mean past share and widens with fewer months", () => {
    const estimate = estimateAnnualFromMonths({ yearToDate: 50, shares: [0.5, 0.48, 0.52], throughMonth: 6 });
    expect(estimate.method).toBe("t");
    expect(estimate.degreesOfFreedom).toBe(2);
    expect(estimate.estimate).toBeGreaterThan(95);
    expect(estimate.estimate).toBeLessThan(105);
    expect(estimate.low).toBeLessThan(estimate.estimate);
    expect(estimate.high).toBeGreaterThan(estimate.estimate);
    const prior = estimateAnnualFromMonths({ yearToDate: 10, shares: [], throughMonth: 3 });
    expect(prior.method).toBe("prior");
    expect(prior.estimate).toBeCloseTo(40, 6);
    const later = estimateAnnualFromMonths({ yearToDate: 10, shares: [], throughMonth: 9 });
    expect(later.logSd).toBeLessThan(prior.logSd);
  });

  it(`backtest on seasonal synthetic data: MAPE ≤ ${MAPE_BOUND_FROM_SIX_MONTHS * 100}% from six months, 80% interval covers roughly 80%`, () => {
    let covered = 0;
    let cases = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const district = syntheticDistrict({ seed, asOf: { year: 2023, month: 12 }, firstYear: 2012 });
      const result = backtestAnnualFromMonths(district.snapshot);
      if (seed === 1) console.log(formatBacktest(result));
      expect(result.byMonth.map((row) => row.throughMonth)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      for (const row of result.byMonth.filter((entry) => entry.throughMonth >= 6)) {
        expect(row.meanAbsolutePercentageError).toBeLessThan(MAPE_BOUND_FROM_SIX_MONTHS);
      }
      // Errors shrink as months come in: the last months beat the first.
      const first = result.byMonth[0]?.meanAbsolutePercentageError ?? 0;
      const last = result.byMonth.at(-1)?.meanAbsolutePercentageError ?? 1;
      expect(last).toBeLessThan(first);
      covered += result.cases.filter((entry) => entry.covered).length;
      cases += result.cases.length;
    }
    const coverage = covered / cases;
    console.log(`monthly-share backtest: ${cases} cases, 80% interval coverage ${(coverage * 100).toFixed(1)}%`);
    expect(coverage).toBeGreaterThan(0.65);
    expect(coverage).toBeLessThan(0.95);
  });
});

describe("G1 and G3 deadline forecasts", () => {
  it("cover the truth in roughly 80% of synthetic districts, three years ahead from mid-2021", () => {
    let revenueCovered = 0;
    let countCovered = 0;
    const runs = 60;
    for (let seed = 100; seed < 100 + runs; seed++) {
      const district = syntheticDistrict({ seed, asOf: { year: 2021, month: 6 }, firstYear: 2015 });
      const revenue = forecastAboveScaleRevenue(district.snapshot, { deadlineYear: 2023 });
      const truth = trueAboveScaleRevenue(district, 2023);
      if (revenue.low <= truth && truth <= revenue.high) revenueCovered++;
      expect(revenue.basis).toBe("trend");
      expect(revenue.estimate % 100n).toBe(0n);
      const count = forecastAboveScaleCount(district.snapshot, {
        deadlineYear: 2023,
        baselineYear: 2020,
        threshold: "20000000",
      });
      const trueCount = trueAboveScaleCount(district, 2023);
      if (count.low <= trueCount && trueCount <= count.high) countCovered++;
    }
    console.log(`G1 coverage ${revenueCovered}/${runs}, G3 coverage ${countCovered}/${runs}`);
    expect(revenueCovered / runs).toBeGreaterThan(0.65);
    expect(revenueCovered / runs).toBeLessThan(0.99);
    expect(countCovered / runs).toBeGreaterThan(0.65);
    expect(countCovered / runs).toBeLessThan(0.99);
  });

  it("learns whether the directory follows the same or the previous year's revenue", () => {
    const sameYear = syntheticDistrict({ seed: 7, asOf: { year: 2022, month: 3 }, statusLag: 0 });
    const previousYear = syntheticDistrict({ seed: 7, asOf: { year: 2022, month: 3 }, statusLag: 1 });
    const options = { deadlineYear: 2023, baselineYear: 2020, threshold: "20000000" };
    expect(forecastAboveScaleCount(sameYear.snapshot, options).statusLag).toBe(0);
    const lagged = forecastAboveScaleCount(previousYear.snapshot, options);
    expect(lagged.statusLag).toBe(1);
    // With a one-year lag, 2023's directory follows 2022's revenue: still to come from March 2022.
    expect(lagged.candidates.length + lagged.exitRisks.length).toBeGreaterThan(0);
  });

  it("gives each reserve enterprise a probability and a likely year, and adds them up", () => {
    const district = syntheticDistrict({ seed: 11, asOf: { year: 2021, month: 9 }, firstYear: 2015 });
    const forecast = forecastAboveScaleCount(district.snapshot, {
      deadlineYear: 2023,
      baselineYear: 2020,
      threshold: "20000000",
    });
    const total = forecast.distribution.reduce((sum, mass) => sum + mass, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(forecast.low).toBeLessThanOrEqual(Math.round(forecast.expectedCount));
    expect(forecast.high).toBeGreaterThanOrEqual(Math.round(forecast.expectedCount));
    const above2021 = district.snapshot.enterprises.filter((e) =>
      e.scale.some((s) => s.year === 2021 && s.status === "above"),
    ).length;
    expect(forecast.expectedCount).toBeCloseTo(above2021 + forecast.expectedEntries - forecast.expectedExits, 6);
    for (const candidate of forecast.candidates) {
      expect(candidate.probabilityAtDeadline).toBeGreaterThan(0);
      expect(candidate.probabilityAtDeadline).toBeLessThanOrEqual(1);
      if (candidate.likelyYear !== null) expect(candidate.likelyYear).toBeLessThanOrEqual(2023);
    }
    expect(forecast.candidates.map((c) => c.probabilityAtDeadline)).toEqual(
      [...forecast.candidates.map((c) => c.probabilityAtDeadline)].sort((a, b) => b - a),
    );
  });

  it("at the deadline year's end the forecast is the actual value", () => {
    const district = syntheticDistrict({ seed: 3, asOf: { year: 2023, month: 12 }, firstYear: 2016 });
    const revenue = forecastAboveScaleRevenue(district.snapshot, { deadlineYear: 2023 });
    expect(revenue.basis).toBe("actual");
    expect(revenue.low).toBe(revenue.estimate);
    expect(revenue.estimate).toBe(trueAboveScaleRevenue(district, 2023));
    const count = forecastAboveScaleCount(district.snapshot, {
      deadlineYear: 2023,
      baselineYear: 2020,
      threshold: "20000000",
    });
    expect(count.low).toBe(count.high);
    expect(count.expectedCount).toBe(trueAboveScaleCount(district, 2023));
  });

  it("feeds the plan's targets: forecasts by target id drive the running status", () => {
    const district = syntheticDistrict({ seed: 21, asOf: { year: 2022, month: 8 }, firstYear: 2016 });
    const forecasts = forecastTargets(plan, district.snapshot);
    expect(forecasts.map((forecast) => forecast.targetId).sort()).toEqual(["G1", "G3-NET", "G3-TOTAL"]);
    const g1 = forecasts.find((forecast) => forecast.targetId === "G1");
    expect(g1?.revenue?.probabilityMet).toBeGreaterThanOrEqual(0);
    const results = computeTargets(plan, district.snapshot, { forecasts: forecastInputs(forecasts) });
    for (const id of ["G1", "G3-NET", "G3-TOTAL"]) {
      expect(results.find((result) => result.targetId === id)?.statusBasis).toBe("forecast");
    }
  });
});
