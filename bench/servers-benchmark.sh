#!/usr/bin/env bash
# Servers benchmark: the same WAR on Payara Micro and on WildFly, side by side, against one PostgreSQL database:
# boot to ready against the same server with nothing deployed, the import path and the (JPA) read path.
# Builds the WAR and unpacks WildFly (./mvnw -B -q package and the WildFly unpack), makes PostgreSQL and a fresh
# database planbridge_bench ready (as root), then runs bench/ServersBenchmark.java, which starts and stops the
# servers itself. The report goes to stdout and to bench/results/servers-<UTC time>.txt.
# Usage: bench/servers-benchmark.sh     (BENCH_ROUNDS, BENCH_JOBS, BENCH_TASKS_PER_JOB: see bench/README.md)
set -euo pipefail
BENCH_NAME=servers
source "$(dirname "$0")/common.sh"

bench_build
bench_say "unpacking WildFly (the build's wildfly-server execution)"
./mvnw -B -q dependency:unpack@wildfly-server
bench_fresh_database
bench_compile
bench_run ServersBenchmark ""
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
