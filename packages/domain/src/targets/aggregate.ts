/**
 * Targets measured as an aggregate of a fact over enterprises (metric: aggregate): the sum, average, count,
 * share or growth of a figure or of a fact the plan declares, over the enterprises a filter keeps in the year.
 * The built-in revenue and count of above-scale enterprises are two such definitions (metrics.ts).
 */
import { factPeriods } from "../facts/declared-facts";
import type { AggregateFilter, PlanFile, TargetAggregate } from "../plan/schema";
import type { SnapshotIndex } from "./data-index";
import { count, money, type Quantity, type QuantityUnit, roundDiv, share } from "./quantity";
import type { SnapshotEnterprise } from "./snapshot";

/** What an aggregate found in a year: the value, whether every figure it needs is in, whose is missing. */
export interface AggregateResult {
  quantity: Quantity;
  /** False when a member's figure is missing (the value then covers the others only). */
  allFigures: boolean;
  missing: string[];
  ratio?: { numerator: bigint; denominator: bigint };
}

/** The figures an aggregate may read beside the plan's declared facts (the register's yearly figures). */
export const AGGREGATE_FIGURES = ["revenue", "tax", "output", "employees", "fixed_asset_investment"] as const;

function keeps(index: SnapshotIndex, filter: AggregateFilter, enterprise: SnapshotEnterprise, year: number): boolean {
  if (filter.aboveScale !== undefined && index.isAboveScale(enterprise.id, year) !== filter.aboveScale) return false;
  if (filter.chains !== undefined && !filter.chains.includes(enterprise.chainId)) return false;
  if (filter.towns !== undefined && (enterprise.town === null || !filter.towns.includes(enterprise.town))) return false;
  if (filter.key !== undefined && enterprise.isKey !== filter.key) return false;
  return true;
}

/** Reads one enterprise's value of the aggregated figure or declared fact in a year. */
function reader(
  plan: PlanFile,
  index: SnapshotIndex,
  of: string,
): (enterpriseId: number, year: number) => bigint | undefined {
  const declared = plan.facts.find((fact) => fact.id === of);
  if (declared) {
    const periods = factPeriods(declared);
    return (enterpriseId, year) => index.declaredFactYear(enterpriseId, of, year, periods);
  }
  return (enterpriseId, year) => index.annual(enterpriseId, of, year);
}

function inUnit(unit: QuantityUnit, value: bigint): Quantity {
  return unit === "yuan" ? money(value) : count(value);
}

/**
 * The aggregate's value in a year, in the target's unit; null when there is nothing to aggregate (no directory
 * of the year for an above-scale filter, a share or growth with nothing to divide by, an average of no one).
 */
export function aggregateIn(
  plan: PlanFile,
  index: SnapshotIndex,
  aggregate: TargetAggregate,
  unit: QuantityUnit,
  year: number,
): AggregateResult | null {
  const usesDirectory = aggregate.where.aboveScale !== undefined || aggregate.within?.aboveScale !== undefined;
  if (usesDirectory && !index.hasDirectory(year)) return null;
  const enterprises = index.snapshot.enterprises;
  const members = enterprises.filter((enterprise) => keeps(index, aggregate.where, enterprise, year));
  const read = aggregate.of === undefined ? null : reader(plan, index, aggregate.of);
  const missing: string[] = [];
  /** Σ of the members' values; those without one are named as missing. */
  const total = (of: readonly SnapshotEnterprise[], inYear: number): bigint => {
    let sum = 0n;
    for (const enterprise of of) {
      const value = read?.(enterprise.id, inYear);
      if (value === undefined) missing.push(enterprise.name);
      else sum += value;
    }
    return sum;
  };

  switch (aggregate.op) {
    case "sum": {
      const sum = total(members, year);
      return { quantity: inUnit(unit, sum), allFigures: missing.length === 0, missing };
    }
    case "average": {
      const sum = total(members, year);
      const reported = members.length - missing.length;
      if (reported === 0) return null;
      return {
        quantity: inUnit(unit, roundDiv(sum, BigInt(reported))),
        allFigures: missing.length === 0,
        missing,
      };
    }
    case "count": {
      if (read === null) return { quantity: count(members.length), allFigures: true, missing };
      let counted = 0;
      for (const enterprise of members) {
        const value = read(enterprise.id, year);
        if (value === undefined) missing.push(enterprise.name);
        else if (value > 0n) counted += 1;
      }
      return { quantity: count(counted), allFigures: missing.length === 0, missing };
    }
    case "share": {
      const whole = enterprises.filter((enterprise) => keeps(index, aggregate.within ?? {}, enterprise, year));
      const part = whole.filter((enterprise) => keeps(index, aggregate.where, enterprise, year));
      let numerator: bigint;
      let denominator: bigint;
      if (read === null) {
        numerator = BigInt(part.length);
        denominator = BigInt(whole.length);
      } else {
        const partIds = new Set(part.map((enterprise) => enterprise.id));
        numerator = 0n;
        denominator = 0n;
        for (const enterprise of whole) {
          const value = read(enterprise.id, year);
          if (value === undefined) {
            missing.push(enterprise.name);
            continue;
          }
          denominator += value;
          if (partIds.has(enterprise.id)) numerator += value;
        }
      }
      const quantity = share(numerator, denominator);
      if (!quantity) return null;
      return { quantity, allFigures: missing.length === 0, missing, ratio: { numerator, denominator } };
    }
    case "growth": {
      // The same enterprises in both years (同口径): the members of the year with a value in both.
      if (read === null) return null;
      let now = 0n;
      let before = 0n;
      for (const enterprise of members) {
        const current = read(enterprise.id, year);
        const previous = read(enterprise.id, year - 1);
        if (current === undefined || previous === undefined) {
          missing.push(enterprise.name);
          continue;
        }
        now += current;
        before += previous;
      }
      const quantity = share(now - before, before);
      if (!quantity) return null;
      return {
        quantity,
        allFigures: missing.length === 0,
        missing,
        ratio: { numerator: now - before, denominator: before },
      };
    }
  }
}
