/**
 * `beizeng rewards --input FILE.json [--plan PLAN_ID] [--json]`: the rewards batch of
 * EXCHANGE.md §1. Reads enterprise histories, evaluates every reward rule of the plan and
 * prints one JSON object (--json) or a table in Chinese. Bad input: exit code 2 and one line
 * per problem on standard error, each naming the JSON path.
 *
 * With --json the input is read as a stream (streamRewardsBatch): enterprise by enterprise,
 * each evaluated with its investment projects as soon as it is read, keeping only the
 * entitlements' output fields for the sorted output. Input the stream does not take as it is
 * (any error, an unusual shape) is read again whole by runRewardsBatch, which words every problem.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { amountZh, type Fen, figureZh, formatYuan, parseYuan } from "@beizeng/domain/money";
import { formatIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { formatBatchErrors, parseRewardsBatch } from "@beizeng/domain/rewards/batch";
import {
  type CompiledRewardPlan,
  compileRewardPlan,
  evaluateRewards,
  RewardPlanError,
} from "@beizeng/domain/rewards/engine";
import { explanationText } from "@beizeng/domain/rewards/explanation";
import { parseRate, ratePercent } from "@beizeng/domain/rewards/format";
import { compareEntitlements, sortEntitlements, toBatchOutput } from "@beizeng/domain/rewards/output";
import type { EnterpriseHistory, Entitlement, InvestmentProject } from "@beizeng/domain/rewards/types";
import type { Command } from "commander";
import { JsonMemberScanner } from "../json-members";
import { box } from "../output";
import { plainlyValidEnterprise } from "./batch-enterprise";

export const DEFAULT_PLAN_ID = "changjiang-2021-2023";
const EXIT_INVALID_INPUT = 2;
const DEFAULT_PLANS_DIRECTORY = fileURLToPath(new URL("../../../../plans", import.meta.url));

export interface RewardsBatchRequest {
  /** The input file's text; `inputName` names it in messages. */
  inputText: string;
  inputName: string;
  planId?: string;
  plansDirectory?: string;
  json?: boolean;
  /** Print each entitlement's explanation under the table (not with --json). */
  explain?: boolean;
}

export interface RewardsBatchOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function invalid(message: string): RewardsBatchOutcome {
  return { exitCode: EXIT_INVALID_INPUT, stdout: "", stderr: `${message}\n` };
}

/** A plan file's path (a district's own plan) rather than the id of a plan shipped under plans/. */
function isPlanPath(plan: string): boolean {
  return /[/\\]/.test(plan) || /\.(ya?ml|json)$/i.test(plan);
}

async function loadPlan(planId: string, plansDirectory: string): Promise<PlanFile | RewardsBatchOutcome> {
  const byPath = isPlanPath(planId);
  if (!byPath && !/^[a-z0-9][a-z0-9-]*$/.test(planId))
    return invalid(
      `--plan: 计划编号无效 / invalid plan id: ${JSON.stringify(planId)}（小写字母、数字和短横线，或计划文件的路径）`,
    );
  const fileName = byPath ? planId : `plans/${planId}/plan.yaml`;
  let text: string;
  try {
    text = await readFile(byPath ? planId : `${plansDirectory}/${planId}/plan.yaml`, "utf8");
  } catch {
    return invalid(`--plan: 找不到计划 / no such plan: ${planId}（${fileName}）`);
  }
  try {
    return parsePlan(text, fileName).plan;
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    return invalid(
      [
        `--plan: 计划文件无效 / invalid plan file: ${fileName}`,
        ...error.issues.map((issue) => `  ${formatIssue(issue)}`),
      ].join("\n"),
    );
  }
}

/**
 * Runs one batch: validates the input, evaluates the plan, and returns what the command prints
 * and its exit code (0 done, 2 invalid input or plan). Kept apart from commander for testing.
 */
export async function runRewardsBatch(request: RewardsBatchRequest): Promise<RewardsBatchOutcome> {
  let data: unknown;
  try {
    data = JSON.parse(request.inputText);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return invalid(`(input): not valid JSON（不是合法的 JSON）: ${request.inputName}: ${detail}`);
  }
  const planId = request.planId ?? DEFAULT_PLAN_ID;
  const plan = await loadPlan(planId, request.plansDirectory ?? DEFAULT_PLANS_DIRECTORY);
  if ("exitCode" in plan) return plan;
  // The plan first: an enterprise-year's `facts` are read against the facts it declares.
  const parsed = parseRewardsBatch(data, plan.facts);
  if (!parsed.ok) return invalid(formatBatchErrors(parsed.errors));

  let entitlements: Entitlement[];
  try {
    entitlements = evaluateRewards(plan, parsed.input, {
      explain: request.explain === true && !request.json,
    }).entitlements;
  } catch (error) {
    if (error instanceof RewardPlanError) return invalid(`--plan: ${error.message}`);
    throw error;
  }
  if (request.json)
    return { exitCode: 0, stdout: `${JSON.stringify(toBatchOutput(plan.id, entitlements), null, 2)}\n`, stderr: "" };
  const names = new Map(parsed.input.enterprises.map((enterprise) => [enterprise.creditCode, enterprise.name ?? ""]));
  return { exitCode: 0, stdout: `${rewardsTable(plan, entitlements, names, request.explain === true)}\n`, stderr: "" };
}

