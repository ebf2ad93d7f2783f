#!/usr/bin/env bash
# Redress against the C++ references (facebook/ThreatExchange pdq/cpp `pdq-photo-hasher` and
# vpdq/cpp `vpdq-hash-video`) on the same generated files: fresh processes, one core each
# (`taskset -c 0`), interleaved rounds, outputs compared (any difference stops the run).
# Prints CPU-seconds (user + sys, children included: the PDQ reference decodes through
# ImageMagick's `convert`) and wall seconds per run, and the ratios reference / Redress.
#
# Usage: bench/cpp-compare.sh REFDIR [ROUNDS] [COPIES_1MP] [COPIES_12MP]
#   REFDIR holds pdq/cpp/pdq-photo-hasher and vpdq/cpp/vpdq-hash-video (docs/benchmarks.md,
#   "C++ references", says how to rebuild them). Defaults: 3 rounds, 500 and 200 copies.
#   CPP_COMPARE_ONLY=pdq|vpdq runs one half; CPP_COMPARE_BUILD=0 skips the Maven build. Not a test: it prints figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: bench/cpp-compare.sh REFDIR [ROUNDS] [COPIES_1MP] [COPIES_12MP]" >&2; exit 2; }
ref="$(cd "$1" && pwd)"
rounds="${2:-3}"
n1="${3:-500}"
n12="${4:-200}"
only="${CPP_COMPARE_ONLY:-}"
pdq_ref="$ref/pdq/cpp/pdq-photo-hasher"
vpdq_ref="$ref/vpdq/cpp/vpdq-hash-video"
[ -x "$pdq_ref" ] && [ -x "$vpdq_ref" ] || { echo "missing $pdq_ref or $vpdq_ref" >&2; exit 2; }
command -v taskset >/dev/null || { echo "taskset (util-linux) is required" >&2; exit 2; }
# CImg decodes JPEG through ImageMagick's `convert`: use the system one, not a shadowing wrapper.
export PATH="/usr/bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
[ "${CPP_COMPARE_BUILD:-1}" = 0 ] || mvn -q -B -ntp -o -DskipTests package -pl bench -am >/dev/null
"$root/redress" --version >/dev/null # builds the CLI if needed
bench_cp=bench/target/benchmarks.jar

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; uptime:$(uptime | sed 's/.*load average/ load average/')"
echo "# reference: $pdq_ref, $vpdq_ref"
echo "# redress: $(git -C "$root" rev-parse --short HEAD) ($(java -version 2>&1 | head -n 1))"

make_set() { # dir width height copies
  java -cp "$bench_cp" org.redress.bench.MakeSampleJpeg "$1/base.jpg" "$2" "$3" "$4" >/dev/null
  rm "$1/base.jpg"
  find "$1" -name '*.jpg' | sort >"$1.list"
}
if [ "$only" != vpdq ]; then
  make_set "$work/p1" 1280 960 "$n1"
  make_set "$work/p12" 4000 3000 "$n12"
fi
if [ "$only" != pdq ]; then
  java -cp "$bench_cp" org.redress.media.MakeSampleVideo "$work/v720.mp4" | sed 's/^/# /'
fi
# The first `hash` run writes its AppCDS archive (the launcher): one photo and the video, so the
# archive holds the classes both paths load, as on a machine where both were hashed before.
warm=()
[ "$only" != vpdq ] && warm+=("$(head -n 1 "$work/p1.list")")
[ "$only" != pdq ] && warm+=("$work/v720.mp4")
"$root/redress" hash -j 1 "${warm[@]}" >/dev/null 2>&1 || true

timed() { # out-file time-file command...
  local out="$1" tf="$2"
  shift 2
  /usr/bin/time -f '%e %U %S' -o "$tf" taskset -c 0 "$@" >"$out" 2>"$out.err" || {
    echo "failed: $*" >&2
    cat "$out.err" >&2
    exit 1
  }
}

