/**
 * A rule's yearly budget over all enterprises (`budgetPerYear`: 该项奖励年度总额不超过X万元，超出部分按比例核减).
 * Applied once every enterprise of a year was evaluated — the server's batch evaluates enterprises in chunks and
 * calls this over the year's whole result — so it is a stage of its own, never one enterprise's limit.
 *
 * The share is exact in fen: an award asking a of the year's S against the budget B keeps ⌊a × B ÷ S⌋; the fen left
 * over (fewer than the awards) go one each to the awards with the largest remainders, ties to the lower credit
 * code, then to the lower key, so the kept awards sum to B exactly. Awards already paid (handed in as `paid`) keep
 * their paid amount, which counts against the budget first; the others share what is left. Case-by-case awards
 * (no amount) are decided by a person and stay outside the budget.
 */
import { amountEn, type Fen, formatExactForDisplay, formatYuan, parseYuan, trimDecimal } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { percentOf } from "../format";
import { pushNonPayment, type RuleMeta } from "../internal";
import type { Entitlement, ExplanationParameter, NonPayment, TextLocale, WhyNotWording } from "../types";
import { LimitedEntitlement } from "./limits";

/** One budget: a rule's own, or the one the rules of a `group` share. */
interface Budget {
  /** The rule id or the group's name. */
  id: string;
  amount: Fen;
  zh: string;
  en: string;
}

export interface RuleBudgets {
  /**
   * The entitlements with each budget of each year shared among the awards asking for it, in their order; an award
   * whose share comes to nothing is left out (told in `nonPayments` when given). `paid`: key → amount already paid.
   */
  apply(
    entitlements: readonly Entitlement[],
    options?: { paid?: ReadonlyMap<string, Fen>; nonPayments?: NonPayment[] },
  ): Entitlement[];
}

/** One award's ask and its share: the exact division and where its remainder placed it. */
export interface BudgetShare {
  asked: Fen;
  kept: Fen;
  /** Whether a leftover fen went to it. */
  roundedUp: boolean;
}

/**
 * Shares `available` among `asks` pro rata, exact to the fen: the floors of a × available ÷ Σa, then the fen left
 * over one each by largest remainder (ties: the earlier in `order`, which the caller sorts by credit code and key).
 * When the asks fit, each keeps its ask.
 */
export function shareBudget(available: Fen, asks: readonly Fen[]): BudgetShare[] {
  const total = asks.reduce((sum, ask) => sum + ask, 0n);
  if (total <= available) return asks.map((asked) => ({ asked, kept: asked, roundedUp: false }));
  const shares = asks.map((asked) => ({
    asked,
    kept: (asked * available) / total,
    remainder: (asked * available) % total,
    roundedUp: false,
  }));
  let left = available - shares.reduce((sum, share) => sum + share.kept, 0n);
  const byRemainder = shares
    .map((share, index) => ({ share, index }))
    .sort((a, b) =>
      a.share.remainder === b.share.remainder ? a.index - b.index : a.share.remainder > b.share.remainder ? -1 : 1,
    );
  for (const { share } of byRemainder) {
    if (left === 0n) break;
    share.kept += 1n;
    share.roundedUp = true;
    left -= 1n;
  }
  return shares.map(({ asked, kept, roundedUp }) => ({ asked, kept, roundedUp }));
}

const isFormula = (rule: PlanFile["rewards"][number]): rule is FormulaReward => rule.kind === "formula";

/** A budget's amount in 万元, in both languages' sentences (the English keeps the yuan beside it). */
const wanZh = (fen: Fen) => formatExactForDisplay(fen, "万元");
const wanEn = (fen: Fen) => `${amountEn(fen)} (${formatExactForDisplay(fen, "万元")})`;

