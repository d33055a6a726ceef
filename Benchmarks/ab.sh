#!/usr/bin/env bash
# Compares two release binaries on one folder, run alternately (A, B, A, B, …) so that the
# machine's drift from hour to hour falls on both alike; prints the best wall time of each.
#
#   Benchmarks/ab.sh OLD_BINARY NEW_BINARY FOLDER [ROUNDS]   (default 5 rounds)
#
# Each run is `audit --profile all --jobs 1 --format jsonl FOLDER`, its report discarded.
set -euo pipefail
. "$(dirname "$0")/best.sh"
[ $# -ge 3 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY FOLDER [ROUNDS]" >&2; exit 2; }
old="$1"; new="$2"; folder="$3"; rounds="${4:-5}"
timing="$(mktemp)"
trap 'rm -f "$timing"' EXIT
best_old=""; best_new=""
for _ in $(seq 1 "$rounds"); do
    for side in old new; do
        binary="$old"; [ "$side" = new ] && binary="$new"
        status=0
        /usr/bin/time -f '%e' -o "$timing" "$binary" audit --profile all --jobs 1 --format jsonl "$folder" >/dev/null 2>&1 || status=$?
        # 0, 1 (gate) and 3 (some inputs unreadable) are audits; anything else (a usage error, a
        # crash) finished early and would look like a faster build.
        if [ "$status" = 2 ] || [ "$status" -gt 3 ]; then
            echo "$binary stopped with status $status on $folder" >&2
            exit 1
        fi
        seconds=$(tail -n 1 "$timing")
        if [ "$side" = old ]; then best_old=$(best_of "$best_old" "$seconds"); else best_new=$(best_of "$best_new" "$seconds"); fi
    done
done
awk -v a="$best_old" -v b="$best_new" -v n="$rounds" \
    'BEGIN{printf "old %.2f s, new %.2f s (best of %d each): new/old %.3f\n", a, b, n, b/a}'
