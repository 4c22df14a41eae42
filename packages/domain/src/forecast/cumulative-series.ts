/**
 * Published statistics as a year's running total (累计): months 1..N of one year, month 12 being the
 * whole year. Public releases give some months and skip others, and each year's levels come from that
 * year's panel of enterprises, so only ratios inside one year are compared across years.
 *
 * A seasonal profile is what such a series says about the share of the year reached by the end of each
 * month; it is the neutral default for a district with no monthly history of its own.
 */
import { z } from "zod";

export interface SeriesYear {
  year: number;
  /** Month (1..12) → total of months 1..month; 12 is the whole year. */
  cumulative: ReadonlyMap<number, number>;
}

export interface CumulativeSeries {
  id: string;
  name: string;
  years: readonly SeriesYear[];
}

const sourceSchema = z.object({
  url: z.string().min(1),
  note: z.string().optional(),
  as_published: z.string().optional(),
});
const seriesFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      cumulative: z.record(z.string().regex(/^(1[0-2]|[1-9])$/), z.number().positive()),
      sources: z.record(z.string(), sourceSchema),
    }),
  ),
});

/**
 * Reads a series file (see packages/domain/test-data/forecast/). Every value must carry its source;
 * a value without one, or a total that falls as months are added, is refused with the year and month.
 */
export function parseSeriesFile(json: unknown): CumulativeSeries {
  const file = seriesFileSchema.parse(json);
  const years: SeriesYear[] = [];
  for (const [yearText, entry] of Object.entries(file.years)) {
    const cumulative = new Map<number, number>();
    for (const [monthText, value] of Object.entries(entry.cumulative)) {
      // A source names one month, or "all" when one table gave the whole year.
      if (!entry.sources[monthText] && !entry.sources.all)
        throw new Error(`${file.id}: ${yearText}年1-${monthText}月的数值没有来源`);
      cumulative.set(Number(monthText), value);
    }
    const months = [...cumulative.keys()].sort((a, b) => a - b);
    for (let i = 1; i < months.length; i++) {
      if ((cumulative.get(months[i] as number) as number) < (cumulative.get(months[i - 1] as number) as number)) {
        throw new Error(`${file.id}: ${yearText}年1-${months[i]}月的累计值小于1-${months[i - 1]}月`);
      }
    }
    years.push({ year: Number(yearText), cumulative });
  }
  years.sort((a, b) => a.year - b.year);
  return { id: file.id, name: file.name, years };
}

/**
 * How uncertain the year's remainder is after N months, up to a scale: the spread of the log
 * multiplier from months 1..N to the year grows with the months still to come relative to those seen.
 */
export function remainderShape(throughMonth: number): number {
  return Math.sqrt((12 - throughMonth) / throughMonth);
}

