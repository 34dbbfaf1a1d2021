/// Which thread ids of the BreakpadInfo stream are valid; unknown bits are kept.
/// Mirrors `MD_BREAKPAD_INFO_VALID_*`.
public struct BreakpadInfoValidity: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `MD_BREAKPAD_INFO_VALID_DUMP_THREAD_ID`: `dump_thread_id` is valid.
    public static let dumpThreadID = BreakpadInfoValidity(rawValue: 0x1)
    /// `MD_BREAKPAD_INFO_VALID_REQUESTING_THREAD_ID`: `requesting_thread_id` is valid.
    public static let requestingThreadID = BreakpadInfoValidity(rawValue: 0x2)
}
