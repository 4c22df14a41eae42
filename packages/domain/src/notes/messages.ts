/**
 * The notes beside the targets and forecasts (missing data, defaults the models fell back on) and the method of
 * the reward budget forecast, as messages: a key and its parameters, rendered in Chinese or English where shown.
 * Each result keeps the Chinese text of its notes (`notes`) beside the messages (`noteMessages`), so a reader that
 * knows no key (an export, an older page) still reads them. Enterprise names are parameters and stay as they are.
 */
import { amountEn, type Fen, formatExactForDisplay } from "../money";
import { projectStageLabel } from "../projects/lifecycle";

export type NoteLanguage = "zh-CN" | "en";

/** A parameter's value: a number, a text (an amount is its fen as a decimal string) or a list of names. */
export type NoteParam = string | number | readonly string[];
export type NoteParams = Record<string, NoteParam>;

type Renderer<P> = (params: P) => string;

interface Definition<P> {
  "zh-CN": Renderer<P>;
  en: Renderer<P>;
}

const define = <P extends NoteParams>(definition: Definition<P>): Definition<P> => definition;

const amountOf = (value: string): Fen => (/^-?\d+$/.test(value) ? BigInt(value) : 0n);
const names = (value: readonly string[] | string, separator: string): string =>
  Array.isArray(value) ? value.join(separator) : String(value);
const plural = (count: number, one: string, other: string): string => (count === 1 ? one : other);

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const STAGES_EN: Record<string, string> = {
  planning: "planning",
  negotiation: "negotiation",
  signed: "signed",
  construction: "construction",
  production: "production",
};
/** A drill-down's filter (chain, town) after its title: in full-width parentheses in Chinese, in plain ones in English. */
const filterZh = (filter: string): string => (filter ? `（${filter}）` : "");
const filterEn = (filter: string): string => (filter ? ` (${filter})` : "");

