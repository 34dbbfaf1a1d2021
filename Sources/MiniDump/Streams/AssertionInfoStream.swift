/// The AssertionInfo stream (0x47670002): the failed C runtime assertion, invalid parameter or
/// pure virtual call that made Breakpad write the dump. Mirrors Breakpad's `MDRawAssertionInfo`
/// (776 bytes).
///
/// The three texts are fixed arrays of 128 UTF-16 units, read leniently up to the first NUL;
/// each is empty when the runtime did not supply it (release builds usually do not).
public struct AssertionInfoStream: Sendable {
    /// The failed expression.
    public var expression: String
    /// The function holding the assertion.
    public var function: String
    /// The source file holding the assertion.
    public var file: String
    /// The source line, 0 when unknown.
    public var line: UInt32
    /// What kind of failure it was.
    public var type: AssertionType
    /// Always empty: a stream shorter than 776 bytes throws instead.
    public var diagnostics: [DumpDiagnostic]

    static let textBytes = 256

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        func text(_ field: String) throws(MiniDumpError) -> String {
            let start = cursor.position
            try cursor.skip(Self.textBytes, "MDRawAssertionInfo.\(field)")
            return cursor.reader.utf16String(in: start..<(start + Self.textBytes))
        }
        expression = try text("expression")
        function = try text("function")
        file = try text("file")
        line = try cursor.read(UInt32.self, "MDRawAssertionInfo.line")
        type = AssertionType(try cursor.read(UInt32.self, "MDRawAssertionInfo.type"))
        diagnostics = []
    }
}
