#!/usr/bin/env bash
# Installs what Shilao needs on Debian/Ubuntu and is missing: libxml2's and zlib's headers,
# pkg-config and the mimalloc allocator to build; with --tests also Python's jsonschema (the SARIF test validates with it)
# and Chromium (the HTML report test opens the report in it).
# Swift itself must already be on PATH.
set -euo pipefail
missing=()
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev pkg-config)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
# Debian's mimalloc has no pkg-config file: look for the library the linker takes.
mimalloc=""
for library in /usr/lib/*/libmimalloc.so /usr/lib/libmimalloc.so /usr/local/lib/libmimalloc.so; do
    if [ -e "$library" ]; then mimalloc="$library"; fi
done
[ -n "$mimalloc" ] || missing+=(libmimalloc-dev)
if [ "${1:-}" = "--tests" ]; then
    python3 -c 'import jsonschema' 2>/dev/null || missing+=(python3-jsonschema)
    # The HTML report test opens the report in headless Chromium (it says so when skipped).
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "shilao: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
