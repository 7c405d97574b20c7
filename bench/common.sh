# Shared by the benchmark scripts (sourced, not run): build the WAR, prepare a fresh PostgreSQL database,
# compile the bench/ Java sources (package bench) and run one benchmark class, keeping its report.
# Each benchmark script sets BENCH_NAME (the report's prefix) before calling these.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DB_NAME=${BENCH_DB_NAME:-planbridge_bench}
BENCH_CLASSES=bench/work/classes

bench_say() { echo "$BENCH_NAME-benchmark: $*"; }

# The WAR and Payara Micro with the PostgreSQL driver under target/payara.
bench_build() {
  bench_say "building the WAR (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
}

# PostgreSQL running (installed when missing, as root) and an empty database $DB_NAME.
bench_fresh_database() {
  bench_say "PostgreSQL and a fresh database $DB_NAME"
  scripts/postgres-test-db.sh "$DB_NAME" >/dev/null
  (cd /tmp && su postgres -c "psql -v ON_ERROR_STOP=1 -q -c 'DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)'")
  scripts/postgres-test-db.sh "$DB_NAME" >/dev/null
  # Per-statement times in the report when pg_stat_statements is preloaded (a server setting; not by default).
  if (cd /tmp && su postgres -c "psql -tAc 'SHOW shared_preload_libraries'") | grep -q pg_stat_statements; then
    (cd /tmp && su postgres -c "psql -v ON_ERROR_STOP=1 -q -d $DB_NAME -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' \
      -c 'GRANT EXECUTE ON FUNCTION pg_stat_statements_reset TO planbridge' -c 'GRANT pg_read_all_stats TO planbridge'")
  fi
}

# bench/*.java into bench/work/classes; the PostgreSQL driver is their only dependency.
bench_compile() {
  rm -rf "$BENCH_CLASSES"
  mkdir -p "$BENCH_CLASSES" bench/results
  javac -nowarn -d "$BENCH_CLASSES" -cp target/payara/postgresql.jar bench/*.java \
    server-config/wildfly/launcher/org/planbridge/launcher/WildFly.java \
    server-config/payara/launcher/org/planbridge/launcher/PayaraMicro.java
}

# bench_run <class> <report suffix> [args...]: runs bench.<class>, tees its output to bench/work, and copies it
# to bench/results/$BENCH_NAME-<UTC time><suffix>.txt when it measured something (exit code 0: targets met;
# 3: measured, a target missed). Sets BENCH_RC. A harness check (--boot-only) never writes a result.
bench_run() {
  local main=$1 suffix=$2
  shift 2
  local report="bench/work/$BENCH_NAME-report.txt"
  BENCH_RC=0
  BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml server-config 2>/dev/null || echo '+uncommitted changes')" \
    java ${BENCH_DRIVER_JAVA_OPTS:-} -cp "$BENCH_CLASSES:target/payara/postgresql.jar" "bench.$main" "$@" | tee "$report" || BENCH_RC=$?
  if [[ " $* " == *" --boot-only "* ]]; then
    :  # a harness check, not a result
  elif [[ $BENCH_RC -eq 0 || $BENCH_RC -eq 3 ]]; then
    local result="bench/results/$BENCH_NAME-$(date -u +%Y%m%dT%H%M%SZ)$suffix.txt"
    cp "$report" "$result"
    bench_say "report written to $result"
  else
    bench_say "the run failed (exit code $BENCH_RC); server logs in bench/work/" >&2
  fi
}
