#if _endian(little)
import Testing

@testable import MiniDump
import MiniDumpWriter

/// `BlockFilter`, the stack scan's SIMD pre-test: it may never skip a block holding a word inside
/// the modules' span, and for 4-byte words it passes exactly those blocks.
@Suite("Stack scan block filter")
struct BlockFilterTests {
    /// The words a block may hold: each edge of the span, one either side of it, the extremes of
    /// the word, values with the sign bit either way, and random ones.
    static func candidates(_ window: WalkEngine.CodeSpan, bits: Int, numbers: inout SplitMix64) -> [UInt64] {
        let top: UInt64 = bits == 64 ? .max : UInt64(UInt32.max)
        let last = window.first &+ window.span
        var values: [UInt64] = [0, 1, top, top >> 1, (top >> 1) &+ 1, window.first, last,
                                window.first &- 1, last &+ 1, window.first &+ window.span / 2]
        for _ in 0..<6 { values.append(numbers.next() & top) }
        return values.filter { $0 <= top }
    }

    /// The start of the first block of `perBlock` words holding a word in the span (brute force).
    static func firstHit(_ words: [UInt64], window: WalkEngine.CodeSpan, perBlock: Int) -> Int {
        for (index, word) in words.enumerated() where window.contains(word & window.mask) {
            return index / perBlock * perBlock
        }
        return words.count / perBlock * perBlock
    }

    /// The filter's first block over `words` stored as `T`s.
    static func blocks<T: FixedWidthInteger>(_ words: [UInt64], as type: T.Type, filter: BlockFilter) -> Int {
        let narrow = words.map { T(truncatingIfNeeded: $0).littleEndian }
        return narrow.withUnsafeBytes { raw in
            filter.firstBlock(in: raw, from: 0, words: narrow.count)
        }
    }

    /// (first, span, mask) of 4-byte-word spans: low, high, straddling 2^31, empty, the whole word.
    static let fourByteSpans: [(UInt64, UInt64, UInt64)] = [
        (0x1001, 0x7FFF_EFFF, UInt64(UInt32.max)),
        (0x0804_8001, 0xF7FF_0000 - 0x0804_8001, UInt64(UInt32.max)),
        (0x7FFF_FFFF, 2, UInt64(UInt32.max)),
        (0x8000_0000, 0, UInt64(UInt32.max)),
        (0x1001, 0xFFFF_EFFE, UInt64(UInt32.max)),
        (0x0040_1001, 0x0100_0000, UInt64(0xFFFF_FFFE)),  // 32-bit ARM: Thumb bit cleared
    ]

    @Test("4-byte words: the first block found is the first holding a word in the span", arguments: fourByteSpans)
    func exactForFourByteWords(first: UInt64, span: UInt64, mask: UInt64) {
        let window = WalkEngine.CodeSpan(first: first, span: span, mask: mask)
        let filter = BlockFilter(wordsOf: window)
        #expect(filter.wordsPerBlock == 16)
        var numbers = SplitMix64(seed: first ^ span)
        for _ in 0..<200 {
            let pool = Self.candidates(window, bits: 32, numbers: &numbers)
            // Mostly words outside the span, so that the first hit moves around.
            let words = (0..<64).map { _ in
                let pick = pool[Int(numbers.next() % UInt64(pool.count))]
                return numbers.next() % 4 == 0 ? pick : (window.contains(pick & mask) ? 0 : pick)
            }
            let expected = Self.firstHit(words, window: window, perBlock: 16)
            #expect(Self.blocks(words, as: UInt32.self, filter: filter) == expected)
        }
    }

    /// (first, span, mask) of 8-byte-word spans: Windows and Linux layouts, high halves that differ
    /// or not, the sign bit, and an arm64 mask.
    static let eightByteSpans: [(UInt64, UInt64, UInt64)] = [
        (0x7FF6_1234_0001, 0x0008_0000_0000, UInt64.max),
        (0x5555_5555_0001, 0x7FFF_0000_0000 - 0x5555_5555_0001, UInt64.max),
        (0x0000_0000_0040_1001, 0x1000, UInt64.max),
        (0x7FFF_FFFF_F000, 0x2000, UInt64.max),
        (0x8000_0000_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, UInt64.max),
        (0x0000_0070_0000_1001, 0x0000_0010_0000_0000, 0x0000_FFFF_FFFF_FFFF),  // arm64: PAC bits cleared
    ]

    @Test("8-byte words: no block holding a word in the span is skipped", arguments: eightByteSpans)
    func conservativeForEightByteWords(first: UInt64, span: UInt64, mask: UInt64) {
        let window = WalkEngine.CodeSpan(first: first, span: span, mask: mask)
        let filter = BlockFilter(highHalvesOf: window)
        #expect(filter.wordsPerBlock == 8)
        var numbers = SplitMix64(seed: first ^ span)
        for _ in 0..<200 {
            let pool = Self.candidates(window, bits: 64, numbers: &numbers) + [first | 0xFFFF_0000_0000_0000]
            let words = (0..<64).map { _ in
                let pick = pool[Int(numbers.next() % UInt64(pool.count))]
                return numbers.next() % 4 == 0 ? pick : (window.contains(pick & mask) ? 0 : pick)
            }
            let found = Self.blocks(words, as: UInt64.self, filter: filter)
            let expected = Self.firstHit(words, window: window, perBlock: 8)
            // May stop early (the test is on high halves only), never late.
            #expect(found <= expected)
            // A block it stops at has a word whose high half lies in the span's.
            if found < words.count / 8 * 8 {
                let high = words[found..<(found + 8)].map { ($0 & mask) >> 32 }
                #expect(high.contains { $0 >= first >> 32 && $0 <= (first &+ span) >> 32 })
            }
        }
    }

    @Test("Only whole blocks are tested; the rest is left to the word-by-word loop")
    func partialBlocks() {
        let window = WalkEngine.CodeSpan(first: 0x1001, span: 0x1000, mask: .max)
        var words = [UInt32](repeating: 0x0500, count: 31)
        words[20] = 0x1500
        let filter = BlockFilter(wordsOf: window)
        let short = words.withUnsafeBytes { filter.firstBlock(in: $0, from: 0, words: 31) }
        #expect(short == 16)
        words.append(0x0500)
        let whole = words.withUnsafeBytes { filter.firstBlock(in: $0, from: 0, words: 32) }
        #expect(whole == 16)
        let none = words.withUnsafeBytes { filter.firstBlock(in: $0, from: 0, words: 16) }
        #expect(none == 16)
    }
}
#endif
