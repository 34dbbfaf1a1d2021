/// The header of the "Ex"-style lists (`MINIDUMP_UNLOADED_MODULE_LIST`,
/// `MINIDUMP_MEMORY_INFO_LIST`): `SizeOfHeader`, `SizeOfEntry`, then a 32- or 64-bit count.
enum SizedEntryTable {
    /// Reads the header, moves `cursor` to the first entry (at `SizeOfHeader` from the stream's
    /// start) and checks that count × `SizeOfEntry` fits in the rest of the stream before anything
    /// is allocated.
    ///
    /// Throws ``MiniDumpError/Kind/invalidValue`` when the header or entry size is smaller than the
    /// fields this library reads, and ``MiniDumpError/Kind/invalidCount`` when the entries do not fit.
    static func read(
        _ cursor: inout ByteCursor, countSize: Int, minimumHeader: Int, minimumEntry: Int,
        stream: StreamType, what: String
    ) throws(MiniDumpError) -> (count: Int, entrySize: Int) {
        let start = cursor.position
        let headerSize = try cursor.read(UInt32.self, "\(what).SizeOfHeader")
        let entrySize = try cursor.read(UInt32.self, "\(what).SizeOfEntry")
        let countOffset = cursor.offset
        let count: UInt64 = countSize == 8
            ? try cursor.read(UInt64.self, "\(what).NumberOfEntries")
            : UInt64(try cursor.read(UInt32.self, "\(what).NumberOfEntries"))
        guard let header = Int(exactly: headerSize), header >= minimumHeader else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(start), stream: stream,
                "\(what).SizeOfHeader is \(headerSize), less than the \(minimumHeader) bytes of its fields")
        }
        guard let entry = Int(exactly: entrySize), entry >= minimumEntry else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(start) + 4, stream: stream,
                "\(what).SizeOfEntry is \(entrySize), less than the \(minimumEntry) bytes of an entry")
        }
        let (first, overflow) = start.addingReportingOverflow(header)
        guard !overflow, first <= cursor.end else {
            throw MiniDumpError(
                .truncated, offset: UInt64(start), stream: stream,
                "\(what).SizeOfHeader is \(headerSize), but the stream has \(cursor.end - start) bytes")
        }
        try cursor.seek(to: first)
        let available = UInt64(cursor.remaining)
        let (table, tableOverflow) = count.multipliedReportingOverflow(by: UInt64(entrySize))
        guard !tableOverflow, table <= available, let entries = Int(exactly: count) else {
            throw MiniDumpError(
                .invalidCount, offset: countOffset, stream: stream,
                "\(what) claims \(count) entries of \(entrySize) bytes, but only \(available) bytes follow its header")
        }
        return (entries, entry)
    }
}
