import { defineConfig } from "vitest/config";

// Unit tests sit beside the code as *.test.ts; integration tests (real SQLite and PostgreSQL
// through app.inject) are *.int.test.ts. See scripts/test.sh for how npm test runs them.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "plans/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["packages/server/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: true,
          // Each file has its own SQLite file and PostgreSQL schema, and most of a file's time is spent waiting on
          // the database and on password hashing: three files at once keep two cores busy.
          maxWorkers: 3,
        },
      },
    ],
  },
});
