/**
 * The drafter on real reward measures of other places (fixtures/corpus, docs/plan-drafting.md): for each document,
 * what a careful reader finds in it — its clauses, the units its notes name, its targets, the sentences that
 * promise money and what each pays — against what the drafter found. The counts are the ones the docs report.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../load";
import { type DraftMoneySentence, draftPlan } from "./draft-plan";
import type { MoneyShape } from "./figures";
import { fillMarks } from "./fixtures/fill-marks";

interface Expected {
  /** How each clause's text begins. */
  clauses: string[];
  units: string[];
  /** How each target's words begin. */
  targets: string[];
  /** Each money sentence: words of it, and the amounts (yuan) or rates it pays, [] when a person decides. */
  money: { starts: string; pays: string[] }[];
}

/** Read by hand from each text. */
const EXPECTED: Record<string, Expected> = {
  "01-呼和浩特市": {
    clauses: ["(一)支持先进制造业产业集群发展", "(二)支持工业企业能级提升", "(三)支持企业增强核心竞争力"],
    units: [],
    targets: [],
    money: [
      { starts: "培育“六大产业集群”", pays: ["0.3"] },
      { starts: "对新获得各类国家级", pays: [] },
      // 60万元, paid 10万, 20万 and 30万 over three years.
      { starts: "对首次纳入规模以上工业统计", pays: ["600000"] },
      { starts: "对工业企业新增产值", pays: ["500000", "1000000", "2000000", "3000000"] },
      { starts: "对新认定的国家级、自治区级", pays: ["8000000", "3000000"] },
      { starts: "对新认定的自治区技术创新示范企业", pays: ["500000"] },
    ],
  },
  "02-嵊州市": {
    clauses: ["(一)深入推进数字经济系统建设", "(二)加快推进数字产业化", "(三)全力推进产业数字化"],
    units: ["市经信局"],
    targets: [],
    money: [
      { starts: "推进未来工厂建设", pays: ["1000000", "300000", "200000", "150000", "100000"] },
      { starts: "做强做大数字核心企业", pays: ["200000", "100000"] },
      { starts: "鼓励软件企业壮大", pays: ["100000", "200000", "500000", "1000000"] },
      { starts: "当年认定为省级首版次软件", pays: ["500000"] },
      { starts: "推进两化融合纵深发展", pays: ["300000", "200000"] },
    ],
  },
  "03-西充县": {
    clauses: ["1.支持小微企业加快成长", "2.支持中小企业做大做强", "3.支持高端装备制造业发展"],
    units: [],
    targets: [],
    money: [
      { starts: "对首次纳入规上统计", pays: ["300000", "350000"] },
      { starts: "为规范经济运行", pays: ["20000"] },
      { starts: "对工业企业年主营业务收入", pays: ["10000", "20000", "40000", "100000", "200000"] },
    ],
  },
  "04-汉寿县": {
    clauses: ["全县规模工业企业和企业相关人员", "(一)产值增量奖", "(二)税收贡献奖"],
    units: ["县工信局"],
    targets: [],
    money: [
      // 5万元 from 1亿元 of growth, 0.5万元 more for each further 1000万元, at most 50万元.
      { starts: "全县规模工业企业本年度产值", pays: ["50000", "5000"] },
      { starts: "全县规模工业企业本年度净入库税收", pays: ["10000", "1000"] },
    ],
  },
  "05-海沧区": {
    clauses: [
      "(一)对企业2019年",
      "(二)对企业2019年",
      "(三)对企业2019年",
      "(四)对企业2019年",
      "(五)每家企业",
      "(六)根据厦海政",
    ],
    units: [],
    targets: [],
    money: [
      // Each band's condition is one sentence and its rates the next.
      { starts: "(一)对企业2019年", pays: [] },
      { starts: "其中,60%(含)以下", pays: ["0.01", "0.012"] },
      { starts: "(二)对企业2019年", pays: [] },
      { starts: "其中,40%(含)以下", pays: ["0.01", "0.012"] },
      { starts: "(三)对企业2019年", pays: [] },
      { starts: "其中,30%(含)以下", pays: ["0.01", "0.012"] },
      { starts: "(四)对企业2019年", pays: [] },
      { starts: "其中,20%(含)以下", pays: ["0.01", "0.012"] },
      { starts: "(五)每家企业该项奖励最高为1000万元", pays: [] },
    ],
  },
  "06-沂水县": {
    clauses: ["答:《沂水县人民政府", "对项目设备实际投资", "支持企业推广应用工业机器人", "优先支持县级标杆项目"],
    units: [],
    targets: [],
    money: [
      { starts: "对项目设备实际投资", pays: ["0.015", "0.018", "0.02"] },
      { starts: "支持企业推广应用工业机器人", pays: ["0.015"] },
      { starts: "每年从当年度实际完成投资", pays: ["500000"] },
      { starts: "对入围的", pays: [] },
    ],
  },
  "08-兰州市": {
    clauses: ["在创新奖励方面", "同时,对上年度主营业务收入", "此外,兰州还鼓励"],
    units: [],
    targets: [],
    money: [
      { starts: "在创新奖励方面", pays: ["50000"] },
      { starts: "如第二年仍在名录库", pays: ["50000"] },
      { starts: "如第三年仍在名录库", pays: ["50000"] },
      { starts: "同时,对上年度主营业务收入", pays: ["0.005"] },
      { starts: "制造业企业使用或供应", pays: ["0.01"] },
    ],
  },
};

