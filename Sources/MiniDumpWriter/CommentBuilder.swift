import MiniDump

/// Builds a comment stream: `CommentStreamA` (ANSI bytes, NUL-terminated) or `CommentStreamW`
/// (UTF-16LE, NUL-terminated), as `MiniDumpWriteDump` callers pass in user streams.
public struct CommentBuilder: StreamEncoding {
    /// ``StreamType/commentA`` or ``StreamType/commentW``.
    public var streamType: StreamType { wide ? .commentW : .commentA }
    /// The comment text.
    public var text: String
    /// Writes UTF-16LE (`CommentStreamW`) instead of 8-bit text (`CommentStreamA`).
    public var wide: Bool

    /// Creates a comment; `wide` selects `CommentStreamW`.
    public init(_ text: String, wide: Bool) {
        self.text = text
        self.wide = wide
    }

    /// The stream bytes, terminator included (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        wide ? ByteWriter.utf16(text) + [0, 0] : Array(text.utf8) + [0]
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
