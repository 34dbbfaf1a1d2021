import Foundation
import Testing
@testable import MiniDump
import MiniDumpWriter

/// Seeded random mutations of the real and built dumps: bit flips, directory and list-header
/// fields set to extremes, directory entries aimed at each other or at the header, sizes swapped.
/// Every mutated dump must open or throw, and then decode or throw.
///
/// The seed is printed; `MINIDUMP_ROBUSTNESS_SEED=<seed>` replays a run and
/// `MINIDUMP_ROBUSTNESS_TRACE=1` prints each case before it runs.
@Suite("Robustness: mutations")
struct RobustnessMutationTests {
    /// The number of mutated dumps shared among the bases of at most 64 KiB.
    static let smallMutations = 100_000
    /// The number of mutated dumps of each larger base (their runs cost ten times more).
    static let largeMutations = 100

    /// The dumps that are mutated: every plain dump of the corpus.
    static let bases: [RobustnessCorpus.Dump] = RobustnessCorpus.dumps.filter { $0.label.hasSuffix(".dmp") }
    static let smallBases = bases.filter { $0.size <= RobustnessCorpus.everyLengthLimit }.count

    /// The number of cases for base `index`; `MINIDUMP_ROBUSTNESS_MUTATIONS` scales the total.
    static func iterations(for index: Int) -> Int {
        let scale = Double(ProcessInfo.processInfo.environment["MINIDUMP_ROBUSTNESS_MUTATIONS"] ?? "")
            .map { $0 / Double(smallMutations) } ?? 1
        guard bases[index].size <= RobustnessCorpus.everyLengthLimit else {
            return Int((Double(largeMutations) * scale).rounded(.up))
        }
        let rank = bases[..<index].filter { $0.size <= RobustnessCorpus.everyLengthLimit }.count
        let total = Int((Double(smallMutations) * scale).rounded(.up))
        return total / smallBases + (rank < total % smallBases ? 1 : 0)
    }

    @Test("Every mutated dump opens or throws, then decodes or throws", arguments: bases.indices)
    func mutations(_ baseIndex: Int) throws {
        let dump = Self.bases[baseIndex]
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dump.path)))
        guard !original.isEmpty else { return }
        let iterations = Self.iterations(for: baseIndex)
        let seed = RobustnessCorpus.seed ^ (UInt64(baseIndex + 1) &* 0x9E37_79B9_7F4A_7C15)
        if baseIndex == 0 {
            print("mutations: seed \(RobustnessCorpus.seed) (set MINIDUMP_ROBUSTNESS_SEED=\(RobustnessCorpus.seed) to replay)")
        }
        var random = SplitMix64(seed: seed)
        var mutator = DumpMutator(original: original)
        // One buffer, patched in place and restored after each case; the storage adopts it.
        let memory = UnsafeMutableRawPointer.allocate(byteCount: original.count, alignment: 16)
        memory.copyMemory(from: original, byteCount: original.count)
        let storage = ByteStorage(adopting: memory, count: original.count)
        let buffer = UnsafeMutableRawBufferPointer(start: memory, count: original.count)
        let start = ContinuousClock.now
        var opened = 0
        var errors = 0
        var kinds = [String: Int]()
        for iteration in 0..<iterations {
            let applied = mutator.mutate(buffer, random: &random)
            if RobustnessCorpus.trace { print("mutation \(dump.label) #\(iteration) seed \(seed): \(applied)") }
            do {
                let file = try MiniDumpFile(storage: storage, path: nil)
                let summary = RobustnessCorpus.exerciser.exercise(file)
                opened += 1
                errors += summary.errors
            } catch {
                kinds[error.kind.rawValue, default: 0] += 1
            }
            mutator.restore(buffer)
        }
        withExtendedLifetime(storage) {}
        #expect(opened + kinds.values.reduce(0, +) == iterations)
        let elapsed = ContinuousClock.now - start
        print("mutations: \(dump.label): \(iterations) cases (seed \(seed)), \(opened) opened, \(errors) stream errors, rejected \(kinds), \(elapsed)")
    }
}

