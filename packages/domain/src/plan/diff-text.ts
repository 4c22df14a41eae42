/**
 * A plan difference in words, Chinese or English, as the command line prints it and the web shows it:
 * sections and fields by name, amounts in 万元, rates as percentages, lists joined. Zod-free.
 */
import { amountEn, amountZh, parseYuan } from "../money";
import type { PlanDiff, PlanDiffSection, PlanEntryChange, PlanFieldChange } from "./diff";

export type DiffLanguage = "zh" | "en";

export const PLAN_DIFF_SECTION_LABELS: Record<PlanDiffSection, { zh: string; en: string }> = {
  plan: { zh: "方案信息", en: "Plan details" },
  documents: { zh: "配套文件", en: "Further documents" },
  clauses: { zh: "条款", en: "Clauses" },
  units: { zh: "单位", en: "Units" },
  chains: { zh: "产业链", en: "Industry chains" },
  groups: { zh: "行动分组", en: "Action groups" },
  targets: { zh: "目标", en: "Targets" },
  measures: { zh: "工作举措", en: "Measures" },
  parameters: { zh: "参数", en: "Parameters" },
  rewards: { zh: "奖励条款", en: "Rewards" },
  requestCategories: { zh: "诉求类别", en: "Request categories" },
  assessment: { zh: "年终考核", en: "Year-end assessment" },
  awardWorkflow: { zh: "奖励兑现流程", en: "Award workflow" },
  fund: { zh: "资金保障", en: "Fund" },
};

/** Names of the plan format's fields a revision commonly changes; other fields keep their path. */
const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  name: { zh: "名称", en: "name" },
  nameEn: { zh: "英文名称", en: "English name" },
  title: { zh: "标题", en: "title" },
  titleEn: { zh: "英文标题", en: "English title" },
  text: { zh: "原文", en: "text" },
  kind: { zh: "类型", en: "kind" },
  duties: { zh: "职责", en: "duties" },
  editable: { zh: "可由办公室修改", en: "editable by the office" },
  aliases: { zh: "别名", en: "other names" },
  amount: { zh: "金额", en: "amount" },
  threshold: { zh: "门槛", en: "threshold" },
  minInvestment: { zh: "投资门槛", en: "minimum investment" },
  rate: { zh: "比例", en: "rate" },
  value: { zh: "数值", en: "value" },
  deadline: { zh: "期限", en: "deadline" },
  quote: { zh: "引文", en: "quotation" },
  lead: { zh: "牵头单位", en: "lead units" },
  responsible: { zh: "责任单位", en: "responsible units" },
  limitDays: { zh: "办理时限（天）", en: "time limit (days)" },
  units: { zh: "承办单位", en: "answering units" },
  weight: { zh: "权重", en: "weight" },
  aboveScaleThreshold: { zh: "规上门槛", en: "above-scale threshold" },
  industryCodes: { zh: "行业代码", en: "industry codes" },
  tiers: { zh: "档次", en: "tier" },
  yearly: { zh: "年度节点", en: "yearly milestone" },
  period: { zh: "方案期", en: "period" },
  document: { zh: "文件", en: "document" },
  number: { zh: "文号", en: "number" },
  issued: { zh: "印发日期", en: "issued" },
  signed: { zh: "成文日期", en: "signed" },
  revised: { zh: "修订日期", en: "revised" },
  issuers: { zh: "发文机关", en: "issuers" },
};

const CHANGE_WORDS = {
  added: { zh: "新增", en: "added" },
  removed: { zh: "删除", en: "removed" },
  changed: { zh: "修改", en: "changed" },
} as const;

/** "单位 新增 南湖街道（nanhu-subdistrict）" and, for a change, one line per field. */
export function describePlanChange(change: PlanEntryChange, language: DiffLanguage): string[] {
  const section = PLAN_DIFF_SECTION_LABELS[change.section][language];
  const what = change.name ? `${change.name}${change.id ? `（${change.id}）` : ""}` : (change.id ?? "");
  const head = `${section} ${CHANGE_WORDS[change.change][language]}${what ? ` ${what}` : ""}`;
  return [head, ...change.fields.map((field) => `  ${describeField(field, language)}`)];
}

/** Every change of a difference, in words; one line when there is none. */
export function describePlanDiff(diff: PlanDiff, language: DiffLanguage): string[] {
  if (diff.changes.length === 0)
    return [language === "zh" ? "与当前版本相同，没有变化" : "No change from the current version"];
  return diff.changes.flatMap((change) => describePlanChange(change, language));
}

export function describeField(field: PlanFieldChange, language: DiffLanguage): string {
  const arrow = language === "zh" ? "：" : ": ";
  return `${fieldLabel(field.path, language)}${arrow}${describeValue(field.before, field, language)} → ${describeValue(field.after, field, language)}`;
}

/** `tiers[1].amount` → "档次 2 金额" / "tier 2 amount". */
export function fieldLabel(path: string, language: DiffLanguage): string {
  return path
    .split(".")
    .map((part) => {
      const match = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(part);
      if (!match) return part;
      const [, key = "", index] = match;
      const label = FIELD_LABELS[key]?.[language] ?? key;
      return index === undefined ? label : `${label} ${Number(index) + 1}`;
    })
    .join(" ");
}

export function describeValue(value: unknown, field: Pick<PlanFieldChange, "kind">, language: DiffLanguage): string {
  if (value === undefined) return language === "zh" ? "（无）" : "(none)";
  if (field.kind === "yuan" && typeof value === "string" && /^\d+(\.\d{1,2})?$/.test(value)) {
    const fen = parseYuan(value);
    return language === "zh" ? amountZh(fen) : amountEn(fen);
  }
  if (field.kind === "rate" && typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) {
    return `${percentOf(value)}%`;
  }
  if (typeof value === "boolean") return language === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (Array.isArray(value)) {
    if (value.length === 0) return language === "zh" ? "（空）" : "(empty)";
    return value
      .map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item)))
      .join(language === "zh" ? "、" : ", ");
  }
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

/** "0.05" → "5", exactly, without binary floating point. */
function percentOf(rate: string): string {
  const [whole = "0", fraction = ""] = rate.split(".");
  const digits = `${whole}${fraction.padEnd(2, "0")}`;
  const integer = digits.slice(0, whole.length + 2).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(whole.length + 2).replace(/0+$/, "");
  return rest ? `${integer}.${rest}` : integer;
}
