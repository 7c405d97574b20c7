#!/usr/bin/env bash
# Drain benchmark: the outbox drained from PostgreSQL to a local webhook stub, against a plain loop posting the
# same bodies to the same stub with the same HTTP client (the ceiling); and the latency from an appointment
# change's commit to its arrival at the stub at 50 changes/s. Builds the WAR, makes PostgreSQL and a fresh
# database planbridge_bench ready (as root), then runs bench/DrainBenchmark.java, which starts the stub and
# Payara Micro itself. The report goes to stdout and to bench/results/drain-<UTC time>.txt.
# Usage: bench/drain-benchmark.sh [--stacks]     (see bench/README.md)
set -euo pipefail
BENCH_NAME=drain
source "$(dirname "$0")/common.sh"

bench_build
bench_fresh_database
bench_compile
bench_run DrainBenchmark "" "$@"
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
