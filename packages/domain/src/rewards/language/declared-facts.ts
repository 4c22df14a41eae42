/**
 * `fact("id")`: the one way a formula reads a fact the plan declares (electricity use, land area, a
 * recognition's level). Numbers read as an int in hundredths of their unit (money in fen), categories
 * as a string, both from the enterprise-year's `facts`; a fact without a value is unknown, so the award
 * cannot be decided and a why-not names the fact. A name the plan does not declare is refused at load.
 */
import type { ASTNode } from "@marcbachmann/cel-js";
import type { DeclaredFact } from "../../plan/schema";
import type { FormulaScope, FormulaSubject } from "./expressions";

/** What an expression needs of a declared fact: its words and whether it reads as a number or a category. */
export interface DeclaredFactWords {
  zh: string;
  en: string;
  type: "int" | "string";
  /** What its number measures: "money", "count", "quantity:亩" (absent for a category). */
  measure?: string;
}

/** The plan's declared facts, by id. */
export type DeclaredFactLookup = ReadonlyMap<string, DeclaredFactWords>;

export const NO_DECLARED_FACTS: DeclaredFactLookup = new Map();

/** The lookup of a plan's `facts` section. */
export function declaredFactLookup(facts: readonly DeclaredFact[] | undefined): DeclaredFactLookup {
  return new Map(
    (facts ?? []).map((fact) => [
      fact.id,
      {
        zh: fact.name,
        en: fact.nameEn,
        type: fact.measure === "category" ? "string" : "int",
        ...(fact.measure === "category"
          ? {}
          : { measure: fact.measure === "quantity" ? `quantity:${fact.unitName ?? ""}` : fact.measure }),
      },
    ]),
  );
}

/** The CEL signature registered for subjects that have an enterprise-year (a project has none). */
export const FACT_FUNCTION = "fact(string): dyn";

/** The fact's id when `node` is `fact("id")`, else null. */
export function declaredFactCall(node: ASTNode): string | null {
  if (node.op !== "call") return null;
  const [name, callArgs] = node.args as [string, ASTNode[]];
  if (name !== "fact") return null;
  const argument = callArgs[0];
  return callArgs.length === 1 && argument?.op === "value" && typeof argument.args === "string" ? argument.args : null;
}

/**
 * How `fact("id")` is read, or the reason it cannot be (Chinese). The read gives undefined when the
 * enterprise-year holds no value, which the expression treats as unknown.
 */
export function declaredFactRead(
  node: ASTNode,
  subject: FormulaSubject,
  declared: DeclaredFactLookup,
):
  | {
      name: string;
      fact: DeclaredFactWords & { absent: "unknown"; read: (scope: FormulaScope) => unknown };
    }
  | { refused: string } {
  const id = declaredFactCall(node);
  if (id === null) return { refused: '函数 fact 只接受一个数据项编号，例如 fact("electricityUse")' };
  if (subject === "project") return { refused: `招商项目的公式不能读取企业年度数据项 fact("${id}")` };
  const words = declared.get(id);
  if (words === undefined)
    return {
      refused: `fact("${id}") 读取的数据项未在计划的 facts 中声明${declared.size === 0 ? "" : `（已声明：${[...declared.keys()].join("、")}）`}`,
    };
  return {
    name: `fact.${id}`,
    fact: { ...words, absent: "unknown", read: (scope) => scope.year?.facts?.[id] },
  };
}
