#!/usr/bin/env bash
# Regenerates test/golden/fixtures/quartz-golden.json and quartz-acceptance.json from the real Quartz 2.3.2 jar (npm run golden).
# Needs: javac/java (default-jdk-headless) and /usr/share/java/quartz2.jar (libquartz2-java).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="${QUARTZ_JAR:-/usr/share/java/quartz2.jar}"
if [ ! -f "$jar" ]; then echo "generate.sh: $jar not found; apt-get install libquartz2-java" >&2; exit 1; fi
if ! command -v javac >/dev/null; then echo "generate.sh: javac not found; apt-get install default-jdk-headless" >&2; exit 1; fi
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
javac -nowarn -d "$build" -cp "$jar" "$here/Generate.java" "$here/Acceptance.java"
mkdir -p "$here/fixtures"
# UTC default zone: Quartz's MAX_YEAR and any Calendar.getInstance() default do not depend on the host.
java -Duser.timezone=UTC -cp "$build:$jar:/usr/share/java/slf4j-api.jar" Generate "$here"
java -Duser.timezone=UTC -cp "$build:$jar:/usr/share/java/slf4j-api.jar" Acceptance "$here"
ls -l "$here/fixtures"
