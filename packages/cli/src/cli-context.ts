/**
 * What every command shares: which database to open, how errors become exit codes, and how to
 * describe the database without printing a password.
 */
import {
  type BeizengDb,
  createDatabase,
  type DatabaseConfig,
  databaseConfigFromEnv,
} from "@beizeng/server/platform/db/database";
import { AppError } from "@beizeng/server/platform/errors";
import type { Command } from "commander";

/** Exit codes: 0 done, 1 failed or refused, 2 invalid input (e.g. a plan file that does not validate). */
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

/** An expected failure: its message (Chinese) is shown without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = "CliError";
  }
}

interface GlobalOptions {
  databaseUrl?: string;
  sqlite?: string;
}

/** --database-url and --sqlite win over DATABASE_URL and BEIZENG_SQLITE_FILE. */
export function databaseConfigFor(command: Command): DatabaseConfig {
  const options = command.optsWithGlobals<GlobalOptions>();
  if (options.databaseUrl) return { url: options.databaseUrl };
  if (options.sqlite) return { sqliteFile: options.sqlite };
  return databaseConfigFromEnv();
}

/** "SQLite data/beizeng.sqlite" or "PostgreSQL postgres://user@host:5432/db" (never the password). */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.url) return `SQLite ${config.sqliteFile}`;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = "****";
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return "PostgreSQL";
  }
}

/** Opens the database for the duration of `work`, and always closes it. */
export async function withDatabase<T>(command: Command, work: (db: BeizengDb) => Promise<T>): Promise<T> {
  const db = createDatabase(databaseConfigFor(command));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** Wraps a command's action: an error sets the exit code and prints its message to stderr. */
export function action<Args extends unknown[]>(
  handler: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await handler(...args);
    } catch (error) {
      reportError(error);
    }
  };
}

export function reportError(error: unknown): void {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
    return;
  }
  if (error instanceof AppError) {
    const details = (error.details ?? []).map((d) => `  ${d.path ? `${d.path}: ` : ""}${d.message}`);
    process.stderr.write(`${[error.message, ...details].join("\n")}\n`);
    process.exitCode = EXIT_FAILURE;
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`错误 / error: ${message}\n`);
  if (process.env.BEIZENG_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = EXIT_FAILURE;
}

/** Reads all of standard input (for --password-stdin); the trailing newline is dropped. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
