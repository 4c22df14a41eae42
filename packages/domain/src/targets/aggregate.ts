/**
 * Targets measured as an aggregate of a fact over enterprises (metric: aggregate): the sum, average, count,
 * share or growth of a figure or of a fact the plan declares, over the enterprises a filter keeps in the year.
 * The built-in revenue, count and net increase of above-scale enterprises are such definitions (metrics.ts), and
 * an assessment indicator may be one too, its filter naming the assessed unit's own town or chains.
 */
import { factPeriods } from "../facts/declared-facts";
import { type AggregateFilter, ASSESSED_UNIT, type PlanFile, type TargetAggregate } from "../plan/schema";
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

/**
 * The assessed unit an indicator's `assessed` filter names: its own town (null unless a town or street) and the
 * chains it leads. Absent for a target, whose filters name the plan's towns and chains.
 */
export interface AssessedUnit {
  town: string | null;
  chains: readonly string[];
}

/** The aggregate's options beyond the year: the base year of an increase (default the year before), the unit. */
export interface AggregateOptions {
  baseYear?: number;
  assessed?: AssessedUnit;
}

/** The filter's towns or chains; `assessed` reads the assessed unit's (none without one). */
function named(list: readonly string[] | typeof ASSESSED_UNIT | undefined, assessed: readonly string[] | undefined) {
  if (list === ASSESSED_UNIT) return assessed ?? [];
  return list;
}

function keeps(
  index: SnapshotIndex,
  filter: AggregateFilter,
  enterprise: SnapshotEnterprise,
  year: number,
  assessed: AssessedUnit | undefined,
): boolean {
  if (filter.aboveScale !== undefined && index.isAboveScale(enterprise.id, year) !== filter.aboveScale) return false;
  const chains = named(filter.chains, assessed?.chains);
  if (chains !== undefined && !chains.includes(enterprise.chainId)) return false;
  const towns = named(filter.towns, assessed?.town ? [assessed.town] : []);
  if (towns !== undefined && (enterprise.town === null || !towns.includes(enterprise.town))) return false;
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
 * of the year — or of the base year of an increase — for an above-scale filter, a share or growth with nothing
 * to divide by, an average of no one).
 */
export function aggregateIn(
  plan: PlanFile,
  index: SnapshotIndex,
  aggregate: TargetAggregate,
  unit: QuantityUnit,
  year: number,
  options: AggregateOptions = {},
): AggregateResult | null {
  const { assessed } = options;
  const baseYear = options.baseYear ?? year - 1;
  const usesDirectory = aggregate.where.aboveScale !== undefined || aggregate.within?.aboveScale !== undefined;
  if (usesDirectory && !index.hasDirectory(year)) return null;
  if (usesDirectory && aggregate.op === "increase" && !index.hasDirectory(baseYear)) return null;
  const enterprises = index.snapshot.enterprises;
  const membersIn = (inYear: number) =>
    enterprises.filter((enterprise) => keeps(index, aggregate.where, enterprise, inYear, assessed));
  const members = membersIn(year);
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
      const whole = enterprises.filter((enterprise) =>
        keeps(index, aggregate.within ?? {}, enterprise, year, assessed),
      );
      const part = whole.filter((enterprise) => keeps(index, aggregate.where, enterprise, year, assessed));
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
    case "increase": {
      // Each year's own members (净增): the count, or the sum, of the year less that of the base year.
      const before = membersIn(baseYear);
      const change =
        read === null ? BigInt(members.length - before.length) : total(members, year) - total(before, baseYear);
      return { quantity: inUnit(unit, change), allFigures: missing.length === 0, missing: [...new Set(missing)] };
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
