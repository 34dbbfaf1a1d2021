import MiniDump

/// Builds Breakpad's `LinuxAuxv` stream (`0x47670008`): the process's `/proc/self/auxv`, pairs of
/// (type, value) words ending with `AT_NULL`, 8 bytes each on 64-bit targets and 4 on 32-bit ones.
public struct LinuxAuxvBuilder: StreamEncoding {
    /// Always ``StreamType/linuxAuxv``.
    public var streamType: StreamType { .linuxAuxv }
    /// The (type, value) pairs, without the terminating `AT_NULL` pair.
    public var entries: [(type: UInt64, value: UInt64)]
    /// Writes 32-bit words instead of 64-bit ones.
    public var is32Bit: Bool

    /// Creates an auxiliary vector.
    public init(entries: [(type: UInt64, value: UInt64)], is32Bit: Bool = false) {
        self.entries = entries
        self.is32Bit = is32Bit
    }

    /// The stream bytes, `AT_NULL` pair included (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        for (type, value) in entries + [(0, 0)] {
            if is32Bit {
                writer.u32(UInt32(truncatingIfNeeded: type))
                writer.u32(UInt32(truncatingIfNeeded: value))
            } else {
                writer.u64(type)
                writer.u64(value)
            }
        }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
