#!/usr/bin/env bash
# Reads benchmark: GET /api/tasks from the WAR of a baseline commit (JPA reads, before issue 14) and from the current
# WAR (JDBC reads from the schema's metadata), side by side on Payara Micro and WildFly, against one PostgreSQL
# database. Builds both WARs (the baseline in a git worktree under bench/work, offline), unpacks WildFly, makes
# PostgreSQL and a fresh database planbridge_bench ready (as root), then runs bench/ReadsBenchmark.java, which starts
# and stops the servers itself. The report goes to stdout and to bench/results/reads-<UTC time>.txt.
# Usage: bench/reads-benchmark.sh     (BENCH_BASELINE, default 2dffcef; BENCH_ROUNDS, BENCH_PASSES, BENCH_JOBS,
#        BENCH_TASKS_PER_JOB: see bench/README.md)
set -euo pipefail
BENCH_NAME=reads
source "$(dirname "$0")/common.sh"
export BENCH_BASELINE=${BENCH_BASELINE:-2dffcef}

bench_baseline_war() {
  local tree=bench/work/reads-baseline-src
  bench_say "building the baseline WAR of $BENCH_BASELINE in $tree"
  git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
  git worktree add --detach "$tree" "$BENCH_BASELINE" >/dev/null
  (cd "$tree" && ./mvnw -B -q -o package -DskipTests)
  cp "$tree/target/planbridge.war" bench/work/reads-baseline.war
  git worktree remove --force "$tree"
}

bench_build
bench_say "unpacking WildFly (the build's wildfly-server execution)"
./mvnw -B -q dependency:unpack@wildfly-server
mkdir -p bench/work
bench_baseline_war
bench_fresh_database
bench_compile
bench_run ReadsBenchmark ""
exit "$BENCH_RC"
