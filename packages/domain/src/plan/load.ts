/**
 * Loads a plan file (YAML or JSON), validates it against the schema and cross-checks what a schema
 * cannot see: references between sections, quotes against clause texts, tier order, parameter
 * values, years. A wrong plan fails here, with file, clause and field named, never at payout.
 */
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { formulaRuleProblems } from "../rewards/language/check";
import { expandRewardRule } from "../rewards/language/shorthands";
import { TASK_QUANTITY_SOURCES } from "../supervision/quantity-sources";
import { aggregateProblems, indicatorAggregateProblems } from "../targets/aggregate-check";
import { SUPPORTED_METRICS } from "../targets/metrics";
import { unfilledMarkMessage, unfilledReviewMarks } from "./draft/review-marks";
import { describeInput, type PlanFile, type PlanParameter, planFileSchema, type WrittenPlanFile } from "./schema";

/** The target metrics the targets module computes; a plan may name only these. */
const TARGET_METRIC_IDS: ReadonlySet<string> = new Set(SUPPORTED_METRICS);

/** One problem in a plan file. `path` is the English field path, e.g. `rewards[4].tiers[1].threshold`. */
export interface PlanIssue {
  file: string;
  /** The clause the offending entry cites (or is), when there is one. */
  clause?: string;
  path: string;
  message: string;
  /** 1-based line (and column) in the file, when the file is YAML and the place is known. */
  line?: number;
  column?: number;
}

/** A plan that passed every check: plain JSON-serialisable data. Lookups live in ./lookup. */
export interface LoadedPlan {
  fileName: string;
  plan: PlanFile;
}

export class PlanValidationError extends Error {
  readonly issues: PlanIssue[];
  constructor(issues: PlanIssue[]) {
    const first = issues[0];
    const header = `计划文件 ${first?.file ?? ""} 校验未通过（${issues.length} 处错误）：`;
    super([header, ...issues.map(formatIssue)].join("\n"));
    this.name = "PlanValidationError";
    this.issues = issues;
  }
}

/** `plans/x/plan.yaml: rewards[4] (M4) tiers[1].threshold: 必须是…（第 57 行第 9 列）` */
export function formatIssue(issue: PlanIssue): string {
  const where = displayPath(issue.path, issue.clause);
  const column = issue.column === undefined ? "" : `第 ${issue.column} 列`;
  const line = issue.line === undefined ? "" : `（第 ${issue.line} 行${column}）`;
  return `${issue.file}: ${where ? `${where}: ` : ""}${issue.message}${line}`;
}

/** Parses plan text (YAML, or JSON when the file name ends in .json) and validates it fully. */
export function parsePlan(text: string, fileName: string): LoadedPlan {
  if (fileName.toLowerCase().endsWith(".json")) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new PlanValidationError([{ file: fileName, path: "", message: `JSON 语法错误：${detail}` }]);
    }
    return validatePlan(data, fileName);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    // Later errors usually follow from the first one; fixing it and loading again shows what remains.
    const position = lineCounter.linePos(syntaxError.pos[0]);
    throw new PlanValidationError([
      {
        file: fileName,
        path: "",
        message: `YAML 语法错误：${yamlErrorText(syntaxError.code)}；${firstLine(syntaxError.message)}`,
        line: position.line,
        column: position.col,
      },
    ]);
  }
  const locate = (path: readonly PropertyKey[]) => locateInYaml(doc, lineCounter, path);
  return validatePlan(doc.toJS({ maxAliasCount: 100 }), fileName, locate);
}

export type Locator = (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;

/**
 * Validates already-parsed plan data (for instance a plan stored as JSON) with the schema and
 * the cross-checks. Throws PlanValidationError listing every problem found.
 */
export function validatePlan(data: unknown, fileName: string, locate?: Locator): LoadedPlan {
  const result = planFileSchema.safeParse(data, { error: chineseMessage });
  const issueAt = (path: PropertyKey[], message: string): PlanIssue => {
    const issue: PlanIssue = { file: fileName, path: joinPath(path), message };
    const clause = clauseOf(data, path);
    if (clause) issue.clause = clause;
    const position = locate?.(path);
    if (position) {
      issue.line = position.line;
      issue.column = position.column;
    }
    return issue;
  };
  // A drafted plan is refused while a person has not filled its marked fields; the marks are listed first and
  // alone, since the schema's messages about them would only repeat that they are not filled.
  const marks = unfilledReviewMarks(data);
  if (marks.length > 0) {
    throw new PlanValidationError(marks.map((mark) => issueAt(mark.path, unfilledMarkMessage(mark))));
  }
  if (!result.success) {
    throw new PlanValidationError(result.error.issues.flatMap((issue) => schemaIssues(issue, issueAt)));
  }
  // The shorthand kinds of earlier versions are checked as written, then run as the rules they expand to.
  const plan: PlanFile = { ...result.data, rewards: result.data.rewards.map(expandRewardRule) };
  const problems = crossCheck(result.data, plan);
  if (problems.length > 0) {
    throw new PlanValidationError(problems.map((problem) => issueAt(problem.path, problem.message)));
  }
  return { fileName, plan };
}

function schemaIssues(
  issue: z.core.$ZodIssue,
  issueAt: (path: PropertyKey[], message: string) => PlanIssue,
): PlanIssue[] {
  const path = [...issue.path];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => issueAt([...path, key], `未知字段“${key}”（字段名拼写有误，或该处不允许此字段）`));
  }
  return [issueAt(path, issue.message)];
}

