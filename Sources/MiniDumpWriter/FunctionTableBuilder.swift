import MiniDump

/// Builds the FunctionTable stream (dynamic function tables registered with
/// `RtlInstallFunctionTableCallback`/`RtlAddFunctionTable`): `MINIDUMP_FUNCTION_TABLE_STREAM`
/// (24-byte header) then, per table, a 32-byte `MINIDUMP_FUNCTION_TABLE_DESCRIPTOR`, the native
/// descriptor, the function entries and `SizeOfAlignPad` bytes of padding — all raw.
public struct FunctionTableBuilder: StreamEncoding {
    /// One dynamic function table.
    public struct Table: Sendable, Hashable {
        /// `MinimumAddress`.
        public var minimumAddress: UInt64
        /// `MaximumAddress`.
        public var maximumAddress: UInt64
        /// `BaseAddress`.
        public var baseAddress: UInt64
        /// The native descriptor (`DYNAMIC_FUNCTION_TABLE` on x64); cut or zero-filled to the
        /// builder's ``FunctionTableBuilder/nativeDescriptorSize``.
        public var nativeDescriptor: [UInt8]
        /// The function entries, back to back (`RUNTIME_FUNCTION`s on x64).
        public var entries: [[UInt8]]
        /// `SizeOfAlignPad`: zero bytes written after the entries.
        public var alignPad: UInt32

        /// Creates a table.
        public init(minimumAddress: UInt64, maximumAddress: UInt64, baseAddress: UInt64, nativeDescriptor: [UInt8] = [], entries: [[UInt8]], alignPad: UInt32 = 0) {
            self.minimumAddress = minimumAddress
            self.maximumAddress = maximumAddress
            self.baseAddress = baseAddress
            self.nativeDescriptor = nativeDescriptor
            self.entries = entries
            self.alignPad = alignPad
        }
    }

    /// Always ``StreamType/functionTable``.
    public var streamType: StreamType { .functionTable }
    /// `SizeOfNativeDescriptor`.
    public var nativeDescriptorSize: UInt32
    /// `SizeOfFunctionEntry` (12 for an x64 `RUNTIME_FUNCTION`).
    public var functionEntrySize: UInt32
    /// The header's `SizeOfAlignPad` (recorded only).
    public var headerAlignPad: UInt32
    /// The tables, in order.
    public var tables: [Table]

    /// Creates a function-table stream.
    public init(nativeDescriptorSize: UInt32 = 112, functionEntrySize: UInt32 = 12, headerAlignPad: UInt32 = 0, tables: [Table]) {
        self.nativeDescriptorSize = nativeDescriptorSize
        self.functionEntrySize = functionEntrySize
        self.headerAlignPad = headerAlignPad
        self.tables = tables
    }

    /// An x64 `RUNTIME_FUNCTION` (begin RVA, end RVA, unwind-info RVA), 12 bytes.
    public static func runtimeFunction(begin: UInt32, end: UInt32, unwindInfo: UInt32) -> [UInt8] {
        ByteWriter.words32([begin, end, unwindInfo])
    }

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u32(24)
        writer.u32(32)
        writer.u32(nativeDescriptorSize)
        writer.u32(functionEntrySize)
        writer.u32(UInt32(tables.count))
        writer.u32(headerAlignPad)
        for table in tables {
            writer.u64(table.minimumAddress)
            writer.u64(table.maximumAddress)
            writer.u64(table.baseAddress)
            writer.u32(UInt32(table.entries.count))
            writer.u32(table.alignPad)
            var native = Array(table.nativeDescriptor.prefix(Int(nativeDescriptorSize)))
            native += repeatElement(0, count: Int(nativeDescriptorSize) - native.count)
            writer.append(native)
            for entry in table.entries {
                var bytes = Array(entry.prefix(Int(functionEntrySize)))
                bytes += repeatElement(0, count: Int(functionEntrySize) - bytes.count)
                writer.append(bytes)
            }
            writer.zeros(Int(table.alignPad))
        }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
