/**
 * R-MATCH: a share of every national, provincial or municipal support fund received in a plan
 * year, tech-transformation funds included, once per grant (PLAN.md §5 reading 7).
 * R-TECH: 1 % of the equipment invoices of a tech-transformation project investing at least
 * 3,000,000 yuan that received no tech-transformation funds, once per project.
 * Both round half-up to the fen (reading 5).
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh, figureEn, figureNearEn, figureNearZh, figureZh, formatYuan } from "@beizeng/domain/money";
import { parseRate, rateLabel, ratePercent } from "@beizeng/domain/rewards/format";
import {
  applyRateHalfUp,
  type Comparison,
  type EnterpriseRuleEvaluator,
  explanationRecord,
  HAS_GRANTS,
  HAS_TECH_PROJECTS,
  isPlanYear,
  KEY_SUBJECT,
  moneyFact,
  NO_FACTS,
  passes,
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
  Explanation,
  ExplanationFact,
  ExplanationThreshold,
  ExplanationWording,
  GrantLevel,
  SupportGrant,
  TechProject,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

const LEVEL_ZH: Record<GrantLevel, string> = { national: "国家级", provincial: "省级", municipal: "市级" };
const LEVEL_EN: Record<GrantLevel, string> = { national: "national", provincial: "provincial", municipal: "municipal" };

const GRANT_LABEL_ZH: Record<GrantLevel, string> = {
  national: `${LEVEL_ZH.national}扶持资金`,
  provincial: `${LEVEL_ZH.provincial}扶持资金`,
  municipal: `${LEVEL_ZH.municipal}扶持资金`,
};
const GRANT_LABEL_EN: Record<GrantLevel, string> = {
  national: `${LEVEL_EN.national} support funds`,
  provincial: `${LEVEL_EN.provincial} support funds`,
  municipal: `${LEVEL_EN.municipal} support funds`,
};

interface LevelRate {
  numerator: bigint;
  denominator: bigint;
  label: string;
  percent: string;
  thresholds: ExplanationThreshold[];
}

/**
 * What R-MATCH and R-TECH share: every grant (or tech project) of every year is paid once, in a
 * plan year, when the rule's own conditions hold and its share comes to at least a fen.
 */
interface SubjectRule<T extends SupportGrant | TechProject> {
  needs: number;
  items(year: EnterpriseYear): readonly T[] | undefined;
  facts(year: EnterpriseYear, item: T): ExplanationFact[];
  /** The rule's own conditions; when one fails it records the why-not (explaining) and returns false. */
  eligible(run: Run, code: string, year: EnterpriseYear, item: T, facts: ExplanationFact[]): boolean;
  amount(item: T): Fen;
  tier(item: T): string | null;
  /** The grant's level, named in a why-not; null for tech projects. */
  category(item: T): string | null;
  /** Writes the explanation of a payment from its record's year, subject and facts. */
  explanation(year: EnterpriseYear, item: T, facts: ExplanationFact[], amount: Fen): Explanation;
}

