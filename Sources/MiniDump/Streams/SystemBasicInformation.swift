/// The machine's memory geometry when the dump was written.
/// Mirrors `MINIDUMP_SYSTEM_BASIC_INFORMATION` (52 bytes, packed to 4).
public struct SystemBasicInformation: Sendable, Hashable {
    /// The timer resolution, in 100 ns units.
    public var timerResolution: UInt32
    /// The page size in bytes.
    public var pageSize: UInt32
    /// The number of physical pages.
    public var numberOfPhysicalPages: UInt32
    /// The lowest physical page number.
    public var lowestPhysicalPageNumber: UInt32
    /// The highest physical page number.
    public var highestPhysicalPageNumber: UInt32
    /// The granularity of virtual allocations, in bytes.
    public var allocationGranularity: UInt32
    /// The lowest user-mode address.
    public var minimumUserModeAddress: UInt64
    /// The highest user-mode address.
    public var maximumUserModeAddress: UInt64
    /// The mask of active processors.
    public var activeProcessorsAffinityMask: UInt64
    /// The number of processors.
    public var numberOfProcessors: UInt32

    static let size = 52

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        let name = "MINIDUMP_SYSTEM_BASIC_INFORMATION"
        timerResolution = try cursor.read(UInt32.self, "\(name).TimerResolution")
        pageSize = try cursor.read(UInt32.self, "\(name).PageSize")
        numberOfPhysicalPages = try cursor.read(UInt32.self, "\(name).NumberOfPhysicalPages")
        lowestPhysicalPageNumber = try cursor.read(UInt32.self, "\(name).LowestPhysicalPageNumber")
        highestPhysicalPageNumber = try cursor.read(UInt32.self, "\(name).HighestPhysicalPageNumber")
        allocationGranularity = try cursor.read(UInt32.self, "\(name).AllocationGranularity")
        minimumUserModeAddress = try cursor.read(UInt64.self, "\(name).MinimumUserModeAddress")
        maximumUserModeAddress = try cursor.read(UInt64.self, "\(name).MaximumUserModeAddress")
        activeProcessorsAffinityMask = try cursor.read(UInt64.self, "\(name).ActiveProcessorsAffinityMask")
        numberOfProcessors = try cursor.read(UInt32.self, "\(name).NumberOfProcessors")
    }
}
