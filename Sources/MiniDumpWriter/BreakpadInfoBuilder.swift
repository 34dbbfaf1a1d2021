import MiniDump

/// Builds Breakpad's BreakpadInfo stream (`0x47670001`): `MDRawBreakpadInfo`, 12 bytes —
/// `validity`, `dump_thread_id`, `requesting_thread_id`.
public struct BreakpadInfoBuilder: StreamEncoding {
    /// Always ``StreamType/breakpadInfo``.
    public var streamType: StreamType { .breakpadInfo }
    /// The thread that wrote the dump (the handler thread); `nil` clears its validity bit.
    public var dumpThreadId: UInt32?
    /// The thread that requested the dump (the crashing one); `nil` clears its validity bit.
    public var requestingThreadId: UInt32?

    /// Creates a BreakpadInfo record.
    public init(dumpThreadId: UInt32?, requestingThreadId: UInt32?) {
        self.dumpThreadId = dumpThreadId
        self.requestingThreadId = requestingThreadId
    }

    /// The 12 bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        let validity: UInt32 = (dumpThreadId == nil ? 0 : 1) | (requestingThreadId == nil ? 0 : 2)
        return ByteWriter.words32([validity, dumpThreadId ?? 0, requestingThreadId ?? 0])
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
