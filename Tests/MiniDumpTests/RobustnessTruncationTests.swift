import Foundation
import Testing
@testable import MiniDump

/// Every truncation of every dump of at most 1 MiB: opening either throws (the header or directory
/// is cut) or succeeds, and then everything a user runs ends in a value or a thrown error.
@Suite("Robustness: truncations")
struct RobustnessTruncationTests {
    @Test("Every truncation opens exactly when its header and directory fit, and then decodes", arguments: RobustnessCorpus.dumps)
    func truncations(_ dump: RobustnessCorpus.Dump) throws {
        let storage = try RobustnessCorpus.storage(of: dump)
        let lengths = RobustnessCorpus.truncationLengths(size: storage.count)
        let start = ContinuousClock.now
        var opened = 0
        var frames = 0
        if dump.label.hasSuffix(".cab") {
            // Compressed inputs go through `open(bytes:)`, which copies; the cabinets are small.
            let whole = ByteReader(storage: storage).bytes(in: 0..<storage.count)
            for length in lengths {
                if RobustnessCorpus.trace { print("truncation \(dump.label) \(length)") }
                if let summary = try? RobustnessCorpus.exerciser.exercise(bytes: Array(whole.prefix(length))) {
                    opened += 1
                    frames += summary.frames
                }
            }
            #expect(opened > 0, "the whole cabinet opens")
        } else {
            let full = ByteReader(storage: storage)
            let wholeOpens = (try? MiniDumpFile(storage: storage, path: nil)) != nil
            let count = UInt64(full.value(UInt32.self, at: 8) ?? 0)
            let directoryRva = UInt64(full.value(UInt32.self, at: 12) ?? 0)
            let directoryEnd = max(UInt64(MiniDumpHeader.size), directoryRva + count * 12)
            for length in lengths {
                if RobustnessCorpus.trace { print("truncation \(dump.label) \(length)") }
                let shouldOpen = wholeOpens && UInt64(length) >= directoryEnd
                do {
                    let file = try MiniDumpFile(storage: storage.prefix(length), path: nil)
                    #expect(shouldOpen, "\(dump.label) cut to \(length) bytes opened")
                    #expect(file.fileSize == length)
                    #expect(file.directory.count == Int(count))
                    let summary = RobustnessCorpus.exerciser.exercise(file)
                    opened += 1
                    frames += summary.frames
                } catch {
                    #expect(!shouldOpen, "\(dump.label) cut to \(length) bytes: \(error)")
                    if length < MiniDumpHeader.size {
                        #expect([.notMiniDump, .truncated].contains(error.kind), "\(error)")
                    } else if wholeOpens {
                        #expect(error.kind == .invalidCount, "\(dump.label) cut to \(length) bytes: \(error)")
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        print("truncations: \(dump.label) (\(storage.count) bytes): \(lengths.count) lengths, \(opened) opened, \(frames) frames, \(elapsed)")
    }
}
