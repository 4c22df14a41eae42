/**
 * The rewards batch input of `beizeng rewards` (EXCHANGE.md §1): validation with the JSON path
 * of every offending field named, and conversion to the engine's input (amounts to fen).
 */
import { z } from "zod";
import { creditCodeMessage } from "../credit-code";
import { factRuleValue, readFactValue } from "../facts/declared-facts";
import { type Fen, parseYuan } from "../money";
import type { DeclaredFact } from "../plan/schema";
import type { EnterpriseHistory, EnterpriseYear, InvestmentProject, RewardInput } from "./types";

const DECIMAL_YUAN = /^(-)?\d+(\.\d+)?$/;

/** A decimal string of yuan to fen; the messages lead with the words of EXCHANGE.md ("not a decimal"). */
const yuan = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : 'not a decimal: amounts are strings of yuan such as "1234.56"（金额应写成以元为单位的十进制字符串）',
  })
  .transform((text, context): Fen => {
    const match = DECIMAL_YUAN.exec(text);
    if (!match) {
      context.addIssue({
        code: "custom",
        message: `not a decimal: ${JSON.stringify(text)}（不是十进制金额，不接受指数、千分位或单位）`,
      });
      return z.NEVER;
    }
    if (match[1]) {
      context.addIssue({ code: "custom", message: `must not be negative: ${text}（金额不能为负数）` });
      return z.NEVER;
    }
    try {
      return parseYuan(text);
    } catch {
      context.addIssue({ code: "custom", message: `finer than a fen: ${text}（金额最多精确到分，即两位小数）` });
      return z.NEVER;
    }
  });

const year = z.number().int().min(1900).max(2100);
const flag = z.boolean().nullish();
const identifier = z.string().trim().min(1, "must not be empty（不能为空）");

const creditCode = z.string().superRefine((code, context) => {
  const message = creditCodeMessage(code);
  if (message) context.addIssue({ code: "custom", message: `invalid credit code（${message}）` });
});

const grantSchema = z.strictObject({
  id: identifier,
  level: z.enum(["national", "provincial", "municipal"]),
  purpose: z.enum(["project", "tech"]),
  amount: yuan,
});

const techProjectSchema = z.strictObject({
  id: identifier,
  investment: yuan,
  equipmentInvoices: yuan,
  techFundsReceived: z.boolean(),
});

const yearSchema = z.strictObject({
  year,
  aboveScale: flag,
  newlyAboveScale: flag,
  revenue: yuan.nullish(),
  tax: yuan.nullish(),
  grants: z.array(grantSchema).nullish(),
  techProjects: z.array(techProjectSchema).nullish(),
  listing: z.enum(["domestic", "overseas", "neeq"]).nullish(),
  listedRegistrationMovedIn: flag,
  top500SettledIn: flag,
  /** The plan's declared facts for the year, by id: checked against the plan's declarations after the schema. */
  facts: z.record(z.string(), z.unknown()).nullish(),
});

const enterpriseSchema = z.strictObject({
  creditCode,
  name: z.string().nullish(),
  before: z.strictObject({ maxRevenue: yuan.nullish(), maxTax: yuan.nullish() }).nullish(),
  years: z.array(yearSchema),
});

const projectSchema = z.strictObject({
  id: identifier,
  creditCode,
  name: z.string().nullish(),
  plannedInvestment: yuan,
  introducedYear: year,
  productionYear: year.nullish(),
});

