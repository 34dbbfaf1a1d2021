/// What kind of failed assertion Breakpad recorded; an open set.
/// Mirrors `MD_ASSERTION_INFO_TYPE_*`.
public struct AssertionType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `MD_ASSERTION_INFO_TYPE_UNKNOWN`.
    public static let unknown = AssertionType(0)
    /// `MD_ASSERTION_INFO_TYPE_INVALID_PARAMETER`: the C runtime's invalid-parameter handler.
    public static let invalidParameter = AssertionType(1)
    /// `MD_ASSERTION_INFO_TYPE_PURE_VIRTUAL_CALL`: a pure virtual function was called.
    public static let pureVirtualCall = AssertionType(2)

    /// `unknown`, `invalid parameter`, `pure virtual call`, or `0x…`.
    public var description: String {
        switch rawValue {
        case 0: "unknown"
        case 1: "invalid parameter"
        case 2: "pure virtual call"
        default: Hex.format(rawValue)
        }
    }
}
