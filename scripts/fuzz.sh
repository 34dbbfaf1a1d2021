#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/FuzzTarget.swift) and fuzzes MiniDump for SECONDS seconds.
#
#   scripts/fuzz.sh SECONDS [JOBS]        # e.g. scripts/fuzz.sh 3600 1
#
# The library (Sources/MiniDump/**) is compiled as module MiniDump with -sanitize=fuzzer,address,
# then linked with the target, the robustness tests' DumpExerciser and the CLI's renderers
# (Sources/dumpinspect/Output/*.swift), which are compiled with -sanitize=address alone.
# The corpus is seeded from ../shared/dumps/{public,wine} (when present) and TestDumps/ (see FUZZ_SEED_LIMIT).
#
# Everything it writes lives under .fuzz/ (gitignored): the binary (.fuzz/fuzz-minidump), the
# growing corpus (.fuzz/corpus, or $FUZZ_CORPUS), crashers (.fuzz/crash-*, leak-*, timeout-*,
# oom-*) and the log (.fuzz/fuzz.log, or fuzz-N.log per job). Environment:
#   FUZZ_OPT      optimisation flag for both compiles (default -O; -Onone builds faster, runs slower)
#   FUZZ_MAX_LEN  largest input in bytes (default 1048576)
#   FUZZ_RSS_MB   libFuzzer's -rss_limit_mb (default 4096)
#   FUZZ_CORPUS   the writable corpus folder (default .fuzz/corpus)
#   FUZZ_SEED_LIMIT  seeds longer than this are cut to it (default 16384; 0 keeps them whole)
#   FUZZ_NO_BUILD set to 1 to reuse the existing binary
# Extra libFuzzer flags can follow `--`: scripts/fuzz.sh 600 1 -- -only_ascii=1
#
# Reproduce or minimise a crasher:
#   .fuzz/fuzz-minidump .fuzz/crash-<sha>
#   .fuzz/fuzz-minidump -minimize_crash=1 -runs=100000 -exact_artifact_path=min.dmp .fuzz/crash-<sha>
set -euo pipefail

seconds="${1:?usage: scripts/fuzz.sh SECONDS [JOBS] [-- libFuzzer flags]}"
shift
jobs=1
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  jobs="$1"
  shift
fi
[ "${1:-}" = "--" ] && shift

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/.fuzz"
build="$out/build"
binary="$out/fuzz-minidump"
corpus="$(mkdir -p "${FUZZ_CORPUS:-$out/corpus}" && cd "${FUZZ_CORPUS:-$out/corpus}" && pwd)"
opt="${FUZZ_OPT:--O}"
mkdir -p "$build" "$corpus"

stale() { # stale TARGET SOURCES...: true when TARGET is missing or older than a source
  [ -e "$1" ] || return 0
  [ -n "$(find "${@:2}" -newer "$1" -name '*.swift' 2>/dev/null | head -1)" ]
}
if [ "${FUZZ_NO_BUILD:-0}" != "1" ] || [ ! -x "$binary" ]; then
  if stale "$build/MiniDump.o" Sources/MiniDump || [ "$(cat "$build/opt" 2>/dev/null)" != "$opt" ]; then
  echo "fuzz: compiling MiniDump ($opt, -sanitize=fuzzer,address)" >&2
  # shellcheck disable=SC2046
  swiftc $opt -sanitize=fuzzer,address -parse-as-library -wmo -num-threads 0 \
    -module-name MiniDump -swift-version 6 -I Sources/CZlib \
    -emit-module -emit-module-path "$build/MiniDump.swiftmodule" \
    -c -o "$build/MiniDump.o" \
    $(find Sources/MiniDump -name '*.swift' | sort)
  echo "$opt" > "$build/opt"
  fi
  # The harness (target, exerciser, the CLI's renderers) gets AddressSanitizer but no coverage
  # instrumentation: libFuzzer's guidance is the library's coverage, and tracing every comparison
  # of the JSON writer cost a fifth of each execution.
  echo "fuzz: compiling the harness and linking $binary" >&2
  swiftc $opt -sanitize=address -parse-as-library -wmo -num-threads 0 -module-name FuzzMiniDump -swift-version 6 \
    -I "$build" -I Sources/CZlib -c -o "$build/harness.o" \
    Fuzz/FuzzTarget.swift Tests/MiniDumpTests/Support/DumpExerciser.swift Sources/dumpinspect/Output/*.swift
  swiftc $opt -sanitize=fuzzer,address "$build/harness.o" "$build/MiniDump.o" -lz -o "$binary"
fi

# Seeds: the real dumps and TestDumps/. Files over FUZZ_SEED_LIMIT bytes (default 16 KiB) are cut to
# their first FUZZ_SEED_LIMIT bytes (header, directory and most streams; the memory data goes), so the
# corpus starts small and each execution stays cheap; -max_len still lets inputs grow to 1 MiB.
# FUZZ_SEED_LIMIT=0 seeds with the whole files.
seed_limit="${FUZZ_SEED_LIMIT:-16384}"
shared="$root/../shared/dumps"
[ -d "$shared" ] || shared="$root/../../shared/dumps"
sources=()
for folder in "$shared/public" "$shared/wine" "$root/TestDumps"; do
  [ -d "$folder" ] && sources+=("$folder")
done
seeds=()
if [ "$seed_limit" = "0" ]; then
  seeds=("${sources[@]}")  # libFuzzer reads folders recursively
else
  seeds=("$out/seeds")
  rm -rf "$out/seeds"
  mkdir -p "$out/seeds"
  find "${sources[@]}" -type f \( -name '*.dmp' -o -name '*.gz' -o -name '*.cab' \) -print0 |
    while IFS= read -r -d '' file; do
      head -c "$seed_limit" "$file" > "$out/seeds/$(basename "$file")"
    done
fi

# No allocation stacks: ASan would record one per allocation, which costs more than the target
# itself (reproduce a report with plain ASAN_OPTIONS to see them).
export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=0}"
flags=(
  -max_len="${FUZZ_MAX_LEN:-1048576}"
  -rss_limit_mb="${FUZZ_RSS_MB:-4096}"
  -timeout=10
  -max_total_time="$seconds"
  -artifact_prefix="$out/"
  -print_final_stats=1
)
echo "fuzz: ${seconds}s, $jobs job(s), corpus $corpus, seeds: ${seeds[*]}" >&2
if [ "$jobs" -gt 1 ]; then
  cd "$out"
  exec "$binary" "${flags[@]}" -jobs="$jobs" -workers="$jobs" "$@" "$corpus" "${seeds[@]}"
else
  "$binary" "${flags[@]}" "$@" "$corpus" "${seeds[@]}" 2>&1 | tee "$out/fuzz.log"
fi
