/// The ThreadInfoList stream (type 17): per-thread times, start addresses and dump status.
/// Mirrors `MINIDUMP_THREAD_INFO_LIST` followed by `MINIDUMP_THREAD_INFO` entries.
///
/// Entries stride by the stream's own `SizeOfEntry`, so later, larger entry versions still decode.
public struct ThreadInfoListStream: Sendable {
    /// The header's `SizeOfHeader`.
    public var sizeOfHeader: UInt32
    /// The header's `SizeOfEntry` (64 for the structure this library knows).
    public var sizeOfEntry: UInt32
    /// One entry per thread, in file order.
    public var entries: [ThreadInfo]
    /// Problems found with single entries (none are currently possible once the header is valid).
    public var diagnostics: [DumpDiagnostic]

    /// The entry for `threadID`, or `nil` when the stream has none.
    public func info(forThread threadID: UInt32) -> ThreadInfo? {
        entries.first { $0.threadID == threadID }
    }

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        sizeOfHeader = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO_LIST.SizeOfHeader")
        sizeOfEntry = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO_LIST.SizeOfEntry")
        let count = try cursor.read(UInt32.self, "MINIDUMP_THREAD_INFO_LIST.NumberOfEntries")
        guard sizeOfHeader >= 12 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start), stream: .threadInfoList,
                "MINIDUMP_THREAD_INFO_LIST.SizeOfHeader is \(sizeOfHeader), less than the 12 bytes of the header")
        }
        guard let stride = Int(exactly: sizeOfEntry), stride >= ThreadInfo.size else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 4), stream: .threadInfoList,
                "MINIDUMP_THREAD_INFO_LIST.SizeOfEntry is \(sizeOfEntry), less than the \(ThreadInfo.size) bytes of MINIDUMP_THREAD_INFO")
        }
        try cursor.seek(toWindowOffset: UInt64(sizeOfHeader), "MINIDUMP_THREAD_INFO_LIST.SizeOfHeader")
        let entryCount = try cursor.checkedEntryCount(UInt64(count), stride: stride, "MINIDUMP_THREAD_INFO_LIST")
        var entries = [ThreadInfo]()
        entries.reserveCapacity(entryCount)
        for index in 0..<entryCount {
            var record = try cursor.subCursor(stride, "MINIDUMP_THREAD_INFO \(index)")
            entries.append(try ThreadInfo(parsing: &record))
        }
        self.entries = entries
        self.diagnostics = []
    }
}
