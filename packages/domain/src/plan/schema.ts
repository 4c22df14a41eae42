/**
 * The plan file, as a schema. A plan is data: another district's plan must load through this
 * schema without a code change. Validation messages (in Chinese, for the people who edit plan
 * files) name what is wrong; the loader adds the file, the clause and the field path, then
 * cross-checks what a schema cannot see (references, quotes, tier order). See docs/plan-format.md.
 */
import { z } from "zod";
import { planForecastSchema } from "../forecast/seasonal-profiles";
import { AWARD_STEP_ACTORS, AWARD_STEP_KINDS } from "../rewards/workflow";
import { TASK_QUANTITY_SOURCE_IDS } from "../supervision/quantity-sources";
import { FACT_MEASURES, FACT_PERIODS, MEASUREMENT_UNITS, TASK_CYCLES, UNIT_DUTIES, UNIT_KINDS } from "./vocabulary";

export { PLACE_UNIT_KINDS, UNIT_DUTIES, UNIT_KINDS, type UnitDuty, type UnitKind } from "./vocabulary";

/** Shows what a plan file actually held, for messages: `3000000（数字）`, `"3,000,000"`. */
export function describeInput(input: unknown): string {
  if (input === undefined) return "（缺失）";
  if (typeof input === "number") return `${String(input)}（数字）`;
  if (typeof input === "string") return JSON.stringify(input);
  if (typeof input === "boolean") return `${String(input)}（布尔值）`;
  if (input === null) return "null（空值）";
  if (Array.isArray(input)) return "（列表）";
  return "（对象）";
}

/** A required-field message when the value is missing, otherwise `whenWrong` with what was found. */
function fieldError(whenWrong: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? "缺少必填字段" : `${whenWrong}，实际为 ${describeInput(issue.input)}`;
}

/** A decimal string of yuan: exact, never a binary float. */
export const yuanSchema = z
  .string({
    error: fieldError('必须是十进制金额字符串（元，加引号），例如 "3000000"；不接受数字、千位分隔符或科学计数法'),
  })
  .regex(
    /^\d+(\.\d{1,2})?$/,
    '必须是十进制金额字符串（元，最多两位小数），例如 "3000000"；不接受千位分隔符、单位或科学计数法',
  );

/** A decimal rate or share, "0.05" for 5 %. */
export const rateSchema = z
  .string({ error: fieldError('必须是十进制比率字符串（加引号），例如 "0.05" 表示 5%') })
  .regex(/^\d+(\.\d+)?$/, '必须是十进制比率字符串，例如 "0.05" 表示 5%；不接受百分号或科学计数法');

/** A non-negative decimal string (a count, a share, an amount of 亩). */
export const decimalSchema = z
  .string({ error: fieldError('必须是十进制数字字符串（加引号），例如 "24" 或 "0.5"') })
  .regex(/^\d+(\.\d+)?$/, '必须是十进制数字字符串，例如 "24" 或 "0.5"；不接受千位分隔符或科学计数法');

const yearSchema = z
  .number({ error: fieldError("必须是四位年份数字，例如 2021") })
  .int("必须是整数年份")
  .min(1949, "年份不合理")
  .max(2200, "年份不合理");

const isoDateSchema = z.iso.date({ error: fieldError("必须是 YYYY-MM-DD 格式的日期") });

const textSchema = z.string({ error: fieldError("必须是文字") }).min(1, "不能为空");

export const clauseIdSchema = z
  .string({ error: fieldError("必须是条款编号，例如 M4 或 S16") })
  .regex(/^[A-Z][A-Z0-9-]*$/, "必须是条款编号（大写字母开头），例如 M4 或 S16");
export const unitIdSchema = z
  .string({ error: fieldError("必须是单位编号（小写短横线格式）") })
  .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的单位编号，例如 industry-it-bureau");

export const measurementUnitSchema = z.enum(MEASUREMENT_UNITS, {
  error: fieldError("未知的计量单位（允许：yuan 元、count 个、share 比例、mu 亩、person 人、event 次）"),
});

export const comparisonSchema = z.enum(["gt", "gte"], {
  error: fieldError("比较方式必须是 gt（超过/突破，严格大于）或 gte（以上含，大于等于）"),
});

