# Sourced by run.sh and stages.sh: what both measure, and against what.

# Stops unless xmllint (the parse-only baseline) is there; sets SHILAO to a release build of
# the project unless it names a prebuilt binary already. Run from the project's root.
prepare() {
    command -v xmllint >/dev/null || { echo "xmllint is missing: apt-get install libxml2-utils" >&2; exit 2; }
    if [ -z "${SHILAO:-}" ]; then
        swift build -c release --product shilao >&2
        SHILAO="$(swift build -c release --show-bin-path)/shilao"
    fi
}

# Fills DIR with samples/ copied COPIES times plus the generated large pages (150 KB to 2 MB,
# with big style sheets).
make_corpus() { # dir copies
    mkdir -p "$1"
    for i in $(seq 1 "$2"); do cp -r samples "$1/copy$i"; done
    python3 Benchmarks/generate.py large "$1/large"
}
