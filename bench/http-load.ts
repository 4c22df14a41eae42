/**
 * Drives one URL with autocannon for a bounded time and gives its latency quantiles: the dashboard and the
 * province-scale benchmarks both measure a route so, beside GET /api/health measured the same way.
 */
import autocannon from "autocannon";

export interface LoadRun {
  label: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 200, connection errors and timeouts. */
  errors: number;
}

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

export async function driveLoad(label: string, url: string, cookie: string, options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.duration, headers: { cookie } },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) errors++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    perSecond: latencies.length / options.duration,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    errors: errors + result.errors + result.timeouts,
  };
}
