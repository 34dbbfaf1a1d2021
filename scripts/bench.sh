#!/usr/bin/env bash
# Every performance figure of docs/performance.md in one run: dumpinspect against the tools users
# would pick instead (the Python `minidump` package and lldb), on the same inputs, release builds.
#
#   scripts/bench.sh [--quick] [--no-build] [--skip-peers]
#
#   --quick       a fifth of the runs (a smoke test; the medians are rougher)
#   --no-build    reuse the release builds already in .build*, Benchmarks/.build and .bench/floor
#   --skip-peers  measure dumpinspect only
#
# Environment: BENCH_DIR (default .bench), SHARED_DUMPS (default: shared/dumps beside the checkout
# or one of its parents), REAL_DUMPS (the "real ~1 MiB" dumps, space-separated paths), LLDB
# (default /usr/bin/lldb, Debian's), RUNS_SCALE (multiplies every run count).
#
# Needs: swift, python3, hyperfine, GNU time, lldb (Debian: apt-get install -y hyperfine time lldb).
# Writes: .bench/inputs (generated once), .bench/venv (pip install minidump), .bench/floor,
# .bench/results/<case>__<tool>.json (hyperfine), .rss (peak RSS, KiB, one run per line),
# inproc.jsonl, interleaved.jsonl and interleaved-blocks.jsonl (round-robin runs), meta.json, and
# report.md, which is also printed. The measured programs are installed copies in .bench/bin.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
BENCH=${BENCH_DIR:-$ROOT/.bench}
RESULTS=$BENCH/results
QUICK=0
BUILD=1
PEERS=1
for argument in "$@"; do
    case $argument in
        --quick) QUICK=1 ;;
        --no-build) BUILD=0 ;;
        --skip-peers) PEERS=0 ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument $argument (try --help)" >&2; exit 64 ;;
    esac
done

say() { printf '\n== %s\n' "$*" >&2; }
fail() { echo "bench.sh: $*" >&2; exit 1; }

# --- Tools --------------------------------------------------------------------------------------
command -v swift >/dev/null || fail "swift is missing"
command -v python3 >/dev/null || fail "python3 is missing"
command -v hyperfine >/dev/null || fail "hyperfine is missing (Debian: apt-get install -y hyperfine)"
[ -x /usr/bin/time ] || fail "GNU time is missing (Debian: apt-get install -y time)"

find_shared() {
    local dir=$ROOT
    while [ "$dir" != / ]; do
        dir=$(dirname "$dir")
        if [ -d "$dir/shared/dumps/public" ]; then echo "$dir/shared/dumps"; return; fi
    done
}
SHARED=${SHARED_DUMPS:-$(find_shared)}
[ -n "$SHARED" ] && [ -d "$SHARED/public" ] || fail "shared/dumps not found beside the checkout; set SHARED_DUMPS"
read -r -a REAL <<< "${REAL_DUMPS:-$SHARED/public/breakpad__stack_exhaustion.dmp $SHARED/public/mozpgo__macos-x86_64.dmp}"

# lldb: Debian's lldb-14 looks for its Python module in the wrong place (`lldb -P` prints a path
# that does not exist) and then spins at 100% CPU on the first command; pointing PYTHONPATH at the
# module it ships fixes that.
LLDB=${LLDB:-/usr/bin/lldb}
LLDB_PYTHONPATH=$(ls -d /usr/lib/llvm-*/lib/python3*/dist-packages 2>/dev/null | head -1 || true)
LLDB_OK=0
LLDB_WHY="not installed (Debian: apt-get install -y lldb)"
if [ "$PEERS" = 1 ] && [ -x "$LLDB" ]; then
    if out=$(timeout 60 env PYTHONPATH="$LLDB_PYTHONPATH" "$LLDB" --batch -c "${REAL[0]}" -o "thread list" 2>&1) \
        && grep -q "thread #1" <<< "$out"; then
        LLDB_OK=1
    else
        LLDB_WHY="does not start here: $(tail -2 <<< "$out" | tr '\n' ' ')"
    fi
fi

scale() { # scale RUNS -> the run count for this mode
    local runs=$1
    [ "$QUICK" = 1 ] && runs=$(( (runs + 4) / 5 ))
    runs=$(python3 -c "import sys; print(max(1, round($runs * float('${RUNS_SCALE:-1}'))))")
    echo "$runs"
}

