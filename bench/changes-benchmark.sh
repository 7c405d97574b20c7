#!/usr/bin/env bash
# Change feed benchmark: 1,000,000 changed jobs through GET /api/changes, page after page by cursor, against a
# plain JDBC keyset scan of the same rows, same server, same PostgreSQL database, rounds alternating.
# Builds the WAR, makes PostgreSQL and a fresh database planbridge_bench ready (as root), then runs
# bench/ChangesBenchmark.java, which starts and stops Payara Micro itself. The report goes to stdout and to
# bench/results/changes-<UTC time>.txt.
# Usage: bench/changes-benchmark.sh [--profile]    (see bench/README.md)
set -euo pipefail
BENCH_NAME=changes
source "$(dirname "$0")/common.sh"

bench_build
bench_fresh_database
bench_compile
bench_run ChangesBenchmark "" "$@"
# Exit code 0: target met; 3: measured, but the target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