const TYPE_NAMES: Record<string, string> = {
  string: "文字（加引号）",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  array: "列表",
  object: "对象（字段: 值）",
  record: "对象（字段: 值）",
};

/** Chinese messages for the issues the schema does not word itself. */
function chineseMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "缺少必填字段";
      return `类型错误：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为 ${describeInput(issue.input)}`;
    case "invalid_value":
      return `取值无效：应为 ${issue.values.map((value) => String(value)).join(" / ")} 之一，实际为 ${describeInput(issue.input)}`;
    case "too_small":
      if (issue.origin === "array") return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === "string") return "不能为空";
      return `不能小于 ${String(issue.minimum)}`;
    case "too_big":
      return `不能大于 ${String(issue.maximum)}`;
    case "invalid_format":
      return "格式不正确";
    case "invalid_union":
      return `取值不符合任何允许的形式，实际为 ${describeInput(issue.input)}`;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-checks

interface Problem {
  path: PropertyKey[];
  message: string;
}

const COMPARISONS = ["gt", "gte"];
const SAME_YEAR_READINGS = ["each", "highest"];
const MISSING_PREVIOUS_YEAR_READINGS = ["none"];

function crossCheck(plan: WrittenPlanFile, expanded: PlanFile): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PropertyKey[], message: string) => problems.push({ path, message });

  // Ids unique within each section; reward rule ids (and R-PROJ's category rule ids) share one namespace.
  const sections = [
    "clauses",
    "units",
    "chains",
    "groups",
    "targets",
    "measures",
    "parameters",
    "facts",
    "requestCategories",
  ] as const;
  for (const section of sections) {
    checkUnique(
      plan[section].map((entry, index) => ({ value: entry.id, path: [section, index, "id"] })),
      "编号",
      report,
    );
  }
  const ruleIds: { value: string; path: PropertyKey[] }[] = [];
  plan.rewards.forEach((rule, index) => {
    ruleIds.push({ value: rule.id, path: ["rewards", index, "id"] });
    if (rule.kind === "projectProduction") {
      rule.categories.forEach((category, categoryIndex) => {
        if (category.ruleId !== rule.id) {
          ruleIds.push({ value: category.ruleId, path: ["rewards", index, "categories", categoryIndex, "ruleId"] });
        }
      });
    }
  });
  checkUnique(ruleIds, "奖励编号", report);
  checkUnique(
    plan.measures.flatMap((measure, index) =>
      measure.tasks.map((task, taskIndex) => ({ value: task.id, path: ["measures", index, "tasks", taskIndex, "id"] })),
    ),
    "任务编号",
    report,
  );
  checkUnique(
    plan.units.flatMap((unit, index) => [
      { value: unit.name, path: ["units", index, "name"] },
      ...unit.aliases.map((alias, aliasIndex) => ({ value: alias, path: ["units", index, "aliases", aliasIndex] })),
    ]),
    "单位名称或别名",
    report,
  );

  checkYears(expanded, report);
  checkDocuments(expanded, report);
  checkDeclaredFacts(expanded, report);

  const clauses = new Map(plan.clauses.map((clause) => [clause.id, clause]));
  const unitIds = new Set(plan.units.map((unit) => unit.id));
  const groupIds = new Set(plan.groups.map((group) => group.id));
  const parameters = new Map(plan.parameters.map((parameter) => [parameter.id, parameter]));

  const checkClause = (clause: string, path: PropertyKey[]) => {
    if (!clauses.has(clause)) report(path, `引用了不存在的条款“${clause}”（clauses 中没有此编号）`);
  };
  const checkQuote = (clause: string, quote: string, path: PropertyKey[]) => {
    const text = clauses.get(clause)?.text;
    if (text !== undefined && !text.includes(quote)) {
      report(path, `引文必须逐字出现在条款 ${clause} 的原文中，未找到：“${quote}”`);
    }
  };
  const checkUnitRef = (unitId: string, path: PropertyKey[]) => {
    if (!unitIds.has(unitId)) report(path, `引用了不存在的单位“${unitId}”（units 中没有此编号）`);
  };
  const checkParameter = (
    id: string,
    path: PropertyKey[],
    expect?: { values?: readonly (string | boolean)[]; kind?: "boolean" | "yuan" },
  ): PlanParameter | undefined => {
    const parameter = parameters.get(id);
    if (!parameter) {
      report(path, `引用了不存在的参数“${id}”（parameters 中没有此编号）`);
      return undefined;
    }
    const choices = parameter.allowed ?? [parameter.value];
    if (expect?.values && choices.some((choice) => typeof choice === "number" || !expect.values?.includes(choice))) {
      report(path, `参数“${id}”的取值范围必须在 ${expect.values.map(String).join(" / ")} 之内`);
    }
    if (expect?.kind === "boolean" && typeof parameter.value !== "boolean") {
      report(path, `参数“${id}”必须是 true 或 false`);
    }
    if (expect?.kind === "yuan" && parameter.unit !== "yuan") {
      report(path, `参数“${id}”必须是金额参数（unit: yuan）`);
    }
    return parameter;
  };

  plan.units.forEach((unit, index) => {
    if (unit.hostUnit === undefined) return;
    if (unit.hostUnit === unit.id) report(["units", index, "hostUnit"], "单位不能设在自身之内");
    else checkUnitRef(unit.hostUnit, ["units", index, "hostUnit"]);
  });

  plan.requestCategories.forEach((category, index) => {
    category.units.forEach((unitId, unitIndex) => {
      checkUnitRef(unitId, ["requestCategories", index, "units", unitIndex]);
    });
  });
  // One category takes complaints about fees, so a complaint's time limit and unit are never ambiguous.
  plan.requestCategories.forEach((category, index) => {
    if (category.feeComplaints && plan.requestCategories.findIndex((other) => other.feeComplaints) !== index)
      report(["requestCategories", index, "feeComplaints"], "只能有一个诉求类别受理涉企收费投诉（feeComplaints）");
  });
  if (plan.fund !== undefined) {
    checkUnique(
      plan.fund.sources.map((source, index) => ({ value: source.id, path: ["fund", "sources", index, "id"] })),
      "编号",
      report,
    );
    const fundClause = plan.fund.clause;
    if (fundClause !== undefined && !plan.clauses.some((clause) => clause.id === fundClause))
      report(["fund", "clause"], `条款“${fundClause}”不存在`);
  }
  plan.units.forEach((unit, index) => {
    checkUnique(
      unit.duties.map((duty, dutyIndex) => ({ value: duty, path: ["units", index, "duties", dutyIndex] })),
      "单位职责",
      report,
    );
  });
  plan.targets.forEach((target, index) => {
    if (!TARGET_METRIC_IDS.has(target.metric)) {
      report(
        ["targets", index, "metric"],
        `未知的目标指标“${target.metric}”（允许：${[...TARGET_METRIC_IDS].join("、")}）`,
      );
    }
    for (const problem of aggregateProblems(expanded, target))
      report(["targets", index, ...problem.path], problem.message);
  });
  plan.assessment?.indicators.forEach((indicator, index) => {
    for (const problem of indicatorAggregateProblems(plan, indicator))
      report(["assessment", "indicators", index, ...problem.path], problem.message);
  });
  plan.chains.forEach((chain, index) => {
    for (const [unitIndex, unitId] of (chain.leadUnits ?? []).entries())
      checkUnitRef(unitId, ["chains", index, "leadUnits", unitIndex]);
  });
  checkUnique(
    plan.chains.flatMap((chain, index) => [
      { value: chain.name, path: ["chains", index, "name"] },
      ...chain.aliases.map((alias, aliasIndex) => ({ value: alias, path: ["chains", index, "aliases", aliasIndex] })),
    ]),
    "产业链名称或别名",
    report,
  );

  const otherChains = plan.chains.filter((chain) => chain.role === "other");
  if (otherChains.length !== 1) {
    report(
      ["chains"],
      `必须恰好有一条 role: other 的产业链（不属于所列产业链的企业归入此链），现有 ${otherChains.length} 条`,
    );
  }
  checkUnique(
    plan.chains.flatMap((chain, index) =>
      chain.industryCodes.map((code, codeIndex) => ({
        value: code,
        path: ["chains", index, "industryCodes", codeIndex],
      })),
    ),
    "行业代码",
    report,
  );

  plan.parameters.forEach((parameter, index) => {
    const path = ["parameters", index];
    checkClause(parameter.clause, [...path, "clause"]);
    if (parameter.allowed) {
      checkUnique(
        parameter.allowed.map((value, allowedIndex) => ({
          value: String(value),
          path: [...path, "allowed", allowedIndex],
        })),
        "可选值",
        report,
      );
      if (!parameter.allowed.some((value) => value === parameter.value)) {
        report(
          [...path, "value"],
          `取值 ${describeInput(parameter.value)} 不在允许范围内（allowed：${parameter.allowed.map(String).join(" / ")}）`,
        );
      }
    }
    if (parameter.unit === "yuan" && !(typeof parameter.value === "string" && YUAN.test(parameter.value))) {
      report(
        [...path, "value"],
        `金额参数必须是十进制金额字符串（元，加引号），实际为 ${describeInput(parameter.value)}`,
      );
    }
  });

  plan.targets.forEach((target, index) => {
    const path = ["targets", index];
    checkClause(target.clause, [...path, "clause"]);
    checkQuote(target.clause, target.quote, [...path, "quote"]);
    if (target.comparisonParameter !== undefined) {
      const parameter = checkParameter(target.comparisonParameter, [...path, "comparisonParameter"], {
        values: COMPARISONS,
      });
      if (parameter && parameter.value !== target.comparison) {
        report(
          [...path, "comparison"],
          `比较方式 ${target.comparison} 与参数“${parameter.id}”的取值 ${String(parameter.value)} 不一致`,
        );
      }
    }
    if (target.unit === "yuan" && !YUAN.test(target.value)) {
      report([...path, "value"], "金额目标必须是十进制金额字符串（元，最多两位小数）");
    }
    if (target.unit === "share" && compareDecimal(target.value, "1") > 0) {
      report([...path, "value"], `比例目标用小数表示（1 表示 100%），实际为 ${target.value}`);
    }
    for (const [key, value] of Object.entries(target.options)) {
      if (key.endsWith("Parameter")) {
        if (typeof value === "string") checkParameter(value, [...path, "options", key]);
        else report([...path, "options", key], "以 Parameter 结尾的选项必须是参数编号");
      }
    }
  });

  plan.measures.forEach((measure, index) => {
    const path = ["measures", index];
    checkClause(measure.clause, [...path, "clause"]);
    measure.tasks.forEach((task, taskIndex) => {
      if (!task.quantityFrom) return;
      const source = TASK_QUANTITY_SOURCES[task.quantityFrom];
      if (task.quantityUnit !== source.unit) {
        report(
          [...path, "tasks", taskIndex, "quantityUnit"],
          `数量来源“${task.quantityFrom}”（${source.zh}）以 ${source.unit} 计量，任务的 quantityUnit 必须是 ${source.unit}，实际为 ${task.quantityUnit ?? "（缺失）"}`,
        );
      }
    });
    if (groupIds.size > 0 && !groupIds.has(measure.group)) {
      report([...path, "group"], `引用了不存在的分组“${measure.group}”（groups 中没有此编号）`);
    }
    for (const role of ["lead", "responsible"] as const) {
      measure[role].forEach((unitId, unitIndex) => {
        checkUnitRef(unitId, [...path, role, unitIndex]);
      });
      checkUnique(
        measure[role].map((unitId, unitIndex) => ({ value: unitId, path: [...path, role, unitIndex] })),
        "单位",
        report,
      );
    }
  });

  plan.rewards.forEach((rule, index) => {
    const path = ["rewards", index];
    const problemsBefore = problems.length;
    checkClause(rule.clause, [...path, "clause"]);
    checkQuote(rule.clause, rule.quote, [...path, "quote"]);
    const positive = (value: string, at: PropertyKey[], what: string) => {
      if (compareDecimal(value, "0") <= 0) report(at, `${what}必须大于零`);
    };
    switch (rule.kind) {
      case "projectProduction": {
        checkUnique(
          rule.categories.map((category, i) => ({
            value: category.category,
            path: [...path, "categories", i, "category"],
          })),
          "项目类别",
          report,
        );
        checkUnique(
          rule.categories.map((category, i) => ({
            value: normalizeDecimal(category.minInvestment),
            path: [...path, "categories", i, "minInvestment"],
          })),
          "投资门槛",
          report,
        );
        rule.categories.forEach((category, i) => {
          const at = [...path, "categories", i];
          positive(category.amount, [...at, "amount"], "奖励金额");
          positive(category.minInvestment, [...at, "minInvestment"], "投资门槛");
          if (category.minInvestmentParameter !== undefined) {
            const parameter = checkParameter(category.minInvestmentParameter, [...at, "minInvestmentParameter"], {
              kind: "yuan",
            });
            if (
              parameter &&
              typeof parameter.value === "string" &&
              YUAN.test(parameter.value) &&
              compareDecimal(parameter.value, category.minInvestment) !== 0
            ) {
              report(
                [...at, "minInvestment"],
                `投资门槛 ${category.minInvestment} 与参数“${parameter.id}”的取值 ${parameter.value} 不一致`,
              );
            }
          }
        });
        break;
      }
      case "caseByCase":
        break;
      case "eventOnce":
      case "newAboveScale":
        positive(rule.amount, [...path, "amount"], "奖励金额");
        if (rule.kind === "newAboveScale") {
          checkParameter(rule.reentryParameter, [...path, "reentryParameter"], { kind: "boolean" });
        }
        break;
      case "firstCrossing":
        checkParameter(rule.comparisonParameter, [...path, "comparisonParameter"], { values: COMPARISONS });
        checkParameter(rule.sameYearParameter, [...path, "sameYearParameter"], { values: SAME_YEAR_READINGS });
        checkTiers(
          rule.tiers.map((tier) => tier.threshold),
          [...path, "tiers"],
          "threshold",
          "门槛",
          report,
        );
        rule.tiers.forEach((tier, i) => {
          positive(tier.amount, [...path, "tiers", i, "amount"], "奖励金额");
        });
        break;
      case "growthBands":
        if (rule.missingPreviousYearParameter !== undefined) {
          checkParameter(rule.missingPreviousYearParameter, [...path, "missingPreviousYearParameter"], {
            values: MISSING_PREVIOUS_YEAR_READINGS,
          });
        }
        checkTiers(
          rule.tiers.map((tier) => tier.rate),
          [...path, "tiers"],
          "rate",
          "增幅",
          report,
        );
        rule.tiers.forEach((tier, i) => {
          positive(tier.amount, [...path, "tiers", i, "amount"], "奖励金额");
        });
        break;
      case "grantMatch":
        checkUnique(
          rule.rates.map((rate, i) => ({ value: rate.level, path: [...path, "rates", i, "level"] })),
          "资金级别",
          report,
        );
        rule.rates.forEach((rate, i) => {
          checkShare(rate.rate, [...path, "rates", i, "rate"], report);
        });
        break;
      case "listing":
        checkParameter(rule.neeqThenListedParameter, [...path, "neeqThenListedParameter"], { kind: "boolean" });
        checkUnique(
          rule.kinds.map((kind, i) => ({ value: kind.listing, path: [...path, "kinds", i, "listing"] })),
          "上市类型",
          report,
        );
        rule.kinds.forEach((kind, i) => {
          positive(kind.amount, [...path, "kinds", i, "amount"], "奖励金额");
        });
        break;
      case "techTransformation":
        positive(rule.minInvestment, [...path, "minInvestment"], "投资门槛");
        checkShare(rule.rate, [...path, "rate"], report);
        break;
      case "formula": {
        // The rule language (decision 010): parameters referenced, then expressions and structure.
        const tiers = rule.tiers;
        if (tiers !== undefined && typeof tiers.compare !== "string")
          checkParameter(tiers.compare.parameter, [...path, "tiers", "compare", "parameter"], { values: COMPARISONS });
        if (tiers !== undefined && typeof tiers.pay !== "string")
          checkParameter(tiers.pay.parameter, [...path, "tiers", "pay", "parameter"], { values: SAME_YEAR_READINGS });
        if (tiers?.withoutPreviousYear !== undefined && typeof tiers.withoutPreviousYear !== "string")
          checkParameter(tiers.withoutPreviousYear.parameter, [...path, "tiers", "withoutPreviousYear", "parameter"], {
            values: MISSING_PREVIOUS_YEAR_READINGS,
          });
        tiers?.steps.forEach((step, i) => {
          if (step.fromParameter !== undefined)
            checkParameter(step.fromParameter, [...path, "tiers", "steps", i, "fromParameter"], { kind: "yuan" });
        });
        rule.byCategory?.values.forEach((value, i) => {
          if (value.notAfter?.unlessParameter !== undefined)
            checkParameter(
              value.notAfter.unlessParameter,
              [...path, "byCategory", "values", i, "notAfter", "unlessParameter"],
              {
                kind: "boolean",
              },
            );
        });
        if (rule.oncePerYearParameter !== undefined)
          checkParameter(rule.oncePerYearParameter, [...path, "oncePerYearParameter"], { kind: "boolean" });
        for (const problem of formulaRuleProblems(rule, expanded)) report([...path, ...problem.path], problem.message);
        break;
      }
    }
    // A shorthand's own fields are checked above; what its expansion adds is checked here, named at the rule.
    const written = expanded.rewards[index];
    if (rule.kind !== "formula" && written !== undefined && problems.length === problemsBefore)
      for (const problem of formulaRuleProblems(written, expanded)) report(path, problem.message);
  });

  if (compareDecimal(plan.aboveScaleThreshold, "0") <= 0) report(["aboveScaleThreshold"], "规上门槛必须大于零");
  checkAwardWorkflow(expanded, report);
  return problems;
}