/** Path segments as EXCHANGE.md writes them: `enterprises[3].years[1].revenue`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(input)" : text;
}

export const rewardsBatchSchema = z
  .strictObject({
    enterprises: z.array(enterpriseSchema),
    projects: z.array(projectSchema).nullish(),
  })
  .superRefine((batch, context) => {
    const firstIndexOf = new Map<string, number>();
    batch.enterprises.forEach((enterprise, index) => {
      const first = firstIndexOf.get(enterprise.creditCode);
      if (first !== undefined)
        context.addIssue({
          code: "custom",
          path: ["enterprises", index, "creditCode"],
          message: `repeated enterprise ${enterprise.creditCode}, also at enterprises[${first}]（同一企业重复出现）`,
        });
      else firstIndexOf.set(enterprise.creditCode, index);

      const yearIndex = new Map<number, number>();
      const grantIndex = new Map<string, string>();
      const techIndex = new Map<string, string>();
      enterprise.years.forEach((entry, yearPosition) => {
        const seen = yearIndex.get(entry.year);
        if (seen !== undefined)
          context.addIssue({
            code: "custom",
            path: ["enterprises", index, "years", yearPosition, "year"],
            message: `repeated year ${entry.year}, also at years[${seen}]（年度重复）`,
          });
        else yearIndex.set(entry.year, yearPosition);
        (entry.grants ?? []).forEach((grant, grantPosition) => {
          const here = `years[${yearPosition}].grants[${grantPosition}]`;
          const other = grantIndex.get(grant.id);
          if (other !== undefined)
            context.addIssue({
              code: "custom",
              path: ["enterprises", index, "years", yearPosition, "grants", grantPosition, "id"],
              message: `repeated grant id "${grant.id}", also at ${other}（扶持资金编号重复）`,
            });
          else grantIndex.set(grant.id, here);
        });
        (entry.techProjects ?? []).forEach((project, projectPosition) => {
          const here = `years[${yearPosition}].techProjects[${projectPosition}]`;
          const other = techIndex.get(project.id);
          if (other !== undefined)
            context.addIssue({
              code: "custom",
              path: ["enterprises", index, "years", yearPosition, "techProjects", projectPosition, "id"],
              message: `repeated tech project id "${project.id}", also at ${other}（技术改造项目编号重复）`,
            });
          else techIndex.set(project.id, here);
        });
      });
    });
    const projectIndex = new Map<string, number>();
    (batch.projects ?? []).forEach((project, index) => {
      const first = projectIndex.get(project.id);
      if (first !== undefined)
        context.addIssue({
          code: "custom",
          path: ["projects", index, "id"],
          message: `repeated project id "${project.id}", also at projects[${first}]（项目编号重复）`,
        });
      else projectIndex.set(project.id, index);
      if (project.productionYear != null && project.productionYear < project.introducedYear)
        context.addIssue({
          code: "custom",
          path: ["projects", index, "productionYear"],
          message: `production year ${project.productionYear} is before the year introduced ${project.introducedYear}（投产年度早于引进年度）`,
        });
    });
  });

export interface BatchError {
  path: string;
  message: string;
}

export type BatchParseResult = { ok: true; input: RewardInput } | { ok: false; errors: BatchError[] };

const TYPE_NAMES: Record<string, string> = {
  string: "a string（字符串）",
  number: "a number（数字）",
  int: "an integer（整数）",
  boolean: "true or false（布尔值）",
  array: "an array（数组）",
  object: "an object（对象）",
};

function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "an array";
  return typeof input === "number" && !Number.isInteger(input) ? `${input}` : typeof input;
}

function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && issue.code !== "unrecognized_keys" && issue.code !== "custom")
    return "required（缺少必填字段）";
  switch (issue.code) {
    case "invalid_type":
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeInput(issue.input)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => String(value)).join(", ")}（取值无效：${JSON.stringify(issue.input)}）`;
    case "too_small":
      return issue.origin === "number" ? `must be at least ${String(issue.minimum)}（数值过小）` : undefined;
    case "too_big":
      return issue.origin === "number" ? `must be at most ${String(issue.maximum)}（数值过大）` : undefined;
    default:
      return undefined;
  }
}

function nonNull<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/**
 * The `facts` of one enterprise-year as the rules read them, each checked against the plan's declaration:
 * amounts and quantities are decimal strings in the fact's unit, categories one of the plan's ids.
 */
