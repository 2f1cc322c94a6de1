#!/usr/bin/env bash
# `npm test`: type-checks, formatting, lint (with the layering rule), the security scan, every headless
# suite. Each stage has a time bound: a stage that hangs (a synchronous loop no test timeout can stop)
# fails within minutes with a message naming the stage, instead of running into CI's limit.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp

# stage NAME SECONDS COMMAND...: runs COMMAND, killing it (and its children) after SECONDS.
stage() {
  local name=$1 limit=$2
  shift 2
  echo "== $name"
  local rc=0
  timeout --kill-after=15 "$limit" "$@" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    echo "!! STAGE TIMED OUT: '$name' ran longer than ${limit}s and was stopped (something in it hangs)." >&2
  fi
  return "$rc"
}

stage "type-check (shared, node, web)" 300 npm run -s typecheck
stage "format (Prettier)" 120 npm run -s format:check
stage "lint" 300 npm run -s lint
stage "security (Electronegativity)" 300 npm run -s test:security
stage "unit and integration (vitest, real keyring)" 600 \
  bash test/keyring/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json
stage "build" 300 npx electron-vite build >/dev/null
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.tmp/playwright.json" stage "end to end in Chromium (browser harness)" 600 \
  bash test/keyring/with-keyring.sh npx playwright test -c test/e2e-browser/playwright.config.ts --reporter=list,json
node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json
