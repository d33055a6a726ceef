#!/usr/bin/env bash
# A newcomer's first run: install what is missing, build a release binary, audit samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
exec .build/release/shilao audit samples "$@"
