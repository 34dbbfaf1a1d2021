/// The `Flags` field of an x64 `UNWIND_INFO`; an open set of `UNW_FLAG_*` bits.
public struct UnwindFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `UNW_FLAG_EHANDLER`: the function has an exception handler.
    public static let exceptionHandler = UnwindFlags(rawValue: 0x1)
    /// `UNW_FLAG_UHANDLER`: the function has a termination (unwind) handler.
    public static let terminationHandler = UnwindFlags(rawValue: 0x2)
    /// `UNW_FLAG_CHAININFO`: a `RUNTIME_FUNCTION` of the primary function follows the codes.
    public static let chainInfo = UnwindFlags(rawValue: 0x4)
}
