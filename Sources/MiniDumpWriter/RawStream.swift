import MiniDump

/// A stream written verbatim: any type, any bytes (a custom application stream, a stream this
/// module has no builder for, or deliberately broken data).
public struct RawStream: StreamEncoding {
    /// The directory type.
    public var streamType: StreamType
    /// The stream's bytes.
    public var bytes: [UInt8]

    /// Creates a raw stream.
    public init(type: StreamType, bytes: [UInt8]) {
        self.streamType = type
        self.bytes = bytes
    }

    /// Returns ``bytes``; nothing else is appended.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