/** Rule names and how to show each rule's tier, read from the rule's structure in the rule language. */
function ruleDisplay(plan: PlanFile) {
  const names = new Map<string, string>();
  const tierText = new Map<string, (tier: string) => string>();
  for (const rule of plan.rewards) {
    names.set(rule.id, rule.name);
    const tiers = rule.tiers;
    if (tiers !== undefined) {
      for (const step of tiers.steps)
        if (step.ruleId !== undefined)
          names.set(step.ruleId, step.category === undefined ? rule.name : `${rule.name}（“${step.category}”）`);
      if (tiers.growthOf !== undefined) tierText.set(rule.id, (tier) => `增幅 ${ratePercent(parseRate(tier))}%`);
      else if (tiers.label === "threshold")
        tierText.set(rule.id, (tier) => `${tiers.firstTime ? "首次突破" : "达到"} ${figureZh(parseYuan(tier))}`);
    }
    const byCategory = rule.byCategory;
    if (byCategory !== undefined) {
      const words = new Map(byCategory.values.map((value) => [value.is, value.zh ?? value.is]));
      tierText.set(rule.id, (tier) =>
        byCategory.tier === "rate" ? `${ratePercent(parseRate(tier))}%` : (words.get(tier) ?? tier),
      );
    }
  }
  return { names, tierText };
}

/** The readable form: one row per entitlement in the batch order, then the total. */
export function rewardsTable(
  plan: PlanFile,
  entitlements: readonly Entitlement[],
  enterpriseNames: ReadonlyMap<string, string>,
  explain = false,
): string {
  const sorted = sortEntitlements([...entitlements]);
  const output = toBatchOutput(plan.id, sorted);
  const { names, tierText } = ruleDisplay(plan);
  const title = `${plan.title} — 免申即享奖励测算（${plan.id}）`;
  if (sorted.length === 0) return box(title, ["没有符合条件的奖励 / no entitlements"]);
  const rows: (string | string[])[] = [["统一社会信用代码", "企业", "年度", "奖励", "档次", "金额", "条款"]];
  for (const entitlement of sorted) {
    const tier =
      entitlement.tier === null ? "—" : (tierText.get(entitlement.ruleId)?.(entitlement.tier) ?? entitlement.tier);
    rows.push([
      entitlement.creditCode,
      enterpriseNames.get(entitlement.creditCode) || "—",
      `${entitlement.year}年`,
      `${names.get(entitlement.ruleId) ?? entitlement.ruleId}（${entitlement.ruleId}）`,
      tier,
      entitlement.amount === null ? "一企一策另定" : amountZh(entitlement.amount),
      entitlement.clause,
    ]);
  }
  const caseByCase = sorted.filter((entitlement) => entitlement.amount === null).length;
  rows.push("");
  rows.push(
    `合计 ${sorted.length} 项，金额 ${amountZh(parseYuan(output.total))}（${output.total} 元）` +
      (caseByCase > 0 ? `；另有 ${caseByCase} 项“一企一策”奖励金额另行决定，不计入合计` : ""),
  );
  const table = box(title, rows);
  if (!explain) return table;
  const sentences = sorted
    .filter((entitlement) => entitlement.explanation)
    .map((entitlement) => `- ${entitlement.creditCode} ${explanationText(entitlement, "zh")}`);
  return [table, "", "说明 / explanations:", ...sentences].join("\n");
}

/** The batch's input, read as often as needed: once for its members, once for its enterprises. */
export interface BatchSource {
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

const READ_CHUNK_BYTES = 1 << 20;

export function fileSource(file: string): BatchSource {
  return { chunks: () => createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) };
}

/** Bytes already in memory (standard input, read once; or a test's text). */
export function bufferSource(bytes: Buffer): BatchSource {
  return {
    *chunks() {
      for (let offset = 0; offset < bytes.length; offset += READ_CHUNK_BYTES)
        yield bytes.subarray(offset, offset + READ_CHUNK_BYTES);
    },
  };
}

async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** What the output keeps of an entitlement: its output fields and the subject that orders ties. */
type BatchRow = Pick<Entitlement, "creditCode" | "ruleId" | "clause" | "tier" | "year" | "amount" | "subjectId">;

