# Sourced by run.sh and stages.sh: the corpus both measure.

# Fills DIR with samples/ copied COPIES times plus the generated large pages (150 KB to 2 MB,
# with big style sheets). Run from the project's root.
make_corpus() { # dir copies
    mkdir -p "$1"
    for i in $(seq 1 "$2"); do cp -r samples "$1/copy$i"; done
    python3 Benchmarks/generate.py large "$1/large"
}
