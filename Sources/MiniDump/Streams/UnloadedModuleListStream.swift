/// The decoded UnloadedModuleList stream (type 14): recently unloaded modules, in file order.
/// Mirrors `MINIDUMP_UNLOADED_MODULE_LIST` and its entries.
///
/// Entries are read at the header's `SizeOfHeader` and stepped by its `SizeOfEntry`, so newer
/// writers' longer entries still decode. An entry whose name is unreadable is kept with an empty
/// path and a diagnostic.
public struct UnloadedModuleListStream: Sendable {
    /// The size of the header this library reads (`SizeOfHeader`, `SizeOfEntry`, `NumberOfEntries`).
    public static let minimumHeaderSize = 12

    /// The unloaded modules in file order.
    public var modules: [UnloadedModule]
    /// Problems with single entries (unreadable names).
    public var diagnostics: [DumpDiagnostic]

    /// Creates a stream value from decoded parts.
    public init(modules: [UnloadedModule], diagnostics: [DumpDiagnostic] = []) {
        self.modules = modules
        self.diagnostics = diagnostics
    }

    /// Decodes the stream in `cursor`. Throws when the header is too small or the entries do not
    /// fit in the stream.
    init(parsing cursor: ByteCursor, reader: ByteReader) throws(MiniDumpError) {
        let stream = StreamType.unloadedModuleList
        var cursor = cursor
        let table = try SizedEntryTable.read(
            &cursor, countSize: 4, minimumHeader: Self.minimumHeaderSize,
            minimumEntry: UnloadedModule.minimumEntrySize, stream: stream, what: "MINIDUMP_UNLOADED_MODULE_LIST")
        var modules = [UnloadedModule]()
        modules.reserveCapacity(table.count)
        var diagnostics = [DumpDiagnostic]()
        for index in 0..<table.count {
            var entry = try cursor.subCursor(table.entrySize, "MINIDUMP_UNLOADED_MODULE \(index)")
            let entryOffset = entry.offset
            let base = try entry.read(UInt64.self, "MINIDUMP_UNLOADED_MODULE.BaseOfImage")
            let size = try entry.read(UInt32.self, "MINIDUMP_UNLOADED_MODULE.SizeOfImage")
            let checksum = try entry.read(UInt32.self, "MINIDUMP_UNLOADED_MODULE.CheckSum")
            let timestamp = try entry.read(UInt32.self, "MINIDUMP_UNLOADED_MODULE.TimeDateStamp")
            let nameRva = try entry.read(UInt32.self, "MINIDUMP_UNLOADED_MODULE.ModuleNameRva")
            let path: String
            do throws(MiniDumpError) {
                path = try reader.minidumpString(at: UInt64(nameRva), stream: stream)
            } catch {
                path = ""
                diagnostics.append(DumpDiagnostic(
                    stream: stream, offset: entryOffset,
                    "unloaded module \(index) at \(Hex.format(base)): name at \(Hex.format(nameRva)) unreadable: \(error.kind): \(error.detail)"))
            }
            modules.append(UnloadedModule(
                index: index, path: path, baseAddress: base, size: UInt64(size), checksum: checksum,
                timestamp: timestamp, nameRva: nameRva))
        }
        self.init(modules: modules, diagnostics: diagnostics)
    }
}
