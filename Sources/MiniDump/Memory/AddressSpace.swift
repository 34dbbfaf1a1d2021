/// The crashed process's memory as the dump captured it: every range of the MemoryList and
/// Memory64List, sorted by address, readable by virtual address.
///
/// Reads may span adjacent ranges. Ranges whose bytes lie past the end of a truncated file are kept
/// as far as their bytes reach, and the rest is reported in ``diagnostics``. Building the index reads
/// only the range descriptors, never the memory bytes.
public struct AddressSpace: MemoryReading, Sendable {
    /// One readable piece: `size` bytes at virtual `address`, stored at file offset `rva`.
    public struct Segment: Sendable, Hashable {
        public var address: UInt64
        public var size: UInt64
        public var rva: UInt64

        /// One past the last address (the segment never wraps: construction trims it).
        public var endAddress: UInt64 { address &+ size }
    }

    /// The readable segments, sorted by address and non-overlapping.
    public let segments: [Segment]
    /// Ranges that were cut short, lay outside the file, or overlapped another range.
    public let diagnostics: [DumpDiagnostic]
    let reader: ByteReader

    /// Builds the index from the memory lists, plus `supplementary` ranges (thread stacks that a
    /// writer stored outside the memory lists), which fill gaps only and never warn about overlaps.
    init(
        reader: ByteReader, lists: [MemoryListStream], supplementary: [MemoryDescriptor] = [],
        diagnostics: [DumpDiagnostic]
    ) {
        var notes = diagnostics
        var pieces = [Segment]()
        pieces.reserveCapacity(lists.reduce(0) { $0 + $1.ranges.count } + supplementary.count)
        let fileSize = UInt64(reader.count)
        for list in lists {
            notes.append(contentsOf: list.diagnostics)
            for range in list.ranges where range.size > 0 {
                if range.rva == 0 && list.streamType == .memoryList {
                    continue // found by address elsewhere (e.g. a stack captured in another list)
                }
                var size = range.size
                let maxSize = UInt64.max - range.address
                if size > maxSize {
                    size = maxSize
                    notes.append(DumpDiagnostic(
                        stream: list.streamType, offset: range.rva,
                        "range at \(Hex.format(range.address)) of \(range.size) bytes wraps the address space; trimmed"))
                }
                guard range.rva < fileSize else {
                    notes.append(DumpDiagnostic(
                        stream: list.streamType, offset: range.rva,
                        "range at \(Hex.format(range.address)) (\(size) bytes) lies past the end of the \(fileSize)-byte file"))
                    continue
                }
                let available = fileSize - range.rva
                if size > available {
                    notes.append(DumpDiagnostic(
                        stream: list.streamType, offset: range.rva,
                        "range at \(Hex.format(range.address)) is cut short by the end of the file: \(available) of \(size) bytes kept"))
                    size = available
                }
                pieces.append(Segment(address: range.address, size: size, rva: range.rva))
            }
        }
        let fileSize64 = fileSize
        var extra = [Segment]()
        var quietRvas = [UInt64]()
        for range in supplementary where range.size > 0 && range.rva != 0 && range.rva < fileSize64 {
            let size = min(range.size, fileSize64 - range.rva, UInt64.max - range.address)
            quietRvas.append(range.rva)
            extra.append(Segment(address: range.address, size: size, rva: range.rva))
        }
        // The stacks' file offsets, sorted (a Set costs more in runtime type instantiation on first
        // use in a process than the whole summary does; docs/performance.md).
        quietRvas.sort()
        func isQuiet(_ rva: UInt64) -> Bool {
            var low = 0
            var high = quietRvas.count
            while low < high {
                let mid = (low + high) / 2
                if quietRvas[mid] < rva { low = mid + 1 } else { high = mid }
            }
            return low < quietRvas.count && quietRvas[low] == rva
        }
        func precedes(_ lhs: Segment, _ rhs: Segment) -> Bool {
            if lhs.address != rhs.address { return lhs.address < rhs.address }
            let lhsQuiet = isQuiet(lhs.rva)
            let rhsQuiet = isQuiet(rhs.rva)
            if lhsQuiet != rhsQuiet { return !lhsQuiet }
            return lhs.rva < rhs.rva
        }
        // Memory lists are normally sorted already and the stacks are few: sort the stacks and merge
        // them in from the back, so a full dump's 250,000 ranges are neither re-sorted nor copied.
        // A stack inside a list range that sorts before it (the usual case) would be dropped by the
        // overlap pass without a diagnostic, so it is dropped here.
        extra.sort(by: precedes)
        if zip(pieces, pieces.dropFirst()).allSatisfy({ !precedes($1, $0) }) {
            extra.removeAll { stack in
                var low = 0
                var high = pieces.count
                while low < high {
                    let mid = (low + high) / 2
                    if pieces[mid].address <= stack.address { low = mid + 1 } else { high = mid }
                }
                return low > 0 && pieces[low - 1].endAddress >= stack.endAddress && !precedes(stack, pieces[low - 1])
            }
            var read = pieces.count - 1
            var readExtra = extra.count - 1
            pieces.append(contentsOf: extra)
            var write = pieces.count - 1
            while readExtra >= 0 {
                if read >= 0 && precedes(extra[readExtra], pieces[read]) {
                    pieces[write] = pieces[read]
                    read -= 1
                } else {
                    pieces[write] = extra[readExtra]
                    readExtra -= 1
                }
                write -= 1
            }
        } else {
            pieces.append(contentsOf: extra)
            pieces.sort(by: precedes)
        }
        // Overlaps, in place: pieces[0 ..< kept] are the segments so far.
        var kept = 0
        for index in pieces.indices {
            let piece = pieces[index]
            if kept > 0, piece.address < pieces[kept - 1].endAddress {
                // Overlap: keep what the earlier range holds, add only the part past it.
                let last = pieces[kept - 1]
                let samePlace = piece.rva == last.rva && piece.address == last.address
                if !samePlace && !isQuiet(piece.rva) && !isQuiet(last.rva) { notes.append(DumpDiagnostic(
                    stream: .memoryList, offset: piece.rva,
                    "range at \(Hex.format(piece.address)) overlaps the range at \(Hex.format(last.address))")) }
                guard piece.endAddress > last.endAddress else { continue }
                let skip = last.endAddress - piece.address
                pieces[kept] = Segment(address: last.endAddress, size: piece.size - skip, rva: piece.rva + skip)
            } else {
                pieces[kept] = piece
            }
            kept += 1
        }
        pieces.removeSubrange(kept...)
        self.segments = pieces
        self.diagnostics = notes
        self.reader = reader
    }

