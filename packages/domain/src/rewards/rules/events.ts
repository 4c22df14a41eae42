/**
 * Rules paid once per enterprise when an event happens in a plan year: entering the
 * above-scale directory (R-NEW-SCALE), a listed company moving in (R-LISTED-MOVE), a
 * 中国制造业500强 enterprise settling in (R-500, recorded with no amount).
 */
import type { Fen } from "../../money";
import { amountEn, amountZh, yearRangeZh } from "../format";
import {
  type EnterpriseRuleEvaluator,
  flagFact,
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
} from "../internal";
import type { EnterpriseHistory, EnterpriseYear } from "../types";

/** R-NEW-SCALE: entering the directory in a plan year pays once per enterprise, unless re-entry is paid. */
export function newAboveScaleRule(meta: RuleMeta, amount: Fen, reentryPaid: boolean): EnterpriseRuleEvaluator {
  const amountTextZh = amountZh(amount);
  const amountTextEn = amountEn(amount);
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
        const facts = run.explain
          ? [flagFact("newlyAboveScale", "新进入规模企业名录库", "entered the above-scale directory", year, true)]
          : NO_FACTS;
        if (!isPlanYear(run, year.year)) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: "outsidePlanPeriod",
              year: year.year,
              facts,
              zh: `${year.year}年新进入规模企业名录库，不在方案实施年度（${yearRangeZh(run.startYear, run.endYear)}）内，不奖励`,
              en: `Entered the above-scale directory in ${year.year}, outside the plan years ${run.startYear}–${run.endYear}: not paid.`,
            });
          continue;
        }
        sawEvent = true;
        const alreadyGranted = reentryPaid
          ? !run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${year.year}`)
          : grantedBefore;
        if (alreadyGranted) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: "alreadyGranted",
              year: year.year,
              facts,
              zh: `${year.year}年新进入规模企业名录库，但此前已获得新增规上企业奖励，不重复奖励`,
              en: `Entered the above-scale directory in ${year.year}, but the reward for new above-scale enterprises was already granted: not paid again.`,
            });
          continue;
        }
        if (!reentryPaid && paidYear !== 0) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: "reentryNotPaid",
              year: year.year,
              facts,
              zh: `${year.year}年再次进入规模企业名录库，已于${paidYear}年获得新增规上企业奖励；按参数“退规后再次入库不重复奖励”，不再奖励`,
              en: `Re-entered the above-scale directory in ${year.year} after being paid in ${paidYear}; the re-entry parameter says re-entry is not paid again.`,
            });
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
            ? {
                facts,
                thresholds: [],
                arithmetic: `一次性奖励 ${amountTextZh}（once: ${amountTextEn}）`,
                zh: `${year.year}年新进入规模企业名录库，一次性奖励 ${amountTextZh}`,
                en: `Entered the above-scale directory in ${year.year}: one-time reward of ${amountTextEn}.`,
              }
            : undefined,
        );
      }
      if (!sawEvent && run.explain)
        pushNonPayment(run, meta, {
          creditCode: code,
          reason: "noEvent",
          year: null,
          zh: `${yearRangeZh(run.startYear, run.endYear)}未有新进入规模企业名录库的记录`,
          en: `No entry into the above-scale directory in ${run.startYear}–${run.endYear}.`,
        });
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
        const facts = run.explain ? [flagFact(wording.field, wording.eventZh, wording.eventEn, year, true)] : NO_FACTS;
        if (!isPlanYear(run, year.year)) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: "outsidePlanPeriod",
              year: year.year,
              facts,
              zh: `${year.year}年${wording.eventZh}，不在方案实施年度（${yearRangeZh(run.startYear, run.endYear)}）内`,
              en: `In ${year.year} ${wording.eventEn}, outside the plan years ${run.startYear}–${run.endYear}.`,
            });
          continue;
        }
        sawEvent = true;
        if (paidYear !== 0 || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}`))) {
          if (run.explain)
            pushNonPayment(run, meta, {
              creditCode: code,
              reason: paidYear !== 0 ? "alreadyPaidInPlan" : "alreadyGranted",
              year: year.year,
              facts,
              zh: `${year.year}年${wording.eventZh}，但该企业已获得此项奖励（每户一次），不重复奖励`,
              en: `In ${year.year} ${wording.eventEn}, but this reward was already granted to the enterprise (once per enterprise).`,
            });
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
            ? amountTextZh === null
              ? {
                  facts,
                  thresholds: [],
                  arithmetic:
                    "金额不由系统计算：实行“一企一策”“一事一议”，由决定记录金额（amount decided case by case）",
                  zh: `${year.year}年${wording.eventZh}，给予一次性奖励，金额按“一企一策”“一事一议”另行决定，系统只记录决定`,
                  en: `In ${year.year} ${wording.eventEn}: a one-time reward whose amount is decided case by case; the system records the decision and computes no amount.`,
                }
              : {
                  facts,
                  thresholds: [],
                  arithmetic: `每户奖励 ${amountTextZh}（per enterprise: ${amountTextEn}）`,
                  zh: `${year.year}年${wording.eventZh}，奖励 ${amountTextZh}`,
                  en: `In ${year.year} ${wording.eventEn}: reward of ${amountTextEn}.`,
                }
            : undefined,
        );
      }
      if (!sawEvent && run.explain)
        pushNonPayment(run, meta, {
          creditCode: code,
          reason: "noEvent",
          year: null,
          zh: `${yearRangeZh(run.startYear, run.endYear)}无“${wording.eventZh}”的记录`,
          en: `No record that ${wording.eventEn} in ${run.startYear}–${run.endYear}.`,
        });
    },
  };
}

export function listedMoveRule(meta: RuleMeta, amount: Fen): EnterpriseRuleEvaluator {
  return onceEventRule(meta, LISTED_MOVE, amount);
}

export function top500Rule(meta: RuleMeta): EnterpriseRuleEvaluator {
  return onceEventRule(meta, TOP500, null);
}
