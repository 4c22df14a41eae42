/**
 * Lookups over a snapshot's rows (status by enterprise and year, figures by enterprise, metric,
 * year and month), built once so that the metrics and the forecasts read them in constant time.
 */
import type { ScaleStatus, SnapshotEnterprise, TargetSnapshot } from "./snapshot";

export class SnapshotIndex {
  readonly enterprises: ReadonlyMap<number, SnapshotEnterprise>;
  private readonly status = new Map<number, Map<number, ScaleStatus>>();
  /**
   * metric → year → enterprise → 13 slots: [0] the whole year, [1..12] the months. Nested maps of numbers rather
   * than one map of composed text keys: the forecasts' backtests look figures up millions of times at province scale.
   */
  private readonly figures = new Map<string, Map<number, Map<number, (bigint | undefined)[]>>>();
  private readonly years = new Set<number>();
  private readonly directoryYears = new Set<number>();
  /** key `${enterpriseId}|${factId}|${year}` → period → value, for the declared facts the targets read. */
  private readonly declaredFacts = new Map<string, Map<number, bigint>>();

  constructor(readonly snapshot: TargetSnapshot) {
    this.enterprises = new Map(snapshot.enterprises.map((enterprise) => [enterprise.id, enterprise]));
    for (const enterprise of snapshot.enterprises) {
      const byYear = new Map<number, ScaleStatus>();
      for (const row of enterprise.scale) {
        byYear.set(row.year, row.status);
        this.years.add(row.year);
        this.directoryYears.add(row.year);
      }
      this.status.set(enterprise.id, byYear);
    }
    for (const figure of snapshot.figures) {
      if (figure.month < 0 || figure.month > 12) continue;
      let byYear = this.figures.get(figure.metric);
      if (!byYear) {
        byYear = new Map();
        this.figures.set(figure.metric, byYear);
      }
      let byEnterprise = byYear.get(figure.year);
      if (!byEnterprise) {
        byEnterprise = new Map();
        byYear.set(figure.year, byEnterprise);
      }
      let slots = byEnterprise.get(figure.enterpriseId);
      if (!slots) {
        slots = new Array<bigint | undefined>(13).fill(undefined);
        byEnterprise.set(figure.enterpriseId, slots);
      }
      // The snapshot holds current values; should a key repeat, the later row wins.
      slots[figure.month] = figure.value;
      this.years.add(figure.year);
    }
    for (const row of snapshot.figureYears ?? []) {
      let byYear = this.figures.get(row.metric);
      if (!byYear) {
        byYear = new Map();
        this.figures.set(row.metric, byYear);
      }
      let byEnterprise = byYear.get(row.year);
      if (!byEnterprise) {
        byEnterprise = new Map();
        byYear.set(row.year, byEnterprise);
      }
      const held = byEnterprise.get(row.enterpriseId);
      // The row's own array is shared, never written to; should a key repeat, its values are laid over a copy.
      if (!held) byEnterprise.set(row.enterpriseId, row.values as (bigint | undefined)[]);
      else {
        const merged = [...held];
        row.values.forEach((value, month) => {
          if (value !== undefined) merged[month] = value;
        });
        byEnterprise.set(row.enterpriseId, merged);
      }
      this.years.add(row.year);
    }
    for (const fact of snapshot.declaredFacts ?? []) {
      const key = figureKey(fact.enterpriseId, fact.factId, fact.year);
      let periods = this.declaredFacts.get(key);
      if (!periods) {
        periods = new Map();
        this.declaredFacts.set(key, periods);
      }
      periods.set(fact.period, fact.value);
    }
  }

  /** The years that appear in the status history or the figures, ascending. */
  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  statusIn(enterpriseId: number, year: number): ScaleStatus | undefined {
    return this.status.get(enterpriseId)?.get(year);
  }

  isAboveScale(enterpriseId: number, year: number): boolean {
    return this.statusIn(enterpriseId, year) === "above";
  }

  /** Whether any enterprise has a status row for the year (the directory of that year exists). */
  hasDirectory(year: number): boolean {
    return this.directoryYears.has(year);
  }

  /** Enterprises above-scale in the year. */
  aboveScaleIn(year: number): SnapshotEnterprise[] {
    return this.snapshot.enterprises.filter((enterprise) => this.isAboveScale(enterprise.id, year));
  }

  /**
   * The whole year's value: the annual row (month 0) when there is one, else the sum of the
   * twelve months when all twelve are present, else undefined.
   */
  annual(enterpriseId: number, metric: string, year: number): bigint | undefined {
    const slots = this.slotsOf(enterpriseId, metric, year);
    if (!slots) return undefined;
    if (slots[0] !== undefined) return slots[0];
    let total = 0n;
    for (let month = 1; month <= 12; month++) {
      const value = slots[month];
      if (value === undefined) return undefined;
      total += value;
    }
    return total;
  }

  /** The month's own value, or undefined. */
  monthly(enterpriseId: number, metric: string, year: number, month: number): bigint | undefined {
    return this.slotsOf(enterpriseId, metric, year)?.[month];
  }

  /** Months 1..throughMonth summed; undefined unless every one of them is present. */
  yearToDate(enterpriseId: number, metric: string, year: number, throughMonth: number): bigint | undefined {
    const slots = this.slotsOf(enterpriseId, metric, year);
    if (!slots) return undefined;
    let total = 0n;
    for (let month = 1; month <= throughMonth; month++) {
      const value = slots[month];
      if (value === undefined) return undefined;
      total += value;
    }
    return total;
  }

  /**
   * A declared fact's value for the year: its periods (0 for a yearly fact, 1–4 or 1–12) summed, undefined
   * unless every one of them is present.
   */
  declaredFactYear(enterpriseId: number, factId: string, year: number, periods: readonly number[]): bigint | undefined {
    const values = this.declaredFacts.get(figureKey(enterpriseId, factId, year));
    if (!values) return undefined;
    let total = 0n;
    for (const period of periods) {
      const value = values.get(period);
      if (value === undefined) return undefined;
      total += value;
    }
    return total;
  }

  private slotsOf(enterpriseId: number, metric: string, year: number): (bigint | undefined)[] | undefined {
    return this.figures.get(metric)?.get(year)?.get(enterpriseId);
  }

  /** Whether the enterprise has all twelve months of the year (needed to learn seasonal shares). */
  hasAllMonths(enterpriseId: number, metric: string, year: number): boolean {
    return this.yearToDate(enterpriseId, metric, year, 12) !== undefined;
  }
}

/** The index of each snapshot built so far: a snapshot is never changed once made, so its index is built once. */
const indexes = new WeakMap<TargetSnapshot, SnapshotIndex>();

/**
 * The snapshot's index, built on its first use and shared by every reader after it (the targets, each forecast and
 * its backtest read the same snapshot: at province scale one index costs seconds).
 */
export function indexOfSnapshot(snapshot: TargetSnapshot): SnapshotIndex {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new SnapshotIndex(snapshot);
    indexes.set(snapshot, index);
  }
  return index;
}

function figureKey(enterpriseId: number, metric: string, year: number): string {
  return `${enterpriseId}|${metric}|${year}`;
}
