#!/usr/bin/env bash
# Servers benchmark: the same WAR on Payara Micro and on WildFly, side by side, against one PostgreSQL database:
# boot to ready against the same server with nothing deployed and against the start-up floor (bench/floor: the
# least WARs on PlanBridge's stack, feature by feature), the import path and the (JPA) read path.
# Builds the WAR and unpacks WildFly (./mvnw -B -q package and the WildFly unpack), builds the floor WARs, makes
# PostgreSQL and a fresh database planbridge_bench ready (as root), then runs bench/ServersBenchmark.java, which
# starts and stops the servers itself. The report goes to stdout and to bench/results/servers-<UTC time>.txt.
# Usage: bench/servers-benchmark.sh     (BENCH_ROUNDS, BENCH_JOBS, BENCH_TASKS_PER_JOB: see bench/README.md)
set -euo pipefail
BENCH_NAME=servers
source "$(dirname "$0")/common.sh"

# bench/work/floor-<stage>.war for each stage of bench/floor (see its README): each stage's sources and resources
# on top of the previous stages', compiled against the WAR's provided and compile class path; the flyway stage
# adds the WAR's own Flyway and Jackson jars.
bench_floor_wars() {
  bench_say "building the start-up floor WARs (bench/floor)"
  local work=bench/work/floor classpath
  rm -rf "$work" && mkdir -p "$work"
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/classpath.txt"
  classpath=$(cat "$work/classpath.txt")
  mkdir -p "$work/war/WEB-INF/classes"
  cp bench/floor/web/WEB-INF/web.xml src/main/webapp/WEB-INF/{glassfish-web.xml,jboss-web.xml} "$work/war/WEB-INF/"
  local stage sources=()
  for stage in web rest ejb jpa flyway; do
    if [[ $stage == rest ]]; then
      cp src/main/webapp/WEB-INF/beans.xml "$work/war/WEB-INF/"
    elif [[ $stage == flyway ]]; then
      mkdir -p "$work/war/WEB-INF/lib"
      cp target/planbridge/WEB-INF/lib/{flyway,jackson}-*.jar "$work/war/WEB-INF/lib/"
    fi
    if [[ $stage != web ]]; then
      mapfile -t -O "${#sources[@]}" sources < <(find "bench/floor/$stage" -name '*.java')
      (cd "bench/floor/$stage" && find . -type f ! -name '*.java' -exec cp --parents {} "../../../$work/war/WEB-INF/classes/" \;)
      rm -rf "$work/war/WEB-INF/classes/floor"
      javac -nowarn -d "$work/war/WEB-INF/classes" -cp "$classpath" "${sources[@]}"
    fi
    rm -f "bench/work/floor-$stage.war"
    (cd "$work/war" && jar cf "../../floor-$stage.war" .)
  done
}

bench_build
bench_say "unpacking WildFly (the build's wildfly-server execution)"
./mvnw -B -q dependency:unpack@wildfly-server
bench_floor_wars
bench_fresh_database
bench_compile
bench_run ServersBenchmark ""
# Exit code 0: targets met; 3: measured, but a target was missed (still a result); other: the run failed.
exit "$BENCH_RC"
