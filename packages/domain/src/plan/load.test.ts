/// <reference types="node" />
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type PlanIssue, PlanValidationError, parsePlan, validatePlan } from "./load";
import {
  chainForIndustryCode,
  clauseText,
  findMeasure,
  findRewardRule,
  findTarget,
  findUnit,
  findUnitByName,
  parameterValue,
  rewardRuleIds,
  townsAndStreets,
} from "./lookup";
import type { RewardRule } from "./schema";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const CHANGJIANG = "plans/changjiang-2021-2023/plan.yaml";
const TEST_DISTRICT = "plans/test-district-2024-2026/plan.yaml";
const readRepoFile = (path: string) => readFileSync(`${repoRoot}${path}`, "utf8");
const shippedText = readRepoFile(CHANGJIANG);
const changjiang = parsePlan(shippedText, CHANGJIANG).plan;
/**
 * The plan as its earlier versions were written, its rewards in the shorthand kinds (rewards.kinds.yaml):
 * the mistakes below are made in that text, each rule kind checked as the loader still reads it.
 */
const changjiangText = (() => {
  const kinds = readRepoFile("plans/changjiang-2021-2023/rewards.kinds.yaml");
  const start = shippedText.indexOf("\nrewards:\n") + 1;
  const end = shippedText.indexOf("\n\n", start) + 1;
  return `${shippedText.slice(0, start)}${kinds.slice(kinds.indexOf("rewards:\n"))}${shippedText.slice(end)}`;
})();

function rule(id: string): Extract<RewardRule, { kind: "formula" }> {
  const found = changjiang.rewards.find((candidate) => candidate.id === id);
  if (found?.kind !== "formula") throw new Error(`${id} is not a rule in the rule language`);
  return found;
}

