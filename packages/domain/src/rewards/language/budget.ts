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

// ---------------------------------------------------------------- one award told against its rule's budget

/**
 * A rule's yearly budget as a page about one enterprise tells it (the why-not page, the rule calculator): those run
 * one enterprise, so they cannot share the budget; they show the amount before it and say how it is shared.
 */
export interface RuleBudgetDescription {
  /** The budget's id: its group's name, else the rule's id (the key of a batch's stored shares). */
  id: string;
  group: string | null;
  /** Null when its amount parameter cannot be read as yuan (the load refuses such a plan). */
  amount: Fen | null;
  /** The plan rule whose budget it is. */
  ruleId: string;
  /** The other rules sharing it (its group), in plan order. */
  sharedWith: { ruleId: string; name: string; nameEn: string }[];
}

/** The plan rule an output rule id (a tier's own id) belongs to. */
function planRuleIdOf(plan: PlanFile, ruleId: string): string | undefined {
  for (const rule of plan.rewards) {
    if (rule.id === ruleId) return rule.id;
    if (isFormula(rule) && (rule.tiers?.steps ?? []).some((step) => step.ruleId === ruleId)) return rule.id;
  }
  return undefined;
}

/** The yearly budget of the rule (or of its tier's id), or null when it has none. */
export function describeRuleBudget(plan: PlanFile, ruleId: string): RuleBudgetDescription | null {
  const planRuleId = planRuleIdOf(plan, ruleId);
  const rule = plan.rewards.find((each) => each.id === planRuleId);
  if (rule === undefined || !isFormula(rule) || rule.budgetPerYear === undefined) return null;
  const group = rule.budgetPerYear.group ?? null;
  const text = writtenBudgetAmount(rule, plan);
  let amount: Fen | null = null;
  try {
    amount = text !== undefined && /^\d+(\.\d{1,2})?$/.test(text) ? parseYuan(text) : null;
  } catch {
    amount = null;
  }
  const sharedWith =
    group === null
      ? []
      : plan.rewards
          .filter(isFormula)
          .filter((each) => each.id !== rule.id && each.budgetPerYear?.group === group)
          .map((each) => ({ ruleId: each.id, name: each.name, nameEn: each.nameEn }));
  return { id: group ?? rule.id, group, amount, ruleId: rule.id, sharedWith };
}

/** How a year's budget was shared in a batch: what was asked, what paid awards kept, what the others shared. */
export interface YearBudgetShare {
  /** The budget's id (`RuleBudgetDescription.id`). */
  budget: string;
  year: number;
  amount: Fen;
  /** All the year's awards of its rules, before the budget. */
  asked: Fen;
  /** What awards already paid kept (they count first). */
  paid: Fen;
  /** What the unpaid awards asked, and what they shared: the ratio is available ÷ openAsked when asked > amount. */
  openAsked: Fen;
  available: Fen;
}

/**
 * Each budget's share of each year over a run's awards before the budgets (the same arithmetic as `apply`), for a
 * batch to store: a page about one enterprise reads the year's ratio from it. `paid`: key → amount already paid.
 */
export function yearBudgetShares(
  plan: PlanFile,
  entitlements: readonly Entitlement[],
  paid: ReadonlyMap<string, Fen> = new Map(),
): YearBudgetShare[] {
  const shares = new Map<string, YearBudgetShare>();
  const described = new Map<string, RuleBudgetDescription | null>();
  for (const entitlement of entitlements) {
    if (entitlement.amount === null) continue;
    let budget = described.get(entitlement.ruleId);
    if (budget === undefined) {
      budget = describeRuleBudget(plan, entitlement.ruleId);
      described.set(entitlement.ruleId, budget);
    }
    if (budget === null || budget.amount === null) continue;
    const key = `${budget.id}|${entitlement.year}`;
    let share = shares.get(key);
    if (share === undefined) {
      share = {
        budget: budget.id,
        year: entitlement.year,
        amount: budget.amount,
        asked: 0n,
        paid: 0n,
        openAsked: 0n,
        available: 0n,
      };
      shares.set(key, share);
    }
    share.asked += entitlement.amount;
    const paidAmount = paid.get(entitlement.key);
    if (paidAmount === undefined) share.openAsked += entitlement.amount;
    else share.paid += smaller(paidAmount, entitlement.amount);
  }
  for (const share of shares.values()) share.available = share.amount > share.paid ? share.amount - share.paid : 0n;
  return [...shares.values()];
}