const NOTES = {
  "target.baselineCurrentOnly": define<{ metric: string; metricEn: string; year: number }>({
    "zh-CN": (p) => `${p.metric}：所据清单只记录当前状态，没有${p.year}年基期值，按当前清单对照目标`,
    en: (p) =>
      `${p.metricEn}: the register it is read from keeps only the current state, with no ${p.year} baseline; the target is compared with the register as it is now`,
  }),
  "target.baselineMissing": define<{ year: number }>({
    "zh-CN": (p) => `缺少基期（${p.year}年）数据`,
    en: (p) => `No data for the baseline year (${p.year})`,
  }),
  "target.baselineMissingEnterprises": define<{ count: number; names: readonly string[] }>({
    "zh-CN": (p) => `基期缺少 ${p.count} 家企业的数据：${names(p.names, "、")}`,
    en: (p) =>
      `The baseline lacks the data of ${p.count} ${plural(p.count, "enterprise", "enterprises")}: ${names(p.names, ", ")}`,
  }),
  "target.yearIncomplete": define<{ year: number }>({
    "zh-CN": (p) => `${p.year}年数据不全，实际值为已报数之和`,
    en: (p) => `The ${p.year} data are incomplete; the actual value is the sum of the figures reported`,
  }),
  "target.yearMissingEnterprises": define<{ year: number; count: number; names: readonly string[] }>({
    "zh-CN": (p) => `${p.year}年缺少 ${p.count} 家企业的数据：${names(p.names, "、")}`,
    en: (p) =>
      `${p.year} lacks the data of ${p.count} ${plural(p.count, "enterprise", "enterprises")}: ${names(p.names, ", ")}`,
  }),
  "targets.listingWithoutDate": define<{ count: number }>({
    "zh-CN": (p) => `${p.count} 家企业登记了挂牌上市阶段但没有记录达到该阶段的日期，未计入挂牌上市目标`,
    en: (p) =>
      `${p.count} ${plural(p.count, "enterprise has", "enterprises have")} a listing stage registered without the date ${plural(p.count, "it", "they")} reached it, and ${plural(p.count, "is", "are")} not counted towards the listing target`,
  }),
  "forecast.missingRevenue": define<{ year: number; count: number }>({
    "zh-CN": (p) => `${p.year}年有 ${p.count} 家规上企业缺少年度营业收入，按零计`,
    en: (p) =>
      `In ${p.year}, ${p.count} above-scale ${plural(p.count, "enterprise lacks its", "enterprises lack their")} annual revenue, counted as zero`,
  }),
  "forecast.carriedForward": define<{ amount: string }>({
    "zh-CN": (p) => `部分规上企业缺少本年月度数据，按上年营业收入计入 ${formatExactForDisplay(amountOf(p.amount))}`,
    en: (p) =>
      `Some above-scale enterprises lack this year's monthly figures; their revenue of last year is counted instead, ${amountEn(amountOf(p.amount))}`,
  }),
  "forecast.monthsPriorSpread": define<Record<string, never>>({
    "zh-CN": () => "往年月度数据不足两年，区间采用默认离散度",
    en: () => "Fewer than two past years of monthly figures; the interval uses the default spread",
  }),
  "forecast.noRevenue": define<Record<string, never>>({
    "zh-CN": () => "没有可用的规上企业营业收入数据",
    en: () => "No revenue figures of above-scale enterprises to forecast from",
  }),
  "forecast.trendPriorSpread": define<{ sd: number }>({
    "zh-CN": (p) => `年度增速不足两年，趋势离散度采用默认值 ${p.sd}`,
    en: (p) => `Fewer than two yearly growth rates; the trend's spread uses the default value ${p.sd}`,
  }),
  "forecast.noGrowthRates": define<Record<string, never>>({
    "zh-CN": () => "没有年度增速数据，趋势按零增长",
    en: () => "No yearly growth rates; the trend assumes no growth",
  }),
  "forecast.aboveScale.priorSpread": define<Record<string, never>>({
    "zh-CN": () => "历史年度数据不足，增速离散度部分采用默认值",
    en: () => "Too few past years of data; the spread of growth partly uses default values",
  }),
  "forecast.aboveScale.monthlyAverage": define<Record<string, never>>({
    "zh-CN": () => "往年月度数据不足，本年全年营业收入按月均推算，离散度采用默认值",
    en: () =>
      "Too few past monthly figures; this year's revenue is extrapolated from the monthly average, with the default spread",
  }),
  "forecast.aboveScale.noBaselineDirectory": define<{ year: number }>({
    "zh-CN": (p) => `缺少基期（${p.year}年）规上企业名录`,
    en: (p) => `No directory of above-scale enterprises for the baseline year (${p.year})`,
  }),
  "forecast.aboveScale.newEnterprisesExcluded": define<Record<string, never>>({
    "zh-CN": () => "未计入尚未登记的新企业（如新引进项目投产后入规）",
    en: () =>
      "New enterprises not yet registered are not counted (such as a newly introduced project that enters the directory once it produces)",
  }),
  "forecast.aboveScale.deadlineDirectoryKnown": define<Record<string, never>>({
    "zh-CN": () => "截止年名录已知",
    en: () => "The deadline year's directory is known",
  }),
  "forecast.aboveScale.decidingRevenueKnown": define<{ year: number }>({
    "zh-CN": (p) => `${p.year}年营业收入已知`,
    en: (p) => `The ${p.year} revenue is known`,
  }),
  "forecast.aboveScale.noRevenueStays": define<Record<string, never>>({
    "zh-CN": () => "无营业收入数据，假定保持规上",
    en: () => "No revenue figures; assumed to stay above scale",
  }),
  "forecast.aboveScale.noRevenueEnterprise": define<Record<string, never>>({
    "zh-CN": () => "无营业收入数据",
    en: () => "No revenue figures",
  }),
  // The records behind a figure or a target (drill-down): titles, notes, statuses and items.
  "records.aboveScaleRevenue": define<{ year: number; filter: string; filterEn: string }>({
    "zh-CN": (p) => `${p.year}年规上工业企业营业收入${filterZh(p.filter)}`,
    en: (p) => `Revenue of above-scale industrial enterprises, ${p.year}${filterEn(p.filterEn)}`,
  }),
  "records.aboveScaleCount": define<{ year: number; filter: string; filterEn: string }>({
    "zh-CN": (p) => `${p.year}年规上工业企业${filterZh(p.filter)}`,
    en: (p) => `Above-scale industrial enterprises, ${p.year}${filterEn(p.filterEn)}`,
  }),
  "records.noDirectory": define<Record<string, never>>({
    "zh-CN": () => "无规上企业名录",
    en: () => "No directory of above-scale enterprises",
  }),
  "records.monthRevenue": define<{ year: number; month: number; filter: string; filterEn: string }>({
    "zh-CN": (p) => `${p.year}年${p.month}月规上工业企业营业收入${filterZh(p.filter)}`,
    en: (p) =>
      `Revenue of above-scale industrial enterprises, ${MONTHS_EN[p.month - 1] ?? p.month} ${p.year}${filterEn(p.filterEn)}`,
  }),
  "records.periodRevenue": define<{ year: number; month: number; filter: string; filterEn: string }>({
    "zh-CN": (p) =>
      `${p.month >= 12 ? `${p.year}年` : `${p.year}年1—${p.month}月`}规上工业企业营业收入${filterZh(p.filter)}`,
    en: (p) =>
      `Revenue of above-scale industrial enterprises, ${p.month >= 12 ? `${p.year}` : `January–${MONTHS_EN[p.month - 1] ?? p.month} ${p.year}`}${filterEn(p.filterEn)}`,
  }),
  "records.directoryScope": define<{ year: number }>({
    "zh-CN": (p) => `企业范围：${p.year}年规上企业名录；上年同期为同一批企业`,
    en: (p) =>
      `Enterprises: the ${p.year} directory of above-scale enterprises; the same period last year is of the same enterprises`,
  }),
  "records.projectsAll": define<Record<string, never>>({
    "zh-CN": () => "全部项目",
    en: () => "All projects",
  }),
  "records.projectsInStage": define<{ stage: string }>({
    "zh-CN": (p) => `项目（${projectStageLabel(p.stage)}）`,
    en: (p) => `Projects (${STAGES_EN[p.stage] ?? p.stage})`,
  }),
  "records.reserve": define<{ directoryYear: number | string; lastYear: number }>({
    "zh-CN": (p) => `规上企业后备库（${p.directoryYear}年名录，营业收入为${p.lastYear}年）`,
    en: (p) => `Reserve pool of above-scale enterprises (${p.directoryYear} directory, revenue of ${p.lastYear})`,
  }),
  "records.target": define<{ name: string; nameEn: string; year: number }>({
    "zh-CN": (p) => `${p.name}：${p.year}年`,
    en: (p) => `${p.nameEn}: ${p.year}`,
  }),
  "records.missingRevenue": define<{ name: string; year: number }>({
    "zh-CN": (p) => `${p.name} 缺少${p.year}年营业收入，按零计`,
    en: (p) => `${p.name} lacks its ${p.year} revenue, counted as zero`,
  }),
  "records.noDataForYear": define<Record<string, never>>({
    "zh-CN": () => "该年没有数据",
    en: () => "No data for the year",
  }),
  "records.netIncrease": define<Record<string, never>>({
    "zh-CN": () => "+1 为新增入规，−1 为退规；合计即净增",
    en: () => "+1 is an enterprise entering the directory, −1 one leaving it; the total is the net increase",
  }),
  "records.ratio": define<{ numerator: string; denominator: string }>({
    "zh-CN": (p) => `分子 ${p.numerator}，分母 ${p.denominator}`,
    en: (p) => `Numerator ${p.numerator}, denominator ${p.denominator}`,
  }),
  "records.status.entered": define<{ year: number }>({
    "zh-CN": (p) => `${p.year}年新增入规`,
    en: (p) => `Entered in ${p.year}`,
  }),
  "records.status.exited": define<{ year: number }>({
    "zh-CN": (p) => `${p.year}年退规`,
    en: (p) => `Left in ${p.year}`,
  }),
  "records.status.listed": define<{ year: number }>({
    "zh-CN": (p) => `${p.year}年`,
    en: (p) => `${p.year}`,
  }),
  "records.item.manufacturingInvestment": define<Record<string, never>>({
    "zh-CN": () => "制造业投资（元）",
    en: () => "Manufacturing investment (yuan)",
  }),
  "records.item.fixedAssetInvestment": define<Record<string, never>>({
    "zh-CN": () => "全社会固定资产投资（元）",
    en: () => "Fixed-asset investment, whole district (yuan)",
  }),
  "records.item.online": define<Record<string, never>>({
    "zh-CN": () => "网上可办",
    en: () => "Online",
  }),
  "records.item.notOnline": define<Record<string, never>>({
    "zh-CN": () => "未实现网上办理",
    en: () => "Not online",
  }),
  "records.item.keyEnterprise": define<{ name: string }>({
    "zh-CN": (p) => `重点企业：${p.name}`,
    en: (p) => `Key enterprise: ${p.name}`,
  }),
  "records.item.keyProject": define<{ name: string }>({
    "zh-CN": (p) => `重点项目：${p.name}`,
    en: (p) => `Key project: ${p.name}`,
  }),
  "records.item.leaderAssigned": define<Record<string, never>>({
    "zh-CN": () => "已挂点帮扶",
    en: () => "Leader assigned",
  }),
  "records.item.noLeader": define<Record<string, never>>({
    "zh-CN": () => "未安排挂点领导",
    en: () => "No leader assigned",
  }),
  "rewards.budgetMethod": define<{ threshold: string }>({
    "zh-CN": (p) =>
      "按各企业近三年营业收入、入库税收同比增速的平均值（限定在 −20% 至 +30%）外推未来年度数据，" +
      `以方案规模以上标准（${formatExactForDisplay(amountOf(p.threshold))}）判断是否规上，在建项目按次年投产计，` +
      "再用奖励规则计算各年奖励；项目扶持资金、技术改造和上市挂牌不作预测。方案期后的年度按政策延续测算。",
    en: (p) =>
      "Each enterprise's revenue and tax paid are extrapolated at the mean of its last three year-on-year growth rates " +
      `(bounded to −20% … +30%); whether it is above scale follows the plan's threshold (${amountEn(amountOf(p.threshold))}); ` +
      "projects under construction are taken to go into production the next year; the reward rules then give each year's rewards. " +
      "Project support funds, technical transformation and listings are not forecast. Years after the plan's period assume the policy continues.",
  }),
} as const;

