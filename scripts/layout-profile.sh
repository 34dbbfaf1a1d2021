#!/usr/bin/env bash
# The function order scripts/release.sh links dumpinspect with:
#
#   scripts/layout-profile.sh BINARY ORDER_FILE
#
# Runs BINARY under valgrind's callgrind on the commands users run most (summary, summary --json,
# stack, modules --json, threads --json) over the project's own dumps in TestDumps/, and writes
# every function those runs executed, one mangled name per line: first the ones most runs
# executed, then by instructions. lld places them together in that order (--symbol-ordering-file
# with -function-sections), so a run of dumpinspect touches far fewer 64 KiB windows of the
# binary's text; each window costs a page fault that maps it whole (docs/performance.md).
#
# The profile uses only TestDumps/, so the order is the same on every clone and does not depend
# on the benchmark's inputs. Needs valgrind and python3; prints the number of functions.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: scripts/layout-profile.sh BINARY ORDER_FILE" >&2; exit 64; }
BINARY=$1
ORDER=$2
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "layout-profile: valgrind is missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "layout-profile: python3 is missing" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

index=0
for dump in TestDumps/*.dmp TestDumps/compressed/*.cab TestDumps/malformed/*.dmp; do
    for command in "summary --json" "summary" "stack" "modules --json" "threads --json"; do
        index=$((index + 1))
        # One line per run: the output file, then the command (word-split on purpose).
        echo "$WORK/callgrind.$index $command $dump"
    done
done > "$WORK/runs"
# Two at a time; a run that fails (a malformed dump ends with status 2) still leaves its profile.
while read -r out rest; do
    echo "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$out $(printf '%q' "$BINARY") $rest >/dev/null 2>&1 || true"
done < "$WORK/runs" | xargs -d '\n' -P 2 -I {} sh -c '{}'

python3 - "$ORDER" "$WORK"/callgrind.* <<'EOF'
import collections, re, sys
runs, cost = collections.Counter(), collections.Counter()
for path in sys.argv[2:]:
    names, seen, current = {}, set(), None
    for line in open(path, errors="replace"):
        match = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if match:
            kind, number, name = match.groups()
            if name:
                names[number] = name
            name = names.get(number)
            if name:
                name = re.sub(r"'\d+$", "", name)  # callgrind's recursion-depth suffix
                seen.add(name)
                if kind == "fn":
                    current = name
            continue
        if current and line[:1].isdigit():
            fields = line.split()
            if len(fields) >= 2 and fields[1].isdigit():
                cost[current] += int(fields[1])
    runs.update(seen)
order = sorted((name for name in runs if " " not in name and not name.startswith("0x")),
               key=lambda name: (-runs[name], -cost[name], name))
with open(sys.argv[1], "w") as out:
    out.writelines(name + "\n" for name in order)
print(len(order))
EOF
