/// A CommentStreamA (type 10) or CommentStreamW (type 11): free text the dump's writer added,
/// such as ProcDump's or DebugDiag's reason for taking the dump.
///
/// Decoding is lenient and stops at the first NUL. CommentStreamA holds text in the writer's
/// ANSI code page: valid UTF-8 is read as UTF-8, anything else as Windows-1252. CommentStreamW
/// holds UTF-16LE; invalid code units become U+FFFD and an odd trailing byte is dropped.
public struct CommentStream: Sendable {
    /// Which of the two comment streams this is (``StreamType/commentA`` or ``StreamType/commentW``).
    public var streamType: StreamType
    /// The comment, without its terminating NUL.
    public var text: String
    /// Always empty: every byte sequence decodes to some text.
    public var diagnostics: [DumpDiagnostic]

    init(ansi cursor: ByteCursor) {
        streamType = .commentA
        text = cursor.reader.withBytes(in: cursor.position..<cursor.end) { raw in
            let end = raw.firstIndex(of: 0) ?? raw.count
            return Self.decodeANSI(UnsafeRawBufferPointer(rebasing: raw[0..<end]))
        }
        diagnostics = []
    }

    init(wide cursor: ByteCursor) {
        streamType = .commentW
        text = cursor.reader.utf16String(in: cursor.position..<cursor.end)
        diagnostics = []
    }

    /// UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (the usual ANSI code page).
    static func decodeANSI(_ bytes: UnsafeRawBufferPointer) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80..<0xA0).contains(byte) {
                let mapped = windows1252High[Int(byte - 0x80)]
                scalars.append(Unicode.Scalar(mapped) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Windows-1252 characters for bytes 0x80–0x9F (undefined bytes map to U+FFFD).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
