import MiniDump

/// Builds the ThreadList stream: `MINIDUMP_THREAD_LIST`, a 32-bit count then 48-byte
/// `MINIDUMP_THREAD` records, optionally with the 4 bytes of padding after the count that some
/// writers put there.
///
/// The records refer to data already in the file: append each context with
/// ``MiniDumpBuilder/appendLocation(_:)`` and each stack with
/// ``MiniDumpBuilder/appendMemory(address:bytes:)`` first.
public struct ThreadListBuilder: StreamEncoding {
    /// One `MINIDUMP_THREAD` (or, with a backing store, `MINIDUMP_THREAD_EX`).
    public struct Thread: Sendable, Hashable {
        /// `ThreadId`.
        public var id: UInt32
        /// `SuspendCount`.
        public var suspendCount: UInt32
        /// `PriorityClass` (0x20 is `NORMAL_PRIORITY_CLASS`).
        public var priorityClass: UInt32
        /// `Priority`.
        public var priority: UInt32
        /// `Teb`: the address of the thread environment block.
        public var teb: UInt64
        /// `Stack`: the captured stack memory.
        public var stack: WrittenMemory
        /// `ThreadContext`: the location of the CPU context.
        public var context: WrittenLocation
        /// `BackingStore` (IA-64 register backing store); written only in a ThreadExList.
        public var backingStore: WrittenMemory

        /// Creates a thread record.
        public init(
            id: UInt32, suspendCount: UInt32 = 0, priorityClass: UInt32 = 0x20, priority: UInt32 = 0,
            teb: UInt64 = 0, stack: WrittenMemory = .none, context: WrittenLocation = .none,
            backingStore: WrittenMemory = .none
        ) {
            self.id = id
            self.suspendCount = suspendCount
            self.priorityClass = priorityClass
            self.priority = priority
            self.teb = teb
            self.stack = stack
            self.context = context
            self.backingStore = backingStore
        }

        /// The 48-byte `MINIDUMP_THREAD`.
        public var record: [UInt8] {
            var writer = ByteWriter()
            writer.u32(id)
            writer.u32(suspendCount)
            writer.u32(priorityClass)
            writer.u32(priority)
            writer.u64(teb)
            writer.memoryDescriptor(stack)
            writer.location(context)
            return writer.bytes
        }
    }

    /// Always ``StreamType/threadList``.
    public var streamType: StreamType { .threadList }
    /// The threads, in order.
    public var threads: [Thread]
    /// Writes 4 zero bytes after the count, so records start at offset 8.
    public var paddedCount: Bool
    /// Replaces the written count (to claim more threads than the stream holds).
    public var countOverride: UInt32?

    /// Creates a thread list.
    public init(threads: [Thread], paddedCount: Bool = false, countOverride: UInt32? = nil) {
        self.threads = threads
        self.paddedCount = paddedCount
        self.countOverride = countOverride
    }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(countOverride ?? UInt32(threads.count))
        if paddedCount { writer.u32(0) }
        for thread in threads { writer.append(thread.record) }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
