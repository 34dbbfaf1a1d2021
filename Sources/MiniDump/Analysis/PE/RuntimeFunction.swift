/// One entry of an x64 image's exception directory (`.pdata`): the code range of a function and
/// where its unwind information lies. Mirrors `RUNTIME_FUNCTION` (`IMAGE_RUNTIME_FUNCTION_ENTRY`).
public struct RuntimeFunction: Sendable, Hashable {
    /// The size of the record in memory.
    public static let size = 12

    /// The offset of the function's first byte from the image base (`BeginAddress`).
    public var beginRva: UInt32
    /// The offset one past the function's last byte (`EndAddress`).
    public var endRva: UInt32
    /// The offset of the function's `UNWIND_INFO` (`UnwindInfoAddress`/`UnwindData`).
    public var unwindInfoRva: UInt32

    /// Creates a record.
    public init(beginRva: UInt32, endRva: UInt32, unwindInfoRva: UInt32) {
        self.beginRva = beginRva
        self.endRva = endRva
        self.unwindInfoRva = unwindInfoRva
    }

    /// True when `rva` lies in `beginRva ..< endRva`.
    public func contains(rva: UInt32) -> Bool { rva >= beginRva && rva < endRva }
}
