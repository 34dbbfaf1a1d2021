/// A problem with one entry inside a stream that did not stop the rest of the stream from decoding.
///
/// For example a module whose name lies past the end of the file: the module is still listed
/// (with an empty name) and a diagnostic says why.
public struct DumpDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The stream the problem was found in.
    public var streamType: StreamType
    /// The file offset of the bad field or entry.
    public var offset: UInt64
    /// What is wrong, naming the field and its numbers.
    public var message: String

    /// Creates a diagnostic.
    public init(stream: StreamType, offset: UInt64, _ message: String) {
        self.streamType = stream
        self.offset = offset
        self.message = message
    }

    /// Creates a diagnostic that records a thrown error.
    public init(_ error: MiniDumpError, stream: StreamType) {
        self.streamType = error.streamType ?? stream
        self.offset = error.offset
        self.message = "\(error.kind): \(error.detail)"
    }

    /// `StreamName @0x1234: message`.
    public var description: String {
        "\(streamType.name) @\(Hex.format(offset)): \(message)"
    }
}