    /// The total number of bytes readable.
    public var totalBytes: UInt64 { segments.reduce(0) { $0 &+ $1.size } }

    /// The index of the segment containing `address`, or `nil`.
    public func segmentIndex(containing address: UInt64) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].address <= address { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let candidate = low - 1
        return address < segments[candidate].endAddress ? candidate : nil
    }

    /// The segment containing `address`, or `nil` when that byte was not captured.
    public func segment(containing address: UInt64) -> Segment? {
        segmentIndex(containing: address).map { segments[$0] }
    }

    /// True when every byte of `address ..< address + count` was captured.
    public func contains(_ address: UInt64, count: Int) -> Bool {
        withSpan(address: address, count: count) { _, _ in true } ?? false
    }

    public func withBytes<R>(at address: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard count >= 0, let index = segmentIndex(containing: address) else { return nil }
        let segment = segments[index]
        let offsetInSegment = address - segment.address
        guard UInt64(count) <= segment.size - offsetInSegment,
              let range = reader.range(offset: segment.rva + offsetInSegment, length: UInt64(count))
        else { return nil }
        return try reader.withBytes(in: range, body)
    }

    /// A little-endian integer at `address`, or `nil` when it was not captured: one lookup and one
    /// load when it lies in one segment, otherwise assembled across adjacent segments.
    public func value<T: FixedWidthInteger>(_: T.Type = T.self, at address: UInt64) -> T? {
        let size = MemoryLayout<T>.size
        if let index = segmentIndex(containing: address) {
            let segment = segments[index]
            let offsetInSegment = address - segment.address
            if UInt64(size) <= segment.size - offsetInSegment,
               let range = reader.range(offset: segment.rva + offsetInSegment, length: UInt64(size)) {
                // Copied rather than loaded: called through `any MemoryReading`, this body runs
                // unspecialized, and a generic `loadUnaligned` costs a runtime metadata lookup.
                var value = T.zero
                withUnsafeMutableBytes(of: &value) { target in
                    reader.withBytes(in: range) { target.copyMemory(from: $0) }
                }
                return T(littleEndian: value)
            }
        }
        return bytes(at: address, count: size).map { array in
            array.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }
    }

    public func bytes(at address: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0 else { return nil }
        if let direct = withBytes(at: address, count: count, { Array($0) }) { return direct }
        return withSpan(address: address, count: count) { reader, ranges in
            var out = [UInt8]()
            out.reserveCapacity(count)
            for range in ranges { out.append(contentsOf: reader.bytes(in: range)) }
            return out
        }
    }

    /// Walks the segments covering `address ..< address + count` (adjacent segments may continue one
    /// another) and gives their file ranges to `body`; `nil` when any byte is missing.
    private func withSpan<R>(address: UInt64, count: Int, _ body: (ByteReader, [Range<Int>]) -> R) -> R? {
        guard count >= 0 else { return nil }
        guard count > 0 else { return segmentIndex(containing: address) == nil ? nil : body(reader, []) }
        let (_, wraps) = address.addingReportingOverflow(UInt64(count))
        guard !wraps, var index = segmentIndex(containing: address) else { return nil }
        var ranges = [Range<Int>]()
        var cursor = address
        var left = UInt64(count)
        while left > 0 {
            guard index < segments.count, segments[index].address == cursor || segments[index].contains(cursor) else {
                return nil
            }
            let segment = segments[index]
            let skip = cursor - segment.address
            let take = min(left, segment.size - skip)
            guard let range = reader.range(offset: segment.rva + skip, length: take) else { return nil }
            ranges.append(range)
            cursor += take
            left -= take
            index += 1
        }
        return body(reader, ranges)
    }
}

extension AddressSpace.Segment {
    func contains(_ address: UInt64) -> Bool { address >= self.address && address < endAddress }
}
