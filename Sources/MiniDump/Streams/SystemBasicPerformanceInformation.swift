/// The system's commit charge when the dump was written, in pages.
/// Mirrors `MINIDUMP_SYSTEM_BASIC_PERFORMANCE_INFORMATION` (32 bytes).
public struct SystemBasicPerformanceInformation: Sendable, Hashable {
    /// Free physical pages.
    public var availablePages: UInt64
    /// Committed pages.
    public var committedPages: UInt64
    /// The commit limit, in pages.
    public var commitLimit: UInt64
    /// The peak commit charge, in pages.
    public var peakCommitment: UInt64

    static let size = 32

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        let name = "MINIDUMP_SYSTEM_BASIC_PERFORMANCE_INFORMATION"
        availablePages = try cursor.read(UInt64.self, "\(name).AvailablePages")
        committedPages = try cursor.read(UInt64.self, "\(name).CommittedPages")
        commitLimit = try cursor.read(UInt64.self, "\(name).CommitLimit")
        peakCommitment = try cursor.read(UInt64.self, "\(name).PeakCommitment")
    }
}
