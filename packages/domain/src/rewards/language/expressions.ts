/**
 * The expressions of reward formulas (decision 010): CEL, parsed and type-checked by
 * @marcbachmann/cel-js against the facts a rule may read, then turned once per batch into
 * closures over the engine's own objects. Money is an `int` of fen (a bigint), flags are `bool`,
 * categories `string`; no `double` is declared, so a float literal such as `0.15` is refused when
 * the plan loads. `yuan("3000000")` writes an amount in yuan (folded to fen when compiled).
 */
import { type ASTNode, Environment } from "@marcbachmann/cel-js";
import { parseYuan } from "../../money";
import type { EnterpriseYear, InvestmentProject, SupportGrant, TechProject } from "../types";
import {
  type DeclaredFactLookup,
  declaredFactCall,
  declaredFactRead,
  FACT_FUNCTION,
  NO_DECLARED_FACTS,
} from "./declared-facts";
import { mixedMeasures } from "./measures";

/** What one award of a formula rule is for; it decides the facts its expressions may read. */
export type FormulaSubject = "year" | "grant" | "techProject" | "project";

/** The values an expression reads, set by the engine before each evaluation (one object, reused). */
export interface FormulaScope {
  year: EnterpriseYear | null;
  grant: SupportGrant | null;
  techProject: TechProject | null;
  project: InvestmentProject | null;
  plan: { startYear: bigint; endYear: bigint };
  /** The enterprise's years (ascending) and the position of `year` in them, for `previous.revenue` and the like. */
  history?: readonly EnterpriseYear[] | null;
  at?: number;
}

export type FactType = "int" | "bool" | "string";

/**
 * A fact an expression may read. `absent` says what a missing value means: `unknown` (the award
 * cannot be decided: a why-not names the missing figure) or a default (a flag not set is false).
 */
interface FactDeclaration {
  type: FactType;
  zh: string;
  en: string;
  absent: "unknown" | "false" | "empty";
  read: (scope: FormulaScope) => unknown;
  /** The value with its default applied (a flag not set is false), when the fact has its own reader of it. */
  value?: (scope: FormulaScope) => unknown;
}

/*
 * Each year fact has its own reader (and its own reader of the value with its default), written
 * out rather than made by one function from the field's name: a reader shared by every field
 * would read a year by a computed key, the slowest property access, once per rule and year.
 */
const yearFact = (
  type: FactType,
  zh: string,
  en: string,
  absent: FactDeclaration["absent"],
  read: (scope: FormulaScope) => unknown,
  value?: (scope: FormulaScope) => unknown,
): FactDeclaration => (value === undefined ? { type, zh, en, absent, read } : { type, zh, en, absent, read, value });

/** The facts of an enterprise-year, by their names in expressions. */
const YEAR_FACTS: Record<string, FactDeclaration> = {
  year: yearFact("int", "年度", "year", "unknown", (scope) => BigInt(scope.year!.year)),
  aboveScale: yearFact("bool", "规模以上工业企业", "above scale", "unknown", (scope) => scope.year!.aboveScale),
  newlyAboveScale: yearFact(
    "bool",
    "当年新进入规模企业名录库",
    "newly above scale",
    "false",
    (scope) => scope.year!.newlyAboveScale,
    (scope) => scope.year!.newlyAboveScale === true,
  ),
  revenue: yearFact("int", "营业收入", "revenue", "unknown", (scope) => scope.year!.revenue),
  tax: yearFact("int", "入库税收", "tax paid", "unknown", (scope) => scope.year!.tax),
  listing: yearFact(
    "string",
    "上市挂牌",
    "listing",
    "empty",
    (scope) => scope.year!.listing,
    (scope) => scope.year!.listing ?? "",
  ),
  listedRegistrationMovedIn: yearFact(
    "bool",
    "上市企业迁入",
    "listed company moved in",
    "false",
    (scope) => scope.year!.listedRegistrationMovedIn,
    (scope) => scope.year!.listedRegistrationMovedIn === true,
  ),
  top500SettledIn: yearFact(
    "bool",
    "中国制造业500强落户",
    "China top-500 manufacturer settled",
    "false",
    (scope) => scope.year!.top500SettledIn,
    (scope) => scope.year!.top500SettledIn === true,
  ),
};

