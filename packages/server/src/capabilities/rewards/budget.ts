/**
 * The rewards budget (S15): the office sets each year's budget; the summary gives paid, approved and
 * pending sums by year and rule beside it; the forecast estimates what the rewards will cost in the
 * coming years (method in docs/rewards-workflow.md).
 */

import type { BudgetSummary, BudgetYear, RewardForecast } from "@beizeng/contract/rewards";
import { applyRate, parseYuan } from "@beizeng/domain/money";
import { noteMessage, renderNote } from "@beizeng/domain/notes/messages";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { compileRewardPlan, evaluateRewards } from "@beizeng/domain/rewards/engine";
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject } from "@beizeng/domain/rewards/types";
import { type Actor, recordAudit } from "../../platform/audit/audit.service";
import type { AuthUser } from "../../platform/auth/auth.service";
import type { DbContext } from "../../platform/db/database";
import { inTransaction } from "../../platform/db/transaction";
import { badRequest } from "../../platform/errors";
import { buildRewardInput } from "./engine-input";
import {
  findBudgets,
  findDeductionsMade,
  findLiveEntitlements,
  findRecoveriesWithAwards,
  loadRewardRegister,
  sumEntitlements,
  upsertBudget,
} from "./rewards.repository";
import { activePlan, ruleCatalog } from "./shared";

/** Computed and on their way: every status before approval, the publicity included. */
const PENDING = new Set(["computed", "confirmed", "reviewed", "publicized"]);

export interface FundSource {
  id: string;
  name: string;
  nameEn: string;
  amount: bigint;
}

