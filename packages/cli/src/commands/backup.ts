import { auditKeyFileFor } from "@beizeng/server/platform/audit/audit-key";
import { DEFAULT_SQLITE_FILE } from "@beizeng/server/platform/db/database";
import { KNOWN_MIGRATIONS } from "@beizeng/server/platform/db/migrate";
import { backupSqlite, restoreSqlite, type SqliteBackupFacts } from "@beizeng/server/platform/db/sqlite-backup";
import type { Command } from "commander";
import { action, CliError, databaseConfigFor } from "../cli-context";

const POSTGRES_TOOLS =
  "PostgreSQL 数据库请用 pg_dump / pg_restore 备份和恢复（见 docs/deployment.md）/ Back up PostgreSQL with pg_dump and pg_restore (docs/deployment.md)";

/** The SQLite file the command works on; PostgreSQL has its own tools. */
function sqliteFileOf(command: Command): string {
  const config = databaseConfigFor(command);
  if (config.url) throw new CliError(POSTGRES_TOOLS);
  return config.sqliteFile ?? DEFAULT_SQLITE_FILE;
}

function describe(facts: SqliteBackupFacts): string {
  return [
    `  文件 / file: ${facts.file}（${(facts.bytes / 1024 / 1024).toFixed(1)} MB）`,
    `  SHA-256: ${facts.sha256}`,
    `  数据库版本 / schema: ${facts.lastMigration ?? "—"}（${facts.migrations} 个迁移 / migrations）`,
    `  区县 / districts: ${facts.districts}，企业 / enterprises: ${facts.enterprises}`,
  ].join("\n");
}

export function registerBackupCommand(program: Command): void {
  program
    .command("backup")
    .description("备份 SQLite 数据库（服务运行时也可）/ Back up the SQLite database (online)")
    .argument("<file>", "备份文件，不能已存在 / the backup file to write (must not exist)")
    .action(
      action(async (file: string, _options: unknown, command: Command) => {
        const source = sqliteFileOf(command);
        let shown = -1;
        const facts = await backupSqlite(source, file, KNOWN_MIGRATIONS, (done, total) => {
          const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
          if (percent >= shown + 25) {
            shown = percent;
            process.stderr.write(`  ${percent}%\n`);
          }
        });
        console.log(`已备份 / backed up: ${source} → ${file}\n${describe(facts)}`);
        // The key is a secret of its own: it is not in the database file, and a restored database needs it back.
        console.log(
          `注意 / note: 审计签名密钥不在备份中，请另行妥善保管 / the audit signing key is not in the backup; keep it safe separately: ${auditKeyFileFor(databaseConfigFor(command))}`,
        );
      }),
    );
}

export function registerRestoreCommand(program: Command): void {
  program
    .command("restore")
    .description("从备份恢复 SQLite 数据库（须先停止服务）/ Restore the SQLite database from a backup (server stopped)")
    .argument("<file>", "备份文件 / the backup file")
    .action(
      action(async (file: string, _options: unknown, command: Command) => {
        const target = sqliteFileOf(command);
        const { facts, keptAs } = await restoreSqlite(file, target, KNOWN_MIGRATIONS);
        console.log(`已恢复 / restored: ${file} → ${target}\n${describe(facts)}`);
        if (keptAs) console.log(`原数据库已保留为 / the replaced database is kept as: ${keptAs}`);
        if (facts.lastMigration !== KNOWN_MIGRATIONS.at(-1)) {
          console.log(
            "备份来自较早版本：启动服务或运行 beizeng migrate 时会升级 / an older backup: `beizeng migrate` (or serve) upgrades it",
          );
        }
      }),
    );
}