export const clauseSchema = z.strictObject({
  id: clauseIdSchema,
  /** The section of the document: 总体思路, 发展目标, 工作举措, 保障措施. */
  section: textSchema,
  title: textSchema,
  titleEn: textSchema.optional(),
  /** The clause's original Chinese text, copied from the issued document. */
  text: textSchema,
  /** The further document (an id of `documents`) this clause is an article of; absent, the plan's own document. */
  document: z
    .string({ error: fieldError("必须是文件编号（documents 中的 id）") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的文件编号，例如 reward-measures")
    .optional(),
});

/**
 * A further document the district runs beside its action plan, such as its reward measures (奖励办法): its own
 * title, number, issuers and dates, revised on its own. Its articles are clauses naming it in `document`.
 */
export const planDocumentSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是文件编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的文件编号，例如 reward-measures"),
  /** 《…》 without the book-title marks, as issued. */
  title: textSchema,
  titleEn: textSchema.optional(),
  /** 文号, e.g. 云政发〔2024〕8号. */
  number: textSchema.optional(),
  issuers: z.array(textSchema).default([]),
  signed: isoDateSchema.optional(),
  issued: isoDateSchema.optional(),
  /** The date of its latest revision (修订), when it has been revised since it was issued. */
  revised: isoDateSchema.optional(),
});

export const unitSchema = z.strictObject({
  id: unitIdSchema,
  name: textSchema,
  nameEn: textSchema,
  kind: z.enum(UNIT_KINDS, {
    error: fieldError(
      "单位类型必须是 leadership（领导机构）、office（办公室）、department（部门）、town（镇/乡）、street（街道）、zone（开发区/园区）或 discipline（纪检监察）之一",
    ),
  }),
  /** The powers the plan gives this unit (确认数据、拨付奖励、登记上市、监测重点企业 …). */
  duties: z
    .array(
      z.enum(UNIT_DUTIES, {
        error: fieldError(
          "未知的单位职责（允许：confirmFigures 确认企业数据、enterInvestment 录入项目投资、payRewards 拨付奖励、recordListings 登记上市进程、monitorEnterprises 监测重点企业、keepTalentLedger 管理人才台账、keepFeeList 管理涉企收费清单、designateChainEnterprises 认定链主型与骨干型企业、holdEntrepreneurEvents 举办企业家培训与沙龙、keepLandParcels 管理平台地块台账、handleZombieEnterprises 认定和处置僵尸企业）",
        ),
      }),
    )
    .default([]),
  /** A unit the office may edit (towns and streets); departments named by the plan are fixed. */
  editable: z.boolean({ error: fieldError("必须是 true 或 false") }).default(false),
  /** Other spellings of the name in the document (the seed writes some units two ways). */
  aliases: z.array(textSchema).default([]),
  /** The unit this one sits in (the leading group's office sits in 区工信局). */
  hostUnit: unitIdSchema.optional(),
});

export const chainSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是产业链编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的产业链编号"),
  name: textSchema,
  nameEn: textSchema,
  role: z.enum(["leading", "supporting", "other"], {
    error: fieldError("产业链地位必须是 leading（主导）、supporting（配套）或 other（其他）"),
  }),
  /** GB/T 4754-2017 codes (division, group or class) that fall in this chain. */
  industryCodes: z.array(z.string().regex(/^\d{2,4}$/, "必须是 2–4 位国民经济行业分类代码（加引号）")).default([]),
  /** Other names a bureau's file may use for this chain (电子 for 电子信息). */
  aliases: z.array(textSchema).default([]),
  /** The units that lead the chain (链长制): an assessment indicator over `chains: assessed` reads these. */
  leadUnits: z.array(unitIdSchema).min(1, "至少写一个牵头单位").optional(),
});

/** A category of enterprise requests (企业诉求) with the time limit its answer must keep. */
export const requestCategorySchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是诉求类别编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的诉求类别编号，例如 land"),
  name: textSchema,
  nameEn: textSchema,
  /** Days the responsible unit has to give its final answer, counted from the day after assignment. */
  limitDays: z
    .number({ error: fieldError("必须是正整数天数") })
    .int("必须是整数天数")
    .positive("办理时限必须大于 0 天")
    .max(366, "办理时限不能超过 366 天"),
  /** working: Monday to Friday only; calendar: every day. */
  dayKind: z.enum(["working", "calendar"], { error: fieldError("必须是 working（工作日）或 calendar（自然日）") }),
  /** The units that answer requests of this category, the first being proposed when the office assigns one. */
  units: z.array(unitIdSchema).default([]),
  /** Complaints about a charge on enterprises (not on the published fee list, or above its standard) are filed here. */
  feeComplaints: z.boolean({ error: fieldError("必须是 true 或 false") }).optional(),
});

/** One source of the yearly fund (资金来源): who provides how much a year. */
export const fundSourceSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是资金来源编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的资金来源编号，例如 county-budget"),
  name: textSchema,
  nameEn: textSchema,
  /** Yuan a year. */
  yearly: yuanSchema,
});

/** The yearly fund the plan states (S15 资金保障): its sources; the rewards budget of each year starts from their sum. */
export const fundSchema = z.strictObject({
  /** The clause that states the fund. */
  clause: clauseIdSchema.optional(),
  sources: z.array(fundSourceSchema).min(1, "至少要有一个资金来源"),
});

