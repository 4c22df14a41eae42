/**
 * A district's own figures as the same kind of series the public statistics are: the year's running
 * total of the enterprises 规上 in that year (each year its own panel, as the statistics bureau counts),
 * and, for the bottom-up forecast, each enterprise's own running totals.
 */
import { indexOfSnapshot, type SnapshotIndex } from "../targets/data-index";
import type { TargetSnapshot } from "../targets/snapshot";
import type { CumulativeSeries, SeasonalProfile, SeriesYear } from "./cumulative-series";
import { combinedYearEnd } from "./year-end";

function enterpriseYear(index: SnapshotIndex, id: number, year: number, metric: string): SeriesYear | undefined {
  const slots = index.slotsIn(id, metric, year);
  if (!slots) return undefined;
  const cumulative = new Map<number, number>();
  // Each month's running total, exact in fen before it becomes yuan; none unless all twelve months are in.
  let total = 0n;
  for (let month = 1; month <= 12; month++) {
    const value = slots[month];
    if (value === undefined) return undefined;
    total += value;
    cumulative.set(month, Number(total) / 100);
  }
  return { year, cumulative };
}

/** Adds an enterprise's running totals of a year to those of a panel (month by month, in order). */
function addRunningTotals(totals: Float64Array, index: SnapshotIndex, id: number, year: number, metric: string): void {
  const slots = index.slotsIn(id, metric, year);
  if (!slots) return;
  for (let month = 1; month <= 12; month++) if (slots[month] === undefined) return;
  let total = 0n;
  for (let month = 1; month <= 12; month++) {
    total += slots[month] as bigint;
    totals[month] = (totals[month] as number) + Number(total) / 100;
  }
}

/** A year's running totals as a series year, when its December total is positive. */
function seriesYearOf(year: number, totals: Float64Array, reported: boolean): SeriesYear | null {
  if (!reported || !((totals[12] as number) > 0)) return null;
  const cumulative = new Map<number, number>();
  for (let month = 1; month <= 12; month++) cumulative.set(month, totals[month] as number);
  return { year, cumulative };
}

/**
 * Earlier years of a fixed panel (the enterprises reporting this year), each year over the panel's
 * members that reported all its months: the history the running year is scaled up by.
 */
export function panelHistory(
  index: SnapshotIndex,
  panel: readonly number[],
  years: readonly number[],
  metric = "revenue",
): SeriesYear[] {
  const history: SeriesYear[] = [];
  for (const year of years) {
    // Float sums in the panel's order, as a running total per month: the same additions in the same order always.
    const totals = new Float64Array(13);
    for (const id of panel) addRunningTotals(totals, index, id, year, metric);
    const entry = seriesYearOf(year, totals, true);
    if (entry) history.push(entry);
  }
  return history;
}

/** The members counted in a year: the year's 规上 enterprises, or every enterprise without a directory. */
function members(index: SnapshotIndex, snapshot: TargetSnapshot, year: number): number[] {
  const list = index.hasDirectory(year) ? index.aboveScaleIn(year) : snapshot.enterprises;
  return list.map((enterprise) => enterprise.id);
}

/** The district's total (yuan) by year and month, over each year's members that reported every month. */
export function districtSeriesFrom(snapshot: TargetSnapshot, metric = "revenue"): CumulativeSeries {
  const index = indexOfSnapshot(snapshot);
  const years: SeriesYear[] = [];
  for (const year of index.knownYears()) {
    const totals = new Float64Array(13);
    for (const id of members(index, snapshot, year)) addRunningTotals(totals, index, id, year, metric);
    const entry = seriesYearOf(year, totals, true);
    if (entry) years.push(entry);
  }
  return { id: `district-${metric}`, name: "本区规上工业企业", years };
}

export interface BottomUpEstimate {
  estimate: number;
  enterprises: number;
  /** Members of the year without months to date (carried at zero: they are not in the year's total yet). */
  withoutMonths: number;
}

/**
 * The year from its enterprises: each member of the year (entries included, exits gone) is scaled up
 * from its own months by its own past years' seasonality, the reference profile standing in where it
 * has no history; the district is their sum.
 */
export function bottomUpYearEnd(
  snapshot: TargetSnapshot,
  year: number,
  throughMonth: number,
  reference: SeasonalProfile,
  metric = "revenue",
): BottomUpEstimate {
  const index = indexOfSnapshot(snapshot);
  let estimate = 0;
  let enterprises = 0;
  let withoutMonths = 0;
  for (const id of members(index, snapshot, year)) {
    const toDate = index.yearToDate(id, metric, year, throughMonth);
    if (toDate === undefined || toDate <= 0n) {
      withoutMonths++;
      continue;
    }
    const history = index
      .knownYears()
      .filter((earlier) => earlier < year)
      .map((earlier) => enterpriseYear(index, id, earlier, metric))
      .filter((entry): entry is SeriesYear => entry !== undefined);
    estimate += combinedYearEnd({
      throughMonth,
      yearToDate: Number(toDate) / 100,
      history,
      year,
      reference,
    }).estimate;
    enterprises++;
  }
  return { estimate, enterprises, withoutMonths };
}
