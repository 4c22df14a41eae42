import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { describePlanDiff, PLAN_DIFF_SECTION_LABELS } from "@beizeng/domain/plan/diff-text";
import { formatIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { PlanFile } from "@beizeng/domain/plan/schema";
import { loadPlanIntoDistrict, planToYaml, previewPlanLoad } from "@beizeng/server/capabilities/plan/index";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import { listPlanVersions } from "@beizeng/server/platform/plan/districts.repository";
import { readPlanVersion } from "@beizeng/server/platform/plan/plan-reader";
import type { Command } from "commander";
import { action, CliError, EXIT_INVALID_INPUT, withDatabase } from "../cli-context";
import { registerPlanDraftCommand } from "./plan-draft";
import { createFirstOffice } from "./setup";
import { chooseDistrict, cliActor } from "./users";

export function registerPlanCommand(program: Command): void {
  const plan = program.command("plan").description("计划文件 / Plan files");
  plan
    .command("validate")
    .description("校验计划文件并给出摘要 / Validate a plan file and summarise it")
    .argument("<file>", "计划文件（YAML 或 JSON）/ the plan file (YAML or JSON)")
    .addHelpText("after", "\n退出码 / Exit codes: 0 = 有效 valid, 2 = 无效 invalid (every error is listed)")
    .action(
      action(async (file: string) => {
        const p = await readPlanFile(file);
        console.log(
          [
            `计划文件有效 / valid plan file: ${file}`,
            `  ${p.title}${p.document.number ? `（${p.document.number}）` : ""}`,
            `  ${p.titleEn}`,
            `  id ${p.id} · version ${p.version}`,
            `  district ${p.district.province}${p.district.city}${p.district.name} (${p.district.code})`,
            `  period ${p.period.startYear}–${p.period.endYear}, baseline ${p.period.baselineYear}`,
            `  ${p.clauses.length} clauses, ${p.units.length} units, ${p.chains.length} chains, ` +
              `${p.targets.length} targets, ${p.measures.length} measures, ${p.parameters.length} parameters, ` +
              `${p.rewards.length} reward rules`,
          ].join("\n"),
        );
      }),
    );

  plan
    .command("load")
    .description(
      "载入行动方案：首次载入创建区县和单位；修订先显示差异，确认后启用 / Load a plan: a first load creates the district and its units; a revision shows its difference and is activated once confirmed",
    )
    .argument("<file>", "计划文件（YAML 或 JSON）/ the plan file (YAML or JSON)")
    .option(
      "--effective-year <year>",
      "生效年度（默认：首次为方案起始年，修订为今年）/ the first year it governs",
      parseYear,
    )
    .option("--reason <text>", "修订原因（修订时必填）/ why it is loaded (required for a revision)")
    .option("--yes", "不再询问，直接启用 / activate without asking")
    .option("--dry-run", "只显示差异，不载入 / only show the difference")
    .option(
      "--first-office <username>",
      "同时创建第一个办公室账号，显示一次性密码 / also create the first office account",
    )
    .addHelpText(
      "after",
      "\n例 / Example:\n  beizeng plan load plans/my-district/plan.yaml --first-office zhang.san\n  beizeng plan load plan-v2.yaml --effective-year 2025 --reason 提高新上规奖励\n退出码 / Exit codes: 0 = 已载入或无变化 loaded or unchanged, 1 = 被拒绝或未确认 refused or not confirmed, 2 = 文件无效 invalid file",
    )
    .action(
      action(async (file: string, options: LoadOptions, command: Command) => {
        const plan = await readPlanFile(file);
        await withDatabase(command, async (db) => {
          await migrateToLatest(db);
          const preview = await previewPlanLoad(db, plan);
          const district = `${plan.district.name}（${plan.district.code}）`;
          if (preview.status === "first") {
            console.log(
              `${preview.newDistrict ? "新区县" : "区县"} ${district}：载入方案“${plan.title}”第 ${plan.version} 版 / first plan of this district`,
            );
            console.log(
              `  ${plan.units.length} 个单位、${plan.chains.length} 条产业链、${plan.targets.length} 个目标、${plan.rewards.length} 条奖励条款`,
            );
          } else if (preview.status === "unchanged") {
            console.log(
              `${district} 的当前方案已是“${plan.id}”第 ${plan.version} 版，内容相同，无需载入 / already current`,
            );
          } else {
            const current = preview.current;
            console.log(
              `${district}：当前“${current?.planId}”第 ${current?.version} 版 → “${plan.id}”第 ${plan.version} 版 / revision`,
            );
            const summary = preview.diff.summary
              .map(
                (entry) =>
                  `${PLAN_DIFF_SECTION_LABELS[entry.section].zh} +${entry.added} −${entry.removed} ~${entry.changed}`,
              )
              .join("，");
            if (summary) console.log(`  ${summary}`);
            for (const line of describePlanDiff(preview.diff, "zh")) console.log(`  ${line}`);
          }
          for (const problem of preview.problems) console.error(`不能载入 / refused: ${problem}`);
          for (const orphan of preview.orphans) {
            const records = orphan.records
              .map((r) => `${r.label} ${r.count} 条（如 ${r.examples.join("、")}）`)
              .join("、");
            console.error(`不能删除${orphan.what}“${orphan.name}”（${orphan.id}）：仍有${records}`);
          }
          if (preview.problems.length > 0 || preview.orphans.length > 0) {
            throw new CliError("方案未载入 / not loaded");
          }
          if (options.dryRun) return;
          if (preview.status === "revision") {
            if (!options.reason?.trim()) throw new CliError("修订须用 --reason 说明原因 / a revision needs --reason");
            if (!options.yes && !(await confirm("确认启用这个版本吗？/ Activate this version? [y/N] "))) {
              throw new CliError("未确认，方案未载入 / not confirmed: nothing loaded");
            }
          }
          const result = await loadPlanIntoDistrict(db, plan, cliActor(), {
            effectiveYear: options.effectiveYear,
            reason: options.reason,
            expectedCurrent: preview.current ? `${preview.current.planId}@${preview.current.version}` : null,
          });
          if (result.changed) {
            console.log(
              `已载入 / loaded: “${plan.id}”第 ${plan.version} 版；单位 新增 ${result.unitsCreated}、修改 ${result.unitsUpdated}、停用 ${result.unitsRetired}`,
            );
          }
          if (options.firstOffice)
            await createFirstOffice(db, { districtId: plan.district.code, username: options.firstOffice });
        });
      }),
    );

  plan
    .command("versions")
    .description("列出本区方案的各个版本 / List the district's plan versions")
    .option("--district <id>", "区县代码（库中只有一个时可省略）/ district code")
    .action(
      action(async (options: { district?: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const districtId = await chooseDistrict(db, options.district);
          const rows = await listPlanVersions(db, districtId);
          if (rows.length === 0) console.log("本区还没有载入方案 / no plan loaded");
          for (const row of rows) {
            const current = row.is_active === 1 ? "当前 current" : "";
            console.log(
              [
                `${row.plan_id} 第 ${row.version} 版`,
                `${row.effective_year ?? "?"} 年起生效`,
                row.loaded_at.slice(0, 19).replace("T", " "),
                row.loaded_by ?? "",
                row.reason ?? "",
                current,
              ]
                .filter(Boolean)
                .join("  "),
            );
          }
        });
      }),
    );

  registerPlanDraftCommand(plan);

  plan
    .command("export")
    .description("把一个版本导出为 YAML / Write one stored version as YAML")
    .requiredOption("--plan-id <id>", "方案编号 / the plan's id")
    .requiredOption("--version <n>", "版本号 / version", (value) => Number.parseInt(value, 10))
    .option("--district <id>", "区县代码 / district code")
    .option("--output <file>", "写入文件（默认输出到标准输出）/ write to a file instead of stdout")
    .action(
      action(
        async (options: { planId: string; version: number; district?: string; output?: string }, command: Command) => {
          await withDatabase(command, async (db) => {
            const districtId = await chooseDistrict(db, options.district);
            const stored = await readPlanVersion(db, districtId, options.planId, options.version);
            if (!stored) throw new CliError(`没有方案“${options.planId}”第 ${options.version} 版 / no such version`);
            const yaml = planToYaml(stored.plan);
            if (options.output) {
              await writeFile(options.output, yaml, "utf8");
              console.log(`已写入 / written: ${options.output}`);
            } else process.stdout.write(yaml);
          });
        },
      ),
    );
}

interface LoadOptions {
  effectiveYear?: number;
  reason?: string;
  yes?: boolean;
  dryRun?: boolean;
  firstOffice?: string;
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !Number.isInteger(year))
    throw new CliError(`--effective-year：必须是四位年份 / a four-digit year: ${value}`, EXIT_INVALID_INPUT);
  return year;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|是|确认)$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** A plan file read and validated; every problem listed, exit code 2. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`无法读取计划文件 ${file}：${reason}`, EXIT_INVALID_INPUT);
  }
  try {
    return parsePlan(text, file).plan;
  } catch (error) {
    if (!(error instanceof PlanValidationError)) throw error;
    const lines = error.issues.map((issue) => `  ${formatIssue(issue)}`);
    throw new CliError(
      [`计划文件无效 / invalid plan file: ${file}（${error.issues.length} 处错误 / errors）`, ...lines].join("\n"),
      EXIT_INVALID_INPUT,
    );
  }
}
