/// What a faulting access tried to do: parameter 0 of an access violation or in-page error; an
/// open set. Mirrors `EXCEPTION_READ_FAULT` (0), `EXCEPTION_WRITE_FAULT` (1) and
/// `EXCEPTION_EXECUTE_FAULT` (8).
public struct AccessOperation: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// A read (`EXCEPTION_READ_FAULT`).
    public static let read = AccessOperation(0)
    /// A write (`EXCEPTION_WRITE_FAULT`).
    public static let write = AccessOperation(1)
    /// An instruction fetch from non-executable memory: a DEP violation (`EXCEPTION_EXECUTE_FAULT`).
    public static let execute = AccessOperation(8)

    /// `read`, `write`, `execute`, or `operation N` for other values.
    public var name: String {
        switch self {
        case .read: "read"
        case .write: "write"
        case .execute: "execute"
        default: "operation \(rawValue)"
        }
    }

    public var description: String { name }
}
