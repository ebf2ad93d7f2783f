#!/usr/bin/env bash
# Runs every test of Redress on a fresh machine: checks the toolchain, installs what the tests
# need, then runs the Maven build with all tests. Used as is by CI (.ci/run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

command -v java >/dev/null || { echo "test: Java 17+ is required (apt-get install openjdk-17-jdk-headless)" >&2; exit 2; }
command -v mvn >/dev/null || { echo "test: Maven is required (apt-get install maven)" >&2; exit 2; }

# Services and browsers that some test suites need are installed here, by the project itself.
# A hook that starts a server keeps it up while this process lives (it becomes Maven below), and
# its tests are made required: they fail rather than skip if the server is missing.
#   postgres.sh: a throwaway PostgreSQL on 127.0.0.1 (target/test-postgres.properties).
#   browser.sh: Debian chromium + chromium-driver for the web module's browser tests.
#   ocr.sh: Tesseract (chi_sim, eng), Chromium and a CJK font for the screenshot and capture tests.
for hook in scripts/test.d/*.sh; do
  [ -e "$hook" ] || continue
  bash "$hook"
done

exec mvn -B -ntp verify -Dredress.postgres.required=true -Dredress.browser.required=true \
  -Dredress.ocr.required=true "$@"