/** An action group of the measures (三个行动) or the safeguards, for grouping in the product. */
export const measureGroupSchema = z.strictObject({
  id: z.string({ error: fieldError("必须是分组编号") }).regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的分组编号"),
  title: textSchema,
  titleEn: textSchema,
});

/** In an assessment indicator's filter: the assessed unit's own town, or the chains it leads (chains' leadUnits). */
export const ASSESSED_UNIT = "assessed";

/** Which enterprises an aggregate reads in a year: every condition given must hold. */
export const aggregateFilterSchema = z.strictObject({
  /** 规上 in that year (true), or not (false). */
  aboveScale: z.boolean({ error: fieldError("必须是 true 或 false") }).optional(),
  /** In one of these chains (the plan's chain ids); in an assessment indicator, `assessed`: those the unit leads. */
  chains: z
    .union(
      [
        z.literal(ASSESSED_UNIT),
        z.array(z.string({ error: fieldError("必须是产业链编号") })).min(1, "至少写一条产业链"),
      ],
      { error: fieldError("必须是产业链编号的列表，或 assessed（被考核单位牵头的产业链）") },
    )
    .optional(),
  /** In one of these towns or streets (the plan's unit ids); in an assessment indicator, `assessed`: the unit itself. */
  towns: z
    .union(
      [
        z.literal(ASSESSED_UNIT),
        z.array(z.string({ error: fieldError("必须是乡镇（街道）编号") })).min(1, "至少写一个乡镇（街道）"),
      ],
      { error: fieldError("必须是乡镇（街道）编号的列表，或 assessed（被考核的乡镇、街道本身）") },
    )
    .optional(),
  /** A key enterprise (重点企业), or not. */
  key: z.boolean({ error: fieldError("必须是 true 或 false") }).optional(),
});

/**
 * A target or an assessment indicator measured as an aggregate of a fact over enterprises (metric: aggregate): the
 * sum, average, count, share, growth (on the year before) or increase (on a target's baseline year, an indicator's
 * year before) of a figure (revenue, tax, output …) or of a fact the plan declares, over the enterprises a filter
 * keeps. docs/plan-format.md.
 */
export const targetAggregateSchema = z.strictObject({
  op: z.enum(["sum", "average", "count", "share", "growth", "increase"], {
    error: fieldError(
      "op 必须是 sum（合计）、average（平均）、count（户数）、share（占比）、growth（增长率）或 increase（增加额、净增户数）",
    ),
  }),
  /** A figure (revenue, tax, output, employees, fixed_asset_investment) or a declared fact's id; count may omit it. */
  of: z.string({ error: fieldError("必须是数据项编号") }).optional(),
  where: aggregateFilterSchema.default({}),
  /** share: the whole the part (where) is a share of; the part is taken within it. */
  within: aggregateFilterSchema.optional(),
});

export const targetSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是目标编号，例如 G1 或 T-M5") })
    .regex(/^[A-Z][A-Za-z0-9-]*$/, "必须是目标编号（大写字母开头），例如 G1 或 T-M5"),
  clause: clauseIdSchema,
  /** The sentence of the clause that states this target, verbatim. */
  quote: textSchema,
  name: textSchema,
  nameEn: textSchema,
  /** What is counted or summed; the targets module knows how to compute each metric. */
  metric: textSchema,
  unit: measurementUnitSchema,
  comparison: comparisonSchema,
  /** When the comparison is a reading of the text (突破), the parameter that decides it. */
  comparisonParameter: z.string().optional(),
  value: decimalSchema,
  baselineYear: yearSchema,
  deadline: isoDateSchema,
  /** 力争: an aspiration, whose status never reads as a breach. */
  aspiration: z.boolean({ error: fieldError("必须是 true 或 false") }).default(false),
  /** Yearly milestones where the document gives them, each year's own value (not cumulative). */
  yearly: z.array(z.strictObject({ year: yearSchema, value: decimalSchema })).default([]),
  /**
   * Metric options: a project category, an upper bound of a range (1–2 listings). A key ending
   * in "Parameter" names an entry of `parameters`.
   */
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
  /** With metric: aggregate, what is aggregated over which enterprises. */
  aggregate: targetAggregateSchema.optional(),
});

export const taskSchema = z.strictObject({
  id: textSchema,
  title: textSchema,
  titleEn: textSchema.optional(),
  cycle: z.enum(TASK_CYCLES, {
    error: fieldError("周期必须是 once、monthly、quarterly 或 yearly 之一"),
  }),
  quantityUnit: measurementUnitSchema.optional(),
  /** A quantity per cycle where the document states one. */
  quantityTarget: decimalSchema.optional(),
  /** The records the quantity is computed from (a source of the product's vocabulary), instead of typed into reports. */
  quantityFrom: z
    .enum(TASK_QUANTITY_SOURCE_IDS, {
      error: fieldError(`未知的任务数量来源（允许：${TASK_QUANTITY_SOURCE_IDS.join("、")}）`),
    })
    .optional(),
});

