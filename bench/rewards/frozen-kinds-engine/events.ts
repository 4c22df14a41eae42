/**
 * Rules paid once per enterprise when an event happens in a plan year: entering the
 * above-scale directory (R-NEW-SCALE), a listed company moving in (R-LISTED-MOVE), a
 * 中国制造业500强 enterprise settling in (R-500, recorded with no amount).
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh } from "@beizeng/domain/money";
import {
  type EnterpriseRuleEvaluator,
  explanationRecord,
  FlagFacts,
  HAS_LISTED_MOVE,
  HAS_NEW_SCALE,
  HAS_TOP500,
  isPlanYear,
  KEY_ENTERPRISE,
  KEY_YEAR,
  type KeyShape,
  NO_FACTS,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  writtenExplanation,
  YearTexts,
} from "@beizeng/domain/rewards/internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplanationThreshold,
  ExplanationWording,
  NonPayment,
  NonPaymentReason,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

/** What the three event rules share; each says when the event happened and when it is not paid. */
interface EventRule {
  needs: number;
  /** Whether the event happened in the year (a named property read per rule keeps the load monomorphic). */
  happened(year: EnterpriseYear): boolean;
  facts: FlagFacts;
  keyShape: KeyShape;
  /** Why the event of a plan year is not paid, or null; `paidYear` is the year paid earlier in this run (0: none). */
  notPaidBecause(run: Run, code: string, year: number, paidYear: number): NonPaymentReason | null;
  amount: Fen | null;
  paidArithmetic: string;
  paidZh: YearTexts;
  paidEn: YearTexts;
}

/** Pays the event in a plan year unless the rule says why not; an enterprise without it is explained once. */
function eventRule(meta: RuleMeta, wording: WhyNotWording, rule: EventRule): EnterpriseRuleEvaluator {
  const noThresholds: ExplanationThreshold[] = [];
  // Written when shown, from the year paid: its event flag and that flag's source.
  const explanationWording: ExplanationWording = {
    explanation(record) {
      const year = record.year!;
      return writtenExplanation(
        meta,
        rule.facts.list(year, true),
        noThresholds,
        rule.paidArithmetic,
        rule.paidZh.get(year.year),
        rule.paidEn.get(year.year),
      );
    },
    reads: { year: [rule.facts.field], previousYear: [] },
    rebuildsFacts: true,
  };
  return {
    meta,
    needs: rule.needs,
    explanationWording,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let paidYear = 0;
      let sawEvent = false;
      for (const year of years) {
        if (!rule.happened(year)) continue;
        const facts = run.whyNots ? rule.facts.list(year, true) : NO_FACTS;
        if (!isPlanYear(run, year.year)) {
          if (run.whyNots) pushNonPayment(run, meta, wording, code, "outsidePlanPeriod", year.year, undefined, facts);
          continue;
        }
        sawEvent = true;
        const reason = rule.notPaidBecause(run, code, year.year, paidYear);
        if (reason !== null) {
          if (run.whyNots)
            pushNonPayment(run, meta, wording, code, reason, year.year, undefined, facts, {
              otherYear: paidYear === 0 ? null : paidYear,
            });
          continue;
        }
        paidYear = year.year;
        pushEntitlement(
          run,
          meta,
          rule.keyShape,
          code,
          meta.id,
          null,
          year.year,
          rule.amount,
          undefined,
          run.explain ? explanationRecord(meta, explanationWording, year, null, -1, -1) : undefined,
        );
      }
      if (!sawEvent && run.whyNots) pushNonPayment(run, meta, wording, code, "noEvent", null, undefined, NO_FACTS);
    },
  };
}

