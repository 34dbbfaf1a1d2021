"""The Python `minidump` package (skelsec) doing what `dumpinspect summary --json` does.

usage: python minidump_summary.py FILE             one JSON line: system, exception, counts
       python minidump_summary.py --modules FILE   one JSON line per module
       python minidump_summary.py --scan DIR       one JSON line per file under DIR, then a total

MinidumpFile.parse reads every stream it knows (threads, modules, memory lists, ...) eagerly;
that is how the package is used. Its PEB probe logs an error on dumps without a PEB; logging is
silenced so the figures measure parsing, not the terminal.
"""
import json
import logging
import os
import sys

logging.disable(logging.CRITICAL)

from minidump.minidumpfile import MinidumpFile  # noqa: E402


def summary(path):
    dump = MinidumpFile.parse(path)
    system = dump.sysinfo
    exception = None
    if dump.exception and dump.exception.exception_records:
        entry = dump.exception.exception_records[0]
        record = entry.ExceptionRecord
        exception = {
            "code": "0x%08X" % record.ExceptionCode_raw,
            "threadId": entry.ThreadId,
            "address": "0x%X" % record.ExceptionAddress,
            "parameters": ["0x%X" % p for p in record.ExceptionInformation[: record.NumberParameters]],
        }
    ranges = 0
    total = 0
    if dump.memory_segments:
        ranges += len(dump.memory_segments.memory_segments)
        total += sum(s.size for s in dump.memory_segments.memory_segments)
    if dump.memory_segments_64:
        ranges += len(dump.memory_segments_64.memory_segments)
        total += sum(s.size for s in dump.memory_segments_64.memory_segments)
    return {
        "file": path,
        "fileSize": os.path.getsize(path),
        "system": None if system is None else {
            "arch": str(system.ProcessorArchitecture),
            "osVersion": "%d.%d.%d" % (system.MajorVersion, system.MinorVersion, system.BuildNumber),
            "cpuCount": system.NumberOfProcessors,
        },
        "process": {"pid": dump.misc_info.ProcessId if dump.misc_info else None},
        "exception": exception,
        "counts": {
            "streams": len(dump.directories),
            "threads": len(dump.threads.threads) if dump.threads else 0,
            "modules": len(dump.modules.modules) if dump.modules else 0,
            "memoryRanges": ranges,
            "memoryBytes": total,
        },
    }


def modules(path):
    dump = MinidumpFile.parse(path)
    for module in dump.modules.modules if dump.modules else []:
        print(json.dumps({"name": module.name, "base": "0x%X" % module.baseaddress, "size": module.size,
                          "timestamp": module.timestamp}))


def scan(folder):
    done = failed = 0
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            try:
                print(json.dumps(summary(os.path.join(root, name))))
                done += 1
            except Exception:  # a dump the package cannot read
                failed += 1
    print(json.dumps({"files": done + failed, "unreadable": failed}))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--modules":
        modules(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--scan":
        scan(sys.argv[2])
    elif len(sys.argv) == 2:
        print(json.dumps(summary(sys.argv[1])))
    else:
        sys.exit(__doc__)
