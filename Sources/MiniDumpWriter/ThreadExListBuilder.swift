import MiniDump

/// Builds the ThreadExList stream: `MINIDUMP_THREAD_EX_LIST`, a 32-bit count then 64-byte
/// `MINIDUMP_THREAD_EX` records (a `MINIDUMP_THREAD` followed by its `BackingStore` memory
/// descriptor).
public struct ThreadExListBuilder: StreamEncoding {
    /// Always ``StreamType/threadExList``.
    public var streamType: StreamType { .threadExList }
    /// The threads, in order; ``ThreadListBuilder/Thread/backingStore`` is written for each.
    public var threads: [ThreadListBuilder.Thread]
    /// Replaces the written count.
    public var countOverride: UInt32?

    /// Creates a ThreadEx list.
    public init(threads: [ThreadListBuilder.Thread], countOverride: UInt32? = nil) {
        self.threads = threads
        self.countOverride = countOverride
    }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(countOverride ?? UInt32(threads.count))
        for thread in threads {
            writer.append(thread.record)
            writer.memoryDescriptor(thread.backingStore)
        }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