/** Splits an amount in proportion to the sources' amounts, exactly: the fen left by rounding down go to the largest shares' remainders first. */
export function splitByShare(amount: bigint, weights: readonly bigint[]): bigint[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const shares = weights.map((weight) => (amount * weight) / total);
  const remainders = weights.map((weight, index) => ({ index, rest: (amount * weight) % total }));
  let left = amount - shares.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.index - b.index));
  for (const { index } of remainders) {
    if (left <= 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares;
}

function spendingBySource(sources: readonly FundSource[], paid: bigint, committed: bigint): BudgetYear["sources"] {
  const weights = sources.map((source) => source.amount);
  const paidShares = splitByShare(paid, weights);
  const committedShares = splitByShare(committed, weights);
  return sources.map((source, index) => {
    const paidShare = paidShares[index] ?? 0n;
    const committedShare = committedShares[index] ?? 0n;
    return {
      id: source.id,
      name: source.name,
      nameEn: source.nameEn,
      amountFen: source.amount.toString(),
      paidFen: paidShare.toString(),
      committedFen: committedShare.toString(),
      remainingFen: (source.amount - paidShare - committedShare).toString(),
    };
  });
}

/** The plan's yearly fund, source by source, in fen. */
export function fundSourcesOf(plan: PlanFile): FundSource[] {
  return (plan.fund?.sources ?? []).map((source) => ({
    id: source.id,
    name: source.name,
    nameEn: source.nameEn,
    amount: parseYuan(source.yearly),
  }));
}

/** A year's budget: the office's own figure, else the plan's yearly fund (the sum of its sources), else none. */
export function budgetOfYear(
  budgets: readonly { year: number; amount_fen: string }[],
  fundSources: readonly FundSource[],
  year: number,
): { amount: bigint | null; from: "office" | "plan" | null } {
  const budget = budgets.find((b) => b.year === year);
  if (budget) return { amount: BigInt(budget.amount_fen), from: "office" };
  if (fundSources.length === 0) return { amount: null, from: null };
  return { amount: fundSources.reduce((sum, source) => sum + source.amount, 0n), from: "plan" };
}

interface RecoveredOfAward {
  repaid: bigint;
  deducted: bigint;
  toDeduct: bigint;
}

/**
 * What has come back of the paid awards, by the recovered award's year and rule: repaid in cash, and — for a
 * recovery settled by deduction — what later awards were actually reduced by so far, the rest still to deduct.
 * The deductions made (each standing award's `deducted_fen`) are counted against an enterprise's recoveries of
 * earlier years, oldest first (the recovered award's year, then the recovery), as the batch deducts them.
 */
export function recoveredByAward(
  recoveries: readonly {
    id: number;
    amount_fen: string;
    settlement: string;
    credit_code: string;
    year: number;
    rule_id: string;
    status: string;
  }[],
  deductions: readonly { credit_code: string; year: number; deducted_fen: string }[],
): Map<string, RecoveredOfAward> {
  const result = new Map<string, RecoveredOfAward>();
  const of = (year: number, ruleId: string) => {
    const key = `${year}|${ruleId}`;
    let entry = result.get(key);
    if (entry === undefined) {
      entry = { repaid: 0n, deducted: 0n, toDeduct: 0n };
      result.set(key, entry);
    }
    return entry;
  };
  const debtsOf = new Map<string, { recovery: (typeof recoveries)[number]; left: bigint; applied: bigint }[]>();
  for (const recovery of recoveries) {
    if (recovery.settlement !== "deduction") continue;
    const list = debtsOf.get(recovery.credit_code) ?? [];
    list.push({ recovery, left: BigInt(recovery.amount_fen), applied: 0n });
    debtsOf.set(recovery.credit_code, list);
  }
  for (const list of debtsOf.values())
    list.sort((a, b) => a.recovery.year - b.recovery.year || a.recovery.id - b.recovery.id);
  const ordered = [...deductions].sort((a, b) => a.year - b.year);
  for (const deduction of ordered) {
    let amount = BigInt(deduction.deducted_fen);
    for (const debt of debtsOf.get(deduction.credit_code) ?? []) {
      if (amount === 0n) break;
      // A recovery is deducted from the awards of the years after the one it recovers.
      if (debt.left === 0n || debt.recovery.year >= deduction.year) continue;
      const taken = debt.left < amount ? debt.left : amount;
      debt.left -= taken;
      debt.applied += taken;
      amount -= taken;
    }
  }
  for (const recovery of recoveries) {
    // The budget reads the paid awards; a recovery of an award no longer standing weighs on nothing.
    if (recovery.status !== "paid" || recovery.settlement === "deduction") continue;
    of(recovery.year, recovery.rule_id).repaid += BigInt(recovery.amount_fen);
  }
  for (const list of debtsOf.values())
    for (const debt of list) {
      if (debt.recovery.status !== "paid") continue;
      const entry = of(debt.recovery.year, debt.recovery.rule_id);
      entry.deducted += debt.applied;
      entry.toDeduct += debt.left;
    }
  return result;
}

export async function budgetSummary(db: DbContext, user: AuthUser): Promise<BudgetSummary> {
  const { plan } = await activePlan(db, user.districtId);
  const fundSources = fundSourcesOf(plan);
  const catalog = ruleCatalog(plan);
  const budgets = await findBudgets(db, user.districtId);
  const sums = await sumEntitlements(db, user.districtId);
  const recovered = recoveredByAward(
    await findRecoveriesWithAwards(db, user.districtId),
    await findDeductionsMade(db, user.districtId),
  );
  const years = new Set<number>();
  for (let year = plan.period.startYear; year <= plan.period.endYear; year++) years.add(year);
  for (const budget of budgets) years.add(budget.year);
  for (const sum of sums) years.add(sum.year);

  const result: BudgetYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    type RuleSums = { paid: bigint; approved: bigint; pending: bigint; count: number } & RecoveredOfAward;
    const rules = new Map<string, RuleSums>();
    const total: RuleSums = { paid: 0n, approved: 0n, pending: 0n, count: 0, repaid: 0n, deducted: 0n, toDeduct: 0n };
    let approved = 0n;
    let pending = 0n;
    for (const sum of sums) {
      if (sum.year !== year || sum.status === "rejected") continue;
      const amount = BigInt(sum.total_fen ?? "0");
      const rule = rules.get(sum.rule_id) ?? {
        paid: 0n,
        approved: 0n,
        pending: 0n,
        count: 0,
        repaid: 0n,
        deducted: 0n,
        toDeduct: 0n,
      };
      rule.count += sum.n;
      if (sum.status === "paid") {
        // What has come back (追回: repaid, or deducted from later awards so far) no longer weighs on the budget;
        // what is still to deduct does until later awards are reduced by it.
        const back = recovered.get(`${year}|${sum.rule_id}`) ?? { repaid: 0n, deducted: 0n, toDeduct: 0n };
        rule.paid += amount - back.repaid - back.deducted;
        rule.repaid += back.repaid;
        rule.deducted += back.deducted;
        rule.toDeduct += back.toDeduct;
        total.paid += amount - back.repaid - back.deducted;
        total.repaid += back.repaid;
        total.deducted += back.deducted;
        total.toDeduct += back.toDeduct;
      } else if (sum.status === "approved") {
        rule.approved += amount;
        approved += amount;
      } else if (PENDING.has(sum.status)) {
        rule.pending += amount;
        pending += amount;
      }
      rules.set(sum.rule_id, rule);
    }
    const budget = budgets.find((b) => b.year === year);
    const { amount: budgetAmount, from: budgetFrom } = budgetOfYear(budgets, fundSources, year);
    result.push({
      year,
      budgetFen: budgetAmount === null ? null : budgetAmount.toString(),
      budgetFrom,
      note: budget?.note ?? "",
      paidFen: total.paid.toString(),
      recoveredFen: (total.repaid + total.deducted).toString(),
      repaidFen: total.repaid.toString(),
      deductedFen: total.deducted.toString(),
      toDeductFen: total.toDeduct.toString(),
      approvedFen: approved.toString(),
      pendingFen: pending.toString(),
      remainingFen: budgetAmount !== null ? (budgetAmount - total.paid - approved - pending).toString() : null,
      byRule: [...rules.entries()].map(([ruleId, rule]) => ({
        ruleId,
        ruleName: catalog.get(ruleId)?.name ?? ruleId,
        paidFen: rule.paid.toString(),
        recoveredFen: (rule.repaid + rule.deducted).toString(),
        repaidFen: rule.repaid.toString(),
        deductedFen: rule.deducted.toString(),
        toDeductFen: rule.toDeduct.toString(),
        approvedFen: rule.approved.toString(),
        pendingFen: rule.pending.toString(),
        count: rule.count,
      })),
      sources: spendingBySource(fundSources, total.paid, approved + pending),
    });
  }
  return { years: result };
}

