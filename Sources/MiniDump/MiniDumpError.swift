/// The one error thrown for structural problems in a dump: what went wrong, where in the file,
/// in which stream, and a detail naming the field and the numbers involved.
///
/// Opening a file throws only when its header or stream directory is unusable; a stream that is
/// present but broken throws when it is asked for. Problems with single entries inside a stream are
/// reported as ``DumpDiagnostic`` values instead, and the other entries still decode.
public struct MiniDumpError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a ``MiniDumpError``; an open set of named values.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file does not start with the `MDMP` signature.
        public static let notMiniDump = Kind(rawValue: "not a minidump")
        /// The header's version low word is not 0xA793.
        public static let unsupportedVersion = Kind(rawValue: "unsupported version")
        /// A structure extends past the end of the file or of its stream.
        public static let truncated = Kind(rawValue: "truncated")
        /// A count or size read from the file cannot be right (too large for the bytes that hold it).
        public static let invalidCount = Kind(rawValue: "invalid count")
        /// A field holds a value the format does not allow.
        public static let invalidValue = Kind(rawValue: "invalid value")
        /// The requested stream is not in the dump.
        public static let missingStream = Kind(rawValue: "missing stream")
        /// The file could not be opened, mapped or read.
        public static let io = Kind(rawValue: "I/O error")
        /// A compressed container uses a method this library cannot decode (LZX, Quantum, ...).
        public static let unsupportedCompression = Kind(rawValue: "unsupported compression")
        /// Compressed data is damaged.
        public static let corruptCompression = Kind(rawValue: "corrupt compressed data")
        /// Decompressing would produce more bytes than the configured limit.
        public static let decompressedTooLarge = Kind(rawValue: "decompressed size over the limit")
    }

    /// What went wrong.
    public var kind: Kind
    /// The position in the file (not a virtual address) where the problem was found.
    public var offset: UInt64
    /// The stream being decoded, when the problem lies inside one.
    public var streamType: StreamType?
    /// A sentence naming the field and the numbers found and expected.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, offset: UInt64, stream: StreamType? = nil, _ detail: String) {
        self.kind = kind
        self.offset = offset
        self.streamType = stream
        self.detail = detail
    }

    /// One line: `offset 0x20: truncated: ... (in stream ModuleList)`.
    public var description: String {
        var text = "offset \(Hex.format(offset)): \(kind.rawValue): \(detail)"
        if let streamType { text += " (in stream \(streamType.name))" }
        return text
    }
}
