/**
 * A reward rule's page, read from its structure: what it pays in plain words (Chinese and English, written
 * from its subject, event, conditions, tiers, categories, rates, cap and one-time key — never a sentence
 * per rule), its conditions, tiers and categories, the parameters it reads with what their values mean
 * here, and the facts it reads with their units (the fields of its try-it calculator). A rule of a
 * shorthand kind of earlier plan versions gets its clause, quote and outputs, and no calculator.
 */
import { amountEn, amountZh, figureEn, figureZh, parseYuan } from "../../money";
import type { PlanFile, PlanParameter, RewardRule } from "../../plan/schema";
import { parseRate, ratePercent, yearRangeZh } from "../format";
import { writtenBudgetAmount } from "./budget";
import { declaredFactLookup } from "./declared-facts";
import { compileExpression, EARLIER_YEARS, type FactRead, type FormulaSubject } from "./expressions";
import { rewardOutputs, rewardSubject } from "./outline";

export type Words = { zh: string; en: string };

/** How a fact is entered: an amount (fen), a flag, one of its options, a year, a count or a quantity in its unit. */
export type RuleFactKind = "money" | "flag" | "category" | "year" | "count" | "quantity";

/** A fact the rule reads, as its calculator asks for it. */
export interface RuleFact {
  /** As the rule reads it: "revenue", "previous.revenue", "grant.amount", "fact.landArea", "before.revenue". */
  name: string;
  zh: string;
  en: string;
  kind: RuleFactKind;
  /** The unit of a quantity (亩), else null. */
  unitZh: string | null;
  unitEn: string | null;
  /** A category's choices, in words. */
  options: { id: string; zh: string; en: string }[];
  /** How many years before the year assessed it belongs to (0: that year; null: not a year's figure). */
  yearsBack: number | null;
}

export interface RuleTier {
  ruleId: string;
  category: string | null;
  /** The threshold in words ("超过 5%", "达到 50亿元"), or null for the first step of none. */
  threshold: Words;
  /** What the step pays ("奖励 100万元", "按扶持资金的 20%"). */
  pays: Words;
}

export interface RuleCategory {
  id: string;
  zh: string;
  en: string;
  pays: Words;
}

export interface RuleParameterReading {
  id: string;
  /** The value as written, in words (a yuan threshold as an amount, a flag as 是/否). */
  value: Words;
  description: string;
  descriptionEn: string;
  /** What the value means for this rule. */
  reading: Words;
}

export interface RulePageOutline {
  ruleId: string;
  clause: string;
  quote: string;
  name: string;
  nameEn: string;
  subject: FormulaSubject;
  /** The rule ids its entitlements carry (a tier's own id, or the rule's). */
  outputRuleIds: string[];
  /** What it pays, in plain sentences. */
  description: Words[];
  conditions: Words[];
  tiers: RuleTier[];
  categories: RuleCategory[];
  parameters: RuleParameterReading[];
  facts: RuleFact[];
  /** Whether the calculator can run it (a rule of the rule language). */
  calculable: boolean;
}

const YEAR_NUMBER = /(^|\.)(year|[a-z]+Year)$/;

/** The choices of the language's own category facts. */
const OWN_CATEGORY_OPTIONS: Record<string, { id: string; zh: string; en: string }[]> = {
  listing: [
    { id: "domestic", zh: "境内首发上市", en: "domestic IPO" },
    { id: "overseas", zh: "境外首发上市", en: "overseas IPO" },
    { id: "neeq", zh: "新三板挂牌", en: "NEEQ quotation" },
  ],
  "grant.level": [
    { id: "national", zh: "国家级", en: "national" },
    { id: "provincial", zh: "省级", en: "provincial" },
    { id: "municipal", zh: "市级", en: "municipal" },
  ],
  "grant.purpose": [
    { id: "project", zh: "项目扶持", en: "project support" },
    { id: "tech", zh: "技术改造", en: "tech transformation" },
  ],
};

/** Facts an award's subject carries itself (its id) or the plan fixes (its years): never asked. */
const NOT_ASKED = /^(year|plan\..*|grant\.id|techProject\.id|project\.id)$/;

