/**
 * R-IPO: domestic IPO / overseas IPO / 新三板 quotation, each kind once per enterprise. A kind
 * already reached in an earlier year (before the plan included) is not paid again. Whether an
 * enterprise paid for 新三板 is paid again when it later lists is a plan parameter.
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh } from "@beizeng/domain/money";
import {
  type EnterpriseRuleEvaluator,
  explanationRecord,
  flagFact,
  HAS_LISTING,
  isPlanYear,
  KEY_TIER,
  NO_FACTS,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  threshold,
  writtenExplanation,
} from "@beizeng/domain/rewards/internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplanationFact,
  ExplanationThreshold,
  ExplanationWording,
  ListingKind,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

const KIND_ZH: Record<ListingKind, string> = {
  domestic: "境内首发上市",
  overseas: "境外首发上市",
  neeq: "在新三板挂牌",
};
const KIND_EN: Record<ListingKind, string> = {
  domestic: "domestic initial public offering",
  overseas: "overseas initial public offering",
  neeq: "quotation on the NEEQ (新三板)",
};
const CAPITALIZED_EN: Record<ListingKind, string> = {
  domestic: capitalize(KIND_EN.domestic),
  overseas: capitalize(KIND_EN.overseas),
  neeq: capitalize(KIND_EN.neeq),
};
const KIND_BIT: Record<ListingKind, number> = { domestic: 1, overseas: 2, neeq: 4 };

export function listingRule(
  meta: RuleMeta,
  kinds: readonly { listing: ListingKind; amount: Fen }[],
  neeqThenListedPaidBoth: boolean,
): EnterpriseRuleEvaluator {
  const amounts: Partial<Record<ListingKind, Fen>> = {};
  for (const { listing, amount } of kinds) amounts[listing] = amount;
  // Per kind, what does not depend on the enterprise: thresholds, arithmetic, reward wording.
  const kindThresholds: Partial<Record<ListingKind, ExplanationThreshold[]>> = {};
  const kindArithmetic: Partial<Record<ListingKind, string>> = {};
  const kindRewardZh: Partial<Record<ListingKind, string>> = {};
  const kindRewardEn: Partial<Record<ListingKind, string>> = {};
  for (const { listing, amount } of kinds) {
    kindThresholds[listing] = [threshold(KIND_ZH[listing], KIND_EN[listing], listing)];
    kindArithmetic[listing] = `${KIND_ZH[listing]}：${amountZh(amount)}（${listing}: ${amountEn(amount)}）`;
    kindRewardZh[listing] = `，奖励 ${amountZh(amount)}`;
    kindRewardEn[listing] = `: reward of ${amountEn(amount)}.`;
  }
  const { yearsZh, yearsEn } = meta;
  const noEventZh = `${yearsZh}无上市或新三板挂牌记录`;
  const noEventEn = `No listing or NEEQ quotation in ${yearsEn}.`;
  const wording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const y = entry.year ?? 0;
      const kind = entry.subjectId as ListingKind;
      switch (entry.reason) {
        case "reachedBefore":
          if (entry.otherYear !== null)
            return zh
              ? `${y}年${KIND_ZH[kind]}，但该企业已于${entry.otherYear}年${KIND_ZH[kind]}，同类奖励每户一次`
              : `${CAPITALIZED_EN[kind]} in ${y}, but already reached in ${entry.otherYear}: each kind is paid once.`;
          return zh
            ? `${y}年${KIND_ZH[kind]}，不在方案实施年度（${yearsZh}）内，此后同类上市挂牌不再奖励`
            : `${CAPITALIZED_EN[kind]} in ${y}, outside the plan years.`;
        case "outsidePlanPeriod":
          return zh
            ? `${y}年${KIND_ZH[kind]}，不在方案实施年度（${yearsZh}）内`
            : `${CAPITALIZED_EN[kind]} in ${y}, outside the plan years.`;
        case "alreadyGranted":
          return zh
            ? `${y}年${KIND_ZH[kind]}，该项奖励此前已发放，不重复奖励`
            : `${CAPITALIZED_EN[kind]} in ${y}: this reward was already granted.`;
        case "neeqThenListedNotPaid":
          return zh
            ? `${y}年${KIND_ZH[kind]}，此前已获新三板挂牌奖励；按参数“新三板挂牌后上市不再奖励”，不奖励`
            : `${CAPITALIZED_EN[kind]} in ${y} after a paid NEEQ quotation; the parameter says a later listing is not paid.`;
        default:
          return zh ? noEventZh : noEventEn;
      }
    },
  };
  const listingFacts = (year: EnterpriseYear, kind: ListingKind) => [
    flagFact("listing", "上市挂牌", "listing", year, kind),
  ];
  // Written when shown from the year's listing; the band is 1 when the NEEQ quotation was paid before.
  const explanationWording: ExplanationWording = {
    explanation(record) {
      const year = record.year!;
      const kind = year.listing!;
      const afterNeeq = record.band === 1;
      return writtenExplanation(
        meta,
        listingFacts(year, kind),
        kindThresholds[kind]!,
        kindArithmetic[kind]!,
        `${year.year}年${KIND_ZH[kind]}${kindRewardZh[kind]}${afterNeeq ? "（此前已获新三板挂牌奖励；按参数“新三板挂牌后上市两项均奖励”）" : ""}`,
        `${CAPITALIZED_EN[kind]} in ${year.year}${kindRewardEn[kind]}${afterNeeq ? " The enterprise was paid for its NEEQ quotation before; the parameter pays both." : ""}`,
      );
    },
    reads: { year: ["listing"], previousYear: [] },
    rebuildsFacts: true,
  };
  return {
    meta,
    needs: HAS_LISTING,
    explanationWording,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let reached = 0;
      let reachedYear: Partial<Record<ListingKind, number>> | undefined;
      let neeqPaid = !run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|neeq`);
      let paid = false;
      let explained = false;
      for (const year of years) {
        const kind = year.listing;
        if (kind === undefined) continue;
        const bit = KIND_BIT[kind];
        const facts = run.whyNots ? listingFacts(year, kind) : NO_FACTS;
        const amount = amounts[kind];
        if (reached & bit) {
          if (run.whyNots && isPlanYear(run, year.year))
            explained = notPaid(run, code, year, kind, facts, "reachedBefore", reachedYear?.[kind] ?? null);
          continue;
        }
        reached |= bit;
        if (run.whyNots) {
          if (reachedYear === undefined) reachedYear = {};
          reachedYear[kind] = year.year;
        }
        if (!isPlanYear(run, year.year)) {
          if (run.whyNots)
            explained = notPaid(
              run,
              code,
              year,
              kind,
              facts,
              year.year < run.startYear ? "reachedBefore" : "outsidePlanPeriod",
              null,
            );
          continue;
        }
        if (amount === undefined) continue;
        if (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${kind}`)) {
          if (kind === "neeq") neeqPaid = true;
          if (run.whyNots) explained = notPaid(run, code, year, kind, facts, "alreadyGranted", null);
          continue;
        }
        if (kind !== "neeq" && neeqPaid && !neeqThenListedPaidBoth) {
          if (run.whyNots) explained = notPaid(run, code, year, kind, facts, "neeqThenListedNotPaid", null);
          continue;
        }
        const afterNeeq = kind !== "neeq" && neeqPaid;
        if (kind === "neeq") neeqPaid = true;
        paid = true;
        pushEntitlement(
          run,
          meta,
          KEY_TIER,
          code,
          meta.id,
          kind,
          year.year,
          amount,
          undefined,
          run.explain ? explanationRecord(meta, explanationWording, year, null, afterNeeq ? 1 : 0, -1) : undefined,
        );
      }
      if (!paid && !explained && run.whyNots)
        pushNonPayment(run, meta, wording, code, "noEvent", null, undefined, NO_FACTS);
    },
  };

  /** Records a listing not paid; returns true (the enterprise × rule is explained). */
  function notPaid(
    run: Run,
    code: string,
    year: EnterpriseYear,
    kind: ListingKind,
    facts: ExplanationFact[],
    reason: "reachedBefore" | "outsidePlanPeriod" | "alreadyGranted" | "neeqThenListedNotPaid",
    reachedBefore: number | null,
  ): true {
    pushNonPayment(run, meta, wording, code, reason, year.year, kind, facts, { otherYear: reachedBefore });
    return true;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