function checkYears(plan: PlanFile, report: (path: PropertyKey[], message: string) => void): void {
  const { baselineYear, startYear, endYear } = plan.period;
  if (!(baselineYear < startYear))
    report(["period", "baselineYear"], `基期年 ${baselineYear} 必须早于起始年 ${startYear}`);
  if (!(startYear <= endYear)) report(["period", "endYear"], `结束年 ${endYear} 不能早于起始年 ${startYear}`);
  const { issued, signed } = plan.document;
  if (issued !== undefined && signed !== undefined && issued < signed) {
    report(["document", "issued"], `印发日期 ${plan.document.issued} 不能早于成文日期 ${plan.document.signed}`);
  }
  plan.targets.forEach((target, index) => {
    const path = ["targets", index];
    if (!(target.baselineYear < startYear)) {
      report([...path, "baselineYear"], `基期年 ${target.baselineYear} 必须早于计划起始年 ${startYear}`);
    }
    const deadlineYear = Number(target.deadline.slice(0, 4));
    if (deadlineYear < startYear || deadlineYear > endYear) {
      report([...path, "deadline"], `期限 ${target.deadline} 必须在计划期 ${startYear}–${endYear} 年之内`);
    }
    let previous = -Infinity;
    target.yearly.forEach((milestone, yearIndex) => {
      const at = [...path, "yearly", yearIndex, "year"];
      if (milestone.year < startYear || milestone.year > deadlineYear) {
        report(at, `年度节点 ${milestone.year} 必须在 ${startYear} 年至期限年 ${deadlineYear} 之间`);
      }
      if (milestone.year <= previous) report(at, "年度节点必须按年份递增且不重复");
      previous = milestone.year;
    });
  });
}

