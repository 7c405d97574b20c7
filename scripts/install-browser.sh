#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the console's browser tests (testing.Browser) when either is
# missing (needs root, or sudo, for that), then says which versions the tests will drive.
set -euo pipefail

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "chromium or chromedriver not found: installing Debian's chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends chromium chromium-driver >&2 \
    || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends chromium chromium-driver >&2; }
fi
/usr/bin/chromium --version
/usr/bin/chromedriver --version