/// Applies random structural damage to a dump held in a mutable buffer, and undoes it.
struct DumpMutator {
    /// A directory entry of the original file.
    struct Entry {
        var offset: Int
        var type: UInt32
        var size: UInt32
        var rva: UInt32
    }

    let original: [UInt8]
    let entries: [Entry]
    let directoryRva: Int
    private var touched: [Range<Int>] = []

    /// Values that break arithmetic: zero, one, the signed and unsigned maxima.
    static let extremes: [UInt32] = [0, 1, 0x7FFF_FFFF, 0xFFFF_FFFF]

    init(original: [UInt8]) {
        self.original = original
        func word(_ at: Int) -> UInt32 {
            guard at >= 0, at + 4 <= original.count else { return 0 }
            return UInt32(original[at]) | UInt32(original[at + 1]) << 8 | UInt32(original[at + 2]) << 16
                | UInt32(original[at + 3]) << 24
        }
        let count = Int(word(8))
        directoryRva = Int(word(12))
        var entries = [Entry]()
        for index in 0..<min(count, 4096) {
            let at = directoryRva + index * 12
            guard at + 12 <= original.count else { break }
            entries.append(Entry(offset: at, type: word(at), size: word(at + 4), rva: word(at + 8)))
        }
        self.entries = entries
    }