type Notes = typeof NOTES;
export type NoteMessageKey = keyof Notes;
type ParamsOf<K extends NoteMessageKey> = Notes[K] extends Definition<infer P> ? P : never;

/** A note as a message: its key and parameters. */
export type NoteMessage = { [K in NoteMessageKey]: { key: K; params: ParamsOf<K> } }[NoteMessageKey];

export function isNoteMessageKey(key: string): key is NoteMessageKey {
  return Object.hasOwn(NOTES, key);
}

/** Builds a message, its parameters checked against its key. */
export function noteMessage<K extends NoteMessageKey>(key: K, params: ParamsOf<K>): NoteMessage {
  return { key, params } as NoteMessage;
}

/** A message's text in a language; undefined for a key this version does not know. */
export function renderNote(message: { key: string; params: NoteParams }, language: NoteLanguage): string | undefined {
  if (!isNoteMessageKey(message.key)) return undefined;
  const renderer = NOTES[message.key][language] as Renderer<NoteParams>;
  return renderer(message.params);
}

/** Collects notes: each message, and its Chinese text beside it. */
export class NoteList {
  readonly notes: string[] = [];
  readonly messages: NoteMessage[] = [];

  add<K extends NoteMessageKey>(key: K, params: ParamsOf<K>): void {
    const message = noteMessage(key, params);
    this.messages.push(message);
    this.notes.push(renderNote(message, "zh-CN") as string);
  }
}

/**
 * The texts of notes in a language: rendered from the messages when every one is known and they match the
 * notes one for one, else the stored (Chinese) notes.
 */
export function noteTexts(
  notes: readonly string[],
  messages: readonly { key: string; params: NoteParams }[] | undefined,
  language: NoteLanguage,
): string[] {
  if (!messages || messages.length !== notes.length) return [...notes];
  const texts = messages.map((message) => renderNote(message, language));
  return texts.every((text) => text !== undefined) ? (texts as string[]) : [...notes];
}
