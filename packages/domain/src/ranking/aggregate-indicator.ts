/**
 * An assessment indicator written as an aggregate (metric: aggregate): the same definition and evaluator as a
 * target's (targets/aggregate.ts), computed once per assessed unit, whose own town or led chains the filter may
 * name (`towns: assessed`, `chains: assessed`).
 */
import { ASSESSED_UNIT, type PlanFile, type TargetAggregate } from "../plan/schema";
import { type AssessedUnit, aggregateIn } from "../targets/aggregate";
import { aggregateUnit } from "../targets/aggregate-check";
import type { SnapshotIndex } from "../targets/data-index";
import { type Quantity, SHARE_SCALE } from "../targets/quantity";
import { type Ratio, ratio } from "./ratio";

/** A unit of the plan as the assessment sees it: its id in the plan and its kind. */
export interface AssessedPlanUnit {
  code: string;
  kind: string;
}

export type AggregateIndicatorValue =
  | {
      /** The value ranked and scored (a share as its exact ratio). */
      value: Ratio;
      quantity: Quantity;
      /** Whether the value counts enterprises (户), not an amount or a share. */
      countsEnterprises: boolean;
      /** The enterprises the filter keeps whose figure is missing: the value covers the others only. */
      missing: string[];
    }
  | { value: null; reason: string };

/** The assessed unit's own town (a town or street only) and the chains whose leadUnits name it. */
export function assessedUnitOf(plan: PlanFile, unit: AssessedPlanUnit): AssessedUnit {
  return {
    town: unit.kind === "town" || unit.kind === "street" ? unit.code : null,
    chains: plan.chains.filter((chain) => chain.leadUnits?.includes(unit.code)).map((chain) => chain.id),
  };
}

/** Whether the aggregate's filters name the assessed unit's towns or chains. */
function namesAssessed(aggregate: TargetAggregate, key: "towns" | "chains"): boolean {
  return aggregate.where[key] === ASSESSED_UNIT || aggregate.within?.[key] === ASSESSED_UNIT;
}

/**
 * The indicator's value for one unit in a year; null with the reason when the indicator does not apply to it (not
 * a town for `towns: assessed`, leading no chain for `chains: assessed`) or there is nothing to compute.
 */
export function aggregateIndicatorValue(
  plan: PlanFile,
  index: SnapshotIndex,
  aggregate: TargetAggregate,
  unit: AssessedPlanUnit,
  year: number,
): AggregateIndicatorValue {
  const assessed = assessedUnitOf(plan, unit);
  if (namesAssessed(aggregate, "towns") && assessed.town === null)
    return { value: null, reason: "本指标只考核乡镇（街道）" };
  if (namesAssessed(aggregate, "chains") && assessed.chains.length === 0)
    return { value: null, reason: "未牵头产业链（方案 chains 的 leadUnits）" };
  const unitOfValue = aggregateUnit(plan, aggregate) ?? "count";
  const result = aggregateIn(plan, index, aggregate, unitOfValue, year, { assessed });
  if (!result) return { value: null, reason: `${year}年无可计算的数据（名录或上年数据未齐，或无可比的分母）` };
  const { quantity } = result;
  const value =
    quantity.unit === "share"
      ? ratio(quantity.ratio?.numerator ?? quantity.value, quantity.ratio?.denominator ?? SHARE_SCALE)
      : ratio(quantity.value);
  return {
    value,
    quantity,
    countsEnterprises: aggregate.of === undefined && aggregate.op !== "share",
    missing: result.missing,
  };
}