describe("the Changjiang 2021–2023 plan file", () => {
  it("carries the document, district and period", () => {
    expect(changjiang.document).toEqual({
      number: "昌办字〔2021〕7号",
      issuers: ["中共昌江区委办公室", "昌江区人民政府办公室"],
      signed: "2021-07-07",
      issued: "2021-07-08",
    });
    expect(changjiang.district).toEqual({
      code: "360202",
      name: "昌江区",
      nameEn: "Changjiang District",
      city: "景德镇市",
      province: "江西省",
    });
    expect(changjiang.period).toEqual({ baselineYear: 2020, startYear: 2021, endYear: 2023 });
    expect(changjiang.aboveScaleThreshold).toBe("20000000");
  });

  it("holds every clause, with the issued text", () => {
    const ids = changjiang.clauses.map((clause) => clause.id);
    const expected = ["DIR", "G1", "G2", "G3", ...range(1, 13).map((n) => `M${n}`), "S14", "S15", "S16"];
    expect(ids).toEqual(expected);
    // The document as extracted from its PDF: lines broken anywhere, page breaks marked by a leading space.
    const documentText = readRepoFile("plans/changjiang-2021-2023/document.txt")
      .split("\n")
      .map((line) => line.trim())
      .join("");
    for (const clause of changjiang.clauses) {
      // G1's closing 。 was pushed below the next section by the page layout.
      const text = clause.id === "G1" ? clause.text.replace(/。$/, "") : clause.text;
      expect(documentText, clause.id).toContain(text);
    }
    expect(clauseText(changjiang, "M4")).toMatch(/^4\.支持企业壮大规模。/);
  });

  it("names every unit once, with the document's other spellings as aliases", () => {
    expect(findUnitByName(changjiang, "市自然资源规划局昌江分局")?.id).toBe("natural-resources-branch");
    expect(findUnitByName(changjiang, "市自然资源和规划局昌江分局")?.id).toBe("natural-resources-branch");
    expect(findUnitByName(changjiang, "区生态环境局")?.id).toBe("ecology-environment-bureau");
    expect(findUnitByName(changjiang, "区应急局")?.id).toBe("emergency-management-bureau");
    expect(findUnit(changjiang, "discipline-commission")?.kind).toBe("discipline");
    expect(findUnit(changjiang, "leading-group")?.kind).toBe("leadership");
    expect(findUnit(changjiang, "leading-group-office")).toMatchObject({
      kind: "office",
      hostUnit: "industry-it-bureau",
    });
    expect(townsAndStreets(changjiang).map((unit) => unit.name)).toEqual([
      "西郊街道",
      "新枫街道",
      "吕蒙乡",
      "鲇鱼山镇",
      "丽阳镇",
      "荷塘乡",
    ]);
    expect(townsAndStreets(changjiang).every((unit) => unit.editable)).toBe(true);
    expect(changjiang.units.filter((unit) => unit.kind === "department").every((unit) => !unit.editable)).toBe(true);
    expect(changjiang.units.every((unit) => unit.nameEn.length > 0)).toBe(true);
  });

  it("has 13 measures and 3 safeguards whose units are exactly those the clause brackets list", () => {
    expect(changjiang.measures.filter((measure) => measure.kind === "measure").map((m) => m.id)).toEqual(
      range(1, 13).map((n) => `M${n}`),
    );
    expect(changjiang.measures.filter((measure) => measure.kind === "safeguard").map((m) => m.id)).toEqual([
      "S14",
      "S15",
      "S16",
    ]);
    const towns = townsAndStreets(changjiang).map((unit) => unit.id);
    const idsOf = (names: string) =>
      names.split("、").flatMap((name) => {
        if (name === "各乡镇（街道）") return towns;
        const unit = findUnitByName(changjiang, name);
        if (!unit) throw new Error(`no unit named ${name}`);
        return [unit.id];
      });
    for (const n of range(1, 13)) {
      const measure = findMeasure(changjiang, `M${n}`);
      const bracket = /〔牵头单位：(.+)；责任单位：(.+)〕$/.exec(clauseText(changjiang, `M${n}`) ?? "");
      expect(bracket, `M${n}`).not.toBeNull();
      expect(measure?.lead, `M${n} lead`).toEqual(idsOf(bracket?.[1] ?? ""));
      expect(measure?.responsible, `M${n} responsible`).toEqual(idsOf(bracket?.[2] ?? ""));
    }
    expect(findMeasure(changjiang, "M10")?.lead).toEqual([
      "commerce-bureau",
      "industry-it-bureau",
      "development-reform-commission",
    ]);
    expect(findMeasure(changjiang, "S14")?.lead).toEqual(["leading-group"]);
    expect(findMeasure(changjiang, "S16")?.lead).toEqual(["discipline-commission"]);
    expect(findMeasure(changjiang, "M1")?.tasks.find((task) => task.id === "M1-idle-land")?.quantityUnit).toBe("mu");
  });

  it("states the headline and secondary targets", () => {
    expect(findTarget(changjiang, "G1")).toMatchObject({
      value: "40000000000",
      unit: "yuan",
      comparison: "gt",
      comparisonParameter: "milestoneComparison",
      deadline: "2023-12-31",
      baselineYear: 2020,
      aspiration: false,
    });
    expect(findTarget(changjiang, "G2-50")).toMatchObject({
      value: "1",
      comparison: "gte",
      options: { category: "50" },
    });
    expect(findTarget(changjiang, "G2-20")).toMatchObject({
      value: "6",
      comparison: "gte",
      options: { category: "20" },
    });
    expect(findTarget(changjiang, "G3-NET")).toMatchObject({ value: "24", metric: "aboveScaleNetIncrease" });
    expect(findTarget(changjiang, "G3-TOTAL")).toMatchObject({ value: "50", comparison: "gt" });
    expect(findTarget(changjiang, "T-M2a")?.yearly).toEqual([
      { year: 2021, value: "2" },
      { year: 2022, value: "2" },
      { year: 2023, value: "2" },
    ]);
    expect(findTarget(changjiang, "T-M2b")?.value).toBe("18");
    expect(findTarget(changjiang, "T-M7a")?.value).toBe("18");
    expect(findTarget(changjiang, "T-M7b")?.value).toBe("6");
    const aspirations = changjiang.targets.filter((target) => target.aspiration).map((target) => target.id);
    expect(aspirations).toEqual(["T-M5", "T-M7c", "T-M9"]);
    expect(findTarget(changjiang, "T-M5")).toMatchObject({ value: "0.5", unit: "share" });
    expect(findTarget(changjiang, "T-M10")?.clause).toBe("M10");
  });

  it("has the 11 reward families of the plan with their numbers", () => {
    expect(rewardRuleIds(changjiang)).toEqual([
      "R-PROJ-20",
      "R-PROJ-50",
      "R-500",
      "R-LISTED-MOVE",
      "R-NEW-SCALE",
      "R-REV-MILESTONE",
      "R-TAX-MILESTONE",
      "R-GROWTH",
      "R-MATCH",
      "R-IPO",
      "R-TECH",
    ]);
    const steps = (id: string) => rule(id).tiers?.steps.map((step) => [step.from, step.amount ?? step.rate]);
    expect(rule("R-PROJ").tiers?.steps).toEqual([
      {
        from: "2000000000",
        fromParameter: "project20Threshold",
        amount: "1000000",
        ruleId: "R-PROJ-20",
        category: "20",
      },
      {
        from: "5000000000",
        fromParameter: "project50Threshold",
        amount: "3000000",
        ruleId: "R-PROJ-50",
        category: "50",
      },
    ]);
    expect(findRewardRule(changjiang, "R-PROJ-20")?.id).toBe("R-PROJ");
    expect(rule("R-500")).toMatchObject({ per: "year", event: { test: "top500SettledIn" }, caseByCase: {} });
    expect(rule("R-LISTED-MOVE")).toMatchObject({ event: { test: "listedRegistrationMovedIn" }, amount: "2000000" });
    expect(rule("R-NEW-SCALE")).toMatchObject({ event: { test: "newlyAboveScale" }, amount: "30000", clause: "M3" });
    expect(steps("R-REV-MILESTONE")).toEqual([
      ["5000000000", "1000000"],
      ["10000000000", "2000000"],
      ["30000000000", "6000000"],
    ]);
    expect(steps("R-TAX-MILESTONE")).toEqual([
      ["100000000", "1000000"],
      ["500000000", "5000000"],
      ["1000000000", "10000000"],
      ["2000000000", "20000000"],
    ]);
    expect(rule("R-GROWTH").tiers).toMatchObject({ growthOf: "revenue", compare: "gt", pay: "highest" });
    expect(rule("R-GROWTH").when.map((condition) => condition.test)).toEqual(["aboveScale", "!newlyAboveScale"]);
    expect(steps("R-GROWTH")).toEqual([
      ["0.05", "20000"],
      ["0.08", "80000"],
      ["0.10", "100000"],
      ["0.15", "200000"],
    ]);
    expect(rule("R-MATCH").byCategory?.values.map((value) => [value.is, value.rate])).toEqual([
      ["national", "0.20"],
      ["provincial", "0.15"],
      ["municipal", "0.10"],
    ]);
    expect(rule("R-IPO").byCategory?.values.map((value) => [value.is, value.amount])).toEqual([
      ["domestic", "5000000"],
      ["overseas", "2000000"],
      ["neeq", "500000"],
    ]);
    expect(rule("R-TECH")).toMatchObject({
      per: "techProject",
      percentOf: "techProject.equipmentInvoices",
      rate: "0.01",
    });
    expect(rule("R-TECH").when.map((condition) => condition.test)).toEqual([
      'techProject.investment >= yuan("3000000")',
      "!techProject.techFundsReceived",
    ]);
    for (const reward of changjiang.rewards) expect(clauseText(changjiang, reward.clause)).toContain(reward.quote);
  });

  it("makes the document's open readings parameters with the plan's defaults", () => {
    expect(parameterValue(changjiang, "sameYearMilestoneTiers")).toBe("each");
    expect(parameterValue(changjiang, "milestoneComparison")).toBe("gt");
    expect(parameterValue(changjiang, "newAboveScaleReentryPaid")).toBe(false);
    expect(parameterValue(changjiang, "neeqThenListedPaidBoth")).toBe(true);
    expect(parameterValue(changjiang, "project50Threshold")).toBe("5000000000");
    expect(parameterValue(changjiang, "project20Threshold")).toBe("2000000000");
    expect(parameterValue(changjiang, "industrialProjectThreshold")).toBe("20000000");
    expect(parameterValue(changjiang, "growthMissingPreviousYear")).toBe("none");
  });

  it("tags industry codes with chains, and everything else as other", () => {
    expect(changjiang.chains.map((chain) => [chain.id, chain.role])).toEqual([
      ["biomedicine", "leading"],
      ["electronics", "leading"],
      ["aviation", "supporting"],
      ["automotive", "supporting"],
      ["other", "other"],
    ]);
    expect(chainForIndustryCode(changjiang, "2710")?.id).toBe("biomedicine");
    expect(chainForIndustryCode(changjiang, "3581")?.id).toBe("biomedicine");
    expect(chainForIndustryCode(changjiang, "3911")?.id).toBe("electronics");
    expect(chainForIndustryCode(changjiang, "3741")?.id).toBe("aviation");
    expect(chainForIndustryCode(changjiang, "3610")?.id).toBe("automotive");
    expect(chainForIndustryCode(changjiang, "3071")?.id).toBe("other");
  });

  it("survives a round trip through JSON, as the server stores it", () => {
    const json = JSON.stringify(changjiang);
    expect(validatePlan(JSON.parse(json), "stored.json").plan).toEqual(changjiang);
    expect(parsePlan(json, "plan.json").plan).toEqual(changjiang);
  });
});

