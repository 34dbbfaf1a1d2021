#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MiniDump
import MiniDumpWriter

/// An error while writing the inputs: printed, exit status 1.
struct InputError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let usage = """
    usage: bench-inputs OUT_DIR [--shared DUMPS_DIR] [--only full|overflow|scan]...

    Writes the benchmark inputs into OUT_DIR (skipping those already there):
      full-16g.dmp      16 GiB sparse full dump: 250,000 Memory64 ranges, 200 modules, 100 threads
      overflow-10k.dmp  x64 stack overflow (0xC00000FD), 10,000 frames of a 3-function cycle
      scan/             10,000 small dumps from DUMPS_DIR (default ../shared/dumps), as hard links
    """

var arguments = Array(CommandLine.arguments.dropFirst())
var outDir: String?
var shared = "../shared/dumps"
var only: Set<String> = []
var force = false
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--shared": shared = arguments.isEmpty ? shared : arguments.removeFirst()
    case "--only": if !arguments.isEmpty { only.insert(arguments.removeFirst()) }
    case "--force": force = true
    case "-h", "--help": print(usage); exit(0)
    default: outDir = argument
    }
}
guard let outDir else {
    FileHandleStderr.write(usage + "\n")
    exit(64)
}

enum FileHandleStderr {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

func now() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

let selected = only
func wants(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

do throws(InputError) {
    try ScanFolderInput.makeDirectory(outDir)

    let fullPath = outDir + "/full-16g.dmp"
    if wants("full") && (force || !exists(fullPath)) {
        let start = now()
        let scene = FullDumpInput.scene()
        let total = scene.allMemory.reduce(UInt64(0)) { $0 + $1.size }
        let ranges = scene.allMemory.count
        guard total == FullDumpInput.totalBytes, ranges == FullDumpInput.rangeCount else {
            throw InputError("full dump layout is off: \(ranges) ranges, \(total) bytes")
        }
        do { try scene.write(toPath: fullPath) } catch { throw InputError("\(error)") }
        print("full-16g.dmp: \(ranges) ranges, \(total) bytes of memory, \(scene.modules.count) modules, \(scene.threads.count) threads (\(String(format3: now() - start)) s)")
    }

    let overflowPath = outDir + "/overflow-10k.dmp"
    if wants("overflow") && (force || !exists(overflowPath)) {
        let scene = OverflowInput.scene()
        do { try scene.write(toPath: overflowPath) } catch { throw InputError("\(error)") }
        print("overflow-10k.dmp: \(OverflowInput.frameCount) frames on thread \(OverflowInput.threadId), \(scene.threads[0].stack.count) bytes of stack")
    }

    let scanPath = outDir + "/scan"
    if wants("scan") && (force || !exists(scanPath)) {
        let (linked, copied) = try ScanFolderInput.fill(scanPath, sharedDumps: shared)
        print("scan/: \(ScanFolderInput.fileCount) dumps in \(ScanFolderInput.folderCount) folders (\(linked) hard links, \(copied) copies)")
    }
} catch {
    FileHandleStderr.write("bench-inputs: \(error)\n")
    exit(1)
}

extension String {
    /// `value` with three decimals.
    init(format3 value: Double) {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