function yearFacts(
  written: Record<string, unknown>,
  declared: ReadonlyMap<string, DeclaredFact>,
  path: readonly PropertyKey[],
  errors: BatchError[],
): Record<string, bigint | string> {
  const facts: Record<string, bigint | string> = {};
  for (const [id, value] of Object.entries(written)) {
    const at = formatJsonPath([...path, id]);
    const fact = declared.get(id);
    if (fact === undefined) {
      errors.push({ path: at, message: "unknown fact（计划未声明此数据项）" });
      continue;
    }
    if (value === null) continue;
    if (typeof value !== "string") {
      errors.push({
        path: at,
        message:
          fact.measure === "category" ? "不是可选的类别（应为文字）" : "不是十进制数（应写成加引号的十进制字符串）",
      });
      continue;
    }
    // The contract's amounts are plain decimals: the separators a person may type are not taken here.
    if (fact.measure !== "category" && !/^\d+(\.\d+)?$/.test(value)) {
      errors.push({ path: at, message: "不是十进制数" });
      continue;
    }
    const reading = readFactValue(fact, value);
    if (reading.ok) facts[id] = factRuleValue(fact, reading.value);
    else errors.push({ path: at, message: reading.message });
  }
  return facts;
}

/**
 * Validates a parsed JSON value as a rewards batch. On error, every problem is returned with
 * its JSON path (`enterprises[3].years[1].revenue`), in document order. `declaredFacts` are the
 * plan's: an enterprise-year's `facts` may hold only these.
 */
export function parseRewardsBatch(data: unknown, declaredFacts: readonly DeclaredFact[] = []): BatchParseResult {
  const result = rewardsBatchSchema.safeParse(data, { error: issueMessage });
  if (!result.success) {
    const errors: BatchError[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          errors.push({ path: formatJsonPath([...issue.path, key]), message: "unknown field（未知字段）" });
      } else errors.push({ path: formatJsonPath(issue.path), message: issue.message });
    }
    return { ok: false, errors };
  }
  const batch = result.data;
  const declared = new Map(declaredFacts.map((fact) => [fact.id, fact]));
  const factErrors: BatchError[] = [];
  const enterprises: EnterpriseHistory[] = batch.enterprises.map((enterprise, enterpriseIndex) => {
    const years: EnterpriseYear[] = enterprise.years.map((entry, yearIndex) => {
      const year: EnterpriseYear = { year: entry.year };
      if (entry.facts != null)
        year.facts = yearFacts(
          entry.facts,
          declared,
          ["enterprises", enterpriseIndex, "years", yearIndex, "facts"],
          factErrors,
        );
      if (entry.aboveScale != null) year.aboveScale = entry.aboveScale;
      if (entry.newlyAboveScale != null) year.newlyAboveScale = entry.newlyAboveScale;
      if (entry.revenue != null) year.revenue = entry.revenue;
      if (entry.tax != null) year.tax = entry.tax;
      if (entry.grants != null && entry.grants.length > 0) year.grants = entry.grants;
      if (entry.techProjects != null && entry.techProjects.length > 0) year.techProjects = entry.techProjects;
      if (entry.listing != null) year.listing = entry.listing;
      if (entry.listedRegistrationMovedIn != null) year.listedRegistrationMovedIn = entry.listedRegistrationMovedIn;
      if (entry.top500SettledIn != null) year.top500SettledIn = entry.top500SettledIn;
      return year;
    });
    const history: EnterpriseHistory = { creditCode: enterprise.creditCode, years };
    if (enterprise.name != null) history.name = enterprise.name;
    if (enterprise.before != null)
      history.before = { maxRevenue: nonNull(enterprise.before.maxRevenue), maxTax: nonNull(enterprise.before.maxTax) };
    return history;
  });
  const projects: InvestmentProject[] = (batch.projects ?? []).map((project) => {
    const converted: InvestmentProject = {
      id: project.id,
      creditCode: project.creditCode,
      plannedInvestment: project.plannedInvestment,
      introducedYear: project.introducedYear,
    };
    if (project.name != null) converted.name = project.name;
    if (project.productionYear != null) converted.productionYear = project.productionYear;
    return converted;
  });
  if (factErrors.length > 0) return { ok: false, errors: factErrors };
  return { ok: true, input: { enterprises, projects } };
}

/** One line per error: `enterprises[3].years[1].revenue: not a decimal …`. */
export function formatBatchErrors(errors: readonly BatchError[]): string {
  return errors.map((error) => `${error.path}: ${error.message}`).join("\n");
}