/** The fields of the objects an expression may read (`grant.amount`), by object. */
const OBJECT_FACTS: Record<string, Record<string, FactDeclaration>> = {
  grant: {
    id: { type: "string", zh: "资金编号", en: "grant id", absent: "unknown", read: (s) => s.grant!.id },
    level: { type: "string", zh: "资金级别", en: "level", absent: "unknown", read: (s) => s.grant!.level },
    purpose: { type: "string", zh: "资金用途", en: "purpose", absent: "unknown", read: (s) => s.grant!.purpose },
    amount: { type: "int", zh: "扶持资金", en: "support funds", absent: "unknown", read: (s) => s.grant!.amount },
  },
  techProject: {
    id: { type: "string", zh: "项目编号", en: "project id", absent: "unknown", read: (s) => s.techProject!.id },
    investment: {
      type: "int",
      zh: "技术改造投资额",
      en: "tech-transformation investment",
      absent: "unknown",
      read: (s) => s.techProject!.investment,
    },
    equipmentInvoices: {
      type: "int",
      zh: "购置设备发票金额",
      en: "equipment purchase invoices",
      absent: "unknown",
      read: (s) => s.techProject!.equipmentInvoices,
    },
    techFundsReceived: {
      type: "bool",
      zh: "获得技术改造扶持资金",
      en: "received tech-transformation funds",
      absent: "false",
      read: (s) => s.techProject!.techFundsReceived,
    },
  },
  project: {
    id: { type: "string", zh: "项目编号", en: "project id", absent: "unknown", read: (s) => s.project!.id },
    plannedInvestment: {
      type: "int",
      zh: "计划总投资",
      en: "planned total investment",
      absent: "unknown",
      read: (s) => s.project!.plannedInvestment,
    },
    introducedYear: {
      type: "int",
      zh: "引进年度",
      en: "year introduced",
      absent: "unknown",
      read: (s) => BigInt(s.project!.introducedYear),
    },
    productionYear: {
      type: "int",
      zh: "投产年度",
      en: "year in production",
      absent: "unknown",
      read: (s) => (s.project!.productionYear === undefined ? undefined : BigInt(s.project!.productionYear)),
    },
  },
  plan: {
    startYear: {
      type: "int",
      zh: "方案起始年",
      en: "plan's first year",
      absent: "unknown",
      read: (s) => s.plan.startYear,
    },
    endYear: { type: "int", zh: "方案结束年", en: "plan's last year", absent: "unknown", read: (s) => s.plan.endYear },
  },
};

/** The enterprise-year `back` calendar years before the scope's year, when the history holds it. */
export function yearBefore(scope: FormulaScope, back: number): EnterpriseYear | undefined {
  const history = scope.history;
  const at = scope.at;
  if (history == null || at === undefined || scope.year === null) return undefined;
  const wanted = scope.year.year - back;
  for (let index = at - 1; index >= 0; index--) {
    const year = history[index]!.year;
    if (year === wanted) return history[index];
    if (year < wanted) return undefined;
  }
  return undefined;
}

/** Earlier years an expression may read (`previous.revenue`): the year before, two and three years before. */
export const EARLIER_YEARS: Record<string, { back: number; zh: string; en: string }> = {
  previous: { back: 1, zh: "上年", en: "the previous year's" },
  previous2: { back: 2, zh: "前两年", en: "two years before, the" },
  previous3: { back: 3, zh: "前三年", en: "three years before, the" },
};

for (const [objectName, { back, zh, en }] of Object.entries(EARLIER_YEARS)) {
  const fields: Record<string, FactDeclaration> = {};
  for (const [name, fact] of Object.entries(YEAR_FACTS)) {
    if (name === "year") continue;
    const field = name as keyof EnterpriseYear;
    fields[name] = {
      type: fact.type,
      zh: `${zh}${fact.zh}`,
      en: `${en} ${fact.en}`,
      absent: fact.absent,
      read: (scope) => yearBefore(scope, back)?.[field],
    };
  }
  OBJECT_FACTS[objectName] = fields;
}

const TYPE_NAMES: Record<string, string> = {
  previous: "PreviousYear",
  previous2: "YearTwoBefore",
  previous3: "YearThreeBefore",
  grant: "Grant",
  techProject: "TechProject",
  project: "Project",
  plan: "Plan",
};

/** The objects each subject may read besides `plan`. */
const OBJECTS_OF: Record<FormulaSubject, readonly string[]> = {
  year: Object.keys(EARLIER_YEARS),
  grant: ["grant", ...Object.keys(EARLIER_YEARS)],
  techProject: ["techProject", ...Object.keys(EARLIER_YEARS)],
  project: ["project"],
};

const environments = new Map<FormulaSubject, Environment>();

