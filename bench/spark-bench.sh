#!/usr/bin/env bash
# Bulk benchmark (issue 20): N one-megapixel JPEGs (default 20,000), hashed and matched by
#   redress match -j 1 / -j 2        (one JVM, threads)
#   redress bulk --master local[1] / local[2]   (the Spark job in local mode)
# on the same files against a bank of K originals whose copies are planted among them.
# Prints files/s, the speed-up from 1 to 2 cores and the overhead against the single JVM, each
# with the machine's load (uptime). Not a test. Usage:
#   bench/spark-bench.sh [N] [K] [WORKDIR]      e.g. bench/spark-bench.sh 20000 100 /tmp/bulk-bench
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-20000}"; k="${2:-100}"; work="${3:-/tmp/redress-bulk-bench}"
redress="$root/redress"
load() { uptime | sed 's/.*load average: //'; }

mkdir -p "$work"
if [ ! -f "$work/.generated-$n-$k" ]; then
  rm -rf "$work/files" "$work/originals" "$work/ws"
  echo "generating $n JPEGs (1152x864) with $k planted copies in $work ..." >&2
  java -Djava.awt.headless=true "$root/bench/spark/GenJpegs.java" "$work" "$n" "$k"
  "$redress" bank create bench --workspace "$work/ws" >/dev/null
  "$redress" bank add bench "$work/originals" --workspace "$work/ws" >/dev/null
  touch "$work/.generated-$n-$k"
fi
"$redress" bulk --help >/dev/null   # builds the CLI and the job jar before anything is timed

declare -A secs
run() { # name command...
  local name="$1"; shift
  local l0; l0="$(load)"
  local t0; t0="$(date +%s.%N)"
  "$@" >"$work/$name.out" 2>"$work/$name.err" || [ $? -eq 1 ]
  local t1; t1="$(date +%s.%N)"
  secs[$name]="$(echo "$t1 - $t0" | bc -l)"
  printf '%-10s %8.1f s  %7.1f files/s  load before: %s  after: %s\n' "$name" \
    "${secs[$name]}" "$(echo "$n / ${secs[$name]}" | bc -l)" "$l0" "$(load)"
}
export REDRESS_JAVA_OPTS="-Xmx2g"
run match-j1 "$redress" match -j 1 --json --bank bench --workspace "$work/ws" "$work/files"
run match-j2 "$redress" match -j 2 --json --bank bench --workspace "$work/ws" "$work/files"
rm -rf "$work/bulk1" "$work/bulk2"
run local1 "$redress" bulk --master 'local[1]' --driver-memory 2g --bank bench \
  --workspace "$work/ws" --out "$work/bulk1" "$work/files"
run local2 "$redress" bulk --master 'local[2]' --driver-memory 2g --bank bench \
  --workspace "$work/ws" --out "$work/bulk2" "$work/files"

m1="$(grep -c '"bank"' "$work/match-j1.out" || true)"
b2="$(cat "$work/bulk2"/results.jsonl/part-* | grep -c '"bank"' || true)"
echo "files with a match: match -j 1: $m1, bulk local[2]: $b2 (planted: $k)"
printf 'speed-up 1 -> 2 cores: match %.2fx, bulk %.2fx (target >= 1.7x)\n' \
  "$(echo "${secs[match-j1]} / ${secs[match-j2]}" | bc -l)" \
  "$(echo "${secs[local1]} / ${secs[local2]}" | bc -l)"
printf 'bulk overhead against the single JVM: 1 core %.2fx, 2 cores %.2fx (target <= 1.3x)\n' \
  "$(echo "${secs[local1]} / ${secs[match-j1]}" | bc -l)" \
  "$(echo "${secs[local2]} / ${secs[match-j2]}" | bc -l)"
echo "machine: $(nproc) cores; load now: $(load)"