/**
 * The further documents (reward measures …): ids unique, titles that name them (not blank, not the plan's own, no
 * two alike), dates in order, and every clause that names one naming a document the plan lists.
 */
function checkDocuments(plan: PlanFile, report: (path: PropertyKey[], message: string) => void): void {
  const documents = plan.documents ?? [];
  checkUnique(
    documents.map((document, index) => ({ value: document.id, path: ["documents", index, "id"] })),
    "文件编号",
    report,
  );
  const titles = new Map<string, PropertyKey[]>([[plan.title.trim(), ["title"]]]);
  documents.forEach((document, index) => {
    const at = (...rest: PropertyKey[]): PropertyKey[] => ["documents", index, ...rest];
    for (const field of ["title", "titleEn"] as const) {
      const title = document[field];
      if (title !== undefined && title.trim() === "") report(at(field), "文件标题不能为空白");
    }
    const title = document.title.trim();
    if (/^《|》$/.test(title)) report(at("title"), `文件标题不带书名号，写作“${title.replace(/^《|》$/g, "")}”`);
    const first = titles.get(title);
    if (title !== "" && first)
      report(at("title"), `文件标题“${title}”重复（已在 ${joinPath(first)} 出现），无法区分条款出自哪个文件`);
    else titles.set(title, at("title"));
    const { signed, issued, revised } = document;
    if (issued !== undefined && signed !== undefined && issued < signed)
      report(at("issued"), `印发日期 ${issued} 不能早于成文日期 ${signed}`);
    if (revised !== undefined && issued !== undefined && revised < issued)
      report(at("revised"), `修订日期 ${revised} 不能早于印发日期 ${issued}`);
    else if (revised !== undefined && issued === undefined && signed !== undefined && revised < signed)
      report(at("revised"), `修订日期 ${revised} 不能早于成文日期 ${signed}`);
  });
  const ids = new Set(documents.map((document) => document.id));
  plan.clauses.forEach((clause, index) => {
    if (clause.document !== undefined && !ids.has(clause.document))
      report(
        ["clauses", index, "document"],
        `引用了不存在的文件“${clause.document}”（documents 中没有此编号；出自计划本身的条款不写 document）`,
      );
  });
}

