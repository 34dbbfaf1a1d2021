import MiniDump

/// Builds Breakpad's AssertionInfo stream (`0x47670002`): `MDRawAssertionInfo`, 776 bytes — three
/// fixed 128-unit UTF-16 fields (expression, function, file), `line` and `type`.
public struct AssertionInfoBuilder: StreamEncoding {
    /// `MD_ASSERTION_INFO_TYPE_UNKNOWN`.
    public static let typeUnknown: UInt32 = 0
    /// `MD_ASSERTION_INFO_TYPE_INVALID_PARAMETER`.
    public static let typeInvalidParameter: UInt32 = 1
    /// `MD_ASSERTION_INFO_TYPE_PURE_VIRTUAL_CALL`.
    public static let typePureVirtualCall: UInt32 = 2

    /// Always ``StreamType/assertionInfo``.
    public var streamType: StreamType { .assertionInfo }
    /// The failed expression (up to 127 characters).
    public var expression: String
    /// The function (up to 127 characters).
    public var function: String
    /// The source file (up to 127 characters).
    public var file: String
    /// The line.
    public var line: UInt32
    /// The assertion type.
    public var type: UInt32

    /// Creates an assertion record.
    public init(expression: String, function: String, file: String, line: UInt32, type: UInt32) {
        self.expression = expression
        self.function = function
        self.file = file
        self.line = line
        self.type = type
    }

    /// The 776 bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.fixedUTF16(expression, units: 128)
        writer.fixedUTF16(function, units: 128)
        writer.fixedUTF16(file, units: 128)
        writer.u32(line)
        writer.u32(type)
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