describe("another district's plan", () => {
  it("loads through the same code, with its own units, targets and rules", () => {
    const { plan } = parsePlan(readRepoFile(TEST_DISTRICT), TEST_DISTRICT);
    expect(plan.district.name).toBe("云溪区");
    expect(plan.period).toEqual({ baselineYear: 2023, startYear: 2024, endYear: 2026 });
    expect(plan.rewards.map((reward) => [reward.id, reward.per])).toEqual([
      ["R-NEW-SCALE", "year"],
      ["R-REV-MILESTONE", "year"],
      ["R-GROWTH", "year"],
      ["R-TECH", "techProject"],
      ["R-POWER", "year"],
    ]);
    expect(plan.facts.map((fact) => [fact.id, fact.measure])).toEqual([
      ["electricityUse", "quantity"],
      ["smartFactoryLevel", "category"],
    ]);
    expect(parameterValue(plan, "sameYearTiers")).toBe("highest");
    expect(findTarget(plan, "T-M1")?.yearly.map((milestone) => milestone.value)).toEqual(["3", "3", "4"]);
    expect(findUnit(plan, "task-force-office")?.hostUnit).toBe("economy-bureau");
    expect(plan.groups).toEqual([]);
    expect(chainForIndustryCode(plan, "3011")?.id).toBe("new-materials");
  });
});