/** The CEL environment of a subject: its facts with their types, and `yuan("…")`. */
function environmentOf(subject: FormulaSubject): Environment {
  let environment = environments.get(subject);
  if (environment !== undefined) return environment;
  environment = new Environment({ limits: { maxAstNodes: 500, maxDepth: 40, maxListElements: 100 } });
  for (const objectName of [...OBJECTS_OF[subject], "plan"]) {
    const fields: Record<string, string> = {};
    for (const [field, fact] of Object.entries(OBJECT_FACTS[objectName]!)) fields[field] = fact.type;
    environment.registerType(TYPE_NAMES[objectName]!, { fields });
    environment.registerVariable(objectName, TYPE_NAMES[objectName]!);
  }
  if (subject !== "project")
    for (const [name, fact] of Object.entries(YEAR_FACTS)) environment.registerVariable(name, fact.type);
  environment.registerFunction("yuan(string): int", (text: string) => parseYuan(text));
  // A quantity or count in a declared fact's own unit ("50" 亩), read as the facts are: in hundredths.
  environment.registerFunction("quantity(string): int", (text: string) => parseYuan(text));
  // Declared facts are read by the compiled closures, never by CEL itself.
  if (subject !== "project") environment.registerFunction(FACT_FUNCTION, () => undefined);
  if (subject !== "project") environment.registerFunction("factBefore(string, int): dyn", () => undefined);
  environments.set(subject, environment);
  return environment;
}

/** An expression that cannot be used, with the reason in Chinese. */
export class FormulaExpressionError extends Error {}

/** A fact an expression reads: its name, words, type and how it is read (absent: undefined). */
export interface FactRead {
  name: string;
  zh: string;
  en: string;
  type: FactType;
  read: (scope: FormulaScope) => unknown;
}

/** A compiled expression: its value, and which fact it reads is missing (checked first). */
export interface CompiledExpression<T> {
  readonly source: string;
  /** The name of the first fact read that is unknown (absent) in this scope, or null. */
  missing(scope: FormulaScope): string | null;
  /** The value; call only when `missing` gave null. */
  evaluate(scope: FormulaScope): T;
  /** The facts read, by name in the expression ("revenue", "grant.amount"), with their words. */
  readonly reads: readonly FactRead[];
  /**
   * When the expression is one fact that may be unknown (`revenue`): its value, undefined when
   * unknown — `missing` and `evaluate` in one read. Null otherwise.
   */
  readonly valueOrUnknown: ((scope: FormulaScope) => T | undefined) | null;
  /** When the expression is a yes/no fact of the year or its negation (`aboveScale`, `!newlyAboveScale`), which. */
  readonly yearFlag: YearFlagTest | null;
}

/** The yes/no facts of an enterprise-year. */
export type YearFlag = "aboveScale" | "newlyAboveScale" | "listedRegistrationMovedIn" | "top500SettledIn";

/** A condition that is one yes/no fact of the year, or its negation; read by name, without a closure. */
export interface YearFlagTest {
  readonly flag: YearFlag;
  readonly negated: boolean;
  /** An absent value leaves the condition undecided (the fact is unknown), else it reads as false. */
  readonly unknownWhenAbsent: boolean;
}

const YEAR_FLAGS: readonly string[] = ["aboveScale", "newlyAboveScale", "listedRegistrationMovedIn", "top500SettledIn"];

function yearFlagOf(node: ASTNode, subject: FormulaSubject): YearFlagTest | null {
  if (subject === "project") return null;
  const negated = node.op === "!_";
  const fact = negated ? (node.args as ASTNode) : node;
  if (fact.op !== "id" || !YEAR_FLAGS.includes(fact.args as string)) return null;
  const name = fact.args as YearFlag;
  return { flag: name, negated, unknownWhenAbsent: YEAR_FACTS[name]!.absent === "unknown" };
}

type Closure = (scope: FormulaScope) => unknown;

const CEL_TYPE_ZH: Record<FactType, string> = { int: "整数（金额为分）", bool: "真假值", string: "文字" };

/**
 * Parses, type-checks and compiles an expression of `subject` expected to give `type`. Throws
 * FormulaExpressionError (Chinese) when it does not parse, reads an undeclared fact, has another
 * type, writes a float, or uses a construct the engine does not evaluate exactly.
 */
