// Sums passed and failed tests over the Vitest and Playwright JSON reports in a folder.
// Prints "PASSED FAILED". A missing or unreadable report adds nothing (scripts/test.sh counts the stage).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith(".json"));
} catch {
  // no reports at all
}
for (const name of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
  } catch {
    continue;
  }
  if (typeof report.numPassedTests === "number") {
    // Vitest: suites that failed to load count as failures too.
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests +
      (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  } else if (report.stats && typeof report.stats.expected === "number") {
    // Playwright: flaky tests passed on retry.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    if ((report.errors ?? []).length > 0 && report.stats.unexpected === 0) failed += report.errors.length;
  }
}
console.log(`${passed} ${failed}`);
