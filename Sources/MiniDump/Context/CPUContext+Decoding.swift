extension CPUContext {
    /// Decodes the context record in `range`, a checked range of the file, choosing the layout from
    /// `architecture` and the record's size (see ``ContextLayout/select(architecture:reader:range:stream:)``).
    ///
    /// For decoders of streams that hold contexts (thread lists, the exception stream): `stream`
    /// is named in the errors. Throws ``MiniDumpError/Kind/truncated`` when the record is shorter
    /// than its layout and ``MiniDumpError/Kind/invalidValue`` when no layout fits its size.
    init(
        reader: ByteReader, range: Range<Int>, architecture: ProcessorArchitecture?, stream: StreamType? = nil
    ) throws(MiniDumpError) {
        switch try ContextLayout.select(architecture: architecture, reader: reader, range: range, stream: stream) {
        case .amd64:
            self = .amd64(try AMD64Context(reader: reader, range: range, stream: stream))
        case .x86:
            self = .x86(try X86Context(reader: reader, range: range, stream: stream))
        case .arm64Windows:
            self = .arm64(try ARM64Context(reader: reader, range: range, layout: .windows, stream: stream))
        case .arm64BreakpadOld:
            self = .arm64(try ARM64Context(reader: reader, range: range, layout: .breakpadOld, stream: stream))
        case .armBreakpad:
            self = .arm(try ARMContext(reader: reader, range: range, layout: .breakpad, stream: stream))
        case .armWindows:
            self = .arm(try ARMContext(reader: reader, range: range, layout: .windows, stream: stream))
        }
    }

    /// Decodes the context record that `location` points at, checking it against the file first.
    ///
    /// Throws ``MiniDumpError/Kind/invalidValue`` for an empty location (size or RVA 0) and
    /// ``MiniDumpError/Kind/truncated`` when the record lies outside the file.
    init(
        reader: ByteReader, location: LocationDescriptor, architecture: ProcessorArchitecture?,
        stream: StreamType? = nil
    ) throws(MiniDumpError) {
        guard !location.isEmpty else {
            throw MiniDumpError(
                .invalidValue, offset: location.rva, stream: stream,
                "the thread context is empty (\(location.size) bytes at \(Hex.format(location.rva)))")
        }
        let range = try reader.checkedRange(
            offset: location.rva, length: location.size, stream: stream, "thread context")
        try self.init(reader: reader, range: range, architecture: architecture, stream: stream)
    }
}
