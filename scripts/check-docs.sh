#!/usr/bin/env bash
# Writes docs/checks/<id>.md for every check, from `shilao explain` in both languages: the pages
# SARIF rules link to (helpUri). Run after changing a check's YAML; a test compares them.
set -euo pipefail
cd "$(dirname "$0")/.."
shilao=${SHILAO:-.build/debug/shilao}
out=${OUT:-docs/checks}
mkdir -p "$out"
rm -f "$out"/*.md
for id in $("$shilao" checks --profile all --format json | python3 -c 'import json,sys; print(" ".join(c["id"] for c in json.load(sys.stdin)))'); do
    {
        echo "<!-- Written by scripts/check-docs.sh from the check's YAML file; edit the YAML, not this page. -->"
        echo "# $id"
        echo
        echo '```text'
        "$shilao" explain "$id" --lang zh-CN
        echo '```'
        echo
        echo '```text'
        "$shilao" explain "$id" --lang en
        echo '```'
    } > "$out/$id.md"
done
echo "wrote $(ls "$out" | wc -l) pages to $out/" >&2