export function compileExpression<T>(
  source: string,
  subject: FormulaSubject,
  type: FactType,
  declared: DeclaredFactLookup = NO_DECLARED_FACTS,
): CompiledExpression<T> {
  const environment = environmentOf(subject);
  let parsed: ReturnType<Environment["parse"]>;
  try {
    parsed = environment.parse(source);
  } catch (error) {
    throw new FormulaExpressionError(`表达式“${source}”无法解析：${firstLine(error)}`);
  }
  const checked = parsed.check();
  if (!checked.valid)
    throw new FormulaExpressionError(
      `表达式“${source}”类型错误：${firstLine(checked.error)}${/double/.test(firstLine(checked.error)) ? "（不接受浮点数：金额为分的整数，比率写在规则结构中）" : ""}`,
    );
  const rootFact =
    declaredFactCall(parsed.ast) ??
    (parsed.ast.op === "call" && (parsed.ast.args as [string, ASTNode[]])[0] === "factBefore"
      ? declaredFactCall({
          op: "call",
          args: ["fact", [(parsed.ast.args as [string, ASTNode[]])[1][0]!]],
        } as unknown as ASTNode)
      : null);
  // Declared facts are `dyn` to CEL: arithmetic on them gives an int.
  const rootType =
    checked.type !== "dyn"
      ? checked.type
      : rootFact !== null
        ? declared.get(rootFact)?.type
        : ["+", "-", "*", "-_"].includes(parsed.ast.op as string)
          ? "int"
          : checked.type;
  if (rootType !== undefined && rootType !== type)
    throw new FormulaExpressionError(`表达式“${source}”的结果应为${CEL_TYPE_ZH[type]}，实为 ${rootType}`);
  const mixed = mixedMeasures(parsed.ast, (id) => declared.get(id)?.measure ?? null);
  if (mixed !== null) throw new FormulaExpressionError(`表达式“${source}”${mixed}：只能比较或加减同一计量的数`);
  const reads = new Map<string, FactDeclaration>();
  const closure = compileNode(parsed.ast, subject, reads, source, declared);
  const unknown = [...reads].filter(([, fact]) => fact.absent === "unknown");
  const readers = unknown.map(([, fact]) => fact.read);
  const names = unknown.map(([name]) => name);
  return {
    source,
    missing: missingOf(readers, names),
    evaluate: closure as (scope: FormulaScope) => T,
    valueOrUnknown:
      reads.size === 1 && unknown.length === 1 && closure === unknown[0]![1].read
        ? (closure as (scope: FormulaScope) => T | undefined)
        : null,
    yearFlag: yearFlagOf(parsed.ast, subject),
    reads: [...reads].map(([name, fact]) => ({ name, zh: fact.zh, en: fact.en, type: fact.type, read: fact.read })),
  };
}

const NOTHING_MISSING = (): string | null => null;

