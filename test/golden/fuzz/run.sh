#!/usr/bin/env bash
# Differential fuzz against the real Quartz 2.3.2 (npm run fuzz [-- SEED [CASES]]): seeded expressions in
# every IANA zone Node knows, from random starts; prints each difference the engine is responsible for.
# Not part of npm test (a minute for 20,000 cases). Needs what generate.sh needs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${QUARTZ_JAR:-/usr/share/java/quartz2.jar}"
seed="${1:-1}"
cases="${2:-20000}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
javac -nowarn -d "$build" -cp "$jar" "$here/../Generate.java" "$here/Fuzz.java" "$here/Offsets.java"
node -e "console.log(Intl.supportedValuesOf('timeZone').join('\n'))" > "$build/zones.txt"
java -Duser.timezone=UTC -cp "$build:$jar:/usr/share/java/slf4j-api.jar" Fuzz "$seed" "$cases" 8 "$build/zones.txt" 2>/dev/null > "$build/cases.jsonl"
npx tsx --tsconfig "$here/../../../tsconfig.node.json" "$here/compare.ts" "$build/cases.jsonl" "$build"
