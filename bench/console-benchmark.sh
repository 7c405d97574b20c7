#!/usr/bin/env bash
# Console benchmark: the console's pages over a million transactions in PostgreSQL (first page, page 1,000, a
# filtered page, error tracking, appointments, the dashboard), time to first byte and to the whole page, and
# "Retry all" over 100,000 Failed transactions. Builds the WAR, makes PostgreSQL and a fresh database
# planbridge_bench ready (as root), then runs bench/ConsoleBenchmark.java, which starts Payara Micro itself and
# writes the data with SQL. The report goes to stdout and to bench/results/console-<UTC time>.txt.
# Usage: bench/console-benchmark.sh     (see bench/README.md)
set -euo pipefail
BENCH_NAME=console
source "$(dirname "$0")/common.sh"

bench_build
bench_fresh_database
bench_compile
bench_run ConsoleBenchmark "" "$@"
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
