import { readFile } from "node:fs/promises";
import { formatIssue, PlanValidationError, parsePlan } from "@beizeng/domain/plan/load";
import type { Command } from "commander";
import { action, CliError, EXIT_INVALID_INPUT } from "../cli-context";

export function registerPlanCommand(program: Command): void {
  const plan = program.command("plan").description("计划文件 / Plan files");
  plan
    .command("validate")
    .description("校验计划文件并给出摘要 / Validate a plan file and summarise it")
    .argument("<file>", "计划文件（YAML 或 JSON）/ the plan file (YAML or JSON)")
    .addHelpText("after", "\n退出码 / Exit codes: 0 = 有效 valid, 2 = 无效 invalid (every error is listed)")
    .action(
      action(async (file: string) => {
        let text: string;
        try {
          text = await readFile(file, "utf8");
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new CliError(`无法读取计划文件 ${file}：${reason}`, EXIT_INVALID_INPUT);
        }
        let loaded: ReturnType<typeof parsePlan>;
        try {
          loaded = parsePlan(text, file);
        } catch (error) {
          if (!(error instanceof PlanValidationError)) throw error;
          const lines = error.issues.map((issue) => `  ${formatIssue(issue)}`);
          throw new CliError(
            [`计划文件无效 / invalid plan file: ${file}（${error.issues.length} 处错误 / errors）`, ...lines].join(
              "\n",
            ),
            EXIT_INVALID_INPUT,
          );
        }
        const p = loaded.plan;
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
}
