#!/usr/bin/env bash
# Builds the web front end, then runs the Playwright specs against the real server (see e2e/playwright.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build -w @beizeng/web
PLAYWRIGHT_JSON_OUTPUT_NAME="${PLAYWRIGHT_JSON_OUTPUT_NAME:-$PWD/test-results/e2e.json}" \
  npx playwright test -c e2e/playwright.config.ts --reporter=list,json "$@"
