/**
 * What follows once every enterprise of a run was evaluated: the rules' yearly budgets over all enterprises
 * (`budget.ts`), then the shortfalls deducted from later awards (`shortfall.ts`: what an enterprise receives, after
 * what its rule's budget kept). The engine does it at the end of a run; a caller evaluating enterprises in chunks
 * (the server's batch) turns that off and applies it once over the year's whole result, with the awards already
 * paid, which neither stage changes.
 */
import type { Fen } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import type { RuleMeta } from "../internal";
import type { Entitlement, ExplanationParameter, NonPayment, Shortfall } from "../types";
import { compileRuleBudgets } from "./budget";
import { compileShortfallDeductions, type ShortfallDeduction } from "./shortfall";

export interface AwardFinalizer {
  apply(
    entitlements: readonly Entitlement[],
    options?: {
      /** Awards already paid, key → amount: they keep it. */
      paid?: ReadonlyMap<string, Fen>;
      shortfalls?: readonly Shortfall[];
      /** Where an award the budget leaves nothing is told (with why-nots on). */
      nonPayments?: NonPayment[];
    },
  ): { entitlements: Entitlement[]; deductions: ShortfallDeduction[] };
}

/**
 * The plan's budgets and deductions, or null when it has neither. `parameter` and `money` are the engine's readers
 * (a parameter with the run's overrides; yuan to fen), which throw its error naming the rule.
 */
export function compileAwardFinalizer(
  plan: PlanFile,
  read: {
    parameter: (rule: FormulaReward, id: string) => { value: string | boolean | number; shown: ExplanationParameter };
    money: (rule: FormulaReward, field: string, text: string) => Fen;
  },
  metaOf: (ruleId: string) => RuleMeta | undefined,
): AwardFinalizer | null {
  const budgets = compileRuleBudgets(
    plan,
    (rule) => {
      const written = rule.budgetPerYear!;
      if (written.amount !== undefined)
        return { amount: read.money(rule, "budgetPerYear.amount", written.amount), shown: null };
      const { value, shown } = read.parameter(rule, written.amountParameter!);
      return { amount: read.money(rule, "budgetPerYear.amountParameter", String(value)), shown };
    },
    metaOf,
  );
  const deductions = compileShortfallDeductions(plan);
  if (budgets === null && deductions === null) return null;
  return {
    apply(entitlements, options = {}) {
      const budgeted = budgets === null ? [...entitlements] : budgets.apply(entitlements, options);
      if (deductions === null) return { entitlements: budgeted, deductions: [] };
      return deductions.apply(budgeted, options.shortfalls ?? [], options.paid);
    },
  };
}
