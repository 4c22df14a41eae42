/**
 * What lies behind a headline figure: the change since the baseline split by chain, town and
 * enterprise; the enterprises whose fall would cost a target most; the growth still needed.
 */
import type { Fen } from "../money";
import type { SnapshotIndex } from "./data-index";

export interface GroupChange {
  /** Chain id or town code; "" when the enterprise has no town. */
  key: string;
  change: bigint;
  from: bigint;
  to: bigint;
}

export interface EnterpriseChange {
  enterpriseId: number;
  name: string;
  chainId: string;
  town: string | null;
  /** fen for revenue, enterprises (−1, 0, +1) for counts. */
  change: bigint;
  from: bigint;
  to: bigint;
}

export interface ContributionAnalysis {
  metric: "revenue" | "count";
  fromYear: number;
  toYear: number;
  total: bigint;
  byChain: GroupChange[];
  byTown: GroupChange[];
  /** Largest positive contributions first. */
  topContributors: EnterpriseChange[];
  /** Largest negative contributions first (the drags). */
  largestDeclines: EnterpriseChange[];
  /** Enterprises above-scale in either year whose annual revenue is missing (counted as zero). */
  missingRevenue: string[];
}

/**
 * Splits the change of above-scale revenue (G1) or of the above-scale count (G3) between two years
 * by chain, town and enterprise. An enterprise contributes its revenue in a year only when it was
 * above-scale that year, so entries and exits show as whole revenues gained or lost.
 */
export function contributionAnalysis(
  index: SnapshotIndex,
  metric: "revenue" | "count",
  fromYear: number,
  toYear: number,
  top = 10,
): ContributionAnalysis {
  const changes: EnterpriseChange[] = [];
  const missingRevenue: string[] = [];
  for (const enterprise of index.snapshot.enterprises) {
    const valueIn = (year: number): bigint => {
      if (!index.isAboveScale(enterprise.id, year)) return 0n;
      if (metric === "count") return 1n;
      const revenue = index.annual(enterprise.id, "revenue", year);
      if (revenue === undefined) {
        missingRevenue.push(`${enterprise.name}（${year}）`);
        return 0n;
      }
      return revenue;
    };
    const from = valueIn(fromYear);
    const to = valueIn(toYear);
    if (from === 0n && to === 0n) continue;
    changes.push({
      enterpriseId: enterprise.id,
      name: enterprise.name,
      chainId: enterprise.chainId,
      town: enterprise.town,
      change: to - from,
      from,
      to,
    });
  }
  const group = (keyOf: (change: EnterpriseChange) => string): GroupChange[] => {
    const groups = new Map<string, GroupChange>();
    for (const change of changes) {
      const key = keyOf(change);
      const entry = groups.get(key) ?? { key, change: 0n, from: 0n, to: 0n };
      entry.change += change.change;
      entry.from += change.from;
      entry.to += change.to;
      groups.set(key, entry);
    }
    return [...groups.values()].sort((a, b) => compareBigDesc(a.change, b.change) || a.key.localeCompare(b.key));
  };
  const sorted = [...changes].sort((a, b) => compareBigDesc(a.change, b.change) || a.enterpriseId - b.enterpriseId);
  return {
    metric,
    fromYear,
    toYear,
    total: changes.reduce((sum, change) => sum + change.change, 0n),
    byChain: group((change) => change.chainId),
    byTown: group((change) => change.town ?? ""),
    topContributors: sorted.filter((change) => change.change > 0n).slice(0, top),
    largestDeclines: sorted
      .filter((change) => change.change < 0n)
      .reverse()
      .slice(0, top),
    missingRevenue,
  };
}

export interface FallRisk {
  enterpriseId: number;
  name: string;
  chainId: string;
  town: string | null;
  /** The enterprise's annual revenue in the year: what G1 loses if it leaves the above-scale set. */
  revenue: Fen;
  /** Its share of the year's above-scale revenue, in millionths. */
  shareMillionths: bigint;
  /** Revenue above the above-scale threshold: how far it can fall before G3 loses it. */
  marginOverThreshold: Fen;
  /** Revenue change over the year before, in fen; null without the earlier figure. */
  changeOverPreviousYear: Fen | null;
  /** Whether the year's total without this enterprise would still meet the target; null without a target. */
  targetMetWithout: boolean | null;
}

/**
 * The above-scale enterprises of a year whose fall would cost the target most. `by: "revenue"`
 * ranks by revenue (the G1 loss if the enterprise left or collapsed); `by: "margin"` ranks by the
 * smallest margin over the above-scale threshold (the G3 exits most likely to come).
 */
