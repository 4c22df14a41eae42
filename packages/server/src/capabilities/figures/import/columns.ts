import type { FigureMetric } from "@beizeng/contract/figures";
import type { ImportKind, MoneyUnit } from "./types";

/** The figures an import can carry; the names are the `figures.metric` values in the database. */
export type MetricId = FigureMetric;

export interface MetricDefinition {
  metric: MetricId;
  /** Header of the template column (without unit). */
  label: string;
  /** Other names the statistics and tax bureaus use for it (compared after normalizeHeader). */
  aliases: string[];
  /** Money (stored in fen) or a count (stored as is). */
  valueKind: "money" | "count";
}

export const METRICS: readonly MetricDefinition[] = [
  { metric: "revenue", label: "营业收入", aliases: ["营业收入合计", "主营业务收入", "销售收入"], valueKind: "money" },
  {
    metric: "tax",
    label: "入库税收",
    aliases: ["税收", "税收收入", "入库税金", "税收入库", "实缴税金", "实缴税收", "纳税额", "纳税总额"],
    valueKind: "money",
  },
  { metric: "output", label: "工业总产值", aliases: ["总产值", "工业总产值当年价格"], valueKind: "money" },
  { metric: "value_added", label: "工业增加值", aliases: ["增加值"], valueKind: "money" },
  { metric: "profit", label: "利润总额", aliases: ["利润"], valueKind: "money" },
  {
    metric: "employees",
    label: "从业人员",
    aliases: ["从业人员数", "从业人员平均人数", "期末从业人员", "年末从业人员", "职工人数", "用工人数"],
    valueKind: "count",
  },
  {
    metric: "fixed_asset_investment",
    label: "固定资产投资",
    aliases: ["固定资产投资额", "固定资产投资完成额", "完成固定资产投资"],
    valueKind: "money",
  },
  {
    metric: "manufacturing_investment",
    label: "其中制造业投资",
    aliases: ["制造业投资", "制造业投资额"],
    valueKind: "money",
  },
];

/** How a cell of a column is read. */
export type FieldType =
  | "creditCode"
  | "name"
  | "year"
  | "month"
  | "period"
  | "metric"
  | "town"
  | "chain"
  | "industryCode"
  | "scaleStatus"
  | "entryYear"
  | "statusYear"
  | "keyEnterprise"
  | "listingStage";

export interface FieldDefinition {
  /** The key in parsed records and in error reports, e.g. "creditCode", "revenue". */
  field: string;
  type: FieldType;
  label: string;
  aliases: string[];
  metric?: MetricDefinition;
}

const creditCodeField: FieldDefinition = {
  field: "creditCode",
  type: "creditCode",
  label: "统一社会信用代码",
  aliases: ["社会信用代码", "信用代码", "统一代码", "统一社会信用代码(组织机构代码)"],
};
const nameField: FieldDefinition = {
  field: "name",
  type: "name",
  label: "企业名称",
  aliases: ["单位名称", "单位详细名称", "企业名", "纳税人名称", "名称"],
};
const yearField: FieldDefinition = {
  field: "year",
  type: "year",
  label: "年份",
  aliases: ["年度", "统计年度", "所属年度", "年"],
};
const monthField: FieldDefinition = { field: "month", type: "month", label: "月份", aliases: ["月", "统计月份"] };
const periodField: FieldDefinition = {
  field: "period",
  type: "period",
  label: "报告期",
  aliases: ["统计期", "所属期", "期间", "统计日期", "日期", "时间", "数据期"],
};
const metricFields: FieldDefinition[] = METRICS.map((metric) => ({
  field: metric.metric,
  type: "metric",
  label: metric.label,
  aliases: metric.aliases,
  metric,
}));

const townField: FieldDefinition = {
  field: "town",
  type: "town",
  label: "所属乡镇（街道）",
  aliases: ["乡镇(街道)", "所属乡镇", "乡镇", "街道", "所属镇街", "镇街", "所属园区", "园区"],
};
const chainField: FieldDefinition = {
  field: "chain",
  type: "chain",
  label: "产业链",
  aliases: ["所属产业链", "产业", "所属产业", "产业类别"],
};
const industryCodeField: FieldDefinition = {
  field: "industryCode",
  type: "industryCode",
  label: "行业代码",
  aliases: ["国民经济行业代码", "行业分类代码", "国民经济行业分类代码", "行业小类代码", "所属行业代码"],
};

/**
 * A figures file may also say where an enterprise belongs (a bureau's list carries 行业代码 and often 乡镇):
 * read only for the enterprises the import registers from the file.
 */
const registrationFields = [townField, chainField, industryCodeField];

const FIELDS: Record<ImportKind, FieldDefinition[]> = {
  annual: [creditCodeField, nameField, yearField, periodField, ...metricFields, ...registrationFields],
  monthly: [creditCodeField, nameField, yearField, monthField, periodField, ...metricFields, ...registrationFields],
  register: [
    creditCodeField,
    nameField,
    townField,
    chainField,
    industryCodeField,
    {
      field: "scaleStatus",
      type: "scaleStatus",
      label: "规上状态",
      aliases: ["规模状态", "企业规模状态", "是否规上", "是否规上企业"],
    },
    { field: "statusYear", type: "statusYear", label: "状态年份", aliases: ["年份", "年度", "统计年度"] },
    {
      field: "entryYear",
      type: "entryYear",
      label: "纳入年份",
      aliases: ["入规年份", "入库年份", "纳入规上年份", "升规年份"],
    },
    { field: "isKey", type: "keyEnterprise", label: "重点企业", aliases: ["是否重点企业", "重点"] },
    {
      field: "listingStage",
      type: "listingStage",
      label: "上市阶段",
      aliases: ["上市进程", "上市情况", "挂牌上市情况"],
    },
  ],
};

