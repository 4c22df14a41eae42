import { readFile, writeFile } from "node:fs/promises";
import { draftPlan } from "@beizeng/domain/plan/draft/draft-plan";
import { REVIEW_MARK } from "@beizeng/domain/plan/draft/review-marks";
import { formatIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { documentText } from "@beizeng/server/capabilities/plan/index";
import { AppError } from "@beizeng/server/platform/errors";
import type { Command } from "commander";
import { action, CliError, EXIT_INVALID_INPUT } from "../cli-context";

const KIND_WORDS: Record<string, string> = {
  leadership: "领导机构",
  office: "办公室",
  department: "部门",
  town: "镇/乡",
  street: "街道",
  zone: "开发区/园区",
  discipline: "纪检监察",
};

/** `beizeng plan draft DOCUMENT`: a draft plan file from the text of an issued document (docs/plan-drafting.md). */
export function registerPlanDraftCommand(plan: Command): void {
  plan
    .command("draft")
    .description("由发文原文起草计划文件 / Draft a plan file from the text of an issued document")
    .argument("<document>", "发文原文：纯文本（.txt）或 Word 文档（.docx）/ the document (.txt or .docx)")
    .option("--output <file>", "草稿写入文件（默认输出到标准输出）/ write the draft to a file instead of stdout")
    .option(
      "--base <plan-file>",
      "作为此计划文件的下一版起草（沿用其编号、区县、单位和设置）/ draft the next version of this plan file",
    )
    .addHelpText(
      "after",
      `\n草稿中标有 ${REVIEW_MARK} 的字段须由人填写；填写完之前 plan validate / plan load 会逐项列出并拒绝。\nFields marked ${REVIEW_MARK} must be filled in by a person; until then the loader lists and refuses them.\n例 / Example:\n  beizeng plan draft 行动计划.docx --output plans/my-district/plan.yaml\n退出码 / Exit codes: 0 = 已起草 drafted, 2 = 无法读取 unreadable document`,
    )
    .action(
      action(async (file: string, options: { output?: string; base?: string }) => {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new CliError(`无法读取发文原文 ${file}：${reason}`, EXIT_INVALID_INPUT);
        }
        let text: string;
        try {
          text = await documentText(bytes, file);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(error.message, EXIT_INVALID_INPUT);
          throw error;
        }
        const base = options.base ? await readBasePlan(options.base) : undefined;
        const draft = draftPlan(text, base ? { base } : {});
        const summary = [
          `已起草 / drafted: ${draft.header.title ?? file}${draft.header.number ? `（${draft.header.number}）` : ""}`,
          `  ${draft.clauses.length} 个条款 / clauses: ${draft.clauses.map((clause) => clause.id).join(" ")}`,
          `  ${draft.units.length} 个单位 / units: ${draft.units.map((unit) => `${unit.name}（${KIND_WORDS[unit.kind] ?? unit.kind}）`).join("、")}`,
          ...(draft.collectives.length > 0
            ? [`  泛指 / collective: ${draft.collectives.join("、")}（写作全部镇、街道和园区）`]
            : []),
          `  ${draft.targets.length} 个目标 / targets`,
          ...draft.targets.map((target) => `    ${target.id} ${target.quote}`),
          `  ${draft.money.length} 句涉及奖励金额，各起草为一条待核定的奖励规则 / money sentences, each a rule to review`,
          ...draft.money.map((money) => `    ${money.ruleId} ${money.quote}`),
          `  ${draft.marks.length} 处待核定 / fields to fill (${REVIEW_MARK})`,
          ...(draft.dropped.length > 0 ? [`  略去 ${draft.dropped.length} 行页眉、页码或说明 / lines left out`] : []),
        ].join("\n");
        if (options.output) {
          await writeFile(options.output, draft.yaml, "utf8");
          console.log(`${summary}\n已写入 / written: ${options.output}`);
        } else {
          process.stderr.write(`${summary}\n`);
          process.stdout.write(draft.yaml);
        }
      }),
    );
}

/** The plan file the draft is to be the next version of; it must itself be valid. */
async function readBasePlan(file: string): Promise<PlanFile> {
  try {
    return parsePlan(await readFile(file, "utf8"), file).plan;
  } catch (error) {
    if (error instanceof PlanValidationError) {
      const lines = error.issues.map((issue) => `  ${formatIssue(issue)}`);
      throw new CliError(
        [`--base：计划文件无效 / invalid plan file: ${file}`, ...lines].join("\n"),
        EXIT_INVALID_INPUT,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`--base：无法读取计划文件 ${file}：${reason}`, EXIT_INVALID_INPUT);
  }
}
