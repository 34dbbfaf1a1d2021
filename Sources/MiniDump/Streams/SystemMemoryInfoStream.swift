/// The SystemMemoryInfo stream (type 21): machine-wide memory figures when the dump was written.
/// Mirrors `MINIDUMP_SYSTEM_MEMORY_INFO_1` (492 bytes, packed to 4).
///
/// The revision, flags and the three leading blocks are decoded as far as the stream holds them;
/// the large `MINIDUMP_SYSTEM_PERFORMANCE_INFORMATION` block is left in ``rawBytes``.
public struct SystemMemoryInfoStream: Sendable {
    /// The structure's revision (1 for `MINIDUMP_SYSTEM_MEMORY_INFO_1`).
    public var revision: UInt16
    /// `MINIDUMP_SYSMEMINFO1_*` flags saying which optional fields are valid:
    /// 0x1 file-cache transition/flags, 0x2 basic performance, 0x4 and 0x8 performance extras.
    public var flags: UInt16
    /// Page size, physical pages, user address range, processors; `nil` when the stream is too
    /// short to hold it.
    public var basicInfo: SystemBasicInformation?
    /// The file cache's sizes; `nil` when the stream is too short.
    public var fileCacheInfo: SystemFileCacheInformation?
    /// The commit charge; `nil` when the stream is too short.
    public var basicPerformanceInfo: SystemBasicPerformanceInformation?
    /// Every byte of the stream, for the fields not decoded here.
    public var rawBytes: [UInt8]
    /// Always empty: fields the stream is too short for are `nil` instead.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        var whole = cursor
        rawBytes = whole.readRemainingBytes()
        revision = try cursor.read(UInt16.self, "MINIDUMP_SYSTEM_MEMORY_INFO_1.Revision")
        flags = try cursor.read(UInt16.self, "MINIDUMP_SYSTEM_MEMORY_INFO_1.Flags")
        basicInfo = nil
        fileCacheInfo = nil
        basicPerformanceInfo = nil
        diagnostics = []
        guard cursor.remaining >= SystemBasicInformation.size else { return }
        basicInfo = try SystemBasicInformation(parsing: &cursor)
        guard cursor.remaining >= SystemFileCacheInformation.size else { return }
        fileCacheInfo = try SystemFileCacheInformation(parsing: &cursor)
        guard cursor.remaining >= SystemBasicPerformanceInformation.size else { return }
        basicPerformanceInfo = try SystemBasicPerformanceInformation(parsing: &cursor)
    }
}
