#!/usr/bin/env bash
# The recommended release build of dumpinspect, the one docs/performance.md measures:
#
#   scripts/release.sh [--no-layout] [extra swift build arguments]
#
# - fully static (`--static-swift-stdlib -Xswiftc -static-executable`): no dynamic loader, and a
#   binary that runs on any Linux of the same architecture;
# - `-disable-concrete-type-metadata-mangled-name-accessors`: generic types such as
#   `[UInt64: Bool]` get their metadata from direct accessor calls instead of from mangled names.
#   The mangled-name path checks the generic requirements at run time, and in a static binary every
#   first check of a conformance (`UInt64: Hashable`, ...) scans all ~4,000 conformance records:
#   1.3 M of the 3.2 M instructions `summary` took on a small dump. Output is identical.
# - code laid out by use: every function in its own section (`-function-sections`), linked by lld
#   in the order scripts/layout-profile.sh finds (the functions that runs over TestDumps/ execute,
#   together). A run of `summary` then maps about 35 of the text's 64 KiB windows instead of 90;
#   each costs a page fault that maps the whole window. The profile needs valgrind; without it, or
#   with --no-layout, the functions keep the linker's order (same output, slower to start).
#
# Prints the path of the binary. A plain `swift build -c release` works too, just slower to start.
set -euo pipefail
cd "$(dirname "$0")/.."
LAYOUT=1
if [ "${1:-}" = --no-layout ]; then
    LAYOUT=0
    shift
fi
SCRATCH=.build-fullstatic
ORDER=$SCRATCH/dumpinspect.order
flags=(-c release --product dumpinspect --static-swift-stdlib -Xswiftc -static-executable
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld
    --scratch-path "$SCRATCH")
swift build "${flags[@]}" "$@" >&2
BINARY=$PWD/$SCRATCH/release/dumpinspect
if [ "$LAYOUT" = 1 ]; then
    if command -v valgrind >/dev/null && command -v python3 >/dev/null; then
        echo "release.sh: profiling the layout over TestDumps/ (valgrind)" >&2
        count=$(scripts/layout-profile.sh "$BINARY" "$ORDER")
        echo "release.sh: relinking with $count functions in profile order" >&2
        swift build "${flags[@]}" -Xlinker "--symbol-ordering-file=$PWD/$ORDER" \
            -Xlinker --no-warn-symbol-ordering "$@" >&2
    else
        echo "release.sh: valgrind or python3 missing: text left in the linker's order" >&2
    fi
fi
echo "$BINARY"
