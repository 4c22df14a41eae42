/**
 * The year-end assessment score of each unit: a weighted sum of per-indicator points.
 *
 * Points on one indicator are measured against the best unit (以最优值为基准): for "higher is better",
 * 100 × value ÷ best (all zero: every unit 0; a value below zero, a fall, earns 0); for "lower is better",
 * 100 × best ÷ value (a value of zero or below earns 100). So equal values earn equal points, and a district-wide 0 % earns nobody points.
 * A unit excluded from an indicator (nothing to measure) is scored on the indicators it has, with
 * their weights rescaled to sum to one; a unit with no indicator at all gets no score.
 */
import type { IndicatorDirection } from "./rank-units";
import {
  addRatio,
  compareRatio,
  divideRatio,
  formatRatio,
  multiplyRatio,
  type Ratio,
  ratio,
  ratioFromDecimal,
} from "./ratio";

export interface ScoredIndicator<UnitId> {
  id: string;
  /** A decimal string, e.g. "0.4"; the weights of a plan sum to 1. */
  weight: string;
  direction: IndicatorDirection;
  values: { unitId: UnitId; value: Ratio | null }[];
}

export interface UnitScore<UnitId> {
  unitId: UnitId;
  /** Decimal string with two places, 0.00–100.00; null when the unit has no indicator. */
  score: string | null;
  /** Points per indicator (decimal strings), null where the unit was excluded. */
  points: Record<string, string | null>;
  /** The weight actually applied after rescaling, as a decimal string. */
  appliedWeightSum: string;
}

const HUNDRED = ratio(100n);
const ZERO = ratio(0n);

/** A value may fall below zero (a growth rate, a net increase): a fall earns no points, as a zero does. */
function pointsFor(direction: IndicatorDirection, value: Ratio, best: Ratio): Ratio {
  if (direction === "higher") {
    if (best.numerator <= 0n || value.numerator <= 0n) return ZERO;
    return multiplyRatio(HUNDRED, divideRatio(value, best));
  }
  if (value.numerator <= 0n) return HUNDRED;
  if (best.numerator <= 0n) return ZERO;
  return multiplyRatio(HUNDRED, divideRatio(best, value));
}

/**
 * Scores every unit that appears in any indicator.
 * @returns the units in descending score order (unscored units last), ties in input order.
 */
export function weightedScores<UnitId>(indicators: ScoredIndicator<UnitId>[]): UnitScore<UnitId>[] {
  const units: UnitId[] = [];
  const seen = new Set<UnitId>();
  for (const indicator of indicators) {
    for (const entry of indicator.values) {
      if (!seen.has(entry.unitId)) {
        seen.add(entry.unitId);
        units.push(entry.unitId);
      }
    }
  }
  const sums = new Map<UnitId, { weighted: Ratio; weights: Ratio; points: Record<string, string | null> }>();
  for (const unitId of units) sums.set(unitId, { weighted: ZERO, weights: ZERO, points: {} });

  for (const indicator of indicators) {
    const weight = ratioFromDecimal(indicator.weight);
    const present = indicator.values.filter((entry): entry is { unitId: UnitId; value: Ratio } => entry.value !== null);
    let best: Ratio | undefined;
    for (const entry of present) {
      const higher = indicator.direction === "higher";
      if (!best || (higher ? compareRatio(entry.value, best) > 0 : compareRatio(entry.value, best) < 0))
        best = entry.value;
    }
    for (const unitId of units) {
      const sum = sums.get(unitId);
      if (!sum) continue;
      const entry = present.find((candidate) => candidate.unitId === unitId);
      if (!entry || !best) {
        sum.points[indicator.id] = null;
        continue;
      }
      const points = pointsFor(indicator.direction, entry.value, best);
      sum.points[indicator.id] = formatRatio(points, 2);
      sum.weighted = addRatio(sum.weighted, multiplyRatio(weight, points));
      sum.weights = addRatio(sum.weights, weight);
    }
  }

  const scored = units.map((unitId) => {
    const sum = sums.get(unitId) as { weighted: Ratio; weights: Ratio; points: Record<string, string | null> };
    const exact = sum.weights.numerator === 0n ? null : divideRatio(sum.weighted, sum.weights);
    return {
      unitId,
      exact,
      score: exact ? formatRatio(exact, 2) : null,
      points: sum.points,
      appliedWeightSum: formatRatio(sum.weights, 4),
    };
  });
  scored.sort((a, b) => {
    if (a.exact && b.exact) return compareRatio(b.exact, a.exact);
    if (a.exact) return -1;
    if (b.exact) return 1;
    return 0;
  });
  return scored.map(({ exact: _exact, ...rest }) => rest);
}
