extension WalkEngine {
    /// The first slot in `start ..< end` (pointer-aligned from `start`) holding a plausible return
    /// address, with its value.
    ///
    /// Most stack words are data. ``isReturnAddress(_:state:)`` wants `value - 1` inside a module
    /// and `value > 0x1000`, so a word outside `first ... last` (the span of all modules) cannot be
    /// one. When the window lies in one captured range (the usual case) the words are tested in
    /// place, 64 bytes at a time with SIMD (``BlockFilter``), and only a block that may hold a word
    /// inside the span is looked at word by word (docs/performance.md). Otherwise the window is read
    /// word by word.
    func scan(from start: UInt64, to end: UInt64, state: inout WalkState) -> (slot: UInt64, value: UInt64)? {
        var readWhole = false
        return scan(from: start, to: end, readWhole: &readWhole, state: &state)
    }

    /// ``scan(from:to:state:)``, setting `readWhole` when every word of the window was captured
    /// and tested (a `nil` result then means the window holds no return address).
    func scan(
        from start: UInt64, to end: UInt64, readWhole: inout Bool, state: inout WalkState
    ) -> (slot: UInt64, value: UInt64)? {
        readWhole = false
        let size = UInt64(architecture.pointerSize)
        guard end > start else { return nil }
        let whole = (end - start) / size
        let words = Int(min(whole, UInt64(scanWords) * 64))
        guard words > 0, state.spend(words) else { return nil }
        let complete = UInt64(words) == whole
        let bounds = modules.bounds
        let first = max(bounds.lowerBound, 0x1000) &+ 1
        let last = bounds.upperBound
        guard !bounds.isEmpty, first <= last else {
            readWhole = complete  // no modules: no word can be a return address
            return nil
        }
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
        if let stack = state.stack, let direct = stack.withBytes(at: start, count: count, search) {
            readWhole = complete
            return direct
        }
        if let direct = memory.withBytes(at: start, count: count, search) {
            readWhole = complete
            return direct
        }
        var missing = false
        defer { readWhole = complete && !missing }
        for index in 0..<words {
            let slot = start &+ UInt64(index) &* size
            guard let raw = memory.pointer(at: slot, size: Int(size)) else {
                missing = true
                continue
            }
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
        // Blocks of eight words; a block whose high halves all miss the span's is skipped whole.
        let filter = BlockFilter(highHalvesOf: window)
        while words &- index >= 8 {
            index = filter.firstBlock(in: raw, from: index, words: words)
            guard words &- index >= 8 else { break }
            for lane in 0..<8 {
                let value = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: (index &+ lane) &* 8, as: UInt64.self))
                    & window.mask
                if window.contains(value), isReturnAddress(value, state: &state) { return (index &+ lane, value) }
            }
            index &+= 8
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
        let mask32 = UInt32(truncatingIfNeeded: window.mask)
        var index = 0
        #if _endian(little)
        // Blocks of sixteen words, each tested exactly.
        let filter = BlockFilter(wordsOf: window)
        while words &- index >= 16 {
            index = filter.firstBlock(in: raw, from: index, words: words)
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
}
