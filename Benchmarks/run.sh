#!/usr/bin/env bash
# Throughput and memory of a release build against libxml2 parsing alone, on one corpus:
# samples/ copied COPIES times plus generated pages of 150 KB to 2 MB with big style sheets.
#
#   Benchmarks/run.sh                 build, then measure (best of REPEAT runs each)
#   Benchmarks/run.sh --stream 100000 also stream that many small pages to JSON Lines
#                                     and report the peak RSS of that run
#   Benchmarks/run.sh --hostile       also audit the hostile pages too big for the test suite
#   Benchmarks/run.sh --sites 200     also audit that many sites of 3 pages, each site with its
#                                     own 300 KB style sheet, and report the peak RSS
#   Benchmarks/run.sh --web 200       also fetch such sites from a local server that answers
#                                     every request LATENCY ms late (default 200)
#
# Environment: COPIES (default 40), REPEAT (3), SHILAO (a prebuilt binary; skips the build),
# LATENCY (for --web).
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/best.sh
. Benchmarks/corpus.sh

stream=0
hostile=0
sites=0
web=0
while [ $# -gt 0 ]; do
    case "$1" in
        --stream) stream="$2"; shift 2 ;;
        --hostile) hostile=1; shift ;;
        --sites) sites="$2"; shift 2 ;;
        --web) web="$2"; shift 2 ;;
        *) echo "usage: $0 [--stream COUNT] [--hostile] [--sites COUNT] [--web COUNT]" >&2; exit 2 ;;
    esac
done
copies="${COPIES:-40}"
repeat="${REPEAT:-3}"
prepare

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT
corpus="$work/corpus"
make_corpus "$corpus" "$copies"
find "$corpus" -name '*.html' -o -name '*.htm' | sort > "$work/pages"
pages=$(wc -l < "$work/pages")
bytes=$(xargs -a "$work/pages" -d '\n' cat | wc -c)
cores=$(nproc)

# Runs a command REPEAT times; prints the best wall time in seconds and the largest peak RSS in KB.
# Reports go to standard output, discarded here: never `--output /dev/null`, which an audit run
# as root once replaced with a plain file.
measure() {
    local best="" rss=0
    for _ in $(seq 1 "$repeat"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
        read -r seconds kb < <(tail -n 1 "$work/time")
        best=$(best_of "$best" "$seconds")
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    echo "$best $rss"
}

read -r parse_s parse_kb < <(measure xargs -a "$work/pages" -d '\n' xmllint --html --noout --huge)
read -r one_s one_kb < <(measure "$SHILAO" audit --profile all --jobs 1 --format jsonl "$corpus")
read -r all_s all_kb < <(measure "$SHILAO" audit --profile all --jobs "$cores" --format jsonl "$corpus")

row() { # name seconds kb
    awk -v n="$1" -v s="$2" -v kb="$3" -v p="$pages" -v b="$bytes" \
        'BEGIN{printf "%-28s %8.2f s %9.1f pages/s %8.2f MB/s %8.1f MB peak RSS\n", n, s, p/s, b/s/1048576, kb/1024}'
}
echo "corpus: $pages pages, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}') MB (samples x$copies + 4 large pages); best of $repeat runs"
row "parse only (xmllint --html)" "$parse_s" "$parse_kb"
row "audit --jobs 1" "$one_s" "$one_kb"
row "audit --jobs $cores" "$all_s" "$all_kb"
awk -v p="$parse_s" -v o="$one_s" -v a="$all_s" -v c="$cores" 'BEGIN{
    printf "audit/parse throughput (1 core): %.2f   (target >= 0.5)\n", p/o
    printf "parallel speed-up on %d cores:   %.2f   (target >= 1.6 on 2)\n", c, o/a }'

if [ "$hostile" = 1 ]; then
    python3 - "$work/hostile" <<'EOF'
