#!/usr/bin/env bash
# Where an audit's time goes, stage by stage, on run.sh's corpus. Each stage is one more layer
# of work, audited with --jobs 1 to JSON Lines; all are run alternately, best of ROUNDS each:
#
#   parse    xmllint --html --noout over every page (libxml2 alone)
#   setup    a profile of document-title only: reading and parsing each page, its style sheets
#            and their rule index, a finding or so per page, the report
#   styles   a profile of bypass only: also every element's computed style (bypass asks whether
#            each element is rendered)
#   all      --profile all: every check
#
# The one-check profiles go into a copy of the build's resource bundle beside a copy of the
# binary, which finds its bundle there first: the build itself is not touched.
#
#   Benchmarks/stages.sh       Environment: COPIES (40), ROUNDS (3), SHILAO (a prebuilt binary)
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/best.sh
. Benchmarks/corpus.sh

copies="${COPIES:-40}"
rounds="${ROUNDS:-3}"
prepare
bundle="$(dirname "$SHILAO")/Shilao_CheckPack.resources"
[ -d "$bundle/profiles" ] || { echo "no resource bundle beside $SHILAO ($bundle)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$SHILAO" "$work/shilao"
cp -r "$bundle" "$work/"
for stage in "setup document-title" "styles bypass"; do
    read -r name check <<< "$stage"
    cat > "$work/Shilao_CheckPack.resources/profiles/stage-$name.yml" <<PROFILE
id: stage-$name
version: "benchmark"
title: {zh-CN: $name, en: $name}
scoring: by-impact
pass-mark: 100
impact-weights: {critical: 10, serious: 7, moderate: 3, minor: 1}
checks:
  $check: {principle: operable, impact: serious, points: 100}
PROFILE
done
corpus="$work/corpus"
make_corpus "$corpus" "$copies"
find "$corpus" -name '*.html' -o -name '*.htm' | sort > "$work/pages"
pages=$(wc -l < "$work/pages")

# Runs one stage once; prints its wall time in seconds.
run() { # stage
    local status=0
    if [ "$1" = parse ]; then
        /usr/bin/time -f '%e' -o "$work/time" xargs -a "$work/pages" -d '\n' xmllint --html --noout --huge \
            >/dev/null 2>&1 || status=$?
    else
        local profile="stage-$1"; [ "$1" = all ] && profile=all
        /usr/bin/time -f '%e' -o "$work/time" "$work/shilao" audit --profile "$profile" --jobs 1 --format jsonl \
            "$corpus" >/dev/null 2>"$work/stderr" || status=$?
    fi
    # xmllint complains about pages (exit 1); an audit exits 0, 1 (gate) or 3 (unreadable
    # inputs). Anything else stopped early and would look fast.
    if [ "$status" = 2 ] || [ "$status" -gt 3 ]; then
        echo "stage $1 stopped with status $status" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
    tail -n 1 "$work/time"
}

stages=(parse setup styles all)
declare -A best
for _ in $(seq 1 "$rounds"); do
    for stage in "${stages[@]}"; do best[$stage]=$(best_of "${best[$stage]:-}" "$(run "$stage")"); done
done

echo "corpus: $pages pages (samples x$copies + 4 large pages); --jobs 1, best of $rounds alternate runs"
printf '%-8s %8s %10s %13s %15s\n' stage seconds pages/s parse/stage "added seconds"
previous=0
for stage in "${stages[@]}"; do
    awk -v n="$stage" -v s="${best[$stage]}" -v p="$pages" -v parse="${best[parse]}" -v prev="$previous" \
        'BEGIN{printf "%-8s %8.2f %10.1f %13.2f %15.2f\n", n, s, p/s, parse/s, s-prev}'
    previous="${best[$stage]}"
done
