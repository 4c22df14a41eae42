/**
 * What an expression's numbers measure — money (fen), a year, a count, a quantity in a unit — so that
 * a formula comparing or adding figures of different measures (`revenue > year`, `fact("landArea") >=
 * yuan("100000")`, `tax + fact("employees")`) is refused when the plan loads. A bare number multiplies
 * anything (`100 * revenue > 130 * previous.revenue`); the product of two measured figures has no measure
 * the language can name, and is left unchecked.
 */
import type { ASTNode } from "@marcbachmann/cel-js";

/** A measure: "money", "year", "count", "quantity:亩"; "number" for a bare int; null when unknown or not a number. */
export type Measure = string | null;

const MONEY_FIELDS = new Set(["revenue", "tax", "amount", "investment", "equipmentInvoices", "plannedInvestment"]);
const YEAR_FIELDS = new Set(["year", "introducedYear", "productionYear", "startYear", "endYear"]);

function fieldMeasure(field: string): Measure {
  if (MONEY_FIELDS.has(field)) return "money";
  if (YEAR_FIELDS.has(field)) return "year";
  return null;
}

/** A measure in words (Chinese), for the error. */
export function measureZh(measure: string): string {
  if (measure === "money") return "金额";
  if (measure === "year") return "年度";
  if (measure === "count") return "个数";
  if (measure === "quantity:*") return "数量";
  if (measure.startsWith("quantity:")) return `数量（${measure.slice("quantity:".length)}）`;
  return measure;
}

const COMPARISONS = new Set(["==", "!=", "<", "<=", ">", ">="]);

/** Whether two measured figures may be compared or added: the same measure, or `quantity("…")` beside any quantity or count. */
function compatible(left: string, right: string): boolean {
  if (left === right) return true;
  const written = left === "quantity:*" ? right : right === "quantity:*" ? left : null;
  return written !== null && (written.startsWith("quantity:") || written === "count");
}

/**
 * The first mixing of measures in `node` (Chinese, naming the operation), or null. `declared` gives a
 * declared fact's measure ("money", "count", "quantity:亩"; a category: null).
 */
export function mixedMeasures(node: ASTNode, declared: (id: string) => Measure): string | null {
  let problem: string | null = null;
  const measure = (current: ASTNode): Measure => {
    const op = current.op as string;
    const args = current.args as unknown;
    switch (op) {
      case "value":
        return typeof args === "bigint" ? "number" : null;
      case "id":
        return fieldMeasure(args as string);
      case ".":
        return fieldMeasure((args as [ASTNode, string])[1]);
      case "call": {
        const [name, callArgs] = args as [string, ASTNode[]];
        if (name === "yuan") return "money";
        if (name === "quantity") return "quantity:*";
        const first = callArgs[0];
        if ((name === "fact" || name === "factBefore") && first?.op === "value" && typeof first.args === "string")
          return declared(first.args);
        for (const argument of callArgs) measure(argument);
        return null;
      }
      case "-_":
        return measure(args as ASTNode);
      case "?:": {
        const [test, then, otherwise] = args as [ASTNode, ASTNode, ASTNode];
        measure(test);
        const left = measure(then);
        const right = measure(otherwise);
        return left === right ? left : left === "number" ? right : right === "number" ? left : null;
      }
      case "+":
      case "-":
      case "*": {
        const [leftNode, rightNode] = args as [ASTNode, ASTNode];
        const left = measure(leftNode);
        const right = measure(rightNode);
        if (op === "*") return left === "number" ? right : right === "number" ? left : null;
        if (left !== null && right !== null && left !== "number" && right !== "number" && !compatible(left, right))
          problem ??= `把${measureZh(left)}与${measureZh(right)}相${op === "+" ? "加" : "减"}`;
        return left === "number" ? right : left;
      }
      default: {
        if (COMPARISONS.has(op)) {
          const [leftNode, rightNode] = args as [ASTNode, ASTNode];
          const left = measure(leftNode);
          const right = measure(rightNode);
          if (left !== null && right !== null && left !== "number" && right !== "number" && !compatible(left, right))
            problem ??= `把${measureZh(left)}与${measureZh(right)}相比较`;
          return null;
        }
        if (Array.isArray(args)) {
          for (const child of args) if (isNode(child)) measure(child);
        } else if (isNode(args)) measure(args);
        return null;
      }
    }
  };
  measure(node);
  return problem;
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === "object" && value !== null && "op" in value;
}
