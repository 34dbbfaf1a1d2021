#if _endian(little)
/// The stack scan's first test, on 64-byte blocks of stack words in sixteen 32-bit lanes: can any
/// word of the block lie in the modules' span?
///
/// A lane passes when `(lane & mask) - first <= span` as unsigned numbers. SSE2 compares only
/// signed 32-bit lanes (and no 64-bit ones before SSE4.2), so both sides are offset by 2^31, which
/// is folded into the subtraction: `(lane & mask) - (first ^ 2^31)`, compared as signed with
/// `span ^ 2^31`. 4-byte words use every lane and the test is exact. For 8-byte words only the
/// high halves are tested against the span's high halves, a necessary condition: a lane that must
/// never pass has mask 0, a bias of 2^31 - 1 and the lowest limit. The ones that pass are checked
/// word by word (docs/performance.md).
struct BlockFilter {
    private var bias: SIMD16<UInt32>
    private var limit: SIMD16<Int32>
    /// `nil` when every bit of every lane counts (x86 words).
    private var mask: SIMD16<UInt32>?
    /// How many words a 64-byte block holds: 16 of 4 bytes or 8 of 8 bytes.
    let wordsPerBlock: Int

    /// Every lane a 4-byte word; the span is clipped at 2^32 - 1, which no word exceeds.
    init(wordsOf window: WalkEngine.CodeSpan) {
        let first = UInt32(truncatingIfNeeded: window.first)
        let span = UInt32(truncatingIfNeeded: min(window.span, UInt64(UInt32.max &- first)))
        let mask = UInt32(truncatingIfNeeded: window.mask)
        bias = SIMD16(repeating: first ^ Self.signBit)
        limit = SIMD16(repeating: Int32(bitPattern: span ^ Self.signBit))
        // x86 words need no mask; 32-bit ARM clears the Thumb bit.
        self.mask = mask == .max ? nil : SIMD16(repeating: mask)
        wordsPerBlock = 16
    }

    /// Eight 8-byte words, tested by their high halves (the odd lanes).
    init(highHalvesOf window: WalkEngine.CodeSpan) {
        let first = UInt32(truncatingIfNeeded: window.first >> 32)
        let last = UInt32(truncatingIfNeeded: (window.first &+ window.span) >> 32)
        let mask = UInt32(truncatingIfNeeded: window.mask >> 32)
        bias = SIMD16(repeating: .max >> 1)
        limit = SIMD16(repeating: .min)
        var masks = SIMD16<UInt32>(repeating: 0)
        for lane in stride(from: 1, to: 16, by: 2) {
            bias[lane] = first ^ Self.signBit
            limit[lane] = Int32(bitPattern: (last &- first) ^ Self.signBit)
            masks[lane] = mask
        }
        self.mask = masks
        wordsPerBlock = 8
    }

    private static let signBit: UInt32 = 1 << 31

    /// The index of the first block, from word `index`, that may hold a word inside the span; the
    /// first index with less than a block left when none does. A loop without calls, so that the
    /// vectors stay in registers.
    @inline(never)
    func firstBlock(in raw: UnsafeRawBufferPointer, from index: Int, words: Int) -> Int {
        var index = index
        let wordsPerBlock = wordsPerBlock
        var offset = index &* (64 / wordsPerBlock)
        if let mask {
            while words &- index >= wordsPerBlock {
                let block = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt32>.self) & mask
                if any(SIMD16<Int32>(truncatingIfNeeded: block &- bias) .<= limit) { return index }
                index &+= wordsPerBlock
                offset &+= 64
            }
        } else {
            while words &- index >= wordsPerBlock {
                let block = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt32>.self)
                if any(SIMD16<Int32>(truncatingIfNeeded: block &- bias) .<= limit) { return index }
                index &+= wordsPerBlock
                offset &+= 64
            }
        }
        return index
    }
}
#endif
