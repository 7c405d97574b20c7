#!/usr/bin/env bash
# Import benchmark: /api/import against plain JDBC batched upserts, same PostgreSQL database, same rows.
# Builds the WAR, makes PostgreSQL and a fresh database planbridge_bench ready (as root, through
# scripts/postgres-test-db.sh), then runs bench/ImportBenchmark.java, which starts and stops Payara
# Micro itself. The report goes to stdout and to bench/results/import-<UTC time>.txt.
# Usage: bench/import-benchmark.sh [--stacks] [--jdbc-only | --boot-only]     (see bench/README.md)
set -euo pipefail

cd "$(dirname "$0")/.."
DB_NAME=planbridge_bench

echo "import-benchmark: building the WAR (./mvnw -B -q package -DskipTests)"
./mvnw -B -q package -DskipTests

echo "import-benchmark: PostgreSQL and a fresh database $DB_NAME"
scripts/postgres-test-db.sh "$DB_NAME" >/dev/null
(cd /tmp && su postgres -c "psql -v ON_ERROR_STOP=1 -q -c 'DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)'")
scripts/postgres-test-db.sh "$DB_NAME" >/dev/null

mkdir -p bench/work bench/results
report=bench/work/import-report.txt
rc=0
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml server-config 2>/dev/null || echo '+uncommitted changes')" \
  java -cp target/payara/postgresql.jar bench/ImportBenchmark.java "$@" | tee "$report" || rc=$?
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
if [[ " $* " == *" --boot-only "* ]]; then
  :  # a harness check, not a result
elif [[ $rc -eq 0 || $rc -eq 3 ]]; then
  suffix=""
  [[ " $* " == *" --jdbc-only "* ]] && suffix="-jdbc-only"
  [[ -n ${BENCH_SERVER_XMX_MIB:-} ]] && suffix="$suffix-xmx${BENCH_SERVER_XMX_MIB}m"
  result="bench/results/import-$(date -u +%Y%m%dT%H%M%SZ)$suffix.txt"
  cp "$report" "$result"
  echo "import-benchmark: report written to $result"
else
  echo "import-benchmark: the run failed (exit code $rc); server logs in bench/work/" >&2
fi
exit "$rc"
