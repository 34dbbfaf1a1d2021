/// The system file cache's size when the dump was written.
/// Mirrors `MINIDUMP_SYSTEM_FILECACHE_INFORMATION` (60 bytes, packed to 4).
public struct SystemFileCacheInformation: Sendable, Hashable {
    /// The cache's current size in bytes.
    public var currentSize: UInt64
    /// The cache's peak size in bytes.
    public var peakSize: UInt64
    /// Page faults taken by the cache.
    public var pageFaultCount: UInt32
    /// The cache's minimum working set, in bytes.
    public var minimumWorkingSet: UInt64
    /// The cache's maximum working set, in bytes.
    public var maximumWorkingSet: UInt64
    /// The current size including pages in transition, in pages.
    public var currentSizeIncludingTransitionInPages: UInt64
    /// The peak size including pages in transition, in pages.
    public var peakSizeIncludingTransitionInPages: UInt64
    /// Transition pages repurposed (valid when the stream's flags have bit 0x1).
    public var transitionRePurposeCount: UInt32
    /// The cache's flags (valid when the stream's flags have bit 0x1).
    public var flags: UInt32

    static let size = 60

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        let name = "MINIDUMP_SYSTEM_FILECACHE_INFORMATION"
        currentSize = try cursor.read(UInt64.self, "\(name).CurrentSize")
        peakSize = try cursor.read(UInt64.self, "\(name).PeakSize")
        pageFaultCount = try cursor.read(UInt32.self, "\(name).PageFaultCount")
        minimumWorkingSet = try cursor.read(UInt64.self, "\(name).MinimumWorkingSet")
        maximumWorkingSet = try cursor.read(UInt64.self, "\(name).MaximumWorkingSet")
        currentSizeIncludingTransitionInPages = try cursor.read(UInt64.self, "\(name).CurrentSizeIncludingTransitionInPages")
        peakSizeIncludingTransitionInPages = try cursor.read(UInt64.self, "\(name).PeakSizeIncludingTransitionInPages")
        transitionRePurposeCount = try cursor.read(UInt32.self, "\(name).TransitionRePurposeCount")
        flags = try cursor.read(UInt32.self, "\(name).Flags")
    }
}