/** Which fact read is unknown: most expressions read one such fact or none, and need no loop. */
function missingOf(readers: readonly Closure[], names: readonly string[]): (scope: FormulaScope) => string | null {
  if (readers.length === 0) return NOTHING_MISSING;
  if (readers.length === 1) {
    const read = readers[0]!;
    const name = names[0]!;
    return (scope) => (read(scope) === undefined ? name : null);
  }
  return (scope) => {
    for (let index = 0; index < readers.length; index++) if (readers[index]!(scope) === undefined) return names[index]!;
    return null;
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

function withDefault(fact: FactDeclaration): Closure {
  if (fact.value !== undefined) return fact.value;
  const read = fact.read;
  if (fact.absent === "false") return (scope) => read(scope) === true;
  if (fact.absent === "empty") return (scope) => read(scope) ?? "";
  return read;
}

/**
 * The closure of a type-checked node. Only what evaluates exactly and plainly is compiled: facts,
 * literals (ints, strings, bools; a double never type-checks), `!`, `&&`, `||`, comparisons, `+ - *`
 * on ints, `?:`, `in` a list literal and `yuan("…")`.
 */
function compileNode(
  node: ASTNode,
  subject: FormulaSubject,
  reads: Map<string, FactDeclaration>,
  source: string,
  declared: DeclaredFactLookup,
): Closure {
  const compile = (child: ASTNode) => compileNode(child, subject, reads, source, declared);
  const refuse = (what: string): never => {
    throw new FormulaExpressionError(`表达式“${source}”使用了奖励公式不支持的写法：${what}`);
  };
  const op = node.op as string;
  const args = node.args as unknown;
  switch (op) {
    case "value": {
      const value = args;
      if (typeof value === "number") refuse("浮点数");
      return () => value;
    }
    case "id": {
      const fact = subject === "project" ? undefined : YEAR_FACTS[args as string];
      if (fact === undefined) refuse(`直接引用 ${String(args)}`);
      reads.set(args as string, fact!);
      return withDefault(fact!);
    }
    case ".": {
      const [object, field] = args as [ASTNode, string];
      if (object.op !== "id") refuse("多级字段");
      const objectName = object.args as string;
      const fact = OBJECT_FACTS[objectName]?.[field];
      if (fact === undefined) refuse(`${objectName}.${field}`);
      reads.set(`${objectName}.${field}`, fact!);
      return withDefault(fact!);
    }
    case "!_": {
      const operand = compile(args as ASTNode);
      return (scope) => !operand(scope);
    }
    case "-_": {
      const operand = compile(args as ASTNode);
      return (scope) => -(operand(scope) as bigint);
    }
    case "&&":
    case "||": {
      const [left, right] = (args as [ASTNode, ASTNode]).map(compile) as [Closure, Closure];
      return op === "&&"
        ? (scope) => left(scope) === true && right(scope) === true
        : (scope) => left(scope) === true || right(scope) === true;
    }
    case "?:": {
      const [test, then, otherwise] = (args as [ASTNode, ASTNode, ASTNode]).map(compile) as [Closure, Closure, Closure];
      return (scope) => (test(scope) === true ? then(scope) : otherwise(scope));
    }
    case "call": {
      const [name, callArgs] = args as [string, ASTNode[]];
      if (name === "factBefore") {
        // factBefore("netTax", 1): a declared fact of the year before (2, 3: two, three years before).
        const [idNode, backNode] = callArgs;
        const back = backNode?.op === "value" && typeof backNode.args === "bigint" ? Number(backNode.args) : 0;
        if (back < 1 || back > 3)
          refuse('factBefore 的第二个参数必须是 1、2 或 3（几年前），例如 factBefore("netTax", 1)');
        const read = declaredFactRead(
          { op: "call", args: ["fact", [idNode!]] } as unknown as ASTNode,
          subject,
          declared,
        );
        if ("refused" in read) return refuse(read.refused);
        const id = read.name.slice("fact.".length);
        const fact = {
          ...read.fact,
          zh: `${Object.values(EARLIER_YEARS)[back - 1]!.zh}${read.fact.zh}`,
          en: `${Object.values(EARLIER_YEARS)[back - 1]!.en} ${read.fact.en}`,
          read: (scope: FormulaScope) => yearBefore(scope, back)?.facts?.[id],
        };
        reads.set(`previous${back === 1 ? "" : back}.fact.${id}`, fact);
        return fact.read;
      }
      if (name === "fact") {
        const read = declaredFactRead(node, subject, declared);
        if ("refused" in read) return refuse(read.refused);
        reads.set(read.name, read.fact);
        return read.fact.read;
      }
      if ((name !== "yuan" && name !== "quantity") || callArgs.length !== 1 || callArgs[0]!.op !== "value")
        refuse(`函数 ${name}（仅支持 yuan("金额")、quantity("数量") 与 fact、factBefore）`);
      const text = callArgs[0]!.args as string;
      let fen: bigint;
      try {
        fen = parseYuan(text);
      } catch {
        return refuse(`${name}(${JSON.stringify(text)}) 不是${name === "yuan" ? "金额" : "数量（最多两位小数）"}`);
      }
      return () => fen;
    }
    case "in": {
      const [item, list] = args as [ASTNode, ASTNode];
      if (list.op !== "list") refuse("in 之后只能是列表");
      const element = compile(item);
      const values = (list.args as ASTNode[]).map((entry) => {
        if (entry.op !== "value") refuse("列表中只能是常量");
        return entry.args as unknown;
      });
      return (scope) => values.includes(element(scope));
    }
    case "==":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
    case "+":
    case "-":
    case "*": {
      const [left, right] = (args as [ASTNode, ASTNode]).map(compile) as [Closure, Closure];
      switch (op) {
        case "==":
          return (scope) => left(scope) === right(scope);
        case "!=":
          return (scope) => left(scope) !== right(scope);
        case "<":
          return (scope) => (left(scope) as bigint) < (right(scope) as bigint);
        case "<=":
          return (scope) => (left(scope) as bigint) <= (right(scope) as bigint);
        case ">":
          return (scope) => (left(scope) as bigint) > (right(scope) as bigint);
        case ">=":
          return (scope) => (left(scope) as bigint) >= (right(scope) as bigint);
        case "+":
          return (scope) => (left(scope) as bigint) + (right(scope) as bigint);
        case "-":
          return (scope) => (left(scope) as bigint) - (right(scope) as bigint);
        default:
          return (scope) => (left(scope) as bigint) * (right(scope) as bigint);
      }
    }
    default:
      return refuse(`运算 ${op}`);
  }
}

/** The facts an expression of `subject` may read, for the plan format's documentation and errors. */
export function declaredFacts(subject: FormulaSubject): string[] {
  const names = subject === "project" ? [] : Object.keys(YEAR_FACTS);
  for (const objectName of [...OBJECTS_OF[subject], "plan"])
    for (const field of Object.keys(OBJECT_FACTS[objectName]!)) names.push(`${objectName}.${field}`);
  return names;
}
