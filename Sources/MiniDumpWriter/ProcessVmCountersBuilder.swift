import MiniDump

/// Builds the ProcessVmCounters stream: `MINIDUMP_PROCESS_VM_COUNTERS_1` (80 bytes, revision 1) or
/// `MINIDUMP_PROCESS_VM_COUNTERS_2` (152 bytes, revision 2 with `Flags`).
public struct ProcessVmCountersBuilder: StreamEncoding {
    /// `MINIDUMP_PROCESS_VM_COUNTERS` flag: the basic counters are valid.
    public static let flagVmCounters: UInt16 = 0x1
    /// `MINIDUMP_PROCESS_VM_COUNTERS_VIRTUALSIZE`.
    public static let flagVirtualSize: UInt16 = 0x2
    /// `MINIDUMP_PROCESS_VM_COUNTERS_EX` (`PrivateUsage`).
    public static let flagEx: UInt16 = 0x4
    /// `MINIDUMP_PROCESS_VM_COUNTERS_EX2` (`PrivateWorkingSetSize`, `SharedCommitUsage`).
    public static let flagEx2: UInt16 = 0x8
    /// `MINIDUMP_PROCESS_VM_COUNTERS_JOB` (the `Job*` fields).
    public static let flagJob: UInt16 = 0x10

    /// Always ``StreamType/processVmCounters``.
    public var streamType: StreamType { .processVmCounters }
    /// `Revision`: 1 or 2 (anything else writes the revision-2 layout).
    public var revision: UInt16
    /// `Flags` (revision 2).
    public var flags: UInt16
    /// `PageFaultCount`.
    public var pageFaultCount: UInt32
    /// `PeakWorkingSetSize`.
    public var peakWorkingSetSize: UInt64
    /// `WorkingSetSize`.
    public var workingSetSize: UInt64
    /// `QuotaPeakPagedPoolUsage`.
    public var quotaPeakPagedPoolUsage: UInt64
    /// `QuotaPagedPoolUsage`.
    public var quotaPagedPoolUsage: UInt64
    /// `QuotaPeakNonPagedPoolUsage`.
    public var quotaPeakNonPagedPoolUsage: UInt64
    /// `QuotaNonPagedPoolUsage`.
    public var quotaNonPagedPoolUsage: UInt64
    /// `PagefileUsage`.
    public var pagefileUsage: UInt64
    /// `PeakPagefileUsage`.
    public var peakPagefileUsage: UInt64
    /// `PeakVirtualSize` (revision 2).
    public var peakVirtualSize: UInt64
    /// `VirtualSize` (revision 2).
    public var virtualSize: UInt64
    /// `PrivateUsage`.
    public var privateUsage: UInt64
    /// `PrivateWorkingSetSize` (revision 2).
    public var privateWorkingSetSize: UInt64
    /// `SharedCommitUsage` (revision 2).
    public var sharedCommitUsage: UInt64
    /// `JobSharedCommitUsage`, `JobPrivateCommitUsage`, `JobPeakPrivateCommitUsage`,
    /// `JobPrivateCommitLimit`, `JobTotalCommitLimit` (revision 2; missing values are 0).
    public var job: [UInt64]

    /// Creates VM counters; every counter starts at 0.
    public init(revision: UInt16 = 2, flags: UInt16 = 0x1F) {
        self.revision = revision
        self.flags = flags
        pageFaultCount = 0
        peakWorkingSetSize = 0
        workingSetSize = 0
        quotaPeakPagedPoolUsage = 0
        quotaPagedPoolUsage = 0
        quotaPeakNonPagedPoolUsage = 0
        quotaNonPagedPoolUsage = 0
        pagefileUsage = 0
        peakPagefileUsage = 0
        peakVirtualSize = 0
        virtualSize = 0
        privateUsage = 0
        privateWorkingSetSize = 0
        sharedCommitUsage = 0
        job = []
    }

    /// The record bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        var writer = ByteWriter()
        writer.u16(revision)
        writer.u16(revision == 1 ? 0 : flags)  // revision 1 has 2 bytes of padding here
        writer.u32(pageFaultCount)
        for value in [peakWorkingSetSize, workingSetSize, quotaPeakPagedPoolUsage, quotaPagedPoolUsage,
                      quotaPeakNonPagedPoolUsage, quotaNonPagedPoolUsage, pagefileUsage, peakPagefileUsage] {
            writer.u64(value)
        }
        if revision == 1 {
            writer.u64(privateUsage)
            return writer.bytes
        }
        for value in [peakVirtualSize, virtualSize, privateUsage, privateWorkingSetSize, sharedCommitUsage] {
            writer.u64(value)
        }
        for index in 0..<5 { writer.u64(index < job.count ? job[index] : 0) }
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
