# Sourced by run.sh, ab.sh and stages.sh: the best-of-N bookkeeping they all do.

# Prints the smaller of a best time so far (empty before the first run) and a new time, in seconds.
best_of() { # best_so_far seconds
    if [ -z "$1" ] || awk "BEGIN{exit !($2 < $1)}"; then echo "$2"; else echo "$1"; fi
}
