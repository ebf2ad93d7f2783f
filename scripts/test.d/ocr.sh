#!/usr/bin/env bash
# Installs what the screenshot and capture suites need, when it is missing:
# - Tesseract OCR with its Simplified Chinese and English data (Debian `tesseract-ocr`,
#   `tesseract-ocr-chi-sim`, `tesseract-ocr-eng`), read by the screenshots module through tess4j;
# - headless Chromium (Debian `chromium`) for `redress capture`'s full-page screenshot. H-web's
#   browser.sh may install it too; both check first, so running either or both is idempotent.
# scripts/test.sh runs it (with bash) before Maven. As root it installs with apt-get; otherwise it
# says what to install and exits 2. Nothing is skipped silently: the suites that need these tools
# fail with the same message when run with -Dredress.ocr.required=true and the tools are missing.
set -euo pipefail

say() { echo "ocr: $*" >&2; }

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
# Debian keeps the language data under /usr/share/tesseract-ocr/<version>/tessdata.
have_lang() { ls /usr/share/tesseract-ocr/*/tessdata/"$1".traineddata >/dev/null 2>&1; }
have_lang chi_sim || need+=(tesseract-ocr-chi-sim)
have_lang eng || need+=(tesseract-ocr-eng)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# A CJK font, so that generated screenshots and Chromium can render Chinese text.
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 \
  || ls /usr/share/fonts/truetype/wqy/wqy-microhei.ttc >/dev/null 2>&1 \
  || need+=(fonts-wqy-microhei)

if [ "${#need[@]}" -eq 0 ]; then
  say "tesseract $(tesseract --version 2>&1 | head -1 | awk '{print $2}'), chi_sim, eng, chromium: present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  say "missing: ${need[*]}; install them with: sudo apt-get install -y ${need[*]}"
  exit 2
fi
say "installing ${need[*]} (apt-get)"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "${need[@]}" >/tmp/redress-ocr-apt.log 2>&1; then
  apt-get update >>/tmp/redress-ocr-apt.log 2>&1
  apt-get install -y --no-install-recommends "${need[@]}" >>/tmp/redress-ocr-apt.log 2>&1 \
    || { say "apt-get failed; see /tmp/redress-ocr-apt.log"; exit 2; }
fi
say "installed ${need[*]}"