export async function setBudget(
  db: DbContext,
  user: AuthUser,
  actor: Actor,
  year: number,
  input: { amountYuan: string; note?: string },
): Promise<BudgetSummary> {
  let amount: bigint;
  try {
    amount = parseYuan(input.amountYuan);
  } catch {
    throw badRequest(`预算金额不是有效的金额：${input.amountYuan}`, [
      { path: "amountYuan", message: "金额应为元，最多两位小数" },
    ]);
  }
  if (amount < 0n) throw badRequest("预算金额不能为负数", [{ path: "amountYuan", message: "预算金额不能为负数" }]);
  await inTransaction(db, async (tx) => {
    await upsertBudget(tx, {
      district_id: user.districtId,
      year,
      amount_fen: amount.toString(),
      note: input.note ?? "",
      updated_by: user.id,
      updated_at: new Date().toISOString(),
    });
    await recordAudit(tx, {
      districtId: user.districtId,
      actor,
      action: "update",
      entityType: "reward_budget",
      entityId: year,
      after: { year, amountFen: amount.toString(), note: input.note ?? "" },
    });
  });
  return budgetSummary(db, user);
}

// ---------------------------------------------------------------- forecast

/** Bounds of a trend, in basis points a year: a single wild year must not dominate the forecast. */
const TREND_FLOOR_BP = -2000n;
const TREND_CEILING_BP = 3000n;
/** How many year-on-year rates make an enterprise's trend. */
const TREND_YEARS = 3;

/** The mean year-on-year growth (basis points, truncated) of the last rates available, within bounds. */
export function trendBasisPoints(values: readonly { year: number; value: bigint }[]): bigint {
  const sorted = [...values].sort((a, b) => a.year - b.year);
  const rates: bigint[] = [];
  for (let index = sorted.length - 1; index > 0 && rates.length < TREND_YEARS; index--) {
    const current = sorted[index]!;
    const previous = sorted[index - 1]!;
    if (previous.year !== current.year - 1 || previous.value <= 0n) break;
    rates.push(((current.value - previous.value) * 10000n) / previous.value);
  }
  if (rates.length === 0) return 0n;
  const mean = rates.reduce((sum, rate) => sum + rate, 0n) / BigInt(rates.length);
  return mean < TREND_FLOOR_BP ? TREND_FLOOR_BP : mean > TREND_CEILING_BP ? TREND_CEILING_BP : mean;
}

function grow(value: bigint, basisPoints: bigint): bigint {
  const rate = (10000n + basisPoints).toString().padStart(5, "0");
  // applyRate takes a decimal string: 10800 bp → "1.0800"; rounding half-up to the fen.
  return applyRate(value, `${rate.slice(0, -4)}.${rate.slice(-4)}`);
}

type ForecastYear = RewardForecast["years"][number];

/**
 * Projects each enterprise's revenue and tax by its recent trend (mean of its last three
 * year-on-year rates, bounded to −20%…+30%), derives above-scale status from the plan's threshold,
 * assumes projects under construction go into production the next year, and runs the engine over
 * the projected years. Grants, tech-transformation projects and listings are not projected.
 */