export function fieldsOf(kind: ImportKind): readonly FieldDefinition[] {
  return FIELDS[kind];
}

/** What a header says beside the field's name. */
export type HeaderQualifier =
  /** The figure itself; `own` when the header says so (本月, 当月, 本期): never a total, whatever the title says. */
  | { kind: "plain"; own?: boolean }
  /** 本年累计 / 累计 / 1-N月: the total from January to the row's month (N when the header names it). */
  | { kind: "cumulative"; throughMonth?: number }
  /** 上年同期: the same period of the previous year. Recognised and not imported. */
  | { kind: "previousYear" }
  /** 增速 / 增长 / 同比 / %: a growth rate. Recognised and not imported. */
  | { kind: "growth" };

export interface NormalizedHeader {
  /** The name with unit, qualifier and punctuation removed, for comparing with aliases. */
  base: string;
  unit?: MoneyUnit | "人";
  qualifier: HeaderQualifier;
}

/** Full-width forms to ASCII (NFKC), no whitespace of any width. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

const UNIT_WORDS = new Set(["亿元", "万元", "千元", "元", "人"]);
const CUMULATIVE_MONTHS = /(?:1|一)[-~—－至到](\d{1,2})月(?:份)?/;

/**
 * Splits a header such as "营业收入（万元）", "1-6月营业收入", "营业收入本年累计(千元)" or
 * "营业收入增速(%)" into the field name, its unit and what kind of value the column holds.
 */
export function normalizeHeader(header: string): NormalizedHeader {
  let text = normalizeText(header);
  let unit: NormalizedHeader["unit"];
  for (const group of text.matchAll(/[([]([^)\]]*)[)\]]/g)) {
    const inner = (group[1] ?? "").replace(/^单位:?/, "");
    if (UNIT_WORDS.has(inner)) {
      unit = inner as NormalizedHeader["unit"];
      text = text.replace(group[0], "");
      break;
    }
  }
  if (!unit) {
    const suffix = /\/(亿元|万元|千元|元|人)$/.exec(text);
    if (suffix) {
      unit = suffix[1] as NormalizedHeader["unit"];
      text = text.slice(0, suffix.index);
    }
  }
  let qualifier: HeaderQualifier = { kind: "plain" };
  if (/增速|增长|增幅|同比|%|±/.test(text)) {
    qualifier = { kind: "growth" };
  } else if (/上年同期|去年同期|同期/.test(text)) {
    qualifier = { kind: "previousYear" };
  } else {
    const months = CUMULATIVE_MONTHS.exec(text);
    if (months) {
      qualifier = { kind: "cumulative", throughMonth: Number(months[1]) };
      text = text.replace(months[0], "");
    } else if (/本年累计|累计数|累计/.test(text)) {
      qualifier = { kind: "cumulative" };
    } else if (/本月|当月|本期/.test(text)) {
      qualifier = { kind: "plain", own: true };
    }
  }
  const base = text
    .replace(/[([][^)\]]*[)\]]/g, "")
    .replace(/本年累计|累计数|累计|上年同期|去年同期|同期|增速|增长率|增长|增幅|同比|本月|当月|本期/g, "")
    .replace(/[*:：、_\-·.%±]/g, "");
  return { base, ...(unit ? { unit } : {}), qualifier };
}

const aliasIndex = new Map<ImportKind, Map<string, FieldDefinition>>();

/** The field a header names for this kind of import, or undefined when it is not one we know. */
export function matchField(kind: ImportKind, base: string): FieldDefinition | undefined {
  let index = aliasIndex.get(kind);
  if (!index) {
    index = new Map();
    for (const field of FIELDS[kind]) {
      for (const name of [field.label, ...field.aliases]) {
        const key = normalizeHeader(name).base;
        if (!index.has(key)) index.set(key, field);
      }
    }
    aliasIndex.set(kind, index);
  }
  return base === "" ? undefined : index.get(base);
}

/** Lookups for the register's coded columns (Chinese label → stored value); chains are the plan's. */
export const SCALE_STATUS_LABELS: Record<string, "above" | "reserve" | "other"> = {
  规上: "above",
  规模以上: "above",
  规上企业: "above",
  是: "above",
  后备: "reserve",
  后备库: "reserve",
  规上后备: "reserve",
  后备企业: "reserve",
  其他: "other",
  其它: "other",
  规下: "other",
  规模以下: "other",
  否: "other",
};

export const LISTING_STAGE_LABELS: Record<string, string> = {
  挂牌展示: "display",
  股改: "shareholding",
  股份制改造: "shareholding",
  新三板: "neeq",
  新三板挂牌: "neeq",
  境内上市: "domestic",
  境外上市: "overseas",
};

export const YES_NO_LABELS: Record<string, boolean> = {
  是: true,
  否: false,
  Y: true,
  N: false,
  YES: true,
  NO: false,
  "√": true,
  "✓": true,
  "×": false,
  "1": true,
  "0": false,
  重点: true,
  TRUE: true,
  FALSE: false,
};
