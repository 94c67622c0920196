#!/usr/bin/env bash
# Times every dashboard page with ROWS outcome counts (default 1,000,000) in an embedded PostgreSQL.
# Usage: dashboard/benchmark.sh [ROWS]   (after one online build: add -o to MAVEN_ARGS if offline)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -ntp -q ${MAVEN_ARGS:-} -pl dashboard -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
cp="dashboard/target/test-classes:dashboard/target/classes"
for m in generator schema coordinator worker embedded; do cp="$cp:$m/target/classes"; done
cp="$cp:$(tr ':' '\n' < dashboard/target/test.classpath | grep -v '/org/litmusfarm/' | paste -sd:)"
exec java -Xmx1g -cp "$cp" org.litmusfarm.dashboard.DashboardBenchmark "$@"