export const measureSchema = z.strictObject({
  id: clauseIdSchema,
  clause: clauseIdSchema,
  kind: z.enum(["measure", "safeguard"], { error: fieldError("必须是 measure（工作举措）或 safeguard（保障措施）") }),
  /** The action group: an id of `groups` when the plan lists groups. */
  group: textSchema,
  title: textSchema,
  titleEn: textSchema,
  lead: z.array(unitIdSchema).default([]),
  responsible: z.array(unitIdSchema).default([]),
  /** What the system tracks for this measure, in plain words. */
  tracks: z.array(textSchema).default([]),
  /** Seed tasks for the supervision module: measurable deliverables where the measure has them. */
  tasks: z.array(taskSchema).default([]),
});

export const parameterSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是参数编号") })
    .regex(/^[a-z][A-Za-z0-9]*$/, "必须是驼峰格式的参数编号，例如 milestoneComparison"),
  clause: clauseIdSchema,
  description: textSchema,
  descriptionEn: textSchema,
  value: z.union([z.string(), z.boolean(), z.number()], { error: fieldError("必须是文字、数字或 true/false") }),
  /** The values allowed for a choice; absent for free values such as thresholds. */
  allowed: z.array(z.union([z.string(), z.boolean()])).optional(),
  /** For a free value: its unit; "yuan" makes the value a decimal string of yuan. */
  unit: measurementUnitSchema.optional(),
});

/** One choice of a category fact (a recognition's level): its id in files and rules, its words. */
export const factCategorySchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是类别编号") })
    .regex(/^[a-z][A-Za-z0-9-]*$/, "必须是字母开头的类别编号，例如 provincial"),
  name: textSchema,
  nameEn: textSchema,
});

/**
 * A fact the plan's rules and targets read beyond the register's own (revenue, tax, above-scale …):
 * electricity use, land area, output value, a recognition. Its values are kept per enterprise and
 * period, entered, confirmed and imported like any figure, and read in formulas as `fact("id")`.
 */
export const declaredFactSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是数据项编号") })
    .regex(/^[a-z][A-Za-z0-9]*$/, "必须是驼峰格式的数据项编号，例如 electricityUse"),
  name: textSchema,
  nameEn: textSchema,
  measure: z.enum(FACT_MEASURES, {
    error: fieldError(
      "计量方式必须是 money（金额，元）、quantity（数量，须写 unitName）、count（个数）或 category（类别）",
    ),
  }),
  /** A quantity's unit in words (千瓦时, 亩) and in English (kWh, mu). */
  unitName: textSchema.optional(),
  unitNameEn: textSchema.optional(),
  period: z
    .enum(FACT_PERIODS, { error: fieldError("期间必须是 year（年度）、quarter（季度）或 month（月度）") })
    .default("year"),
  /** The unit that supplies the values (its import and confirmation); absent, the office. */
  suppliedBy: unitIdSchema.optional(),
  /** The choices of a category fact. */
  categories: z.array(factCategorySchema).optional(),
  /** The clause of the document the fact serves, when there is one. */
  clause: clauseIdSchema.optional(),
});

const tierAmount = z.strictObject({ threshold: yuanSchema, amount: yuanSchema });
const rateAmount = z.strictObject({ rate: rateSchema, amount: yuanSchema });

const rewardBase = {
  id: z.string({ error: fieldError("必须是奖励编号") }).regex(/^R-[A-Z0-9-]+$/, "奖励编号形如 R-GROWTH"),
  clause: clauseIdSchema,
  /** The sentence(s) of the clause that state this reward, verbatim. */
  quote: textSchema,
  name: textSchema,
  nameEn: textSchema,
};

const parameterRef = z.string({ error: fieldError("必须是参数编号") });
const parameterRefSchema = parameterRef;

/** A CEL expression of a reward formula (decision 010); checked against the facts it may read when the plan loads. */
const celSchema = z.string({ error: fieldError("必须是 CEL 表达式（文字）") }).min(1, "表达式不能为空");

/** A condition of a reward formula with its own words, shown in explanations and why-nots. */
const formulaConditionSchema = z.strictObject({
  test: celSchema,
  /** What the condition says, in the clause's words ("规模以上工业企业"), and in English. */
  zh: textSchema,
  en: textSchema,
});

/** A value fixed in the rule or read from a plan parameter. */
const chosenBy = <T extends z.ZodType>(value: T) => z.union([value, z.strictObject({ parameter: parameterRefSchema })]);

