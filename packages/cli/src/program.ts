import { Command } from "commander";
import { registerAuditCommand } from "./commands/audit";
import { registerDemoCommand } from "./commands/demo";
import { registerImportCommand } from "./commands/import";
import { registerMigrateCommand } from "./commands/migrate";
import { registerPlanCommand } from "./commands/plan";
import { registerRewardsCommand } from "./commands/rewards";
import { registerServeCommand } from "./commands/serve";
import { registerSetupCommand } from "./commands/setup";
import { registerUsersCommand } from "./commands/users";

/** The `beizeng` command with every subcommand registered. */
export function buildProgram(): Command {
  const program = new Command("beizeng")
    .description("倍增：区县工业倍增行动计划平台的运维命令 / Beizeng operator commands")
    .option("--database-url <url>", "PostgreSQL 连接串（默认读 DATABASE_URL）/ PostgreSQL URL (default: DATABASE_URL)")
    .option(
      "--sqlite <file>",
      "SQLite 文件（默认读 BEIZENG_SQLITE_FILE，否则 data/beizeng.sqlite）/ SQLite file (default: BEIZENG_SQLITE_FILE or data/beizeng.sqlite)",
    )
    .showHelpAfterError("(--help 查看用法 / for usage)");
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerPlanCommand(program);
  registerDemoCommand(program);
  registerSetupCommand(program);
  registerUsersCommand(program);
  registerAuditCommand(program);
  registerRewardsCommand(program);
  registerImportCommand(program);
  return program;
}
