#!/usr/bin/env bash
# The first screen (1280 x 1000 px) of a run's report.html, and of its report.md as GitHub
# renders it (cmark-gfm with GitHub's extensions, in a page styled like GitHub's Markdown),
# as PNGs, with headless Chromium. For the README's screenshot and for reviewing a report.
#   scripts/report_screenshots.sh RESULTS_DIR [OUT_DIR]
set -euo pipefail
dir=$(realpath "${1:?usage: scripts/report_screenshots.sh RESULTS_DIR [OUT_DIR]}")
out=$(realpath "${2:-$dir}")
for tool in /usr/bin/chromium cmark-gfm; do
  command -v "$tool" >/dev/null || { echo "report_screenshots: $tool is missing: run scripts/bootstrap.sh" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

{
  cat <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #fff; color: #1f2328; font: 16px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.markdown-body { max-width: 1012px; margin: 24px auto; padding: 32px; border: 1px solid #d1d9e0; border-radius: 6px; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } h1 { font-size: 2em; } h2 { font-size: 1.5em; }
table { border-collapse: collapse; display: block; overflow: auto; margin: 0 0 16px; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; } th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; } code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
</style></head><body><article class="markdown-body">
HTML
  cmark-gfm --extension table --extension strikethrough --extension autolink --extension tagfilter "$dir/report.md"
  echo '</article></body></html>'
} > "$tmp/report-md.html"

shoot() {
  /usr/bin/chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --window-size=1280,1000 --screenshot="$2" "file://$1" 2>/dev/null
}
shoot "$dir/report.html" "$out/report-html-first-screen.png"
shoot "$tmp/report-md.html" "$out/report-md-first-screen.png"
echo "report_screenshots: $out/report-html-first-screen.png, $out/report-md-first-screen.png"
