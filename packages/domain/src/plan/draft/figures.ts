/**
 * The figures of a clause's sentences: the amounts it promises (给予…万元奖励, 按…的 X%) and the targets it sets
 * (到 2023年，…突破 400亿元). Amounts are read exactly, as decimal strings of yuan; a rate as a decimal ("0.05").
 */
import { formatYuan, parseAmountInUnit } from "../../money";

export interface Amount {
  /** Decimal string of yuan. */
  yuan: string;
  /** Where it starts in the sentence, and what it reads as written (`100万元`). */
  at: number;
  written: string;
}

export interface Percent {
  /** Decimal share: 5% → "0.05". */
  rate: string;
  at: number;
  written: string;
}

const AMOUNT = /(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿|万)(?![\d])/g;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/g;
/** A verb that promises money, not the name of a fund (奖补专项资金, 奖励资金). */
const PROMISE = /(给予|奖励|补助|奖补|补贴|贴息|资助)(?!专项资金|资金)/;
const CASE_BY_CASE = /一事一议|一企一策|一事一策|一项一议|另行研究/;
/** A cap: 最高不超过 50万元, 最高给予100万元, 每年不超过100万元, 最高为1000万元. */
const CAP = /(最高|不超过|上限)[^，,。；;\d]{0,8}(\d+(?:\.\d+)?)\s*(亿元|万元|元)/g;

const YUAN_PER: Record<string, bigint> = { 亿元: 100_000_000n, 亿: 100_000_000n, 万元: 10_000n, 万: 10_000n, 元: 1n };

/** "3" 万元 → "30000"; exact. */
export function yuanOf(number: string, unit: string): string {
  return formatYuan(parseAmountInUnit(number, YUAN_PER[unit] ?? 1n));
}

/** "5" → "0.05", exact. */
export function rateOfPercent(number: string): string {
  const [whole = "0", fraction = ""] = number.split(".");
  const digits = `${whole.padStart(3, "0")}${fraction}`;
  const point = digits.length - fraction.length - 2;
  const text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return text.replace(/^0+(?=\d)/, "").replace(/\.?0+$/, "") || "0";
}

export function amountsIn(sentence: string): Amount[] {
  const found: Amount[] = [];
  for (const match of sentence.matchAll(AMOUNT)) {
    const unit = match[2] as string;
    // A bare 万/亿 counts only in a list of amounts (10万、20万、30万兑现), not in 万人 or 亿次.
    const after = sentence.slice(match.index + match[0].length) || "，";
    const before = sentence.slice(Math.max(0, match.index - 1), match.index);
    if ((unit === "万" || unit === "亿") && !/^[、，,；;元]/.test(after) && before !== "、") continue;
    found.push({ yuan: yuanOf(match[1] as string, unit), at: match.index, written: match[0] });
  }
  return found;
}

export function percentsIn(sentence: string): Percent[] {
  return [...sentence.matchAll(PERCENT)].map((match) => ({
    rate: rateOfPercent(match[1] as string),
    at: match.index,
    written: match[0],
  }));
}

/** The sentences of a clause's text, each verbatim with its closing mark (。；). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。；;！？\n])/)
    .map((sentence) => sentence.replace(/^\n+|\n+$/g, ""))
    .filter((sentence) => sentence.trim().length > 0);
}

/** A sentence promises money: a promise with an amount or a rate, or a promise decided case by case. */
export function promisesMoney(sentence: string): boolean {
  const promise = PROMISE.exec(sentence);
  if (!promise) return false;
  if (CASE_BY_CASE.test(sentence)) return true;
  return amountsIn(sentence).length > 0 || percentsIn(sentence).length > 0;
}

/** How a money sentence pays, read from where its amounts and rates stand against its promise. */
export type MoneyShape =
  | { kind: "amount"; amount: string }
  | { kind: "tiers"; compare: "gt" | "gte"; steps: { from: string; amount?: string; rate?: string }[] }
  | {
      kind: "growth";
      compare: "gt" | "gte";
      growthOf: "revenue" | "tax" | null;
      steps: { from: string; amount: string }[];
    }
  | { kind: "categories"; amounts: string[] }
  | { kind: "percent"; rates: string[] }
  | { kind: "caseByCase" };

export interface MoneySentence {
  quote: string;
  /** Every amount the sentence writes (thresholds, rewards, caps), in yuan, in its order. */
  amounts: string[];
  /** Every percentage it writes, as decimal rates. */
  rates: string[];
  shape: MoneyShape;
  cap?: string;
  firstTime: boolean;
  /** What the sentence says the award is for: its words before the promise. */
  condition: string;
}

