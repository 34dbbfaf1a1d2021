"""Prints the table of scripts/bench.sh's results (markdown), the ratios against dumpinspect and
the targets of docs/performance.md.

usage: python3 Benchmarks/report.py RESULTS_DIR
"""
import glob
import json
import os
import statistics
import sys

results = sys.argv[1] if len(sys.argv) > 1 else ".bench/results"
meta = json.load(open(os.path.join(results, "meta.json")))

# case -> tool -> figures
table = {}
for path in sorted(glob.glob(os.path.join(results, "*__*.json"))):
    case, tool = os.path.basename(path)[:-5].split("__", 1)
    run = json.load(open(path))["results"][0]
    rss_path = path[:-5] + ".rss"
    rss = [int(line) for line in open(rss_path) if line.strip().isdigit()] if os.path.exists(rss_path) else []
    table.setdefault(case, {})[tool] = {
        "median": run["median"] * 1000, "mean": run["mean"] * 1000, "stddev": (run.get("stddev") or 0) * 1000,
        "min": run["min"] * 1000, "user": run["user"] * 1000, "system": run["system"] * 1000,
        "runs": len(run["times"]), "rss": statistics.median(rss) if rss else None,
        "failed": any(code != 0 for code in run.get("exit_codes", [])),
    }
def load_rows(name):
    """name -> row of a bench-interleave output file (empty when the file is missing)."""
    rows = {}
    path = os.path.join(results, name)
    if os.path.exists(path):
        for line in open(path):
            if line.strip().startswith("{"):
                row = json.loads(line)
                rows[row["name"]] = row
    return rows


interleaved = load_rows("interleaved.jsonl")
blocks = load_rows("interleaved-blocks.jsonl")
inproc = []
inproc_path = os.path.join(results, "inproc.jsonl")
if os.path.exists(inproc_path):
    inproc = [json.loads(line) for line in open(inproc_path) if line.strip().startswith("{")]


def ms(value):
    return "–" if value is None else (f"{value:,.1f}" if value >= 100 else f"{value:.2f}")


def mib(kib):
    return "–" if kib is None else f"{kib / 1024:.1f}"


out = []
say = out.append
say(f"# dumpinspect benchmarks, {meta.get('date')}")
say("")
say(f"- Machine: {meta.get('machine')}, {meta.get('memory')} RAM, {meta.get('os')}, kernel {meta.get('kernel')}")
load_before = ", ".join(f"{x:.2f}" for x in meta.get("loadBefore", []))
load_after = ", ".join(f"{x:.2f}" for x in meta.get("loadAfter", []))
say(f"- Load average before / after: {load_before} / {load_after}")
say(f"- {meta.get('swift')}; {meta.get('hyperfine')}; lldb: {meta.get('lldb')}; "
    f"Python minidump {meta.get('pythonMinidump')} ({meta.get('python')})")
say(f"- Real ~1 MiB dumps: {', '.join(os.path.basename(p) + f' ({os.path.getsize(p):,} bytes)' for p in meta.get('realDumps', []) if os.path.exists(p))}")
sizes = meta.get("sizes", {})
libs = meta.get("sharedLibraries", {})
say("- dumpinspect builds: " + "; ".join(f"{name} {sizes.get(name, 0) / 2**20:.1f} MiB, {libs.get(name, '?')} shared libraries"
                                       for name in ["static-executable", "static-stdlib", "dynamic"]))
if meta.get("quick"):
    say("- **--quick run: a fifth of the runs; the medians are rough.**")
