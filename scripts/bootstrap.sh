#!/usr/bin/env bash
# Installs what MiniDump needs beyond the Swift toolchain: zlib's headers (Debian: zlib1g-dev).
# Does nothing when they are already there.
set -euo pipefail
if pkg-config --exists zlib 2>/dev/null || [ -f /usr/include/zlib.h ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq zlib1g-dev pkg-config
else
  echo "bootstrap: please install zlib's development headers (zlib1g-dev, zlib-devel or brew's zlib)" >&2
  exit 1
fi
