/**
 * The province-sized district of the scale benchmark, generated in slices of enterprises so that 100,000
 * enterprises × 60 months never sit in memory at once: each enterprise has a chain, a town, a scale status per
 * year (2019–2023), twelve monthly revenues per year that add up exactly to its annual revenue (in whole 千元),
 * the annual revenue (month 0, as a yearly statistics file gives it) and the annual tax. Seeded and
 * deterministic: the same size gives the same district.
 */
import { withCheckCharacter } from "@beizeng/domain/credit-code";

export const YEARS = [2019, 2020, 2021, 2022, 2023];
export const CHAINS = ["biomedicine", "electronics", "aviation", "automotive", "other"];
// Seasonal weights in thousandths (a slow February, a strong December); they sum to 1000.
const SEASON = [75, 60, 85, 82, 84, 86, 80, 81, 85, 84, 89, 109];

export type ScaleStatus = "above" | "reserve" | "other";

export interface GeneratedYear {
  year: number;
  status: ScaleStatus;
  /** Fen. */
  revenue: bigint;
  tax: bigint;
  /** Fen, months 1..12 in order. */
  months: bigint[];
}

export interface GeneratedEnterprise {
  index: number;
  creditCode: string;
  name: string;
  chain: string;
  townIndex: number;
  isKey: boolean;
  years: GeneratedYear[];
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The enterprise of an index: each one drawn from its own seed, so that a slice can be generated on its own. */
export function generateEnterprise(index: number): GeneratedEnterprise {
  const next = random(20261212 + index * 7919);
  const chain = CHAINS[Math.floor(next() * CHAINS.length)] as string;
  const townIndex = Math.floor(next() * 1000);
  const isKey = next() < 0.05;
  // Annual revenue between 500万 and 5亿 in 千元, log-uniform; it moves by −12 % … +18 % a year.
  let qianyuan = Math.round(5000 * 100 ** next());
  const years: GeneratedYear[] = [];
  for (const year of YEARS) {
    qianyuan = Math.max(100, Math.round(qianyuan * (1 + (next() - 0.4) * 0.3)));
    const status: ScaleStatus = qianyuan >= 20_000 ? "above" : qianyuan >= 12_000 ? "reserve" : "other";
    const months: bigint[] = [];
    let left = qianyuan;
    for (let month = 1; month <= 12; month++) {
      const share = month === 12 ? left : Math.round((qianyuan * (SEASON[month - 1] as number)) / 1000);
      const part = Math.min(left, share);
      left -= part;
      months.push(BigInt(part) * 100_000n);
    }
    // Tax between 1 % and 8 % of revenue, in whole yuan.
    const tax = BigInt(Math.round(qianyuan * 1000 * (0.01 + next() * 0.07))) * 100n;
    years.push({ year, status, revenue: BigInt(qianyuan) * 100_000n, tax, months });
  }
  return {
    index,
    creditCode: withCheckCharacter(`91360202${String(index).padStart(9, "0")}`),
    name: `规模测试企业${String(index).padStart(6, "0")}`,
    chain,
    townIndex,
    isKey,
    years,
  };
}

export function* slices(count: number, size: number): Generator<GeneratedEnterprise[]> {
  for (let start = 0; start < count; start += size) {
    const slice: GeneratedEnterprise[] = [];
    for (let i = start; i < Math.min(count, start + size); i++) slice.push(generateEnterprise(i));
    yield slice;
  }
}

/** Fen as yuan text. */
function yuan(fen: bigint): string {
  const whole = fen / 100n;
  const cents = fen % 100n;
  return cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, "0")}`;
}

/**
 * One enterprise as a line of the rewards batch's input file (EXCHANGE.md §1), with what the server's batch
 * reads of the same rows: the years from the plan's baseline on with their status and annual figures, the years
 * before folded into the highest revenue and tax ever reached, an entry into the directory after its first year.
 */
export function exchangeEnterprise(enterprise: GeneratedEnterprise, baselineYear: number): string {
  const before: Record<string, string> = {};
  let maxRevenue: bigint | undefined;
  let maxTax: bigint | undefined;
  const years: Record<string, unknown>[] = [];
  enterprise.years.forEach((entry, i) => {
    if (entry.year < baselineYear) {
      if (maxRevenue === undefined || entry.revenue > maxRevenue) maxRevenue = entry.revenue;
      if (maxTax === undefined || entry.tax > maxTax) maxTax = entry.tax;
      return;
    }
    const previous = enterprise.years[i - 1];
    years.push({
      year: entry.year,
      aboveScale: entry.status === "above",
      newlyAboveScale: entry.status === "above" && (previous === undefined ? i > 0 : previous.status !== "above"),
      revenue: yuan(entry.revenue),
      tax: yuan(entry.tax),
    });
  });
  if (maxRevenue !== undefined) before.maxRevenue = yuan(maxRevenue);
  if (maxTax !== undefined) before.maxTax = yuan(maxTax);
  const out: Record<string, unknown> = { creditCode: enterprise.creditCode, name: enterprise.name };
  if (Object.keys(before).length > 0) out.before = before;
  out.years = years;
  return JSON.stringify(out);
}