/** Reads a sentence that promises money into the shape of a rule. */
export function readMoneySentence(sentence: string): MoneySentence {
  const amounts = amountsIn(sentence);
  const percents = percentsIn(sentence);
  const promiseAt = PROMISE.exec(sentence)?.index ?? sentence.length;
  const capSpans: { start: number; end: number; yuan: string }[] = [];
  for (const match of sentence.matchAll(CAP)) {
    capSpans.push({
      start: match.index,
      end: match.index + match[0].length,
      yuan: yuanOf(match[2] as string, match[3] as string),
    });
  }
  const inCap = (at: number) => capSpans.some((span) => at >= span.start && at < span.end);
  // The upper end of a range (500万元至1000万元) is the next band's lower end, not a band of its own.
  const upperEnd = (amount: Amount) =>
    /(?<!达)[至到~～-]\s*$/.test(sentence.slice(Math.max(0, amount.at - 3), amount.at));
  const thresholds = amounts.filter((amount) => amount.at < promiseAt && !inCap(amount.at) && !upperEnd(amount));
  const rewards = amounts.filter((amount) => amount.at > promiseAt && !inCap(amount.at));
  const growth = /增幅|增长|增速|同比/.test(sentence);
  const rateThresholds = percents.filter((percent) => percent.at < promiseAt && growth);
  // A rate is paid when its own part of the sentence says 按… or promises before it (给予扶持资金的 20%); a rate
  // before that (增幅超过 5%, 60%以上的增量部分按…) is a condition.
  const paidRates = percents.filter((percent) => {
    const part = /[^，,；;。]*$/.exec(sentence.slice(0, percent.at))?.[0] ?? "";
    return /按/.test(part) || PROMISE.test(part);
  });
  const compare: "gt" | "gte" = /突破|超过|以上\(不含\)|以上（不含）/.test(sentence) ? "gt" : "gte";
  const cap = capSpans[0]?.yuan;
  const byFrom = <T extends { from: string }>(steps: T[]) => [...steps].sort((a, b) => compareDecimals(a.from, b.from));

  let shape: MoneyShape = { kind: "caseByCase" };
  if (CASE_BY_CASE.test(sentence) && rewards.length === 0 && paidRates.length === 0) shape = { kind: "caseByCase" };
  else if (paidRates.length > 0 && rewards.length === 0) {
    if (thresholds.length === paidRates.length && thresholds.length > 1)
      shape = {
        kind: "tiers",
        compare,
        steps: byFrom(thresholds.map((threshold, i) => ({ from: threshold.yuan, rate: paidRates[i]?.rate as string }))),
      };
    else shape = { kind: "percent", rates: paidRates.map((percent) => percent.rate) };
  } else if (rewards.length > 0 && paidRates.length === 0) {
    if (rateThresholds.length === rewards.length && rewards.length > 0) {
      const growthOf = /营业收入|主营业务收入|销售收入/.test(sentence)
        ? "revenue"
        : /税收/.test(sentence)
          ? "tax"
          : null;
      shape = {
        kind: "growth",
        compare,
        growthOf,
        steps: byFrom(rateThresholds.map((percent, i) => ({ from: percent.rate, amount: rewards[i]?.yuan as string }))),
      };
    } else if (thresholds.length === rewards.length && rewards.length > 1)
      shape = {
        kind: "tiers",
        compare,
        steps: byFrom(thresholds.map((threshold, i) => ({ from: threshold.yuan, amount: rewards[i]?.yuan as string }))),
      };
    else if (rewards.length === 1) shape = { kind: "amount", amount: (rewards[0] as Amount).yuan };
    else if (/分[^，,。]{0,3}[年期次]/.test(sentence) && paidInInstalments(rewards))
      shape = { kind: "amount", amount: (rewards[0] as Amount).yuan };
    else if (thresholds.length === 0) shape = { kind: "categories", amounts: rewards.map((reward) => reward.yuan) };
  }
  const moneySentence: MoneySentence = {
    quote: sentence,
    amounts: amounts.map((amount) => amount.yuan),
    rates: percents.map((percent) => percent.rate),
    shape,
    firstTime: /首次/.test(sentence),
    condition: conditionWords(sentence.slice(0, promiseAt)),
  };
  if (cap !== undefined) moneySentence.cap = cap;
  return moneySentence;
}

/** 奖励60万元，分三年按10万、20万、30万兑现: one amount, then the instalments it is paid in. */
function paidInInstalments(rewards: readonly Amount[]): boolean {
  if (rewards.length < 3) return false;
  const [whole, ...parts] = rewards.map((reward) => parseAmountInUnit(reward.yuan, 1n));
  return parts.reduce((sum, part) => sum + part, 0n) === whole;
}

function conditionWords(text: string): string {
  const words = text
    .replace(/^\d{1,3}[.．、]|^[（(][一二三四五六七八九十]+[）)]/, "")
    .replace(/^[^。]*。/, (head) => (head.length < text.length ? "" : head))
    .replace(/^(同时|此外|另外)[，,]/, "")
    .replace(/^(对|凡|对于)/, "")
    .replace(/[，,]?\s*(一次性|分别|则依次|依次|则)\s*$/, "")
    .replace(/[，,的]+$/, "")
    .replace(/的企业$/, "企业")
    .trim();
  return words.length > 60 ? `${words.slice(0, 60)}…` : words || "符合条款条件";
}

