/// The BreakpadInfo stream (0x47670001): which threads wrote and requested the dump.
/// Mirrors Breakpad's `MDRawBreakpadInfo` (12 bytes).
///
/// Breakpad writes the dump from a separate handler thread; tools usually leave that
/// "dump thread" out of analysis, and the "requesting thread" is the one that crashed or asked for
/// the dump.
public struct BreakpadInfoStream: Sendable {
    /// Which of the two ids are valid.
    public var validity: BreakpadInfoValidity
    /// The thread that wrote the dump; `nil` when ``validity`` does not mark it valid.
    public var dumpThreadID: UInt32?
    /// The thread that crashed or requested the dump; `nil` when ``validity`` does not mark it valid.
    public var requestingThreadID: UInt32?
    /// The `dump_thread_id` field as stored, valid or not.
    public var rawDumpThreadID: UInt32
    /// The `requesting_thread_id` field as stored, valid or not.
    public var rawRequestingThreadID: UInt32
    /// Always empty: a stream shorter than 12 bytes throws instead.
    public var diagnostics: [DumpDiagnostic]

    init(parsing cursor: inout ByteCursor) throws(MiniDumpError) {
        validity = BreakpadInfoValidity(rawValue: try cursor.read(UInt32.self, "MDRawBreakpadInfo.validity"))
        rawDumpThreadID = try cursor.read(UInt32.self, "MDRawBreakpadInfo.dump_thread_id")
        rawRequestingThreadID = try cursor.read(UInt32.self, "MDRawBreakpadInfo.requesting_thread_id")
        dumpThreadID = validity.contains(.dumpThreadID) ? rawDumpThreadID : nil
        requestingThreadID = validity.contains(.requestingThreadID) ? rawRequestingThreadID : nil
        diagnostics = []
    }
}
