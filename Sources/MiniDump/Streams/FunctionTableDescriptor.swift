/// One dynamic function table registered by the process (JIT compilers such as V8 and the CLR
/// register these), with its native descriptor and function entries.
/// Mirrors `MINIDUMP_FUNCTION_TABLE_DESCRIPTOR` and the data that follows it.
public struct FunctionTableDescriptor: Sendable, Hashable {
    /// The lowest address the table covers.
    public var minimumAddress: UInt64
    /// The highest address the table covers.
    public var maximumAddress: UInt64
    /// The address the entries' offsets are relative to.
    public var baseAddress: UInt64
    /// The number of entries the descriptor declares (`EntryCount`).
    public var entryCount: UInt32
    /// The platform's own table descriptor (`DYNAMIC_FUNCTION_TABLE` on AMD64), raw.
    public var nativeDescriptor: [UInt8]
    /// The function entries; fewer than ``entryCount`` when the stream ends early (a diagnostic
    /// then says so).
    public var entries: [FunctionTableEntry]
}