import os, sys
d = sys.argv[1]; os.makedirs(d)
def w(name, data): open(os.path.join(d, name), "wb").write(data)
w("deep-100000.html", b"<html><body>" + b"<div>" * 100000 + "姓　　名".encode() + b"</div>" * 100000 + b"</body></html>")
w("page-50mb.html", b"<html><body>" + b"<p class=a>\xe6\x9d\x91\xe5\x8a\xa1 text <a href=#x>link</a></p>\n" * 1100000 + b"</body></html>")
w("ids-100000.html", b"<html><body>" + b"".join(b"<div id=i%d aria-labelledby=i%d>x</div>" % (n, n + 1) for n in range(100000)) + b"</body></html>")
w("rules-100000.html", b"<html><head><style>" + b"".join(b".c%d div>p a[href^=x]{color:red}" % n for n in range(100000)) + b"</style></head><body>" + b"<div><p><a href=x>y</a></p></div>" * 2000 + b"</body></html>")
EOF
    echo "hostile pages (--jobs 1, --max-page-size 64):"
    for f in "$work"/hostile/*.html; do
        /usr/bin/time -f '%e %M' -o "$work/time" "$SHILAO" audit --profile all --jobs 1 --max-page-size 64 \
            --format jsonl --output "$work/hostile.jsonl" "$f" >/dev/null 2>&1 || true
        read -r seconds kb < <(tail -n 1 "$work/time")
        status=$(grep -o '"status":"[a-z]*"' "$work/hostile.jsonl" | head -n 1)
        awk -v n="$(basename "$f")" -v s="$seconds" -v kb="$kb" -v st="$status" \
            'BEGIN{printf "  %-22s %8.2f s %8.1f MB peak RSS  %s\n", n, s, kb/1024, st}'
    done
fi

# Audits the folder $work/$1 on all cores to JSON Lines; sets seconds, kb (peak RSS) and records.
audit_folder() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$SHILAO" audit --profile all --format jsonl \
        --output "$work/$1.jsonl" "$work/$1" >/dev/null 2>&1 || true
    read -r seconds kb < <(tail -n 1 "$work/time")
    records=$(wc -l < "$work/$1.jsonl")
}

if [ "$stream" -gt 0 ]; then
    python3 Benchmarks/generate.py small "$work/stream" "$stream"
    audit_folder stream
    awk -v n="$stream" -v r="$records" -v s="$seconds" -v kb="$kb" \
        'BEGIN{printf "stream %d small pages -> %d jsonl records: %.1f s, %.1f pages/s, %.1f MB peak RSS (target < 150)\n", n, r, s, n/s, kb/1024}'
fi

if [ "$sites" -gt 0 ]; then
    python3 Benchmarks/generate.py sites "$work/sites" "$sites"
    audit_folder sites
    awk -v n="$sites" -v r="$records" -v s="$seconds" -v kb="$kb" \
        'BEGIN{printf "%d sites with a 300 KB sheet each -> %d jsonl records: %.1f s, %.1f MB peak RSS\n", n, r, s, kb/1024}'
fi

if [ "$web" -gt 0 ]; then
    # Sites share one host here, so --per-host is raised to let --concurrency decide alone.
    python3 Benchmarks/generate.py sites "$work/web" "$web"
    python3 Benchmarks/serve.py "$work/web" > "$work/port" 2>/dev/null &
    server=$!
    while [ ! -s "$work/port" ]; do sleep 0.1; done
    port=$(cat "$work/port")
    latency="${LATENCY:-200}"
    echo "$web sites of 3 pages fetched from 127.0.0.1, each with its 300 KB sheet (--jobs $cores):"
    for run in "0 64" "$latency 8" "$latency 64"; do
        read -r ms concurrency <<< "$run"
        (cd "$work/web" && ls -d site*) | awk -v b="http://127.0.0.1:$port/delay/$ms" \
            '{ for (p = 0; p < 3; p++) print b "/" $1 "/" p ".html" }' > "$work/urls"
        /usr/bin/time -f '%e %M' -o "$work/time" "$SHILAO" audit --profile all --format jsonl \
            --concurrency "$concurrency" --per-host "$concurrency" --urls "$work/urls" \
            --output "$work/web.jsonl" >/dev/null 2>&1 || true
        read -r seconds kb < <(tail -n 1 "$work/time")
        ok=$(grep -c '"status":"ok"' "$work/web.jsonl" || true)
        awk -v ms="$ms" -v c="$concurrency" -v s="$seconds" -v kb="$kb" -v ok="$ok" -v n="$((web * 3))" \
            'BEGIN{printf "  %4d ms latency, --concurrency %2d: %6.1f s, %7.1f MB peak RSS, %d of %d ok\n", ms, c, s, kb/1024, ok, n}'
    done
fi
