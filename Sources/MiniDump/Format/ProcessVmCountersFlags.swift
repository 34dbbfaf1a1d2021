/// Which groups of `MINIDUMP_PROCESS_VM_COUNTERS_2` fields are valid; unknown bits are kept.
/// Mirrors the `MINIDUMP_PROCESS_VM_COUNTERS*` flags.
public struct ProcessVmCountersFlags: OptionSet, Sendable, Hashable {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `MINIDUMP_PROCESS_VM_COUNTERS`: the basic counters.
    public static let counters = ProcessVmCountersFlags(rawValue: 0x1)
    /// `MINIDUMP_PROCESS_VM_COUNTERS_VIRTUALSIZE`: `PeakVirtualSize` and `VirtualSize`.
    public static let virtualSize = ProcessVmCountersFlags(rawValue: 0x2)
    /// `MINIDUMP_PROCESS_VM_COUNTERS_EX`: `PrivateUsage`.
    public static let extended = ProcessVmCountersFlags(rawValue: 0x4)
    /// `MINIDUMP_PROCESS_VM_COUNTERS_EX2`: `PrivateWorkingSetSize` and `SharedCommitUsage`.
    public static let extended2 = ProcessVmCountersFlags(rawValue: 0x8)
    /// `MINIDUMP_PROCESS_VM_COUNTERS_JOB`: the job object's commit figures.
    public static let job = ProcessVmCountersFlags(rawValue: 0x10)
}
