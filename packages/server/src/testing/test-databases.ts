/**
 * Each integration test file runs its suite once per database:
 *
 *   describe.each(testDatabases())("users on $name", (database) => {
 *     let db: BeizengDb;
 *     beforeAll(async () => { db = await database.createMigrated(); });
 *     afterAll(() => db.close());
 *   });
 *
 * SQLite gets a fresh temporary file; PostgreSQL a fresh schema inside the run's scratch database.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { type BeizengDb, createDatabase } from "../platform/db/database";
import { migrateToLatest } from "../platform/db/migrate";
import "./provided-context";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** A new, empty database (no tables). Close it when done: that also removes it. */
  create(): Promise<BeizengDb>;
  /** A new database with every migration applied. */
  createMigrated(): Promise<BeizengDb>;
}

async function createSqlite(): Promise<BeizengDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "beizeng-test-"));
  const db = createDatabase({ sqliteFile: path.join(dir, "test.sqlite") });
  return {
    ...db,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(baseUrl: string): Promise<BeizengDb> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const db = createDatabase({ url: url.toString() });
  return {
    ...db,
    close: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

function withMigrations(create: () => Promise<BeizengDb>) {
  return async () => {
    const db = await create();
    await migrateToLatest(db);
    return db;
  };
}

/** The databases this run covers: SQLite always, PostgreSQL when the global setup provided one. */
export function testDatabases(): TestDatabase[] {
  const sqlite: TestDatabase = { name: "sqlite", create: createSqlite, createMigrated: withMigrations(createSqlite) };
  const postgresUrl = inject("postgresUrl");
  if (!postgresUrl) return [sqlite];
  const create = () => createPostgres(postgresUrl);
  return [sqlite, { name: "postgres", create, createMigrated: withMigrations(create) }];
}
