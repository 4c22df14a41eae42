/**
 * Policy simulation (政策测算): the office and leaders save named scenarios of changes to the active plan's reward
 * rules and see what each would cost. A scenario's results are computed on request by the engine the batches use,
 * over the register as it stands, and never written to the entitlements:
 * - the years up to the last year with actual annual revenue are computed on the actual figures;
 * - the years after it on each enterprise's figures projected as the budget forecast projects them (its revenue
 *   and tax grown by its own recent trend, above-scale status from the plan's threshold, projects under
 *   construction in production the next year: `projectHistories` in ./budget.ts), and are marked as projections;
 * - both runs start from nothing paid, so each one-time reward is found in the year it falls, as the batches find it.
 */
import type {
  ScenarioComparison,
  ScenarioEditor,
  ScenarioEnterprise,
  ScenarioInput,
  ScenarioResult,
  ScenarioView,
  ScenarioYear,
} from "@beizeng/contract/reward-scenarios";
import { SCENARIO_LISTED_ENTERPRISES } from "@beizeng/contract/reward-scenarios";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { type CompiledRewardPlan, compileRewardPlan } from "@beizeng/domain/rewards/engine";
import {
  type AppliedScenario,
  applyScenario,
  type ComparedEntitlement,
  diffScenario,
  ruleSettings,
  type ScenarioChange,
  ScenarioChangeError,
  type SimulatedScenario,
  simulateScenario,
} from "@beizeng/domain/rewards/scenario";
import type { RewardInput } from "@beizeng/domain/rewards/types";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest, conflict, notFound } from "../../platform/errors";
import {
  budgetOfYear,
  type FundSource,
  fundSourcesOf,
  lastActualYearOf,
  projectHistories,
  projectProjects,
  splitByShare,
} from "./budget";
import { buildRewardInput } from "./engine-input";
import { findBudgets, loadRewardRegister } from "./rewards.repository";
import {
  deleteScenario as deleteScenarioRow,
  enterprisePlaces,
  findScenario,
  findScenarioByName,
  insertScenario,
  listScenarios,
  type ScenarioRowWithAuthor,
  updateScenario as updateScenarioRow,
} from "./scenarios.repository";
import { activePlan, type RuleInfo, ruleCatalog } from "./shared";

/** The budget forecast's horizon: the years after the last actual one it projects (as the budget page's forecast). */
const FORECAST_YEARS = 3;

export function scenarioView(row: ScenarioRowWithAuthor): ScenarioView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    changes: JSON.parse(row.changes_json) as ScenarioView["changes"],
    years: JSON.parse(row.years_json) as number[],
    planId: row.plan_id,
    planVersion: row.plan_version,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listRewardScenarios(db: DbContext, user: AuthUser): Promise<ScenarioView[]> {
  return (await listScenarios(db, user.districtId)).map(scenarioView);
}

async function requireScenario(db: DbContext, user: AuthUser, id: number): Promise<ScenarioRowWithAuthor> {
  const row = await findScenario(db, user.districtId, id);
  if (!row) throw notFound("未找到该测算方案");
  return row;
}

export async function getRewardScenario(db: DbContext, user: AuthUser, id: number): Promise<ScenarioView> {
  return scenarioView(await requireScenario(db, user, id));
}

/** The years a scenario may cover: from the plan's first year to the budget forecast's last. */
function yearBounds(plan: PlanFile, lastActualYear: number | null): { firstYear: number; lastYear: number } {
  const lastYear = Math.max(plan.period.endYear, (lastActualYear ?? plan.period.endYear) + FORECAST_YEARS);
  return { firstYear: plan.period.startYear, lastYear };
}

