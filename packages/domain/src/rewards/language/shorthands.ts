/**
 * The shorthand rule kinds of earlier plan versions (projectProduction, caseByCase, eventOnce, newAboveScale,
 * firstCrossing, growthBands, grantMatch, listing, techTransformation), each expanded by the plan loader into the
 * rule in the rule language that pays the same amounts under the same one-time keys (decision 010). The engine
 * runs only the language; a stored plan version written in the kinds keeps loading and running.
 */
import { figureEn, figureZh, parseYuan } from "../../money";
import type { FormulaReward, RewardShorthand } from "../../plan/schema";
import { compareDecimalStrings } from "../format";

type Shorthand<K extends RewardShorthand["kind"]> = Extract<RewardShorthand, { kind: K }>;

/** What every rule keeps as written: its id, clause, quote and names. */
function base(rule: RewardShorthand) {
  return { id: rule.id, clause: rule.clause, quote: rule.quote, name: rule.name, nameEn: rule.nameEn };
}

/** A formula rule with the schema's defaults of the fields a shorthand leaves unsaid. */
function formula(
  rule: RewardShorthand,
  written: Omit<FormulaReward, "id" | "clause" | "quote" | "name" | "nameEn" | "kind" | "when" | "years" | "rounding"> &
    Partial<Pick<FormulaReward, "when" | "years">>,
): FormulaReward {
  return { ...base(rule), kind: "formula", when: [], years: "plan", rounding: "halfUp", ...written };
}

/** A "50"/"20" project: one award per project introduced (in a plan year), paid in its production year, highest category only. */
export function expandProjectProduction(rule: Shorthand<"projectProduction">): FormulaReward {
  const categories = [...rule.categories].sort((a, b) => compareDecimalStrings(a.minInvestment, b.minInvestment));
  return formula(rule, {
    per: "project",
    when: rule.introducedYearsFromPlan
      ? [
          {
            test: "project.introducedYear >= plan.startYear && project.introducedYear <= plan.endYear",
            zh: "方案实施年度内新引进",
            en: "introduced in a plan year",
          },
        ]
      : [],
    paidYear: "project.productionYear",
    years: "any",
    tiers: {
      of: "project.plannedInvestment",
      compare: "gte",
      pay: "highest",
      firstTime: false,
      label: "none",
      steps: categories.map((category) => ({
        from: category.minInvestment,
        ...(category.minInvestmentParameter === undefined ? {} : { fromParameter: category.minInvestmentParameter }),
        amount: category.amount,
        ruleId: category.ruleId,
        category: category.category,
      })),
    },
    once: "project",
  });
}

/** A top-500 manufacturer settling in: decided case by case, once per enterprise. */
export function expandCaseByCase(rule: Shorthand<"caseByCase">): FormulaReward {
  return formula(rule, {
    per: "year",
    event: {
      test: rule.event,
      zh: "“中国制造业500强”企业落户本区",
      en: "a China Top 500 manufacturer settled in the district",
    },
    caseByCase: {},
    once: "enterprise",
  });
}

/** A listed company moving its registration in: a fixed amount once per enterprise. */
export function expandEventOnce(rule: Shorthand<"eventOnce">): FormulaReward {
  return formula(rule, {
    per: "year",
    event: {
      test: rule.event,
      zh: "招商引入市外上市企业（或并购重组上市后工商注册地迁入本区）",
      en: "a listed company from outside the city was attracted (or moved its registration in after a listing by merger)",
    },
    amount: rule.amount,
    once: "enterprise",
  });
}

/** Entering the above-scale directory: a fixed amount once per enterprise, or once per entry when the parameter says re-entry is paid. */
export function expandNewAboveScale(rule: Shorthand<"newAboveScale">): FormulaReward {
  return formula(rule, {
    per: "year",
    event: { test: "newlyAboveScale", zh: "新进入规模企业名录库", en: "entered the above-scale directory" },
    amount: rule.amount,
    once: "enterprise",
    oncePerYearParameter: rule.reentryParameter,
  });
}

/** A yearly figure first crossing each tier: the comparison and the tiers paid in one year read from parameters. */
export function expandFirstCrossing(rule: Shorthand<"firstCrossing">): FormulaReward {
  return formula(rule, {
    per: "year",
    tiers: {
      of: rule.metric,
      firstTime: true,
      compare: { parameter: rule.comparisonParameter },
      pay: { parameter: rule.sameYearParameter },
      label: "threshold",
      steps: rule.tiers.map((tier) => ({ from: tier.threshold, amount: tier.amount })),
    },
    once: "tier",
  });
}

