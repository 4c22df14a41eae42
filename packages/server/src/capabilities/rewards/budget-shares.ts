/**
 * The rules' yearly budgets as the batch shared them, stored with the batch (its summary's `budgets`), and told for
 * one award on the pages that run one enterprise (the why-not page, the rule calculator): they cannot share a budget
 * over all enterprises, so they show the amount before it and read the year's ratio from the year's latest batch.
 */
import type { AwardBudgetNote, BatchSummary } from "@beizeng/contract/rewards";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import {
  budgetNoteOfAward,
  describeRuleBudget,
  type RuleBudgetDescription,
  type YearBudgetShare,
  yearBudgetShares,
} from "@beizeng/domain/rewards/language/budget";
import type { Entitlement } from "@beizeng/domain/rewards/types";
import type { DbContext } from "../../platform/db/database";
import { findLatestBatchSummaries } from "./rewards.repository";
import type { RewardEntitlementRow } from "./rewards.table";

type StoredShares = NonNullable<BatchSummary["budgets"]>;

/** The rules' budgets as described once per request, by output rule id (null: none). */
export type BudgetDescriptions = Map<string, RuleBudgetDescription | null>;

/**
 * The year's budgets' shares over the batch's awards before the budgets, with the year's awards already paid
 * keeping their amount (as the batch's `finishYear` hands them to the budgets).
 */
export function batchBudgetShares(
  plan: PlanFile,
  results: readonly Entitlement[],
  live: readonly RewardEntitlementRow[],
  year: number,
): StoredShares {
  const paid = new Map<string, bigint>();
  for (const row of live)
    if (row.year === year && row.status === "paid" && row.amount_fen !== null)
      paid.set(row.one_time_key, BigInt(row.amount_fen));
  return yearBudgetShares(plan, results, paid)
    .filter((share) => share.year === year)
    .map((share) => ({
      budget: share.budget,
      year: share.year,
      budgetFen: share.amount.toString(),
      askedFen: share.asked.toString(),
      paidFen: share.paid.toString(),
      openAskedFen: share.openAsked.toString(),
      availableFen: share.available.toString(),
    }));
}

/** The shares stored by each year's latest batch, keyed `budget|year`; the years whose latest batch stored them. */
export async function storedBudgetShares(
  db: DbContext,
  districtId: string,
): Promise<{ shares: Map<string, YearBudgetShare>; years: Set<number> }> {
  const shares = new Map<string, YearBudgetShare>();
  const years = new Set<number>();
  for (const [year, json] of await findLatestBatchSummaries(db, districtId)) {
    const summary = JSON.parse(json) as Partial<BatchSummary>;
    if (summary.budgets === undefined) continue;
    years.add(year);
    for (const stored of summary.budgets)
      shares.set(`${stored.budget}|${stored.year}`, {
        budget: stored.budget,
        year: stored.year,
        amount: BigInt(stored.budgetFen),
        asked: BigInt(stored.askedFen),
        paid: BigInt(stored.paidFen),
        openAsked: BigInt(stored.openAskedFen),
        available: BigInt(stored.availableFen),
      });
  }
  return { shares, years };
}

/**
 * The note of each award of a rule with a yearly budget (undefined for the others): a year whose latest batch
 * stored its shares but asked nothing of this budget shares it with this award alone, so the award stays whole
 * within the budget; a year not computed (or computed before shares were stored) says the share comes with its batch.
 */
export function budgetNoteFor(
  plan: PlanFile,
  award: { ruleId: string; year: number; amount: bigint | null },
  stored: { shares: Map<string, YearBudgetShare>; years: Set<number> },
  described: BudgetDescriptions = new Map(),
): AwardBudgetNote | undefined {
  if (award.amount === null) return undefined;
  let budget = described.get(award.ruleId);
  if (budget === undefined) {
    budget = describeRuleBudget(plan, award.ruleId);
    described.set(award.ruleId, budget);
  }
  if (budget === null) return undefined;
  const computed = stored.years.has(award.year);
  let share = stored.shares.get(`${budget.id}|${award.year}`) ?? null;
  if (share === null && computed && budget.amount !== null)
    share = {
      budget: budget.id,
      year: award.year,
      amount: budget.amount,
      asked: 0n,
      paid: 0n,
      openAsked: 0n,
      available: budget.amount,
    };
  // The year's batch did not count this award (it asked nothing of the budget): it would ask this much more.
  if (share !== null && share.asked === 0n)
    share = { ...share, asked: award.amount, openAsked: award.amount, available: share.amount - share.paid };
  const note = budgetNoteOfAward(budget, award.amount, award.year, share);
  return {
    amountBeforeFen: award.amount.toString(),
    budgetFen: budget.amount === null ? null : budget.amount.toString(),
    group: budget.group,
    sharedWith: budget.sharedWith,
    year: award.year,
    batchComputed: share !== null,
    keptFen: note.kept === null ? null : note.kept.toString(),
    zh: note.zh,
    en: note.en,
  };
}

/** The optional `budget` field of an award: present only for a rule with a yearly budget. */
export function budgetNoteField(note: AwardBudgetNote | undefined): { budget?: AwardBudgetNote } {
  return note === undefined ? {} : { budget: note };
}