# Outputs in one normal form: "path hash quality", sorted.
pdq_ref_run() { timed "$work/ref.out" "$work/t" "$pdq_ref" -i <"$1.list"; awk -F, '{print $3" "$1" "$2}' "$work/ref.out" | sort >"$work/ref.norm"; }
pdq_red_run() { timed "$work/red.out" "$work/t" "$root/redress" hash -j 1 "$1"; awk '{print $3" "$1" "$2}' "$work/red.out" | sort >"$work/red.norm"; }
# vPDQ: "hash,quality,seconds" per sampled frame, in order.
vpdq_ref_run() { timed "$work/ref.out" "$work/t" "$vpdq_ref" -i "$work/v720.mp4" -o "$work/ref.txt" -r "$1" -t 1; awk -F, '{print $3","$2","$4}' "$work/ref.txt" >"$work/ref.norm"; }
vpdq_red_run() { timed "$work/red.out" "$work/t" "$root/redress" hash -j 1 --seconds-per-frame "$1" "$work/v720.mp4"; sed 's/^vpdq://; s/ .*//' "$work/red.out" | tr ';' '\n' >"$work/red.norm"; }

declare -A cpu wall
record() { # key
  local e u s
  read -r e u s <"$work/t"
  cpu[$1]="${cpu[$1]:-} $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"
  wall[$1]="${wall[$1]:-} $e"
}
check_same() { # label
  if ! cmp -s "$work/ref.norm" "$work/red.norm"; then
    echo "OUTPUTS DIFFER: $1" >&2
    diff "$work/ref.norm" "$work/red.norm" | head -n 5 >&2
    exit 1
  fi
}

cases=()
[ "$only" != vpdq ] && cases+=("pdq p1" "pdq p12")
[ "$only" != pdq ] && cases+=("vpdq 1" "vpdq 0")
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    read -r kind arg <<<"$c"
    key="$kind-$arg"
    if ((r % 2)); then order="ref red"; else order="red ref"; fi
    for who in $order; do
      if [ "$kind" = pdq ]; then "pdq_${who}_run" "$work/$arg"; else "vpdq_${who}_run" "$arg"; fi
      record "$who-$key"
    done
    check_same "$key round $r"
    lines=$(wc -l <"$work/red.norm")
    printf 'round %d %-9s identical (%d lines)  ref cpu %6ss wall %6ss | redress cpu %6ss wall %6ss\n' \
      "$r" "$key" "$lines" "$(echo "${cpu[ref-$key]}" | awk '{print $NF}')" \
      "$(echo "${wall[ref-$key]}" | awk '{print $NF}')" "$(echo "${cpu[red-$key]}" | awk '{print $NF}')" \
      "$(echo "${wall[red-$key]}" | awk '{print $NF}')"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
label() {
  case "$1" in
    pdq-p1) echo "PDQ, $n1 x 1.2 MP JPEG (1280x960)" ;;
    pdq-p12) echo "PDQ, $n12 x 12 MP JPEG (4000x3000)" ;;
    vpdq-1) echo "vPDQ, 60 s 720p, 1 frame/s" ;;
    vpdq-0) echo "vPDQ, 60 s 720p, every frame" ;;
  esac
}
echo
echo "# medians over $rounds rounds; ratio = reference / Redress (higher: Redress faster)"
for c in "${cases[@]}"; do
  read -r kind arg <<<"$c"
  key="$kind-$arg"
  rc=$(echo "${cpu[ref-$key]}" | median)
  dc=$(echo "${cpu[red-$key]}" | median)
  rw=$(echo "${wall[ref-$key]}" | median)
  dw=$(echo "${wall[red-$key]}" | median)
  printf '%-40s ref %7.2f CPU-s %7.2f s | redress %7.2f CPU-s %7.2f s | per CPU-s %5.2fx  wall %5.2fx\n' \
    "$(label "$key")" "$rc" "$rw" "$dc" "$dw" "$(awk -v a="$rc" -v b="$dc" 'BEGIN{print a/b}')" \
    "$(awk -v a="$rw" -v b="$dw" 'BEGIN{print a/b}')"
done
echo "# uptime at the end:$(uptime | sed 's/.*load average/ load average/')"