async function lastActualYearOfDistrict(db: DbContext, districtId: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom("figures")
    .select((eb) => eb.fn.max("year").as("year"))
    .where("district_id", "=", districtId)
    .where("month", "=", 0)
    .where("metric", "=", "revenue")
    .where("official", "=", 1)
    .where("superseded_by", "is", null)
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

export async function scenarioEditor(db: DbContext, user: AuthUser): Promise<ScenarioEditor> {
  const { plan, version } = await activePlan(db, user.districtId);
  const lastActualYear = await lastActualYearOfDistrict(db, user.districtId);
  return {
    planId: plan.id,
    planVersion: version,
    rules: plan.rewards.map((rule) => ({
      id: rule.id,
      clause: rule.clause,
      name: rule.name,
      nameEn: rule.nameEn,
      quote: rule.quote,
      settings: ruleSettings(rule),
    })),
    parameters: plan.parameters.map((parameter) => ({
      id: parameter.id,
      description: parameter.description,
      descriptionEn: parameter.descriptionEn,
      value: parameter.value,
      allowed: parameter.allowed ?? null,
    })),
    ...yearBounds(plan, lastActualYear),
    lastActualYear,
  };
}

/** The changes applied to the plan, or a 400 naming each faulty change and the plan path in Chinese. */
function appliedOrRefused(plan: PlanFile, changes: readonly ScenarioChange[], what: string): AppliedScenario {
  try {
    return applyScenario(plan, changes);
  } catch (error) {
    if (!(error instanceof ScenarioChangeError)) throw error;
    throw badRequest(
      `${what}：${error.problems.map((problem) => problem.message).join("；")}`,
      error.problems.map((problem) => ({ path: problem.path, message: problem.message })),
    );
  }
}

async function checkedInput(db: DbContext, user: AuthUser, input: ScenarioInput) {
  const { plan, version } = await activePlan(db, user.districtId);
  const { firstYear, lastYear } = yearBounds(plan, await lastActualYearOfDistrict(db, user.districtId));
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  years.forEach((year, index) => {
    if (year < firstYear || year > lastYear)
      throw badRequest(`年度 ${year} 不在可测算范围内（${firstYear}—${lastYear} 年）`, [
        { path: `years[${index}]`, message: `年度应在 ${firstYear} 至 ${lastYear} 之间` },
      ]);
  });
  appliedOrRefused(plan, input.changes, "测算方案的调整未通过校验");
  return { plan, version, years };
}

export async function createRewardScenario(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  input: ScenarioInput,
): Promise<ScenarioView> {
  const { plan, version, years } = await checkedInput(db, user, input);
  const id = await inTransaction(db, async (tx) => {
    if (await findScenarioByName(tx, user.districtId, input.name))
      throw conflict(`已有名为“${input.name}”的测算方案，请换一个名称`);
    const now = new Date().toISOString();
    const created = await insertScenario(tx, {
      district_id: user.districtId,
      name: input.name,
      description: input.description,
      plan_id: plan.id,
      plan_version: version,
      changes_json: JSON.stringify(input.changes),
      years_json: JSON.stringify(years),
      created_by: user.id,
      created_at: now,
      updated_by: user.id,
      updated_at: now,
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "create",
      entityType: "reward_scenario",
      entityId: created,
      after: { name: input.name, changes: input.changes, years, plan: plan.id, planVersion: version },
    });
    return created;
  });
  return getRewardScenario(db, user, id);
}

export async function updateRewardScenario(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  id: number,
  input: ScenarioInput,
): Promise<ScenarioView> {
  const { plan, version, years } = await checkedInput(db, user, input);
  await inTransaction(db, async (tx) => {
    const before = await requireScenario(tx, user, id);
    const same = await findScenarioByName(tx, user.districtId, input.name);
    if (same && same.id !== id) throw conflict(`已有名为“${input.name}”的测算方案，请换一个名称`);
    await updateScenarioRow(tx, id, {
      name: input.name,
      description: input.description,
      plan_id: plan.id,
      plan_version: version,
      changes_json: JSON.stringify(input.changes),
      years_json: JSON.stringify(years),
      updated_by: user.id,
      updated_at: new Date().toISOString(),
    });
    const was = scenarioView(before);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "reward_scenario",
      entityId: id,
      before: { name: was.name, changes: was.changes, years: was.years, planVersion: was.planVersion },
      after: { name: input.name, changes: input.changes, years, planVersion: version },
    });
  });
  return getRewardScenario(db, user, id);
}