/** The why-not wording of an event rule: outside the plan years and no event are alike; the rule words the rest. */
function eventWording(
  outsideZh: YearTexts,
  outsideEn: YearTexts,
  noEventZh: string,
  noEventEn: string,
  notPaid: (entry: NonPayment, zh: boolean) => string,
): WhyNotWording {
  return {
    sentence(entry, locale) {
      const zh = locale === "zh";
      if (entry.reason === "outsidePlanPeriod")
        return zh ? outsideZh.get(entry.year ?? 0) : outsideEn.get(entry.year ?? 0);
      if (entry.reason === "noEvent") return zh ? noEventZh : noEventEn;
      return notPaid(entry, zh);
    },
  };
}

/** R-NEW-SCALE: entering the directory in a plan year pays once per enterprise, unless re-entry is paid. */
export function newAboveScaleRule(meta: RuleMeta, amount: Fen, reentryPaid: boolean): EnterpriseRuleEvaluator {
  const amountTextZh = amountZh(amount);
  const amountTextEn = amountEn(amount);
  // Everything but the enterprise and the year is known now: the sentences are built once.
  const { yearsZh, yearsEn } = meta;
  const outsideZh = new YearTexts((y) => `${y}年新进入规模企业名录库，不在方案实施年度（${yearsZh}）内，不奖励`);
  const outsideEn = new YearTexts(
    (y) => `Entered the above-scale directory in ${y}, outside the plan years ${yearsEn}: not paid.`,
  );
  const grantedZh = new YearTexts((y) => `${y}年新进入规模企业名录库，但此前已获得新增规上企业奖励，不重复奖励`);
  const grantedEn = new YearTexts(
    (y) =>
      `Entered the above-scale directory in ${y}, but the reward for new above-scale enterprises was already granted: not paid again.`,
  );
  const paidArithmetic = `一次性奖励 ${amountTextZh}（once: ${amountTextEn}）`;
  const paidZh = new YearTexts((y) => `${y}年新进入规模企业名录库，一次性奖励 ${amountTextZh}`);
  const paidEn = new YearTexts((y) => `Entered the above-scale directory in ${y}: one-time reward of ${amountTextEn}.`);
  const noEventZh = `${yearsZh}未有新进入规模企业名录库的记录`;
  const noEventEn = `No entry into the above-scale directory in ${yearsEn}.`;
  const enteredFacts = new FlagFacts("newlyAboveScale", "新进入规模企业名录库", "entered the above-scale directory");
  const wording = eventWording(outsideZh, outsideEn, noEventZh, noEventEn, (entry, zh) => {
    const y = entry.year ?? 0;
    if (entry.reason === "alreadyGranted") return zh ? grantedZh.get(y) : grantedEn.get(y);
    return zh
      ? `${y}年再次进入规模企业名录库，已于${entry.otherYear}年获得新增规上企业奖励；按参数“退规后再次入库不重复奖励”，不再奖励`
      : `Re-entered the above-scale directory in ${y} after being paid in ${entry.otherYear}; the re-entry parameter says re-entry is not paid again.`;
  });
  return eventRule(meta, wording, {
    needs: HAS_NEW_SCALE,
    happened: (year) => year.newlyAboveScale === true,
    facts: enteredFacts,
    keyShape: reentryPaid ? KEY_YEAR : KEY_ENTERPRISE,
    notPaidBecause(run, code, year, paidYear) {
      if (reentryPaid)
        return !run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${year}`) ? "alreadyGranted" : null;
      if (!run.granted.isEmpty && run.granted.hasAnyForEnterprise(meta.id, code)) return "alreadyGranted";
      return paidYear !== 0 ? "reentryNotPaid" : null;
    },
    amount,
    paidArithmetic,
    paidZh,
    paidEn,
  });
}

interface OnceEventWording {
  field: "listedRegistrationMovedIn" | "top500SettledIn";
  eventZh: string;
  eventEn: string;
}

const LISTED_MOVE: OnceEventWording = {
  field: "listedRegistrationMovedIn",
  eventZh: "招商引入市外上市企业（或并购重组上市后工商注册地迁入本区）",
  eventEn:
    "a listed company from outside the city was attracted (or moved its registration in after a listing by merger)",
};

const TOP500: OnceEventWording = {
  field: "top500SettledIn",
  eventZh: "“中国制造业500强”企业落户本区",
  eventEn: "a China Top 500 manufacturer settled in the district",
};

/**
 * R-LISTED-MOVE (amount) and R-500 (amount null: 一企一策、一事一议, the decision is recorded,
 * never computed): once per enterprise, in the plan year the event happened.
 */
function onceEventRule(meta: RuleMeta, wording: OnceEventWording, amount: Fen | null): EnterpriseRuleEvaluator {
  const readsTop500 = wording.field === "top500SettledIn";
  const amountTextZh = amount === null ? null : amountZh(amount);
  const amountTextEn = amount === null ? null : amountEn(amount);
  const { yearsZh, yearsEn } = meta;
  const { eventZh, eventEn } = wording;
  const outsideZh = new YearTexts((y) => `${y}年${eventZh}，不在方案实施年度（${yearsZh}）内`);
  const outsideEn = new YearTexts((y) => `In ${y} ${eventEn}, outside the plan years ${yearsEn}.`);
  const repeatedZh = new YearTexts((y) => `${y}年${eventZh}，但该企业已获得此项奖励（每户一次），不重复奖励`);
  const repeatedEn = new YearTexts(
    (y) => `In ${y} ${eventEn}, but this reward was already granted to the enterprise (once per enterprise).`,
  );
  const paidArithmetic =
    amountTextZh === null
      ? "金额不由系统计算：实行“一企一策”“一事一议”，由决定记录金额（amount decided case by case）"
      : `每户奖励 ${amountTextZh}（per enterprise: ${amountTextEn}）`;
  const paidZh = new YearTexts((y) =>
    amountTextZh === null
      ? `${y}年${eventZh}，给予一次性奖励，金额按“一企一策”“一事一议”另行决定，系统只记录决定`
      : `${y}年${eventZh}，奖励 ${amountTextZh}`,
  );
  const paidEn = new YearTexts((y) =>
    amountTextZh === null
      ? `In ${y} ${eventEn}: a one-time reward whose amount is decided case by case; the system records the decision and computes no amount.`
      : `In ${y} ${eventEn}: reward of ${amountTextEn}.`,
  );
  const noEventZh = `${yearsZh}无“${eventZh}”的记录`;
  const noEventEn = `No record that ${eventEn} in ${yearsEn}.`;
  const eventFacts = new FlagFacts(wording.field, eventZh, eventEn);
  // Paid already in this run or granted before: the same sentence.
  const whyNotWording = eventWording(outsideZh, outsideEn, noEventZh, noEventEn, (entry, zh) =>
    zh ? repeatedZh.get(entry.year ?? 0) : repeatedEn.get(entry.year ?? 0),
  );
  return eventRule(meta, whyNotWording, {
    needs: readsTop500 ? HAS_TOP500 : HAS_LISTED_MOVE,
    happened: readsTop500 ? (year) => year.top500SettledIn === true : (year) => year.listedRegistrationMovedIn === true,
    facts: eventFacts,
    keyShape: KEY_ENTERPRISE,
    notPaidBecause(run, code, _year, paidYear) {
      if (paidYear !== 0) return "alreadyPaidInPlan";
      return !run.granted.isEmpty && run.granted.has(`${meta.id}|${code}`) ? "alreadyGranted" : null;
    },
    amount,
    paidArithmetic,
    paidZh,
    paidEn,
  });
}

export function listedMoveRule(meta: RuleMeta, amount: Fen): EnterpriseRuleEvaluator {
  return onceEventRule(meta, LISTED_MOVE, amount);
}

export function top500Rule(meta: RuleMeta): EnterpriseRuleEvaluator {
  return onceEventRule(meta, TOP500, null);
}
