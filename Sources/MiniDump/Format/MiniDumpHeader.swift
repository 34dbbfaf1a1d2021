/// The fixed 32-byte header at the start of every minidump. Mirrors `MINIDUMP_HEADER`.
public struct MiniDumpHeader: Sendable, Hashable {
    /// The expected signature, `MDMP` read as a little-endian 32-bit value.
    public static let expectedSignature: UInt32 = 0x504D_444D
    /// The low 16 bits every supported version carries.
    public static let expectedVersionLow: UInt16 = 0xA793
    /// The header's size in bytes.
    public static let size = 32

    /// The raw signature (always ``expectedSignature`` for a header that decoded).
    public var signature: UInt32
    /// The full version word: low 16 bits 0xA793, high 16 bits implementation-specific.
    public var version: UInt32
    /// The number of entries in the stream directory.
    public var streamCount: UInt32
    /// The file offset of the stream directory.
    public var streamDirectoryRva: UInt32
    /// The header checksum (usually zero).
    public var checksum: UInt32
    /// When the dump was written, in seconds since 1970-01-01 UTC.
    public var timestamp: UInt32
    /// The `MINIDUMP_TYPE` flags the writer was asked for.
    public var flags: UInt64

    /// The `MINIDUMP_TYPE` bits, decoded.
    public var dumpType: MiniDumpType { MiniDumpType(rawValue: flags) }

    init(reader: ByteReader) throws(MiniDumpError) {
        guard reader.count >= 4 else {
            throw MiniDumpError(.notMiniDump, offset: 0, "file has \(reader.count) bytes; expected the signature MDMP")
        }
        let signature = reader.loadUnchecked(UInt32.self, at: 0)
        guard signature == Self.expectedSignature else {
            throw MiniDumpError(
                .notMiniDump, offset: 0,
                "expected signature MDMP (0x504D444D), found \(Hex.format(signature, digits: 8))")
        }
        var cursor = reader.cursor(over: 0..<min(reader.count, Self.size))
        _ = try cursor.read(UInt32.self, "signature")
        let version = try cursor.read(UInt32.self, "header version")
        guard UInt16(truncatingIfNeeded: version) == Self.expectedVersionLow else {
            throw MiniDumpError(
                .unsupportedVersion, offset: 4,
                "expected version low word 0xA793, found \(Hex.format(UInt16(truncatingIfNeeded: version), digits: 4))")
        }
        self.signature = signature
        self.version = version
        self.streamCount = try cursor.read(UInt32.self, "header NumberOfStreams")
        self.streamDirectoryRva = try cursor.read(UInt32.self, "header StreamDirectoryRva")
        self.checksum = try cursor.read(UInt32.self, "header CheckSum")
        self.timestamp = try cursor.read(UInt32.self, "header TimeDateStamp")
        self.flags = try cursor.read(UInt64.self, "header Flags")
    }
}
