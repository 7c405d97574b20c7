#!/usr/bin/env bash
# Runs the README's recipe for a full Payara Server 6 ("Deploying to a full Payara Server 6", the block after the
# payara-server-recipe marker) as it is, then the black-box suite against the server it set up, then undeploys
# and stops the domain (also when something failed). Run from anywhere after ./mvnw package (the WAR), with the
# database in the environment:
#   PLANBRIDGE_DB_URL, PLANBRIDGE_DB_USER, PLANBRIDGE_DB_PASSWORD   (a PostgreSQL database; required)
#   PAYARA_SERVER_VERSION   the fish.payara.distributions:payara version (default: the pom's payara.version)
# The server is unpacked from Maven Central into target/payara-server/ (made anew each run); its log is
# target/payara-server/payara6/glassfish/domains/domain1/logs/server.log. It listens on 8080 (HTTP) and 4848
# (administration): both must be free.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
: "${PLANBRIDGE_DB_URL:?set PLANBRIDGE_DB_URL to a PostgreSQL JDBC URL}"
: "${PLANBRIDGE_DB_USER:?set PLANBRIDGE_DB_USER}"
: "${PLANBRIDGE_DB_PASSWORD:?set PLANBRIDGE_DB_PASSWORD}"
VERSION=${PAYARA_SERVER_VERSION:-$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)}
[[ -f target/planbridge.war && -f target/payara/postgresql.jar ]] || { echo "build first: ./mvnw package"; exit 2; }
for port in 8080 4848; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: the recipe's Payara Server needs it"; exit 2
  fi
done

# The settings the black-box suite's client uses (the same as failsafe's, pom.xml), for the domain's environment.
export PLANBRIDGE_API_KEY=it-key-0123456789
export PLANBRIDGE_ADMIN_PASSWORD=it-admin-password-0123
export PLANBRIDGE_SECRET_KEY=cGxhbmJyaWRnZS1pdC1zZWNyZXQta2V5LTAwMDAwMDA=
export PLANBRIDGE_IMPORT_MAX_BODY_BYTES=2097152
export PLANBRIDGE_BCONLINE_AUTHORITY=http://127.0.0.1:47049
export PLANBRIDGE_INSTANCE_ID=payara-server

echo "=== Payara Server $VERSION from Maven Central into target/payara-server"
rm -rf target/payara-server
# Unpacked again each run, whatever the plugin's marker of an earlier run says.
UNPACK=(dependency:unpack -Dartifact="fish.payara.distributions:payara:$VERSION:zip"
  -DoutputDirectory=target/payara-server -Dmdep.overWriteReleases=true)
./mvnw -B -q -o "${UNPACK[@]}" 2>/dev/null || ./mvnw -B -q "${UNPACK[@]}"
export PAYARA_HOME=$ROOT/target/payara-server/payara6
export POSTGRESQL_JAR=$ROOT/target/payara/postgresql.jar
export AS_JAVA=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

RECIPE=target/payara-server/recipe.sh
awk '/<!-- payara-server-recipe/ {found=1; next} found && /^```bash/ {inside=1; next} inside && /^```/ {exit}
     inside {print}' README.md > "$RECIPE"
[[ -s $RECIPE ]] || { echo "README.md has no payara-server-recipe block"; exit 2; }

stop() {
  echo "=== undeploy and stop the domain"
  "$PAYARA_HOME/bin/asadmin" undeploy planbridge || true
  "$PAYARA_HOME/bin/asadmin" stop-domain || true
}
trap stop EXIT

echo "=== the README's recipe, line by line"
bash -euvo pipefail "$RECIPE"   # -v: each line as written, so a password variable is never shown expanded

echo "=== the black-box suite against http://127.0.0.1:8080/"
./mvnw -B verify -Dit.test='BlackBox*IT' -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.server.url=http://127.0.0.1:8080/
