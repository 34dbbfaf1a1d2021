/// The ProcessVmCounters stream (type 22): the process's memory use when the dump was written.
/// Mirrors `MINIDUMP_PROCESS_VM_COUNTERS_1` (80 bytes) and `MINIDUMP_PROCESS_VM_COUNTERS_2`
/// (152 bytes), chosen by `Revision`.
///
/// Sizes are in bytes. Fields that only revision 2 has are `nil` for revision 1 and when the
/// flag that validates them is clear.
public struct ProcessVmCountersStream: Sendable {
    /// The structure's revision: 1 or 2 (a later revision is read with the revision 2 layout).
    public var revision: UInt16
    /// Which field groups are valid; `nil` for revision 1, which has no flags.
    public var flags: ProcessVmCountersFlags?
    /// Page faults taken by the process.
    public var pageFaultCount: UInt32
    /// The peak working set.
    public var peakWorkingSetSize: UInt64
    /// The current working set.
    public var workingSetSize: UInt64
    /// The peak paged-pool quota charge.
    public var quotaPeakPagedPoolUsage: UInt64
    /// The current paged-pool quota charge.
    public var quotaPagedPoolUsage: UInt64
    /// The peak non-paged-pool quota charge.
    public var quotaPeakNonPagedPoolUsage: UInt64
    /// The current non-paged-pool quota charge.
    public var quotaNonPagedPoolUsage: UInt64
    /// The commit charge (`PagefileUsage`).
    public var pagefileUsage: UInt64
    /// The peak commit charge.
    public var peakPagefileUsage: UInt64
    /// Private committed memory; `nil` for revision 2 without ``ProcessVmCountersFlags/extended``.
    public var privateUsage: UInt64?
    /// The peak virtual size; revision 2 with ``ProcessVmCountersFlags/virtualSize`` only.
    public var peakVirtualSize: UInt64?
    /// The virtual size; revision 2 with ``ProcessVmCountersFlags/virtualSize`` only.
    public var virtualSize: UInt64?
    /// The private working set; revision 2 with ``ProcessVmCountersFlags/extended2`` only.
    public var privateWorkingSetSize: UInt64?
    /// Shared commit; revision 2 with ``ProcessVmCountersFlags/extended2`` only.
    public var sharedCommitUsage: UInt64?
    /// The job's shared commit; revision 2 with ``ProcessVmCountersFlags/job`` only.
    public var jobSharedCommitUsage: UInt64?
    /// The job's private commit; revision 2 with ``ProcessVmCountersFlags/job`` only.
    public var jobPrivateCommitUsage: UInt64?
    /// The job's peak private commit; revision 2 with ``ProcessVmCountersFlags/job`` only.
    public var jobPeakPrivateCommitUsage: UInt64?
    /// The job's private commit limit; revision 2 with ``ProcessVmCountersFlags/job`` only.
    public var jobPrivateCommitLimit: UInt64?
    /// The job's total commit limit; revision 2 with ``ProcessVmCountersFlags/job`` only.
    public var jobTotalCommitLimit: UInt64?
    /// Always empty: a stream too short for its revision throws instead.
    public var diagnostics: [DumpDiagnostic]

    static let size1 = 80
    static let size2 = 152

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        revision = try cursor.read(UInt16.self, "MINIDUMP_PROCESS_VM_COUNTERS.Revision")
        let second = try cursor.read(UInt16.self, "MINIDUMP_PROCESS_VM_COUNTERS.Flags")
        let isVersion2 = revision >= 2
        let needed = isVersion2 ? Self.size2 : Self.size1
        guard cursor.end - cursor.start >= needed else {
            throw MiniDumpError(
                .truncated, offset: UInt64(cursor.start), stream: .processVmCounters,
                "MINIDUMP_PROCESS_VM_COUNTERS_\(isVersion2 ? 2 : 1) needs \(needed) bytes but the stream has \(cursor.end - cursor.start)")
        }
        let name = "MINIDUMP_PROCESS_VM_COUNTERS_\(isVersion2 ? 2 : 1)"
        pageFaultCount = try cursor.read(UInt32.self, "\(name).PageFaultCount")
        peakWorkingSetSize = try cursor.read(UInt64.self, "\(name).PeakWorkingSetSize")
        workingSetSize = try cursor.read(UInt64.self, "\(name).WorkingSetSize")
        quotaPeakPagedPoolUsage = try cursor.read(UInt64.self, "\(name).QuotaPeakPagedPoolUsage")
        quotaPagedPoolUsage = try cursor.read(UInt64.self, "\(name).QuotaPagedPoolUsage")
        quotaPeakNonPagedPoolUsage = try cursor.read(UInt64.self, "\(name).QuotaPeakNonPagedPoolUsage")
        quotaNonPagedPoolUsage = try cursor.read(UInt64.self, "\(name).QuotaNonPagedPoolUsage")
        pagefileUsage = try cursor.read(UInt64.self, "\(name).PagefileUsage")
        peakPagefileUsage = try cursor.read(UInt64.self, "\(name).PeakPagefileUsage")
        diagnostics = []
        guard isVersion2 else {
            flags = nil
            privateUsage = try cursor.read(UInt64.self, "\(name).PrivateUsage")
            return
        }
        let flags = ProcessVmCountersFlags(rawValue: second)
        self.flags = flags
        let peakVirtual = try cursor.read(UInt64.self, "\(name).PeakVirtualSize")
        let virtual = try cursor.read(UInt64.self, "\(name).VirtualSize")
        let privateUse = try cursor.read(UInt64.self, "\(name).PrivateUsage")
        let privateWorkingSet = try cursor.read(UInt64.self, "\(name).PrivateWorkingSetSize")
        let sharedCommit = try cursor.read(UInt64.self, "\(name).SharedCommitUsage")
        var job = [UInt64]()
        for field in ["JobSharedCommitUsage", "JobPrivateCommitUsage", "JobPeakPrivateCommitUsage",
                      "JobPrivateCommitLimit", "JobTotalCommitLimit"] {
            job.append(try cursor.read(UInt64.self, "\(name).\(field)"))
        }
        let hasVirtual = flags.contains(.virtualSize)
        let hasExtended2 = flags.contains(.extended2)
        let hasJob = flags.contains(.job)
        peakVirtualSize = hasVirtual ? peakVirtual : nil
        virtualSize = hasVirtual ? virtual : nil
        privateUsage = flags.contains(.extended) ? privateUse : nil
        privateWorkingSetSize = hasExtended2 ? privateWorkingSet : nil
        sharedCommitUsage = hasExtended2 ? sharedCommit : nil
        jobSharedCommitUsage = hasJob ? job[0] : nil
        jobPrivateCommitUsage = hasJob ? job[1] : nil
        jobPeakPrivateCommitUsage = hasJob ? job[2] : nil
        jobPrivateCommitLimit = hasJob ? job[3] : nil
        jobTotalCommitLimit = hasJob ? job[4] : nil
    }
}
