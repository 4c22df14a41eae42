/**
 * A Beizeng server of a spec's own, on its own SQLite file and port, beside the configuration's two: started from
 * the sources (or serving the built web when the run provides it) and answered once its health endpoint is up.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The environment of a server and its commands on `sqliteFile`, never the run's PostgreSQL. */
export function ownServerEnv(sqliteFile: string): NodeJS.ProcessEnv {
  return { ...process.env, BEIZENG_SQLITE_FILE: sqliteFile, DATABASE_URL: "" };
}

/** Runs `beizeng <args>` from the sources on that environment and answers what it printed. */
export function beizeng(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", "packages/cli/src/main.ts", ...args], {
    cwd: repositoryRoot,
    env,
  }).toString();
}

/** Starts `beizeng serve` on `port` and waits until it answers its health endpoint. */
export async function startOwnServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const webRoot = process.env.BEIZENG_E2E_WEB_ROOT;
  const server = spawn(
    process.execPath,
    [
      ...["--import", "tsx", "packages/cli/src/main.ts", "serve", "--host", "127.0.0.1", "--port", String(port)],
      ...(webRoot ? ["--web-root", webRoot] : []),
    ],
    { cwd: repositoryRoot, env: { ...env, NODE_ENV: "production", BEIZENG_CHECK_RESPONSES: "1" }, stdio: "ignore" },
  );
  await expect
    .poll(
      async () =>
        fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => r.status)
          .catch(() => 0),
      { timeout: 150_000 },
    )
    .toBe(200);
  return server;
}
