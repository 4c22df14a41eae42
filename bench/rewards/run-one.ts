/**
 * One competitor of the rewards benchmark, alone in its process so that its peak memory is its
 * own: builds the district, warms the competitor up on a small district of another seed, then
 * times one evaluation of the whole district and writes its entitlements, one sorted line each,
 * to `--out`. The last line on standard output is the measurement, as JSON.
 *
 *   node --expose-gc --import tsx bench/rewards/run-one.ts <competitor> --out FILE
 *   BENCH_REWARDS_ENTERPRISES=100000 (default)
 */
import { writeFileSync } from "node:fs";
import { COMPETITORS, type Competitor, loadChangjiangPlan, prepare } from "./competitors";
import { enterpriseYears, generateDistrict } from "./generate";
import { enterpriseCount, type Measurement } from "./measurement";
import { sortedLines } from "./rows";

async function main(): Promise<void> {
  const competitor = process.argv[2] as Competitor;
  if (!COMPETITORS.includes(competitor)) throw new Error(`competitor must be one of ${COMPETITORS.join(", ")}`);
  const outIndex = process.argv.indexOf("--out");
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;

  const plan = loadChangjiangPlan();
  const run = prepare(competitor, plan);
  const count = enterpriseCount();
  await run(generateDistrict(Math.min(2_000, Math.max(200, Math.floor(count / 50))), 7));
  const district = generateDistrict(count);
  globalThis.gc?.();
  const baselineRssKb = process.resourceUsage().maxRSS;

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await run(district);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssKb = process.resourceUsage().maxRSS;

  if (out) writeFileSync(out, `${sortedLines(result.rows).join("\n")}\n`);
  const measurement: Measurement = {
    competitor,
    enterprises: district.enterprises.length,
    enterpriseYears: enterpriseYears(district),
    projects: district.projects.length,
    entitlements: result.rows.length,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssKb,
    baselineRssKb,
  };
  if (result.explanations !== undefined) measurement.explanations = result.explanations;
  if (result.nonPayments !== undefined) measurement.nonPayments = result.nonPayments;
  console.log(JSON.stringify(measurement));
}

await main();
