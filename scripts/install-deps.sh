#!/usr/bin/env bash
# Installs what Shilao needs to build on Debian/Ubuntu and is missing: libxml2's headers and
# pkg-config. Swift itself must already be on PATH.
set -euo pipefail
if pkg-config --exists libxml-2.0 2>/dev/null; then
    exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "shilao: installing libxml2-dev and pkg-config" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libxml2-dev pkg-config >/dev/null
