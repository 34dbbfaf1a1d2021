import MiniDump

/// Builds the ThreadInfoList stream: `MINIDUMP_THREAD_INFO_LIST` (12-byte header: `SizeOfHeader`,
/// `SizeOfEntry`, `NumberOfEntries`) then 64-byte `MINIDUMP_THREAD_INFO` records.
public struct ThreadInfoListBuilder: StreamEncoding {
    /// One `MINIDUMP_THREAD_INFO`.
    public struct Entry: Sendable, Hashable {
        /// `ThreadId`.
        public var threadId: UInt32
        /// `DumpFlags` (`MINIDUMP_THREAD_INFO_*`: 1 error, 2 writing thread, 4 exited, ...).
        public var dumpFlags: UInt32
        /// `DumpError` (an HRESULT).
        public var dumpError: UInt32
        /// `ExitStatus` (`STILL_ACTIVE` = 0x103 for a running thread).
        public var exitStatus: UInt32
        /// `CreateTime` (FILETIME, 100 ns since 1601).
        public var createTime: UInt64
        /// `ExitTime` (FILETIME, 0 while running).
        public var exitTime: UInt64
        /// `KernelTime` (100 ns units).
        public var kernelTime: UInt64
        /// `UserTime` (100 ns units).
        public var userTime: UInt64
        /// `StartAddress`: the thread's start routine.
        public var startAddress: UInt64
        /// `Affinity` mask.
        public var affinity: UInt64

        /// Creates a thread-info record.
        public init(
            threadId: UInt32, dumpFlags: UInt32 = 0, dumpError: UInt32 = 0, exitStatus: UInt32 = 0x103,
            createTime: UInt64 = 0, exitTime: UInt64 = 0, kernelTime: UInt64 = 0, userTime: UInt64 = 0,
            startAddress: UInt64 = 0, affinity: UInt64 = 0
        ) {
            self.threadId = threadId
            self.dumpFlags = dumpFlags
            self.dumpError = dumpError
            self.exitStatus = exitStatus
            self.createTime = createTime
            self.exitTime = exitTime
            self.kernelTime = kernelTime
            self.userTime = userTime
            self.startAddress = startAddress
            self.affinity = affinity
        }

        /// The 64 bytes.
        public var bytes: [UInt8] {
            var writer = ByteWriter()
            writer.u32(threadId)
            writer.u32(dumpFlags)
            writer.u32(dumpError)
            writer.u32(exitStatus)
            for value in [createTime, exitTime, kernelTime, userTime, startAddress, affinity] { writer.u64(value) }
            return writer.bytes
        }
    }

    /// Always ``StreamType/threadInfoList``.
    public var streamType: StreamType { .threadInfoList }
    /// The entries, in order.
    public var entries: [Entry]

    /// Creates a thread-info list.
    public init(entries: [Entry]) { self.entries = entries }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(12)
        writer.u32(64)
        writer.u32(UInt32(entries.count))
        for entry in entries { writer.append(entry.bytes) }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