# --- Builds -------------------------------------------------------------------------------------
DYNAMIC=$ROOT/.build/release/dumpinspect
STATIC_STDLIB=$ROOT/.build-static/release/dumpinspect
FULL_STATIC=$ROOT/.build-fullstatic/release/dumpinspect
FLOOR=$BENCH/floor
mkdir -p "$BENCH" "$RESULTS" "$FLOOR"
LOG=$BENCH/build.log
if [ "$BUILD" = 1 ]; then
    say "release builds (log: $LOG)"
    : > "$LOG"
    # Three ways to link the same CLI, compiled alike; the fully static one is what
    # docs/performance.md recommends, built by scripts/release.sh.
    direct=(-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)
    swift build -c release --product dumpinspect "${direct[@]}" >> "$LOG" 2>&1
    swift build -c release --product dumpinspect --static-swift-stdlib "${direct[@]}" \
        --scratch-path .build-static >> "$LOG" 2>&1
    scripts/release.sh >> "$LOG" 2>&1
    # SwiftPM can keep a stale list of the main package's files in Benchmarks/.build after a
    # source file is added there; a clean build of the benchmark package then finds them.
    swift build -c release --package-path Benchmarks >> "$LOG" 2>&1 || {
        rm -rf Benchmarks/.build
        swift build -c release --package-path Benchmarks >> "$LOG" 2>&1
    }
    for mode in dynamic static-stdlib static-executable; do
        flags=()
        [ "$mode" = static-stdlib ] && flags=(-static-stdlib)
        [ "$mode" = static-executable ] && flags=(-static-executable)
        swiftc -O "${flags[@]}" Benchmarks/Floor/floor.swift -o "$FLOOR/floor-$mode" >> "$LOG" 2>&1
        swiftc -O "${flags[@]}" Benchmarks/Floor/floor-essentials.swift -o "$FLOOR/essentials-$mode" >> "$LOG" 2>&1
        if [ "$mode" != static-executable ]; then
            swiftc -O "${flags[@]}" Benchmarks/Floor/floor-foundation.swift -o "$FLOOR/foundation-$mode" >> "$LOG" 2>&1
        fi
    done
    swiftc -O -static-executable Benchmarks/Floor/floor-read.swift -o "$FLOOR/floor-read-static-executable" >> "$LOG" 2>&1
fi
for binary in "$DYNAMIC" "$STATIC_STDLIB" "$FULL_STATIC" "$FLOOR/floor-static-executable" "$FLOOR/floor-read-static-executable"; do
    [ -x "$binary" ] || fail "$binary is missing (run without --no-build)"
