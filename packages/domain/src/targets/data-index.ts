/**
 * Lookups over a snapshot's rows (status by enterprise and year, figures by enterprise, metric,
 * year and month), built once so that the metrics and the forecasts read them in constant time.
 */
import type { ScaleStatus, SnapshotEnterprise, TargetSnapshot } from "./snapshot";

type Slots = readonly (bigint | undefined)[];

/** An array of `length` holes as a packed array (a large `new Array(n)` may become a slow dictionary). */
function emptyArray<T>(length: number): (T | undefined)[] {
  const array: (T | undefined)[] = [];
  for (let i = 0; i < length; i++) array.push(undefined);
  return array;
}

export class SnapshotIndex {
  readonly enterprises: ReadonlyMap<number, SnapshotEnterprise>;
  /**
   * Enterprises are looked up by position, not in maps: their ids minus the lowest when the ids are dense enough,
   * else the order first seen. The forecasts' backtests look figures up millions of times at province scale.
   */
  private readonly lowestId: number;
  private readonly positions: Map<number, number> | null;
  private readonly width: number;
  private readonly firstYear: number;
  /** year − firstYear → position → status. */
  private readonly status: (ScaleStatus | undefined)[][] = [];
  /** metric → year − firstYear → position → 13 slots: [0] the whole year, [1..12] the months. */
  private readonly figures = new Map<string, (Slots | undefined)[][]>();
  private readonly years = new Set<number>();
  private readonly directoryYears = new Set<number>();
  private readonly aboveScaleByYear = new Map<number, SnapshotEnterprise[]>();
  /** key `${enterpriseId}|${factId}|${year}` → period → value, for the declared facts the targets read. */
  private readonly declaredFacts = new Map<string, Map<number, bigint>>();

  constructor(readonly snapshot: TargetSnapshot) {
    this.enterprises = new Map(snapshot.enterprises.map((enterprise) => [enterprise.id, enterprise]));
    const figureYears = snapshot.figureYears ?? [];
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    let firstYear = Number.POSITIVE_INFINITY;
    const see = (id: number, year: number | null) => {
      if (id < lowest) lowest = id;
      if (id > highest) highest = id;
      if (year !== null && year < firstYear) firstYear = year;
    };
    for (const enterprise of snapshot.enterprises) {
      see(enterprise.id, null);
      for (const row of enterprise.scale) see(enterprise.id, row.year);
    }
    for (const figure of snapshot.figures) see(figure.enterpriseId, figure.year);
    for (const row of figureYears) see(row.enterpriseId, row.year);
    const entries = snapshot.enterprises.length + snapshot.figures.length + figureYears.length;
    const dense = entries === 0 || highest - lowest + 1 <= 4 * entries + 4096;
    this.lowestId = Number.isFinite(lowest) ? lowest : 0;
    this.positions = dense ? null : new Map();
    if (this.positions) {
      for (const enterprise of snapshot.enterprises) this.placeOf(enterprise.id);
      for (const figure of snapshot.figures) this.placeOf(figure.enterpriseId);
      for (const row of figureYears) this.placeOf(row.enterpriseId);
    }
    this.width = this.positions ? this.positions.size : Math.max(0, highest - lowest + 1);
    this.firstYear = Number.isFinite(firstYear) ? firstYear : 0;

    for (const enterprise of snapshot.enterprises) {
      const position = this.positionOf(enterprise.id);
      for (const row of enterprise.scale) {
        const offset = row.year - this.firstYear;
        while (this.status.length <= offset) this.status.push(emptyArray(this.width) as (ScaleStatus | undefined)[]);
        (this.status[offset] as (ScaleStatus | undefined)[])[position] = row.status;
        this.years.add(row.year);
        this.directoryYears.add(row.year);
      }
    }
    for (const figure of snapshot.figures) {
      if (figure.month < 0 || figure.month > 12) continue;
      const column = this.column(figure.metric, figure.year);
      const position = this.positionOf(figure.enterpriseId);
      let slots = column[position] as (bigint | undefined)[] | undefined;
      if (!slots) {
        slots = new Array<bigint | undefined>(13).fill(undefined);
        column[position] = slots;
      }
      // The snapshot holds current values; should a key repeat, the later row wins.
      slots[figure.month] = figure.value;
      this.years.add(figure.year);
    }
    for (const row of figureYears) {
      const column = this.column(row.metric, row.year);
      const position = this.positionOf(row.enterpriseId);
      const held = column[position];
      // The row's own array is shared, never written to; should a key repeat, its values are laid over a copy.
      if (!held) column[position] = row.values;
      else {
        const merged = [...held];
        row.values.forEach((value, month) => {
          if (value !== undefined) merged[month] = value;
        });
        column[position] = merged;
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

  /** The enterprise's position (sparse ids: its place, made on first sight while building). */
  private placeOf(id: number): number {
    const positions = this.positions as Map<number, number>;
    let position = positions.get(id);
    if (position === undefined) {
      position = positions.size;
      positions.set(id, position);
    }
    return position;
  }

  /** The enterprise's position; −1 for an enterprise the snapshot does not hold. */
  private positionOf(id: number): number {
    if (this.positions) return this.positions.get(id) ?? -1;
    const position = id - this.lowestId;
    return position >= 0 && position < this.width ? position : -1;
  }

  /** The slots of a metric and year by position, made when missing (while building). */
  private column(metric: string, year: number): (Slots | undefined)[] {
    let byYear = this.figures.get(metric);
    if (!byYear) {
      byYear = [];
      this.figures.set(metric, byYear);
    }
    const offset = year - this.firstYear;
    while (byYear.length <= offset) byYear.push(emptyArray<Slots>(this.width));
    return byYear[offset] as (Slots | undefined)[];
  }

  /** The years that appear in the status history or the figures, ascending. */
  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  statusIn(enterpriseId: number, year: number): ScaleStatus | undefined {
    const position = this.positionOf(enterpriseId);
    if (position < 0) return undefined;
    return this.status[year - this.firstYear]?.[position];
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
    let list = this.aboveScaleByYear.get(year);
    if (!list) {
      list = this.snapshot.enterprises.filter((enterprise) => this.isAboveScale(enterprise.id, year));
      this.aboveScaleByYear.set(year, list);
    }
    return [...list];
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

  private slotsOf(enterpriseId: number, metric: string, year: number): Slots | undefined {
    const position = this.positionOf(enterpriseId);
    if (position < 0) return undefined;
    return this.figures.get(metric)?.[year - this.firstYear]?.[position];
  }

  /**
   * The year's thirteen slots as held ([0] the whole year, [1..12] the months, undefined where none): for a reader
   * going through every month of many enterprises. Never to be written to.
   */
  slotsIn(enterpriseId: number, metric: string, year: number): Slots | undefined {
    return this.slotsOf(enterpriseId, metric, year);
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
