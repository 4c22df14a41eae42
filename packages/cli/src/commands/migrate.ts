import { prepareAuditSigningKey } from "@beizeng/server/platform/audit/audit-checkpoints.service";
import { auditKeyFileFor } from "@beizeng/server/platform/audit/audit-key";
import { migrateToLatest, migrationStatus } from "@beizeng/server/platform/db/migrate";
import type { Command } from "commander";
import { action, databaseConfigFor, describeDatabase, withDatabase } from "../cli-context";

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("升级数据库结构到最新版本 / Apply pending database migrations")
    .option("--status", "只列出已执行和待执行的迁移 / Only list applied and pending migrations")
    .addHelpText(
      "after",
      "\n数据库 / Database: DATABASE_URL (PostgreSQL) 或 / or BEIZENG_SQLITE_FILE (SQLite, default data/beizeng.sqlite)",
    )
    .action(
      action(async (options: { status?: boolean }, command: Command) => {
        const where = describeDatabase(databaseConfigFor(command));
        await withDatabase(command, async (db) => {
          if (options.status) {
            const { applied, pending } = await migrationStatus(db);
            console.log(`${where}\n已执行 / applied: ${applied.length}`);
            for (const name of applied) console.log(`  ✓ ${name}`);
            console.log(`待执行 / pending: ${pending.length}`);
            for (const name of pending) console.log(`  · ${name}`);
            return;
          }
          const applied = await migrateToLatest(db);
          if (applied.length === 0) console.log(`${where}: 已是最新 / already up to date`);
          else {
            console.log(`${where}: 已执行 ${applied.length} 个迁移 / applied ${applied.length} migration(s)`);
            for (const name of applied) console.log(`  ✓ ${name}`);
          }
          // The key that signs the audit log's checkpoints is set up with the database, outside it.
          const keyFile = auditKeyFileFor(databaseConfigFor(command));
          const audit = await prepareAuditSigningKey(db, keyFile);
          if (audit.created) {
            console.log(
              `已生成审计签名密钥 / audit signing key created: ${keyFile}（指纹 / fingerprint ${audit.key.keyId}）`,
            );
          }
          for (const warning of audit.warnings) console.warn(`警告 / warning: ${warning}`);
        });
      }),
    );
}
