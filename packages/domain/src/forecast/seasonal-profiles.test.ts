/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type PlanIssue, PlanValidationError, parsePlan, validatePlan } from "../plan/load";
import type { PlanFile } from "../plan/schema";
import { NATIONAL_SEASONAL_PROFILE } from "./national-seasonal-profile.data";
import { DEFAULT_SEASONAL_PROFILE_ID, seasonalProfileOf } from "./seasonal-profiles";
import { syntheticDistrict } from "./synthetic";
import { forecastTargets } from "./targets";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const PLAN_PATH = "plans/changjiang-2021-2023/plan.yaml";
const plan = parsePlan(readFileSync(`${repoRoot}${PLAN_PATH}`, "utf8"), PLAN_PATH).plan;

/** Every month the same share of the year: a profile with no slow January–February. */
const EVEN_SHARES = Array.from({ length: 12 }, (_, index) => Number(((index + 1) / 12).toFixed(6))).map(
  (share, index) => (index === 11 ? 1 : share),
);
const evenProfile = {
  id: "even-months",
  name: "各月均匀",
  nameEn: "Even months",
  source: "测试用",
  sourceEn: "For tests",
  shares: EVEN_SHARES,
};

function withForecast(forecast: unknown): unknown {
  const copy = structuredClone(plan) as Record<string, unknown>;
  copy.forecast = forecast;
  return copy;
}

function issuesOf(data: unknown): string[] {
  try {
    validatePlan(data, "plan.json");
  } catch (error) {
    if (error instanceof PlanValidationError)
      return error.issues.map((issue: PlanIssue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

/** A district whose only monthly figures are the running year's (earlier years known by their annual totals alone). */
function g1(planFile: PlanFile, asOf: { year: number; month: number }, firstYear: number) {
  const district = syntheticDistrict({ seed: 7, asOf, firstYear });
  const figures = district.snapshot.figures.filter(
    (figure) => figure.year === asOf.year || figure.month < 1 || figure.month > 11,
  );
  const forecast = forecastTargets(planFile, { ...district.snapshot, figures }).find(
    (entry) => entry.targetId === "G1",
  );
  return { forecast, fromMonths: forecast?.revenue?.base?.fromMonths };
}

describe("the seasonal profile a plan names", () => {
  it("defaults to the national profile, and reads one named by id or written out", () => {
    expect(seasonalProfileOf(plan).id).toBe(DEFAULT_SEASONAL_PROFILE_ID);
    const named = validatePlan(withForecast({ seasonalProfile: NATIONAL_SEASONAL_PROFILE.id }), "plan.json").plan;
    expect(seasonalProfileOf(named)).toMatchObject({ id: NATIONAL_SEASONAL_PROFILE.id, origin: "shipped" });
    const written = validatePlan(withForecast({ seasonalProfile: evenProfile }), "plan.json").plan;
    expect(seasonalProfileOf(written)).toMatchObject({ id: "even-months", origin: "plan", shares: EVEN_SHARES });
  });

  it("carries a district without monthly history: the early-month forecast is months to date ÷ the profile's share", () => {
    const asOf = { year: 2022, month: 2 };
    const national = g1(plan, asOf, 2021);
    const even = g1(validatePlan(withForecast({ seasonalProfile: evenProfile }), "plan.json").plan, asOf, 2021);
    expect(national.forecast?.seasonalProfile?.id).toBe(DEFAULT_SEASONAL_PROFILE_ID);
    expect(even.forecast?.seasonalProfile?.id).toBe("even-months");
    const yearToDate = Number(national.fromMonths?.yearToDate) / 100;
    expect(national.fromMonths?.estimate.pastYears).toBe(0);
    expect(national.fromMonths?.estimate.method).toBe("prior");
    // January–February is about 14 % of the nation's year, not 2/12: the national profile scales by more.
    const relative = (value: number | undefined, expected: number) => Math.abs((value as number) / expected - 1);
    expect(
      relative(national.fromMonths?.estimate.estimate, yearToDate / (NATIONAL_SEASONAL_PROFILE.shares[1] as number)),
    ).toBeLessThan(1e-9);
    expect(relative(even.fromMonths?.estimate.estimate, yearToDate / (EVEN_SHARES[1] as number))).toBeLessThan(1e-9);
    expect(national.forecast?.input.estimate.value).toBeGreaterThan(even.forecast?.input.estimate.value as bigint);
  });

  it("refuses bad profiles with the path and a Chinese message", () => {
    expect(issuesOf(withForecast({ seasonalProfile: "province-x" }))).toEqual([
      expect.stringMatching(/^forecast\.seasonalProfile: 没有编号为“province-x”的季节规律/),
    ]);
    const falling = [...EVEN_SHARES];
    falling[2] = 0.1;
    expect(issuesOf(withForecast({ seasonalProfile: { ...evenProfile, shares: falling } }))).toEqual([
      "forecast.seasonalProfile.shares[2]: 1-3月的累计比重（0.1）必须大于1-2月的（0.166667）",
    ]);
    const short = [...EVEN_SHARES.slice(0, 11)];
    expect(issuesOf(withForecast({ seasonalProfile: { ...evenProfile, shares: short } }))).toEqual([
      "forecast.seasonalProfile.shares: 必须正好是12个月的累计占全年比重（1-1月到1-12月）",
    ]);
    const notWhole = [...EVEN_SHARES.slice(0, 11), 0.98];
    expect(issuesOf(withForecast({ seasonalProfile: { ...evenProfile, shares: notWhole } }))).toEqual([
      "forecast.seasonalProfile.shares[11]: 1-12月的累计比重必须是1（全年），现为0.98",
    ]);
    const { source: _source, ...withoutSource } = evenProfile;
    expect(issuesOf(withForecast({ seasonalProfile: withoutSource }))).toEqual([
      "forecast.seasonalProfile.source: 必须是数据来源",
    ]);
  });
});
