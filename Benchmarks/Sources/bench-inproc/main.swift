#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MiniDump

// The library's own cost per operation, measured inside one process (no start-up, no output):
// each figure is the median of N repetitions on a freshly opened file, so the per-file caches
// start empty every time. Prints one JSON object per line.

let usage = """
    usage: bench-inproc summary FILE [N]   open + what `summary` reads: the crash report (with the
                                           crashing thread's stack and its recursion), system, misc,
                                           thread/module counts, address space totals
           bench-inproc modules FILE [N]   open + the module list with CodeView and version records
           bench-inproc stack FILE [N]     open + the crashing thread's call stack + its recursion
           bench-inproc report FILE [N]    open + the crash report (what `scan` does per file)
           bench-inproc corpus DIR [N]     open + crash report (what `scan` does per file) for every
                                           file under DIR, one thread: files/s and microseconds per file
           bench-inproc profile DIR        the same per distinct file (by size and name), slowest first
    """

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss)
}

/// `VmHWM`, `RssAnon` and `RssFile` of this process from /proc/self/status, in KiB ("" elsewhere).
func residentBreakdown() -> String {
    guard let file = fopen("/proc/self/status", "r") else { return "" }
    defer { fclose(file) }
    var parts: [String] = []
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), file) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        for key in ["RssAnon", "RssFile"] where text.hasPrefix(key + ":") {
            let number = text.dropFirst(key.count + 1).filter { $0.isNumber }
            parts.append(#""\#(key)KiB":\#(number)"#)
        }
    }
    return parts.isEmpty ? "" : "," + parts.joined(separator: ",")
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return digits == 0 ? String(whole) : "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink = 0

/// What `dumpinspect summary` reads from a dump.
func summaryWork(_ path: String) throws(MiniDumpError) -> Int {
    let file = try MiniDumpFile(path: path)
    let report = file.crashReport()
    var total = file.directory.count &+ report.headline.utf8.count
    total &+= report.crashingThreadStack?.recursion()?.repetitions ?? 0
    total &+= (try? file.systemInfo())??.cpuCount.hashValue ?? 0
    total &+= Int((try? file.miscInfo())??.processId ?? 0)
    total &+= Int((try? file.exception())??.code ?? 0)
    total &+= (try? file.threadList())??.threads.count ?? 0
    total &+= (try? file.moduleList())??.modules.count ?? 0
    total &+= (try? file.unloadedModuleList())??.modules.count ?? 0
    let space = file.addressSpace()
    total &+= space.segments.count &+ Int(truncatingIfNeeded: space.totalBytes)
    return total
}

func modulesWork(_ path: String) throws(MiniDumpError) -> Int {
    let file = try MiniDumpFile(path: path)
    var total = 0
    for module in (try file.moduleList())?.modules ?? [] {
        total &+= module.name.utf8.count &+ Int(module.size)
    }
    return total
}

func stackWork(_ path: String) throws(MiniDumpError) -> Int {
    let file = try MiniDumpFile(path: path)
    let crashing = try file.exception()?.threadId
    let first = try file.threadList()?.threads.first?.threadId
    guard let id = crashing ?? first, let stack = file.callStack(threadId: id) else { return 0 }
    return stack.frames.count &+ (stack.recursion()?.repetitions ?? 0) << 32
}

/// What `dumpinspect scan` does per file.
func reportWork(_ path: String) throws(MiniDumpError) -> Int {
    let file = try MiniDumpFile(path: path)
    let report = file.crashReport()
    return report.bucketId.utf8.count &+ Int((try? file.miscInfo())??.processId ?? 0)
}

func files(under path: String) -> [String] {
    var out: [String] = []
    guard let directory = opendir(path) else { return out }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name == "." || name == ".." { continue }
        let full = path + "/" + name
        var info = stat()
        guard stat(full, &info) == 0 else { continue }
        if (info.st_mode & S_IFMT) == S_IFDIR { out += files(under: full) } else { out.append(full) }
    }
    return out.sorted()
}

func measure(_ name: String, _ path: String, runs: Int, _ work: (String) throws(MiniDumpError) -> Int) {
    var times: [Double] = []
    var result = 0
    for _ in 0..<max(1, runs) {
        let start = now()
        do { result = try work(path) } catch { result = -1 }
        times.append(now() - start)
        sink &+= result
    }
    print(#"{"case":"\#(name)","file":"\#(path)","runs":\#(times.count),"medianMs":\#(fixed(median(times) * 1000, 3)),"minMs":\#(fixed((times.min() ?? 0) * 1000, 3)),"result":\#(result),"peakRssKiB":\#(peakRSSKiB())\#(residentBreakdown())}"#)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print(usage)
    exit(64)
}
let runs = arguments.count >= 3 ? Int(arguments[2]) ?? 20 : 20
switch arguments[0] {
case "summary": measure("summary", arguments[1], runs: runs, summaryWork)
case "modules": measure("modules", arguments[1], runs: runs, modulesWork)
case "stack": measure("stack", arguments[1], runs: runs, stackWork)
case "report": measure("report", arguments[1], runs: runs, reportWork)
case "corpus":
    let list = files(under: arguments[1])
    var rounds: [Double] = []
    var failures = 0
    for _ in 0..<max(1, runs) {
        failures = 0
        let start = now()
        for path in list {
            do { sink &+= try reportWork(path) } catch { failures += 1 }
        }
        rounds.append(now() - start)
    }
    let seconds = median(rounds)
    let perFile = list.isEmpty ? 0 : seconds / Double(list.count)
    print(#"{"case":"corpus","dir":"\#(arguments[1])","files":\#(list.count),"unreadable":\#(failures),"runs":\#(rounds.count),"medianMs":\#(fixed(seconds * 1000, 3)),"microsecondsPerFile":\#(fixed(perFile * 1e6, 2)),"filesPerSecond":\#(fixed(perFile > 0 ? 1 / perFile : 0, 0)),"peakRssKiB":\#(peakRSSKiB())}"#)
case "profile":
    // One file per distinct content (same size and base name), timed 20 times each.
    var seen: Set<String> = []
    var rows: [(Double, String)] = []
    for path in files(under: arguments[1]) {
        var info = stat()
        stat(path, &info)
        let name = String(path.split(separator: "/").last ?? "")
        let key = "\(info.st_size) " + String(name.split(separator: "-").dropLast().joined(separator: "-"))
        guard seen.insert(key).inserted else { continue }
        var times: [Double] = []
        for _ in 0..<20 {
            let start = now()
            sink &+= (try? reportWork(path)) ?? 0
            times.append(now() - start)
        }
        rows.append((median(times), path))
    }
    for (time, path) in rows.sorted(by: { $0.0 > $1.0 }) { print("\(fixed(time * 1e6, 1)) us  \(path)") }
default:
    print(usage)
    exit(64)
}
if sink == 42 { print("") }
