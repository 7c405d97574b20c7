#!/usr/bin/env bash
# Import benchmark: /api/import against plain JDBC batched upserts, same PostgreSQL database, same rows.
# Builds the WAR, makes PostgreSQL and a fresh database planbridge_bench ready (as root, through
# scripts/postgres-test-db.sh), then runs bench/ImportBenchmark.java, which starts and stops Payara
# Micro itself. The report goes to stdout and to bench/results/import-<UTC time>.txt.
# Usage: bench/import-benchmark.sh [--stacks] [--jdbc-only | --boot-only]     (see bench/README.md)
set -euo pipefail
BENCH_NAME=import
source "$(dirname "$0")/common.sh"

bench_build
bench_fresh_database
bench_compile
suffix=""
[[ " $* " == *" --jdbc-only "* ]] && suffix="-jdbc-only"
[[ -n ${BENCH_SERVER_XMX_MIB:-} ]] && suffix="$suffix-xmx${BENCH_SERVER_XMX_MIB}m"
bench_run ImportBenchmark "$suffix" "$@"
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
