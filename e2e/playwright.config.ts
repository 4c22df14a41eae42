import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// A fresh SQLite file per run. Workers re-read this config: they inherit the folder through the environment.
process.env.BEIZENG_E2E_DIR ??= mkdtempSync(path.join(tmpdir(), "beizeng-e2e-"));
const databaseFile = path.join(process.env.BEIZENG_E2E_DIR, "e2e.sqlite");
/** A second server on an empty database, without the demo: a district put into service from its plan file. */
export const FRESH_PORT = port + 1;
export const freshDatabaseFile = path.join(process.env.BEIZENG_E2E_DIR, "fresh.sqlite");

export default defineConfig({
  testDir: "./specs",
  outputDir: path.join(repositoryRoot, "test-results/e2e"),
  // Generous: CI shares a two-core machine, and a page's first load there can take several seconds.
  timeout: 90_000,
  expect: { timeout: 45_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `node --import tsx packages/cli/src/main.ts serve --demo-if-empty --host 127.0.0.1 --port ${port}`,
      cwd: repositoryRoot,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        BEIZENG_SQLITE_FILE: databaseFile,
        DATABASE_URL: "",
        NODE_ENV: "production",
        BEIZENG_CHECK_RESPONSES: "1",
      },
    },
    {
      command: `node --import tsx packages/cli/src/main.ts serve --host 127.0.0.1 --port ${FRESH_PORT}`,
      cwd: repositoryRoot,
      url: `http://127.0.0.1:${FRESH_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        BEIZENG_SQLITE_FILE: freshDatabaseFile,
        DATABASE_URL: "",
        NODE_ENV: "production",
        BEIZENG_CHECK_RESPONSES: "1",
      },
    },
  ],
});
