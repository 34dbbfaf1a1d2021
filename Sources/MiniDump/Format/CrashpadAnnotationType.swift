/// The type of a Crashpad annotation object's value; an open set.
/// Mirrors `crashpad::Annotation::Type` (`MINIDUMP_ANNOTATION` `type`).
public struct CrashpadAnnotationType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// `kInvalid`: reserved.
    public static let invalid = CrashpadAnnotationType(0)
    /// `kString`: the value is UTF-8 text.
    public static let string = CrashpadAnnotationType(1)
    /// `kUserDefined`: the first client-defined type; values from here up are the client's own.
    public static let userDefined = CrashpadAnnotationType(0x8000)

    /// True for client-defined types (0x8000 and up).
    public var isUserDefined: Bool { rawValue >= 0x8000 }

    /// `invalid`, `string`, `user-defined+N`, or `0x…`.
    public var description: String {
        switch rawValue {
        case 0: "invalid"
        case 1: "string"
        case 0x8000...: "user-defined+\(rawValue - 0x8000)"
        default: Hex.format(rawValue)
        }
    }
}
