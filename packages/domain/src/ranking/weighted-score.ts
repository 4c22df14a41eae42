/**
 * The year-end assessment score of each unit: a weighted sum of per-indicator points.
 *
 * Points on one indicator are min–max scaled over the ranked units: the best value earns 100, the
 * worst 0, the others in proportion; when every ranked unit has the same value, all earn 100.
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
  subtractRatio,
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

function pointsFor(value: Ratio, best: Ratio, worst: Ratio): Ratio {
  if (compareRatio(best, worst) === 0) return HUNDRED;
  // For "lower is better", best < worst: span and distance are both negative, the quotient still 0..1.
  const span = subtractRatio(best, worst);
  const distance = subtractRatio(value, worst);
  return multiplyRatio(HUNDRED, divideRatio(distance, span));
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
    let worst: Ratio | undefined;
    for (const entry of present) {
      const higher = indicator.direction === "higher";
      if (!best || (higher ? compareRatio(entry.value, best) > 0 : compareRatio(entry.value, best) < 0))
        best = entry.value;
      if (!worst || (higher ? compareRatio(entry.value, worst) < 0 : compareRatio(entry.value, worst) > 0))
        worst = entry.value;
    }
    for (const unitId of units) {
      const sum = sums.get(unitId);
      if (!sum) continue;
      const entry = present.find((candidate) => candidate.unitId === unitId);
      if (!entry || !best || !worst) {
        sum.points[indicator.id] = null;
        continue;
      }
      const points = pointsFor(entry.value, best, worst);
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