/**
 * The award workflow: confirmed by the enterprise first (its bank account is what is paid into), paid last by
 * the units holding payRewards, at most one publicity and one approval, the publicity before the approval (an
 * objection is handled before approving), and each step's actor one that can act: the office, units the plan
 * names, or units a duty of the plan is given to.
 */
function checkAwardWorkflow(plan: PlanFile, report: (path: PropertyKey[], message: string) => void): void {
  const workflow = plan.awardWorkflow;
  if (workflow === undefined) return;
  const at = (index: number, ...rest: PropertyKey[]): PropertyKey[] => ["awardWorkflow", "steps", index, ...rest];
  const steps = workflow.steps;
  checkUnique(
    steps.map((step, index) => ({ value: step.id, path: at(index, "id") })),
    "环节编号",
    report,
  );
  const unitIds = new Set(plan.units.map((unit) => unit.id));
  const indexesOf = (kind: string) => steps.flatMap((step, index) => (step.kind === kind ? [index] : []));
  if (steps[0] !== undefined && steps[0].kind !== "confirm")
    report(at(0, "kind"), "第一个环节必须是 confirm（企业确认）：企业确认并填写收款账户后，奖励才进入审核");
  const last = steps.length - 1;
  if (steps[last] !== undefined && steps[last].kind !== "pay")
    report(at(last, "kind"), "最后一个环节必须是 pay（拨付）");
  for (const [kind, label] of [
    ["confirm", "企业确认"],
    ["pay", "拨付"],
    ["publicity", "公示"],
    ["approve", "审批"],
  ] as const) {
    for (const index of indexesOf(kind).slice(1)) report(at(index, "kind"), `${label}环节只能有一个`);
  }
  const publicity = indexesOf("publicity")[0];
  const approve = indexesOf("approve")[0];
  if (publicity !== undefined && approve !== undefined && publicity > approve)
    report(at(publicity, "kind"), "公示环节必须在审批环节之前（异议处理完毕后才能审批）");

  steps.forEach((step, index) => {
    if (step.kind === "publicity" && step.days === undefined) report(at(index, "days"), "公示环节必须写明公示天数");
    if (step.kind !== "publicity" && step.days !== undefined) report(at(index, "days"), "只有公示环节可以写天数");
    const by = step.by;
    const fixed: Partial<Record<string, string>> = { confirm: "enterprise", publicity: "office" };
    const fixedActor = fixed[step.kind];
    if (fixedActor !== undefined && by !== undefined && by !== fixedActor)
      report(at(index, "by"), `${step.kind} 环节的办理主体只能是 ${fixedActor}`);
    if (step.kind === "pay" && by !== undefined && !(by === "duty" && step.duty === "payRewards"))
      report(
        at(index, "by"),
        "拨付环节由具有 payRewards（拨付奖励）职责的单位办理：by 只能是 duty，duty 为 payRewards",
      );
    if ((step.kind === "review" || step.kind === "approve") && by === undefined)
      report(at(index, "by"), "审核、审批环节必须写明办理主体（office、duty 或 units）");
    if ((step.kind === "review" || step.kind === "approve") && by === "enterprise")
      report(at(index, "by"), "审核、审批环节不能由企业办理");
    if (by === "duty") {
      if (step.duty === undefined) report(at(index, "duty"), "by: duty 时必须写明职责（duty）");
      else if (!plan.units.some((unit) => unit.duties.includes(step.duty as (typeof unit.duties)[number])))
        report(at(index, "duty"), `没有单位具有职责“${step.duty}”（units[].duties 中未给任何单位）`);
    } else if (step.duty !== undefined) report(at(index, "duty"), "只有 by: duty 的环节可以写职责（duty）");
    if (by === "units") {
      if (step.units === undefined || step.units.length === 0)
        report(at(index, "units"), "by: units 时必须列出办理单位");
      step.units?.forEach((unitId, unitIndex) => {
        if (!unitIds.has(unitId))
          report(at(index, "units", unitIndex), `引用了不存在的单位“${unitId}”（units 中没有此编号）`);
      });
      checkUnique(
        (step.units ?? []).map((unitId, unitIndex) => ({ value: unitId, path: at(index, "units", unitIndex) })),
        "单位",
        report,
      );
    } else if (step.units !== undefined) report(at(index, "units"), "只有 by: units 的环节可以列出办理单位");
  });
  if (indexesOf("pay").length > 0 && !plan.units.some((unit) => unit.duties.includes("payRewards")))
    report(["awardWorkflow", "steps"], "拨付环节需要至少一个具有 payRewards（拨付奖励）职责的单位");
}

