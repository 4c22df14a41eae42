/**
 * Backing up and restoring a district's SQLite file. A backup is taken online through SQLite's own backup API, so
 * the server may keep serving (and writing) while it runs, and the copy is one consistent state. A restore checks
 * the file before it touches anything, keeps the database it replaces beside it, and swaps the file in with a
 * rename, so a restore cut short leaves the old database as it was. PostgreSQL is backed up with its own tools
 * (pg_dump, pg_restore: docs/deployment.md).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { AppError } from "../errors";

/** What a backup file holds, read without changing it. */
export interface SqliteBackupFacts {
  file: string;
  bytes: number;
  sha256: string;
  /** The last migration applied to it: the version of the schema it was made by. */
  lastMigration: string | null;
  migrations: number;
  districts: number;
  enterprises: number;
}

function refuse(message: string): never {
  throw new AppError(400, "backup_refused", message);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function countOf(db: SqliteDatabase.Database, table: string): number {
  const exists = db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(table);
  if (!exists) return 0;
  return Number((db.prepare(`select count(*) as n from "${table}"`).get() as { n: number | bigint }).n);
}

/**
 * Checks that `file` is a whole, sound Beizeng database whose schema this version knows (`knownMigrations`), and
 * says what it holds. Refuses, in Chinese, anything else: not SQLite, damaged, another program's, or made by a
 * newer version of the product.
 */
export async function inspectSqliteBackup(
  file: string,
  knownMigrations: readonly string[],
): Promise<SqliteBackupFacts> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) refuse(`备份文件不存在：${file}`);
  const header = Buffer.alloc(16);
  const handle = await open(file, "r");
  try {
    await handle.read(header, 0, 16, 0);
  } finally {
    await handle.close();
  }
  if (header.toString("latin1") !== "SQLite format 3\u0000") refuse(`不是 SQLite 数据库文件：${file}`);
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
    if (integrity[0]?.integrity_check !== "ok") {
      refuse(
        `备份文件已损坏（完整性检查未通过：${integrity
          .map((row) => row.integrity_check)
          .join("；")
          .slice(0, 200)}）`,
      );
    }
    const hasMigrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (!hasMigrations) refuse("该文件不是本系统的数据库（没有迁移记录）");
    const names = (db.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    const known = new Set(knownMigrations);
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      refuse(`该备份由更新版本的系统生成（含本版本未知的迁移 ${unknown.join("、")}），请先升级系统再恢复`);
    }
    return {
      file,
      bytes: info.size,
      sha256: await sha256Of(file),
      lastMigration: names.at(-1) ?? null,
      migrations: names.length,
      districts: countOf(db, "districts"),
      enterprises: countOf(db, "enterprises"),
    };
  } finally {
    db.close();
  }
}

/** Copies the live database at `source` into `destination` (which must not exist yet), online and consistent. */
export async function backupSqlite(
  source: string,
  destination: string,
  knownMigrations: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<SqliteBackupFacts> {
  if (!(await stat(source).catch(() => null))?.isFile()) refuse(`数据库文件不存在：${source}`);
  if (await stat(destination).catch(() => null)) refuse(`备份文件已存在，不会覆盖：${destination}`);
  if (path.resolve(source) === path.resolve(destination)) refuse("备份文件不能与数据库文件相同");
  await mkdir(path.dirname(path.resolve(destination)), { recursive: true });
  // Written under a temporary name: a backup cut short never looks like a finished one.
  const partial = `${destination}.partial`;
  await rm(partial, { force: true });
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        // Pages per step: large enough to be quick, small enough to let the server's writes through between steps.
        return 1000;
      },
    });
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  await syncFile(partial);
  await rename(partial, destination);
  return inspectSqliteBackup(destination, knownMigrations);
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts the backup at `backup` in place of the database at `target`. The server must be stopped. The database it
 * replaces (if any) is kept as `<target>.before-restore-<time>`; gives its name.
 */
export async function restoreSqlite(
  backup: string,
  target: string,
  knownMigrations: readonly string[],
  now: Date = new Date(),
): Promise<{ facts: SqliteBackupFacts; keptAs: string | null }> {
  const facts = await inspectSqliteBackup(backup, knownMigrations);
  if (path.resolve(backup) === path.resolve(target)) refuse("备份文件不能与要恢复的数据库文件相同");
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const existing = await stat(target).catch(() => null);
  if (existing) foldIntoOneFile(target);
  const staged = `${target}.restoring`;
  await copyFile(backup, staged);
  await syncFile(staged);
  let keptAs: string | null = null;
  if (existing) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    await rename(target, keptAs);
  }
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(staged, target);
  return { facts, keptAs };
}

/**
 * Folds the database's write-ahead log into its file, so that it can be kept as one file. Leaving WAL mode needs
 * every other connection closed: when a running server holds it, this refuses instead.
 */
function foldIntoOneFile(target: string): void {
  const db = new SqliteDatabase(target, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    let mode: unknown;
    try {
      mode = db.pragma("journal_mode = DELETE", { simple: true });
    } catch {
      mode = null;
    }
    if (mode !== "delete") refuse(`数据库正在使用中（${target}）：请先停止服务再恢复`);
  } finally {
    db.close();
  }
}