/** What a drafted rule pays, as the sentence's shape reads it. */
function paysOf(shape: MoneyShape): string[] {
  switch (shape.kind) {
    case "amount":
      return [shape.amount];
    case "tiers":
      return shape.steps.map((step) => step.amount ?? step.rate ?? "");
    case "growth":
      return shape.steps.map((step) => step.amount);
    case "categories":
      return shape.amounts;
    case "percent":
      return shape.rates;
    case "caseByCase":
      return [];
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The counts one line of the docs' table reports. */
function measure(name: string) {
  const text = readFileSync(new URL(`fixtures/corpus/${name}.txt`, import.meta.url), "utf8");
  const expected = EXPECTED[name] as Expected;
  const draft = draftPlan(text);
  const clauses = expected.clauses.filter((start) => {
    const found = draft.clauses.filter((clause) => clause.text.startsWith(start));
    // One clause each: a clause that swallowed the next one is not right.
    return (
      found.length === 1 && !expected.clauses.some((other) => other !== start && found[0]?.text.includes(`\n${other}`))
    );
  }).length;
  const units = expected.units.filter((name) => draft.units.some((unit) => unit.name === name)).length;
  const targets = expected.targets.filter((start) =>
    draft.targets.some((target) => target.quote.startsWith(start)),
  ).length;
  const sentenceOf = (words: string): DraftMoneySentence | undefined =>
    draft.money.find((money) => money.quote.includes(words));
  const found = expected.money.filter((money) => sentenceOf(money.starts) !== undefined);
  const figures = expected.money.filter((money) => {
    const sentence = sentenceOf(money.starts);
    return sentence !== undefined && sameSet(paysOf(sentence.shape), money.pays);
  });
  return {
    clauses: [clauses, expected.clauses.length, draft.clauses.length],
    units: [units, expected.units.length, draft.units.length],
    targets: [targets, expected.targets.length, draft.targets.length],
    money: [found.length, expected.money.length, draft.money.length],
    figures: [figures.length, expected.money.length],
  };
}

describe("the drafter on real measures of other places", () => {
  // [right, in the document, drafted]; figures: [read as the sentence pays, money sentences in the document].
  it.each([
    ["01-呼和浩特市", { clauses: [3, 3, 3], units: [0, 0, 0], targets: [0, 0, 0], money: [6, 6, 6], figures: [6, 6] }],
    ["02-嵊州市", { clauses: [3, 3, 3], units: [1, 1, 1], targets: [0, 0, 0], money: [5, 5, 5], figures: [5, 5] }],
    ["03-西充县", { clauses: [3, 3, 3], units: [0, 0, 0], targets: [0, 0, 0], money: [3, 3, 3], figures: [3, 3] }],
    ["04-汉寿县", { clauses: [3, 3, 3], units: [1, 1, 1], targets: [0, 0, 0], money: [2, 2, 2], figures: [0, 2] }],
    ["05-海沧区", { clauses: [6, 6, 6], units: [0, 0, 0], targets: [0, 0, 0], money: [9, 9, 9], figures: [9, 9] }],
    ["06-沂水县", { clauses: [4, 4, 4], units: [0, 0, 0], targets: [0, 0, 0], money: [4, 4, 4], figures: [4, 4] }],
    ["08-兰州市", { clauses: [3, 3, 3], units: [0, 0, 0], targets: [0, 0, 0], money: [5, 5, 5], figures: [5, 5] }],
  ])("%s", (name, counts) => {
    expect(measure(name)).toEqual(counts);
  });
});

describe("a draft of each document", () => {
  it.each(Object.keys(EXPECTED))("%s loads once its marks are filled", (name) => {
    const text = readFileSync(new URL(`fixtures/corpus/${name}.txt`, import.meta.url), "utf8");
    const draft = draftPlan(text);
    expect(() => parsePlan(draft.yaml, `${name}.yaml`)).toThrow("尚未填写");
    expect(() => parsePlan(JSON.stringify(fillMarks(draft.plan)), `${name}.json`)).not.toThrow();
  });
});