/** A declared fact's measure and its fields agree; its supplier and clause exist. */
function checkDeclaredFacts(plan: PlanFile, report: (path: PropertyKey[], message: string) => void): void {
  const unitIds = new Set(plan.units.map((unit) => unit.id));
  const clauseIds = new Set(plan.clauses.map((clause) => clause.id));
  plan.facts.forEach((fact, index) => {
    const path = ["facts", index];
    if (fact.measure === "quantity" && (fact.unitName === undefined || fact.unitNameEn === undefined))
      report([...path, "unitName"], "数量型数据项必须写明计量单位 unitName 和 unitNameEn，例如 千瓦时 / kWh");
    if (fact.measure !== "quantity" && fact.unitName !== undefined)
      report([...path, "unitName"], "只有数量型（quantity）数据项写计量单位");
    if (fact.measure === "category") {
      if (fact.categories === undefined || fact.categories.length === 0)
        report([...path, "categories"], "类别型数据项必须列出至少一个类别（categories）");
      else
        checkUnique(
          fact.categories.map((category, categoryIndex) => ({
            value: category.id,
            path: [...path, "categories", categoryIndex, "id"],
          })),
          "类别编号",
          report,
        );
      if (fact.period !== "year") report([...path, "period"], "类别型数据项按年度填报（period: year）");
    } else if (fact.categories !== undefined) report([...path, "categories"], "只有类别型（category）数据项列出类别");
    if (fact.suppliedBy !== undefined && !unitIds.has(fact.suppliedBy))
      report([...path, "suppliedBy"], `引用了不存在的单位“${fact.suppliedBy}”（units 中没有此编号）`);
    if (fact.clause !== undefined && !clauseIds.has(fact.clause))
      report([...path, "clause"], `引用了不存在的条款“${fact.clause}”（clauses 中没有此编号）`);
  });
}

