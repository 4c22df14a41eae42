/**
 * Vitest globalSetup for the integration project. When PostgreSQL answers at 127.0.0.1:5432 (or
 * BEIZENG_TEST_POSTGRES=1), creates a scratch database beizeng_test_<random> for the run and drops
 * it afterwards; test files then run once on SQLite and once on PostgreSQL. When CI=true or
 * BEIZENG_TEST_POSTGRES=1 and PostgreSQL is unreachable, the run fails: it never skips silently.
 * BEIZENG_TEST_POSTGRES=0 runs SQLite only, on purpose.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import "./provided-context";

const ADMIN_URL = process.env.BEIZENG_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject) {
  const wanted = process.env.BEIZENG_TEST_POSTGRES;
  const required = wanted === "1" || process.env.CI === "true";
  if (wanted === "0") {
    project.provide("postgresUrl", null);
    return;
  }
  const problem = await reachable(ADMIN_URL);
  if (problem) {
    if (required) {
      throw new Error(
        `PostgreSQL is required for the integration tests (CI=true or BEIZENG_TEST_POSTGRES=1) but ${ADMIN_URL} is unreachable: ${problem}`,
      );
    }
    console.warn(`[integration] PostgreSQL unreachable at ${ADMIN_URL} (${problem}); running on SQLite only.`);
    project.provide("postgresUrl", null);
    return;
  }
  const name = `beizeng_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  project.provide("postgresUrl", url.toString());

  return async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}