    /// Applies one to three mutations and returns what they were.
    mutating func mutate(_ buffer: UnsafeMutableRawBufferPointer, random: inout SplitMix64) -> [String] {
        var applied = [String]()
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            applied.append(mutateOnce(buffer, random: &random))
        }
        return applied
    }

    /// Copies the original bytes back over everything the last mutations touched.
    mutating func restore(_ buffer: UnsafeMutableRawBufferPointer) {
        for range in touched {
            for index in range where index < buffer.count { buffer[index] = original[index] }
        }
        touched.removeAll(keepingCapacity: true)
    }

    private mutating func mutateOnce(_ buffer: UnsafeMutableRawBufferPointer, random: inout SplitMix64) -> String {
        let count = buffer.count
        let entry = entries.isEmpty ? nil : entries[Int.random(in: 0..<entries.count, using: &random)]
        switch Int.random(in: 0..<10, using: &random) {
        case 0:
            var flipped = [Int]()
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let bit = Int.random(in: 0..<(count * 8), using: &random)
                write8(buffer, at: bit / 8, buffer[bit / 8] ^ (1 << UInt8(bit % 8)))
                flipped.append(bit)
            }
            return "flip bits \(flipped)"
        case 1:
            let field = Int.random(in: 0...1, using: &random) == 0 ? 8 : 12
            let value = pick(random: &random, near: field == 8 ? UInt32(entries.count) : UInt32(directoryRva))
            write32(buffer, at: field, value)
            return "header +\(field) = \(Hex.format(value))"
        case 2:
            guard let entry else { return "no directory" }
            let field = Int.random(in: 0...1, using: &random) == 0 ? 4 : 8
            let value = pick(random: &random, near: field == 4 ? entry.size : entry.rva)
            write32(buffer, at: entry.offset + field, value)
            return "directory entry @\(entry.offset) +\(field) = \(Hex.format(value))"
        case 3:
            // A list header word: plain counts, Ex-list header and entry sizes, Memory64 count and BaseRva.
            guard let entry, entry.size >= 4 else { return "no stream" }
            let words = min(Int(entry.size) / 4, 4)
            let at = Int(entry.rva) + 4 * Int.random(in: 0..<words, using: &random)
            if Int.random(in: 0..<4, using: &random) == 0, at % 8 == Int(entry.rva) % 8 {
                write32(buffer, at: at, 0xFFFF_FFFF)
                write32(buffer, at: at + 4, 0xFFFF_FFFF)
                return "stream \(entry.type) header u64 @\(at) = max"
            }
            let value = pick(random: &random, near: read32(at))
            write32(buffer, at: at, value)
            return "stream \(entry.type) header @\(at) = \(Hex.format(value))"
        case 4:
            // A field inside a list entry: RVAs, sizes, counts of entries, at 4-byte alignment.
            guard let entry, entry.size >= 8 else { return "no stream" }
            let at = Int(entry.rva) + 4 * Int.random(in: 0..<(Int(entry.size) / 4), using: &random)
            let value = pick(random: &random, near: read32(at))
            write32(buffer, at: at, value)
            return "stream \(entry.type) word @\(at) = \(Hex.format(value))"
        case 5:
            // Two entries pointing at the same bytes.
            guard let entry, let other = entries.randomElement(using: &random) else { return "no directory" }
            write32(buffer, at: entry.offset + 4, other.size)
            write32(buffer, at: entry.offset + 8, other.rva)
            return "entry @\(entry.offset) aliases entry @\(other.offset)"
        case 6:
            // An entry pointing at the header or at the directory itself.
            guard let entry else { return "no directory" }
            let atDirectory = Int.random(in: 0...1, using: &random) == 0
            write32(buffer, at: entry.offset + 8, atDirectory ? UInt32(directoryRva) : 0)
            if Int.random(in: 0...1, using: &random) == 0 {
                write32(buffer, at: entry.offset + 4, atDirectory ? UInt32(entries.count * 12) : 32)
            }
            return "entry @\(entry.offset) points at the \(atDirectory ? "directory" : "header")"
        case 7:
            guard let entry, let other = entries.randomElement(using: &random) else { return "no directory" }
            write32(buffer, at: entry.offset + 4, other.size)
            write32(buffer, at: other.offset + 4, entry.size)
            return "sizes of entries @\(entry.offset) and @\(other.offset) swapped"
        case 8:
            let at = Int.random(in: 0..<count, using: &random)
            let length = Int.random(in: 1...64, using: &random)
            let fill = Int.random(in: 0..<3, using: &random)
            for index in at..<min(count, at + length) {
                write8(buffer, at: index, fill == 0 ? 0 : fill == 1 ? 0xFF : UInt8.random(in: 0...255, using: &random))
            }
            return "bytes \(at)..<\(at + length) filled (\(fill))"
        default:
            let at = Int.random(in: 0..<count, using: &random) & ~3
            let value = Self.extremes.randomElement(using: &random) ?? 0
            write32(buffer, at: at, value)
            return "word @\(at) = \(Hex.format(value))"
        }
    }

    /// An extreme value, a small step from `value`, or a random one.
    private func pick(random: inout SplitMix64, near value: UInt32) -> UInt32 {
        switch Int.random(in: 0..<4, using: &random) {
        case 0, 1: return Self.extremes.randomElement(using: &random) ?? 0
        case 2: return value &+ UInt32(bitPattern: Int32.random(in: -16...16, using: &random))
        default: return UInt32.random(in: 0...UInt32(clamping: original.count + 64), using: &random)
        }
    }

    private func read32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= original.count else { return 0 }
        return UInt32(original[at]) | UInt32(original[at + 1]) << 8 | UInt32(original[at + 2]) << 16
            | UInt32(original[at + 3]) << 24
    }

    private mutating func write8(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int, _ value: UInt8) {
        guard offset >= 0, offset < buffer.count else { return }
        buffer[offset] = value
        touched.append(offset..<(offset + 1))
    }

    private mutating func write32(_ buffer: UnsafeMutableRawBufferPointer, at offset: Int, _ value: UInt32) {
        for byte in 0..<4 { write8(buffer, at: offset + byte, UInt8(truncatingIfNeeded: value >> (8 * UInt32(byte)))) }
    }
}
