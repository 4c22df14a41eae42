/**
 * `beizeng rewards --input FILE.json [--plan PLAN_ID] [--json]`: the rewards batch of
 * EXCHANGE.md §1. Reads enterprise histories, evaluates every reward rule of the plan and
 * prints one JSON object (--json) or a table in Chinese. Bad input: exit code 2 and one line
 * per problem on standard error, each naming the JSON path.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { amountZh, figureZh, parseYuan } from "@beizeng/domain/money";
import { formatIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { formatBatchErrors, parseRewardsBatch } from "@beizeng/domain/rewards/batch";
import { evaluateRewards, RewardPlanError } from "@beizeng/domain/rewards/engine";
import { explanationText } from "@beizeng/domain/rewards/explanation";
import { parseRate, ratePercent } from "@beizeng/domain/rewards/format";
import { sortEntitlements, toBatchOutput } from "@beizeng/domain/rewards/output";
import type { Entitlement } from "@beizeng/domain/rewards/types";
import type { Command } from "commander";
import { box } from "../output";

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
  const parsed = parseRewardsBatch(data);
  if (!parsed.ok) return invalid(formatBatchErrors(parsed.errors));

  const planId = request.planId ?? DEFAULT_PLAN_ID;
  const plan = await loadPlan(planId, request.plansDirectory ?? DEFAULT_PLANS_DIRECTORY);
  if ("exitCode" in plan) return plan;

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

const LISTING_ZH: Record<string, string> = { domestic: "境内首发上市", overseas: "境外首发上市", neeq: "新三板挂牌" };

/** Rule names and how to show each rule's tier, from the plan. */
function ruleDisplay(plan: PlanFile) {
  const names = new Map<string, string>();
  const tierText = new Map<string, (tier: string) => string>();
  for (const rule of plan.rewards) {
    if (rule.kind === "projectProduction") {
      for (const category of rule.categories) names.set(category.ruleId, `“${category.category}”项目投产奖励`);
      continue;
    }
    names.set(rule.id, rule.name);
    if (rule.kind === "firstCrossing") tierText.set(rule.id, (tier) => `突破 ${figureZh(parseYuan(tier))}`);
    if (rule.kind === "growthBands") tierText.set(rule.id, (tier) => `增幅超过 ${ratePercent(parseRate(tier))}%`);
    if (rule.kind === "grantMatch") tierText.set(rule.id, (tier) => `${ratePercent(parseRate(tier))}%`);
    if (rule.kind === "listing") tierText.set(rule.id, (tier) => LISTING_ZH[tier] ?? tier);
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

async function readInput(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export interface RewardsCommandOptions {
  /** Where plans live (default: <repo>/plans). */
  plansDirectory?: string;
}

/** Registers `beizeng rewards` on the program. */
export function registerRewardsCommand(program: Command, options: RewardsCommandOptions = {}): void {
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
        inputText = await readInput(flags.input);
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
        plansDirectory: options.plansDirectory,
        json: flags.json === true,
        explain: flags.explain === true,
      });
      if (outcome.stdout) process.stdout.write(outcome.stdout);
      if (outcome.stderr) process.stderr.write(outcome.stderr);
      if (outcome.exitCode !== 0) process.exitCode = outcome.exitCode;
    });
}
