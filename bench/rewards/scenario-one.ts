/**
 * A policy-simulation scenario recomputed over the benchmark's district, alone in its process: the district's
 * 2020–2023 figures, then 2024–2025 projected as the server projects the budget forecast's years (each
 * enterprise's revenue and tax grown by its own trend); the scenario raises R-GROWTH's top band from 20万 to
 * 30万. Timed: applying the change (validated as the loader validates, compiled once), compiling the plan as it
 * stands, running both over the whole district and comparing them over 2021–2025 — what the server does for a
 * scenario's results (capabilities/rewards/scenarios.service.ts). The run fails unless the scenario costs exactly
 * 10万 more per top-band award. The last line on standard output is the measurement, as JSON.
 *
 *   node --expose-gc --import tsx bench/rewards/scenario-one.ts
 */
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { compileRewardPlan } from "@beizeng/domain/rewards/engine";
import { applyScenario, simulateScenario } from "@beizeng/domain/rewards/scenario";
import type { RewardInput } from "@beizeng/domain/rewards/types";
import { projectHistories } from "@beizeng/server/capabilities/rewards/index";
import { loadChangjiangPlan } from "./competitors";
import { type District, generateDistrict } from "./generate";
import { enterpriseCount } from "./measurement";

const YEARS = [2021, 2022, 2023, 2024, 2025];
const LAST_ACTUAL = 2023;
const RAISE = { op: "set", ruleId: "R-GROWTH", path: "tiers.steps.3.amount", value: "300000" } as const;

function projected(district: District, plan: PlanFile): RewardInput {
  return { enterprises: projectHistories(district.enterprises, plan, LAST_ACTUAL, 2025), projects: district.projects };
}

function recompute(plan: PlanFile, input: RewardInput) {
  const reaching = (p: PlanFile): PlanFile => ({ ...p, period: { ...p.period, endYear: 2025 } });
  const scenario = applyScenario(plan, [RAISE]);
  return simulateScenario(compileRewardPlan(reaching(plan)), compileRewardPlan(reaching(scenario.plan)), input, YEARS);
}

function main(): void {
  const plan = loadChangjiangPlan();
  const count = enterpriseCount();
  recompute(plan, projected(generateDistrict(Math.min(2_000, Math.max(200, Math.floor(count / 50))), 7), plan));
  const input = projected(generateDistrict(count), plan);
  globalThis.gc?.();
  const baselineRssKb = process.resourceUsage().maxRSS;

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const run = recompute(plan, input);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  const topBand = run.baseline.filter(
    (entitlement) =>
      entitlement.ruleId === "R-GROWTH" && entitlement.tier === "0.15" && YEARS.includes(entitlement.year),
  ).length;
  const extra = run.difference.years.reduce((sum, year) => sum + year.scenarioFen - year.baselineFen, 0n);
  if (extra !== BigInt(topBand) * 10_000_000n)
    throw new Error(`the scenario costs ${extra} fen more, not 10万 × ${topBand} top-band awards`);
  let enterpriseYears = 0;
  for (const enterprise of input.enterprises)
    for (const year of enterprise.years) if (YEARS.includes(year.year)) enterpriseYears++;
  console.log(
    JSON.stringify({
      enterprises: input.enterprises.length,
      enterpriseYears,
      years: YEARS.length,
      gainers: run.difference.enterprises.filter((enterprise) => enterprise.differenceFen > 0n).length,
      extraFen: extra.toString(),
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssKb: process.resourceUsage().maxRSS,
      baselineRssKb,
    }),
  );
}

main();
