/**
 * Today's engine, frozen for the rewards benchmark: the nine TypeScript rule kinds the product ran before its
 * rules were written in the rule language (the evaluators beside this file, copied unchanged from
 * packages/domain/src/rewards/rules/ as they were when retired). The product's loader now expands these kinds
 * into the rule language; this copy compiles the kinds as written, so the benchmark can put the language
 * beside the engine it replaces. Not used by the product.
 */
import { readFileSync } from "node:fs";
import { type Fen, parseYuan } from "@beizeng/domain/money";
import { planFileSchema } from "@beizeng/domain/plan/schema";
import type { CompiledRewardPlan } from "@beizeng/domain/rewards/engine";
import { canonicalDecimal, yearRangeZh } from "@beizeng/domain/rewards/format";
import type {
  Comparison,
  EnterpriseRuleEvaluator,
  ProjectRuleEvaluator,
  RuleMeta,
} from "@beizeng/domain/rewards/internal";
import type { ExplanationParameter, PriorGrant } from "@beizeng/domain/rewards/types";
import { parseDocument } from "yaml";
import { listedMoveRule, newAboveScaleRule, top500Rule } from "./events";
import { firstCrossingRule, type SameYearTiers } from "./first-crossing";
import { grantMatchRule, techTransformationRule } from "./grants-and-tech";
import { growthBandsRule } from "./growth-bands";
import { listingRule } from "./listing";
import { projectProductionRule } from "./project-production";

type ParameterValue = string | boolean | number;

/** The plan file with its `rewards` replaced by the kinds file's, read as written (not expanded). */
export function writtenKindsPlan(planFile: string, kindsFile: string) {
  const document = parseDocument(readFileSync(planFile, "utf8"));
  document.set("rewards", parseDocument(readFileSync(kindsFile, "utf8")).get("rewards", true));
  return planFileSchema.parse(document.toJS({ maxAliasCount: 100 }));
}