const formulaStepSchema = z.strictObject({
  /** The tier's threshold: yuan for a money figure, a rate ("0.05") for growth. */
  from: z
    .string({ error: fieldError("必须是十进制字符串（元或比率）") })
    .regex(/^\d+(\.\d+)?$/, "必须是十进制字符串（元或比率）"),
  /** The plan parameter holding the same threshold (its value is used; a what-if may change it). */
  fromParameter: parameterRefSchema.optional(),
  amount: yuanSchema.optional(),
  rate: rateSchema.optional(),
  /** The rule id its entitlements carry (default: the rule's id), and the category it names. */
  ruleId: z
    .string()
    .regex(/^R-[A-Z0-9-]+$/, "奖励编号形如 R-PROJ-50")
    .optional(),
  category: textSchema.optional(),
});

const formulaCategorySchema = z.strictObject({
  is: textSchema,
  /** The category in words, shown in explanations and on the plan's page ("国家级"); default: `is`. */
  zh: textSchema.optional(),
  en: textSchema.optional(),
  amount: yuanSchema.optional(),
  rate: rateSchema.optional(),
  /** Not paid once this other category was paid (不重复享受), unless the flag parameter is true. */
  notAfter: z.strictObject({ category: textSchema, unlessParameter: parameterRefSchema.optional() }).optional(),
});

/**
 * A reward rule written in the rule language (decision 010, docs/plan-format.md): what one award is for,
 * the event, the conditions, how the amount is found (fixed, by category, by tiers, a percentage, decided
 * case by case), the cap, the rounding and the one-time key. Expressions are CEL over declared facts.
 */
export const formulaRewardSchema = z.strictObject({
  ...rewardBase,
  kind: z.literal("formula"),
  per: z.enum(["year", "grant", "techProject", "project"], {
    error: fieldError("per 必须是 year（企业年度）、grant（扶持资金）、techProject（技改项目）或 project（招商项目）"),
  }),
  /** What happened; a subject without it is not considered (a why-not says there was none). */
  event: formulaConditionSchema.optional(),
  when: z.array(formulaConditionSchema).default([]),
  /** The year an award is paid in (default: the subject's year), e.g. project.productionYear. */
  paidYear: celSchema.optional(),
  /** plan: only plan years pay (default); any: any year. */
  years: z.enum(["plan", "any"], { error: fieldError("years 必须是 plan 或 any") }).default("plan"),
  amount: yuanSchema.optional(),
  caseByCase: z.strictObject({ upTo: yuanSchema.optional() }).optional(),
  percentOf: celSchema.optional(),
  rate: rateSchema.optional(),
  byCategory: z
    .strictObject({
      of: celSchema,
      values: z.array(formulaCategorySchema).min(1, "至少要有一个类别"),
      /** Each category once ever: a category reached before (the plan's years or earlier) is not paid again. */
      firstTime: z.boolean().default(false),
      /** The entitlement's tier: the category (default) or its rate. */
      tier: z.enum(["category", "rate"]).default("category"),
    })
    .optional(),
  tiers: z
    .strictObject({
      /** The money figure compared (CEL, fen), or `growthOf` a fact: its increase over the previous year, as a rate. */
      of: celSchema.optional(),
      growthOf: z.enum(["revenue", "tax"], { error: fieldError("growthOf 必须是 revenue 或 tax") }).optional(),
      compare: chosenBy(comparisonSchema).default("gte"),
      pay: chosenBy(z.enum(["highest", "each"], { error: fieldError("pay 必须是 highest 或 each") })).default(
        "highest",
      ),
      /**
       * With `growthOf`: what a year without the previous year's figure (or with zero) gets. `none`, the only reading
       * the language has: no award, and the why-not names the missing figure. A plan may name the parameter that
       * records this reading, so that the rule's page states it.
       */
      withoutPreviousYear: chosenBy(
        z.enum(["none"], { error: fieldError("withoutPreviousYear 只能是 none（缺少上年数据不奖励）") }),
      ).optional(),
      /** Each tier once ever, the year the figure first crosses it (the whole history counts). */
      firstTime: z.boolean().default(false),
      /** Marginal (累进): each step's rate applies to the part of the figure (of) or of the increase (growthOf) in its band. */
      marginal: z.boolean().optional(),
      /** After the last step, each further `by` (yuan) adds `add` (yuan) to the amount, up to the rule's cap (逐级递增). */
      every: z.strictObject({ by: yuanSchema, add: yuanSchema }).optional(),
      /** The entitlement's tier: the threshold (default) or none. */
      label: z.enum(["threshold", "none"]).default("threshold"),
      steps: z.array(formulaStepSchema).min(1, "至少要有一档"),
    })
    .optional(),
  /** The most one award pays. */
  cap: yuanSchema.optional(),
  rounding: z
    .enum(["halfUp", "down", "up"], { error: fieldError("rounding 必须是 halfUp、down 或 up") })
    .default("halfUp"),
  once: z.enum(["enterprise", "tier", "subject", "year", "project"], {
    error: fieldError("once 必须是 enterprise、tier、subject、year 或 project"),
  }),
  /** A flag parameter: when true, `once: enterprise` becomes once per enterprise and year (re-entry paid). */
  oncePerYearParameter: parameterRefSchema.optional(),
  /** The most this rule pays one enterprise in one year, its awards summed (每家企业每年最高). */
  capPerYear: yuanSchema.optional(),
  /** 就高不重复: of this rule and the rules named (and theirs), one enterprise keeps only the highest award, per year or over the plan. */
  stacking: z
    .strictObject({
      with: z.array(z.string({ error: fieldError("必须是奖励编号") })).min(1, "至少要写一条不重复享受的奖励"),
      within: z.enum(["year", "plan"], { error: fieldError("within 必须是 year 或 plan") }).default("year"),
    })
    .optional(),
  /** Who receives the award, by share (50% to the legal representative, 50% to the enterprise); the shares sum to 1. */
  payees: z
    .array(z.strictObject({ share: rateSchema, zh: textSchema, en: textSchema }))
    .min(2, "至少要有两个收款方")
    .optional(),
  /** A cap on the sum of an enterprise's awards in a year across the rules sharing `group` (≤ its retained tax). */
  sumCap: z.strictObject({ group: textSchema, atMost: celSchema, zh: textSchema, en: textSchema }).optional(),
  /**
   * The most this rule (or the rules sharing `group`) pays all enterprises together in a year (年度总额不超过); when
   * the awards due pass it they are cut pro rata, exact to the fen (language/budget.ts).
   */
  budgetPerYear: z
    .strictObject({
      amount: yuanSchema.optional(),
      amountParameter: parameterRefSchema.optional(),
      share: z.enum(["proportional"], { error: fieldError("share 必须是 proportional（按比例核减）") }),
      group: textSchema.optional(),
      zh: textSchema.optional(),
      en: textSchema.optional(),
    })
    .optional(),
  /** An amount an enterprise owes back and has not repaid is deducted from this rule's later awards (从以后年度奖励中抵扣). */
  deductShortfalls: z.boolean({ error: fieldError("必须是 true 或 false") }).optional(),
});

