#!/usr/bin/env bash
# NAV benchmark: the outbox drained to the NAV simulator over SOAP (page contract, NTLM and Basic) against a plain
# loop of the same CXF client calls (the SOAP ceiling) and the least outbox feeding that loop (the SOAP floor); the
# drain against a simulator answering in 50 ms (against parallelism / latency); and the webhook drain against
# db-scheduler delivering the same bodies to the same stub. Builds the WAR and the test classes, fetches
# db-scheduler (bench only, never in the WAR), makes PostgreSQL and a fresh planbridge_bench ready (as root), then
# runs bench/NavDrainBenchmark.java. The report goes to stdout and to bench/results/nav-<UTC time>.txt.
# Usage: bench/nav-benchmark.sh     (see bench/README.md)
set -euo pipefail
BENCH_NAME=nav
source "$(dirname "$0")/common.sh"

bench_build
bench_say "test classes and their classpath (the NAV simulator, CXF)"
mkdir -p bench/work
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=bench/work/test.classpath
bench_say "db-scheduler 16.7.1, HikariCP, slf4j into bench/work/peer-lib"
rm -rf bench/work/peer-lib
for artifact in com.github.kagkarlsson:db-scheduler:16.7.1 com.zaxxer:HikariCP:5.1.0 org.slf4j:slf4j-api:2.0.17 \
    org.slf4j:slf4j-nop:2.0.17; do
  ./mvnw -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory=bench/work/peer-lib
done
bench_fresh_database
bench_compile
export BENCH_NAV_CLASSPATH="target/payara/postgresql.jar:target/classes:target/test-classes:$(cat bench/work/test.classpath)"
export BENCH_PEER_CLASSPATH="target/payara/postgresql.jar:$(ls bench/work/peer-lib/*.jar | tr '\n' ':')"
# The NAV classes (package bench and a door into org.planbridge.backoffice.nav) and the peer, next to bench/*.java.
javac -nowarn -d "$BENCH_CLASSES" -cp "$BENCH_CLASSES:$BENCH_NAV_CLASSPATH:$BENCH_PEER_CLASSPATH" bench/nav/*.java bench/peer/*.java
bench_run NavDrainBenchmark "" "$@"
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