/** The rules' budgets, or null when no rule has one. `amountOf` reads the amount (or its parameter) of a rule. */
export function compileRuleBudgets(
  plan: PlanFile,
  amountOf: (rule: FormulaReward) => { amount: Fen; shown: ExplanationParameter | null },
  metaOf: (ruleId: string) => RuleMeta | undefined,
): RuleBudgets | null {
  const formulas = plan.rewards.filter(isFormula).filter((rule) => rule.budgetPerYear !== undefined);
  if (formulas.length === 0) return null;
  /** Output rule id (a step's own id) → plan rule id. */
  const planRuleOf = new Map<string, string>();
  for (const rule of plan.rewards) {
    planRuleOf.set(rule.id, rule.id);
    if (isFormula(rule))
      for (const step of rule.tiers?.steps ?? []) if (step.ruleId) planRuleOf.set(step.ruleId, rule.id);
  }
  const budgetOf = new Map<string, Budget>();
  const groups = new Map<string, Budget>();
  for (const rule of formulas) {
    const written = rule.budgetPerYear!;
    const id = written.group ?? rule.id;
    let budget = groups.get(id);
    if (budget === undefined) {
      budget = {
        id,
        amount: amountOf(rule).amount,
        zh: written.zh ?? (written.group === undefined ? "本项奖励年度总额" : `“${written.group}”各项奖励年度总额`),
        en:
          written.en ??
          (written.group === undefined ? "this reward's yearly total" : `the yearly total of "${written.group}"`),
      };
      groups.set(id, budget);
    }
    budgetOf.set(rule.id, budget);
  }

  return {
    apply(entitlements, options = {}) {
      const paid = options.paid ?? new Map<string, Fen>();
      /** Per budget and year, the positions of the awards asking for it. */
      const buckets = new Map<string, { budget: Budget; year: number; positions: number[] }>();
      entitlements.forEach((entitlement, position) => {
        if (entitlement.amount === null) return;
        const budget = budgetOf.get(planRuleOf.get(entitlement.ruleId) ?? entitlement.ruleId);
        if (budget === undefined) return;
        const bucketKey = `${budget.id}|${entitlement.year}`;
        let bucket = buckets.get(bucketKey);
        if (bucket === undefined) {
          bucket = { budget, year: entitlement.year, positions: [] };
          buckets.set(bucketKey, bucket);
        }
        bucket.positions.push(position);
      });
      const kept: (Entitlement | null)[] = [...entitlements];
      for (const { budget, year, positions } of buckets.values()) {
        const asked = positions.reduce((sum, position) => sum + entitlements[position]!.amount!, 0n);
        if (asked <= budget.amount) continue;
        // Awards already paid keep their amount (never more than now asked) and count first.
        let paidSum = 0n;
        const open: number[] = [];
        for (const position of positions) {
          const entitlement = entitlements[position]!;
          const paidAmount = paid.get(entitlement.key);
          if (paidAmount === undefined) {
            open.push(position);
            continue;
          }
          const keptPaid = smaller(paidAmount, entitlement.amount!);
          paidSum += keptPaid;
          if (keptPaid !== entitlement.amount)
            kept[position] = new LimitedEntitlement(entitlement, keptPaid, {
              zh: `${budget.zh}不超过 ${wanZh(budget.amount)}，本项已按 ${wanZh(keptPaid)} 兑付，计入年度总额，不再变动`,
              en: `${budget.en} is at most ${wanEn(budget.amount)}; this award was paid ${wanEn(keptPaid)}, which counts against it and stays`,
              arithmetic: `已兑付 ${formatYuan(keptPaid)}`,
            });
        }
        const available = budget.amount > paidSum ? budget.amount - paidSum : 0n;
        // Ties of the remainder go to the lower credit code, then the lower key.
        open.sort((a, b) => {
          const left = entitlements[a]!;
          const right = entitlements[b]!;
          if (left.creditCode !== right.creditCode) return left.creditCode < right.creditCode ? -1 : 1;
          return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
        });
        const openAsked =
          asked -
          positions.reduce((sum, position) => {
            const entitlement = entitlements[position]!;
            return paid.has(entitlement.key) ? sum + entitlement.amount! : sum;
          }, 0n);
        const shares = shareBudget(
          available,
          open.map((position) => entitlements[position]!.amount!),
        );
        // The ratio to four decimals of a percent, "约" when not exact; the division beside it is.
        const exact = openAsked > 0n && (available * 1_000_000n) % openAsked === 0n;
        const ratio = `${exact ? "" : "约 "}${openAsked === 0n ? "0" : trimDecimal(percentOf(available, openAsked, 4))}%（${wanZh(available)} ÷ ${wanZh(openAsked)}）`;
        const ratioEn = `${exact ? "" : "about "}${openAsked === 0n ? "0" : trimDecimal(percentOf(available, openAsked, 4))}% (${formatExactForDisplay(available, "万元")} ÷ ${formatExactForDisplay(openAsked, "万元")})`;
        const paidZh = paidSum > 0n ? `，其中已兑付 ${wanZh(paidSum)} 不变，余下 ${wanZh(available)}` : "";
        const paidEn =
          paidSum > 0n ? `, of which ${wanEn(paidSum)} already paid stays, leaving ${wanEn(available)}` : "";
        open.forEach((position, index) => {
          const entitlement = entitlements[position]!;
          const share = shares[index]!;
          if (share.kept === share.asked) return;
          const zh = `${budget.zh}不超过 ${wanZh(budget.amount)}：${year}年各企业应奖合计 ${wanZh(asked)}${paidZh}，超出部分按比例核减，比例 ${ratio}，本项应奖 ${wanZh(share.asked)}，核定 ${wanZh(share.kept)}`;
          const en = `${budget.en} is at most ${wanEn(budget.amount)}: the awards due for ${year} sum to ${wanEn(asked)}${paidEn}, so each is cut pro rata to ${ratioEn}: ${wanEn(share.asked)} due, ${wanEn(share.kept)} kept`;
          const arithmetic = `${formatYuan(share.asked)} × ${formatYuan(available)} ÷ ${formatYuan(openAsked)} → ${formatYuan(share.kept)}${share.roundedUp ? "（含按最大余数分得的 0.01）" : ""}`;
          if (share.kept === 0n) {
            kept[position] = null;
            const meta = metaOf(planRuleOf.get(entitlement.ruleId) ?? entitlement.ruleId);
            if (meta !== undefined && options.nonPayments !== undefined)
              pushNonPayment(
                { nonPayments: options.nonPayments },
                meta,
                budgetWording(`${zh}，不足 1 分，本项不奖励`, `${en}: less than a fen, not paid`),
                entitlement.creditCode,
                "zeroAmount",
                entitlement.year,
                entitlement.subjectId,
                [],
              );
            return;
          }
          kept[position] = new LimitedEntitlement(entitlement, share.kept, { zh, en, arithmetic });
        });
      }
      return kept.filter((entitlement): entitlement is Entitlement => entitlement !== null);
    },
  };
}

