import MiniDump

/// Builds the ThreadNames stream: `MINIDUMP_THREAD_NAME_LIST`, a 32-bit count then 12-byte
/// `MINIDUMP_THREAD_NAME` records (`ThreadId`, `RvaOfThreadName` as a 64-bit RVA), each name a
/// `MINIDUMP_STRING`.
public struct ThreadNamesBuilder: StreamEncoding {
    /// One thread's name.
    public struct Name: Sendable, Hashable {
        /// `ThreadId`.
        public var threadId: UInt32
        /// The name.
        public var name: String
        /// Replaces the written `RvaOfThreadName`.
        public var rvaOverride: UInt64?

        /// Creates a thread name.
        public init(threadId: UInt32, name: String) {
            self.threadId = threadId
            self.name = name
        }
    }

    /// Always ``StreamType/threadNames``.
    public var streamType: StreamType { .threadNames }
    /// The names, in order.
    public var names: [Name]

    /// Creates a thread-name list.
    public init(names: [Name]) { self.names = names }

    /// Appends the name strings, then returns the list.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] {
        var writer = ByteWriter()
        writer.u32(UInt32(names.count))
        for name in names {
            writer.u32(name.threadId)
            writer.u64(name.rvaOverride ?? UInt64(builder.appendString(name.name)))
        }
        return writer.bytes
    }
}
