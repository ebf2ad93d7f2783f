#!/usr/bin/env bash
# A synthetic Telegram export scanned end to end (issue 21 point 4): `redress sample
# telegram-export` with MESSAGES messages, a bank of its victim originals, then `redress scan`
# of the export against the bank, timed with /usr/bin/time (launcher and JVM start included).
# Prints messages/s and media files/s, the CPU-seconds and peak RSS, and the load before and
# after. Usage: bench/scan-export.sh [MESSAGES] [THREADS] (default 10000, all cores). Not a test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages="${1:-10000}"
threads="${2:-$(nproc)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
export REDRESS_PASSPHRASE=bench-only-passphrase REDRESS_NO_PROGRESS=1
./redress sample telegram-export "$work/export" --messages "$messages" >/dev/null
ws="$work/ws"
./redress bank create b --workspace "$ws" >/dev/null
./redress bank add b "$work/export/victim-originals" --workspace "$ws" >/dev/null
media="$(find "$work/export"/DataExport_* -type f ! -name '*.json' ! -name '*.html' | wc -l)"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; -j $threads; uptime:$(uptime | sed 's/.*load average/ load average/')"
/usr/bin/time -f '%e %U %S %M' -o "$work/t" ./redress scan "$work"/export/DataExport_* \
  --bank b --workspace "$ws" -j "$threads" --no-ocr --json "$work/report.json" >/dev/null
read -r e u s m <"$work/t"
awk -v e="$e" -v u="$u" -v s="$s" -v m="$m" -v n="$messages" -v f="$media" 'BEGIN {
  printf "scan: %d messages, %d media files: wall %.2f s, CPU %.2f s (user %.2f + sys %.2f), peak RSS %d MiB\n", n, f, e, u + s, u, s, m / 1024
  printf "      %.0f messages/s, %.1f media files/s wall; %.0f messages per CPU-second\n", n / e, f / e, n / (u + s)
}'
echo "# uptime at the end:$(uptime | sed 's/.*load average/ load average/')"