export async function rewardForecast(db: DbContext, user: AuthUser, horizonYears = 3): Promise<RewardForecast> {
  const { plan } = await activePlan(db, user.districtId);
  const catalog = ruleCatalog(plan);
  const register = await loadRewardRegister(db, user.districtId);
  const built = buildRewardInput(register, {
    baselineYear: plan.period.baselineYear,
    startYear: plan.period.startYear,
  });
  const live = await findLiveEntitlements(db, user.districtId);
  let outstanding = 0n;
  for (const row of live)
    if (row.amount_fen !== null && (PENDING.has(row.status) || row.status === "approved"))
      outstanding += BigInt(row.amount_fen);

  const lastActualYear = lastActualYearOf(register);
  const methodMessage = noteMessage("rewards.budgetMethod", {
    threshold: parseYuan(plan.aboveScaleThreshold).toString(),
  });
  const method = renderNote(methodMessage, "zh-CN") as string;
  if (lastActualYear === null)
    return { lastActualYear, outstandingFen: outstanding.toString(), years: [], method, methodMessage };

  const firstYear = lastActualYear + 1;
  const lastYear = lastActualYear + horizonYears;
  const projected = projectHistories(built.input.enterprises, plan, lastActualYear, lastYear);
  const projects = projectProjects(built.input.projects ?? [], register.projects, plan, lastActualYear);
  const extended: PlanFile = { ...plan, period: { ...plan.period, endYear: Math.max(plan.period.endYear, lastYear) } };
  const result = evaluateRewards(
    compileRewardPlan(extended),
    {
      enterprises: projected,
      projects,
      alreadyGranted: live
        .filter((row) => row.status === "paid" || row.status === "approved")
        .map((row) => row.one_time_key),
    },
    { explain: false },
  );
  const years: ForecastYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const rules = new Map<string, { total: bigint; count: number }>();
    let total = 0n;
    for (const entitlement of result.entitlements) {
      if (entitlement.year !== year || entitlement.amount === null) continue;
      const rule = rules.get(entitlement.ruleId) ?? { total: 0n, count: 0 };
      rule.total += entitlement.amount;
      rule.count++;
      rules.set(entitlement.ruleId, rule);
      total += entitlement.amount;
    }
    years.push({
      year,
      withinPlan: year <= plan.period.endYear,
      totalFen: total.toString(),
      byRule: [...rules.entries()].map(([ruleId, rule]) => ({
        ruleId,
        ruleName: catalog.get(ruleId)?.name ?? ruleId,
        totalFen: rule.total.toString(),
        count: rule.count,
      })),
    });
  }
  return { lastActualYear, outstandingFen: outstanding.toString(), years, method, methodMessage };
}

/** The last year of which the register holds actual annual revenue: the years after it are projected. */
export function lastActualYearOf(register: {
  annualFigures: readonly { metric: string; year: number }[];
}): number | null {
  let last: number | null = null;
  for (const figure of register.annualFigures)
    if (figure.metric === "revenue" && (last === null || figure.year > last)) last = figure.year;
  return last;
}

export function projectHistories(
  enterprises: readonly EnterpriseHistory[],
  plan: PlanFile,
  lastActualYear: number,
  lastYear: number,
): EnterpriseHistory[] {
  const threshold = parseYuan(plan.aboveScaleThreshold);
  return enterprises.map((enterprise) => {
    const actual = enterprise.years.filter((year) => year.year <= lastActualYear);
    const last = actual.find((year) => year.year === lastActualYear);
    if (!last || last.revenue === undefined) return { ...enterprise, years: actual };
    const revenues = actual.flatMap((year) =>
      year.revenue === undefined ? [] : [{ year: year.year, value: year.revenue }],
    );
    const taxes = actual.flatMap((year) => (year.tax === undefined ? [] : [{ year: year.year, value: year.tax }]));
    const revenueTrend = trendBasisPoints(revenues);
    const taxTrend = trendBasisPoints(taxes);
    const years: EnterpriseYear[] = [...actual];
    let revenue = last.revenue;
    let tax = last.tax;
    let above = last.aboveScale ?? revenue >= threshold;
    for (let year = lastActualYear + 1; year <= lastYear; year++) {
      revenue = grow(revenue, revenueTrend);
      if (tax !== undefined) tax = grow(tax, taxTrend);
      const nowAbove = revenue >= threshold;
      years.push({
        year,
        revenue,
        ...(tax !== undefined ? { tax } : {}),
        aboveScale: nowAbove,
        newlyAboveScale: nowAbove && !above,
        sources: { revenue: "趋势预测", tax: "趋势预测" },
      });
      above = nowAbove;
    }
    return { ...enterprise, years };
  });
}

export function projectProjects(
  projects: readonly InvestmentProject[],
  rows: readonly { code: string; stage?: string }[],
  plan: PlanFile,
  lastActualYear: number,
): InvestmentProject[] {
  const stageByCode = new Map(rows.map((row) => [row.code, row.stage]));
  return projects.map((project) => {
    if (project.productionYear !== undefined) return project;
    const underConstruction = stageByCode.get(project.id) === "construction";
    const inPlan = project.introducedYear >= plan.period.startYear && project.introducedYear <= plan.period.endYear;
    return underConstruction && inPlan ? { ...project, productionYear: lastActualYear + 1 } : project;
  });
}