/**
 * A reward rule as a plan file may write it: in the rule language (`formula`), or in one of the nine shorthand
 * kinds of earlier plan versions, which the loader expands into the rule language (`rewards/language/shorthands.ts`).
 * The parameter fields name entries of `parameters`.
 */
export const rewardRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      ...rewardBase,
      kind: z.literal("projectProduction"),
      /** One entitlement per project of a category whose production year is known; ruleId per category. */
      categories: z
        .array(
          z.strictObject({
            category: textSchema,
            ruleId: z.string().regex(/^R-[A-Z0-9-]+$/, "奖励编号形如 R-PROJ-50"),
            minInvestment: yuanSchema,
            amount: yuanSchema,
            /** The parameter holding the same threshold (for explanations and the G2 count). */
            minInvestmentParameter: parameterRef.optional(),
          }),
        )
        .min(1, "至少要有一个项目类别"),
      introducedYearsFromPlan: z.boolean().default(true),
    }),
    z.strictObject({ ...rewardBase, kind: z.literal("caseByCase"), event: z.literal("top500SettledIn") }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("eventOnce"),
      event: z.literal("listedRegistrationMovedIn"),
      amount: yuanSchema,
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("newAboveScale"),
      amount: yuanSchema,
      reentryParameter: parameterRef,
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("firstCrossing"),
      metric: z.enum(["revenue", "tax"], { error: fieldError("指标必须是 revenue（营业收入）或 tax（入库税收）") }),
      tiers: z.array(tierAmount).min(1, "至少要有一档"),
      comparisonParameter: parameterRef,
      sameYearParameter: parameterRef,
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("growthBands"),
      metric: z.literal("revenue"),
      tiers: z.array(rateAmount).min(1, "至少要有一档"),
      comparison: comparisonSchema,
      requireAboveScale: z.boolean(),
      excludeNewlyAboveScale: z.boolean(),
      payHighestTierOnly: z.boolean(),
      /** What happens without the previous year's revenue (default reading: no reward). */
      missingPreviousYearParameter: parameterRef.optional(),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("grantMatch"),
      rates: z
        .array(
          z.strictObject({
            level: z.enum(["national", "provincial", "municipal"], {
              error: fieldError("级别必须是 national、provincial 或 municipal"),
            }),
            rate: rateSchema,
          }),
        )
        .min(1, "至少要有一个级别"),
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("listing"),
      kinds: z
        .array(
          z.strictObject({
            listing: z.enum(["domestic", "overseas", "neeq"], {
              error: fieldError("上市类型必须是 domestic（境内）、overseas（境外）或 neeq（新三板）"),
            }),
            amount: yuanSchema,
          }),
        )
        .min(1, "至少要有一种上市类型"),
      neeqThenListedParameter: parameterRef,
    }),
    z.strictObject({
      ...rewardBase,
      kind: z.literal("techTransformation"),
      minInvestment: yuanSchema,
      comparison: comparisonSchema,
      rate: rateSchema,
      excludeIfTechFundsReceived: z.boolean(),
    }),
    formulaRewardSchema,
  ],
  {
    error: (issue) => {
      const input: unknown = issue.input;
      const kind = typeof input === "object" && input !== null && "kind" in input ? input.kind : undefined;
      return `未知的奖励类型（允许：projectProduction、caseByCase、eventOnce、newAboveScale、firstCrossing、growthBands、grantMatch、listing、techTransformation、formula），实际为 ${describeInput(kind)}`;
    },
  },
);

