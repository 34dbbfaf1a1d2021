extension MiniDumpFile {
    /// Opens the dump in a plain, gzip-compressed or cabinet (`.cab`) file, recognised by its first
    /// bytes rather than its name.
    ///
    /// A plain dump is mapped (or read, per `access`) exactly like ``init(path:access:)``. A gzip file
    /// is inflated into memory, all of its members in turn, with each member's CRC-32 and length
    /// checked. A cabinet gives its first member whose content is a minidump; its ``path`` is then
    /// `"<path>:<member name>"`. Members whose bytes cannot be decoded are skipped unless their name
    /// ends in `.dmp`, `.mdmp` or `.hdmp`, in which case their error is thrown.
    ///
    /// Throws ``MiniDumpError`` when the file cannot be read, is none of the three formats
    /// (``MiniDumpError/Kind/notMiniDump``), holds no minidump, its compressed data is damaged
    /// (``MiniDumpError/Kind/corruptCompression`` or ``MiniDumpError/Kind/truncated`` with the offset in
    /// the compressed file), uses LZX or Quantum (``MiniDumpError/Kind/unsupportedCompression``), would
    /// inflate past `limits` (``MiniDumpError/Kind/decompressedTooLarge``), or when the dump's own
    /// header or directory is unusable.
    public static func open(
        path: String, access: Access = .mapped, limits: DecompressionLimits = .default
    ) throws(MiniDumpError) -> MiniDumpFile {
        let storage = try ByteStorage.open(path: path, access: access == .mapped ? .map : .read)
        return try openFirst(ByteReader(storage: storage), path: path, limits: limits)
    }

    /// Opens every dump in a plain, gzip-compressed or cabinet file, each with its own result.
    ///
    /// A plain or gzip file gives one member named `nil`. A cabinet gives one member per file whose
    /// content is a minidump, in the cabinet's order, and also one per file whose bytes could not be
    /// decoded (its content is unknown, so it may be a dump); damaged members carry their error and the
    /// others still open. Files that are not dumps are left out, so the list may be empty.
    ///
    /// Throws only when the file cannot be read, is none of the three formats, or the cabinet's
    /// header, folder table or file table is unusable.
    public static func openAll(
        path: String, access: Access = .mapped, limits: DecompressionLimits = .default
    ) throws(MiniDumpError) -> [DumpMember] {
        let storage = try ByteStorage.open(path: path, access: access == .mapped ? .map : .read)
        return try openEvery(ByteReader(storage: storage), path: path, limits: limits)
    }

    /// Opens the dump in plain, gzip-compressed or cabinet bytes held in memory, like
    /// ``open(path:access:limits:)``; the result's ``path`` is `nil`.
    ///
    /// Throws the same errors as ``open(path:access:limits:)``.
    public static func open(
        bytes: some Collection<UInt8>, limits: DecompressionLimits = .default
    ) throws(MiniDumpError) -> MiniDumpFile {
        try openFirst(ByteReader(copying: bytes), path: nil, limits: limits)
    }

    /// Opens every dump in plain, gzip-compressed or cabinet bytes held in memory, like
    /// ``openAll(path:access:limits:)``; every result's ``path`` is `nil`.
    ///
    /// Throws the same errors as ``openAll(path:access:limits:)``.
    public static func openAll(
        bytes: some Collection<UInt8>, limits: DecompressionLimits = .default
    ) throws(MiniDumpError) -> [DumpMember] {
        try openEvery(ByteReader(copying: bytes), path: nil, limits: limits)
    }

    // MARK: Dispatch

    private static func format(of reader: ByteReader) -> InputFormat {
        InputFormat(detecting: reader.bytes(in: 0..<min(4, reader.count)))
    }

    private static func openFirst(
        _ reader: ByteReader, path: String?, limits: DecompressionLimits
    ) throws(MiniDumpError) -> MiniDumpFile {
        switch format(of: reader) {
        case .minidump:
            return try MiniDumpFile(storage: reader.storage, path: path)
        case .gzip:
            return try inflatedDump(reader, path: path, limits: limits)
        case .cabinet:
            let cabinet = try CabinetReader(reader: reader, path: path, limits: limits)
            let found = cabinet.members(firstOnly: true)
            if let decisive = found.first(where: \.decisive) {
                return try decisive.member.result.get()
            }
            if let skipped = found.first, case .failure(let error) = skipped.member.result {
                throw error
            }
            throw MiniDumpError(
                .notMiniDump, offset: 0,
                "none of the \(cabinet.archive.files.count) files in the cabinet is a minidump (none starts with MDMP)")
        default:
            throw unknownFormat(reader)
        }
    }

    private static func openEvery(
        _ reader: ByteReader, path: String?, limits: DecompressionLimits
    ) throws(MiniDumpError) -> [DumpMember] {
        switch format(of: reader) {
        case .minidump:
            return [DumpMember(name: nil, result: Result { () throws(MiniDumpError) in
                try MiniDumpFile(storage: reader.storage, path: path)
            })]
        case .gzip:
            return [DumpMember(name: nil, result: Result { () throws(MiniDumpError) in
                try inflatedDump(reader, path: path, limits: limits)
            })]
        case .cabinet:
            let cabinet = try CabinetReader(reader: reader, path: path, limits: limits)
            return cabinet.members(firstOnly: false).map(\.member)
        default:
            throw unknownFormat(reader)
        }
    }

    /// Inflates gzip data and opens the dump inside.
    private static func inflatedDump(
        _ reader: ByteReader, path: String?, limits: DecompressionLimits
    ) throws(MiniDumpError) -> MiniDumpFile {
        let inflated = ByteReader(storage: try GzipDecoder.decode(reader, limits: limits))
        guard inflated.value(UInt32.self, at: 0) == MiniDumpHeader.expectedSignature else {
            throw MiniDumpError(
                .notMiniDump, offset: 0,
                "the gzip data inflates to \(inflated.count) bytes that do not start with the signature MDMP")
        }
        return try MiniDumpFile(storage: inflated.storage, path: path)
    }

    private static func unknownFormat(_ reader: ByteReader) -> MiniDumpError {
        let head = reader.bytes(in: 0..<min(4, reader.count))
        let shown = head.isEmpty ? "an empty file" : head.map { Hex.format($0, digits: 2) }.joined(separator: " ")
        return MiniDumpError(
            .notMiniDump, offset: 0,
            "expected a minidump (MDMP), a gzip file (1F 8B) or a cabinet (MSCF); found \(shown)")
    }
}