function compareDecimals(a: string, b: string): number {
  const [aWhole = "0", aFraction = ""] = a.split(".");
  const [bWhole = "0", bFraction = ""] = b.split(".");
  const digits = Math.max(aFraction.length, bFraction.length);
  const left = BigInt(aWhole + aFraction.padEnd(digits, "0"));
  const right = BigInt(bWhole + bFraction.padEnd(digits, "0"));
  return left === right ? 0 : left < right ? -1 : 1;
}

// ---------------------------------------------------------------- targets

export interface TargetStatement {
  /** The words stating it, verbatim (a substring of the clause's text). */
  quote: string;
  value: string;
  unit: "yuan" | "count" | "share" | "mu" | "person" | "event";
  comparison: "gt" | "gte";
  /** The year it is due by, when the sentence says (到 2023年). */
  year?: number;
  aspiration: boolean;
  /** The metric the product computes that the words suggest, when one does. */
  metric?: string;
}

const TARGET_TRIGGER = /(到|至)\s*\d{4}\s*年|[三两五\d]\s*年内|每年|力争|目标/;
const QUANTITY = /(\d+(?:\.\d+)?)\s*(亿元|万元|元|家|户|个|项|%|％|亩|人|次)/g;
const MEASURE_OF: Record<string, TargetStatement["unit"]> = {
  亿元: "yuan",
  万元: "yuan",
  元: "yuan",
  家: "count",
  户: "count",
  个: "count",
  项: "count",
  "%": "share",
  "％": "share",
  亩: "mu",
  人: "person",
  次: "event",
};

function guessMetric(words: string, unit: TargetStatement["unit"]): string | undefined {
  const aboveScale = /规模以上|规上/.test(words);
  if (unit === "yuan" && aboveScale && /营业收入|主营业务收入/.test(words)) return "aboveScaleRevenue";
  if (unit === "count" && aboveScale && /净增|新增/.test(words)) return "aboveScaleNetIncrease";
  if (unit === "count" && aboveScale) return "aboveScaleCount";
  if (unit === "count" && /项目/.test(words) && /引进|引入|招引/.test(words)) return "introducedProjects";
  if (unit === "share" && /制造业投资/.test(words)) return "manufacturingInvestmentShare";
  if (unit === "count" && /挂牌|上市|股改/.test(words)) return "listingStageReached";
  if (unit === "share" && /网上可办|网办/.test(words)) return "onlineServiceShare";
  return undefined;
}

/** The targets a sentence sets, one per part that states a quantity (引入“50项目”1个，“20项目”6个 is two). */
export function targetsIn(sentence: string): TargetStatement[] {
  if (!TARGET_TRIGGER.test(sentence) || promisesMoney(sentence)) return [];
  // The clause's own heading (1.总量突破：) is not part of what it states.
  const body = sentence.replace(/^\d{1,3}[.．、][^：:。]{0,20}[：:]|^\d{1,3}[.．、][^。]{0,30}。/, "");
  const year = /(?:到|至)\s*(\d{4})\s*年/.exec(body);
  const parts = body.split(/(?<=[，,])/);
  const statements: TargetStatement[] = [];
  let carried = "";
  for (const rawPart of parts) {
    const part = `${carried}${rawPart}`.replace(/[，,。；;]+$/, "");
    const quantities = [...part.matchAll(QUANTITY)];
    const last = quantities.at(-1);
    if (!last || part.trim().length < 4) {
      // A part of its own with no quantity (到 2023年) introduces the next one.
      carried = /^\s*(到|至)\s*\d{4}\s*年\s*[，,]?$/.test(rawPart.replace(/[。；;]$/, ""))
        ? `${carried}${rawPart}`
        : "";
      continue;
    }
    carried = "";
    // A quantity that is a condition (2000万元以上工业项目) is not what the part counts.
    const unit = MEASURE_OF[last[2] as string] as TargetStatement["unit"];
    const number = last[1] as string;
    const value =
      unit === "share" ? rateOfPercent(number) : unit === "yuan" ? yuanOf(number, last[2] as string) : number;
    const quote = part.replace(/^[\s\n]+/, "");
    const statement: TargetStatement = {
      quote,
      value,
      unit,
      comparison: /突破|超过/.test(quote) ? "gt" : "gte",
      aspiration: /力争/.test(body.slice(0, body.indexOf(rawPart) + rawPart.length)),
    };
    if (year) statement.year = Number(year[1]);
    // A part may lean on its sentence for what it counts (引入“50项目”1个，“20项目”6个).
    const metric = guessMetric(quote, unit) ?? guessMetric(body, unit);
    if (metric) statement.metric = metric;
    statements.push(statement);
  }
  return statements;
}