export async function deleteRewardScenario(db: DbContext, user: AuthUser, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const was = scenarioView(await requireScenario(tx, user, id));
    await deleteScenarioRow(tx, id);
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "delete",
      entityType: "reward_scenario",
      entityId: id,
      before: { name: was.name, changes: was.changes, years: was.years, planVersion: was.planVersion },
    });
  });
}

// ---------------------------------------------------------------- computing

interface Place {
  name: string;
  chainId: string;
  townCode: string | null;
  townName: string | null;
  townNameEn: string | null;
}

/** What every scenario of a district is computed over: loaded once per request, however many scenarios it compares. */
interface SimulationWorld {
  plan: PlanFile;
  version: number;
  lastActualYear: number | null;
  /** The register's actual years, then the projected ones up to the forecast's last year. */
  input: RewardInput;
  /** The plan as it stands, its period reaching the last year computed. */
  baseline: CompiledRewardPlan;
  lastYear: number;
  places: Map<string, Place>;
  budgets: { year: number; amount_fen: string }[];
  fundSources: FundSource[];
}

/** The plan with its period reaching `endYear`: years after the plan assume its rules continue, as the budget forecast does. */
function reaching(plan: PlanFile, endYear: number): PlanFile {
  return endYear <= plan.period.endYear ? plan : { ...plan, period: { ...plan.period, endYear } };
}

async function loadWorld(db: DbContext, districtId: string): Promise<SimulationWorld> {
  const { plan, version } = await activePlan(db, districtId);
  const register = await loadRewardRegister(db, districtId);
  const built = buildRewardInput(register, {
    baselineYear: plan.period.baselineYear,
    startYear: plan.period.startYear,
  });
  const lastActualYear = lastActualYearOf(register);
  const { lastYear } = yearBounds(plan, lastActualYear);
  const enterprises =
    lastActualYear === null
      ? built.input.enterprises
      : projectHistories(built.input.enterprises, plan, lastActualYear, lastYear);
  const projects =
    lastActualYear === null
      ? (built.input.projects ?? [])
      : projectProjects(built.input.projects ?? [], register.projects, plan, lastActualYear);
  const places = new Map<string, Place>();
  for (const row of await enterprisePlaces(db, districtId))
    places.set(row.credit_code, {
      name: row.name,
      chainId: row.chain_id,
      townCode: row.town_code,
      townName: row.town_name,
      townNameEn: row.town_name_en,
    });
  return {
    plan,
    version,
    lastActualYear,
    input: { enterprises, projects },
    baseline: compileRewardPlan(reaching(plan, lastYear)),
    lastYear,
    places,
    budgets: await findBudgets(db, districtId),
    fundSources: fundSourcesOf(plan),
  };
}

function simulate(world: SimulationWorld, view: ScenarioView): { applied: AppliedScenario; run: SimulatedScenario } {
  const applied = appliedOrRefused(
    world.plan,
    view.changes,
    `测算方案“${view.name}”的调整不适用于现行方案（第 ${world.version} 版）`,
  );
  const compiled = compileRewardPlan(reaching(applied.plan, world.lastYear));
  return { applied, run: simulateScenario(world.baseline, compiled, world.input, view.years) };
}

function forecastYears(world: SimulationWorld): number[] {
  if (world.lastActualYear === null) return [];
  return Array.from({ length: FORECAST_YEARS }, (_, index) => (world.lastActualYear as number) + 1 + index);
}

const isProjected = (world: SimulationWorld, year: number) =>
  world.lastActualYear === null || year > world.lastActualYear;

