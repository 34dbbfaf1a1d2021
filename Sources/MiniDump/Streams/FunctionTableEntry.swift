/// One function entry of a dynamic function table, as the process registered it
/// (`RtlAddFunctionTable`, `RtlInstallFunctionTableCallback`).
///
/// On AMD64 an entry is a 12-byte `RUNTIME_FUNCTION` whose three fields are relative to the
/// table's base address; for entries of that size the absolute addresses are decoded.
public struct FunctionTableEntry: Sendable, Hashable {
    /// The entry's raw bytes (`SizeOfFunctionEntry` of them).
    public var bytes: [UInt8]
    /// Where the function starts (base address + `BeginAddress`); `nil` unless the entry is 12 bytes.
    public var beginAddress: UInt64?
    /// Where the function ends (base address + `EndAddress`); `nil` unless the entry is 12 bytes.
    public var endAddress: UInt64?
    /// Where its `UNWIND_INFO` lies (base address + `UnwindInfoAddress`); `nil` unless the entry
    /// is 12 bytes.
    public var unwindInfoAddress: UInt64?

    init(bytes: [UInt8], baseAddress: UInt64) {
        self.bytes = bytes
        if bytes.count == 12 {
            func field(_ at: Int) -> UInt64 {
                UInt64(bytes[at]) | UInt64(bytes[at + 1]) << 8 | UInt64(bytes[at + 2]) << 16 | UInt64(bytes[at + 3]) << 24
            }
            // Address arithmetic: wraps exactly as the process computed it.
            beginAddress = baseAddress &+ field(0)
            endAddress = baseAddress &+ field(4)
            unwindInfoAddress = baseAddress &+ field(8)
        }
    }
}
