#!/usr/bin/env bash
# npm test: unit tests, integration tests (SQLite and PostgreSQL), then the web build and the
# end-to-end tests in Chromium. Every stage runs even when an earlier one failed; the script ends
# non-zero if anything failed, and its last line is "N passed, N failed" (tests, plus failed stages).
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS_DIR="test-results"
mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/vitest-*.json "$RESULTS_DIR"/e2e.json "$RESULTS_DIR"/summary.txt

declare -a STAGE_LINES=()
STAGE_FAILURES=0
total_start=$SECONDS

run_stage() {
  local name=$1
  shift
  local start=$SECONDS
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if "$@"; then
    STAGE_LINES+=("$(printf '  %-42s ok      %4ss' "$name" $((SECONDS - start)))")
  else
    STAGE_LINES+=("$(printf '  %-42s FAILED  %4ss' "$name" $((SECONDS - start)))")
    STAGE_FAILURES=$((STAGE_FAILURES + 1))
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "需要 root 权限安装 / root is needed to install: chromium fonts-noto-cjk" >&2
    echo "Run as root: apt-get update && apt-get install -y chromium fonts-noto-cjk" >&2
    return 1
  fi
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    echo "chromium and fonts-noto-cjk are installed"
    return 0
  fi
  echo "installing chromium and fonts-noto-cjk (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk
}

vitest_project() {
  local project=$1
  npx vitest run --project "$project" --reporter=default --reporter=json \
    --outputFile.json="$RESULTS_DIR/vitest-$project.json"
}

run_stage "Chromium and CJK fonts" ensure_browser
run_stage "unit tests" vitest_project unit
run_stage "integration tests (SQLite, PostgreSQL)" vitest_project integration
run_stage "end-to-end (web build, Chromium)" bash scripts/test-e2e.sh

# Count tests from the JSON reports; a stage that failed without a report counts as one failure.
read -r PASSED FAILED < <(node scripts/count-results.mjs "$RESULTS_DIR")
FAILED=$((FAILED + 0))
if [ "$STAGE_FAILURES" -gt 0 ] && [ "$FAILED" -eq 0 ]; then FAILED=$STAGE_FAILURES; fi

printf '\n\033[1mSummary (%ss)\033[0m\n' $((SECONDS - total_start))
printf '%s\n' "${STAGE_LINES[@]}"
echo "$PASSED $FAILED" >"$RESULTS_DIR/summary.txt"
echo "$PASSED passed, $FAILED failed"
[ "$STAGE_FAILURES" -eq 0 ] && [ "$FAILED" -eq 0 ]
