#!/usr/bin/env bash
# `npm test`: type-checks, lint (with the layering rule), the security scan, every headless suite.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
echo "== type-check (shared, node, web)"; npm run -s typecheck
echo "== lint"; npm run -s lint
echo "== security (Electronegativity)"; npm run -s test:security
echo "== unit and integration (vitest, real keyring)"
bash test/keyring/with-keyring.sh npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json
echo "== build"; npx electron-vite build >/dev/null
echo "== end to end in Chromium (browser harness)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/.tmp/playwright.json" bash test/keyring/with-keyring.sh npx playwright test -c test/e2e-browser/playwright.config.ts --reporter=list,json
node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json
