#!/usr/bin/env bash
# `redress hash ONE.jpg`, launcher included (issue 21: <= 0.4 s wall on a warm machine): one
# 1280x960 photo-like JPEG (MakeSampleJpeg), two untimed runs (build if needed, AppCDS archive,
# page cache), then RUNS timed runs; prints each run's wall and CPU-seconds (user + sys) and the
# medians, with the machine's load. Usage: bench/one-photo.sh [RUNS] (default 9). Not a test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
[ -f bench/target/benchmarks.jar ] || mvn -q -B -ntp -o -DskipTests package -pl bench -am >/dev/null
java -cp bench/target/benchmarks.jar org.redress.bench.MakeSampleJpeg "$work/one.jpg" 1280 960 \
  >/dev/null
./redress hash "$work/one.jpg" >/dev/null
./redress hash "$work/one.jpg" >/dev/null
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; uptime:$(uptime | sed 's/.*load average/ load average/')"
walls=()
cpus=()
for ((i = 1; i <= runs; i++)); do
  /usr/bin/time -f '%e %U %S' -o "$work/t" ./redress hash "$work/one.jpg" >/dev/null
  read -r e u s <"$work/t"
  c="$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"
  printf 'run %d: wall %s s, CPU %s s\n' "$i" "$e" "$c"
  walls+=("$e")
  cpus+=("$c")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median wall $(median "${walls[@]}") s, CPU $(median "${cpus[@]}") s (target: wall <= 0.4 s)"
echo "# uptime at the end:$(uptime | sed 's/.*load average/ load average/')"