/** Growth of a yearly figure over the previous year, by band, with the above-scale gates the rule states. */
export function expandGrowthBands(rule: Shorthand<"growthBands">): FormulaReward {
  const when: FormulaReward["when"] = [];
  if (rule.requireAboveScale) when.push({ test: "aboveScale", zh: "规模以上工业企业", en: "above scale" });
  if (rule.excludeNewlyAboveScale)
    when.push({ test: "!newlyAboveScale", zh: "非当年新增规上企业", en: "not newly above scale that year" });
  return formula(rule, {
    per: "year",
    when,
    tiers: {
      growthOf: rule.metric,
      compare: rule.comparison,
      pay: rule.payHighestTierOnly ? "highest" : "each",
      ...(rule.missingPreviousYearParameter === undefined
        ? {}
        : { withoutPreviousYear: { parameter: rule.missingPreviousYearParameter } }),
      firstTime: false,
      label: "threshold",
      steps: rule.tiers.map((tier) => ({ from: tier.rate, amount: tier.amount })),
    },
    once: "year",
  });
}

const GRANT_LEVEL_WORDS = {
  national: { zh: "国家级", en: "national" },
  provincial: { zh: "省级", en: "provincial" },
  municipal: { zh: "市级", en: "municipal" },
} as const;

/** A share of each support grant, the rate by the grant's level, once per grant. */
export function expandGrantMatch(rule: Shorthand<"grantMatch">): FormulaReward {
  return formula(rule, {
    per: "grant",
    byCategory: {
      of: "grant.level",
      tier: "rate",
      firstTime: false,
      values: rule.rates.map((rate) => ({ is: rate.level, ...GRANT_LEVEL_WORDS[rate.level], rate: rate.rate })),
    },
    percentOf: "grant.amount",
    once: "subject",
  });
}

const LISTING_WORDS = {
  domestic: { zh: "境内首发上市", en: "domestic IPO" },
  overseas: { zh: "境外首发上市", en: "overseas IPO" },
  neeq: { zh: "新三板挂牌", en: "NEEQ quotation" },
} as const;

/** Each kind of listing once ever; a listing after a paid NEEQ quotation is paid only when the parameter says so. */
export function expandListing(rule: Shorthand<"listing">): FormulaReward {
  const paysNeeq = rule.kinds.some((kind) => kind.listing === "neeq");
  return formula(rule, {
    per: "year",
    event: { test: 'listing != ""', zh: "上市或挂牌", en: "listed or quoted" },
    byCategory: {
      of: "listing",
      firstTime: true,
      tier: "category",
      values: rule.kinds.map((kind) => ({
        is: kind.listing,
        ...LISTING_WORDS[kind.listing],
        amount: kind.amount,
        ...(kind.listing !== "neeq" && paysNeeq
          ? { notAfter: { category: "neeq", unlessParameter: rule.neeqThenListedParameter } }
          : {}),
      })),
    },
    once: "tier",
  });
}

/** A share of a tech-transformation project's equipment invoices above a minimum investment, once per project. */
export function expandTechTransformation(rule: Shorthand<"techTransformation">): FormulaReward {
  const inclusive = rule.comparison === "gte";
  const minimum = parseYuan(rule.minInvestment);
  const when: FormulaReward["when"] = [
    {
      test: `techProject.investment ${inclusive ? ">=" : ">"} yuan("${rule.minInvestment}")`,
      zh: `技术改造投资额 ${figureZh(minimum)}以上（${inclusive ? "含" : "不含"}）`,
      en: `tech-transformation investment ${inclusive ? "of at least" : "above"} ${figureEn(minimum)}`,
    },
  ];
  if (rule.excludeIfTechFundsReceived)
    when.push({
      test: "!techProject.techFundsReceived",
      zh: "未获得国家、省、市级技术改造扶持资金",
      en: "no national, provincial or municipal tech-transformation funds",
    });
  return formula(rule, {
    per: "techProject",
    when,
    percentOf: "techProject.equipmentInvoices",
    rate: rule.rate,
    once: "subject",
  });
}

/** The rule in the rule language: a formula rule as it is, a shorthand expanded. */
export function expandRewardRule(rule: RewardShorthand | FormulaReward): FormulaReward {
  switch (rule.kind) {
    case "formula":
      return rule;
    case "projectProduction":
      return expandProjectProduction(rule);
    case "caseByCase":
      return expandCaseByCase(rule);
    case "eventOnce":
      return expandEventOnce(rule);
    case "newAboveScale":
      return expandNewAboveScale(rule);
    case "firstCrossing":
      return expandFirstCrossing(rule);
    case "growthBands":
      return expandGrowthBands(rule);
    case "grantMatch":
      return expandGrantMatch(rule);
    case "listing":
      return expandListing(rule);
    case "techTransformation":
      return expandTechTransformation(rule);
  }
}
