/// The ThreadNames stream (type 24): the names of the dump's threads.
/// Mirrors `MINIDUMP_THREAD_NAME_LIST`.
public struct ThreadNamesStream: Sendable {
    /// One entry per named thread, in file order.
    public var entries: [ThreadName]
    /// Names that could not be read (the entry is kept with an empty name).
    public var diagnostics: [DumpDiagnostic]

    /// The name of `threadID` (the first entry for it), or `nil` when the stream has no entry
    /// for that thread.
    public func name(forThread threadID: UInt32) -> String? {
        entries.first { $0.threadID == threadID }?.name
    }

    init(parsing cursor: inout ByteCursor, reader: ByteReader) throws(MiniDumpError) {
        let count = try cursor.read(UInt32.self, "MINIDUMP_THREAD_NAME_LIST.NumberOfThreadNames")
        // Like the other plain lists, accept 4 bytes of padding after the count.
        let (tableBytes, overflow) = UInt64(count).multipliedReportingOverflow(by: UInt64(ThreadName.size))
        if !overflow, tableBytes + 4 == UInt64(cursor.remaining) {
            try cursor.skip(4, "padding after NumberOfThreadNames")
        }
        let entryCount = try cursor.checkedEntryCount(
            UInt64(count), stride: ThreadName.size, "MINIDUMP_THREAD_NAME_LIST")
        var entries = [ThreadName]()
        entries.reserveCapacity(entryCount)
        var diagnostics = [DumpDiagnostic]()
        var budget = ReferenceBudget(reader: reader)
        for _ in 0..<entryCount {
            let threadID = try cursor.read(UInt32.self, "MINIDUMP_THREAD_NAME.ThreadId")
            let rva = try cursor.read(UInt64.self, "MINIDUMP_THREAD_NAME.RvaOfThreadName")
            let name = reader.minidumpStringOrDiagnostic(
                at: rva, stream: .threadNames, field: "name of thread \(threadID)", budget: &budget,
                into: &diagnostics)
            entries.append(ThreadName(threadID: threadID, name: name ?? "", nameRva: rva))
        }
        self.entries = entries
        self.diagnostics = diagnostics
    }
}