/** Loads the Changjiang file with one exact piece of text replaced, and returns the issues. */
function issuesAfter(from: string, to: string): { issues: PlanIssue[]; message: string } {
  expect(changjiangText.split(from).length - 1, `"${from}" must occur once`).toBe(1);
  try {
    parsePlan(changjiangText.replace(from, to), CHANGJIANG);
  } catch (error) {
    if (error instanceof PlanValidationError) return { issues: error.issues, message: error.message };
    throw error;
  }
  throw new Error("the broken plan loaded");
}

function lineOf(text: string): number {
  return changjiangText.slice(0, changjiangText.indexOf(text)).split("\n").length;
}

describe("a wrong plan file is rejected with file, clause and field named", () => {
  it("a missing amount", () => {
    const { issues, message } = issuesAfter('    amount: "2000000"\n', "");
    expect(issues).toEqual([
      expect.objectContaining({ file: CHANGJIANG, clause: "M2", path: "rewards[2].amount", message: "缺少必填字段" }),
    ]);
    expect(message).toContain(`${CHANGJIANG}: rewards[2] (M2) amount: 缺少必填字段`);
  });

  it("overlapping tiers", () => {
    const { issues, message } = issuesAfter(
      '{ threshold: "10000000000", amount: "2000000" }',
      '{ threshold: "5000000000", amount: "2000000" }',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M4",
        path: "rewards[4].tiers[1].threshold",
        message: expect.stringContaining("严格递增"),
      }),
    ]);
    expect(issues[0]?.line).toBe(lineOf('{ threshold: "10000000000", amount: "2000000" }'));
    expect(message).toContain(`${CHANGJIANG}: rewards[4] (M4) tiers[1].threshold: 各档门槛必须严格递增`);
  });

  it("an unknown unit of measure", () => {
    const { issues } = issuesAfter("quantityUnit: mu\n", "quantityUnit: hectare\n");
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M1",
        path: "measures[0].tasks[2].quantityUnit",
        message: expect.stringContaining("未知的计量单位"),
      }),
    ]);
  });

  it('a number written "3,000,000"', () => {
    const { issues, message } = issuesAfter('amount: "3000000"', 'amount: "3,000,000"');
    expect(issues).toEqual([expect.objectContaining({ clause: "M2", path: "rewards[0].categories[0].amount" })]);
    expect(message).toContain("rewards[0] (M2) categories[0].amount: 必须是十进制金额字符串");
  });

  it("a number written 3e6", () => {
    const { issues } = issuesAfter('minInvestment: "3000000"', "minInvestment: 3e6");
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M8",
        path: "rewards[9].minInvestment",
        message: expect.stringContaining("3000000（数字）"),
      }),
    ]);
  });

  it("a number without quotes", () => {
    const { issues } = issuesAfter('amount: "30000"', "amount: 30000");
    expect(issues).toEqual([expect.objectContaining({ clause: "M3", path: "rewards[3].amount" })]);
  });

  it("an unknown unit id", () => {
    const { issues, message } = issuesAfter("lead: [financial-affairs-office]", "lead: [finance-office]");
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M7",
        path: "measures[6].lead[0]",
        message: expect.stringContaining("finance-office"),
      }),
    ]);
    expect(message).toContain("measures[6] (M7) lead[0]: 引用了不存在的单位");
  });

  it("a quote that is not in the clause text", () => {
    const { issues } = issuesAfter(
      'quote: "对年度新进入规模企业名录库的工业企业，一次性奖励 3万元。"',
      'quote: "对年度新进入规模企业名录库的工业企业，一次性奖励 5万元。"',
    );
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M3",
        path: "rewards[3].quote",
        message: expect.stringContaining("逐字出现在条款 M3"),
      }),
    ]);
  });

  it("a YAML syntax error, with line and column", () => {
    const { issues, message } = issuesAfter("    kind: listing\n", "   kind: listing\n");
    const line = lineOf("    kind: listing\n");
    expect(issues).toEqual([
      {
        file: CHANGJIANG,
        path: "",
        message: expect.stringContaining("YAML 语法错误"),
        line,
        column: expect.any(Number),
      },
    ]);
    expect(message).toMatch(new RegExp(`^${CHANGJIANG}: YAML 语法错误：.*（第 ${line} 行第 \\d+ 列）$`, "m"));
  });

  it("a parameter value outside its allowed values, and a reference to a missing parameter", () => {
    expect(issuesAfter("    value: each\n", "    value: all\n").issues).toEqual([
      expect.objectContaining({
        clause: "M4",
        path: "parameters[0].value",
        message: expect.stringContaining("不在允许范围内"),
      }),
    ]);
    expect(issuesAfter("reentryParameter: newAboveScaleReentryPaid", "reentryParameter: reentry").issues).toEqual([
      expect.objectContaining({ clause: "M3", path: "rewards[3].reentryParameter" }),
    ]);
  });

  it("a misspelt field, a duplicate id, an unknown clause and a deadline outside the plan", () => {
    expect(issuesAfter('rate: "0.01"', 'rat: "0.01"').issues.map((issue) => issue.path)).toEqual([
      "rewards[9].rate",
      "rewards[9].rat",
    ]);
    expect(issuesAfter("  - id: T-M2b\n", "  - id: T-M2a\n").issues).toEqual([
      expect.objectContaining({ path: "targets[7].id", message: expect.stringContaining("重复") }),
    ]);
    expect(issuesAfter("  - id: R-TECH\n    clause: M8", "  - id: R-TECH\n    clause: M88").issues).toEqual([
      expect.objectContaining({ clause: "M88", path: "rewards[9].clause" }),
    ]);
    const deadline = issuesAfter(
      '    value: "18"\n    baselineYear: 2020\n    deadline: 2023-12-31\n    options:\n      thresholdParameter',
      '    value: "18"\n    baselineYear: 2020\n    deadline: 2025-12-31\n    options:\n      thresholdParameter',
    );
    expect(deadline.issues).toEqual([expect.objectContaining({ clause: "M2", path: "targets[7].deadline" })]);
  });

  it("an unknown reward kind", () => {
    const { issues } = issuesAfter("kind: caseByCase", "kind: bonus");
    expect(issues).toEqual([
      expect.objectContaining({
        clause: "M2",
        path: "rewards[1].kind",
        message: expect.stringContaining(
          '未知的奖励类型（允许：projectProduction、caseByCase、eventOnce、newAboveScale、firstCrossing、growthBands、grantMatch、listing、techTransformation、formula），实际为 "bonus"',
        ),
      }),
    ]);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

describe("a growth rule's reading without the previous year", () => {
  const line = "      withoutPreviousYear: { parameter: growthMissingPreviousYear }\n";
  const loadWith = (from: string, to: string): string => {
    expect(shippedText.split(from).length - 1, `"${from}" must occur once`).toBe(1);
    try {
      parsePlan(shippedText.replace(from, to), CHANGJIANG);
    } catch (error) {
      if (error instanceof PlanValidationError) return error.message;
      throw error;
    }
    throw new Error("the broken plan loaded");
  };

  it("names the parameter that records it", () => {
    expect(rule("R-GROWTH").tiers?.withoutPreviousYear).toEqual({ parameter: "growthMissingPreviousYear" });
  });

  it("refuses a parameter the plan does not have", () => {
    expect(loadWith(line, line.replace("growthMissingPreviousYear", "growthWithoutLastYear"))).toMatch(
      /rewards\[\d+\] \(M4\) tiers\.withoutPreviousYear\.parameter: .*growthWithoutLastYear/,
    );
  });

  it("refuses it on tiers that are not a growth", () => {
    const milestone = "      of: revenue\n      firstTime: true\n";
    expect(shippedText.includes(milestone), "the revenue milestone's tiers").toBe(true);
    const message = loadWith(milestone, `${milestone}      withoutPreviousYear: none\n`);
    expect(message).toContain("tiers.withoutPreviousYear");
    expect(message).toContain("只有按增幅分档（growthOf）");
  });
});