/** Enterprises evaluated together: enough to spread the engine's per-call work, few enough to stay small. */
const ENTERPRISES_PER_EVALUATION = 500;
/** Entitlements written to the output in one piece. */
const ROWS_PER_WRITE = 4096;

async function scan(source: BatchSource, scanner: JsonMemberScanner): Promise<void> {
  for await (const chunk of source.chunks()) scanner.push(chunk);
  scanner.end();
}

/**
 * The `--json` batch read as a stream: a first pass takes the top-level members other than
 * `enterprises` (the investment projects, indexed by credit code), a second evaluates the
 * enterprises as they are read, each with its own projects, with the plan compiled once. Only the
 * rows of the output are kept; the output is written once all is read, sorted as EXCHANGE.md §1
 * says, byte for byte what runRewardsBatch prints. Returns false, having written nothing, when
 * the input or plan is not one it computes as it is (invalid in any way, or with members it does
 * not know): runRewardsBatch then reads it whole and names every problem.
 */
export async function streamRewardsBatch(
  source: BatchSource,
  options: { planId?: string; plansDirectory?: string },
  write: (text: string) => void,
): Promise<boolean> {
  const plan = await loadPlan(options.planId ?? DEFAULT_PLAN_ID, options.plansDirectory ?? DEFAULT_PLANS_DIRECTORY);
  if ("exitCode" in plan) return false;
  let rows: BatchRow[];
  try {
    const compiled = compileRewardPlan(plan);
    const projectsByCode = await readProjects(source);
    if (projectsByCode === null) return false;
    rows = await evaluateStream(source, compiled, projectsByCode);
  } catch {
    // Unreadable, malformed or invalid: read whole, its problems are named there.
    return false;
  }
  writeBatchOutput(plan.id, rows, write);
  return true;
}

/** First pass: the investment projects by credit code, or null when the top level holds more than the stream takes. */
async function readProjects(source: BatchSource): Promise<Map<string, InvestmentProject[]> | null> {
  const members = new Map<string, string>();
  let hasEnterprises = false;
  const scanner = new JsonMemberScanner(
    "enterprises",
    {
      member: (key, text) => members.set(key, text),
      arrayKey: () => {
        hasEnterprises = true;
      },
    },
    true,
    false,
  );
  await scan(source, scanner);
  if (!hasEnterprises || [...members.keys()].some((key) => key !== "projects")) return null;
  const byCode = new Map<string, InvestmentProject[]>();
  const projectsText = members.get("projects");
  if (projectsText === undefined) return byCode;
  const parsed = parseRewardsBatch({ enterprises: [], projects: JSON.parse(projectsText) });
  if (!parsed.ok) return null;
  for (const project of parsed.input.projects ?? []) {
    const own = byCode.get(project.creditCode);
    if (own) own.push(project);
    else byCode.set(project.creditCode, [project]);
  }
  return byCode;
}

class NotStreamable extends Error {}

function enterpriseThroughSchema(value: unknown): EnterpriseHistory {
  const parsed = parseRewardsBatch({ enterprises: [value] });
  if (!parsed.ok) throw new NotStreamable();
  return parsed.input.enterprises[0] as EnterpriseHistory;
}

/** Second pass: every enterprise validated and evaluated as it is read; the output rows. */
async function evaluateStream(
  source: BatchSource,
  compiled: CompiledRewardPlan,
  projectsByCode: Map<string, InvestmentProject[]>,
): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  const codesSeen = new Set<string>();
  let enterprises: EnterpriseHistory[] = [];
  let projects: InvestmentProject[] = [];
  // A plan's yearly budgets over all enterprises (and deductions) are applied once over the whole file: its
  // awards are kept until the last enterprise was read.
  const finalizer = compiled.awardFinalizer;
  const unfinished: Entitlement[] = [];
  const pushRows = (entitlements: readonly Entitlement[]) => {
    for (const entitlement of entitlements) {
      const row: BatchRow = {
        creditCode: entitlement.creditCode,
        ruleId: entitlement.ruleId,
        clause: entitlement.clause,
        tier: entitlement.tier,
        year: entitlement.year,
        amount: entitlement.amount,
      };
      if (entitlement.subjectId !== undefined) row.subjectId = entitlement.subjectId;
      rows.push(row);
    }
  };
  const evaluatePending = () => {
    const result = evaluateRewards(compiled, { enterprises, projects }, { explain: false, finalize: false });
    if (finalizer == null) pushRows(result.entitlements);
    else for (const entitlement of result.entitlements) unfinished.push(entitlement);
    enterprises = [];
    projects = [];
  };
  const scanner = new JsonMemberScanner(
    "enterprises",
    {
      element: (text) => {
        const value: unknown = JSON.parse(text);
        const enterprise = plainlyValidEnterprise(value) ?? enterpriseThroughSchema(value);
        if (codesSeen.has(enterprise.creditCode)) throw new NotStreamable();
        codesSeen.add(enterprise.creditCode);
        enterprises.push(enterprise);
        const own = projectsByCode.get(enterprise.creditCode);
        if (own) {
          for (const project of own) projects.push(project);
          projectsByCode.delete(enterprise.creditCode);
        }
        if (enterprises.length >= ENTERPRISES_PER_EVALUATION) evaluatePending();
      },
    },
    false,
    true,
  );
  await scan(source, scanner);
  // Projects of enterprises the file does not list are paid all the same.
  for (const own of projectsByCode.values()) for (const project of own) projects.push(project);
  evaluatePending();
  if (finalizer != null) pushRows(finalizer.apply(unfinished).entitlements);
  return rows;
}

