import MiniDump

/// Builds the MemoryList stream: `MINIDUMP_MEMORY_LIST`, a 32-bit count then 16-byte
/// `MINIDUMP_MEMORY_DESCRIPTOR` records; optionally with 4 bytes of padding after the count.
///
/// The descriptors refer to bytes already in the file (``MiniDumpBuilder/appendMemory(address:bytes:)``);
/// a thread's stack descriptor is usually listed here too, pointing at the same bytes.
public struct MemoryListBuilder: StreamEncoding {
    /// Always ``StreamType/memoryList``.
    public var streamType: StreamType { .memoryList }
    /// The ranges, in order.
    public var ranges: [WrittenMemory]
    /// Writes 4 zero bytes after the count, so descriptors start at offset 8.
    public var paddedCount: Bool
    /// Replaces the written count.
    public var countOverride: UInt32?

    /// Creates a memory list.
    public init(ranges: [WrittenMemory], paddedCount: Bool = false, countOverride: UInt32? = nil) {
        self.ranges = ranges
        self.paddedCount = paddedCount
        self.countOverride = countOverride
    }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(countOverride ?? UInt32(ranges.count))
        if paddedCount { writer.u32(0) }
        for range in ranges { writer.memoryDescriptor(range) }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
