#!/usr/bin/env bash
# Installs what the web module's browser tests need: Debian's `chromium` and `chromium-driver`
# (/usr/bin/chromium, /usr/bin/chromedriver). scripts/test.sh runs it (with bash) before Maven;
# by hand:
#
#   bash scripts/test.d/browser.sh && mvn -o -pl web -am verify
#
# Idempotent: does nothing when both programs are present. Installing needs root (apt-get); as
# another user it says what to install and exits 2. The tests themselves start chromedriver and a
# headless Chromium with a fresh profile each; nothing is left running by this script.
set -euo pipefail

say() { echo "browser: $*" >&2; }

have() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }

if ! have; then
  if [ "$(id -u)" != 0 ]; then
    say "the browser tests need Chromium (apt-get install chromium chromium-driver)"
    exit 2
  fi
  say "installing chromium and chromium-driver with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  # Another apt-get (another test hook, unattended upgrades) may hold apt's locks: wait for it.
  ok=
  for attempt in $(seq 1 60); do
    if { apt-get -qq -o DPkg::Lock::Timeout=120 update \
        && apt-get -qq -o DPkg::Lock::Timeout=120 install -y --no-install-recommends chromium \
          chromium-driver fonts-noto-cjk; } >"$log" 2>&1; then
      ok=1
      break
    fi
    grep -q "Could not get lock\|Unable to lock" "$log" || break
    sleep 5
  done
  if [ -z "$ok" ]; then
    tail -n 20 "$log" >&2
    say "apt-get install chromium chromium-driver failed"
    exit 1
  fi
  rm -f "$log"
  have || { say "no /usr/bin/chromium or /usr/bin/chromedriver after installing"; exit 1; }
fi
say "$(/usr/bin/chromedriver --version 2>/dev/null | head -n 1)"