function budgetFen(world: SimulationWorld, year: number) {
  return budgetOfYear(world.budgets, world.fundSources, year);
}

function sumBy(
  entitlements: readonly ComparedEntitlement[],
  years: ReadonlySet<number>,
  key: (e: ComparedEntitlement) => string,
) {
  const sums = new Map<string, bigint>();
  for (const entitlement of entitlements) {
    if (!years.has(entitlement.year)) continue;
    const k = key(entitlement);
    sums.set(k, (sums.get(k) ?? 0n) + (entitlement.amount ?? 0n));
  }
  return sums;
}

function ruleWords(
  catalogs: readonly Map<string, RuleInfo>[],
  ruleId: string,
): { ruleName: string; ruleNameEn: string } {
  for (const catalog of catalogs) {
    const info = catalog.get(ruleId);
    if (info) return { ruleName: info.name, ruleNameEn: info.nameEn };
  }
  return { ruleName: ruleId, ruleNameEn: ruleId };
}

function totals(baseline: bigint, scenario: bigint) {
  return {
    baselineFen: baseline.toString(),
    scenarioFen: scenario.toString(),
    differenceFen: (scenario - baseline).toString(),
  };
}

/** A scenario's results in full: cost per year against the budget and fund, who gains and loses and why, the splits. */
function resultOf(
  world: SimulationWorld,
  view: ScenarioView,
  startedAt: number,
  listed: number = SCENARIO_LISTED_ENTERPRISES,
): ScenarioResult {
  const { applied, run } = simulate(world, view);
  const { difference } = run;
  const catalogs = [ruleCatalog(world.plan), ruleCatalog(applied.plan)];
  const chains = new Map(world.plan.chains.map((chain) => [chain.id, chain]));

  const years: ScenarioYear[] = difference.years.map((cost) => {
    const budget = budgetFen(world, cost.year);
    const shares = splitByShare(
      cost.scenarioFen,
      world.fundSources.map((source) => source.amount),
    );
    return {
      year: cost.year,
      projected: isProjected(world, cost.year),
      withinPlan: cost.year <= world.plan.period.endYear,
      ...totals(cost.baselineFen, cost.scenarioFen),
      budgetFen: budget.amount === null ? null : budget.amount.toString(),
      budgetFrom: budget.from,
      sources: world.fundSources.map((source, index) => ({
        id: source.id,
        name: source.name,
        nameEn: source.nameEn,
        amountFen: source.amount.toString(),
        costFen: (shares[index] ?? 0n).toString(),
      })),
    };
  });

  let gainers = 0;
  let losers = 0;
  let unchanged = 0;
  const split = () => new Map<string, { baseline: bigint; scenario: bigint; gainers: number; losers: number }>();
  const byChain = split();
  const byTown = split();
  const add = (
    map: ReturnType<typeof split>,
    key: string,
    enterprise: { baselineFen: bigint; scenarioFen: bigint; differenceFen: bigint },
  ) => {
    const row = map.get(key) ?? { baseline: 0n, scenario: 0n, gainers: 0, losers: 0 };
    row.baseline += enterprise.baselineFen;
    row.scenario += enterprise.scenarioFen;
    if (enterprise.differenceFen > 0n) row.gainers++;
    if (enterprise.differenceFen < 0n) row.losers++;
    map.set(key, row);
  };
  const townNames = new Map<string, { name: string; nameEn: string }>();
  for (const enterprise of difference.enterprises) {
    if (enterprise.differenceFen > 0n) gainers++;
    else if (enterprise.differenceFen < 0n) losers++;
    else unchanged++;
    const place = world.places.get(enterprise.creditCode);
    add(byChain, place?.chainId ?? "", enterprise);
    const town = place?.townCode ?? "";
    if (place?.townCode) townNames.set(place.townCode, { name: place.townName ?? "", nameEn: place.townNameEn ?? "" });
    add(byTown, town, enterprise);
  }
  const splitRows = (map: ReturnType<typeof split>, words: (key: string) => { name: string; nameEn: string }) =>
    [...map.entries()]
      .map(([key, row]) => ({
        id: key === "" ? null : key,
        ...words(key),
        ...totals(row.baseline, row.scenario),
        gainers: row.gainers,
        losers: row.losers,
      }))
      .sort((a, b) => Number(BigInt(b.scenarioFen) - BigInt(a.scenarioFen)) || a.name.localeCompare(b.name));

  const changedEnterprises = difference.enterprises
    .filter((enterprise) => enterprise.differenceFen !== 0n)
    .sort((a, b) => {
      const left = a.differenceFen < 0n ? -a.differenceFen : a.differenceFen;
      const right = b.differenceFen < 0n ? -b.differenceFen : b.differenceFen;
      return left === right ? a.creditCode.localeCompare(b.creditCode) : right > left ? 1 : -1;
    });
  const enterpriseOf = (enterprise: (typeof changedEnterprises)[number]): ScenarioEnterprise => {
    const place = world.places.get(enterprise.creditCode);
    const chain = place ? chains.get(place.chainId) : undefined;
    return {
      creditCode: enterprise.creditCode,
      name: place?.name ?? enterprise.creditCode,
      chain: chain?.name ?? null,
      chainEn: chain?.nameEn ?? null,
      town: place?.townName ?? null,
      townEn: place?.townNameEn ?? null,
      ...totals(enterprise.baselineFen, enterprise.scenarioFen),
      lines: enterprise.lines.map((line) => ({
        ...line,
        ...ruleWords(catalogs, line.ruleId),
        baselineFen: line.baselineFen === null ? null : line.baselineFen.toString(),
        scenarioFen: line.scenarioFen === null ? null : line.scenarioFen.toString(),
        differenceFen: line.differenceFen.toString(),
      })),
    };
  };

  const chosen = new Set(view.years);
  const ruleBefore = sumBy(run.baseline, chosen, (e) => e.ruleId);
  const ruleAfter = sumBy(run.scenario, chosen, (e) => e.ruleId);
  const ruleIds = [...new Set([...ruleBefore.keys(), ...ruleAfter.keys()])];

  const forecast = diffScenario(run.baseline, run.scenario, forecastYears(world)).years;
  const sum = (list: readonly { baselineFen: bigint; scenarioFen: bigint }[]) =>
    list.reduce((acc, cost) => ({ b: acc.b + cost.baselineFen, s: acc.s + cost.scenarioFen }), { b: 0n, s: 0n });
  const chosenTotal = sum(difference.years);
  const forecastTotal = sum(forecast);

  return {
    scenario: view,
    planVersion: world.version,
    lastActualYear: world.lastActualYear,
    years,
    total: totals(chosenTotal.b, chosenTotal.s),
    counts: { gainers, losers, unchanged, evaluated: world.input.enterprises.length },
    enterprises: changedEnterprises.slice(0, listed).map(enterpriseOf),
    byRule: ruleIds.map((ruleId) => ({
      ruleId,
      ...ruleWords(catalogs, ruleId),
      ...totals(ruleBefore.get(ruleId) ?? 0n, ruleAfter.get(ruleId) ?? 0n),
    })),
    byChain: splitRows(byChain, (key) => {
      const chain = chains.get(key);
      return chain ? { name: chain.name, nameEn: chain.nameEn } : { name: "未归入产业链", nameEn: "No chain" };
    }),
    byTown: splitRows(byTown, (key) => townNames.get(key) ?? { name: "未填乡镇（街道）", nameEn: "No town or street" }),
    forecast: {
      years: forecast.map((cost) => {
        const budget = budgetFen(world, cost.year);
        return {
          year: cost.year,
          ...totals(cost.baselineFen, cost.scenarioFen),
          budgetFen: budget.amount === null ? null : budget.amount.toString(),
        };
      }),
      ...totals(forecastTotal.b, forecastTotal.s),
    },
    computedMs: Math.round(performance.now() - startedAt),
  };
}

