/// The threads of the ThreadList (3) or ThreadExList (8) stream, in file order.
public struct ThreadListStream: Sendable {
    /// Which stream the threads come from.
    public var streamType: StreamType
    /// The thread records.
    public var threads: [ThreadRecord]
    /// Problems with single entries.
    public var diagnostics: [DumpDiagnostic]

    /// Decodes `MINIDUMP_THREAD_LIST` (`extended == false`, 48-byte entries) or
    /// `MINIDUMP_THREAD_EX_LIST` (64-byte entries).
    init(reader: ByteReader, range: Range<Int>, extended: Bool) throws(MiniDumpError) {
        let stream: StreamType = extended ? .threadExList : .threadList
        let stride = extended ? 64 : 48
        let (count, first) = try ListLayout.plainList(
            reader: reader, range: range, stride: stride, stream: stream, extended ? "ThreadExList" : "ThreadList")
        var threads = [ThreadRecord]()
        threads.reserveCapacity(count)
        var at = first
        for _ in 0..<count {
            let stackAddress: UInt64 = reader.loadUnchecked(at: at + 24)
            let stackSize: UInt32 = reader.loadUnchecked(at: at + 32)
            let stackRva: UInt32 = reader.loadUnchecked(at: at + 36)
            let contextSize: UInt32 = reader.loadUnchecked(at: at + 40)
            let contextRva: UInt32 = reader.loadUnchecked(at: at + 44)
            var backing: MemoryDescriptor?
            if extended {
                let address: UInt64 = reader.loadUnchecked(at: at + 48)
                let size: UInt32 = reader.loadUnchecked(at: at + 56)
                let rva: UInt32 = reader.loadUnchecked(at: at + 60)
                backing = MemoryDescriptor(address: address, size: UInt64(size), rva: UInt64(rva))
            }
            threads.append(ThreadRecord(
                threadId: reader.loadUnchecked(at: at),
                suspendCount: reader.loadUnchecked(at: at + 4),
                priorityClass: reader.loadUnchecked(at: at + 8),
                priority: reader.loadUnchecked(at: at + 12),
                teb: reader.loadUnchecked(at: at + 16),
                stack: MemoryDescriptor(address: stackAddress, size: UInt64(stackSize), rva: UInt64(stackRva)),
                contextLocation: LocationDescriptor(size: UInt64(contextSize), rva: UInt64(contextRva)),
                backingStore: backing))
            at += stride
        }
        self.streamType = stream
        self.threads = threads
        self.diagnostics = []
    }
}

extension MiniDumpFile {
    /// The ThreadList stream (3), or `nil` when the dump has none.
    public func threadList() throws(MiniDumpError) -> ThreadListStream? {
        try cached("threadList") { () throws(MiniDumpError) -> ThreadListStream? in
            guard let entry = entry(for: .threadList) else { return nil }
            return try ThreadListStream(reader: reader, range: streamRange(entry), extended: false)
        }
    }

    /// The ThreadExList stream (8), or `nil` when the dump has none.
    public func threadExList() throws(MiniDumpError) -> ThreadListStream? {
        try cached("threadExList") { () throws(MiniDumpError) -> ThreadListStream? in
            guard let entry = entry(for: .threadExList) else { return nil }
            return try ThreadListStream(reader: reader, range: streamRange(entry), extended: true)
        }
    }
}
