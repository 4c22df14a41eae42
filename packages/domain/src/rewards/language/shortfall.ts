/**
 * Shortfalls deducted from later awards (从以后年度奖励中抵扣): an amount an enterprise owes back — an award
 * recovered, an installment forfeited, a commitment not met — and has not repaid is taken off the awards of the
 * rules that say `deductShortfalls`, from its `fromYear` on, until it is settled; the rest waits for later years.
 *
 * Order, stated so a re-run deducts the same way: an enterprise's shortfalls oldest first (`fromYear`, then id); its
 * awards year by year, within a year in the order the engine made them (plan order). Each award pays what is left
 * after its deductions (possibly nothing: the award stays, at zero, so the deduction is on record) and says in its
 * explanation what was deducted and what is left to deduct. Awards already paid (handed in as `paid`) are never
 * touched; case-by-case awards (no amount) neither.
 */
import { amountEn, type Fen, formatExactForDisplay, formatYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import type { Entitlement, Shortfall } from "../types";
import { LimitedEntitlement } from "./limits";

/** One deduction: from which award, of which shortfall, how much. */
export interface ShortfallDeduction {
  key: string;
  creditCode: string;
  year: number;
  shortfallId: string;
  amount: Fen;
}

export interface ShortfallDeductions {
  /** The entitlements with the shortfalls deducted (in their order), and each deduction made. */
  apply(
    entitlements: readonly Entitlement[],
    shortfalls: readonly Shortfall[],
    paid?: ReadonlyMap<string, Fen>,
  ): { entitlements: Entitlement[]; deductions: ShortfallDeduction[] };
}

const isFormula = (rule: PlanFile["rewards"][number]): rule is FormulaReward => rule.kind === "formula";

const wanZh = (fen: Fen) => formatExactForDisplay(fen, "万元");
const wanEn = (fen: Fen) => `${amountEn(fen)} (${formatExactForDisplay(fen, "万元")})`;

/** The deduction of shortfalls from the awards of the rules that say so, or null when no rule does. */
export function compileShortfallDeductions(plan: PlanFile): ShortfallDeductions | null {
  const deducting = new Set<string>();
  for (const rule of plan.rewards)
    if (isFormula(rule) && rule.deductShortfalls === true) {
      deducting.add(rule.id);
      for (const step of rule.tiers?.steps ?? []) if (step.ruleId) deducting.add(step.ruleId);
    }
  if (deducting.size === 0) return null;
  return {
    apply(entitlements, shortfalls, paid = new Map()) {
      const result = [...entitlements];
      const deductions: ShortfallDeduction[] = [];
      if (shortfalls.length === 0) return { entitlements: result, deductions };
      const owedBy = new Map<string, { shortfall: Shortfall; left: Fen }[]>();
      for (const shortfall of shortfalls) {
        if (shortfall.amount <= 0n) continue;
        const list = owedBy.get(shortfall.creditCode) ?? [];
        list.push({ shortfall, left: shortfall.amount });
        owedBy.set(shortfall.creditCode, list);
      }
      for (const list of owedBy.values())
        list.sort((a, b) =>
          a.shortfall.fromYear !== b.shortfall.fromYear
            ? a.shortfall.fromYear - b.shortfall.fromYear
            : a.shortfall.id < b.shortfall.id
              ? -1
              : a.shortfall.id > b.shortfall.id
                ? 1
                : 0,
        );
      // The awards that may be deducted from, per enterprise, year by year in the engine's order.
      const positions = entitlements
        .map((entitlement, position) => ({ entitlement, position }))
        .filter(
          ({ entitlement }) =>
            deducting.has(entitlement.ruleId) &&
            entitlement.amount !== null &&
            entitlement.amount > 0n &&
            !paid.has(entitlement.key) &&
            owedBy.has(entitlement.creditCode),
        )
        .sort((a, b) => a.entitlement.year - b.entitlement.year || a.position - b.position);
      for (const { entitlement, position } of positions) {
        const owed = owedBy.get(entitlement.creditCode)!;
        let left = entitlement.amount!;
        const zh: string[] = [];
        const en: string[] = [];
        const arithmetic: string[] = [];
        for (const debt of owed) {
          if (left === 0n) break;
          if (debt.left === 0n || debt.shortfall.fromYear > entitlement.year) continue;
          const taken = smaller(debt.left, left);
          const before = debt.left;
          debt.left -= taken;
          left -= taken;
          deductions.push({
            key: entitlement.key,
            creditCode: entitlement.creditCode,
            year: entitlement.year,
            shortfallId: debt.shortfall.id,
            amount: taken,
          });
          const restZh = debt.left > 0n ? `尚余 ${wanZh(debt.left)} 从以后年度奖励中抵扣` : "已抵扣完毕";
          const restEn = debt.left > 0n ? `${wanEn(debt.left)} is left to deduct from later awards` : "now settled";
          zh.push(`${debt.shortfall.zh}应退未退 ${wanZh(before)}，从本项奖励中抵扣 ${wanZh(taken)}，${restZh}`);
          en.push(
            `${debt.shortfall.en}: ${wanEn(before)} owed and not repaid, ${wanEn(taken)} deducted from this award, ${restEn}`,
          );
          arithmetic.push(`− ${formatYuan(taken)}`);
        }
        if (zh.length === 0) continue;
        result[position] = new LimitedEntitlement(result[position]!, left, {
          zh: `${zh.join("；")}；实发 ${wanZh(left)}`,
          en: `${en.join("; ")}; paid ${wanEn(left)}`,
          arithmetic: `${formatYuan(entitlement.amount!)} ${arithmetic.join(" ")} = ${formatYuan(left)}`,
        });
      }
      return { entitlements: result, deductions };
    },
  };
}

function smaller(left: Fen, right: Fen): Fen {
  return left < right ? left : right;
}