/** Every enterprise that gains or loses, for the export (the answer lists the largest differences only). */
export interface FullScenarioResult {
  result: ScenarioResult;
  allEnterprises: ScenarioEnterprise[];
}

export async function rewardScenarioResult(db: DbContext, user: AuthUser, id: number): Promise<ScenarioResult> {
  const startedAt = performance.now();
  const view = await getRewardScenario(db, user, id);
  const world = await loadWorld(db, user.districtId);
  return resultOf(world, view, startedAt);
}

/** The scenario's results with every gainer and loser listed: what the exports write. */
export async function fullScenarioResult(db: DbContext, user: AuthUser, id: number): Promise<FullScenarioResult> {
  const startedAt = performance.now();
  const view = await getRewardScenario(db, user, id);
  const world = await loadWorld(db, user.districtId);
  const result = resultOf(world, view, startedAt, Number.POSITIVE_INFINITY);
  return {
    result: { ...result, enterprises: result.enterprises.slice(0, SCENARIO_LISTED_ENTERPRISES) },
    allEnterprises: result.enterprises,
  };
}

/** Two or more scenarios beside the plan as it stands: the register loaded and the plan run once. */
export async function compareRewardScenarios(
  db: DbContext,
  user: AuthUser,
  ids: readonly number[],
): Promise<ScenarioComparison> {
  const startedAt = performance.now();
  const views = [];
  for (const id of ids) views.push(await getRewardScenario(db, user, id));
  const world = await loadWorld(db, user.districtId);
  const allYears = [...new Set(views.flatMap((view) => view.years))].sort((a, b) => a - b);
  const forecast = forecastYears(world);
  const runs = views.map((view) => {
    const { run } = simulate(world, { ...view, years: allYears });
    return { view, run };
  });
  const baselineByYear = new Map<number, bigint>();
  for (const entitlement of runs[0]?.run.baseline ?? [])
    baselineByYear.set(entitlement.year, (baselineByYear.get(entitlement.year) ?? 0n) + (entitlement.amount ?? 0n));
  return {
    planVersion: world.version,
    lastActualYear: world.lastActualYear,
    years: allYears.map((year) => {
      const budget = budgetFen(world, year);
      return {
        year,
        projected: isProjected(world, year),
        baselineFen: (baselineByYear.get(year) ?? 0n).toString(),
        budgetFen: budget.amount === null ? null : budget.amount.toString(),
        scenarios: runs.map(({ view, run }) => {
          if (!view.years.includes(year)) return null;
          const cost = run.difference.years.find((entry) => entry.year === year);
          return (cost?.scenarioFen ?? 0n).toString();
        }),
      };
    }),
    scenarios: runs.map(({ view, run }) => {
      const own = diffScenario(run.baseline, run.scenario, view.years);
      const ahead = diffScenario(run.baseline, run.scenario, forecast).years;
      let baseline = 0n;
      let scenario = 0n;
      for (const cost of own.years) {
        baseline += cost.baselineFen;
        scenario += cost.scenarioFen;
      }
      const forecastDifference = ahead.reduce((sum, cost) => sum + cost.scenarioFen - cost.baselineFen, 0n);
      return {
        id: view.id,
        name: view.name,
        changes: view.changes.length,
        ...totals(baseline, scenario),
        gainers: own.enterprises.filter((enterprise) => enterprise.differenceFen > 0n).length,
        losers: own.enterprises.filter((enterprise) => enterprise.differenceFen < 0n).length,
        forecastDifferenceFen: forecastDifference.toString(),
      };
    }),
    computedMs: Math.round(performance.now() - startedAt),
  };
}