function checkUnique(
  entries: { value: string; path: PropertyKey[] }[],
  what: string,
  report: (path: PropertyKey[], message: string) => void,
): void {
  const seen = new Map<string, PropertyKey[]>();
  for (const entry of entries) {
    const first = seen.get(entry.value);
    if (first) report(entry.path, `${what}“${entry.value}”重复（已在 ${joinPath(first)} 出现）`);
    else seen.set(entry.value, entry.path);
  }
}

/** Tiers must rise strictly: equal or falling thresholds would make bands overlap or repeat. */
function checkTiers(
  values: string[],
  path: PropertyKey[],
  field: string,
  what: string,
  report: (path: PropertyKey[], message: string) => void,
): void {
  values.forEach((value, index) => {
    if (compareDecimal(value, "0") <= 0) report([...path, index, field], `${what}必须大于零`);
    const previous = values[index - 1];
    if (previous !== undefined && compareDecimal(value, previous) <= 0) {
      report(
        [...path, index, field],
        `各档${what}必须严格递增（不得重叠或重复）：第 ${index + 1} 档 ${value} 不大于第 ${index} 档 ${previous}`,
      );
    }
  });
}

function checkShare(rate: string, path: PropertyKey[], report: (path: PropertyKey[], message: string) => void): void {
  if (compareDecimal(rate, "0") <= 0 || compareDecimal(rate, "1") > 0) {
    report(path, `比率必须大于 0 且不超过 1（"0.20" 表示 20%），实际为 ${rate}`);
  }
}

