/// The FunctionTable stream (type 13): dynamic function tables (unwind data for generated code).
/// Mirrors `MINIDUMP_FUNCTION_TABLE_STREAM`: a header and its padding, then for each table a
/// `MINIDUMP_FUNCTION_TABLE_DESCRIPTOR`, the native descriptor, `EntryCount` function entries
/// and the descriptor's padding.
public struct FunctionTableStream: Sendable {
    /// The header's `SizeOfHeader`.
    public var sizeOfHeader: UInt32
    /// The header's `SizeOfDescriptor` (32 for the structure this library knows).
    public var sizeOfDescriptor: UInt32
    /// The header's `SizeOfNativeDescriptor` (112 for AMD64's `DYNAMIC_FUNCTION_TABLE`).
    public var sizeOfNativeDescriptor: UInt32
    /// The header's `SizeOfFunctionEntry` (12 for AMD64's `RUNTIME_FUNCTION`).
    public var sizeOfFunctionEntry: UInt32
    /// The header's `SizeOfAlignPad`: padding between the header and the first table.
    public var sizeOfAlignPad: UInt32
    /// Every table that could be read, in file order.
    public var tables: [FunctionTableDescriptor]
    /// Tables cut short by the end of the stream.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        let name = "MINIDUMP_FUNCTION_TABLE_STREAM"
        sizeOfHeader = try cursor.read(UInt32.self, "\(name).SizeOfHeader")
        sizeOfDescriptor = try cursor.read(UInt32.self, "\(name).SizeOfDescriptor")
        sizeOfNativeDescriptor = try cursor.read(UInt32.self, "\(name).SizeOfNativeDescriptor")
        sizeOfFunctionEntry = try cursor.read(UInt32.self, "\(name).SizeOfFunctionEntry")
        let count = try cursor.read(UInt32.self, "\(name).NumberOfDescriptors")
        sizeOfAlignPad = try cursor.read(UInt32.self, "\(name).SizeOfAlignPad")
        guard sizeOfHeader >= 24 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start), stream: .functionTable,
                "\(name).SizeOfHeader is \(sizeOfHeader), less than its 24 bytes")
        }
        guard let descriptorSize = Int(exactly: sizeOfDescriptor), descriptorSize >= 32 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 4), stream: .functionTable,
                "\(name).SizeOfDescriptor is \(sizeOfDescriptor), less than the 32 bytes of MINIDUMP_FUNCTION_TABLE_DESCRIPTOR")
        }
        guard let entrySize = Int(exactly: sizeOfFunctionEntry), entrySize > 0 else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 12), stream: .functionTable,
                "\(name).SizeOfFunctionEntry is 0")
        }
        guard let nativeSize = Int(exactly: sizeOfNativeDescriptor) else {
            throw MiniDumpError(
                .invalidValue, offset: UInt64(cursor.start + 8), stream: .functionTable,
                "\(name).SizeOfNativeDescriptor is \(sizeOfNativeDescriptor)")
        }
        try cursor.seek(
            toWindowOffset: UInt64(sizeOfHeader) + UInt64(sizeOfAlignPad), "\(name).SizeOfHeader + SizeOfAlignPad")
        let (minimumStride, overflow) = descriptorSize.addingReportingOverflow(nativeSize)
        guard !overflow else {
            throw MiniDumpError(
                .invalidCount, offset: UInt64(cursor.start + 8), stream: .functionTable,
                "\(name).SizeOfNativeDescriptor is \(sizeOfNativeDescriptor)")
        }
        let tableCount = try cursor.checkedEntryCount(UInt64(count), stride: minimumStride, name)
        var tables = [FunctionTableDescriptor]()
        tables.reserveCapacity(tableCount)
        var diagnostics = [DumpDiagnostic]()
        for index in 0..<tableCount {
            let tableOffset = cursor.offset
            guard cursor.remaining >= minimumStride else {
                diagnostics.append(DumpDiagnostic(
                    stream: .functionTable, offset: tableOffset,
                    "function table \(index) needs \(minimumStride) bytes but \(cursor.remaining) remain; \(tableCount - index) tables are ignored"))
                break
            }
            var record = try cursor.subCursor(descriptorSize, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR \(index)")
            let minimumAddress = try record.read(UInt64.self, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR.MinimumAddress")
            let maximumAddress = try record.read(UInt64.self, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR.MaximumAddress")
            let baseAddress = try record.read(UInt64.self, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR.BaseAddress")
            let entryCount = try record.read(UInt32.self, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR.EntryCount")
            let padding = try record.read(UInt32.self, "MINIDUMP_FUNCTION_TABLE_DESCRIPTOR.SizeOfAlignPad")
            let native = try cursor.readBytes(nativeSize, "native descriptor \(index)")
            // Entries that do not fit are dropped; the next table's position is then unknown.
            let fitting = min(UInt64(entryCount), UInt64(cursor.remaining / entrySize))
            var entries = [FunctionTableEntry]()
            let fittingCount = Int(exactly: fitting) ?? 0
            entries.reserveCapacity(fittingCount)
            for _ in 0..<fittingCount {
                entries.append(FunctionTableEntry(
                    bytes: try cursor.readBytes(entrySize, "function entry"), baseAddress: baseAddress))
            }
            tables.append(FunctionTableDescriptor(
                minimumAddress: minimumAddress, maximumAddress: maximumAddress, baseAddress: baseAddress,
                entryCount: entryCount, nativeDescriptor: native, entries: entries))
            if fitting < UInt64(entryCount) {
                diagnostics.append(DumpDiagnostic(
                    stream: .functionTable, offset: tableOffset,
                    "function table \(index) declares \(entryCount) entries of \(entrySize) bytes but only \(fitting) fit in the stream; \(tableCount - index - 1) later tables are ignored"))
                break
            }
            let skip = min(Int(exactly: padding) ?? cursor.remaining, cursor.remaining)
            try cursor.skip(skip, "descriptor padding")
        }
        self.tables = tables
        self.diagnostics = diagnostics
    }
}
