/** What one competitor's process reports, and the district size every process agrees on. */
import type { Competitor } from "./competitors";

export interface Measurement {
  competitor: Competitor;
  enterprises: number;
  enterpriseYears: number;
  projects: number;
  entitlements: number;
  explanations?: number;
  nonPayments?: number;
  wallMs: number;
  cpuMs: number;
  /** Peak resident set of the process, and its peak before the timed run (district built, warmed up). */
  peakRssKb: number;
  baselineRssKb: number;
}

/** BENCH_REWARDS_ENTERPRISES, default 100,000. */
export function enterpriseCount(): number {
  const text = process.env.BENCH_REWARDS_ENTERPRISES;
  const count = text === undefined || text === "" ? 100_000 : Number(text);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`BENCH_REWARDS_ENTERPRISES must be a positive integer: ${text}`);
  return count;
}