/** The indicators the system can compute for ranking units and the year-end assessment (S16). */
export const ASSESSMENT_METRICS = [
  "taskCompletionRate",
  "reportTimeliness",
  "targetProgress",
  "requestHandlingTime",
  "aggregate",
] as const;

/** One assessment indicator: what is measured, its weight in the year-end score, and which way is better. */
export const assessmentIndicatorSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是指标编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的指标编号，例如 task-completion"),
  metric: z.enum(ASSESSMENT_METRICS, {
    error: fieldError(
      "未知的考核指标（允许：taskCompletionRate 任务完成率、reportTimeliness 报送及时率、targetProgress 目标进度、requestHandlingTime 诉求办理时长、aggregate 企业数据的汇总）",
    ),
  }),
  /** With metric: aggregate, what is aggregated over which enterprises (as a target's aggregate). */
  aggregate: targetAggregateSchema.optional(),
  name: textSchema,
  nameEn: textSchema.optional(),
  /** A decimal share of the year-end score, e.g. "0.4"; the weights of all indicators sum to 1. */
  weight: rateSchema,
  direction: z.enum(["higher", "lower"], {
    error: fieldError("方向必须是 higher（越高越好）或 lower（越低越好）"),
  }),
});

/**
 * One step of the award workflow (奖励兑现流程): a kind the product knows, who acts, its labels. The
 * loader checks the order and the actors (load.ts); docs/plan-format.md describes each field.
 */
export const awardStepSchema = z.strictObject({
  id: z
    .string({ error: fieldError("必须是环节编号") })
    .regex(/^[a-z][a-z0-9-]*$/, "必须是小写短横线格式的环节编号，例如 office-review"),
  kind: z.enum(AWARD_STEP_KINDS, {
    error: fieldError(
      "环节类型必须是 confirm（企业确认）、review（审核）、publicity（公示）、approve（审批）或 pay（拨付）之一",
    ),
  }),
  name: textSchema,
  nameEn: textSchema,
  /** Who acts; confirm, publicity and pay may leave it out (the enterprise, the office, the paying units). */
  by: z
    .enum(AWARD_STEP_ACTORS, {
      error: fieldError(
        "办理主体必须是 enterprise（企业）、office（办公室）、duty（具有某项职责的单位）或 units（指定单位）之一",
      ),
    })
    .optional(),
  /** With `by: duty`: the duty whose units act. */
  duty: z.enum(UNIT_DUTIES, { error: fieldError("未知的单位职责") }).optional(),
  /** With `by: units`: the units that act. */
  units: z.array(unitIdSchema).optional(),
  /** A publicity step's length: calendar days the list stays public, the first day included. */
  days: z
    .number({ error: fieldError("必须是正整数天数") })
    .int("必须是整数天数")
    .positive("公示天数必须大于 0")
    .max(90, "公示天数不能超过 90 天")
    .optional(),
});

/** The steps an entitlement goes through after it is computed, in order. */
export const awardWorkflowSchema = z.strictObject({
  steps: z.array(awardStepSchema).min(2, "至少要有企业确认和拨付两个环节"),
});

/** Sum of decimal strings, exact, as [integer, scale]. */
function decimalSum(values: string[]): { units: bigint; scale: bigint } {
  const places = Math.max(0, ...values.map((value) => (value.split(".")[1] ?? "").length));
  const scale = 10n ** BigInt(places);
  const units = values.reduce((sum, value) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return sum + BigInt(whole) * scale + BigInt(fraction.padEnd(places, "0") || "0");
  }, 0n);
  return { units, scale };
}

export const assessmentSchema = z
  .strictObject({ indicators: z.array(assessmentIndicatorSchema).min(1, "至少要有一个考核指标") })
  .superRefine((assessment, context) => {
    const { units, scale } = decimalSum(assessment.indicators.map((indicator) => indicator.weight));
    if (units !== scale) {
      context.addIssue({ code: "custom", path: ["indicators"], message: "各考核指标的权重之和必须等于 1" });
    }
    const ids = new Set<string>();
    assessment.indicators.forEach((indicator, index) => {
      if (ids.has(indicator.id))
        context.addIssue({
          code: "custom",
          path: ["indicators", index, "id"],
          message: `指标编号“${indicator.id}”重复`,
        });
      ids.add(indicator.id);
    });
  });

