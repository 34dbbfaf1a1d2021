extension AddressSpace {
    /// One captured segment with the file bytes behind it: reads inside it need no search.
    ///
    /// The stack walker reads its thread's stack thousands of times; through ``AddressSpace`` each
    /// read was a binary search over the segments and an unspecialised generic load (a tenth of a
    /// 10,000-frame walk; docs/performance.md). Segments do not overlap, so a read inside the
    /// window returns exactly what the address space returns.
    struct Window: Sendable {
        let segment: Segment
        let reader: ByteReader

        /// The file range of the `count` bytes at `address`, when all of them lie in the segment.
        func fileRange(at address: UInt64, count: Int) -> Range<Int>? {
            guard count >= 0, address >= segment.address else { return nil }
            let offset = address - segment.address
            guard offset < segment.size, UInt64(count) <= segment.size - offset else { return nil }
            return reader.range(offset: segment.rva + offset, length: UInt64(count))
        }

        /// A 4- or 8-byte little-endian value at `address`, widened to 64 bits, when it lies in the
        /// segment.
        func pointer(at address: UInt64, size: Int) -> UInt64? {
            guard let range = fileRange(at: address, count: size) else { return nil }
            return size == 4
                ? UInt64(reader.loadUnchecked(UInt32.self, at: range.lowerBound))
                : reader.loadUnchecked(UInt64.self, at: range.lowerBound)
        }

        /// Calls `body` with the `count` bytes at `address` when they lie in the segment.
        func withBytes<R>(at address: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
            guard let range = fileRange(at: address, count: count) else { return nil }
            return reader.withBytes(in: range, body)
        }
    }

    /// The window on the segment containing `address`, or `nil` when that byte was not captured.
    func window(containing address: UInt64) -> Window? {
        segment(containing: address).map { Window(segment: $0, reader: reader) }
    }
}