function smaller(left: Fen, right: Fen): Fen {
  return left < right ? left : right;
}

function budgetWording(zh: string, en: string): WhyNotWording {
  return { sentence: (_entry: NonPayment, locale: TextLocale) => (locale === "zh" ? zh : en) };
}

/** The budget's amount of a rule as written (for the load's checks): the yuan, or the parameter's value. */
export function writtenBudgetAmount(rule: FormulaReward, plan: PlanFile): string | undefined {
  const budget = rule.budgetPerYear;
  if (budget === undefined) return undefined;
  if (budget.amount !== undefined) return budget.amount;
  const parameter = plan.parameters.find((each) => each.id === budget.amountParameter);
  return parameter === undefined ? undefined : String(parameter.value);
}

/** Problems of a rule's budget, each with its field: the amount (or its parameter), and one amount per group. */
export function budgetProblems(rule: FormulaReward, plan: PlanFile): { field: string; message: string }[] {
  const budget = rule.budgetPerYear;
  if (budget === undefined) return [];
  const problems: { field: string; message: string }[] = [];
  if ((budget.amount === undefined) === (budget.amountParameter === undefined)) {
    problems.push({
      field: "budgetPerYear",
      message: "年度总额须写 amount（元）或 amountParameter（金额参数）之一，且只写一个",
    });
    return problems;
  }
  if (budget.amountParameter !== undefined) {
    const parameter = plan.parameters.find((each) => each.id === budget.amountParameter);
    if (parameter === undefined)
      problems.push({
        field: "budgetPerYear.amountParameter",
        message: `参数 ${budget.amountParameter} 不在本计划的 parameters 中`,
      });
    else if (parameter.unit !== "yuan")
      problems.push({
        field: "budgetPerYear.amountParameter",
        message: `参数 ${budget.amountParameter} 不是金额参数（应写 unit: yuan）`,
      });
  }
  const field = budget.amount !== undefined ? "budgetPerYear.amount" : "budgetPerYear.amountParameter";
  const text = writtenBudgetAmount(rule, plan);
  if (text !== undefined) {
    let fen: Fen | null = null;
    try {
      fen = /^\d+(\.\d{1,2})?$/.test(text) ? parseYuan(text) : null;
    } catch {
      fen = null;
    }
    if (fen === null) problems.push({ field, message: `年度总额“${text}”不是以元为单位的金额` });
    else if (fen <= 0n) problems.push({ field, message: "年度总额必须大于零" });
  }
  if (budget.group !== undefined) {
    const other = plan.rewards.find(
      (each) =>
        each.kind === "formula" &&
        each.id !== rule.id &&
        each.budgetPerYear?.group === budget.group &&
        writtenBudgetAmount(each, plan) !== text,
    );
    if (other !== undefined)
      problems.push({
        field,
        message: `年度总额组“${budget.group}”的金额与奖励 ${other.id} 所写的不同：同一组只能有一个年度总额`,
      });
  }
  return problems;
}
