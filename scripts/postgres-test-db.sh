#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the PlanBridge tests and benchmarks. Idempotent; run as root
# (CI, development containers). Steps, each skipped when already done:
#   1. install PostgreSQL (apt-get) if no server is installed;
#   2. create and start the cluster of the newest installed major version, on port 5432;
#   3. create the LOGIN role planbridge (password planbridge) and the database planbridge_test owned by it;
#   4. also create the database named by $1 (e.g. planbridge_bench), owned by planbridge.
# Usage: scripts/postgres-test-db.sh [extra-database]
set -euo pipefail

ROLE=planbridge
PASSWORD=planbridge
DATABASES=(planbridge_test)
if [[ $# -gt 0 && -n "$1" ]]; then
  DATABASES+=("$1")
fi

say() { echo "postgres-test-db: $*"; }

if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo -n "$0" "$@"
  fi
  say "must run as root (installs packages, starts the cluster as user postgres)" >&2
  exit 2
fi

for name in "${DATABASES[@]}"; do
  if [[ ! $name =~ ^[a-z_][a-z0-9_]*$ ]]; then
    say "database name '$name' must be lower-case letters, digits and _" >&2
    exit 2
  fi
done

# 1. Install.
newest_version() {
  local dir best=""
  for dir in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x $dir ]] || continue
    dir=${dir#/usr/lib/postgresql/}
    dir=${dir%%/*}
    if [[ -z $best || $dir -gt $best ]]; then best=$dir; fi
  done
  echo "$best"
}
VERSION=$(newest_version)
if [[ -z $VERSION ]] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  say "installing PostgreSQL (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
  VERSION=$(newest_version)
  if [[ -z $VERSION ]]; then
    say "PostgreSQL was installed but no server binary was found under /usr/lib/postgresql" >&2
    exit 1
  fi
fi
say "PostgreSQL $VERSION is installed"

# 2. Cluster: create (a container's package install may have skipped it) and start.
cluster_status() { pg_lsclusters --no-header 2>/dev/null | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $4 }'; }
if [[ -z $(cluster_status) ]]; then
  say "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main --port 5432
fi
if [[ $(cluster_status) != online* ]]; then
  say "starting cluster $VERSION/main"
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start
fi
PORT=$(pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" { print $3 }')
for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p "$PORT" >/dev/null || { say "cluster $VERSION/main does not answer on port $PORT" >&2; exit 1; }
if [[ $PORT != 5432 ]]; then
  say "warning: cluster $VERSION/main listens on port $PORT, the tests expect 5432" >&2
fi

# 3./4. Role and databases. Run psql from /tmp so user postgres can read the working directory.
psql_admin() { (cd /tmp && su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -q -At $*"); }
if [[ -z $(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'\"") ]]; then
  say "creating role $ROLE"
  psql_admin "-c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
else
  # Make a drifted role usable again (password, login); harmless when nothing changed.
  psql_admin "-c \"ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\""
fi
for name in "${DATABASES[@]}"; do
  if [[ -z $(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$name'\"") ]]; then
    say "creating database $name owned by $ROLE"
    psql_admin "-c \"CREATE DATABASE $name OWNER $ROLE\""
  fi
done
say "ready: jdbc:postgresql://127.0.0.1:$PORT/{$(IFS=,; echo "${DATABASES[*]}")} as $ROLE/$PASSWORD"
