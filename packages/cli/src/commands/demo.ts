import { loadDemo, readChangjiangPlan } from "@beizeng/server/demo/load-demo";
import { migrateToLatest } from "@beizeng/server/platform/db/migrate";
import type { Command } from "commander";
import { action, CliError, databaseConfigFor, describeDatabase, withDatabase } from "../cli-context";
import { formatDemoLogins } from "../demo-logins";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("载入昌江区行动方案和演示数据 / Load the Changjiang plan and synthetic demo data")
    .option("--force", "数据库已有其他数据时仍然加入演示数据 / Add the demo even though the database holds other data")
    .addHelpText(
      "after",
      [
        "",
        "空数据库：执行迁移，载入方案和演示数据（一个事务，审计记录为“演示数据”）。",
        "已有演示数据：不重复载入，只列出演示账号。",
        "已有其他数据：拒绝（演示账号的密码是公开的），除非加 --force。",
        "",
        "Empty database: migrate, then load the plan and the demo data (one transaction, audited as 演示数据).",
        "Demo already there: nothing is loaded twice; the logins are listed. Other data present: refused unless --force.",
      ].join("\n"),
    )
    .action(
      action(async (options: { force?: boolean }, command: Command) => {
        const plan = readChangjiangPlan();
        const where = describeDatabase(databaseConfigFor(command));
        await withDatabase(command, async (db) => {
          await migrateToLatest(db);
          const outcome = await loadDemo(db, { force: options.force === true, plan });
          if (outcome.status === "refused") throw new CliError(outcome.reason);
          if (outcome.status === "already-loaded") {
            console.log(
              `${where}: ${outcome.districtName} 已有演示数据，未重复载入 / demo data already present, nothing loaded`,
            );
          } else {
            const { enterprises, figures, projects, users } = outcome.counts;
            console.log(
              `${where}: 已载入${outcome.planLoaded ? "行动方案和" : ""}演示数据 / demo data loaded — ` +
                `${outcome.districtName}: ${enterprises} enterprises, ${figures} figures, ${projects} projects, ${users} accounts`,
            );
          }
          console.log(formatDemoLogins(outcome.logins));
        });
      }),
    );
}