/** The kinds compiled by their own evaluators, as `compileRewardPlan` did before the rule language. */
export function compileKindsPlan(plan: ReturnType<typeof writtenKindsPlan>): CompiledRewardPlan {
  const parameters = new Map(plan.parameters.map((parameter) => [parameter.id, parameter]));
  const enterpriseRules: EnterpriseRuleEvaluator[] = [];
  const projectRules: ProjectRuleEvaluator[] = [];
  const outputRuleIds: string[] = [];
  const priorKeyBuilders = new Map<string, (prior: Exclude<PriorGrant, string>) => string>();
  const parameter = (id: string): { value: ParameterValue; shown: ExplanationParameter } => {
    const declared = parameters.get(id);
    if (declared === undefined) throw new Error(`parameter ${id} missing`);
    return {
      value: declared.value,
      shown: { id, value: declared.value, description: declared.description, descriptionEn: declared.descriptionEn },
    };
  };
  const flag = (id: string) => {
    const { value, shown } = parameter(id);
    return { value: value === true || value === "true", shown };
  };
  const choice = <T extends string>(id: string) => {
    const { value, shown } = parameter(id);
    return { value: value as T, shown };
  };
  const money = (text: string): Fen => parseYuan(text);
  const { startYear, endYear } = plan.period;
  const meta = (rule: { id: string; clause: string; quote: string }, shown: ExplanationParameter[]): RuleMeta => ({
    id: rule.id,
    clause: rule.clause,
    quote: rule.quote,
    parameters: shown,
    startYear,
    endYear,
    yearsZh: yearRangeZh(startYear, endYear),
    yearsEn: `${startYear}–${endYear}`,
  });
  const enterpriseKey = (ruleId: string) => (prior: Exclude<PriorGrant, string>) =>
    `${ruleId}|${prior.creditCode ?? ""}`;
  const subjectKey = (ruleId: string) => (prior: Exclude<PriorGrant, string>) =>
    `${ruleId}|${prior.creditCode ?? ""}|${prior.subjectId ?? ""}`;

  for (const rule of plan.rewards) {
    switch (rule.kind) {
      case "projectProduction": {
        const shown: ExplanationParameter[] = [];
        const categories = rule.categories.map((category) => {
          let minInvestment = category.minInvestment;
          if (category.minInvestmentParameter !== undefined) {
            const threshold = parameter(category.minInvestmentParameter);
            minInvestment = String(threshold.value);
            shown.push(threshold.shown);
          }
          return {
            category: category.category,
            ruleId: category.ruleId,
            minInvestment: money(minInvestment),
            amount: money(category.amount),
          };
        });
        projectRules.push(projectProductionRule(meta(rule, shown), categories, rule.introducedYearsFromPlan));
        for (const category of rule.categories) {
          outputRuleIds.push(category.ruleId);
          priorKeyBuilders.set(category.ruleId, (prior) => `${rule.id}|${prior.subjectId ?? ""}`);
        }
        priorKeyBuilders.set(rule.id, (prior) => `${rule.id}|${prior.subjectId ?? ""}`);
        break;
      }
      case "caseByCase":
        enterpriseRules.push(top500Rule(meta(rule, [])));
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, enterpriseKey(rule.id));
        break;
      case "eventOnce":
        enterpriseRules.push(listedMoveRule(meta(rule, []), money(rule.amount)));
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, enterpriseKey(rule.id));
        break;
      case "newAboveScale": {
        const reentry = flag(rule.reentryParameter);
        enterpriseRules.push(newAboveScaleRule(meta(rule, [reentry.shown]), money(rule.amount), reentry.value));
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, (prior) =>
          reentry.value && prior.year !== undefined
            ? `${rule.id}|${prior.creditCode ?? ""}|${prior.year}`
            : `${rule.id}|${prior.creditCode ?? ""}`,
        );
        break;
      }
      case "firstCrossing": {
        const comparison = choice<Comparison>(rule.comparisonParameter);
        const sameYear = choice<SameYearTiers>(rule.sameYearParameter);
        enterpriseRules.push(
          firstCrossingRule(
            meta(rule, [comparison.shown, sameYear.shown]),
            rule.metric,
            rule.tiers.map((tier) => ({ threshold: money(tier.threshold), amount: money(tier.amount) })),
            comparison.value,
            sameYear.value,
          ),
        );
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(
          rule.id,
          (prior) => `${rule.id}|${prior.creditCode ?? ""}|${canonicalDecimal(prior.tier ?? "")}`,
        );
        break;
      }
      case "growthBands": {
        const shown: ExplanationParameter[] = [];
        if (rule.missingPreviousYearParameter !== undefined)
          shown.push(parameter(rule.missingPreviousYearParameter).shown);
        enterpriseRules.push(
          growthBandsRule(
            meta(rule, shown),
            rule.tiers.map((tier) => ({ rate: tier.rate, amount: money(tier.amount) })),
            {
              comparison: rule.comparison,
              requireAboveScale: rule.requireAboveScale,
              excludeNewlyAboveScale: rule.excludeNewlyAboveScale,
              payHighestTierOnly: rule.payHighestTierOnly,
            },
          ),
        );
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, (prior) => `${rule.id}|${prior.creditCode ?? ""}|${prior.year ?? ""}`);
        break;
      }
      case "grantMatch":
        enterpriseRules.push(grantMatchRule(meta(rule, []), rule.rates));
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, subjectKey(rule.id));
        break;
      case "listing": {
        const both = flag(rule.neeqThenListedParameter);
        enterpriseRules.push(
          listingRule(
            meta(rule, [both.shown]),
            rule.kinds.map((kind) => ({ listing: kind.listing, amount: money(kind.amount) })),
            both.value,
          ),
        );
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, (prior) => `${rule.id}|${prior.creditCode ?? ""}|${prior.tier ?? ""}`);
        break;
      }
      case "techTransformation":
        enterpriseRules.push(
          techTransformationRule(meta(rule, []), {
            minInvestment: money(rule.minInvestment),
            comparison: rule.comparison,
            rate: rule.rate,
            excludeIfTechFundsReceived: rule.excludeIfTechFundsReceived,
          }),
        );
        outputRuleIds.push(rule.id);
        priorKeyBuilders.set(rule.id, subjectKey(rule.id));
        break;
      case "formula":
        throw new Error(`${rule.id}: today's engine runs the kinds only`);
    }
  }
  return {
    planId: plan.id,
    awardLimits: null,
    startYear,
    endYear,
    enterpriseRules,
    projectRules,
    outputRuleIds,
    priorGrantKey(prior: PriorGrant): string | null {
      if (typeof prior === "string") return prior;
      return priorKeyBuilders.get(prior.ruleId)?.(prior) ?? null;
    },
  };
}
