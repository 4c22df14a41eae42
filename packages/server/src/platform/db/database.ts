/**
 * Opens the database: PostgreSQL when a URL is given (DATABASE_URL), otherwise an embedded SQLite
 * file. Both dialects run the same migrations and the same queries.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SqliteDialect,
  type SqliteDatabase as SqliteDialectDatabase,
  type UnknownRow,
} from "kysely";
import pg from "pg";
import { OwnSchemaPostgresDialect } from "./own-schema-introspector";
import type { Database } from "./schema";

export type DialectName = "sqlite" | "postgres";

/** What repositories and services receive: the query builder (perhaps a transaction) and its dialect. */
export interface DbContext {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Set inside `inTransaction`, so that nested calls join the open transaction. */
  inTransaction?: boolean;
  /**
   * The SQLite connection itself (SQLite only), for the few bulk writes that reuse a prepared
   * statement (the spreadsheet import). Use it only inside `inTransaction`, where the connection is
   * held: elsewhere another query could be running on it.
   */
  sqlite?: SqliteDatabase.Database;
}

export interface BeizengDb extends DbContext {
  /** How it was opened: another thread or process opens the same database with it. */
  config: DatabaseConfig;
  close(): Promise<void>;
}

export interface DatabaseConfig {
  /** A postgres:// URL; when set, PostgreSQL is used. */
  url?: string;
  /** The SQLite file (created with its folder when missing). Ignored when `url` is set. */
  sqliteFile?: string;
}

export const DEFAULT_SQLITE_FILE = "./data/beizeng.sqlite";

/** DATABASE_URL selects PostgreSQL; otherwise SQLite at BEIZENG_SQLITE_FILE or ./data/beizeng.sqlite. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { url };
  return { sqliteFile: env.BEIZENG_SQLITE_FILE?.trim() || DEFAULT_SQLITE_FILE };
}

export function createDatabase(config: DatabaseConfig): BeizengDb {
  if (config.url) return createPostgres(config.url);
  return createSqlite(config.sqliteFile ?? DEFAULT_SQLITE_FILE);
}

const PG_INT8_OID = 20;

function createPostgres(url: string): BeizengDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.BEIZENG_PG_POOL_SIZE ?? 10),
    // BIGINT (money in fen, counts) stays a decimal string: never a float.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === PG_INT8_OID && format !== "binary"
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const kysely = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  return { kysely, dialect: "postgres", config: { url }, close: () => kysely.destroy() };
}

function createSqlite(file: string): BeizengDb {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  // A commit is on disk when it returns, power loss included: payments and one-time rewards must not
  // roll back. In WAL mode that is one sync of the log per commit, which costs an import or a batch nothing measurable.
  sqlite.pragma("synchronous = FULL");
  // Integers come back as bigint so that large money values stay exact; the plugin below turns
  // them into numbers (ids, counts, years) or decimal strings (BIGINT columns) as PostgreSQL does.
  sqlite.defaultSafeIntegers(true);
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new SqliteIntegerPlugin()],
  });
  return { kysely, dialect: "sqlite", sqlite, config: { sqliteFile: file }, close: () => kysely.destroy() };
}

/** How many distinct statements stay prepared; the application has a few hundred distinct queries. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as Kysely sees it, keeping prepared statements by their SQL (least recently used first out).
 * Preparing a statement costs more than running a short one, and every request runs the same few queries (the
 * session, the plan's stamp). A cached statement is never used twice at once: Kysely holds the one SQLite
 * connection for a query or a stream until it is done.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value as string;
        statements.delete(oldest);
      }
      return statement;
    },
  };
}

/** BIGINT columns are named like this (money `*_fen`, a figure's `value`, a summary's `value_0` … `value_12`); see tables/common.ts. */
const INT8_COLUMN = /(^|_)fen$|^value(_\d+)?$/;

class SqliteIntegerPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows.map((row) => {
      let copy: UnknownRow | undefined;
      for (const [key, value] of Object.entries(row)) {
        if (typeof value !== "bigint") continue;
        copy ??= { ...row };
        copy[key] = INT8_COLUMN.test(key) ? value.toString() : Number(value);
      }
      return copy ?? row;
    });
    return { ...args.result, rows };
  }
}
