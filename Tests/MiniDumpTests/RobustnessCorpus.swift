import Foundation
import Testing
@testable import MiniDump

/// The inputs and settings the robustness suites share: every dump of at most 1 MiB in
/// `../shared/dumps` (public and wine) and in `TestDumps/`, the lengths each is truncated to, and
/// the seed of the random suites.
enum RobustnessCorpus {
    /// One input file.
    struct Dump: Sendable, CustomTestStringConvertible {
        /// `public/x.dmp`, `wine/x.dmp` or `TestDumps/malformed/x.dmp`.
        var label: String
        var path: String
        var size: Int

        var testDescription: String { label }
    }

    /// The largest file the truncation and mutation suites take.
    static let maxSize = 1 << 20
    /// Files up to this size are truncated at every length.
    static let everyLengthLimit = 64 << 10

    /// Every dump (`.dmp`, and the cabinets of `TestDumps/compressed`) of at most ``maxSize`` bytes,
    /// sorted by label; only those whose label contains `MINIDUMP_ROBUSTNESS_ONLY` when it is set.
    static let dumps: [Dump] = {
        var found = [Dump]()
        for folder in ["public", "wine"] {
            for name in SharedDumps.files(in: folder) {
                found.append(Dump(label: "\(folder)/\(name)", path: SharedDumps.path(folder, name), size: 0))
            }
        }
        let testDumps = SharedDumps.packageRoot.appendingPathComponent("TestDumps")
        let enumerator = FileManager.default.enumerator(atPath: testDumps.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".dmp") || relative.hasSuffix(".cab") else { continue }
            found.append(Dump(label: "TestDumps/\(relative)", path: testDumps.appendingPathComponent(relative).path, size: 0))
        }
        let only = ProcessInfo.processInfo.environment["MINIDUMP_ROBUSTNESS_ONLY"] ?? ""
        return found.compactMap { dump in
            guard only.isEmpty || dump.label.contains(only) else { return nil }
            var dump = dump
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: dump.path),
                  let size = (attributes[.size] as? NSNumber)?.intValue, size <= maxSize else { return nil }
            dump.size = size
            return dump
        }.sorted { $0.label < $1.label }
    }()

    /// The files of `TestDumps/malformed/`, sorted.
    static let malformed: [Dump] = dumps.filter { $0.label.hasPrefix("TestDumps/malformed/") }

    /// True when `MINIDUMP_ROBUSTNESS_EXHAUSTIVE` is set: every truncation the exhaustive plan names
    /// (see ``truncationLengths(size:)``) instead of the sample that fits the CI budget.
    static let exhaustive = !(ProcessInfo.processInfo.environment["MINIDUMP_ROBUSTNESS_EXHAUSTIVE"] ?? "").isEmpty

    /// How many lengths the default (CI) run cuts each file to.
    static let sampledLengths = 600
    /// How many lengths at each end of a file the default run takes byte by byte.
    static let sampledEdge = 128

    /// The lengths a file of `size` bytes is cut to.
    ///
    /// Exhaustive: every length up to ``everyLengthLimit``; beyond it every 64th length plus the
    /// first and the last 4 KiB byte by byte. Default: the first and last ``sampledEdge`` lengths
    /// byte by byte (the header and directory, and the end where memory data is cut) and
    /// ``sampledLengths`` in all, the rest spread evenly from an offset taken from the seed, so that
    /// successive runs cut at different places.
    static func truncationLengths(size: Int) -> [Int] {
        guard exhaustive else { return sampledTruncationLengths(size: size, phase: seed) }
        guard size > everyLengthLimit else { return Array(0...size) }
        var lengths = Set(stride(from: 0, through: size, by: 64))
        lengths.formUnion(0..<min(4096, size))
        lengths.formUnion(max(0, size - 4096)...size)
        return lengths.sorted()
    }

    static func sampledTruncationLengths(size: Int, phase: UInt64) -> [Int] {
        guard size + 1 > sampledLengths else { return Array(0...size) }
        var lengths = Set(0..<sampledEdge)
        lengths.formUnion((size - sampledEdge + 1)...size)
        let middle = sampledLengths - lengths.count
        let step = max(1, (size - 2 * sampledEdge) / max(middle, 1))
        var length = sampledEdge + Int(phase % UInt64(step))
        while length <= size - sampledEdge, lengths.count < sampledLengths {
            lengths.insert(length)
            length += step
        }
        return lengths.sorted()
    }

    /// The seed of the random suites: `MINIDUMP_ROBUSTNESS_SEED` (decimal or 0x-hex) when set,
    /// otherwise a new one per run. Printed by the suites so a failure can be replayed.
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["MINIDUMP_ROBUSTNESS_SEED"], !text.isEmpty {
            let parsed = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
            if let parsed { return parsed }
        }
        return UInt64.random(in: 1...UInt64.max)
    }()

    /// True when `MINIDUMP_ROBUSTNESS_TRACE` is set: every case prints its label before it runs, so
    /// the last line before a crash names the input.
    static let trace = !(ProcessInfo.processInfo.environment["MINIDUMP_ROBUSTNESS_TRACE"] ?? "").isEmpty

    /// The exerciser the truncation and mutation suites use: the whole path, with stack walks and
    /// probes bounded tighter than a user's defaults so that over a million runs fit the time budget.
    static let exerciser: DumpExerciser = {
        var exerciser = DumpExerciser()
        exerciser.stackLimits = StackWalkLimits(maxFrames: 64, maxSteps: 10_000, scanWords: 256)
        exerciser.maxProbeAddresses = 128
        exerciser.walksExceptionThreadWithDefaultLimits = false
        return exerciser
    }()

    /// The bytes of `dump`, loaded once into storage that the truncations share.
    static func storage(of dump: Dump) throws -> ByteStorage {
        ByteStorage(copying: try Data(contentsOf: URL(fileURLWithPath: dump.path)))
    }
}