function oncePerSubjectRule<T extends SupportGrant | TechProject>(
  meta: RuleMeta,
  wording: WhyNotWording,
  rule: SubjectRule<T>,
): EnterpriseRuleEvaluator {
  // The wording reads the year's number and the subject: a stored record keeps only those.
  const explanationWording: ExplanationWording = {
    explanation(record) {
      const item = record.subject as T;
      const year = record.year!;
      return rule.explanation(year, item, record.facts ?? rule.facts(year, item), rule.amount(item));
    },
    reads: { year: [], previousYear: [] },
    rebuildsFacts: true,
  };
  return {
    meta,
    needs: rule.needs,
    explanationWording,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let paidIds: string[] | undefined;
      let sawItem = false;
      for (const year of years) {
        const items = rule.items(year);
        if (items === undefined || items.length === 0) continue;
        const inPlan = isPlanYear(run, year.year);
        for (const item of items) {
          const facts = run.explain ? rule.facts(year, item) : NO_FACTS;
          if (!inPlan) {
            if (run.whyNots) pushNonPayment(run, meta, wording, code, "outsidePlanPeriod", year.year, item.id, facts);
            continue;
          }
          sawItem = true;
          if (!rule.eligible(run, code, year, item, facts)) continue;
          const repeated = paidIds?.includes(item.id) === true;
          if (repeated || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${item.id}`))) {
            if (run.whyNots)
              pushNonPayment(
                run,
                meta,
                wording,
                code,
                repeated ? "alreadyPaidInPlan" : "alreadyGranted",
                year.year,
                item.id,
                facts,
              );
            continue;
          }
          const amount = rule.amount(item);
          if (amount === 0n) {
            if (run.whyNots)
              pushNonPayment(run, meta, wording, code, "zeroAmount", year.year, item.id, facts, {
                category: rule.category(item),
              });
            continue;
          }
          if (paidIds === undefined) paidIds = [];
          paidIds.push(item.id);
          pushEntitlement(
            run,
            meta,
            KEY_SUBJECT,
            code,
            meta.id,
            rule.tier(item),
            year.year,
            amount,
            item.id,
            run.explain ? explanationRecord(meta, explanationWording, year, null, -1, -1, item, facts) : undefined,
          );
        }
      }
      if (!sawItem && run.whyNots) pushNonPayment(run, meta, wording, code, "noEvent", null, undefined, NO_FACTS);
    },
  };
}

export function grantMatchRule(
  meta: RuleMeta,
  rates: readonly { level: GrantLevel; rate: string }[],
): EnterpriseRuleEvaluator {
  const byLevel: Partial<Record<GrantLevel, LevelRate>> = {};
  for (const { level, rate } of rates) {
    const parsed = parseRate(rate);
    byLevel[level] = {
      ...parsed,
      label: rateLabel(rate),
      percent: ratePercent(parsed),
      thresholds: [threshold(`${LEVEL_ZH[level]}配套比例`, `${LEVEL_EN[level]} share`, rateLabel(rate))],
    };
  }
  const { yearsZh, yearsEn } = meta;
  const noEventZh = `${yearsZh}无到位的国家、省、市级项目扶持资金记录`;
  const noEventEn = `No national, provincial or municipal support funds received in ${yearsEn}.`;
  const wording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const id = entry.subjectId;
      const level = entry.category as GrantLevel;
      switch (entry.reason) {
        case "outsidePlanPeriod":
          return zh
            ? `扶持资金 ${id} 于${entry.year}年到位，不在方案实施年度（${yearsZh}）内`
            : `Support funds ${id} were received in ${entry.year}, outside the plan years.`;
        case "levelNotCovered":
          return zh
            ? `扶持资金 ${id} 为${LEVEL_ZH[level]}，本条未规定该级别的配套比例`
            : `Support funds ${id} are ${LEVEL_EN[level]}; the rule sets no share for that level.`;
        case "alreadyPaidInPlan":
        case "alreadyGranted":
          return zh
            ? `扶持资金 ${id} 的配套奖励已发放（每笔一次），不重复奖励`
            : `The matching reward for support funds ${id} was already granted (once per grant).`;
        case "zeroAmount":
          return zh
            ? `扶持资金 ${id} 按 ${byLevel[level]?.percent}% 计算不足 1 分，无奖励`
            : `Support funds ${id} at ${byLevel[level]?.percent}% come to less than a fen.`;
        default:
          return zh ? noEventZh : noEventEn;
      }
    },
  };
  return oncePerSubjectRule<SupportGrant>(meta, wording, {
    needs: HAS_GRANTS,
    items: (year) => year.grants,
    facts: (year, grant) => [
      moneyFact(
        "grant",
        GRANT_LABEL_ZH[grant.level],
        GRANT_LABEL_EN[grant.level],
        year.year,
        grant.amount,
        grant.source,
      ),
    ],
    eligible(run, code, year, grant, facts) {
      if (byLevel[grant.level] !== undefined) return true;
      if (run.whyNots)
        pushNonPayment(run, meta, wording, code, "levelNotCovered", year.year, grant.id, facts, {
          category: grant.level,
        });
      return false;
    },
    amount(grant) {
      const rate = byLevel[grant.level]!;
      return applyRateHalfUp(grant.amount, rate.numerator, rate.denominator);
    },
    tier: (grant) => byLevel[grant.level]!.label,
    category: (grant) => grant.level,
    explanation(year, grant, facts, amount) {
      const rate = byLevel[grant.level]!;
      const techNoteZh = grant.purpose === "tech" ? "（技术改造资金同样适用）" : "";
      const techNoteEn = grant.purpose === "tech" ? " (tech-transformation funds included)" : "";
      return writtenExplanation(
        meta,
        facts,
        rate.thresholds,
        `${formatYuan(grant.amount)} × ${rate.label} = ${formatYuan(amount)}（四舍五入到分 / half-up to the fen）`,
        `${year.year}年获得${LEVEL_ZH[grant.level]}项目扶持资金 ${amountZh(grant.amount)}（${grant.id}）${techNoteZh}，按 ${rate.percent}% 给予一次性奖励 ${amountZh(amount)}`,
        `In ${year.year} received ${LEVEL_EN[grant.level]} support funds of ${amountEn(grant.amount)} (${grant.id})${techNoteEn}: ${rate.percent}% one-time reward of ${amountEn(amount)}.`,
      );
    },
  });
}

export interface TechOptions {
  minInvestment: Fen;
  comparison: Comparison;
  rate: string;
  excludeIfTechFundsReceived: boolean;
}

export function techTransformationRule(meta: RuleMeta, options: TechOptions): EnterpriseRuleEvaluator {
  const parsed = parseRate(options.rate);
  const { numerator, denominator } = parsed;
  const percent = ratePercent(parsed);
  const minimumLabel = formatYuan(options.minInvestment);
  const atLeastZh = options.comparison === "gte" ? "以上（含）" : "以上（不含）";
  const symbol = options.comparison === "gte" ? "≥" : ">";
  const minimumZh = figureZh(options.minInvestment);
  const minimumEn = figureEn(options.minInvestment);
  const paidThresholds = [
    threshold(`技术改造投资额门槛（${atLeastZh}）`, "minimum investment", minimumLabel),
    threshold("补助比例", "subsidy rate", rateLabel(options.rate)),
  ];
  const { yearsZh, yearsEn } = meta;
  const noEventZh = `${yearsZh}无技术改造项目记录`;
  const noEventEn = `No tech-transformation project in ${yearsEn}.`;
  const wording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const id = entry.subjectId;
      switch (entry.reason) {
        case "outsidePlanPeriod":
          return zh
            ? `技术改造项目 ${id} 属${entry.year}年，不在方案实施年度（${yearsZh}）内`
            : `Tech-transformation project ${id} belongs to ${entry.year}, outside the plan years.`;
        case "belowMinimumInvestment": {
          const investment = entry.figure ?? 0n;
          return zh
            ? `技术改造项目 ${id} 投资额 ${figureNearZh(investment, options.minInvestment)}，未达 ${minimumZh}${atLeastZh}，距门槛差 ${figureZh(entry.distance ?? 0n)}`
            : `Tech-transformation project ${id} invested ${figureNearEn(investment, options.minInvestment)}, below the ${minimumEn} minimum.`;
        }
        case "techFundsReceived":
          return zh
            ? `技术改造项目 ${id} 已获得国家、省、市级技术改造扶持资金，不予补助`
            : `Tech-transformation project ${id} received national, provincial or municipal tech-transformation funds: excluded.`;
        case "alreadyPaidInPlan":
        case "alreadyGranted":
          return zh
            ? `技术改造项目 ${id} 的补助已发放（每个项目一次），不重复补助`
            : `Tech-transformation project ${id} was already subsidised (once per project).`;
        case "zeroAmount":
          return zh
            ? `技术改造项目 ${id} 购置设备发票金额按 ${percent}% 计算不足 1 分，无补助`
            : `Tech-transformation project ${id}: ${percent}% of its equipment invoices is less than a fen.`;
        default:
          return zh ? noEventZh : noEventEn;
      }
    },
  };
  return oncePerSubjectRule<TechProject>(meta, wording, {
    needs: HAS_TECH_PROJECTS,
    items: (year) => year.techProjects,
    facts: (year, project) => [
      moneyFact(
        "investment",
        "技术改造投资额",
        "tech-transformation investment",
        year.year,
        project.investment,
        project.source,
      ),
      moneyFact(
        "equipmentInvoices",
        "购置设备发票金额",
        "equipment purchase invoices",
        year.year,
        project.equipmentInvoices,
        project.source,
      ),
      {
        name: "techFundsReceived",
        label: "获得国家、省、市级技术改造扶持资金",
        labelEn: "received tech-transformation funds",
        year: year.year,
        value: project.techFundsReceived ? "true" : "false",
      },
    ],
    eligible(run, code, year, project, facts) {
      if (!passes(project.investment, options.minInvestment, options.comparison)) {
        if (run.whyNots)
          pushNonPayment(run, meta, wording, code, "belowMinimumInvestment", year.year, project.id, facts, {
            figure: project.investment,
            nearestTier: minimumLabel,
            distance: options.minInvestment - project.investment,
          });
        return false;
      }
      if (options.excludeIfTechFundsReceived && project.techFundsReceived) {
        if (run.whyNots) pushNonPayment(run, meta, wording, code, "techFundsReceived", year.year, project.id, facts);
        return false;
      }
      return true;
    },
    amount: (project) => applyRateHalfUp(project.equipmentInvoices, numerator, denominator),
    tier: () => null,
    category: () => null,
    explanation: (year, project, facts, amount) =>
      writtenExplanation(
        meta,
        facts,
        paidThresholds,
        `${formatYuan(project.investment)} ${symbol} ${minimumLabel}；${formatYuan(project.equipmentInvoices)} × ${options.rate} = ${formatYuan(amount)}（四舍五入到分 / half-up to the fen）`,
        `${year.year}年技术改造项目 ${project.id} 投资额 ${figureZh(project.investment)}，达到 ${minimumZh}${atLeastZh}且未获得国家、省、市级技术改造扶持资金，按购置设备发票金额 ${amountZh(project.equipmentInvoices)}的 ${percent}% 给予一次性补助 ${amountZh(amount)}`,
        `In ${year.year} tech-transformation project ${project.id} invested ${figureEn(project.investment)} (minimum ${minimumEn}) with no tech-transformation funds: ${percent}% of equipment invoices of ${amountEn(project.equipmentInvoices)} gives a one-time subsidy of ${amountEn(amount)}.`,
      ),
  });
}
