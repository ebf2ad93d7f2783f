#!/usr/bin/env bash
# Renders every paper Redress writes, from the current code, for review and for docs/img.
#
#   scripts/render-papers.sh [OUT]          # default OUT: target/papers-review
#   scripts/render-papers.sh --docs-img     # also refresh the paper images in docs/img
#
# Writes OUT/narrative and OUT/elements (`redress doc all` on the fictional sample case, in both
# layouts), OUT/joint (`redress dossier papers` over three generated cases, two consenting), and
# OUT/png: every page of every PDF at 70 dpi (pdftoppm, from poppler-utils), to be looked at one by
# one. With --docs-img, one page of each kind is written to docs/img at 60 dpi (the page named in
# DOCS_IMG below). Needs what ./redress needs, plus pdftoppm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
docs_img=false
out="$root/target/papers-review"
for a in "$@"; do
  case "$a" in
    --docs-img) docs_img=true ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) out="$a" ;;
  esac
done
command -v pdftoppm >/dev/null || { echo "render-papers: pdftoppm is missing (apt-get install poppler-utils)" >&2; exit 1; }

redress=("$root/redress" --lang en)
sample="$root/documents/src/test/resources/sample-case"
rm -rf "$out"
mkdir -p "$out/png"

for layout in narrative elements; do
  "${redress[@]}" doc all --facts "$sample/facts.yaml" --findings "$sample/findings.json" \
    --report "$sample/spread-report.json" --evidence-manifest "$sample/evidence-manifest.json" \
    --parties "$sample/parties.yaml" --layout "$layout" --date 2026-11-25 \
    --out "$out/$layout" >/dev/null
done

# Joint papers: three cases scan one generated export, two consent to cross-case dossiers.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export REDRESS_PASSPHRASE="render-papers sample passphrase"
ws=(--workspace "$work/ws")
"${redress[@]}" sample telegram-export "$work/export" >/dev/null
export_dir="$(find "$work/export" -maxdepth 1 -name 'DataExport*' | head -1)"
for c in ann bea cai; do
  "${redress[@]}" case create "$c" "${ws[@]}" >/dev/null
  "${redress[@]}" bank add "case-$c" "$work/export/victim-originals" "${ws[@]}" >/dev/null
  "${redress[@]}" scan "$export_dir" --case "$c" --preserve "${ws[@]}" >/dev/null 2>&1 || true
done
"${redress[@]}" case consent ann --dossiers yes "${ws[@]}" >/dev/null
"${redress[@]}" case consent bea --dossiers yes "${ws[@]}" >/dev/null
chat="$("${redress[@]}" dossier index --min-cases 2 "${ws[@]}" | awk -F'\t' '$1 == "chat" {print $2; exit}')"
"${redress[@]}" dossier papers --chat "$chat" --out "$out/joint" "${ws[@]}" >/dev/null

for dir in narrative elements joint; do
  for pdf in "$out/$dir"/*.pdf; do
    name="$(basename "$pdf" .pdf)"
    # the element layouts differ only for the two complaints
    if [ "$dir" = elements ]; then
      case "$name" in civil-complaint.* | private-prosecution.*) ;; *) continue ;; esac
    fi
    pdftoppm -r 70 -png "$pdf" "$out/png/$dir.$name"
  done
done
echo "render-papers: $(ls "$out/png" | wc -l) page images in $out/png"

if $docs_img; then
  # docs/img name = layout/pdf name : page
  DOCS_IMG=(
    "police-report.zh=narrative/police-report.zh:2"
    "takedown-notice.zh-notes=narrative/takedown-notice.zh:1"
    "takedown-notice-agent.zh=narrative/takedown-notice-agent.zh:2"
    "takedown-notice-foreign.en=narrative/takedown-notice-foreign.en:2"
    "civil-complaint.zh=narrative/civil-complaint.zh:2"
    "private-prosecution.zh=narrative/private-prosecution.zh:2"
    "report-12377.zh=narrative/report-12377.zh:2"
    "evidence-list.zh=narrative/evidence-list.zh:2"
    "assessment.zh=narrative/assessment.zh:1"
    "civil-complaint.elements.zh=elements/civil-complaint.zh:3"
    "private-prosecution.elements.zh=elements/private-prosecution.zh:3"
    "joint-police-report.zh=joint/joint-police-report.zh:2"
    "joint-evidence-list.zh=joint/joint-evidence-list.zh:2"
  )
  for entry in "${DOCS_IMG[@]}"; do
    img="${entry%%=*}"
    src="${entry#*=}"
    page="${src##*:}"
    pdf="$out/${src%:*}.pdf"
    pdftoppm -r 60 -png -f "$page" -l "$page" -singlefile "$pdf" "$root/docs/img/$img"
  done
  echo "render-papers: ${#DOCS_IMG[@]} images written to docs/img"
fi