/** What one award asking `asked` becomes at the year's ratio: its floor share (the leftover fen go by remainder). */
export function shareAtRatio(asked: Fen, share: YearBudgetShare): { kept: Fen; exact: boolean } {
  if (share.asked <= share.amount || share.openAsked === 0n) return { kept: asked, exact: true };
  return {
    kept: (asked * share.available) / share.openAsked,
    exact: (asked * share.available) % share.openAsked === 0n,
  };
}

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join("、");

/**
 * The words for one award of a rule with a yearly budget, on a page that ran one enterprise: the amount before the
 * budget, the budget and the rules sharing it, and — when the year's batch stored its share — the year's ratio and
 * what this amount becomes at it; otherwise that the share is known once the year's batch is computed.
 */
export function budgetNoteOfAward(
  budget: RuleBudgetDescription,
  asked: Fen,
  year: number,
  share: YearBudgetShare | null,
): { zh: string; en: string; kept: Fen | null } {
  const amountZh = budget.amount === null ? "" : ` ${wanZh(budget.amount)}`;
  const amountEn = budget.amount === null ? "" : ` of ${wanEn(budget.amount)}`;
  const sharedZh =
    budget.sharedWith.length === 0
      ? ""
      : `（“${budget.group}”，与${quoted(budget.sharedWith.map((rule) => rule.name))}共用）`;
  const sharedEn =
    budget.sharedWith.length === 0
      ? ""
      : ` ("${budget.group}", shared with ${budget.sharedWith.map((rule) => `"${rule.nameEn}"`).join(", ")})`;
  const headZh = `${wanZh(asked)} 为年度总额核减前的应奖金额：本项奖励设有年度总额${amountZh}${sharedZh}，由当年所有符合条件的企业按应奖金额比例分享`;
  const headEn = `${wanEn(asked)} is the amount before the yearly budget: this reward has a yearly budget${amountEn}${sharedEn}, shared pro rata among all the enterprises that qualify that year`;
  if (share === null)
    return {
      zh: `${headZh}；${year}年的分享比例在该年度奖励批次计算后确定。`,
      en: `${headEn}; the share for ${year} is known once that year's reward batch is computed.`,
      kept: null,
    };
  const paidZh = share.paid > 0n ? `，其中已兑付 ${wanZh(share.paid)} 不变` : "";
  const paidEn = share.paid > 0n ? `, of which ${wanEn(share.paid)} already paid stays` : "";
  if (share.asked <= share.amount)
    return {
      zh: `${headZh}；${year}年批次中各企业应奖合计 ${wanZh(share.asked)}${paidZh}，未超过年度总额，按应奖金额全额核定，本项仍为 ${wanZh(asked)}。`,
      en: `${headEn}; in the ${year} batch the awards due sum to ${wanEn(share.asked)}${paidEn}, within the budget, so each is kept in full: this one stays ${wanEn(asked)}.`,
      kept: asked,
    };
  const { kept, exact } = shareAtRatio(asked, share);
  const ratio = share.openAsked === 0n ? "0" : trimDecimal(percentOf(share.available, share.openAsked, 4));
  const ratioExact = share.openAsked > 0n && (share.available * 1_000_000n) % share.openAsked === 0n;
  return {
    zh: `${headZh}；${year}年批次中各企业应奖合计 ${wanZh(share.asked)}${paidZh}，超出部分按比例核减，比例 ${ratioExact ? "" : "约 "}${ratio}%（${wanZh(share.available)} ÷ ${wanZh(share.openAsked)}），按此比例本项${exact ? "为" : "约为"} ${wanZh(kept)}。`,
    en: `${headEn}; in the ${year} batch the awards due sum to ${wanEn(share.asked)}${paidEn}, so each is cut pro rata to ${ratioExact ? "" : "about "}${ratio}% (${formatExactForDisplay(share.available, "万元")} ÷ ${formatExactForDisplay(share.openAsked, "万元")}): at that ratio this one ${exact ? "is" : "is about"} ${wanEn(kept)}.`,
    kept,
  };
}
