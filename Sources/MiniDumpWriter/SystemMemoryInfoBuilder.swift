import MiniDump

/// Builds the SystemMemoryInfo stream: `MINIDUMP_SYSTEM_MEMORY_INFO_1`, 492 bytes — `Revision`,
/// `Flags`, `MINIDUMP_SYSTEM_BASIC_INFORMATION` (at 4), `MINIDUMP_SYSTEM_FILECACHE_INFORMATION`
/// (at 56), `MINIDUMP_SYSTEM_BASIC_PERFORMANCE_INFORMATION` (at 116) and
/// `MINIDUMP_SYSTEM_PERFORMANCE_INFORMATION` (at 148, written raw).
///
/// Set ``raw`` to write arbitrary bytes instead.
public struct SystemMemoryInfoBuilder: StreamEncoding {
    /// The size of `MINIDUMP_SYSTEM_MEMORY_INFO_1`.
    public static let size = 492

    /// Always ``StreamType/systemMemoryInfo``.
    public var streamType: StreamType { .systemMemoryInfo }
    /// `Revision` (1).
    public var revision: UInt16 = 1
    /// `Flags` (`MINIDUMP_SYSMEMINFO1_*`).
    public var flags: UInt16 = 0
    /// `BasicInfo.TimerResolution` (100 ns units).
    public var timerResolution: UInt32 = 156_250
    /// `BasicInfo.PageSize`.
    public var pageSize: UInt32 = 4096
    /// `BasicInfo.NumberOfPhysicalPages`.
    public var physicalPageCount: UInt32 = 0
    /// `BasicInfo.LowestPhysicalPageNumber`.
    public var lowestPhysicalPage: UInt32 = 1
    /// `BasicInfo.HighestPhysicalPageNumber`.
    public var highestPhysicalPage: UInt32 = 0
    /// `BasicInfo.AllocationGranularity`.
    public var allocationGranularity: UInt32 = 65536
    /// `BasicInfo.MinimumUserModeAddress`.
    public var minimumUserModeAddress: UInt64 = 0x1_0000
    /// `BasicInfo.MaximumUserModeAddress`.
    public var maximumUserModeAddress: UInt64 = 0x7FFF_FFFE_FFFF
    /// `BasicInfo.ActiveProcessorsAffinityMask`.
    public var activeProcessorsAffinityMask: UInt64 = 0xFF
    /// `BasicInfo.NumberOfProcessors`.
    public var processorCount: UInt32 = 8
    /// `FileCacheInfo.CurrentSize`.
    public var fileCacheCurrentSize: UInt64 = 0
    /// `FileCacheInfo.PeakSize`.
    public var fileCachePeakSize: UInt64 = 0
    /// `BasicPerfInfo.AvailablePages`.
    public var availablePages: UInt64 = 0
    /// `BasicPerfInfo.CommittedPages`.
    public var committedPages: UInt64 = 0
    /// `BasicPerfInfo.CommitLimit`.
    public var commitLimit: UInt64 = 0
    /// `BasicPerfInfo.PeakCommitment`.
    public var peakCommitment: UInt64 = 0
    /// `PerfInfo`: 344 raw bytes (shorter is zero-filled, longer is cut).
    public var performanceInfo: [UInt8] = []
    /// Bytes written instead of the structure when set.
    public var raw: [UInt8]?

    /// Creates a revision-1 record with typical values for an 8-processor x64 machine.
    public init() {}

    /// The stream bytes (`encode(into:)` appends nothing).
    public var bytes: [UInt8] {
        if let raw { return raw }
        var writer = ByteWriter()
        writer.u16(revision)
        writer.u16(flags)
        for value in [timerResolution, pageSize, physicalPageCount, lowestPhysicalPage, highestPhysicalPage,
                      allocationGranularity] {
            writer.u32(value)
        }
        writer.u64(minimumUserModeAddress)
        writer.u64(maximumUserModeAddress)
        writer.u64(activeProcessorsAffinityMask)
        writer.u32(processorCount)
        writer.u64(fileCacheCurrentSize)
        writer.u64(fileCachePeakSize)
        writer.pad(to: 116)
        for value in [availablePages, committedPages, commitLimit, peakCommitment] { writer.u64(value) }
        writer.append(Array(performanceInfo.prefix(Self.size - 148)))
        writer.pad(to: Self.size)
        return writer.bytes
    }

    /// Returns ``bytes``.
    public func encode(into builder: inout MiniDumpBuilder) -> [UInt8] { bytes }
}