export function fallRisks(
  index: SnapshotIndex,
  year: number,
  options: {
    by: "revenue" | "margin";
    thresholdFen: Fen;
    target?: { fen: Fen; comparison: "gt" | "gte" };
    top?: number;
  },
): FallRisk[] {
  const above = index.aboveScaleIn(year);
  let total = 0n;
  const rows: Omit<FallRisk, "shareMillionths" | "targetMetWithout">[] = [];
  for (const enterprise of above) {
    const revenue = index.annual(enterprise.id, "revenue", year);
    if (revenue === undefined) continue;
    total += revenue;
    const previous = index.annual(enterprise.id, "revenue", year - 1);
    rows.push({
      enterpriseId: enterprise.id,
      name: enterprise.name,
      chainId: enterprise.chainId,
      town: enterprise.town,
      revenue,
      marginOverThreshold: revenue - options.thresholdFen,
      changeOverPreviousYear: previous === undefined ? null : revenue - previous,
    });
  }
  rows.sort((a, b) =>
    options.by === "revenue"
      ? compareBigDesc(a.revenue, b.revenue) || a.enterpriseId - b.enterpriseId
      : compareBigDesc(b.marginOverThreshold, a.marginOverThreshold) || a.enterpriseId - b.enterpriseId,
  );
  return rows.slice(0, options.top ?? 10).map((row) => {
    const without = total - row.revenue;
    const target = options.target;
    return {
      ...row,
      shareMillionths: total > 0n ? (row.revenue * 1_000_000n) / total : 0n,
      targetMetWithout: target ? (target.comparison === "gt" ? without > target.fen : without >= target.fen) : null,
    };
  });
}

export interface RequiredGrowth {
  /** The last complete year and its value, from which growth is needed. */
  fromYear: number;
  fromValue: Fen;
  deadlineYear: number;
  /** The smallest deadline-year value that meets the target (target + 1 fen when 突破 is strict). */
  neededValue: Fen;
  /** Compound year-over-year growth needed from fromYear to the deadline year; null from a zero base. */
  annualRate: number | null;
  /** The same growth as a compound month-on-month rate over the months between the two years. */
  monthlyRate: number | null;
  /** In the deadline year itself, with months already reported: what the remaining months must bring. */
  remaining: RemainingMonths | null;
}

export interface RemainingMonths {
  year: number;
  throughMonth: number;
  yearToDate: Fen;
  remainingMonths: number;
  /** What the remaining months must add together (0 when the year to date already meets it). */
  neededInRemaining: Fen;
  /** neededInRemaining spread evenly, rounded up to the fen. */
  perMonth: Fen;
  /** The same months of the year before, for the same enterprises; null when missing. */
  samePeriodLastYear: Fen | null;
  /** Growth over the same months of the year before that the remaining months need (同比增速); null without them. */
  growthOverSamePeriod: number | null;
}

/**
 * The growth a money target still needs: compound yearly and monthly rates from the last complete
 * year, and in the deadline year what the remaining months must bring, compared with the same
 * months of the year before.
 */
export function requiredGrowth(input: {
  fromYear: number;
  fromValue: Fen;
  deadlineYear: number;
  target: Fen;
  comparison: "gt" | "gte";
  running?: { year: number; throughMonth: number; yearToDate: Fen; samePeriodLastYearRemaining: Fen | null } | null;
}): RequiredGrowth {
  const neededValue = input.comparison === "gt" ? input.target + 1n : input.target;
  const years = input.deadlineYear - input.fromYear;
  let annualRate: number | null = null;
  let monthlyRate: number | null = null;
  if (input.fromValue > 0n && years > 0) {
    const ratio = Number(neededValue) / Number(input.fromValue);
    annualRate = ratio ** (1 / years) - 1;
    monthlyRate = ratio ** (1 / (12 * years)) - 1;
  }
  let remaining: RemainingMonths | null = null;
  const running = input.running;
  if (running && running.year === input.deadlineYear && running.throughMonth < 12) {
    const remainingMonths = 12 - running.throughMonth;
    const needed = neededValue - running.yearToDate;
    const neededInRemaining = needed > 0n ? needed : 0n;
    const perMonth = (neededInRemaining + BigInt(remainingMonths) - 1n) / BigInt(remainingMonths);
    const last = running.samePeriodLastYearRemaining;
    remaining = {
      year: running.year,
      throughMonth: running.throughMonth,
      yearToDate: running.yearToDate,
      remainingMonths,
      neededInRemaining,
      perMonth,
      samePeriodLastYear: last,
      growthOverSamePeriod: last !== null && last > 0n ? Number(neededInRemaining) / Number(last) - 1 : null,
    };
  }
  return {
    fromYear: input.fromYear,
    fromValue: input.fromValue,
    deadlineYear: input.deadlineYear,
    neededValue,
    annualRate,
    monthlyRate,
    remaining,
  };
}

function compareBigDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}
