#!/usr/bin/env bash
# The whole test suite: unit tests, every check's examples, the W3C ACT cases from
# ../shared/conformance and the end-to-end CLI tests. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
swift build --build-tests
swift test --skip-build
