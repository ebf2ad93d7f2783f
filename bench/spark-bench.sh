#!/usr/bin/env bash
# Bulk benchmark (issue 20): N one-megapixel JPEGs (default 20,000), hashed and matched by
#   redress match --no-screenshots -j 1 / -j 2   (one JVM, threads)
#   redress bulk --master local[1] / local[2]    (the Spark job in local mode)
# on the same files against a bank of K originals whose copies are planted among them. Both do
# the same work per file (PDQ + MD5 + SHA-256, then the bank lookup), both with --no-screenshots.
# BENCH_SCREENSHOTS=1 also times plain `redress match -j 1 / -j 2` and `redress bulk local[1] /
# local[2]` (with the screenshot search: about 50 CPU-ms more per image that matched nothing).
# Prints files/s, CPU-seconds, the speed-up from 1 to 2 cores and the overhead against the single
# JVM, each with the machine's load (uptime). Not a test. Usage:
#   bench/spark-bench.sh [N] [K] [WORKDIR]      e.g. bench/spark-bench.sh 20000 100 /tmp/bulk-bench
# A WORKDIR that already holds N files and K originals made by bench/spark/GenJpegs.java (such as
# /tmp/redress-bulk-bench) is reused: only the workspace and its bank are made.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-20000}"; k="${2:-100}"; work="${3:-/tmp/redress-bulk-bench}"
redress="$root/redress"
load() { uptime | sed 's/.*load average: //'; }

mkdir -p "$work"
count() { find "$1" -type f -name '*.jpg' 2>/dev/null | wc -l; }
if [ ! -f "$work/.generated-$n-$k" ]; then
  # Files from an earlier, interrupted setup are reused when their numbers are right.
  if [ "$(count "$work/files")" -ne "$n" ] || [ "$(count "$work/originals")" -ne "$k" ] \
      || { [ "$k" -gt 0 ] && [ ! -f "$work/files/0000/copy-000000.jpg" ]; } \
      || { [ "$k" -gt 1 ] && [ ! -f "$(printf '%s/files/%04d/copy-%06d.jpg' "$work" \
            $(( (n / k) / 1000 )) $(( n / k )))" ]; }; then
    rm -rf "$work/files" "$work/originals"
    echo "generating $n JPEGs (1152x864) with $k planted copies in $work ..." >&2
    java -Djava.awt.headless=true "$root/bench/spark/GenJpegs.java" "$work" "$n" "$k"
  else
    echo "reusing the $n JPEGs and $k originals in $work" >&2
  fi
  rm -rf "$work/ws"
  "$redress" bank create bench --workspace "$work/ws" >/dev/null
  "$redress" bank add bench "$work/originals" --workspace "$work/ws" >/dev/null
  touch "$work/.generated-$n-$k"
fi
"$redress" bulk --help >/dev/null   # builds the CLI and the job jar before anything is timed
# The first bulk run after a build writes the job JVM's class-data archive (docs/spark.md): do
# that on one file, untimed, so every timed run maps it.
rm -rf "$work/warm"
"$redress" bulk --master 'local[1]' --bank bench --no-screenshots --workspace "$work/ws" \
  --out "$work/warm" "$(find "$work/originals" -name '*.jpg' | sort | head -n 1)" >/dev/null
# Every run reads the files from the page cache, the first one too.
find "$work/files" -type f -name '*.jpg' -print0 | xargs -0 cat >/dev/null

declare -A secs cpus
run() { # name command...
  local name="$1"; shift
  local l0; l0="$(load)"
  local t0; t0="$(date +%s.%N)"
  /usr/bin/time -f '%U %S' -o "$work/$name.cpu" "$@" >"$work/$name.out" 2>"$work/$name.err" \
    || [ $? -eq 1 ]
  local t1; t1="$(date +%s.%N)"
  secs[$name]="$(echo "$t1 - $t0" | bc -l)"
  cpus[$name]="$(tail -n 1 "$work/$name.cpu" | awk '{print $1 + $2}')"
  printf '%-10s %8.1f s  %7.1f files/s  %8.1f CPU-s (%.1f CPU-ms a file)  load before: %s  after: %s\n' \
    "$name" "${secs[$name]}" "$(echo "$n / ${secs[$name]}" | bc -l)" "${cpus[$name]}" \
    "$(echo "1000 * ${cpus[$name]} / $n" | bc -l)" "$l0" "$(load)"
}
export REDRESS_JAVA_OPTS="-Xmx2g"
match=("$redress" match --json --no-screenshots --bank bench --workspace "$work/ws" "$work/files")
run match-j1 "${match[@]}" -j 1
run match-j2 "${match[@]}" -j 2
rm -rf "$work/bulk1" "$work/bulk2"
run local1 "$redress" bulk --master 'local[1]' --driver-memory 2g --bank bench --no-screenshots \
  --workspace "$work/ws" --out "$work/bulk1" "$work/files"
run local2 "$redress" bulk --master 'local[2]' --driver-memory 2g --bank bench --no-screenshots \
  --workspace "$work/ws" --out "$work/bulk2" "$work/files"
if [ "${BENCH_SCREENSHOTS:-0}" = 1 ]; then
  shots=("$redress" match --json --bank bench --workspace "$work/ws" "$work/files")
  run shots-j1 "${shots[@]}" -j 1
  run shots-j2 "${shots[@]}" -j 2
  rm -rf "$work/bulks1" "$work/bulks2"
  run shots-l1 "$redress" bulk --master 'local[1]' --driver-memory 2g --bank bench \
    --workspace "$work/ws" --out "$work/bulks1" "$work/files"
  run shots-l2 "$redress" bulk --master 'local[2]' --driver-memory 2g --bank bench \
    --workspace "$work/ws" --out "$work/bulks2" "$work/files"
fi

m1="$(grep -c '"bank"' "$work/match-j1.out" || true)"
b2="$(cat "$work/bulk2"/results.jsonl/part-* | grep -c '"bank"' || true)"
echo "files with a match: match -j 1: $m1, bulk local[2]: $b2 (planted: $k; copies of a"\
  "low-quality original are refused by the bank's minimum quality, with a warning)"
same="$(diff <(grep -v '^\[' "$work/match-j1.out" | sort) \
  <(cat "$work/bulk2"/results.jsonl/part-* | sort) >/dev/null && echo yes || echo NO)"
echo "bulk local[2] printed the same JSON lines as match -j 1: $same"
printf 'speed-up 1 -> 2 cores: match %.2fx, bulk %.2fx (target >= 1.7x)\n' \
  "$(echo "${secs[match-j1]} / ${secs[match-j2]}" | bc -l)" \
  "$(echo "${secs[local1]} / ${secs[local2]}" | bc -l)"
if [ "${BENCH_SCREENSHOTS:-0}" = 1 ]; then
  printf 'speed-up 1 -> 2 cores with the screenshot search: match %.2fx, bulk %.2fx\n' \
    "$(echo "${secs[shots-j1]} / ${secs[shots-j2]}" | bc -l)" \
    "$(echo "${secs[shots-l1]} / ${secs[shots-l2]}" | bc -l)"
fi
printf 'bulk overhead against the single JVM: 1 core %.2fx, 2 cores %.2fx (target <= 1.3x)\n' \
  "$(echo "${secs[local1]} / ${secs[match-j1]}" | bc -l)" \
  "$(echo "${secs[local2]} / ${secs[match-j2]}" | bc -l)"
echo "machine: $(nproc) cores; load now: $(load)"