const YUAN = /^\d+(\.\d{1,2})?$/;

function normalizeDecimal(value: string): string {
  const [whole = "0", fraction = ""] = value.split(".");
  const trimmedWhole = whole.replace(/^0+(?=\d)/, "");
  const trimmedFraction = fraction.replace(/0+$/, "");
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

/** Compares two non-negative decimal strings exactly. */
export function compareDecimal(a: string, b: string): number {
  const [aWhole = "0", aFraction = ""] = a.split(".");
  const [bWhole = "0", bFraction = ""] = b.split(".");
  const digits = Math.max(aFraction.length, bFraction.length);
  const left = BigInt(aWhole + aFraction.padEnd(digits, "0"));
  const right = BigInt(bWhole + bFraction.padEnd(digits, "0"));
  return left === right ? 0 : left < right ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Paths, clauses, lines

function joinPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/** `rewards[4].tiers[1].threshold` with clause M4 reads `rewards[4] (M4) tiers[1].threshold`. */
function displayPath(path: string, clause: string | undefined): string {
  if (!clause) return path;
  const match = /^([A-Za-z]+\[\d+\])(?:\.(.*))?$/.exec(path);
  if (!match) return `${path} (${clause})`;
  const [, head, tail] = match;
  return tail ? `${head} (${clause}) ${tail}` : `${head} (${clause})`;
}

/** The clause an entry cites: its `clause` field, or its own id for an entry of `clauses`. */
function clauseOf(data: unknown, path: readonly PropertyKey[]): string | undefined {
  const [section, index] = path;
  if (typeof section !== "string" || typeof index !== "number") return undefined;
  if (!isRecord(data)) return undefined;
  const list = data[section];
  if (!Array.isArray(list)) return undefined;
  const entry: unknown = list[index];
  if (!isRecord(entry)) return undefined;
  const clause = section === "clauses" ? entry.id : entry.clause;
  return typeof clause === "string" ? clause : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The line of the deepest existing node along the path (a missing field points at its parent). */
function locateInYaml(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]) {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const position = lineCounter.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: "缩进不正确",
  DUPLICATE_KEY: "字段重复",
  MISSING_CHAR: "缺少字符（如引号或括号未闭合）",
  BAD_SCALAR_START: "值的开头不合法",
  BLOCK_AS_IMPLICIT_KEY: "字段名写法不合法",
  MULTILINE_IMPLICIT_KEY: "字段名不能跨行（可能缺少冒号后的空格或缩进有误）",
  TAB_AS_INDENT: "不能用 Tab 缩进",
  UNEXPECTED_TOKEN: "出现了意外的符号",
  BAD_DQ_ESCAPE: "双引号字符串中的转义不合法",
  MULTIPLE_DOCS: "文件中只能有一个 YAML 文档",
};

function yamlErrorText(code: string): string {
  return YAML_ERRORS[code] ?? `语法错误（${code}）`;
}
