/**
 * R-MATCH: a share of every national, provincial or municipal support fund received in a plan
 * year, tech-transformation funds included, once per grant (PLAN.md §5 reading 7).
 * R-TECH: 1 % of the equipment invoices of a tech-transformation project investing at least
 * 3,000,000 yuan that received no tech-transformation funds, once per project.
 * Both round half-up to the fen (reading 5).
 */
import type { Fen } from "../../money";
import {
  amountEn,
  amountZh,
  figureEn,
  figureNearEn,
  figureNearZh,
  figureZh,
  parseRate,
  rateLabel,
  ratePercent,
  yuanText,
} from "../format";
import {
  applyRateHalfUp,
  type Comparison,
  type EnterpriseRuleEvaluator,
  explanation,
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
} from "../internal";
import type {
  EnterpriseHistory,
  EnterpriseYear,
  ExplanationFact,
  ExplanationThreshold,
  GrantLevel,
  TechProject,
} from "../types";

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
  return {
    meta,
    needs: HAS_GRANTS,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let paidIds: string[] | undefined;
      let sawGrant = false;
      for (const year of years) {
        const grants = year.grants;
        if (grants === undefined || grants.length === 0) continue;
        const inPlan = isPlanYear(run, year.year);
        for (const grant of grants) {
          const facts = run.explain
            ? [
                moneyFact(
                  "grant",
                  GRANT_LABEL_ZH[grant.level],
                  GRANT_LABEL_EN[grant.level],
                  year.year,
                  grant.amount,
                  grant.source,
                ),
              ]
            : NO_FACTS;
          if (!inPlan) {
            if (run.explain)
              pushNonPayment(
                run,
                meta,
                code,
                "outsidePlanPeriod",
                year.year,
                grant.id,
                facts,
                `扶持资金 ${grant.id} 于${year.year}年到位，不在方案实施年度（${yearsZh}）内`,
                `Support funds ${grant.id} were received in ${year.year}, outside the plan years.`,
              );
            continue;
          }
          sawGrant = true;
          const rate = byLevel[grant.level];
          if (rate === undefined) {
            if (run.explain)
              pushNonPayment(
                run,
                meta,
                code,
                "levelNotCovered",
                year.year,
                grant.id,
                facts,
                `扶持资金 ${grant.id} 为${LEVEL_ZH[grant.level]}，本条未规定该级别的配套比例`,
                `Support funds ${grant.id} are ${LEVEL_EN[grant.level]}; the rule sets no share for that level.`,
              );
            continue;
          }
          const repeated = paidIds?.includes(grant.id) === true;
          if (repeated || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${grant.id}`))) {
            if (run.explain)
              pushNonPayment(
                run,
                meta,
                code,
                repeated ? "alreadyPaidInPlan" : "alreadyGranted",
                year.year,
                grant.id,
                facts,
                `扶持资金 ${grant.id} 的配套奖励已发放（每笔一次），不重复奖励`,
                `The matching reward for support funds ${grant.id} was already granted (once per grant).`,
              );
            continue;
          }
          const amount = applyRateHalfUp(grant.amount, rate.numerator, rate.denominator);
          if (amount === 0n) {
            if (run.explain)
              pushNonPayment(
                run,
                meta,
                code,
                "zeroAmount",
                year.year,
                grant.id,
                facts,
                `扶持资金 ${grant.id} 按 ${rate.percent}% 计算不足 1 分，无奖励`,
                `Support funds ${grant.id} at ${rate.percent}% come to less than a fen.`,
              );
            continue;
          }
          if (paidIds === undefined) paidIds = [];
          paidIds.push(grant.id);
          const techNoteZh = grant.purpose === "tech" ? "（技术改造资金同样适用）" : "";
          const techNoteEn = grant.purpose === "tech" ? " (tech-transformation funds included)" : "";
          pushEntitlement(
            run,
            meta,
            KEY_SUBJECT,
            code,
            meta.id,
            rate.label,
            year.year,
            amount,
            grant.id,
            run.explain
              ? explanation(
                  meta,
                  facts,
                  rate.thresholds,
                  `${yuanText(grant.amount)} × ${rate.label} = ${yuanText(amount)}（四舍五入到分 / half-up to the fen）`,
                  `${year.year}年获得${LEVEL_ZH[grant.level]}项目扶持资金 ${amountZh(grant.amount)}（${grant.id}）${techNoteZh}，按 ${rate.percent}% 给予一次性奖励 ${amountZh(amount)}`,
                  `In ${year.year} received ${LEVEL_EN[grant.level]} support funds of ${amountEn(grant.amount)} (${grant.id})${techNoteEn}: ${rate.percent}% one-time reward of ${amountEn(amount)}.`,
                )
              : undefined,
          );
        }
      }
      if (!sawGrant && run.explain)
        pushNonPayment(run, meta, code, "noEvent", null, undefined, NO_FACTS, noEventZh, noEventEn);
    },
  };
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
  const minimumLabel = yuanText(options.minInvestment);
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
  return {
    meta,
    needs: HAS_TECH_PROJECTS,
    evaluate(enterprise: EnterpriseHistory, years: readonly EnterpriseYear[], run: Run): void {
      const code = enterprise.creditCode;
      let paidIds: string[] | undefined;
      let sawProject = false;
      for (const year of years) {
        const projects = year.techProjects;
        if (projects === undefined || projects.length === 0) continue;
        const inPlan = isPlanYear(run, year.year);
        for (const project of projects) {
          const facts = run.explain
            ? [
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
              ]
            : NO_FACTS;
          if (!inPlan) {
            if (run.explain)
              techNotPaid(
                run,
                code,
                year,
                project,
                facts,
                "outsidePlanPeriod",
                `技术改造项目 ${project.id} 属${year.year}年，不在方案实施年度（${yearsZh}）内`,
                `Tech-transformation project ${project.id} belongs to ${year.year}, outside the plan years.`,
              );
            continue;
          }
          sawProject = true;
          if (!passes(project.investment, options.minInvestment, options.comparison)) {
            if (run.explain)
              techNotPaid(
                run,
                code,
                year,
                project,
                facts,
                "belowMinimumInvestment",
                `技术改造项目 ${project.id} 投资额 ${figureNearZh(project.investment, options.minInvestment)}，未达 ${minimumZh}${atLeastZh}，距门槛差 ${figureZh(options.minInvestment - project.investment)}`,
                `Tech-transformation project ${project.id} invested ${figureNearEn(project.investment, options.minInvestment)}, below the ${minimumEn} minimum.`,
              );
            continue;
          }
          if (options.excludeIfTechFundsReceived && project.techFundsReceived) {
            if (run.explain)
              techNotPaid(
                run,
                code,
                year,
                project,
                facts,
                "techFundsReceived",
                `技术改造项目 ${project.id} 已获得国家、省、市级技术改造扶持资金，不予补助`,
                `Tech-transformation project ${project.id} received national, provincial or municipal tech-transformation funds: excluded.`,
              );
            continue;
          }
          const repeated = paidIds?.includes(project.id) === true;
          if (repeated || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${code}|${project.id}`))) {
            if (run.explain)
              techNotPaid(
                run,
                code,
                year,
                project,
                facts,
                repeated ? "alreadyPaidInPlan" : "alreadyGranted",
                `技术改造项目 ${project.id} 的补助已发放（每个项目一次），不重复补助`,
                `Tech-transformation project ${project.id} was already subsidised (once per project).`,
              );
            continue;
          }
          const amount = applyRateHalfUp(project.equipmentInvoices, numerator, denominator);
          if (amount === 0n) {
            if (run.explain)
              techNotPaid(
                run,
                code,
                year,
                project,
                facts,
                "zeroAmount",
                `技术改造项目 ${project.id} 购置设备发票金额按 ${percent}% 计算不足 1 分，无补助`,
                `Tech-transformation project ${project.id}: ${percent}% of its equipment invoices is less than a fen.`,
              );
            continue;
          }
          if (paidIds === undefined) paidIds = [];
          paidIds.push(project.id);
          pushEntitlement(
            run,
            meta,
            KEY_SUBJECT,
            code,
            meta.id,
            null,
            year.year,
            amount,
            project.id,
            run.explain
              ? explanation(
                  meta,
                  facts,
                  paidThresholds,
                  `${yuanText(project.investment)} ${symbol} ${minimumLabel}；${yuanText(project.equipmentInvoices)} × ${options.rate} = ${yuanText(amount)}（四舍五入到分 / half-up to the fen）`,
                  `${year.year}年技术改造项目 ${project.id} 投资额 ${figureZh(project.investment)}，达到 ${minimumZh}${atLeastZh}且未获得国家、省、市级技术改造扶持资金，按购置设备发票金额 ${amountZh(project.equipmentInvoices)}的 ${percent}% 给予一次性补助 ${amountZh(amount)}`,
                  `In ${year.year} tech-transformation project ${project.id} invested ${figureEn(project.investment)} (minimum ${minimumEn}) with no tech-transformation funds: ${percent}% of equipment invoices of ${amountEn(project.equipmentInvoices)} gives a one-time subsidy of ${amountEn(amount)}.`,
                )
              : undefined,
          );
        }
      }
      if (!sawProject && run.explain)
        pushNonPayment(run, meta, code, "noEvent", null, undefined, NO_FACTS, noEventZh, noEventEn);
    },
  };

  function techNotPaid(
    run: Run,
    code: string,
    year: EnterpriseYear,
    project: TechProject,
    facts: ExplanationFact[],
    reason:
      | "outsidePlanPeriod"
      | "belowMinimumInvestment"
      | "techFundsReceived"
      | "alreadyGranted"
      | "alreadyPaidInPlan"
      | "zeroAmount",
    zh: string,
    en: string,
  ): void {
    pushNonPayment(run, meta, code, reason, year.year, project.id, facts, zh, en);
  }
}
