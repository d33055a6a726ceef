#!/usr/bin/env bash
# Seeds the two corpora: HTML pages (samples/, the W3C ACT test pages from ../shared/conformance
# when present, and every check's YAML examples) for FuzzAudit; style sheets (samples/css and
# the <style> blocks of those pages) for FuzzStyle.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus-audit corpus-style
find ../samples ../../shared/conformance -name '*.html' 2>/dev/null | while read -r page; do
    cp "$page" "corpus-audit/$(sha1sum < "$page" | cut -c1-16).html"
done
python3 - <<'PY'
import glob, hashlib, re, yaml
def keep(folder, text):
    name = hashlib.sha1(text.encode()).hexdigest()[:16]
    open(f"{folder}/{name}", "w").write(text)
for path in glob.glob("../checks/**/*.yml", recursive=True):
    examples = (yaml.safe_load(open(path)) or {}).get("examples") or {}
    for kind in ("pass", "fail", "review"):
        for example in examples.get(kind) or []:
            html = example if isinstance(example, str) else example.get("html", "")
            keep("corpus-audit", html.replace("↓", ""))
for path in glob.glob("corpus-audit/*"):
    for sheet in re.findall(r"<style[^>]*>(.*?)</style>", open(path, errors="replace").read(), re.S):
        keep("corpus-style", sheet)
for path in glob.glob("../samples/css/*.css"):
    keep("corpus-style", open(path).read())
PY
echo "corpus-audit: $(ls corpus-audit | wc -l) pages, corpus-style: $(ls corpus-style | wc -l) sheets"
