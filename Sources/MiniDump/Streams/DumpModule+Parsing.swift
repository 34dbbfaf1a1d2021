extension DumpModule {
    /// The largest CodeView record decoded, in bytes; larger ones are reported and skipped.
    static let maxCodeViewBytes: UInt64 = 0x1_0000

    /// Reads one 108-byte `MINIDUMP_MODULE` from `cursor` and resolves its name and CodeView
    /// record through `reader`. Problems with the name or the record become diagnostics.
    init(
        parsing cursor: inout ByteCursor, index: Int, reader: ByteReader, diagnostics: inout [DumpDiagnostic]
    ) throws(MiniDumpError) {
        let stream = StreamType.moduleList
        let entryOffset = cursor.offset
        let base = try cursor.read(UInt64.self, "MINIDUMP_MODULE.BaseOfImage")
        let size = try cursor.read(UInt32.self, "MINIDUMP_MODULE.SizeOfImage")
        let checksum = try cursor.read(UInt32.self, "MINIDUMP_MODULE.CheckSum")
        let timestamp = try cursor.read(UInt32.self, "MINIDUMP_MODULE.TimeDateStamp")
        let nameRva = try cursor.read(UInt32.self, "MINIDUMP_MODULE.ModuleNameRva")
        let versionInfo = try FixedFileInfo(parsing: &cursor)
        let codeViewLocation = try LocationDescriptor.read32(&cursor, "MINIDUMP_MODULE.CvRecord")
        let miscLocation = try LocationDescriptor.read32(&cursor, "MINIDUMP_MODULE.MiscRecord")
        try cursor.skip(16, "MINIDUMP_MODULE.Reserved0/1")

        let path: String
        do throws(MiniDumpError) {
            path = try reader.minidumpString(at: UInt64(nameRva), stream: stream)
        } catch {
            path = ""
            diagnostics.append(DumpDiagnostic(
                stream: stream, offset: entryOffset,
                "module \(index) at \(Hex.format(base)): name at \(Hex.format(nameRva)) unreadable: \(error.kind): \(error.detail)"))
        }
        if ModulePath.wraps(base: base, size: UInt64(size)) {
            diagnostics.append(DumpDiagnostic(
                stream: stream, offset: entryOffset,
                "module \(index) at \(Hex.format(base)) with size \(Hex.format(size)) runs past the top of the address space"))
        }
        let codeView = Self.codeView(
            at: codeViewLocation, reader: reader, index: index, entryOffset: entryOffset, diagnostics: &diagnostics)

        self.init(
            index: index, path: path, baseAddress: base, size: UInt64(size), checksum: checksum,
            timestamp: timestamp, nameRva: nameRva, versionInfo: versionInfo, codeView: codeView,
            codeViewLocation: codeViewLocation, miscRecordLocation: miscLocation)
    }

    /// Reads and decodes the CodeView record at `location`, or reports why it cannot.
    static func codeView(
        at location: LocationDescriptor, reader: ByteReader, index: Int, entryOffset: UInt64,
        diagnostics: inout [DumpDiagnostic]
    ) -> CodeViewRecord? {
        guard location.size > 0 else { return nil }
        let stream = StreamType.moduleList
        func report(_ message: String) {
            diagnostics.append(DumpDiagnostic(stream: stream, offset: entryOffset, "module \(index): CodeView record \(message)"))
        }
        guard location.rva != 0 else {
            report("of \(location.size) bytes has RVA 0")
            return nil
        }
        guard location.size <= maxCodeViewBytes else {
            report("at \(Hex.format(location.rva)) claims \(location.size) bytes, more than the \(maxCodeViewBytes) accepted")
            return nil
        }
        guard let range = reader.range(offset: location.rva, length: location.size) else {
            report("of \(location.size) bytes at \(Hex.format(location.rva)) lies past the end of the \(reader.count)-byte file")
            return nil
        }
        let record = reader.withBytes(in: range, CodeViewRecord.init(raw:))
        if case .unknown(let signature?, _) = record {
            if signature == CodeViewRecord.pdb70Signature {
                report("RSDS of \(location.size) bytes is shorter than the \(CodeViewRecord.pdb70HeaderSize) its header needs; kept as raw bytes")
            } else if signature == CodeViewRecord.pdb20Signature {
                report("NB10 of \(location.size) bytes is shorter than the \(CodeViewRecord.pdb20HeaderSize) its header needs; kept as raw bytes")
            }
        }
        return record
    }
}
