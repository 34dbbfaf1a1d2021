#!/usr/bin/env bash
# The recommended release build of dumpinspect, the one docs/performance.md measures:
#
#   scripts/release.sh [extra swift build arguments]
#
# - fully static (`--static-swift-stdlib -Xswiftc -static-executable`): no dynamic loader, and a
#   binary that runs on any Linux of the same architecture;
# - `-disable-concrete-type-metadata-mangled-name-accessors`: generic types such as
#   `[UInt64: Bool]` get their metadata from direct accessor calls instead of from mangled names.
#   The mangled-name path checks the generic requirements at run time, and in a static binary every
#   first check of a conformance (`UInt64: Hashable`, ...) scans all ~4,000 conformance records:
#   1.3 M of the 3.2 M instructions `summary` took on a small dump. Output is identical.
#
# Prints the path of the binary. A plain `swift build -c release` works too, just slower to start.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product dumpinspect --static-swift-stdlib -Xswiftc -static-executable \
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
    --scratch-path .build-fullstatic "$@" >&2
echo "$PWD/.build-fullstatic/release/dumpinspect"
