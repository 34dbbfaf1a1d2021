/// The ranges of a MemoryList (5) or Memory64List (9) stream, in file order.
public struct MemoryListStream: Sendable {
    /// Which stream the ranges come from.
    public var streamType: StreamType
    /// Every range the stream lists, including ones whose bytes lie (partly) outside the file.
    public var ranges: [MemoryDescriptor]
    /// Ranges whose bytes are missing from the file, and other problems.
    public var diagnostics: [DumpDiagnostic]

    /// The sum of the ranges' sizes, saturating.
    public var totalBytes: UInt64 {
        ranges.reduce(0) { sum, range in
            let (next, overflow) = sum.addingReportingOverflow(range.size)
            return overflow ? .max : next
        }
    }

    /// Decodes `MINIDUMP_MEMORY_LIST`: a 32-bit count (perhaps padded) and 16-byte descriptors.
    init(memoryList reader: ByteReader, range: Range<Int>) throws(MiniDumpError) {
        let stream = StreamType.memoryList
        let (count, first) = try ListLayout.plainList(
            reader: reader, range: range, stride: 16, stream: stream, "MemoryList")
        var ranges = [MemoryDescriptor]()
        ranges.reserveCapacity(count)
        var at = first
        for _ in 0..<count {
            let address: UInt64 = reader.loadUnchecked(at: at)
            let size: UInt32 = reader.loadUnchecked(at: at + 8)
            let rva: UInt32 = reader.loadUnchecked(at: at + 12)
            ranges.append(MemoryDescriptor(address: address, size: UInt64(size), rva: UInt64(rva)))
            at += 16
        }
        self.streamType = stream
        self.ranges = ranges
        self.diagnostics = []
    }

    /// Decodes `MINIDUMP_MEMORY64_LIST`: a 64-bit count, a 64-bit `BaseRva`, then 16-byte
    /// descriptors whose data lie back to back from `BaseRva`.
    init(memory64List reader: ByteReader, range: Range<Int>) throws(MiniDumpError) {
        let stream = StreamType.memory64List
        var cursor = reader.cursor(over: range, stream: stream)
        let count = try cursor.read(UInt64.self, "Memory64List NumberOfMemoryRanges")
        let baseRva = try cursor.read(UInt64.self, "Memory64List BaseRva")
        guard count <= UInt64(cursor.remaining / 16) else {
            throw MiniDumpError(
                .invalidCount, offset: UInt64(range.lowerBound), stream: stream,
                "Memory64List claims \(count) ranges of 16 bytes, but the stream holds \(cursor.remaining) bytes after its header")
        }
        var ranges = [MemoryDescriptor]()
        ranges.reserveCapacity(Int(count))
        var diagnostics = [DumpDiagnostic]()
        var rva = baseRva
        var overflowed = false
        var at = cursor.position
        for index in 0..<Int(count) {
            let address: UInt64 = reader.loadUnchecked(at: at)
            let size: UInt64 = reader.loadUnchecked(at: at + 8)
            ranges.append(MemoryDescriptor(address: address, size: size, rva: overflowed ? 0 : rva))
            let (next, overflow) = rva.addingReportingOverflow(size)
            if overflow && !overflowed {
                overflowed = true
                diagnostics.append(DumpDiagnostic(
                    stream: stream, offset: UInt64(at),
                    "Memory64List range \(index) makes the data offset overflow 64 bits; later ranges have no data"))
            }
            rva = next
            at += 16
        }
        self.streamType = stream
        self.ranges = ranges
        self.diagnostics = diagnostics
    }
}
