/// The decoded ModuleList stream (type 4): every module loaded in the crashed process, in file
/// order. Mirrors `MINIDUMP_MODULE_LIST`.
///
/// Accepts the 4 bytes of padding some writers put after the count. A module whose name or
/// CodeView record is unreadable is still listed, and ``diagnostics`` says what was wrong.
public struct ModuleListStream: Sendable {
    /// The modules in file order.
    public var modules: [DumpModule]
    /// Problems with single modules (unreadable names, CodeView records past the end of the file).
    public var diagnostics: [DumpDiagnostic]
    /// True when the writer put 4 bytes of padding between the count and the first entry.
    public var isPadded: Bool

    /// Creates a stream value from decoded parts.
    public init(modules: [DumpModule], diagnostics: [DumpDiagnostic] = [], isPadded: Bool = false) {
        self.modules = modules
        self.diagnostics = diagnostics
        self.isPadded = isPadded
    }

    /// Decodes the stream in `cursor`. Throws when the count does not fit in the stream.
    init(parsing cursor: ByteCursor, reader: ByteReader) throws(MiniDumpError) {
        var cursor = cursor
        let layout = try Self.layout(&cursor)
        var modules = [DumpModule]()
        modules.reserveCapacity(layout.count)
        var diagnostics = [DumpDiagnostic]()
        for index in 0..<layout.count {
            var entry = try cursor.subCursor(DumpModule.stride, "MINIDUMP_MODULE \(index)")
            modules.append(try DumpModule(parsing: &entry, index: index, reader: reader, diagnostics: &diagnostics))
        }
        self.init(modules: modules, diagnostics: diagnostics, isPadded: layout.isPadded)
    }

    /// Reads the 32-bit count, skips the 4 bytes of padding when the stream is exactly that much
    /// longer than the entries, and checks that the entries fit in the stream before anything is
    /// allocated.
    private static func layout(_ cursor: inout ByteCursor) throws(MiniDumpError) -> (count: Int, isPadded: Bool) {
        let stride = UInt64(DumpModule.stride)
        let streamSize = UInt64(cursor.remaining)
        let countOffset = cursor.offset
        let count = try cursor.read(UInt32.self, "MINIDUMP_MODULE_LIST.NumberOfModules")
        let (table, overflow) = UInt64(count).multipliedReportingOverflow(by: stride)
        let isPadded = !overflow && streamSize >= 8 && streamSize - 8 == table
        guard !overflow, isPadded || streamSize - 4 >= table, let entries = Int(exactly: count) else {
            throw MiniDumpError(
                .invalidCount, offset: countOffset, stream: .moduleList,
                "MINIDUMP_MODULE_LIST claims \(count) modules of \(stride) bytes, but the stream has \(streamSize) bytes")
        }
        if isPadded { try cursor.skip(4, "MINIDUMP_MODULE_LIST padding") }
        return (entries, isPadded)
    }
}
