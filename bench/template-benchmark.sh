#!/usr/bin/env bash
# Template import benchmark: POST /api/integration/customer-import of 10,000 customers against POST /api/import of
# the same 10,000 jobs as mboc_upsertJob calls, same server, same PostgreSQL database, rounds alternating.
# Builds the WAR, makes PostgreSQL and a fresh database planbridge_bench ready (as root), then runs
# bench/TemplateBenchmark.java, which starts and stops Payara Micro itself. The report goes to stdout and to
# bench/results/template-<UTC time>.txt.
# Usage: bench/template-benchmark.sh     (see bench/README.md)
set -euo pipefail
BENCH_NAME=template
source "$(dirname "$0")/common.sh"

bench_build
bench_fresh_database
bench_compile
bench_run TemplateBenchmark ""
# Exit code 0: target met; 3: measured, but the target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
