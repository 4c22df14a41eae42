/**
 * R-PROJ-50 / R-PROJ-20: a "50" or "20" project introduced in a plan year is rewarded once,
 * in the year it goes into production (投产), even after the plan's last year (PLAN.md §5
 * reading 6). Its category comes from the planned (contracted) total investment, with the
 * thresholds of the plan rule (reading 8): the highest category whose minimum it reaches.
 */
import type { Fen } from "@beizeng/domain/money";
import { amountEn, amountZh, figureEn, figureNearZh, figureZh, formatYuan } from "@beizeng/domain/money";
import {
  explanation,
  KEY_PROJECT,
  moneyFact,
  NO_FACTS,
  type ProjectRuleEvaluator,
  pushEntitlement,
  pushNonPayment,
  type RuleMeta,
  type Run,
  threshold,
} from "@beizeng/domain/rewards/internal";
import type {
  EnterpriseHistory,
  ExplanationFact,
  InvestmentProject,
  WhyNotWording,
} from "@beizeng/domain/rewards/types";

export interface ProjectCategory {
  category: string;
  ruleId: string;
  minInvestment: Fen;
  amount: Fen;
}

export function projectProductionRule(
  meta: RuleMeta,
  categoriesInput: readonly ProjectCategory[],
  introducedYearsFromPlan: boolean,
): ProjectRuleEvaluator {
  // Highest minimum first: a project takes the first category it reaches.
  const categories = [...categoriesInput].sort((a, b) =>
    a.minInvestment > b.minInvestment ? -1 : a.minInvestment < b.minInvestment ? 1 : 0,
  );
  const lowest = categories[categories.length - 1]!;
  const thresholds = categories.map((item) =>
    threshold(
      `“${item.category}”项目计划总投资门槛（含）`,
      `"${item.category}" project minimum (inclusive)`,
      formatYuan(item.minInvestment),
    ),
  );
  const lowestZh = figureZh(lowest.minInvestment);
  const lowestEn = figureEn(lowest.minInvestment);
  const lowestLabel = formatYuan(lowest.minInvestment);
  const { yearsZh } = meta;
  const wording: WhyNotWording = {
    sentence(entry, locale) {
      const zh = locale === "zh";
      const id = entry.subjectId;
      switch (entry.reason) {
        case "belowAllCategories": {
          const planned = entry.figure ?? 0n;
          return zh
            ? `项目 ${id} 计划总投资 ${figureNearZh(planned, lowest.minInvestment)}，未达“${lowest.category}”项目门槛 ${lowestZh}，差 ${figureZh(entry.distance ?? 0n)}`
            : `Project ${id} plans ${figureEn(planned)}, below the "${lowest.category}" project minimum of ${lowestEn}.`;
        }
        case "notIntroducedInPlan":
          return zh
            ? `项目 ${id} 于${entry.otherYear}年引进，不在方案实施年度（${yearsZh}）内，不属新引进项目`
            : `Project ${id} was introduced in ${entry.otherYear}, outside the plan years: not a newly introduced project.`;
        case "notInProduction": {
          const category = categories.find((item) => item.category === entry.category) ?? lowest;
          return zh
            ? `“${category.category}”项目 ${id} 尚未投产，投产后奖励 ${amountZh(category.amount)}`
            : `"${category.category}" project ${id} is not yet in production; ${amountEn(category.amount)} is paid once it is.`;
        }
        case "alreadyPaidInPlan":
        case "alreadyGranted":
          return zh
            ? `项目 ${id} 的投产奖励已发放（每个项目一次），不重复奖励`
            : `The production reward for project ${id} was already granted (once per project).`;
        default:
          return zh ? "无新引进的“50”“20”项目记录" : 'No newly introduced "50" or "20" project on record.';
      }
    },
  };
  return {
    meta,
    outputRuleIds: categories.map((category) => category.ruleId),
    evaluateProjects(
      projects: readonly InvestmentProject[],
      enterprises: readonly EnterpriseHistory[],
      run: Run,
    ): void {
      let paidIds: Set<string> | undefined;
      for (const project of projects) {
        const code = project.creditCode;
        const facts: ExplanationFact[] = run.explain
          ? [
              moneyFact("plannedInvestment", "计划总投资", "planned total investment", null, project.plannedInvestment),
              {
                name: "introducedYear",
                label: "引进年度",
                labelEn: "year introduced",
                year: null,
                value: String(project.introducedYear),
              },
              {
                name: "productionYear",
                label: "投产年度",
                labelEn: "year in production",
                year: null,
                value: project.productionYear === undefined ? null : String(project.productionYear),
              },
            ]
          : NO_FACTS;
        let category: ProjectCategory | undefined;
        for (const candidate of categories) {
          if (project.plannedInvestment >= candidate.minInvestment) {
            category = candidate;
            break;
          }
        }
        if (category === undefined) {
          if (run.whyNots)
            pushNonPayment(run, meta, wording, code, "belowAllCategories", null, project.id, facts, {
              figure: project.plannedInvestment,
              nearestTier: lowestLabel,
              distance: lowest.minInvestment - project.plannedInvestment,
            });
          continue;
        }
        if (
          introducedYearsFromPlan &&
          (project.introducedYear < run.startYear || project.introducedYear > run.endYear)
        ) {
          if (run.whyNots)
            pushNonPayment(run, meta, wording, code, "notIntroducedInPlan", null, project.id, facts, {
              otherYear: project.introducedYear,
            });
          continue;
        }
        const productionYear = project.productionYear;
        if (productionYear === undefined) {
          if (run.whyNots)
            pushNonPayment(run, meta, wording, code, "notInProduction", null, project.id, facts, {
              category: category.category,
            });
          continue;
        }
        const repeated = paidIds?.has(project.id) === true;
        if (repeated || (!run.granted.isEmpty && run.granted.has(`${meta.id}|${project.id}`))) {
          if (run.whyNots)
            pushNonPayment(
              run,
              meta,
              wording,
              code,
              repeated ? "alreadyPaidInPlan" : "alreadyGranted",
              productionYear,
              project.id,
              facts,
            );
          continue;
        }
        if (paidIds === undefined) paidIds = new Set();
        paidIds.add(project.id);
        const chosen = category;
        pushEntitlement(
          run,
          meta,
          KEY_PROJECT,
          code,
          chosen.ruleId,
          null,
          productionYear,
          chosen.amount,
          project.id,
          run.explain
            ? explanation(
                meta,
                facts,
                thresholds,
                `${formatYuan(project.plannedInvestment)} ≥ ${formatYuan(chosen.minInvestment)} → “${chosen.category}”项目：${amountZh(chosen.amount)}`,
                `项目 ${project.id} 计划总投资 ${figureZh(project.plannedInvestment)}，属“${chosen.category}”项目，${project.introducedYear}年引进、${productionYear}年投产，奖励 ${amountZh(chosen.amount)}`,
                `Project ${project.id} plans ${figureEn(project.plannedInvestment)}: a "${chosen.category}" project introduced in ${project.introducedYear} and in production in ${productionYear}: reward of ${amountEn(chosen.amount)}.`,
              )
            : undefined,
        );
      }
      if (!run.whyNots) return;
      const withProjects = new Set<string>();
      for (const project of projects) withProjects.add(project.creditCode);
      for (const enterprise of enterprises) {
        if (withProjects.has(enterprise.creditCode)) continue;
        pushNonPayment(run, meta, wording, enterprise.creditCode, "noEvent", null, undefined, NO_FACTS);
      }
    },
  };
}