function compare(strict: boolean): Words {
  return strict ? { zh: "超过", en: "above" } : { zh: "达到", en: "at least" };
}

function moneyWords(yuan: string): Words {
  const fen = parseYuan(yuan);
  return { zh: figureZh(fen), en: figureEn(fen) };
}

function rewardWords(yuan: string): Words {
  const fen = parseYuan(yuan);
  return { zh: `奖励 ${amountZh(fen)}`, en: `${amountEn(fen)}` };
}

function percentWords(rate: string, baseZh: string, baseEn: string): Words {
  const percent = `${ratePercent(parseRate(rate))}%`;
  return { zh: `按${baseZh}的 ${percent}`, en: `${percent} of ${baseEn}` };
}

/** The page of one rule of the plan. */
export function rulePageOutline(plan: PlanFile, rule: RewardRule): RulePageOutline {
  const outputs = rewardOutputs(rule);
  const base = {
    ruleId: rule.id,
    clause: rule.clause,
    quote: rule.quote,
    name: rule.name,
    nameEn: rule.nameEn,
    subject: rewardSubject(rule),
    outputRuleIds: outputs.map((output) => output.ruleId),
  };
  if (rule.kind !== "formula")
    return {
      ...base,
      description: [{ zh: rule.quote, en: rule.nameEn }],
      conditions: [],
      tiers: outputs
        .filter((output) => output.amount !== null)
        .map((output) => ({
          ruleId: output.ruleId,
          category: output.category,
          threshold:
            output.minimum === null
              ? { zh: `“${output.category ?? ""}”类`, en: `category "${output.category ?? ""}"` }
              : { zh: `达到 ${moneyWords(output.minimum).zh}`, en: `at least ${moneyWords(output.minimum).en}` },
          pays: rewardWords(output.amount as string),
        })),
      categories: [],
      parameters: [],
      facts: [],
      calculable: false,
    };

  const declared = declaredFactLookup(plan.facts);
  const parameters = new Map(plan.parameters.map((parameter) => [parameter.id, parameter]));
  const per = rule.per;
  const readsOf = (source: string | undefined, type: "int" | "bool" | "string"): readonly FactRead[] => {
    if (source === undefined) return [];
    try {
      return compileExpression(source, per, type, declared).reads;
    } catch {
      // A rule that does not compile is refused when its plan loads.
      return [];
    }
  };
  const tiersOfReads = readsOf(rule.tiers?.of, "int");
  const categoryReads = readsOf(rule.byCategory?.of, "string");
  const baseReads = readsOf(rule.percentOf, "int");
  const allReads = [
    ...readsOf(rule.event?.test, "bool"),
    ...rule.when.flatMap((condition) => readsOf(condition.test, "bool")),
    ...readsOf(rule.paidYear, "int"),
    ...tiersOfReads,
    ...categoryReads,
    ...baseReads,
  ];

  // The facts, in the order the rule reads them; growth and first-time tiers read the history too.
  const facts = new Map<string, RuleFact>();
  const addFact = (fact: RuleFact) => {
    if (!facts.has(fact.name)) facts.set(fact.name, fact);
  };
  for (const read of allReads) {
    if (NOT_ASKED.test(read.name)) continue;
    addFact(factOf(read, plan, rule));
  }
  const growth = rule.tiers?.growthOf;
  if (growth !== undefined) {
    const zh = growth === "tax" ? "入库税收" : "营业收入";
    const en = growth === "tax" ? "tax paid" : "revenue";
    addFact(moneyFact(growth, zh, en, 0));
    addFact(moneyFact(`previous.${growth}`, `上年${zh}`, `the previous year's ${en}`, 1));
  }
  const measureName = tiersOfReads.length === 1 ? tiersOfReads[0]!.name : "";
  if (rule.tiers?.firstTime && (measureName === "revenue" || measureName === "tax")) {
    const read = tiersOfReads[0]!;
    addFact(moneyFact(`before.${measureName}`, `此前最高${read.zh}`, `highest ${read.en} before that year`, null));
  }
  const categoryName = categoryReads.length === 1 ? categoryReads[0]!.name : "";
  if (rule.byCategory?.firstTime && categoryName !== "" && !categoryName.includes(".")) {
    const read = categoryReads[0]!;
    addFact({
      ...factOf(read, plan, rule),
      name: `before.${categoryName}`,
      zh: `此前的${read.zh}`,
      en: `earlier ${read.en}`,
      yearsBack: 1,
    });
  }

  // The words of what is measured, as the explanations name it.
  const measure: Words =
    tiersOfReads.length === 1
      ? { zh: tiersOfReads[0]!.zh, en: tiersOfReads[0]!.en }
      : { zh: "计算指标", en: "the figure" };
  const category: Words =
    categoryReads.length === 1
      ? { zh: categoryReads[0]!.zh, en: categoryReads[0]!.en }
      : { zh: "类别", en: "category" };
  const baseWords: Words =
    baseReads.length === 1 ? { zh: baseReads[0]!.zh, en: baseReads[0]!.en } : { zh: "计算基数", en: "the base" };

  const readings: RuleParameterReading[] = [];
  const reading = (id: string, mean: (value: PlanParameter["value"]) => Words) => {
    const parameter = parameters.get(id);
    if (parameter === undefined || readings.some((known) => known.id === id)) return parameter?.value;
    readings.push({
      id,
      value: parameterValueWords(parameter),
      description: parameter.description,
      descriptionEn: parameter.descriptionEn,
      reading: mean(parameter.value),
    });
    return parameter.value;
  };

  const tiers = rule.tiers;
  let strict = false;
  let payEach = false;
  const tierRows: RuleTier[] = [];
  if (tiers !== undefined) {
    strict =
      typeof tiers.compare === "string"
        ? tiers.compare === "gt"
        : reading(tiers.compare.parameter, (value) =>
            value === "gt"
              ? { zh: "严格大于门槛才算达到该档", en: "a tier counts only when the figure is strictly above it" }
              : { zh: "等于门槛即算达到该档", en: "a tier counts once the figure reaches it" },
          ) === "gt";
    payEach =
      typeof tiers.pay === "string"
        ? tiers.pay === "each"
        : reading(tiers.pay.parameter, (value) =>
            value === "each"
              ? { zh: "同一年越过的每一档都奖励", en: "every tier crossed in the year is paid" }
              : {
                  zh: "同一年越过多档时只奖励最高一档",
                  en: "of the tiers crossed in one year only the highest is paid",
                },
          ) === "each";
    if (tiers.withoutPreviousYear !== undefined && typeof tiers.withoutPreviousYear !== "string")
      reading(tiers.withoutPreviousYear.parameter, () => ({
        zh: "缺少上年数据（或上年为零）时不予奖励，说明中注明缺少的数据",
        en: "without the previous year's figure (or with zero) nothing is paid, and the explanation names the missing figure",
      }));
    const word = compare(strict);
    for (const step of tiers.steps) {
      let from = step.from;
      if (step.fromParameter !== undefined) {
        const value = reading(step.fromParameter, (value) => {
          const threshold = moneyWords(String(value));
          return {
            zh: `${step.category === undefined ? "" : `“${step.category}”类`}门槛为 ${threshold.zh}`,
            en: `the ${step.category === undefined ? "" : `"${step.category}" `}threshold is ${threshold.en}`,
          };
        });
        if (typeof value === "string") from = value;
      }
      const threshold: Words =
        growth !== undefined
          ? {
              zh: `同比增幅${word.zh} ${ratePercent(parseRate(from))}%`,
              en: `growth ${word.en} ${ratePercent(parseRate(from))}%`,
            }
          : {
              zh: `${measure.zh}${word.zh} ${moneyWords(from).zh}`,
              en: `${measure.en} ${word.en} ${moneyWords(from).en}`,
            };
      const pays: Words =
        step.amount !== undefined
          ? rewardWords(step.amount)
          : step.rate !== undefined
            ? tiers.marginal
              ? {
                  zh: `该档部分按 ${ratePercent(parseRate(step.rate))}%`,
                  en: `${ratePercent(parseRate(step.rate))}% of the part in this band`,
                }
              : percentWords(step.rate, baseWords.zh, baseWords.en)
            : { zh: "一事一议", en: "decided case by case" };
      tierRows.push({ ruleId: step.ruleId ?? rule.id, category: step.category ?? null, threshold, pays });
    }
  }

  const categories: RuleCategory[] = (rule.byCategory?.values ?? []).map((value) => {
    if (value.notAfter?.unlessParameter !== undefined) {
      const after = rule.byCategory?.values.find((other) => other.is === value.notAfter?.category);
      const afterZh = after?.zh ?? value.notAfter.category;
      const afterEn = after?.en ?? value.notAfter.category;
      reading(value.notAfter.unlessParameter, (flag) =>
        flag === true || flag === "true"
          ? {
              zh: `先获“${afterZh}”奖励的，之后仍可获其他类别奖励`,
              en: `an award for ${afterEn} does not stop a later award of another category`,
            }
          : {
              zh: `已获“${afterZh}”奖励的，不再获其他类别奖励`,
              en: `after an award for ${afterEn}, no other category is paid`,
            },
      );
    }
    return {
      id: value.is,
      zh: value.zh ?? value.is,
      en: value.en ?? value.is,
      pays:
        value.amount !== undefined
          ? rewardWords(value.amount)
          : percentWords(value.rate as string, baseWords.zh, baseWords.en),
    };
  });

  let reentry: PlanParameter["value"] | undefined;
  if (rule.oncePerYearParameter !== undefined)
    reentry = reading(rule.oncePerYearParameter, (flag) =>
      flag === true || flag === "true"
        ? { zh: "再次符合条件的年度再奖励一次", en: "paid again in a later year it qualifies again" }
        : { zh: "每户企业只奖励一次", en: "paid once per enterprise" },
    );

  const conditions: Words[] = [
    ...(rule.event === undefined ? [] : [{ zh: rule.event.zh, en: rule.event.en }]),
    ...rule.when.map((condition) => ({ zh: condition.zh, en: condition.en })),
  ];

  const description: Words[] = [];
  const subject = SUBJECT_WORDS[per];
  const years = yearRangeZh(plan.period.startYear, plan.period.endYear);
  const yearsEn = `${plan.period.startYear}–${plan.period.endYear}`;
  description.push(
    rule.years === "plan"
      ? { zh: `${subject.zh}，限方案实施年度（${years}）。`, en: `${subject.en}, in the plan years (${yearsEn}).` }
      : { zh: `${subject.zh}，兑现年度不限于方案实施年度。`, en: `${subject.en}, paid in whatever year it falls due.` },
  );
  if (conditions.length > 0)
    description.push({
      zh: `须满足：${conditions.map((condition) => condition.zh).join("；")}。`,
      en: `It requires: ${conditions.map((condition) => condition.en).join("; ")}.`,
    });
  if (rule.amount !== undefined) {
    const fixed = parseYuan(rule.amount);
    description.push({ zh: `每次奖励 ${amountZh(fixed)}。`, en: `Each award is ${amountEn(fixed)}.` });
  }
  if (rule.caseByCase !== undefined) {
    const upTo = rule.caseByCase.upTo === undefined ? null : parseYuan(rule.caseByCase.upTo);
    description.push({
      zh: `金额“一事一议”另行决定${upTo === null ? "" : `，最高 ${amountZh(upTo)}`}，系统只记录决定。`,
      en: `The amount is decided case by case${upTo === null ? "" : `, at most ${amountEn(upTo)}`}; the system records the decision.`,
    });
  }
  if (tiers !== undefined) {
    const by =
      growth !== undefined
        ? {
            zh: `按${growth === "tax" ? "入库税收" : "营业收入"}同比增幅分档`,
            en: `By the year-on-year growth of ${growth === "tax" ? "tax paid" : "revenue"}, in tiers`,
          }
        : { zh: `按${measure.zh}分档`, en: `By ${measure.en}, in tiers` };
    const steps = tierRows.map((row) => ({
      zh: `${row.threshold.zh}，${row.pays.zh}`,
      en: `${row.threshold.en}: ${row.pays.en}`,
    }));
    description.push({
      zh: `${by.zh}：${steps.map((s) => s.zh).join("；")}。`,
      en: `${by.en}: ${steps.map((s) => s.en).join("; ")}.`,
    });
    if (tiers.every !== undefined) {
      const step = parseYuan(tiers.every.by);
      const add = parseYuan(tiers.every.add);
      description.push({
        zh: `此后${measure.zh}每增加 ${figureZh(step)}，奖励增加 ${amountZh(add)}。`,
        en: `Beyond that, each further ${figureEn(step)} of ${measure.en} adds ${amountEn(add)}.`,
      });
    }
    if (tiers.marginal)
      description.push({
        zh: "分段累进：每档比率只用于落在该档的部分。",
        en: "Marginal: each tier's rate applies to the part within its band.",
      });
    else if (tiers.firstTime)
      description.push({
        zh: `每档只奖励首次${strict ? "突破" : "达到"}的那一年${payEach ? "；同一年首次越过多档的，每档都奖励" : "；同一年首次越过多档的，只奖励最高一档"}。`,
        en: `Each tier is paid in the year it is first ${strict ? "exceeded" : "reached"}${payEach ? "; tiers first crossed together are each paid" : "; of tiers first crossed together only the highest is paid"}.`,
      });
    else
      description.push(
        payEach
          ? { zh: "达到的每一档都奖励。", en: "Every tier reached is paid." }
          : { zh: "只奖励达到的最高一档。", en: "Only the highest tier reached is paid." },
      );
  }
  if (rule.byCategory !== undefined) {
    const rows = categories.map((row) => ({ zh: `${row.zh}${row.pays.zh}`, en: `${row.en}: ${row.pays.en}` }));
    description.push({
      zh: `按${category.zh}：${rows.map((row) => row.zh).join("；")}${rule.byCategory.firstTime ? "（每类只奖励首次）" : ""}。`,
      en: `By ${category.en}: ${rows.map((row) => row.en).join("; ")}${rule.byCategory.firstTime ? " (each category the first time only)" : ""}.`,
    });
  }
  if (rule.percentOf !== undefined && rule.rate !== undefined && rule.byCategory === undefined && tiers === undefined) {
    const words = percentWords(rule.rate, baseWords.zh, baseWords.en);
    description.push({ zh: `${words.zh}计算奖励。`, en: `The award is ${words.en}.` });
  }
  if (rule.percentOf !== undefined || tiers?.marginal) description.push(ROUNDING_WORDS[rule.rounding]);
  if (rule.cap !== undefined) {
    const cap = parseYuan(rule.cap);
    description.push({ zh: `每次最高 ${amountZh(cap)}。`, en: `Each award is capped at ${amountEn(cap)}.` });
  }
  if (rule.capPerYear !== undefined) {
    const cap = parseYuan(rule.capPerYear);
    description.push({
      zh: `每家企业每年合计最高 ${amountZh(cap)}。`,
      en: `At most ${amountEn(cap)} per enterprise and year in all.`,
    });
  }
  description.push(
    rule.once === "enterprise" && (reentry === true || reentry === "true") ? ONCE_WORDS.year : ONCE_WORDS[rule.once],
  );
  if (rule.stacking !== undefined)
    description.push({
      zh: `与 ${rule.stacking.with.join("、")} 不重复享受，就高奖励。`,
      en: `Not paid together with ${rule.stacking.with.join(", ")}: the highest award is kept.`,
    });
  const budgetText = writtenBudgetAmount(rule, plan);
  if (rule.budgetPerYear !== undefined && budgetText !== undefined) {
    const budget = parseYuan(budgetText);
    const group = rule.budgetPerYear.group;
    description.push({
      zh: `${group === undefined ? "本项奖励" : `与同属“${group}”的奖励合计，`}每年发放总额不超过 ${amountZh(budget)}；当年各企业应得的奖励合计超过时，按比例核减（精确到分，零头按余数从大到小补足），已兑付的奖励不再变动。`,
      en: `${group === undefined ? "This reward pays" : `With the other rewards of "${group}", this reward pays`} at most ${amountEn(budget)} a year to all enterprises together; when the awards due pass it, each is cut in the same proportion (exact to the fen, the fen left over going to the largest remainders), and awards already paid stay as they are.`,
    });
  }
  if (rule.deductShortfalls === true)
    description.push({
      zh: "企业应退回而未退回的奖励款，从其以后年度的本项奖励中抵扣，抵扣不完的留待以后年度。",
      en: "What an enterprise owes back and has not repaid is deducted from its later awards of this rule; what is left is deducted in later years.",
    });

  return {
    ...base,
    description,
    conditions,
    tiers: tierRows,
    categories,
    parameters: readings,
    facts: [...facts.values()],
    calculable: true,
  };
}

