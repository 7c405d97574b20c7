#!/usr/bin/env bash
# Checks docs/prometheus/planbridge-alerts.yml with promtool, installing Debian's prometheus package when promtool is
# missing (needs root, or sudo, for that).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v promtool >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "promtool not found: installing Debian's prometheus package" >&2
  $sudo apt-get install -y --no-install-recommends prometheus >&2 \
    || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends prometheus >&2; }
fi

promtool check rules docs/prometheus/planbridge-alerts.yml
