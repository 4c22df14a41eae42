import { copyFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "./database";
import { KNOWN_MIGRATIONS, migrateToLatest } from "./migrate";
import { backupSqlite, inspectSqliteBackup, restoreSqlite } from "./sqlite-backup";

/** A migrated Beizeng SQLite file with some rows, closed. */
async function districtDatabase(file: string, districts: number): Promise<void> {
  const db = createDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(db);
    const now = new Date().toISOString();
    for (let index = 0; index < districts; index++) {
      await db.kysely
        .insertInto("districts")
        .values({ id: `d${index}`, name: `测试区${index}`, created_at: now } as never)
        .execute();
    }
  } finally {
    await db.close();
  }
}

function districtCount(file: string): number {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return Number((db.prepare("select count(*) as n from districts").get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe("SQLite backup and restore", () => {
  let dir: string;
  let live: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "beizeng-backup-"));
    live = path.join(dir, "live.sqlite");
    await districtDatabase(live, 3);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("copies the database while another connection keeps writing, as one consistent state", async () => {
    const writer = new SqliteDatabase(live);
    writer.pragma("journal_mode = WAL");
    const insert = writer.prepare("insert into districts (id, name, created_at) values (?, ?, ?)");
    let written = 0;
    const writing = setInterval(() => {
      for (let index = 0; index < 50; index++) {
        insert.run(`w${written}`, `写入区${written}`, new Date().toISOString());
        written += 1;
      }
    }, 1);
    try {
      const facts = await backupSqlite(live, path.join(dir, "copy.sqlite"), KNOWN_MIGRATIONS);
      expect(facts.lastMigration).toBe(KNOWN_MIGRATIONS.at(-1));
      expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(facts.districts).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(writing);
      writer.close();
    }
    // The copy opens by itself (no write-ahead log beside it) and passes SQLite's own check.
    const copy = new SqliteDatabase(path.join(dir, "copy.sqlite"), { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
    await expect(stat(path.join(dir, "copy.sqlite.partial"))).rejects.toThrow();
  });

  it("never writes over an existing file", async () => {
    await writeFile(path.join(dir, "taken.sqlite"), "keep me");
    await expect(backupSqlite(live, path.join(dir, "taken.sqlite"), KNOWN_MIGRATIONS)).rejects.toThrow(
      "备份文件已存在，不会覆盖",
    );
    expect(await readFile(path.join(dir, "taken.sqlite"), "utf8")).toBe("keep me");
  });

  it("restores a backup over the database, keeping the one it replaces", async () => {
    const backup = path.join(dir, "backup.sqlite");
    await backupSqlite(live, backup, KNOWN_MIGRATIONS);
    // Later changes, which the restore undoes.
    const later = new SqliteDatabase(live);
    later.prepare("delete from districts").run();
    later.close();
    expect(districtCount(live)).toBe(0);
    const { facts, keptAs } = await restoreSqlite(backup, live, KNOWN_MIGRATIONS);
    expect(facts.districts).toBe(3);
    expect(districtCount(live)).toBe(3);
    expect(keptAs).toMatch(/live\.sqlite\.before-restore-/);
    expect(districtCount(keptAs as string)).toBe(0);
    // The restored database is the app's again: migrations find nothing to do.
    const db = createDatabase({ sqliteFile: live });
    try {
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it("refuses to restore over a database a running server holds", async () => {
    const backup = path.join(dir, "backup.sqlite");
    await backupSqlite(live, backup, KNOWN_MIGRATIONS);
    const server = createDatabase({ sqliteFile: live });
    try {
      await server.kysely.selectFrom("districts").selectAll().execute();
      await expect(restoreSqlite(backup, live, KNOWN_MIGRATIONS)).rejects.toThrow("数据库正在使用中");
    } finally {
      await server.close();
    }
    expect(districtCount(live)).toBe(3);
  });

  it("refuses what is not a sound backup of this product, naming why, and changes nothing", async () => {
    const notSqlite = path.join(dir, "notes.txt");
    await writeFile(notSqlite, "这不是数据库");
    await expect(restoreSqlite(notSqlite, live, KNOWN_MIGRATIONS)).rejects.toThrow("不是 SQLite 数据库文件");

    const foreign = path.join(dir, "foreign.sqlite");
    const other = new SqliteDatabase(foreign);
    other.exec("create table photos (id integer primary key)");
    other.close();
    await expect(restoreSqlite(foreign, live, KNOWN_MIGRATIONS)).rejects.toThrow("不是本系统的数据库");

    const newer = path.join(dir, "newer.sqlite");
    await backupSqlite(live, newer, KNOWN_MIGRATIONS);
    const future = new SqliteDatabase(newer);
    future.prepare("insert into kysely_migration (name, timestamp) values (?, ?)").run("29990101000000_future", "x");
    future.close();
    await expect(restoreSqlite(newer, live, KNOWN_MIGRATIONS)).rejects.toThrow("由更新版本的系统生成");

    const cut = path.join(dir, "cut.sqlite");
    await copyFile(newer, cut);
    await truncate(cut, Math.floor((await stat(cut)).size / 2));
    await expect(inspectSqliteBackup(cut, KNOWN_MIGRATIONS)).rejects.toThrow(/损坏|malformed|not a database/);

    await expect(restoreSqlite(path.join(dir, "missing.sqlite"), live, KNOWN_MIGRATIONS)).rejects.toThrow(
      "备份文件不存在",
    );
    expect(districtCount(live)).toBe(3);
  });
});