/** The EXCHANGE.md §1 object as JSON.stringify(…, null, 2) writes it, one piece at a time. */
export function writeBatchOutput(planId: string, rows: BatchRow[], write: (text: string) => void): void {
  // The batch order compares only the rows' own fields.
  rows.sort(compareEntitlements as (left: BatchRow, right: BatchRow) => number);
  let total: Fen = 0n;
  if (rows.length === 0) {
    write(`{\n  "plan": ${JSON.stringify(planId)},\n  "entitlements": [],\n  "total": "${formatYuan(total)}"\n}\n`);
    return;
  }
  let text = `{\n  "plan": ${JSON.stringify(planId)},\n  "entitlements": [\n`;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as BatchRow;
    if (row.amount !== null) total += row.amount;
    text +=
      `    {\n      "creditCode": ${JSON.stringify(row.creditCode)},\n      "ruleId": ${JSON.stringify(row.ruleId)},\n` +
      `      "tier": ${row.tier === null ? "null" : JSON.stringify(row.tier)},\n      "year": ${JSON.stringify(row.year)},\n` +
      `      "amount": ${row.amount === null ? "null" : `"${formatYuan(row.amount)}"`},\n      "clause": ${JSON.stringify(row.clause)}\n    }` +
      (index + 1 < rows.length ? ",\n" : "\n");
    if ((index + 1) % ROWS_PER_WRITE === 0) {
      write(text);
      text = "";
    }
  }
  write(`${text}  ],\n  "total": "${formatYuan(total)}"\n}\n`);
}

export interface RewardsCommandOptions {
  /** Where plans live (default: <repo>/plans). */
  plansDirectory?: string;
}

/** Registers `beizeng rewards` on the program. */
export function registerRewardsCommand(program: Command, commandOptions: RewardsCommandOptions = {}): void {
  program
    .command("rewards")
    .description("按计划测算免申即享奖励（批量）/ Compute the reward entitlements of a batch of enterprises")
    .requiredOption("--input <file>", "企业历史数据 JSON 文件（- 为标准输入）/ the batch JSON file (- for stdin)")
    .option(
      "--plan <id|file>",
      "计划编号（plans/<id>/plan.yaml）或计划文件路径 / a shipped plan's id, or the path of a plan file",
      DEFAULT_PLAN_ID,
    )
    .option("--json", "输出 JSON（见 docs/rewards.md）/ print the JSON object of EXCHANGE.md §1")
    .option("--explain", "在表格后列出每项奖励的说明 / list each entitlement's explanation after the table")
    .addHelpText(
      "after",
      "\n退出码 / Exit codes: 0 = 完成 done, 2 = 输入或计划无效 invalid input or plan (the JSON path is named)",
    )
    .action(async (flags: { input: string; plan: string; json?: boolean; explain?: boolean }) => {
      let inputText: string;
      try {
        const stdin = flags.input === "-" ? await readStdinBytes() : null;
        if (flags.json) {
          const source = stdin ? bufferSource(stdin) : fileSource(flags.input);
          const options = { planId: flags.plan, plansDirectory: commandOptions.plansDirectory };
          if (await streamRewardsBatch(source, options, (text) => process.stdout.write(text))) return;
        }
        inputText = stdin ? stdin.toString("utf8") : await readFile(flags.input, "utf8");
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(`--input: 无法读取输入文件 / cannot read ${flags.input}: ${reason}\n`);
        process.exitCode = EXIT_INVALID_INPUT;
        return;
      }
      const outcome = await runRewardsBatch({
        inputText,
        inputName: flags.input,
        planId: flags.plan,
        plansDirectory: commandOptions.plansDirectory,
        json: flags.json === true,
        explain: flags.explain === true,
      });
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(outcome.stderr);
      if (outcome.exitCode !== 0) process.exitCode = outcome.exitCode;
    });
}
