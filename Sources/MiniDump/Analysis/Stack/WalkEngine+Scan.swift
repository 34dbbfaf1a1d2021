extension WalkEngine {
    /// The first slot in `start ..< end` (pointer-aligned from `start`) holding a plausible return
    /// address, with its value.
    ///
    /// Most stack words are data. ``isReturnAddress(_:state:)`` wants `value - 1` inside a module
    /// and `value > 0x1000`, so a word outside `first ... last` (the span of all modules) cannot be
    /// one. When the window lies in one captured range (the usual case) the words are tested in
    /// place, sixteen or four at a time with SIMD, and only a group holding a word inside the span is
    /// looked at word by word: a 1 MiB x86 stack of data went from 16 to under 2 instructions per
    /// word (docs/performance.md). Otherwise the window is read word by word.
    func scan(from start: UInt64, to end: UInt64, state: inout WalkState) -> (slot: UInt64, value: UInt64)? {
        let size = UInt64(architecture.pointerSize)
        guard end > start else { return nil }
        let words = Int(min((end - start) / size, UInt64(scanWords) * 64))
        guard words > 0, state.spend(words) else { return nil }
        let bounds = modules.bounds
        let first = max(bounds.lowerBound, 0x1000) &+ 1
        let last = bounds.upperBound
        guard !bounds.isEmpty, first <= last else { return nil }
        let window = CodeSpan(first: first, span: last &- first, mask: codeAddressMask)
        func search(_ raw: UnsafeRawBufferPointer) -> (slot: UInt64, value: UInt64)? {
            let hit = size == 8
                ? firstCandidate64(in: raw, words: words, window: window, state: &state)
                : firstCandidate32(in: raw, words: words, window: window, state: &state)
            guard let hit else { return nil }
            return (start &+ UInt64(hit.index) &* size, hit.value)
        }
        let count = words * Int(size)
        // In place when the window lies in the walk's stack segment or in any one captured
        // segment (the answer is then final); otherwise word by word.
        if let stack = state.stack, let direct = stack.withBytes(at: start, count: count, search) { return direct }
        if let direct = memory.withBytes(at: start, count: count, search) { return direct }
        for index in 0..<words {
            let slot = start &+ UInt64(index) &* size
            guard let raw = memory.pointer(at: slot, size: Int(size)) else { continue }
            let value = codeAddress(raw)
            if isReturnAddress(value, state: &state) { return (slot, value) }
        }
        return nil
    }

    /// The addresses a scanned word may hold: `first ... first + span` after `mask`.
    struct CodeSpan {
        var first: UInt64
        var span: UInt64
        var mask: UInt64

        func contains(_ value: UInt64) -> Bool { value &- first <= span }
    }

    /// The index and value of the first 8-byte word of `raw` that is a plausible return address.
    private func firstCandidate64(
        in raw: UnsafeRawBufferPointer, words: Int, window: CodeSpan, state: inout WalkState
    ) -> (index: Int, value: UInt64)? {
        var index = 0
        #if _endian(little)
        let first = SIMD4<UInt64>(repeating: window.first)
        let span = SIMD4<UInt64>(repeating: window.span)
        let mask = SIMD4<UInt64>(repeating: window.mask)
        while words &- index >= 4 {
            index = Self.firstGroup64(in: raw, from: index, words: words, first: first, span: span, mask: mask)
            guard words &- index >= 4 else { break }
            let group = raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<UInt64>.self) & mask
            for lane in 0..<4 where window.contains(group[lane]) && isReturnAddress(group[lane], state: &state) {
                return (index &+ lane, group[lane])
            }
            index &+= 4
        }
        #endif
        while index < words {
            let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index &* 8, as: UInt64.self)) & window.mask
            if window.contains(value), isReturnAddress(value, state: &state) { return (index, value) }
            index &+= 1
        }
        return nil
    }

    /// The index and value of the first 4-byte word of `raw` that is a plausible return address.
    private func firstCandidate32(
        in raw: UnsafeRawBufferPointer, words: Int, window: CodeSpan, state: inout WalkState
    ) -> (index: Int, value: UInt64)? {
        // No 32-bit word reaches a span that starts above 4 GiB.
        guard window.first <= UInt64(UInt32.max) else { return nil }
        var index = 0
        #if _endian(little)
        // The same test in 32-bit lanes: the span is clipped at 2^32 - 1, which no word exceeds.
        let first32 = UInt32(truncatingIfNeeded: window.first)
        let span32 = UInt32(truncatingIfNeeded: min(window.span, UInt64(UInt32.max &- first32)))
        let first = SIMD16<UInt32>(repeating: first32)
        let span = SIMD16<UInt32>(repeating: span32)
        let mask32 = UInt32(truncatingIfNeeded: window.mask)
        // x86 words need no mask; only 32-bit ARM clears the Thumb bit.
        let mask: SIMD16<UInt32>? = mask32 == .max ? nil : SIMD16<UInt32>(repeating: mask32)
        while words &- index >= 16 {
            index = Self.firstGroup32(in: raw, from: index, words: words, first: first, span: span, mask: mask)
            guard words &- index >= 16 else { break }
            for lane in 0..<16 {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: (index &+ lane) &* 4, as: UInt32.self))
                let value = UInt64(word & mask32)
                if window.contains(value), isReturnAddress(value, state: &state) { return (index &+ lane, value) }
            }
            index &+= 16
        }
        #endif
        while index < words {
            let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
            let value = UInt64(word) & window.mask
            if window.contains(value), isReturnAddress(value, state: &state) { return (index, value) }
            index &+= 1
        }
        return nil
    }

    #if _endian(little)
    /// The index of the first group of four 8-byte words, from `index`, holding a word inside the
    /// span; the first index with fewer than four words left when none does. A loop without calls,
    /// so that the vectors stay in registers.
    private static func firstGroup64(
        in raw: UnsafeRawBufferPointer, from index: Int, words: Int,
        first: SIMD4<UInt64>, span: SIMD4<UInt64>, mask: SIMD4<UInt64>
    ) -> Int {
        var index = index
        while words &- index >= 4 {
            let group = raw.loadUnaligned(fromByteOffset: index &* 8, as: SIMD4<UInt64>.self) & mask
            if any((group &- first) .<= span) { return index }
            index &+= 4
        }
        return index
    }

    /// ``firstGroup64(in:from:words:first:span:mask:)`` for sixteen 4-byte words; `mask` is `nil`
    /// when every bit of a word counts.
    private static func firstGroup32(
        in raw: UnsafeRawBufferPointer, from index: Int, words: Int,
        first: SIMD16<UInt32>, span: SIMD16<UInt32>, mask: SIMD16<UInt32>?
    ) -> Int {
        var index = index
        if let mask {
            while words &- index >= 16 {
                let group = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<UInt32>.self) & mask
                if any((group &- first) .<= span) { return index }
                index &+= 16
            }
        } else {
            while words &- index >= 16 {
                let group = raw.loadUnaligned(fromByteOffset: index &* 4, as: SIMD16<UInt32>.self)
                if any((group &- first) .<= span) { return index }
                index &+= 16
            }
        }
        return index
    }
    #endif
}
