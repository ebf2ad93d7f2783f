#!/usr/bin/env bash
# The reports of the sample exports, for a byte-for-byte comparison of two builds of the scan
# (issue: trade detection off the reading thread): a JSON and an HTML `redress sample
# telegram-export` (3,000 messages each, two seeds), the demo's spread report, and each of the
# five victims' exports of the `testing` module's FiveVictims generator (seed 19) scanned against
# her originals. The clock is fixed (REDRESS_NOW) and the remaining times, paths and durations are
# masked. Usage: bench/scan-reports.sh OUT [THREADS]; then `diff -r OUT-before OUT-after`. Not a test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
threads="${2:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
export REDRESS_PASSPHRASE=bench-only-passphrase REDRESS_NO_PROGRESS=1
export REDRESS_NOW=2026-03-20T02:00:00Z REDRESS_ZONE=Asia/Shanghai
# Times, durations and the temporary folder's name are the only parts allowed to differ.
mask() {
  sed -E -e "s#$work#WORK#g" "$1" >"$2"
}
scan() { # name ws args...
  local name="$1" ws="$2"
  shift 2
  ./redress scan "$@" --workspace "$ws" -j "$threads" --no-ocr --json "$work/$name.json" \
    --html "$work/$name.html" --csv "$work/$name.csv" >"$work/$name.out" 2>&1 || true
  for f in json html csv out; do
    [ -f "$work/$name.$f" ] && mask "$work/$name.$f" "$out/$name.$f"
  done
}
for fmt in json html; do
  for seed in 1 7; do
    d="$work/sample-$fmt-$seed"
    ./redress sample telegram-export "$d" --format "$fmt" --messages 3000 --seed "$seed" >/dev/null
    ws="$work/ws-$fmt-$seed"
    ./redress bank create b --workspace "$ws" >/dev/null
    ./redress bank add b "$d/victim-originals" --workspace "$ws" >/dev/null
    scan "sample-$fmt-$seed" "$ws" "$d"/DataExport_* --bank b
  done
done
./redress demo --workspace "$work/demo" >"$work/demo.out" 2>&1
for f in spread-report.json spread-report.html occurrences.csv; do
  mask "$work/demo/demo/report/$f" "$out/demo-$f"
done
cp_test="$root/testing/target/classes"
[ -d "$cp_test" ] || { echo "build the testing module first (mvn -o -q -pl testing install)" >&2; exit 2; }
cat >"$work/Five.java" <<'JAVA'
public class Five {
  public static void main(String[] a) throws Exception {
    for (var v : org.redress.testing.FiveVictims.generate(java.nio.file.Path.of(a[0]), 19).victims()) {
      System.out.println(v.caseId() + " " + v.originals() + " " + v.export());
    }
  }
}
JAVA
java -Djava.awt.headless=true -cp "$cp_test" "$work/Five.java" "$work/five" >"$work/five.txt"
while read -r id originals export; do
  ws="$work/ws-$id"
  ./redress bank create b --workspace "$ws" >/dev/null
  ./redress bank add b "$originals" --workspace "$ws" >/dev/null
  scan "five-$id" "$ws" "$export" --bank b
done <"$work/five.txt"
ls "$out" | wc -l | sed 's/$/ files written to '"${out//\//\\/}"'/'
