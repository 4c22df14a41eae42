/**
 * Forecasts for the plan's targets that have a model (G1 revenue, G3 counts), in the form
 * computeTargets takes (`options.forecasts`), so that a running target's status follows them.
 */
import type { PlanFile } from "../plan/schema";
import { buildContext, resolveComparison, type TargetForecastInput } from "../targets/compute";
import { count, money, parseTargetValue } from "../targets/quantity";
import type { TargetSnapshot } from "../targets/snapshot";
import { type AboveScaleForecast, forecastAboveScaleCount } from "./above-scale";
import { forecastAboveScaleRevenue, type RevenueForecast } from "./revenue";
import { type NamedSeasonalProfile, seasonalProfileOf } from "./seasonal-profiles";

export interface TargetForecast {
  targetId: string;
  metric: string;
  input: TargetForecastInput;
  revenue?: RevenueForecast;
  /** With `revenue`: the seasonal profile standing in for the months the district has no history of (the plan's, or the national). */
  seasonalProfile?: NamedSeasonalProfile;
  aboveScale?: AboveScaleForecast;
}

/** Forecasts every target whose metric has a model; other targets are left out. */
export function forecastTargets(
  plan: PlanFile,
  snapshot: TargetSnapshot,
  options: {
    level?: number;
    parameters?: Readonly<Record<string, string | number | boolean>>;
    /** Backtest G1's running-year method on the district's past years, to state its error. */
    measureError?: boolean;
  } = {},
): TargetForecast[] {
  const context = buildContext(plan, snapshot, options);
  const results: TargetForecast[] = [];
  const countForecasts = new Map<string, AboveScaleForecast>();
  const seasonalProfile = seasonalProfileOf(plan);
  for (const target of plan.targets) {
    const deadlineYear = Number(target.deadline.slice(0, 4));
    if (target.metric === "aboveScaleRevenue") {
      const targetValue = parseTargetValue(target.value, "yuan");
      const revenue = forecastAboveScaleRevenue(snapshot, {
        deadlineYear,
        target: { fen: targetValue.value, comparison: resolveComparison(context, target) },
        level: options.level,
        measureError: options.measureError,
        seasonalProfile,
      });
      results.push({
        targetId: target.id,
        metric: target.metric,
        input: { estimate: money(revenue.estimate), low: money(revenue.low), high: money(revenue.high) },
        revenue,
        seasonalProfile,
      });
    } else if (target.metric === "aboveScaleCount" || target.metric === "aboveScaleNetIncrease") {
      const key = `${deadlineYear}|${target.baselineYear}`;
      let forecast = countForecasts.get(key);
      if (!forecast) {
        forecast = forecastAboveScaleCount(snapshot, {
          deadlineYear,
          baselineYear: target.baselineYear,
          threshold: plan.aboveScaleThreshold,
          level: options.level,
        });
        countForecasts.set(key, forecast);
      }
      const net = target.metric === "aboveScaleNetIncrease";
      if (net && forecast.baselineCount === null) continue;
      const shift = net ? (forecast.baselineCount as number) : 0;
      results.push({
        targetId: target.id,
        metric: target.metric,
        input: {
          estimate: count(Math.round(forecast.expectedCount) - shift),
          low: count(forecast.low - shift),
          high: count(forecast.high - shift),
        },
        aboveScale: forecast,
      });
    }
  }
  return results;
}

/** The forecasts keyed by target id, as computeTargets' `options.forecasts`. */
export function forecastInputs(forecasts: readonly TargetForecast[]): Record<string, TargetForecastInput> {
  return Object.fromEntries(forecasts.map((forecast) => [forecast.targetId, forecast.input]));
}
