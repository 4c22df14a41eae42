/**
 * The plan loader's check of a formula rule: every expression parsed and type-checked against the
 * facts of what the rule pays for, then the structure compiled (amounts, tiers in order, categories),
 * each problem with the field's path (`when[1].test`, `tiers.steps[2].from`) and a Chinese message.
 */
import { parseYuan } from "../../money";
import type { FormulaReward, PlanFile } from "../../plan/schema";
import { formulaConsistencyProblems } from "./consistency";
import { declaredFactLookup } from "./declared-facts";
import { compileExpression, FormulaExpressionError } from "./expressions";
import { compileFormulaStructure, FormulaRuleError } from "./rule";

export interface FormulaProblem {
  path: PropertyKey[];
  message: string;
}

/** "tiers.steps[2].from" → ["tiers", "steps", 2, "from"]. */
function fieldPath(field: string): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (const part of field.split(".")) {
    const match = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (match === null) {
      path.push(part);
      continue;
    }
    path.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

export function formulaRuleProblems(rule: FormulaReward, plan: PlanFile): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const expressions: { field: string; source: string | undefined; type: "int" | "bool" | "string" }[] = [
    { field: "event.test", source: rule.event?.test, type: "bool" },
    ...rule.when.map((condition, index) => ({
      field: `when[${index}].test`,
      source: condition.test,
      type: "bool" as const,
    })),
    { field: "paidYear", source: rule.paidYear, type: "int" },
    { field: "percentOf", source: rule.percentOf, type: "int" },
    { field: "byCategory.of", source: rule.byCategory?.of, type: "string" },
    { field: "tiers.of", source: rule.tiers?.of, type: "int" },
    { field: "sumCap.atMost", source: rule.sumCap?.atMost, type: "int" },
  ];
  const declaredFacts = declaredFactLookup(plan.facts);
  for (const { field, source, type } of expressions) {
    if (source === undefined) continue;
    try {
      compileExpression(source, rule.per, type, declaredFacts);
    } catch (error) {
      if (!(error instanceof FormulaExpressionError)) throw error;
      problems.push({ path: fieldPath(field), message: error.message });
    }
  }
  for (const problem of formulaConsistencyProblems(rule, plan))
    problems.push({ path: fieldPath(problem.field), message: problem.message });
  if (problems.length > 0) return problems;
  const parameters = new Map(plan.parameters.map((parameter) => [parameter.id, parameter]));
  const declared = (id: string) => {
    const parameter = parameters.get(id);
    // A missing parameter is reported by the loader's own reference check.
    if (parameter === undefined) throw new FormulaRuleError("", "");
    return parameter;
  };
  try {
    compileFormulaStructure(rule, {
      declaredFacts,
      meta: (shown) => ({
        id: rule.id,
        clause: rule.clause,
        quote: rule.quote,
        parameters: shown,
        startYear: plan.period.startYear,
        endYear: plan.period.endYear,
        yearsZh: "",
        yearsEn: "",
      }),
      parameter: (id) => {
        const { value, description, descriptionEn } = declared(id);
        return { value, shown: { id, value, description, descriptionEn } };
      },
      choice: (id, allowed) => {
        const { value, description, descriptionEn } = declared(id);
        const chosen = (allowed as readonly unknown[]).includes(value) ? value : allowed[0]!;
        return { value: chosen as (typeof allowed)[number], shown: { id, value, description, descriptionEn } };
      },
      flag: (id) => {
        const { value, description, descriptionEn } = declared(id);
        return { value: value === true || value === "true", shown: { id, value, description, descriptionEn } };
      },
      money: (field, text) => {
        try {
          return parseYuan(text);
        } catch {
          throw new FormulaRuleError(field, `不是金额：${text}`);
        }
      },
    });
  } catch (error) {
    if (!(error instanceof FormulaRuleError)) throw error;
    if (error.field !== "") problems.push({ path: fieldPath(error.field), message: error.message });
  }
  return problems;
}