done
# Every program is measured as an installed copy. A linker writes its output through a mapping,
# which leaves the binary in the page cache as small pages; a copy (as `install`, a package manager
# or a fresh read from disk makes) is cached in large folios, which the kernel maps many pages at
# a time. On this VM that alone moved a start-up by 0.2-0.35 ms, more for the larger binary
# (docs/performance.md). The floors are copied the same way, so the ratios compare like with like.
INSTALLED=$BENCH/bin
rm -rf "$INSTALLED"
mkdir -p "$INSTALLED/floor"
cp "$DYNAMIC" "$INSTALLED/dumpinspect-dynamic"
cp "$STATIC_STDLIB" "$INSTALLED/dumpinspect-static-stdlib"
cp "$FULL_STATIC" "$INSTALLED/dumpinspect"
for binary in "$FLOOR"/*; do [ -f "$binary" ] && [ -x "$binary" ] && cp "$binary" "$INSTALLED/floor/"; done
DYNAMIC=$INSTALLED/dumpinspect-dynamic
STATIC_STDLIB=$INSTALLED/dumpinspect-static-stdlib
FULL_STATIC=$INSTALLED/dumpinspect
FLOOR=$INSTALLED/floor
DI=$FULL_STATIC
BENCH_INPUTS=$(swift build -c release --package-path Benchmarks --show-bin-path)/bench-inputs
BENCH_INPROC=$(dirname "$BENCH_INPUTS")/bench-inproc
BENCH_INTERLEAVE=$(dirname "$BENCH_INPUTS")/bench-interleave

# --- Inputs -------------------------------------------------------------------------------------
INPUTS=$BENCH/inputs
say "inputs in $INPUTS (generated once)"
"$BENCH_INPUTS" "$INPUTS" --shared "$SHARED" >&2
FULL=$INPUTS/full-16g.dmp
OVERFLOW=$INPUTS/overflow-10k.dmp
SCANDIR=$INPUTS/scan

# --- Peers --------------------------------------------------------------------------------------
PY=$BENCH/venv/bin/python
MINIDUMP_CLI=$BENCH/venv/bin/minidump
PEER_SCRIPT=$ROOT/Benchmarks/Peers/minidump_summary.py
if [ "$PEERS" = 1 ] && [ ! -x "$MINIDUMP_CLI" ]; then
    say "Python minidump package into $BENCH/venv"
    python3 -m venv "$BENCH/venv"
    "$BENCH/venv/bin/pip" install --quiet minidump
fi
SCAN_HAS=0
"$DI" scan --help >/dev/null 2>&1 && SCAN_HAS=1

# --- Measuring ----------------------------------------------------------------------------------
# bench CASE TOOL RUNS WARMUP COMMAND...: wall time (hyperfine, no shell), then peak RSS of 3 runs.
bench() {
    local case=$1 tool=$2 runs warmup=$4
    runs=$(scale "$3")
    shift 4
    say "$case / $tool ($runs runs)"
    hyperfine --shell=none --style basic --ignore-failure --warmup "$warmup" --runs "$runs" \
        --export-json "$RESULTS/${case}__${tool}.json" --command-name "$tool" "$(printf '%q ' "$@")" >&2
    : > "$RESULTS/${case}__${tool}.rss"
    local rss_runs=3
    python3 -c "import json,sys; sys.exit(json.load(open('$RESULTS/${case}__${tool}.json'))['results'][0]['median'] > 5)" \
        || rss_runs=1  # one run for the slow peers
    for _ in $(seq "$rss_runs"); do
        /usr/bin/time -f %M -o "$RESULTS/${case}__${tool}.rss" -a "$@" > /dev/null 2>&1 || true
    done
}
LLDB_CMD=(env PYTHONPATH="$LLDB_PYTHONPATH" "$LLDB" --batch -c)

rm -f "$RESULTS"/*.json "$RESULTS"/*.rss "$RESULTS"/*.jsonl
python3 - "$RESULTS/meta.json" "$LLDB" "$LLDB_OK" "$LLDB_WHY" "$PY" "$PEERS" "$QUICK" "$DYNAMIC" "$STATIC_STDLIB" \
    "$FULL_STATIC" "${REAL[@]}" <<'EOF'
import json, os, platform, subprocess, sys
out, lldb, lldb_ok, lldb_why, py, peers, quick, dynamic, static_stdlib, full_static = sys.argv[1:11]
def run(*command):
    try: return subprocess.run(command, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as error: return f"unavailable: {error}"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
builds = [("dynamic", dynamic), ("static-stdlib", static_stdlib), ("static-executable", full_static)]
json.dump({
    "date": run("date", "-u", "+%Y-%m-%d %H:%M UTC"), "machine": f"{os.cpu_count()} x {cpu}",
    "memory": run("sh", "-c", "free -h | awk '/Mem:/ {print $2}'"), "kernel": platform.release(),
    "os": run("sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"), "loadBefore": os.getloadavg(),
    "swift": (run("swift", "--version").splitlines() or ["?"])[0], "hyperfine": run("hyperfine", "--version"),
    "lldb": (run(lldb, "--version").splitlines() or ["?"])[0] if lldb_ok == "1" else lldb_why,
    "pythonMinidump": run(py, "-c", "import importlib.metadata as m; print(m.version('minidump'))") if peers == "1" else "skipped",
    "python": run(py, "--version") if peers == "1" else "skipped",
    "realDumps": sys.argv[11:], "quick": quick == "1",
    "sharedLibraries": {name: run("sh", "-c", f"ldd {path} 2>/dev/null | grep -c '=>' || true") for name, path in builds},
    "sizes": {name: os.path.getsize(path) for name, path in builds},
}, open(out, "w"), indent=1)
EOF

# The floor: process start-up alone, and what each way of linking costs.
for mode in static-executable static-stdlib dynamic; do
    bench floor "floor-$mode" 200 20 "$FLOOR/floor-$mode"
    bench floor "essentials-$mode" 100 10 "$FLOOR/essentials-$mode"
    if [ -x "$FLOOR/foundation-$mode" ]; then bench floor "foundation-$mode" 100 10 "$FLOOR/foundation-$mode"; fi
done

# The floor target's ratio from round-robin runs in a new random order each round (hyperfine runs
# one command at a time, and this machine's speed drifts between them by more than the target's
# margin), with two references: the floor that also maps and reads the first real dump once (what
# summary of it cannot avoid), and dumpinspect on a 4 KiB dump (start-up, opening and the smallest
# crash analysis). Then the same commands in blocks of ten runs (each run finds its own pages warm,
# as under hyperfine), which favours the small floor.
interleaved=(-- floor "$FLOOR/floor-static-executable"
    -- floor-read-real1 "$FLOOR/floor-read-static-executable" "${REAL[0]}"
    -- summary-tiny "$DI" summary --json "$ROOT/TestDumps/padded-lists.dmp")
for index in "${!REAL[@]}"; do
    interleaved+=(-- "summary-real$((index + 1))" "$DI" summary --json "${REAL[$index]}")
done
say "floor, floor-read, summary of the 4 KiB and the real dumps, round-robin ($(scale 400) rounds)"
"$BENCH_INTERLEAVE" "$(scale 400)" 20 "${interleaved[@]}" | tee "$RESULTS/interleaved.jsonl" >&2
say "the same in blocks of 10 ($(scale 40) rounds)"
"$BENCH_INTERLEAVE" --block 10 "$(scale 40)" 2 "${interleaved[@]}" | tee "$RESULTS/interleaved-blocks.jsonl" >&2

# summary --json of the real ~1 MiB dumps, with every linking of dumpinspect and every peer.
for index in "${!REAL[@]}"; do
    dump=${REAL[$index]}
    case=summary-real$((index + 1))
    bench "$case" dumpinspect 200 20 "$DI" summary --json "$dump"
    bench "$case" dumpinspect-static-stdlib 100 10 "$STATIC_STDLIB" summary --json "$dump"
    bench "$case" dumpinspect-dynamic 100 10 "$DYNAMIC" summary --json "$dump"
    if [ "$PEERS" = 1 ]; then
        bench "$case" python-minidump 20 2 "$PY" "$PEER_SCRIPT" "$dump"
        bench "$case" python-minidump-cli 20 2 "$MINIDUMP_CLI" --all "$dump"
        if [ "$LLDB_OK" = 1 ]; then bench "$case" lldb 10 1 "${LLDB_CMD[@]}" "$dump" -o "thread list"; fi
    fi
    bench "modules-real$((index + 1))" dumpinspect 100 10 "$DI" modules --json "$dump"
    if [ "$PEERS" = 1 ]; then
        bench "modules-real$((index + 1))" python-minidump 20 2 "$PY" "$PEER_SCRIPT" --modules "$dump"
        if [ "$LLDB_OK" = 1 ]; then bench "modules-real$((index + 1))" lldb 10 1 "${LLDB_CMD[@]}" "$dump" -o "image list"; fi
    fi
done

# The 16 GiB full dump: open + summary, and the module list.
bench summary-16g dumpinspect 50 5 "$DI" summary --json "$FULL"
bench modules-16g dumpinspect 50 5 "$DI" modules --json "$FULL"
if [ "$PEERS" = 1 ]; then
    bench summary-16g python-minidump 10 1 "$PY" "$PEER_SCRIPT" "$FULL"
    bench modules-16g python-minidump 10 1 "$PY" "$PEER_SCRIPT" --modules "$FULL"
    if [ "$LLDB_OK" = 1 ]; then bench summary-16g lldb 5 1 "${LLDB_CMD[@]}" "$FULL" -o "thread list"; fi
    if [ "$LLDB_OK" = 1 ]; then bench modules-16g lldb 5 1 "${LLDB_CMD[@]}" "$FULL" -o "image list"; fi
fi

# The 10,000-frame stack overflow: the crashing thread's stack (recursion collapsed in text).
bench stack-10k dumpinspect 50 5 "$DI" stack "$OVERFLOW"
bench stack-10k dumpinspect-json 20 2 "$DI" stack --json "$OVERFLOW"
bench stack-10k summary 50 5 "$DI" summary --json "$OVERFLOW"
if [ "$PEERS" = 1 ] && [ "$LLDB_OK" = 1 ]; then bench stack-10k lldb 10 1 "${LLDB_CMD[@]}" "$OVERFLOW" -o "bt"; fi

# The folder of 10,000 small dumps.
if [ "$SCAN_HAS" = 1 ]; then
    bench scan-10k dumpinspect 5 1 "$DI" scan --no-progress "$SCANDIR"
    bench scan-10k dumpinspect-1-job 3 0 "$DI" scan --no-progress --jobs 1 "$SCANDIR"
else
    echo "bench.sh: this dumpinspect has no scan command; scan-10k skipped" >&2
fi
if [ "$PEERS" = 1 ]; then bench scan-10k python-minidump 2 0 "$PY" "$PEER_SCRIPT" --scan "$SCANDIR"; fi

# The library alone, in one process (no start-up): what each operation costs.
say "in-process figures"
inproc() { "$BENCH_INPROC" "$@" | tee -a "$RESULTS/inproc.jsonl" >&2; }
for dump in "${REAL[@]}"; do inproc summary "$dump" "$(scale 200)"; done
inproc summary "$FULL" "$(scale 20)"
inproc modules "$FULL" "$(scale 50)"
inproc stack "$OVERFLOW" "$(scale 30)"
inproc corpus "$SCANDIR" "$(scale 3)"

python3 - "$RESULTS/meta.json" <<'EOF'
import json, os, sys
meta = json.load(open(sys.argv[1])); meta["loadAfter"] = os.getloadavg(); json.dump(meta, open(sys.argv[1], "w"), indent=1)
EOF
say "report"
python3 "$ROOT/Benchmarks/report.py" "$RESULTS" | tee "$RESULTS/report.md"
