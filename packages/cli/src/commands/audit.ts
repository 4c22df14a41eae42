import { verifyAuditChain } from "@beizeng/server/services/audit.service";
import type { Command } from "commander";
import { action, CliError, withDatabase } from "../cli-context";

export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("审计日志 / The audit log");
  audit
    .command("verify")
    .description("校验审计日志的哈希链 / Verify the audit log's hash chain")
    .option("--district <id>", "只校验一个区县（行政区划代码）/ Only one district (its code, e.g. 360202)")
    .addHelpText(
      "after",
      "\n退出码 / Exit codes: 0 = 完好 intact, 1 = 有记录被改动 broken (the first broken entry is named)",
    )
    .action(
      action(async (options: { district?: string }, command: Command) => {
        await withDatabase(command, async (db) => {
          const result = await verifyAuditChain(db, options.district);
          if (result.ok) {
            console.log(`审计日志完好 / audit log intact: ${result.count} 条记录 entries verified`);
            return;
          }
          const broken = result.firstBroken;
          throw new CliError(
            `审计日志已被改动 / audit log broken: 区县 ${broken.districtId} 第 ${broken.seq} 条（id ${broken.id}）` +
              `：${broken.message}（${broken.reason}）；此前 ${result.count} 条完好 / ${result.count} entries before it verified`,
          );
        });
      }),
    );
}
