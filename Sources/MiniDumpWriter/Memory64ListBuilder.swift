import MiniDump

/// Builds the Memory64List stream of a full-memory dump: `MINIDUMP_MEMORY64_LIST`
/// (`NumberOfMemoryRanges` u64, `BaseRva` u64), then 16-byte `MINIDUMP_MEMORY_DESCRIPTOR64`
/// records (`StartOfMemoryRange`, `DataSize`); the data of all ranges follows back to back from
/// `BaseRva`, after everything else in the file.
///
/// A range's bytes may be shorter than its size: the rest is zeros, which
/// ``MiniDumpBuilder/write(toPath:streamCountOverride:)`` leaves as a sparse hole instead of writing
/// it, so a 16 GiB dump of 250,000 ranges costs a few MiB of disk.
public struct Memory64ListBuilder: StreamEncoding {
    /// One range of process memory.
    public struct Range: Sendable, Hashable {
        /// `StartOfMemoryRange`: the virtual address of the first byte.
        public let address: UInt64
        /// `DataSize`: the number of bytes the range holds in the file.
        public let size: UInt64
        /// The leading bytes of the range; the remaining `size - bytes.count` bytes are zeros.
        public let bytes: [UInt8]

        /// A range holding exactly `bytes`.
        public init(address: UInt64, bytes: [UInt8]) {
            self.address = address
            self.size = UInt64(bytes.count)
            self.bytes = bytes
        }

        /// A range of `size` bytes that starts with `bytes` (cut to `size`) and is zero after them.
        public init(address: UInt64, size: UInt64, bytes: [UInt8] = []) {
            self.address = address
            self.size = size
            self.bytes = UInt64(bytes.count) > size ? Array(bytes.prefix(Int(size))) : bytes
        }
    }

    /// Always ``StreamType/memory64List``.
    public var streamType: StreamType { .memory64List }
    /// The ranges, in file order.
    public var ranges: [Range]

    /// Creates a Memory64 list.
    public init(ranges: [Range]) { self.ranges = ranges }

    /// The list as it would be written with `BaseRva` 0 (the real one is known only when the file is
    /// laid out); use ``write(into:)`` to add the stream.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var writer = ByteWriter()
        writer.u64(UInt64(ranges.count))
        writer.u64(0)
        for range in ranges {
            writer.u64(range.address)
            writer.u64(range.size)
        }
        return writer.bytes
    }

    /// Adds the stream through ``MiniDumpBuilder/addMemory64List(_:)``, which places the data at
    /// the end of the file and patches `BaseRva`.
    @discardableResult
    public func write(into builder: inout MiniDumpBuilder) -> UInt32 {
        builder.addMemory64List(ranges)
    }
}
