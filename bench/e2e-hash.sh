#!/usr/bin/env bash
# End-to-end `redress hash` over 1,000 copies of a 1-megapixel JPEG, single-threaded and on all
# cores: images/s and peak RSS. Also one 50-megapixel JPEG under a 512 MiB heap.
# Usage: bench/e2e-hash.sh [COPIES]   (prints figures; not a test)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
copies="${1:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -q -B -ntp -DskipTests package -pl bench -am >/dev/null
"$root/redress" --version >/dev/null   # build the CLI if needed
java -cp bench/target/benchmarks.jar org.redress.bench.MakeSampleJpeg "$work/one/base.jpg" 1000 1000 "$copies"
rm "$work/one/base.jpg"
run() { # label threads
  local start end secs rss
  start=$(date +%s.%N)
  /usr/bin/time -f '%M %U %S' -o "$work/rss" "$root/redress" hash -j "$2" "$work/one" >/dev/null
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  read -r rss user sys < "$work/rss"
  printf '%-28s %6d files %8.2f s %8.1f images/s wall  %8.1f images/CPU-s  peak RSS %6.0f MiB\n' \
    "$1" "$copies" "$secs" "$(echo "$copies / $secs" | bc -l)" \
    "$(echo "$copies / ($user + $sys)" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
run "hash -j 1 (1 MP JPEG)" 1
run "hash -j $(nproc) (1 MP JPEG)" "$(nproc)"
java -cp bench/target/benchmarks.jar org.redress.bench.MakeSampleJpeg "$work/big/big.jpg" 8660 5774
start=$(date +%s.%N)
REDRESS_JAVA_OPTS="-Xmx512m" /usr/bin/time -f '%M' -o "$work/rss" "$root/redress" hash "$work/big/big.jpg" >/dev/null
end=$(date +%s.%N)
printf '%-28s %8.2f s  peak RSS %6.0f MiB (heap capped at 512 MiB)\n' "hash 50 MP JPEG" \
  "$(echo "$end - $start" | bc -l)" "$(echo "$(cat "$work/rss") / 1024" | bc -l)"