say("")
say("Wall time of whole processes (hyperfine, no shell, warm cache): median, mean ± σ, fastest, and the")
say("mean CPU time; peak RSS is the median of three `/usr/bin/time -f %M` runs. `× di` is the tool's")
say("median over dumpinspect's (fully static build) on the same case.")
say("")
say("| Case | Tool | Runs | Median ms | Mean ± σ ms | Min ms | User ms | Sys ms | Peak RSS MiB | × di |")
say("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
order = ["floor", "summary-real1", "summary-real2", "modules-real1", "modules-real2", "summary-16g", "modules-16g",
         "stack-10k", "scan-10k"]
for case in sorted(table, key=lambda c: (order.index(c) if c in order else 99, c)):
    tools = table[case]
    base = tools.get("dumpinspect")
    for tool, f in sorted(tools.items(), key=lambda item: item[1]["median"]):
        ratio = f"{f['median'] / base['median']:.1f}" if base and tool != "dumpinspect" and case != "floor" else ""
        flag = " (exit ≠ 0)" if f["failed"] else ""
        say(f"| {case} | {tool}{flag} | {f['runs']} | {ms(f['median'])} | {ms(f['mean'])} ± {ms(f['stddev'])} | "
            f"{ms(f['min'])} | {ms(f['user'])} | {ms(f['system'])} | {mib(f['rss'])} | {ratio} |")
say("")
for rows, title in [(interleaved, "Round-robin runs (bench-interleave: one run of each per round, in a new random order each round; "
                                  "medians, whole processes):"),
                    (blocks, "The same in blocks (bench-interleave --block 10: ten runs of each in a row per round, the first "
                             "untimed; every run finds its own pages warm, as under hyperfine):")]:
    if not rows:
        continue
    base = rows.get("floor")
    say(title)
    say("")
    say("| Command | Runs | Median ms | p25–p75 ms | Min ms | × floor |")
    say("|---|---:|---:|---:|---:|---:|")
    for name, row in rows.items():
        ratio = f"{row['medianMs'] / base['medianMs']:.2f}" if base and name != "floor" else ""
        say(f"| {name} | {row['runs']} | {row['medianMs']:.3f} | {row['p25Ms']:.3f}–{row['p75Ms']:.3f} | "
            f"{row['minMs']:.3f} | {ratio} |")
    say("")
if inproc:
    say("The library alone, inside one process (bench-inproc: median of N runs, each on a freshly opened file):")
    say("")
    say("| Operation | Input | Runs | Median ms | Per file µs | Files/s (1 thread) | Peak RSS MiB |")
    say("|---|---|---:|---:|---:|---:|---:|")
    for row in inproc:
        name = os.path.basename(row.get("file") or row.get("dir") or "")
        say(f"| {row['case']} | {name} | {row['runs']} | {row['medianMs']} | {row.get('microsecondsPerFile', '')} | "
            f"{row.get('filesPerSecond', '')} | {mib(row.get('peakRssKiB'))} |")
    say("")

# Targets.
def get(case, tool):
    return table.get(case, {}).get(tool)

checks = []
def check(label, value, limit, good, unit=""):
    if value is None:
        checks.append(f"- {label}: not measured")
        return
    ok = value >= limit if good == ">=" else value <= limit
    checks.append(f"- {'PASS' if ok else 'MISS'} {label}: {value:.2f}{unit} (target {good} {limit}{unit})")

di = get("summary-real1", "dumpinspect")
for peer, limit in [("python-minidump", 12), ("python-minidump-cli", 12), ("lldb", 40)]:
    p = get("summary-real1", peer)
    check(f"summary --json, real 1 MiB dump: {peer} / dumpinspect", p and di and p["median"] / di["median"], limit, ">=", "×")
rr_floor, rr_di = interleaved.get("floor"), interleaved.get("summary-real1")
for rows, mode in [(interleaved, "round-robin runs"), (blocks, "runs in blocks")]:
    for real in ["summary-real1", "summary-real2"]:
        if rows.get("floor") and rows.get(real):
            check(f"summary --json, real 1 MiB dump ({real[8:]}): dumpinspect / floor (fully static), {mode}",
                  rows[real]["medianMs"] / rows["floor"]["medianMs"], 1.5, "<=", "×")
for floor in ["floor-static-executable", "floor-static-stdlib"]:
    f = get("floor", floor)
    check(f"summary --json, real 1 MiB dump: dumpinspect / {floor}, hyperfine (one after the other)",
          f and di and di["median"] / f["median"], 1.5, "<=", "×")
s16 = get("summary-16g", "dumpinspect")
check("16 GiB dump, summary --json: median", s16 and s16["median"], 30, "<=", " ms")
check("16 GiB dump, summary --json: peak RSS", s16 and s16["rss"] and s16["rss"] / 1024, 30, "<=", " MiB")
st = get("stack-10k", "dumpinspect")
check("10,000-frame overflow, stack (walk + recursion): median", st and st["median"], 50, "<=", " ms")
sc = get("scan-10k", "dumpinspect")
check("scan of 10,000 small dumps, 2 cores: files per second", sc and 10000 / (sc["median"] / 1000), 3000, ">=", "")
corpus = next((row for row in inproc if row["case"] == "corpus"), None)
check("scan, in-process cost per dump (one thread)", corpus and float(corpus["microsecondsPerFile"]) / 1000, 1, "<=", " ms")
say("Targets (medians):")
say("")
out.extend(checks)
# Context for the floor target: how much of the gap no reader of the dump can avoid.
read, tiny = interleaved.get("floor-read-real1"), interleaved.get("summary-tiny")
context = []
if rr_floor and read:
    context.append(f"- the floor that also maps and reads real1 once / the floor: {read['medianMs'] / rr_floor['medianMs']:.2f}×")
if read and rr_di:
    context.append(f"- dumpinspect summary --json of real1 / that floor: {rr_di['medianMs'] / read['medianMs']:.2f}×")
if rr_floor and tiny:
    context.append(f"- dumpinspect summary --json of a 4 KiB dump (TestDumps/padded-lists.dmp) / the floor: "
                   f"{tiny['medianMs'] / rr_floor['medianMs']:.2f}×")
if context:
    say("")
    say("Context for the floor target (round-robin runs; not targets):")
    say("")
    out.extend(context)
print("\n".join(out))
