/**
 * Limits across one enterprise's awards, applied after its rules ran: the most one rule pays it in a year
 * (`capPerYear`), 就高不重复 between rules (`stacking`: only the highest award of the linked rules is paid,
 * per year or over the plan), and a cap on the sum of its awards in a year across the rules sharing a
 * `sumCap` group (≤ its retained tax: a CEL money figure of the year); then who receives what share of each
 * (`payees`: half to the legal representative), told in the award's explanation. Every limit is within one
 * enterprise, so a batch evaluated in chunks of enterprises limits exactly as one run would. Awards are limited in the order the
 * engine made them (plan order); a reduced award keeps its key and says in its explanation what reduced
 * it; an award reduced to nothing or not kept is told in a why-not.
 */
import { amountEn, amountZh, type Fen, formatYuan, parseYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { parseRate, type Rate, ratePercent } from "../format";
import { pushNonPayment, type RuleMeta, type Run } from "../internal";
import type {
  EnterpriseYear,
  Entitlement,
  Explanation,
  ExplanationParameter,
  ExplanationRecord,
  ExplanationWording,
  NonPayment,
  NonPaymentReason,
  TextLocale,
  WhyNotWording,
} from "../types";
import { declaredFactLookup } from "./declared-facts";
import { type CompiledExpression, compileExpression, type FormulaScope } from "./expressions";

interface SumCap {
  group: string;
  atMost: CompiledExpression<bigint>;
  zh: string;
  en: string;
}

export interface AwardLimits {
  /** Limits the entitlements `run.entitlements[from…]` of one enterprise (its years ascending). */
  apply(run: Run, from: number, years: readonly EnterpriseYear[]): void;
}

const isFormula = (rule: PlanFile["rewards"][number]): rule is FormulaReward => rule.kind === "formula";

/** The plan's limits across awards, or null when it has none (the engine then does nothing more). */
export function compileAwardLimits(
  plan: PlanFile,
  metaOf: (ruleId: string) => RuleMeta | undefined,
): AwardLimits | null {
  const formulas = plan.rewards.filter(isFormula);
  if (!formulas.some((rule) => rule.capPerYear || rule.stacking || rule.sumCap || rule.payees)) return null;
  const declared = declaredFactLookup(plan.facts);
  /** Output rule id (a step's own id) → plan rule id. */
  const planRuleOf = new Map<string, string>();
  for (const rule of plan.rewards) {
    planRuleOf.set(rule.id, rule.id);
    if (isFormula(rule))
      for (const step of rule.tiers?.steps ?? []) if (step.ruleId) planRuleOf.set(step.ruleId, rule.id);
  }
  const payees = new Map<string, { rate: Rate; text: string; zh: string; en: string }[]>();
  for (const rule of formulas)
    if (rule.payees !== undefined)
      payees.set(
        rule.id,
        rule.payees.map((payee) => ({ rate: parseRate(payee.share), text: payee.share, zh: payee.zh, en: payee.en })),
      );
  const capPerYear = new Map<string, Fen>();
  const sumCaps = new Map<string, SumCap>();
  // Stacking: linked rules form groups (union–find over `with`).
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const within = new Map<string, "year" | "plan">();
  for (const rule of formulas) {
    if (rule.capPerYear !== undefined) capPerYear.set(rule.id, parseYuan(rule.capPerYear));
    if (rule.sumCap !== undefined)
      sumCaps.set(rule.id, {
        group: rule.sumCap.group,
        atMost: compileExpression<bigint>(rule.sumCap.atMost, "year", "int", declared),
        zh: rule.sumCap.zh,
        en: rule.sumCap.en,
      });
    if (rule.stacking !== undefined) {
      if (!parent.has(rule.id)) parent.set(rule.id, rule.id);
      within.set(rule.id, rule.stacking.within);
      for (const other of rule.stacking.with) {
        const otherRule = planRuleOf.get(other) ?? other;
        if (!parent.has(otherRule)) parent.set(otherRule, otherRule);
        parent.set(find(otherRule), find(rule.id));
      }
    }
  }
  const stackGroup = (planRuleId: string) => (parent.has(planRuleId) ? find(planRuleId) : null);
  const groupWithin = new Map<string, "year" | "plan">();
  for (const [id, scope] of within) {
    const group = find(id);
    // A group is over the plan when any of its rules says so.
    if (scope === "plan" || !groupWithin.has(group)) groupWithin.set(group, scope);
  }
  const scope: FormulaScope = {
    year: null,
    grant: null,
    techProject: null,
    project: null,
    plan: { startYear: BigInt(plan.period.startYear), endYear: BigInt(plan.period.endYear) },
  };

  return {
    apply(run, from, years) {
      const entitlements = run.entitlements;
      if (entitlements.length === from) return;
      const mine = entitlements.splice(from);
      const kept: (Entitlement | null)[] = [...mine];
      const planRule = (e: Entitlement) => planRuleOf.get(e.ruleId) ?? e.ruleId;
      const drop = (index: number, reason: NonPaymentReason, zh: string, en: string) => {
        const entitlement = kept[index]!;
        kept[index] = null;
        const meta = metaOf(planRule(entitlement));
        if (meta !== undefined && run.whyNots)
          pushNonPayment(
            run,
            meta,
            limitWording(zh, en),
            entitlement.creditCode,
            reason,
            entitlement.year,
            entitlement.subjectId,
            [],
          );
      };
      const reduce = (index: number, amount: Fen, zh: string, en: string, arithmetic: string) => {
        const entitlement = kept[index]!;
        kept[index] = new LimitedEntitlement(entitlement, amount, { zh, en, arithmetic });
      };

      // 1. 就高不重复: in each group (and year), the highest computed award stays; case-by-case awards stay.
      if (parent.size > 0) {
        const best = new Map<string, number>();
        mine.forEach((entitlement, index) => {
          const group = stackGroup(planRule(entitlement));
          if (group === null || entitlement.amount === null) return;
          const bucket = groupWithin.get(group) === "plan" ? group : `${group}|${entitlement.year}`;
          const current = best.get(bucket);
          if (current === undefined || entitlement.amount > mine[current]!.amount!) best.set(bucket, index);
        });
        mine.forEach((entitlement, index) => {
          const group = stackGroup(planRule(entitlement));
          if (group === null || entitlement.amount === null) return;
          const bucket = groupWithin.get(group) === "plan" ? group : `${group}|${entitlement.year}`;
          const winner = mine[best.get(bucket)!]!;
          if (winner === entitlement) return;
          drop(
            index,
            "stackingExcluded",
            `${entitlement.year}年与 ${winner.ruleId} 不重复享受，按就高原则兑现 ${winner.ruleId} ${amountZh(winner.amount!)}，本项不奖励`,
            `In ${entitlement.year}, not paid together with ${winner.ruleId}: the higher award, ${winner.ruleId} of ${amountEn(winner.amount!)}, is paid instead`,
          );
        });
      }

      // 2. The most one rule pays the enterprise in a year.
      if (capPerYear.size > 0) {
        const paid = new Map<string, Fen>();
        kept.forEach((entitlement, index) => {
          if (entitlement === null || entitlement.amount === null) return;
          const rule = planRule(entitlement);
          const cap = capPerYear.get(rule);
          if (cap === undefined) return;
          const bucket = `${rule}|${entitlement.year}`;
          const before = paid.get(bucket) ?? 0n;
          const room = cap > before ? cap - before : 0n;
          if (room === 0n) {
            drop(
              index,
              "zeroAmount",
              `${entitlement.year}年本项奖励已达每家企业每年最高 ${amountZh(cap)}，不再奖励`,
              `In ${entitlement.year}, this reward already reached its yearly maximum of ${amountEn(cap)} per enterprise`,
            );
            return;
          }
          if (entitlement.amount > room)
            reduce(
              index,
              room,
              `本项每家企业每年最高 ${amountZh(cap)}，本年已奖励 ${amountZh(before)}，核减为 ${amountZh(room)}`,
              `at most ${amountEn(cap)} per enterprise a year, ${amountEn(before)} already paid this year: reduced to ${amountEn(room)}`,
              `min(${formatYuan(entitlement.amount)}, ${formatYuan(cap)} − ${formatYuan(before)}) = ${formatYuan(room)}`,
            );
          paid.set(bucket, before + (entitlement.amount > room ? room : entitlement.amount));
        });
      }

      // 3. The sum of the awards of a group's rules in a year, at most a figure of that year.
      if (sumCaps.size > 0) {
        const paid = new Map<string, Fen>();
        kept.forEach((entitlement, index) => {
          if (entitlement === null || entitlement.amount === null) return;
          const cap = sumCaps.get(planRule(entitlement));
          if (cap === undefined) return;
          const at = years.findIndex((year) => year.year === entitlement.year);
          scope.year = at < 0 ? null : years[at]!;
          scope.history = years;
          scope.at = at;
          const missing = scope.year === null ? "year" : cap.atMost.missing(scope);
          if (missing !== null) {
            drop(
              index,
              "missingFigure",
              `${entitlement.year}年缺少“${cap.zh}”所需的数据，累计上限无法确定，暂不奖励`,
              `In ${entitlement.year}, the figure for "${cap.en}" is missing, so the limit cannot be applied; not paid for now`,
            );
            return;
          }
          const limit = cap.atMost.evaluate(scope);
          const bucket = `${cap.group}|${entitlement.year}`;
          const before = paid.get(bucket) ?? 0n;
          const room = limit > before ? limit - before : 0n;
          if (room === 0n) {
            drop(
              index,
              "zeroAmount",
              `${entitlement.year}年奖励累计已达“${cap.zh}”${amountZh(limit)}，本项不奖励`,
              `In ${entitlement.year}, the awards already reached "${cap.en}" of ${amountEn(limit)}`,
            );
            return;
          }
          if (entitlement.amount > room)
            reduce(
              index,
              room,
              `${cap.zh}：上限 ${amountZh(limit)}，本年已奖励 ${amountZh(before)}，核减为 ${amountZh(room)}`,
              `${cap.en}: at most ${amountEn(limit)}, ${amountEn(before)} already paid this year: reduced to ${amountEn(room)}`,
              `min(${formatYuan(entitlement.amount)}, ${formatYuan(limit)} − ${formatYuan(before)}) = ${formatYuan(room)}`,
            );
          paid.set(bucket, before + (entitlement.amount > room ? room : entitlement.amount));
        });
        scope.year = null;
        scope.history = null;
      }
      // 4. Who receives what: the shares of the (limited) amount, exact to the fen, the last taking the rest.
      if (payees.size > 0)
        kept.forEach((entitlement, index) => {
          if (entitlement === null || entitlement.amount === null) return;
          const split = payees.get(planRule(entitlement));
          if (split === undefined) return;
          const total = entitlement.amount;
          let left = total;
          const parts = split.map((payee, position) => {
            const part =
              position === split.length - 1
                ? left
                : (total * payee.rate.numerator * 2n + payee.rate.denominator) / (payee.rate.denominator * 2n);
            left -= part;
            return { ...payee, part };
          });
          const share = (text: string) => `${ratePercent(parseRate(text))}%`;
          kept[index] = new LimitedEntitlement(entitlement, total, {
            zh: `其中 ${parts.map((p) => `${amountZh(p.part)}（${share(p.text)}）奖给${p.zh}`).join("，")}`,
            en: `of which ${parts.map((p) => `${amountEn(p.part)} (${share(p.text)}) to ${p.en}`).join(", ")}`,
            arithmetic: parts.map((p) => `${formatYuan(total)} × ${share(p.text)} → ${formatYuan(p.part)}`).join("；"),
          });
        });
      for (const entitlement of kept) if (entitlement !== null) entitlements.push(entitlement);
    },
  };
}

function limitWording(zh: string, en: string): WhyNotWording {
  return { sentence: (_entry: NonPayment, locale: TextLocale) => (locale === "zh" ? zh : en) };
}

const WRITTEN: ExplanationWording = {
  explanation(record) {
    return record.written as Explanation;
  },
};

/** An award reduced by a limit: its key and figures are the original's, its amount and explanation say the limit. */
export class LimitedEntitlement implements Entitlement {
  readonly creditCode: string;
  readonly ruleId: string;
  readonly clause: string;
  readonly tier: string | null;
  readonly year: number;
  readonly subjectId?: string;
  readonly explanation?: ExplanationRecord;
  readonly #original: Entitlement;

  constructor(
    original: Entitlement,
    readonly amount: Fen,
    note: { zh: string; en: string; arithmetic: string },
  ) {
    this.#original = original;
    this.creditCode = original.creditCode;
    this.ruleId = original.ruleId;
    this.clause = original.clause;
    this.tier = original.tier;
    this.year = original.year;
    if (original.subjectId !== undefined) this.subjectId = original.subjectId;
    if (original.explanation !== undefined) this.explanation = new LimitedExplanation(original.explanation, note);
  }

  get key(): string {
    return this.#original.key;
  }
}

class LimitedExplanation implements ExplanationRecord {
  readonly wording = WRITTEN;
  readonly year = null;
  readonly previousYear = null;
  readonly band = -1;
  readonly reached = -1;
  readonly subject = null;
  readonly facts = null;
  readonly crossing = null;
  readonly #original: ExplanationRecord;
  readonly #note: { zh: string; en: string; arithmetic: string };
  #written: Explanation | undefined;

  constructor(original: ExplanationRecord, note: { zh: string; en: string; arithmetic: string }) {
    this.#original = original;
    this.#note = note;
  }

  get written(): Explanation {
    if (this.#written === undefined) {
      const original = this.#original.written ?? this.#original.wording.explanation(this.#original);
      const en = original.en.replace(/\.$/, "");
      this.#written = {
        ...original,
        zh: `${original.zh}；${this.#note.zh}`,
        en: `${en}; ${this.#note.en}.`,
        arithmetic: `${original.arithmetic}；${this.#note.arithmetic}`,
      };
    }
    return this.#written;
  }
  get ruleId(): string {
    return this.#original.ruleId;
  }
  get clause(): string {
    return this.#original.clause;
  }
  get quote(): string {
    return this.#original.quote;
  }
  get parameters(): ExplanationParameter[] {
    return this.#original.parameters;
  }
}
