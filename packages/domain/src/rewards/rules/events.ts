/**
 * Rules paid once per enterprise when an event happens in a plan year: entering the
 * above-scale directory (R-NEW-SCALE), a listed company moving in (R-LISTED-MOVE), a
 * 中国制造业500强 enterprise settling in (R-500, recorded with no amount).
 */
import type { Fen } from "../../money";
import { amountEn, amountZh } from "../format";
import {
  type EnterpriseRuleEvaluator,
  explanation,
  FlagFacts,
  HAS_LISTED_MOVE,
  HAS_NEW_SCALE,
  HAS_TOP500,
  isPlanYear,
  KEY_ENTERPRISE,
  KEY_YEAR,
  NO_FACTS,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  YearTexts,
} from "../internal";
import type { EnterpriseHistory, EnterpriseYear, ExplanationThreshold } from "../types";

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
  const noThresholds: ExplanationThreshold[] = [];
  const enteredFacts = new FlagFacts("newlyAboveScale", "新进入规模企业名录库", "entered the above-scale directory");
  return {
    meta,
    needs: HAS_NEW_SCALE,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      const grantedBefore = !run.granted.isEmpty && run.granted.hasAnyForEnterprise(meta.id, code);
      let paidYear = 0;
      let sawEvent = false;
      for (const year of years) {
        if (year.newlyAboveScale !== true) continue;
        const facts = run.explain ? enteredFacts.list(year, true) : NO_FACTS;
        if (!isPlanYear(run, year.year)) {
          if (run.explain)
            pushNonPayment(
              run,
              meta,
              code,
              "outsidePlanPeriod",
              year.year,
              undefined,
              facts,
              outsideZh.get(year.year),
              outsideEn.get(year.year),
            );
          continue;
        }
        sawEvent = true;
        const alreadyGranted = reentryPaid
          ? !run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${year.year}`)
          : grantedBefore;
        if (alreadyGranted) {
          if (run.explain)
            pushNonPayment(
              run,
              meta,
              code,
              "alreadyGranted",
              year.year,
              undefined,
              facts,
              grantedZh.get(year.year),
              grantedEn.get(year.year),
            );
          continue;
        }
        if (!reentryPaid && paidYear !== 0) {
          if (run.explain)
            pushNonPayment(
              run,
              meta,
              code,
              "reentryNotPaid",
              year.year,
              undefined,
              facts,
              `${year.year}年再次进入规模企业名录库，已于${paidYear}年获得新增规上企业奖励；按参数“退规后再次入库不重复奖励”，不再奖励`,
              `Re-entered the above-scale directory in ${year.year} after being paid in ${paidYear}; the re-entry parameter says re-entry is not paid again.`,
            );
          continue;
        }
        paidYear = year.year;
        pushEntitlement(
          run,
          meta,
          reentryPaid ? KEY_YEAR : KEY_ENTERPRISE,
          code,
          meta.id,
          null,
          year.year,
          amount,
          undefined,
          run.explain
            ? explanation(meta, facts, noThresholds, paidArithmetic, paidZh.get(year.year), paidEn.get(year.year))
            : undefined,
        );
      }
      if (!sawEvent && run.explain)
        pushNonPayment(run, meta, code, "noEvent", null, undefined, NO_FACTS, noEventZh, noEventEn);
    },
  };
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
  const noThresholds: ExplanationThreshold[] = [];
  const eventFacts = new FlagFacts(wording.field, eventZh, eventEn);
  return {
    meta,
    needs: readsTop500 ? HAS_TOP500 : HAS_LISTED_MOVE,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let paidYear = 0;
      let sawEvent = false;
      for (const year of years) {
        // A named property read per rule keeps the load monomorphic in bulk runs.
        if ((readsTop500 ? year.top500SettledIn : year.listedRegistrationMovedIn) !== true) continue;
        const facts = run.explain ? eventFacts.list(year, true) : NO_FACTS;
        if (!isPlanYear(run, year.year)) {
          if (run.explain)
            pushNonPayment(
              run,
              meta,
              code,
              "outsidePlanPeriod",
              year.year,
              undefined,
              facts,
              outsideZh.get(year.year),
              outsideEn.get(year.year),
            );
          continue;
        }
        sawEvent = true;
        if (paidYear !== 0 || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}`))) {
          if (run.explain)
            pushNonPayment(
              run,
              meta,
              code,
              paidYear !== 0 ? "alreadyPaidInPlan" : "alreadyGranted",
              year.year,
              undefined,
              facts,
              repeatedZh.get(year.year),
              repeatedEn.get(year.year),
            );
          continue;
        }
        paidYear = year.year;
        pushEntitlement(
          run,
          meta,
          KEY_ENTERPRISE,
          code,
          meta.id,
          null,
          year.year,
          amount,
          undefined,
          run.explain
            ? explanation(meta, facts, noThresholds, paidArithmetic, paidZh.get(year.year), paidEn.get(year.year))
            : undefined,
        );
      }
      if (!sawEvent && run.explain)
        pushNonPayment(run, meta, code, "noEvent", null, undefined, NO_FACTS, noEventZh, noEventEn);
    },
  };
}

export function listedMoveRule(meta: RuleMeta, amount: Fen): EnterpriseRuleEvaluator {
  return onceEventRule(meta, LISTED_MOVE, amount);
}

export function top500Rule(meta: RuleMeta): EnterpriseRuleEvaluator {
  return onceEventRule(meta, TOP500, null);
}