export const planFileSchema = z.strictObject({
  id: z.string({ error: fieldError("必须是计划编号") }).regex(/^[a-z0-9-]+$/, "计划编号必须是小写短横线格式"),
  version: z
    .number({ error: fieldError("必须是正整数版本号") })
    .int()
    .positive("版本号必须是正整数"),
  title: textSchema,
  titleEn: textSchema,
  /** The issued document; a plan whose number or dates are not known yet leaves them out. */
  document: z.strictObject({
    number: textSchema.optional(),
    issuers: z.array(textSchema).default([]),
    signed: isoDateSchema.optional(),
    issued: isoDateSchema.optional(),
  }),
  /** Further documents the district runs beside the plan (its reward measures …); clauses name theirs. */
  documents: z.array(planDocumentSchema).optional(),
  district: z.strictObject({
    code: z
      .string({ error: fieldError("必须是六位行政区划代码（加引号）") })
      .regex(/^\d{6}$/, "必须是六位行政区划代码"),
    name: textSchema,
    /** The district's name in English, shown when the interface is in English. */
    nameEn: textSchema.optional(),
    city: textSchema,
    province: textSchema,
  }),
  period: z.strictObject({ baselineYear: yearSchema, startYear: yearSchema, endYear: yearSchema }),
  /** The above-scale threshold (规模以上): annual main-business revenue, in yuan. */
  aboveScaleThreshold: yuanSchema,
  clauses: z.array(clauseSchema).min(1, "至少要有一个条款"),
  units: z.array(unitSchema).min(1, "至少要有一个单位"),
  chains: z.array(chainSchema).min(1, "至少要有一条产业链"),
  /** The action groups that measures belong to; optional, measures then group by free text. */
  groups: z.array(measureGroupSchema).default([]),
  targets: z.array(targetSchema),
  measures: z.array(measureSchema),
  parameters: z.array(parameterSchema),
  /** The facts the plan's rules and targets read beyond the register's own, each with its measure and period. */
  facts: z.array(declaredFactSchema).default([]),
  rewards: z.array(rewardRuleSchema),
  /** Optional: the indicators and weights of the year-end assessment of units (S16). */
  assessment: assessmentSchema.optional(),
  /** The categories enterprises file requests under, each with its time limit and answering units. */
  requestCategories: z.array(requestCategorySchema).default([]),
  /** Optional: the award workflow's steps; absent, the product's default (confirm → office review → approve → pay). */
  awardWorkflow: awardWorkflowSchema.optional(),
  /** Optional: the yearly fund and its sources (S15); absent, the office sets each year's budget by hand. */
  fund: fundSchema.optional(),
  /** Optional: the seasonal profile the forecasts use where the district lacks monthly history; absent, the national one. */
  forecast: planForecastSchema.optional(),
});

/** A plan file as written: its reward rules in the rule language or in the shorthand kinds of earlier versions. */
export type WrittenPlanFile = z.infer<typeof planFileSchema>;
/** A loaded plan: every reward rule in the rule language (the loader expands the shorthand kinds). */
export type PlanFile = Omit<WrittenPlanFile, "rewards"> & { rewards: FormulaReward[] };
export type Clause = z.infer<typeof clauseSchema>;
export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanUnit = z.infer<typeof unitSchema>;
export type Chain = z.infer<typeof chainSchema>;
export type MeasureGroup = z.infer<typeof measureGroupSchema>;
export type Target = z.infer<typeof targetSchema>;
export type TargetAggregate = z.infer<typeof targetAggregateSchema>;
export type AggregateFilter = z.infer<typeof aggregateFilterSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type PlanTask = z.infer<typeof taskSchema>;
export type PlanParameter = z.infer<typeof parameterSchema>;
export type DeclaredFact = z.infer<typeof declaredFactSchema>;
export type FactCategory = z.infer<typeof factCategorySchema>;
/** A reward rule as a loaded plan holds it: written in the rule language. */
export type RewardRule = FormulaReward;
export type FormulaReward = z.infer<typeof formulaRewardSchema>;
/** A reward rule written in one of the shorthand kinds of earlier plan versions, expanded at load (`rewards/language/shorthands.ts`). */
export type RewardShorthand = Exclude<z.infer<typeof rewardRuleSchema>, { kind: "formula" }>;
export type AssessmentIndicator = z.infer<typeof assessmentIndicatorSchema>;
export type PlanRequestCategory = z.infer<typeof requestCategorySchema>;
export type PlanAwardStep = z.infer<typeof awardStepSchema>;
export type PlanFund = z.infer<typeof fundSchema>;
