/**
 * A synthetic district with a known truth, for testing and demonstrating the forecasts: enterprises
 * with seasonal monthly revenue, a common growth rhythm, their own trends and noise, from a seeded
 * generator so that every run is the same. Not used for anything shown as real data.
 */
import type { ScaleStatus, SnapshotEnterprise, SnapshotFigure, TargetSnapshot } from "../targets/snapshot";

/** A small seeded generator (mulberry32) with normal draws (Box–Muller). */
export class SeededGenerator {
  private state: number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Normal with the given mean and standard deviation. */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const value = this.spare;
      this.spare = null;
      return mean + sd * value;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return mean + sd * radius * Math.cos(2 * Math.PI * v);
  }
}

/** The usual monthly pattern of industrial revenue: a slow start around the Spring Festival, a strong December. */
export const SEASONAL_WEIGHTS: readonly number[] = [
  0.065, 0.05, 0.08, 0.08, 0.082, 0.088, 0.08, 0.082, 0.088, 0.085, 0.09, 0.13,
];

export interface SyntheticOptions {
  seed: number;
  enterprises?: number;
  firstYear?: number;
  /** The last month with data; months after it are not generated. */
  asOf: { year: number; month: number };
  /** Above-scale threshold in yuan (default 20,000,000). */
  threshold?: number;
  /** Mean and spread of the common yearly log growth. */
  commonGrowth?: number;
  commonGrowthSd?: number;
  /** Spread of an enterprise's own persistent growth, and of its yearly noise. */
  enterpriseTrendSd?: number;
  enterpriseNoiseSd?: number;
  /** Spread of a year's seasonal pattern (shared by all enterprises) and of each month's own noise. */
  seasonalYearSd?: number;
  monthlyNoiseSd?: number;
  /** Whether a year's status follows that year's revenue (0) or the year before's (1). */
  statusLag?: 0 | 1;
  /** The chain ids and town codes the enterprises are spread over, in turn (generic names by default). */
  chains?: readonly string[];
  towns?: readonly string[];
}

const GENERIC_CHAINS = ["chain-a", "chain-b", "chain-c", "chain-d", "other"] as const;
const GENERIC_TOWNS = ["town-a", "town-b", "town-c"] as const;

export interface SyntheticDistrict {
  snapshot: TargetSnapshot;
  /** Each enterprise's true annual revenue in fen, including years after asOf (the truth to forecast). */
  truth: Map<number, Map<number, bigint>>;
  lastYear: number;
}

/**
 * Generates a district from `firstYear` through `asOf.year + 3` (the future is kept in `truth`);
 * the snapshot holds months up to asOf and annual rows for complete years.
 */
export function syntheticDistrict(options: SyntheticOptions): SyntheticDistrict {
  const random = new SeededGenerator(options.seed);
  const count = options.enterprises ?? 40;
  const firstYear = options.firstYear ?? options.asOf.year - 8;
  const lastYear = options.asOf.year + 3;
  const threshold = options.threshold ?? 20_000_000;
  const lag = options.statusLag ?? 0;
  const commonByYear = new Map<number, number>();
  const seasonByYear = new Map<number, number[]>();
  for (let year = firstYear; year <= lastYear; year++) {
    commonByYear.set(year, random.normal(options.commonGrowth ?? 0.08, options.commonGrowthSd ?? 0.04));
    const raw = SEASONAL_WEIGHTS.map((weight) => weight * Math.exp(random.normal(0, options.seasonalYearSd ?? 0.05)));
    const total = raw.reduce((sum, value) => sum + value, 0);
    seasonByYear.set(
      year,
      raw.map((value) => value / total),
    );
  }
  const enterprises: SnapshotEnterprise[] = [];
  const figures: SnapshotFigure[] = [];
  const truth = new Map<number, Map<number, bigint>>();
  const chains = options.chains?.length ? options.chains : GENERIC_CHAINS;
  const towns = options.towns?.length ? options.towns : GENERIC_TOWNS;
  for (let id = 1; id <= count; id++) {
    // Log-normal sizes around 30 million yuan: some far above, a reserve pool below the threshold.
    let revenue = Math.exp(random.normal(Math.log(30_000_000), 0.9));
    const trend = random.normal(0, options.enterpriseTrendSd ?? 0.05);
    const annualByYear = new Map<number, bigint>();
    const scale: { year: number; status: ScaleStatus }[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      if (year > firstYear) {
        revenue *= Math.exp(
          (commonByYear.get(year) as number) + trend + random.normal(0, options.enterpriseNoiseSd ?? 0.1),
        );
      }
      const season = seasonByYear.get(year) as number[];
      let annual = 0n;
      for (let month = 1; month <= 12; month++) {
        const value = BigInt(
          Math.round(
            revenue * (season[month - 1] as number) * Math.exp(random.normal(0, options.monthlyNoiseSd ?? 0.08)) * 100,
          ),
        );
        annual += value;
        const reported = year < options.asOf.year || (year === options.asOf.year && month <= options.asOf.month);
        if (reported) figures.push({ enterpriseId: id, year, month, metric: "revenue", value });
      }
      annualByYear.set(year, annual);
      const complete = year < options.asOf.year || (year === options.asOf.year && options.asOf.month === 12);
      if (complete) figures.push({ enterpriseId: id, year, month: 0, metric: "revenue", value: annual });
    }
    truth.set(id, annualByYear);
    for (let year = firstYear + lag; year <= lastYear; year++) {
      const deciding = annualByYear.get(year - lag) as bigint;
      const status: ScaleStatus =
        deciding >= BigInt(threshold) * 100n ? "above" : deciding >= BigInt(threshold) * 50n ? "reserve" : "other";
      if (year <= options.asOf.year) scale.push({ year, status });
    }
    enterprises.push({
      id,
      name: `企业${String(id).padStart(3, "0")}`,
      chainId: chains[id % chains.length] as string,
      town: towns[id % towns.length] as string,
      isKey: id % 4 === 0,
      hasLeader: id % 8 === 0,
      scale,
    });
  }
  return {
    snapshot: {
      asOf: options.asOf,
      enterprises,
      figures,
      projects: [],
      listings: [],
      investment: [],
      onlineServices: [],
    },
    truth,
    lastYear,
  };
}

/** The true above-scale revenue total of a year in the synthetic district (fen), by the generator's status rule. */
export function trueAboveScaleRevenue(
  district: SyntheticDistrict,
  year: number,
  threshold = 20_000_000,
  lag: 0 | 1 = 0,
): bigint {
  let total = 0n;
  for (const byYear of district.truth.values()) {
    const deciding = byYear.get(year - lag);
    if (deciding !== undefined && deciding >= BigInt(threshold) * 100n) total += byYear.get(year) as bigint;
  }
  return total;
}

/** The true above-scale count of a year in the synthetic district. */
export function trueAboveScaleCount(
  district: SyntheticDistrict,
  year: number,
  threshold = 20_000_000,
  lag: 0 | 1 = 0,
): number {
  let above = 0;
  for (const byYear of district.truth.values()) {
    const deciding = byYear.get(year - lag);
    if (deciding !== undefined && deciding >= BigInt(threshold) * 100n) above++;
  }
  return above;
}