export interface SeasonalProfile {
  id: string;
  name: string;
  /** Share of the year reached at the end of month N, index N − 1; the last is 1. */
  shares: number[];
  /**
   * Spread of one year's log multiplier log(year ÷ months 1..N) around the profile, divided by
   * remainderShape(N): the profile's own measure of how much years differ.
   */
  spreadScale: number;
  /** Years the profile was learnt from. */
  years: number[];
  /** Years left out as outliers. */
  outlierYears: number[];
  /** Months whose share was interpolated (no year published them). */
  interpolatedMonths: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Used when a series gives too few residuals to measure its own spread (about what national years show). */
const FALLBACK_SPREAD_SCALE = 0.02;

/**
 * A year's log multiplier log(year ÷ months 1..N): published directly, or filled in between the
 * nearest published months around N (month 0 = nothing yet) along a profile's shape (`shares`,
 * index N − 1). Undefined when the year's total is not published.
 */
export function yearMultiplier(
  entry: SeriesYear,
  throughMonth: number,
  shares: readonly number[],
): { multiplier: number; filled: boolean } | undefined {
  const whole = entry.cumulative.get(12);
  if (!whole) return undefined;
  const direct = entry.cumulative.get(throughMonth);
  if (direct) return { multiplier: Math.log(whole / direct), filled: false };
  const published = [0, ...entry.cumulative.keys()].sort((a, b) => a - b);
  const before = published.filter((month) => month < throughMonth).at(-1) as number;
  const after = published.find((month) => month > throughMonth) as number;
  const shareAt = (month: number) => (month === 0 ? 0 : (shares[month - 1] as number));
  const valueAt = (month: number) => (month === 0 ? 0 : (entry.cumulative.get(month) as number));
  const fraction = (shareAt(throughMonth) - shareAt(before)) / (shareAt(after) - shareAt(before));
  const filled = valueAt(before) + (valueAt(after) - valueAt(before)) * fraction;
  return filled > 0 ? { multiplier: Math.log(whole / filled), filled: true } : undefined;
}

/** Shares by month from known ones (month 12 = 1), the others interpolated linearly between neighbours. */
function completeShares(known: ReadonlyMap<number, number>): { shares: number[]; interpolated: number[] } {
  const shares: number[] = [];
  const interpolated: number[] = [];
  for (let month = 1; month <= 12; month++) {
    const share = known.get(month);
    if (share !== undefined) {
      shares.push(share);
      continue;
    }
    interpolated.push(month);
    const before = [...known.keys()].filter((m) => m < month).sort((a, b) => b - a)[0] ?? 0;
    const after = [...known.keys()].filter((m) => m > month).sort((a, b) => a - b)[0] as number;
    const shareBefore = before === 0 ? 0 : (known.get(before) as number);
    const shareAfter = known.get(after) as number;
    shares.push(shareBefore + ((shareAfter - shareBefore) * (month - before)) / (after - before));
  }
  return { shares, interpolated };
}

/** The two-pass median shape of some years (see seasonalProfileFrom). */
function medianShape(usable: readonly SeriesYear[]): { shares: number[]; interpolated: number[] } {
  const rough = new Map<number, number>([[12, 1]]);
  for (let month = 1; month <= 11; month++) {
    const multipliers = usable
      .filter((entry) => entry.cumulative.has(month))
      .map((entry) => Math.log((entry.cumulative.get(12) as number) / (entry.cumulative.get(month) as number)));
    if (multipliers.length) rough.set(month, Math.exp(-median(multipliers)));
  }
  const roughShape = completeShares(rough);
  const refined = new Map<number, number>([[12, 1]]);
  for (let month = 1; month <= 11; month++) {
    const multipliers = usable
      .map((entry) => yearMultiplier(entry, month, roughShape.shares)?.multiplier)
      .filter((value): value is number => value !== undefined);
    if (multipliers.length) refined.set(month, Math.exp(-median(multipliers)));
  }
  return { shares: completeShares(refined).shares, interpolated: roughShape.interpolated };
}

/** A year's published months against a shape learnt without it: |log multiplier − shape's| ÷ remainderShape. */
function outOfSampleResiduals(entry: SeriesYear, shares: readonly number[]): number[] {
  const residuals: number[] = [];
  for (const [month, value] of entry.cumulative) {
    if (month === 12) continue;
    const multiplier = Math.log((entry.cumulative.get(12) as number) / value);
    residuals.push(Math.abs(multiplier + Math.log(shares[month - 1] as number)) / remainderShape(month));
  }
  return residuals;
}

/** A year with a month this many spreads from the other years' shape is an outlier (a shock hits some months, not all). */
const OUTLIER_YEAR_LIMIT = 2.5;

/**
 * The profile of a series. First a rough shape: for each month published with the whole year, the
 * median of log(year ÷ months 1..N), months nobody published interpolated (January as half of
 * January–February when only the two together are published). Then every year with a published
 * total speaks for every month — directly, or filled in from its own published months along the rough
 * shape — and the median over years is taken. Each year is first compared with the shape of the others:
 * one with a month far from it (2020, the epidemic closure) is left out and named in `outlierYears`.
 * The spread is measured the same way, each year against the others, so that it is the error of
 * predicting a year the profile has not seen.
 */
export function seasonalProfileFrom(
  series: CumulativeSeries,
  options: { excludeYears?: readonly number[]; untilYear?: number } = {},
): SeasonalProfile {
  const excluded = new Set(options.excludeYears ?? []);
  const usable = series.years.filter(
    (entry) =>
      !excluded.has(entry.year) &&
      (options.untilYear === undefined || entry.year <= options.untilYear) &&
      entry.cumulative.has(12),
  );
  const residualsByYear = new Map<number, number[]>();
  if (usable.length >= 3) {
    for (const entry of usable) {
      const others = usable.filter((other) => other !== entry);
      residualsByYear.set(entry.year, outOfSampleResiduals(entry, medianShape(others).shares));
    }
  }
  const pooled = [...residualsByYear.values()].flat();
  const roughSpread = pooled.length >= 4 ? 1.4826 * median(pooled) : FALLBACK_SPREAD_SCALE;
  const outlierYears = [...residualsByYear]
    .filter(([, residuals]) => residuals.length && Math.max(...residuals) / roughSpread > OUTLIER_YEAR_LIMIT)
    .map(([year]) => year);
  const kept = usable.filter((entry) => !outlierYears.includes(entry.year));
  const { shares, interpolated } = medianShape(kept);
  // Measured again without the outliers, which would otherwise widen every other year's residuals.
  const keptResiduals =
    kept.length >= 3
      ? kept.flatMap((entry) =>
          outOfSampleResiduals(entry, medianShape(kept.filter((other) => other !== entry)).shares),
        )
      : [];
  // Median absolute residual as a robust spread (1.4826 makes it the sd of a normal).
  const spreadScale = keptResiduals.length >= 4 ? 1.4826 * median(keptResiduals) : FALLBACK_SPREAD_SCALE;
  return {
    id: series.id,
    name: series.name,
    shares,
    spreadScale,
    years: kept.map((entry) => entry.year),
    outlierYears,
    interpolatedMonths: interpolated,
  };
}

/** The profile as stored data (the shipped default is a file written from the national series). */
export function profileToJson(profile: SeasonalProfile): Record<string, unknown> {
  return {
    id: profile.id,
    name: profile.name,
    shares: profile.shares.map((share) => Number(share.toFixed(6))),
    spreadScale: Number(profile.spreadScale.toFixed(6)),
    years: profile.years,
    outlierYears: profile.outlierYears,
    interpolatedMonths: profile.interpolatedMonths,
  };
}

const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  shares: z.array(z.number().positive().max(1)).length(12),
  spreadScale: z.number().positive(),
  years: z.array(z.number().int()),
  outlierYears: z.array(z.number().int()),
  interpolatedMonths: z.array(z.number().int()),
});

export function profileFromJson(json: unknown): SeasonalProfile {
  return profileSchema.parse(json);
}