const SUBJECT_WORDS: Record<FormulaSubject, Words> = {
  year: { zh: "按企业逐年测算", en: "Assessed for each enterprise and year" },
  grant: { zh: "按企业到位的每笔扶持资金测算", en: "Assessed for each sum of support funds an enterprise received" },
  techProject: {
    zh: "按企业的每个技术改造项目测算",
    en: "Assessed for each tech-transformation project of an enterprise",
  },
  project: { zh: "按每个招商项目测算", en: "Assessed for each investment project" },
};

const ONCE_WORDS: Record<"enterprise" | "tier" | "subject" | "year" | "project", Words> = {
  enterprise: { zh: "每户企业只奖励一次。", en: "Paid once per enterprise." },
  tier: { zh: "每户企业每档（每类）只奖励一次。", en: "Paid once per enterprise and tier (or category)." },
  subject: { zh: "每笔资金（每个项目）只奖励一次。", en: "Paid once per sum of funds (or project)." },
  year: { zh: "每户企业每年可奖励一次。", en: "Paid at most once per enterprise and year." },
  project: { zh: "每个项目只奖励一次。", en: "Paid once per project." },
};

const ROUNDING_WORDS: Record<"halfUp" | "down" | "up", Words> = {
  halfUp: { zh: "金额四舍五入到分。", en: "Amounts are rounded half-up to the fen." },
  down: { zh: "金额舍去分以下。", en: "Amounts are rounded down to the fen." },
  up: { zh: "金额进到分。", en: "Amounts are rounded up to the fen." },
};

function parameterValueWords(parameter: PlanParameter): Words {
  const value = parameter.value;
  if (typeof value === "boolean" || value === "true" || value === "false")
    return value === true || value === "true" ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };
  if (parameter.unit === "yuan" && typeof value === "string") return moneyWords(value);
  return { zh: String(value), en: String(value) };
}

function moneyFact(name: string, zh: string, en: string, yearsBack: number | null): RuleFact {
  return { name, zh, en, kind: "money", unitZh: null, unitEn: null, options: [], yearsBack };
}

/** The fact an expression reads, with its kind, unit and choices. */
function factOf(read: FactRead, plan: PlanFile, rule: Extract<RewardRule, { kind: "formula" }>): RuleFact {
  const [head = "", ...rest] = read.name.split(".");
  const yearsBack = EARLIER_YEARS[head]?.back ?? 0;
  const field = EARLIER_YEARS[head] === undefined ? read.name : rest.join(".");
  const fact: RuleFact = {
    name: read.name,
    zh: read.zh,
    en: read.en,
    kind: "money",
    unitZh: null,
    unitEn: null,
    options: [],
    yearsBack: head === "project" ? null : yearsBack,
  };
  if (field.startsWith("fact.")) {
    const declared = plan.facts.find((candidate) => candidate.id === field.slice("fact.".length));
    if (declared !== undefined) {
      fact.kind = declared.measure === "category" ? "category" : declared.measure;
      fact.unitZh = declared.unitName ?? null;
      fact.unitEn = declared.unitNameEn ?? declared.unitName ?? null;
      fact.options = (declared.categories ?? []).map((choice) => ({
        id: choice.id,
        zh: choice.name,
        en: choice.nameEn,
      }));
    }
    return fact;
  }
  if (read.type === "bool") fact.kind = "flag";
  else if (read.type === "string") {
    fact.kind = "category";
    const words = new Map((OWN_CATEGORY_OPTIONS[field] ?? []).map((option) => [option.id, option]));
    // The rule's own words for its categories come first.
    for (const value of rule.byCategory?.values ?? [])
      words.set(value.is, { id: value.is, zh: value.zh ?? value.is, en: value.en ?? value.is });
    fact.options = [...words.values()];
  } else if (YEAR_NUMBER.test(read.name)) fact.kind = "year";
  return fact;
}
